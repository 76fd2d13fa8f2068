// Use cases: each function is one thing a user asks bilat to do, wiring the
// modules together (ingest validates, store persists, measure derives,
// report renders). Results are returned as data; printing is cli's job.
#ifndef BILAT_APP_USE_CASES_H_
#define BILAT_APP_USE_CASES_H_

#include <map>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/status.h"
#include "ingest/registry/registry_issue.h"
#include "ingest/registry/registry_validator.h"
#include "store/registry_store.h"

namespace bilat::app {

struct InitResult {
  std::string dir;
  int schema_version = 0;
  bool created = false;  // false when the workspace already existed
};
Result<InitResult> InitWorkspace(const std::string& dir);

struct IngestRegistryOptions {
  std::string workspace;
  std::string registry_dir;
  bool skip_invalid = false;  // store the good rows even when some are bad
};

struct IngestRegistryResult {
  std::vector<ingest::RegistryIssue> issues;  // every problem found
  int rows_read = 0;
  int rows_rejected = 0;
  int rows_declined = 0;  // review = reject
  // Rows not reviewed yet (review = candidate or blank), left out, by file.
  std::vector<ingest::UnreviewedRows> unreviewed;
  int rows_unreviewed = 0;
  bool stored = false;  // false: the batch was refused, nothing written
  std::map<std::string, store::SyncCounts> counts;  // by kind, when stored
  store::SyncCounts total;
};
// Validates the folder; stores it when valid (or with skip_invalid). A
// refused batch is not an error Status: the issues say why. Errors are for
// a missing workspace, an unreadable database and the like.
Result<IngestRegistryResult> IngestRegistry(const IngestRegistryOptions& options,
                                            const CountryRegistry& countries);

}  // namespace bilat::app

#endif  // BILAT_APP_USE_CASES_H_
