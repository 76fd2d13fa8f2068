// Event files scanned into parts: one file's identity (content hash), its
// counts, its aggregates mapped to ISO codes, the whole events of followed
// pairs and its rejects, made without a workspace. An ingest makes parts and
// commits them in batches (ingest_events.h); the Python module and the Dask
// driver make them on other threads or machines and merge them the same way
// (store::CommitEventFiles), where a file counts once by its content hash.
#ifndef BILAT_APP_EVENT_PARTS_H_
#define BILAT_APP_EVENT_PARTS_H_

#include <functional>
#include <memory>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "app/ingest_events.h"
#include "core/country.h"
#include "core/status.h"
#include "ingest/events/event_lookups.h"
#include "ingest/events/event_scan.h"
#include "store/event_store.h"

namespace bilat::app {

// What a scan needs to know, the same for every file of an ingest.
struct EventScanSetup {
  std::string dataset = "gdelt";  // "gdelt" or "icews"
  ingest::ScanOptions scan;       // followed pairs as CAMEO codes (GDELT) or ISO (ICEWS), both directions
  std::shared_ptr<const ingest::EventLookups> lookups;
  const CountryRegistry* countries = nullptr;  // ICEWS country names
  double max_reject_ratio = 0.01;
};

// `followed`: the ISO pairs whose whole events are kept (a workspace's
// store::FollowedPairs). threads <= 0: one per core.
Result<EventScanSetup> MakeEventScanSetup(const std::string& dataset,
                                          const std::vector<std::pair<std::string, std::string>>& followed,
                                          int threads, double max_reject_ratio, const CountryRegistry& countries);

struct EventPart {
  // state: kStored when the part is ready to commit (nothing is stored
  // yet), kAlreadyIngested when `is_known` recognised its content, else
  // kTooManyRejects or kFailed.
  EventFileOutcome outcome;
  store::EventFileBatch batch;
};

struct EventScanHooks {
  // True when content with this hash is stored already: the file is not
  // scanned. May be empty.
  std::function<bool(const std::string& content_hash)> is_known;
  // The ids of stored events whose mentions to keep; called for GDELT 2.0
  // mentions files only. Empty: mentions files fail (they need a workspace).
  std::function<Result<std::unordered_set<int64_t>>()> wanted_mentions;
  ingest::ProgressFn progress;
};

// Scans one file into a part. Never fails as a whole: a file that cannot be
// read or is not an event file comes back as kFailed with the reason.
EventPart ScanEventFile(const std::string& path, const EventScanSetup& setup, const EventScanHooks& hooks = {});

}  // namespace bilat::app

#endif  // BILAT_APP_EVENT_PARTS_H_
