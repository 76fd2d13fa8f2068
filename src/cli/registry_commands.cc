// `bilat init` and `bilat ingest registry`.
#include <iostream>

#include "app/use_cases.h"
#include "cli/command.h"

namespace bilat::cli {

void RegisterInitCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto dir = std::make_shared<std::string>();
  CLI::App* sub = roots.root->add_subcommand(
      "init", "Create a workspace folder (database, registry/, notes/, reports/). "
              "Safe to re-run: it upgrades an older workspace in place.");
  sub->add_option("DIR", *dir, "Workspace folder to create")->required();
  sub->footer(kExitCodesHelp);
  commands->push_back({sub, [dir] {
    auto r = app::InitWorkspace(*dir);
    if (!r.ok()) return Fail(r.status());
    std::cout << (r->created ? "created workspace " : "workspace ") << r->dir << " (schema version "
              << r->schema_version << (r->created ? ")" : ", up to date)") << "\n";
    return kExitOk;
  }});
}

void RegisterIngestRegistryCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto opts = std::make_shared<app::IngestRegistryOptions>();
  opts->workspace = ".";
  CLI::App* sub = roots.ingest->add_subcommand(
      "registry",
      "Validate and store a folder of curated registry CSV files (docs/formats/registry.md). "
      "The whole batch is checked first; every problem is listed as file:line:column, and nothing "
      "is stored unless the batch is valid. Re-ingesting unchanged files changes nothing. Subfolders are read too "
      "(e.g. candidates from `bilat extract --format registry`); a file with a 'review' column stores only the "
      "rows marked accept.");
  sub->add_option("DIR", opts->registry_dir, "Folder holding sources.csv, exchanges.csv, ...")
      ->required()
      ->check(CLI::ExistingDirectory);
  sub->add_option("-w,--workspace", opts->workspace, "Workspace folder")->capture_default_str();
  sub->add_flag("--skip-invalid", opts->skip_invalid,
                "Store the valid rows and list each rejected one, instead of refusing the batch");
  sub->footer(kExitCodesHelp);
  commands->push_back({sub, [opts] {
    auto r = app::IngestRegistry(*opts, Countries());
    if (!r.ok()) return Fail(r.status());
    for (const auto& issue : r->issues) std::cerr << issue.ToString() << "\n";
    for (const auto& u : r->unreviewed) {
      std::cerr << u.file << ": " << u.lines.size() << (u.lines.size() == 1 ? " row" : " rows")
                << " not reviewed yet, left out (line";
      if (u.lines.size() > 1) std::cerr << "s";
      for (size_t i = 0; i < u.lines.size() && i < 10; ++i) std::cerr << (i ? ", " : " ") << u.lines[i];
      if (u.lines.size() > 10) std::cerr << ", ...";
      std::cerr << (u.lines.size() == 1 ? "): set its" : "): set their") << " review cell to accept or reject\n";
    }
    if (!r->stored) {
      std::cerr << "bilat: registry refused: " << r->issues.size()
                << (r->issues.size() == 1 ? " problem" : " problems") << " in " << r->rows_rejected << " of "
                << r->rows_read
                << " rows; nothing was stored. Fix them, or pass --skip-invalid to store the valid rows.\n";
      return kExitBadInput;
    }
    std::cout << "registry " << opts->registry_dir << ": " << r->rows_read << " rows read, " << r->total.added
              << " added, " << r->total.updated << " updated, " << r->total.unchanged << " unchanged, "
              << r->total.removed << " removed";
    if (r->rows_rejected) std::cout << ", " << r->rows_rejected << " rejected (listed above)";
    if (r->rows_declined) std::cout << ", " << r->rows_declined << " declined in review";
    if (r->rows_unreviewed) std::cout << ", " << r->rows_unreviewed << " awaiting review (not stored)";
    std::cout << "\n";
    return kExitOk;
  }});
}

}  // namespace bilat::cli
