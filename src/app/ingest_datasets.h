// Use case: ingest files of the bulk datasets (China Vitae, CEIAS, AEI,
// AidData, UNGA votes, Lowy, BRI, partnership ladder, visa rules, Confucius
// Institutes, a GDELT-derived score) into a workspace, one transaction per
// file. IMF Direction of Trade files go through IngestTrade (dataset
// "imf_dots") instead: they are trade flows.
#ifndef BILAT_APP_INGEST_DATASETS_H_
#define BILAT_APP_INGEST_DATASETS_H_

#include <string>
#include <vector>

#include "core/country.h"
#include "core/status.h"

namespace bilat::app {

struct IngestDatasetOptions {
  std::string workspace;
  std::string dataset;  // an adapter name: "chinavitae", "aei", ... (ingest::DatasetAdapters())
  std::vector<std::string> files;
  std::string data_dir;  // bilat's data folder; empty: $BILAT_DATA_DIR or the source tree's
  // A file with a larger share of problem rows (issues and unknown country
  // names; names skipped on purpose do not count) is not stored at all.
  double max_issue_ratio = 0.05;
  // A file of a table (scope) the workspace already holds from another file
  // replaces that file's rows only when asked: a wrong or partial file must
  // not silently remove stored rows.
  bool replace = false;
};

struct DatasetFileOutcome {
  enum class State { kStored, kAlreadyIngested, kTooManyIssues, kWouldReplace, kFailed };
  std::string path;
  State state = State::kFailed;
  std::string error;  // for kFailed
  // for kFailed: InvalidArgument when the input was refused (its layout,
  // its bytes), IoError for reading or storing (a full disk), Busy for a
  // workspace another process holds; the CLI maps each to its exit code.
  StatusCode error_code = StatusCode::kOk;
  std::string replaces;  // the stored file of the same table this one replaced (or would replace)
  std::string scope, layout;
  uint64_t rows_read = 0;
  uint64_t rows_skipped = 0;  // on purpose: regions, duplicates of another row, out of scope
  int records_added = 0, records_updated = 0, records_unchanged = 0, records_removed = 0;
  uint64_t records = 0, observations = 0;
  uint64_t problem_rows = 0;
  std::vector<std::string> sample_issues;  // the first few, "file:line: message (hint)"
  // Every name that could not be mapped to ISO: "file:line: field 'name': N rows (why)".
  std::vector<std::string> unmapped;
  std::vector<std::string> skipped_names;  // deliberate: regions, aggregates, former states
  double seconds = 0;
};

struct IngestDatasetResult {
  std::vector<DatasetFileOutcome> files;
};

Result<IngestDatasetResult> IngestDatasets(const IngestDatasetOptions& options, const CountryRegistry& countries);

}  // namespace bilat::app

#endif  // BILAT_APP_INGEST_DATASETS_H_
