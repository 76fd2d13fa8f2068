// bilat command line: builds the CLI11 tree from the command files, parses,
// and runs the chosen command. Only cli/ prints or chooses exit codes.
#include <vector>

#include "cli/command.h"

int main(int argc, char** argv) {
  using namespace bilat::cli;
  CLI::App app{"bilat: quantitative, sourced reports on the relations between two countries.\n"
               "Typical session:\n"
               "  bilat init W\n"
               "  bilat ingest registry W/registry --workspace W\n"
               "  bilat ingest comtrade|baci|wdi FILES --workspace W   (optional statistics)\n"
               "  bilat report CHN KAZ --workspace W"};
  app.footer(kExitCodesHelp);
  app.require_subcommand(1);
  app.set_version_flag("--version", "bilat 0.1.0");
  CLI::App* ingest = app.add_subcommand("ingest", "Load data into a workspace");
  ingest->require_subcommand(1);
  ingest->footer(kExitCodesHelp);

  CommandRoots roots{&app, ingest};
  std::vector<Command> commands;
  RegisterInitCommand(roots, &commands);
  RegisterIngestRegistryCommand(roots, &commands);
  RegisterReportCommand(roots, &commands);
  RegisterEventCommands(roots, &commands);
  RegisterExtractCommand(roots, &commands);
  RegisterIngestTextCommand(roots, &commands);
  RegisterTradeCommands(roots, &commands);
  RegisterDatasetCommands(roots, &commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  for (const Command& c : commands) {
    if (c.sub->parsed()) return c.run();
  }
  return kExitUsage;
}
