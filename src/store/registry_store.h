// Registry storage: writes validated registry Records to the workspace and
// reads them back, by kind and by country pair.
#ifndef BILAT_STORE_REGISTRY_STORE_H_
#define BILAT_STORE_REGISTRY_STORE_H_

#include <map>
#include <string>
#include <vector>

#include "core/record.h"
#include "store/sqlite_db.h"

namespace bilat::store {

struct SyncCounts {
  int added = 0;
  int updated = 0;    // same id, different content or registry line
  int unchanged = 0;
  int removed = 0;    // stored rows of a present file that the file no longer has
};

// Makes the stored rows of every kind in `files_present` equal to `records`
// (indexed like RegistryKinds()), in one transaction: nothing is written if
// any statement fails. Kinds whose file is absent are left alone. Storing the
// same batch twice changes nothing the second time.
Result<std::map<std::string, SyncCounts>> SyncRegistry(
    SqliteDb* db, const std::vector<std::vector<Record>>& records,
    const std::vector<const KindSpec*>& files_present);

// Makes the stored rows of one dataset scope (ids "<scope>:...", in every
// kind, sources included) equal to `sources` + `records`, within the
// caller's transaction. Registry ids never contain ':', so the registry's
// rows and each dataset's never touch each other: SyncRegistry leaves every
// dataset row alone, and a dataset sync leaves the registry's alone. The
// counts are of records; the sources are synchronised but not counted.
Result<SyncCounts> SyncDatasetScope(SqliteDb* db, const std::string& scope, const std::vector<Record>& sources,
                                    const std::vector<Record>& records);

// All stored rows of `kind`, ordered by id.
Result<std::vector<Record>> LoadRecords(SqliteDb* db, const KindSpec& kind);
// The rows of `kind` that concern countries `a` and `b` (alpha-3), following
// the kind's PairRule, ordered by id.
Result<std::vector<Record>> LoadPairRecords(SqliteDb* db, const KindSpec& kind,
                                            const std::string& a, const std::string& b);

// Appends one line to ingest_log.
Status LogIngest(SqliteDb* db, const std::string& command, const std::string& path,
                 const SyncCounts& total, int rejected);

}  // namespace bilat::store

#endif  // BILAT_STORE_REGISTRY_STORE_H_
