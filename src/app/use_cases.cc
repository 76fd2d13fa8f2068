#include "app/use_cases.h"

#include <algorithm>
#include <filesystem>

#include "store/migrations.h"
#include "store/workspace.h"

namespace bilat::app {

namespace fs = std::filesystem;

Result<InitResult> InitWorkspace(const std::string& dir) {
  std::error_code ec;
  bool existed = fs::exists(fs::path(dir) / store::Workspace::kDbFile, ec);
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Init(dir));
  BILAT_ASSIGN_OR_RETURN(int version, store::SchemaVersion(ws->db()));
  return InitResult{dir, version, !existed};
}

Result<IngestRegistryResult> IngestRegistry(const IngestRegistryOptions& o,
                                            const CountryRegistry& countries) {
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Open(o.workspace));
  ingest::RegistryBatch batch = ingest::ValidateRegistryDir(o.registry_dir, o.registry_dir, countries);
  IngestRegistryResult r;
  r.issues = std::move(batch.issues);
  r.rows_read = batch.rows_read;
  r.rows_rejected = batch.rows_rejected;
  r.rows_declined = batch.rows_declined;
  r.rows_unreviewed = batch.RowsUnreviewed();
  r.unreviewed = std::move(batch.unreviewed);
  if (!r.issues.empty() && !o.skip_invalid) return r;
  // A file that could not be read as a whole keeps its stored rows.
  std::vector<const KindSpec*> present;
  for (const KindSpec* k : batch.files_present) {
    if (std::find(batch.files_failed.begin(), batch.files_failed.end(), k) == batch.files_failed.end()) {
      present.push_back(k);
    }
  }
  BILAT_ASSIGN_OR_RETURN(r.counts, store::SyncRegistry(ws->db(), batch.records, present));
  r.stored = true;
  for (const auto& [kind, c] : r.counts) {
    r.total.added += c.added;
    r.total.updated += c.updated;
    r.total.unchanged += c.unchanged;
    r.total.removed += c.removed;
  }
  if (r.total.added || r.total.updated || r.total.removed) {
    BILAT_RETURN_IF_ERROR(
        store::LogIngest(ws->db(), "ingest registry", o.registry_dir, r.total, r.rows_rejected));
  }
  return r;
}

}  // namespace bilat::app
