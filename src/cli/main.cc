// bilat command line: builds the CLI11 tree from the command files, parses,
// and runs the chosen command. Only cli/ prints or chooses exit codes.
#include <cstdio>
#include <iostream>
#include <vector>

#include "cli/command.h"
#include "store/sqlite_db.h"

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
  RegisterIndexCommand(roots, &commands);
  RegisterServeCommand(roots, &commands);
  RegisterSiteCommand(roots, &commands);
  RegisterChangesCommand(roots, &commands);
  RegisterTrajectoryCommand(roots, &commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  // A writer that finds another process writing the workspace waits its
  // turn (up to BILAT_LOCK_WAIT seconds) and says so, so a cron job beside a
  // colleague's ingest neither fails at once nor hangs silently.
  bilat::store::SetLockWaitObserver([](const bilat::store::LockWait& w) {
    std::string who = w.holder_pid ? "process " + std::to_string(w.holder_pid) : std::string("another process");
    std::fprintf(stderr, "bilat: waiting for %s to finish writing %s: %.0f s so far, giving up after %.0f s "
                 "(BILAT_LOCK_WAIT)\n", who.c_str(), w.path.c_str(), w.waited_s, w.limit_s);
  });
  for (const Command& c : commands) {
    if (!c.sub->parsed()) continue;
    // Library code returns Status; an exception escaping anyway (a third-party
    // library's, or bad_alloc) is reported as a failure, never an abort.
    try {
      return c.run();
    } catch (const std::exception& e) {
      std::cerr << "bilat: internal error: " << e.what() << " (please report it with the command line)\n";
      return kExitError;
    } catch (...) {
      std::cerr << "bilat: internal error (please report it with the command line)\n";
      return kExitError;
    }
  }
  return kExitUsage;
}
