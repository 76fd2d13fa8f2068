// What every CLI command file shares: the exit codes, error printing, and
// the Command record main() uses to run whichever subcommand was parsed.
//
// Each command lives in its own *_command.cc with a Register function that
// adds its CLI11 subcommand and returns how to run it; main.cc lists them.
#ifndef BILAT_CLI_COMMAND_H_
#define BILAT_CLI_COMMAND_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <vector>

#include "core/country.h"
#include "core/status.h"

namespace bilat::cli {

// Exit codes (documented in README.md and `bilat --help`).
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;     // bilat could not do it (I/O, missing workspace, ...)
inline constexpr int kExitUsage = 2;     // the command line is wrong
inline constexpr int kExitBadInput = 3;  // input data were refused (validation errors, too many rejects)
inline constexpr int kExitBusy = 4;      // the workspace is busy (another process is writing); try again

inline constexpr const char* kExitCodesHelp =
    "Exit codes: 0 success; 1 failure (I/O, missing workspace, internal); "
    "2 usage error; 3 input data refused (e.g. registry validation errors); 4 workspace busy (another process is "
    "writing to it): try again.";

struct Command {
  CLI::App* sub = nullptr;     // parsed() tells whether the user chose it
  std::function<int()> run;    // returns the exit code
};

// The subcommands every Register function may hang its commands under.
struct CommandRoots {
  CLI::App* root = nullptr;
  CLI::App* ingest = nullptr;  // `bilat ingest ...`
};

// Prints "bilat: <message>" and maps the status to an exit code.
int Fail(const Status& status);
// The exit code of one input file that failed (an ingest goes on with the
// others): the input refused (its layout, its bytes, its values) is
// kExitBadInput; reading or storing failing (a full disk, a file that went
// away) is kExitError; a workspace held by another process is kExitBusy.
int ExitCodeForFileError(StatusCode code);
// The country registry, loaded once; exits with kExitError if it cannot load.
const CountryRegistry& Countries();

void RegisterInitCommand(const CommandRoots& roots, std::vector<Command>* commands);
void RegisterIngestRegistryCommand(const CommandRoots& roots, std::vector<Command>* commands);
void RegisterReportCommand(const CommandRoots& roots, std::vector<Command>* commands);
void RegisterEventCommands(const CommandRoots& roots, std::vector<Command>* commands);
void RegisterExtractCommand(const CommandRoots& roots, std::vector<Command>* commands);
void RegisterIngestTextCommand(const CommandRoots& roots, std::vector<Command>* commands);
void RegisterTradeCommands(const CommandRoots& roots, std::vector<Command>* commands);
void RegisterDatasetCommands(const CommandRoots& roots, std::vector<Command>* commands);
void RegisterIndexCommand(const CommandRoots& roots, std::vector<Command>* commands);
void RegisterServeCommand(const CommandRoots& roots, std::vector<Command>* commands);
void RegisterSiteCommand(const CommandRoots& roots, std::vector<Command>* commands);
void RegisterChangesCommand(const CommandRoots& roots, std::vector<Command>* commands);
void RegisterTrajectoryCommand(const CommandRoots& roots, std::vector<Command>* commands);

}  // namespace bilat::cli

#endif  // BILAT_CLI_COMMAND_H_
