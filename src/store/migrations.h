// Versioned schema migrations for the workspace database.
//
// The schema version lives in SQLite's user_version. Opening an older
// workspace upgrades it in place, one step at a time, each step atomic; a
// workspace newer than the binary is refused rather than damaged.
#ifndef BILAT_STORE_MIGRATIONS_H_
#define BILAT_STORE_MIGRATIONS_H_

#include "core/status.h"
#include "store/sqlite_db.h"

namespace bilat::store {

int LatestSchemaVersion();
Result<int> SchemaVersion(SqliteDb* db);
// Applies the steps after the current version up to `target_version`
// (the latest by default). Fails, changing nothing further, if a step fails.
Status Migrate(SqliteDb* db, int target_version = LatestSchemaVersion());

}  // namespace bilat::store

#endif  // BILAT_STORE_MIGRATIONS_H_
