#include "app/ingest_datasets.h"

#include <chrono>

#include "app/file_checks.h"
#include "ingest/datasets/adapters.h"
#include "store/dataset_store.h"
#include "store/workspace.h"

namespace bilat::app {

namespace {
constexpr size_t kSampleIssues = 8;
}  // namespace

Result<IngestDatasetResult> IngestDatasets(const IngestDatasetOptions& o, const CountryRegistry& countries) {
  const ingest::DatasetAdapter* adapter = ingest::FindDatasetAdapter(o.dataset);
  if (!adapter) return Status::InvalidArgument("unknown dataset '" + o.dataset + "'");
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Open(o.workspace));
  ingest::AdapterContext ctx;
  ctx.countries = &countries;
  ctx.data_dir = o.data_dir.empty() ? ingest::DefaultDatasetDataDir() : o.data_dir;

  IngestDatasetResult result;
  for (const std::string& path : o.files) {
    DatasetFileOutcome out;
    out.path = path;
    auto t0 = std::chrono::steady_clock::now();
    auto done = [&](DatasetFileOutcome::State state, const Status& error = Status::Ok()) {
      out.state = state;
      out.error = error.message();
      out.error_code = error.code();
      out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      result.files.push_back(std::move(out));
    };
    BILAT_ASSIGN_OR_RETURN(
        InputFile in,
        CheckInputFile(
            path, "a " + std::string(adapter->title) + " CSV",
            [&](const std::string& p, uint64_t size, int64_t mtime) {
              return store::FindDatasetFileByStat(ws->db(), p, size, mtime);
            },
            [&](const std::string& hash) { return store::FindDatasetFile(ws->db(), hash); }));
    if (in.verdict != InputFile::Verdict::kRead) {
      done(in.verdict == InputFile::Verdict::kAlreadyIngested ? DatasetFileOutcome::State::kAlreadyIngested
                                                               : DatasetFileOutcome::State::kFailed,
           in.error);
      continue;
    }
    ctx.label = path;
    Result<ingest::DatasetLoadResult> loaded = adapter->load(path, ctx);
    if (!loaded.ok()) {
      done(DatasetFileOutcome::State::kFailed, loaded.status());
      continue;
    }
    const ingest::DatasetLoadResult& r = *loaded;
    out.scope = r.scope;
    out.layout = r.layout;
    out.rows_read = r.rows_read;
    out.rows_skipped = r.rows_skipped;
    out.records = r.records.size();
    out.problem_rows = r.ProblemRows();
    for (size_t k = 0; k < r.issues.size() && k < kSampleIssues; ++k) out.sample_issues.push_back(r.issues[k].ToString());
    for (const auto& [key, u] : r.unmapped) {
      std::string where = path + ":" + std::to_string(u.first_line) + ": " + u.field + " '" + u.name + "': " +
                          std::to_string(u.rows) + (u.rows == 1 ? " row" : " rows");
      if (u.deliberate) {
        out.rows_skipped += u.rows;
        out.skipped_names.push_back(where + " (" + u.why + ")");
      } else {
        out.unmapped.push_back(where + " (unknown country; add it to data/dataset_country_names.tsv)");
      }
    }
    const double ratio = static_cast<double>(out.problem_rows) / std::max<double>(1.0, static_cast<double>(r.rows_read));
    if (ratio > o.max_issue_ratio) {
      done(DatasetFileOutcome::State::kTooManyIssues);
      continue;
    }
    BILAT_ASSIGN_OR_RETURN(std::optional<store::DatasetFileSummary> current,
                           store::CurrentFileOfScope(ws->db(), r.scope));
    if (current) {
      out.replaces = current->path + " (" + std::to_string(current->records) + " records, " +
                     std::to_string(current->observations) + " observations)";
      if (!o.replace) {
        done(DatasetFileOutcome::State::kWouldReplace);
        continue;
      }
    }
    store::DatasetFileInfo info{in.content_hash, path, in.size, in.mtime_ns};
    Result<store::DatasetStoreCounts> stored = store::StoreDatasetFile(ws->db(), info, r);
    if (!stored.ok()) {
      done(DatasetFileOutcome::State::kFailed, Status(stored.status().code(), path + ": " + stored.status().message()));
      continue;
    }
    out.records_added = stored->records_added;
    out.records_updated = stored->records_updated;
    out.records_unchanged = stored->records_unchanged;
    out.records_removed = stored->records_removed;
    out.observations = stored->observations;
    done(DatasetFileOutcome::State::kStored);
  }
  return result;
}

}  // namespace bilat::app
