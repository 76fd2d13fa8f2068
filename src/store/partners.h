// The partners of a country in a workspace: every country that some stored
// fact pairs with it (registry and dataset records, observations, trade
// totals, event aggregates), for writing a whole series of reports.
#ifndef BILAT_STORE_PARTNERS_H_
#define BILAT_STORE_PARTNERS_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "store/sqlite_db.h"

namespace bilat::store {

// Alpha-3 codes of every partner of `country` (not itself, not "WLD"),
// sorted.
Result<std::vector<std::string>> PartnersOf(SqliteDb* db, const std::string& country);

}  // namespace bilat::store

#endif  // BILAT_STORE_PARTNERS_H_
