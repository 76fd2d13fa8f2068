// Event storage: dyadic monthly aggregates for every dyad, whole events for
// followed pairs, the files they came from and their rejected rows.
//
// Writes go through CommitEventFile(s), one transaction per input file or
// per batch of small files: a file's content hash, its aggregates (added to
// what is stored), its events (deduplicated by id) and its rejects land
// together or not at all, so an ingest killed at any moment leaves the
// workspace as it was before that transaction, and re-running it neither
// loses nor double-counts anything.
#ifndef BILAT_STORE_EVENT_STORE_H_
#define BILAT_STORE_EVENT_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/sqlite_db.h"

namespace bilat::store {

struct EventFileInfo {
  std::string content_hash;  // XXH3-128, hex
  std::string path;
  std::string dataset;       // "gdelt" or "icews"
  std::string format;        // "gdelt1", "gdelt2", "gdelt2-mentions", "icews"
  uint64_t bytes = 0, lines = 0, rows_ok = 0, rows_rejected = 0;
  // The file as found on disk: a re-run recognises it by path, size and
  // modification time without reading it again.
  uint64_t file_size = 0;
  int64_t file_mtime_ns = 0;
};

struct DyadMonth {
  std::string src, dst;  // ISO alpha-3, or a non-state code (e.g. "EUR")
  int month = 0;         // YYYYMM
  bool root = false;
  uint64_t events = 0, q[4] = {0, 0, 0, 0};
  double goldstein_sum = 0;
  uint64_t mentions = 0, sources = 0, articles = 0;
  double tone_x_mentions = 0;
};

struct CountryMonth {
  std::string code;
  int month = 0;
  uint64_t events = 0;
};

struct StoredEvent {
  int64_t event_id = 0;
  std::string date;  // YYYY-MM-DD
  int month = 0;
  std::string src, dst;  // ISO alpha-3
  std::string actor1_code, actor1_name, actor2_code, actor2_name;
  bool root = false;
  std::string event_code;
  int quad_class = 0;
  double goldstein = 0;
  int64_t mentions = 0, sources = 0, articles = 0;
  std::optional<double> avg_tone;
  std::string place, place_country, source_url;
  uint64_t line = 0;
  int64_t file_id = 0;  // set when loaded
};

struct StoredReject {
  uint64_t line = 0, byte_offset = 0;
  std::string reason, detail, text;
};

struct StoredMention {
  int64_t event_id = 0;
  int64_t mention_time = 0;
  std::string source_name, url;
  int confidence = 0;
  uint64_t line = 0;
};

// One fact extracted from a text, with its evidence (see text_items).
struct TextItem {
  int item = 0;  // index within the document
  std::string doc_id, url, doc_date;
  std::string kind;       // visit, event, trade, quantity, money, percentage
  std::string date;       // YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY; "" if none
  std::string countries;  // ';'-joined ISO alpha-3 (visitor;host, parties, trade pair)
  std::string subkind;    // visit kind, event kind, trade flow
  std::string status;     // actual / planned
  std::string actor;      // visitor, or the trade figure's reporter or direction
  std::string what;
  std::optional<double> value, value_high;
  std::string unit, qualifier, period;
  std::optional<double> yoy_pct;
  std::string cameo_code;
  std::optional<double> goldstein;
  double confidence = 0;
  int64_t evidence_begin = 0, evidence_end = 0;  // code points into the document
  std::string evidence;                          // the sentence
  int64_t file_id = 0;                           // set when loaded
};

struct EventFileBatch {
  EventFileInfo file;
  std::vector<DyadMonth> dyads;
  std::vector<CountryMonth> countries;
  std::vector<StoredEvent> events;
  std::vector<StoredReject> rejects;
  std::vector<StoredMention> mentions;
  std::vector<TextItem> text_items;
};

struct EventCommit {
  bool already_ingested = false;  // same content hash seen before: nothing written
  int64_t file_id = 0;
  uint64_t events_added = 0;      // whole events new to the workspace
  uint64_t events_duplicate = 0;  // already stored under the same id
};

// The id of a file already ingested with this content hash, if any.
Result<std::optional<int64_t>> FindEventFile(SqliteDb* db, const std::string& content_hash);
// The id of a file ingested from this path with this size and mtime, if any.
Result<std::optional<int64_t>> FindEventFileByStat(SqliteDb* db, const std::string& path, uint64_t size,
                                                   int64_t mtime_ns);
Result<EventCommit> CommitEventFile(SqliteDb* db, const EventFileBatch& batch);
// Several files in one transaction (the feed of small files): each file's
// row, events and rejects as CommitEventFile, their aggregates summed first
// and added once. A file whose content is already stored, or that comes
// twice in `batches`, is skipped (already_ingested) and its aggregates left
// out, so a file counts once however often it is given. All or nothing.
Result<std::vector<EventCommit>> CommitEventFiles(SqliteDb* db, const std::vector<const EventFileBatch*>& batches);

// Followed pairs, stored unordered (a < b). Raw events are kept for these.
Status FollowPair(SqliteDb* db, const std::string& a, const std::string& b);
Result<std::vector<std::pair<std::string, std::string>>> FollowedPairs(SqliteDb* db);
Result<bool> IsFollowed(SqliteDb* db, const std::string& a, const std::string& b);

// Aggregates of the ordered dyad src -> dst, by month ascending; `root_only`
// drops non-root events. Rows of both root flags are summed.
Result<std::vector<DyadMonth>> LoadDyadMonths(SqliteDb* db, const std::string& dataset, const std::string& src,
                                              const std::string& dst, bool root_only);
// Events naming `code` as an actor, by month.
Result<std::vector<CountryMonth>> LoadCountryMonths(SqliteDb* db, const std::string& dataset,
                                                    const std::string& code);
// Stored whole events of the ordered dyad, by date then id.
Result<std::vector<StoredEvent>> LoadEvents(SqliteDb* db, const std::string& dataset, const std::string& src,
                                            const std::string& dst);
// Number and total bytes of files ingested per dataset.
struct DatasetSummary {
  std::string dataset;
  int files = 0;
  uint64_t rows_ok = 0;
  std::string first_path, last_path;
};
Result<std::vector<DatasetSummary>> EventDatasets(SqliteDb* db);
// Text items whose countries include both `a` and `b`, by date.
Result<std::vector<TextItem>> LoadTextItems(SqliteDb* db, const std::string& a, const std::string& b);

// The path of a stored file, for citations.
Result<std::string> EventFilePath(SqliteDb* db, int64_t file_id);

}  // namespace bilat::store

#endif  // BILAT_STORE_EVENT_STORE_H_
