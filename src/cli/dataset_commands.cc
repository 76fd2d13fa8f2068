// `bilat ingest chinavitae|ceias|aei|... FILES`: one subcommand per dataset adapter.
#include <algorithm>
#include <iostream>

#include "app/ingest_datasets.h"
#include "cli/command.h"
#include "ingest/datasets/adapters.h"
#include "report/format.h"

namespace bilat::cli {
namespace {

// Prints at most this many unmapped or skipped names per file (all are in the
// workspace's dataset_issues table).
constexpr size_t kNamesShown = 20;

void PrintList(const std::vector<std::string>& items, const std::string& heading) {
  if (items.empty()) return;
  std::cout << "  " << heading << ":\n";
  for (size_t i = 0; i < items.size() && i < kNamesShown; ++i) std::cout << "    " << items[i] << "\n";
  if (items.size() > kNamesShown) {
    std::cout << "    ... " << (items.size() - kNamesShown) << " more (all in the workspace's dataset_issues table)\n";
  }
}

void RegisterOne(const CommandRoots& roots, std::vector<Command>* commands, const ingest::DatasetAdapter& adapter) {
  auto opts = std::make_shared<app::IngestDatasetOptions>();
  opts->workspace = ".";
  opts->dataset = std::string(adapter.name);
  CLI::App* sub = roots.ingest->add_subcommand(
      std::string(adapter.name),
      std::string(adapter.help) +
          " Every row keeps its file and line; country names are mapped to ISO and every name that is not is listed "
          "(docs/formats/datasets.md). A file already ingested is skipped; a newer file of the same table replaces "
          "the older one's rows.");
  sub->add_option("FILES", opts->files, "Data files")->required()->check(CLI::ExistingFile);
  sub->add_option("-w,--workspace", opts->workspace, "Workspace folder")->capture_default_str();
  sub->add_option("--max-issue-ratio", opts->max_issue_ratio,
                  "Refuse a file (store nothing of it) when more than this share of its rows has problems "
                  "(unknown country names count; regions and former states skipped on purpose do not)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  sub->add_flag("--replace", opts->replace,
                "Let a file replace the rows of the same table stored from another file (a new release)");
  sub->footer(kExitCodesHelp);
  commands->push_back({sub, [opts] {
    auto result = app::IngestDatasets(*opts, Countries());
    if (!result.ok()) return Fail(result.status());
    int exit_code = kExitOk;
    for (const auto& f : result->files) {
      using State = app::DatasetFileOutcome::State;
      if (f.state == State::kAlreadyIngested) {
        std::cout << f.path << ": already ingested (same content), skipped\n";
        continue;
      }
      if (f.state == State::kWouldReplace) {
        std::cerr << "bilat: " << f.path << ": the workspace holds this table (" << f.scope << ") from " << f.replaces
                  << "; storing this file would replace those rows. Pass --replace if it is a new release of the "
                     "same table; nothing was stored.\n";
        exit_code = std::max(exit_code, kExitBadInput);
        continue;
      }
      if (f.state == State::kFailed) {
        std::cerr << "bilat: " << f.error << "\n";
        exit_code = std::max(exit_code, ExitCodeForFileError(f.error_code));
        continue;
      }
      std::cout << f.path << ": " << f.layout << ", " << f.rows_read << " rows read";
      if (f.state == State::kTooManyIssues) {
        std::cout << ", " << f.problem_rows << " with problems: NOT stored (more than "
                  << report::FormatPct(opts->max_issue_ratio * 100) << "; see --max-issue-ratio)\n";
        exit_code = std::max(exit_code, kExitBadInput);
      } else {
        std::cout << ", " << f.records << " records (" << f.records_added << " new, " << f.records_updated
                  << " changed, " << f.records_unchanged << " unchanged, " << f.records_removed << " removed), "
                  << f.observations << " observations, " << f.rows_skipped << " rows skipped on purpose, "
                  << f.problem_rows << " with problems, " << report::FormatFixed(f.seconds, 2) << " s\n";
        if (!f.replaces.empty()) std::cout << "  replaced the rows stored from " << f.replaces << "\n";
      }
      for (const std::string& s : f.sample_issues) std::cout << "  " << s << "\n";
      PrintList(f.unmapped, "names not mapped to a country (rows skipped)");
      PrintList(f.skipped_names, "not countries, skipped on purpose");
    }
    return exit_code;
  }});
}

}  // namespace

void RegisterDatasetCommands(const CommandRoots& roots, std::vector<Command>* commands) {
  for (const ingest::DatasetAdapter& a : ingest::DatasetAdapters()) RegisterOne(roots, commands, a);
}

}  // namespace bilat::cli
