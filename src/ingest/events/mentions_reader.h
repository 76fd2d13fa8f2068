// GDELT 2.0 mentions files (16 tab-separated columns): each row is one
// article that mentioned an event. bilat keeps the mentions of events it
// stores whole (followed pairs), to list more sources behind each event.
#ifndef BILAT_INGEST_EVENTS_MENTIONS_READER_H_
#define BILAT_INGEST_EVENTS_MENTIONS_READER_H_

#include <unordered_set>

#include "ingest/events/event_scan.h"

namespace bilat::ingest {

struct Mention {
  uint64_t line = 0;
  int64_t event_id = 0;
  int64_t mention_time = 0;  // YYYYMMDDHHMMSS
  std::string source_name;
  std::string url;           // MentionIdentifier
  int confidence = 0;
};

struct MentionsResult {
  uint64_t bytes = 0, lines = 0, rows_ok = 0;
  uint64_t rejects_by_reason[static_cast<int>(RejectReason::kCount)] = {};
  std::vector<Reject> rejects;
  std::vector<Mention> kept;  // mentions of events in `wanted`
  uint64_t rows_rejected() const;
};

Result<MentionsResult> ReadGdeltMentionsFile(const std::string& path, const std::unordered_set<int64_t>& wanted,
                                             const ScanOptions& options);

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_EVENTS_MENTIONS_READER_H_
