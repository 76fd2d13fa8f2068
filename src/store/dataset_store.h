// Dataset storage: one file of a bulk dataset (its registry-kind records,
// observations, issues and unmapped names) written in one transaction, and
// the observations about a pair read back with their file and line.
//
// A file's rows replace the rows of the earlier file of the same scope (a
// new release of the same table); a file whose content is already the
// scope's current one is not stored again.
#ifndef BILAT_STORE_DATASET_STORE_H_
#define BILAT_STORE_DATASET_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/datasets/dataset_types.h"
#include "store/sqlite_db.h"

namespace bilat::store {

struct DatasetFileInfo {
  std::string content_hash;  // XXH3-128, hex
  std::string path;
  uint64_t file_size = 0;
  int64_t file_mtime_ns = 0;
};

struct DatasetStoreCounts {
  int64_t file_id = 0;
  int records_added = 0, records_updated = 0, records_unchanged = 0, records_removed = 0;
  uint64_t observations = 0;
  uint64_t duplicate_observations = 0;  // same key twice in the file: the first stands (listed as issues)
  uint64_t issues = 0;                  // issue rows written, unmapped names included
};

// Stores `result` (its scope replaces the earlier file of that scope) in one
// transaction. Nothing is written if any statement fails.
Result<DatasetStoreCounts> StoreDatasetFile(SqliteDb* db, const DatasetFileInfo& info,
                                            const ingest::DatasetLoadResult& result);

// The current file with this content hash, or from this path with this size
// and modification time.
Result<std::optional<int64_t>> FindDatasetFile(SqliteDb* db, const std::string& content_hash);
Result<std::optional<int64_t>> FindDatasetFileByStat(SqliteDb* db, const std::string& path, uint64_t size,
                                                     int64_t mtime_ns);

struct DatasetFileSummary {
  int64_t id = 0;
  std::string path, dataset, scope, layout, ingested_at;
  uint64_t rows_read = 0, records = 0, observations = 0, rows_skipped = 0, issues = 0;
};
// The current file of `scope`, if any.
Result<std::optional<DatasetFileSummary>> CurrentFileOfScope(SqliteDb* db, const std::string& scope);
// The current file of every scope, by dataset and scope.
Result<std::vector<DatasetFileSummary>> CurrentDatasetFiles(SqliteDb* db);

// One stored observation with its provenance.
struct StoredObservation {
  std::string scope, measure, subject, object, period, item;
  std::optional<double> value;
  std::string text;
  std::string path;  // the file
  uint64_t line = 0;
};

// Observations of current files that concern `a` and `b`: pair values either
// way (subject a, object b or the reverse) and each side's country-level
// values (object ""). Ordered by measure, subject, object, period, item.
Result<std::vector<StoredObservation>> LoadPairObservations(SqliteDb* db, const std::string& a, const std::string& b);
// Every current observation of `measure` (for series-wide figures such as
// ranks), same order.
Result<std::vector<StoredObservation>> LoadMeasure(SqliteDb* db, const std::string& measure);

}  // namespace bilat::store

#endif  // BILAT_STORE_DATASET_STORE_H_
