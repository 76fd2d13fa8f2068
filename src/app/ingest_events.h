// Use case: ingest event files (GDELT 1.0/2.0 events and 2.0 mentions,
// ICEWS) into a workspace. Each file is scanned into a part
// (event_parts.h); small files' parts are committed in batches, one
// transaction each, so the feed of 15-minute files costs about what the same
// bytes cost as one file. A file counts once: by path, size and time, then
// by content hash, also within a batch.
#ifndef BILAT_APP_INGEST_EVENTS_H_
#define BILAT_APP_INGEST_EVENTS_H_

#include <functional>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/status.h"

namespace bilat::app {

struct IngestEventsOptions {
  std::string workspace;
  std::vector<std::string> files;
  std::string dataset = "gdelt";   // "gdelt" or "icews"
  int threads = 0;                 // 0: one per core
  double max_reject_ratio = 0.01;  // a file with more rejects is not stored
  // Small files are committed together, one transaction per batch: a batch
  // closes at this many scanned bytes, rows to write, or seconds since its
  // first file, whichever comes first. A large file is a batch of its own.
  uint64_t batch_bytes = uint64_t{512} << 20;
  uint64_t batch_rows = 2'000'000;
  int batch_seconds = 10;
};

struct EventFileOutcome {
  enum class State { kStored, kAlreadyIngested, kTooManyRejects, kFailed };
  std::string path;
  State state = State::kFailed;
  std::string error;   // for kFailed
  // for kFailed: InvalidArgument when the input was refused (its layout,
  // its bytes), IoError for reading or storing (a full disk), Busy for a
  // workspace another process holds; the CLI maps each to its exit code.
  StatusCode error_code = StatusCode::kOk;
  std::string format;  // "gdelt2", "gdelt1", "gdelt2-mentions", "icews"
  uint64_t bytes = 0, lines = 0, rows_ok = 0, rows_rejected = 0;
  std::vector<std::pair<std::string, uint64_t>> rejects_by_reason;  // non-zero only
  std::vector<std::string> sample_rejects;  // "line 12 (byte 3021): column count: 60 fields, expected 61"
  uint64_t dyad_groups = 0;
  uint64_t events_kept = 0, events_duplicate = 0;  // followed-pair events
  uint64_t unresolved_names = 0;                  // ICEWS actor countries not resolved
  double seconds = 0;
  // Where the time went: hashing the file, scanning it, storing the batch.
  double seconds_hash = 0, seconds_scan = 0, seconds_store = 0;
};

struct IngestEventsResult {
  std::vector<EventFileOutcome> files;
  bool all_stored() const;  // every file stored or already there
};

// Called while reading with (file index, bytes read in that file, rows read
// in that file, file size in bytes). Bytes are decompressed bytes, so for
// .zip and .gz input they can exceed the file size.
using EventProgressFn = std::function<void(size_t, uint64_t, uint64_t, uint64_t)>;

Result<IngestEventsResult> IngestEvents(const IngestEventsOptions& options, const CountryRegistry& countries,
                                        const EventProgressFn& progress = {});

struct EventPart;  // event_parts.h

// Commits parts scanned elsewhere (other threads, Dask workers) into a
// workspace, in one transaction: parts ready to store are stored unless
// their content is there already (then kAlreadyIngested); the others'
// outcomes pass through. The same parts merged twice change nothing.
Result<IngestEventsResult> MergeEventParts(const std::string& workspace, std::vector<EventPart> parts);

// For drivers that scan elsewhere (the Dask driver): the pairs a workspace
// follows (ISO alpha-3, as stored), and which files it has already by path,
// size and modification time (those need not be scanned).
Result<std::vector<std::pair<std::string, std::string>>> FollowedPairsOf(const std::string& workspace);
Result<std::vector<bool>> EventFilesSeen(const std::string& workspace, const std::vector<std::string>& paths);

// Follows a pair: whole events are kept for it by later ingests.
Status FollowPair(const std::string& workspace, const std::string& a, const std::string& b,
                  const CountryRegistry& countries);

}  // namespace bilat::app

#endif  // BILAT_APP_INGEST_EVENTS_H_
