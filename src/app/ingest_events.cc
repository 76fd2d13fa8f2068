#include "app/ingest_events.h"

#include <chrono>
#include <optional>
#include <unordered_set>

#include "app/event_parts.h"
#include "app/scan_ahead.h"
#include "ingest/events/whole_file.h"
#include "ingest/events/byte_source.h"
#include "store/event_store.h"
#include "store/workspace.h"

namespace bilat::app {
namespace {

bool IsStored(EventFileOutcome::State s) {
  return s == EventFileOutcome::State::kStored || s == EventFileOutcome::State::kAlreadyIngested;
}

// What the commit of a file's part says, onto its outcome.
void ApplyCommit(const store::EventCommit& commit, double seconds_store, EventFileOutcome* out) {
  out->state = commit.already_ingested ? EventFileOutcome::State::kAlreadyIngested : EventFileOutcome::State::kStored;
  out->seconds_store = seconds_store;
  out->seconds += seconds_store;
  if (out->format != "gdelt2-mentions") {  // a mentions file's count is its kept mentions
    out->events_kept = commit.events_added;
    out->events_duplicate = commit.events_duplicate;
  }
}

// Scanned files waiting for their transaction.
struct PendingBatch {
  std::vector<size_t> files;  // indexes into the input
  std::vector<EventPart> parts;
  std::unordered_set<std::string> hashes;
  uint64_t bytes = 0, dyad_rows = 0;
  std::chrono::steady_clock::time_point since;
};

}  // namespace

bool IngestEventsResult::all_stored() const {
  for (const auto& f : files) {
    if (!IsStored(f.state)) return false;
  }
  return true;
}

Status FollowPair(const std::string& workspace, const std::string& a, const std::string& b,
                  const CountryRegistry& countries) {
  BILAT_ASSIGN_OR_RETURN(const Country* ca, countries.Resolve(a));
  BILAT_ASSIGN_OR_RETURN(const Country* cb, countries.Resolve(b));
  if (ca == cb) return Status::InvalidArgument("a pair needs two different countries");
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Open(workspace));
  return store::FollowPair(ws->db(), ca->alpha3, cb->alpha3);
}

Result<std::vector<std::pair<std::string, std::string>>> FollowedPairsOf(const std::string& workspace) {
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::OpenForReading(workspace));
  return store::FollowedPairs(ws->db());
}

Result<std::vector<bool>> EventFilesSeen(const std::string& workspace, const std::vector<std::string>& paths) {
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::OpenForReading(workspace));
  std::vector<bool> out;
  for (const std::string& path : paths) {
    const std::optional<ingest::FileStamp> stamp = ingest::StatFile(path);
    if (!stamp) {
      out.push_back(false);
      continue;
    }
    BILAT_ASSIGN_OR_RETURN(std::optional<int64_t> id,
                           store::FindEventFileByStat(ws->db(), path, stamp->size, stamp->mtime_ns));
    out.push_back(id.has_value());
  }
  return out;
}

Result<IngestEventsResult> MergeEventParts(const std::string& workspace, std::vector<EventPart> parts) {
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Open(workspace));
  std::vector<const store::EventFileBatch*> batches;
  std::vector<size_t> at;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].outcome.state != EventFileOutcome::State::kStored) continue;
    batches.push_back(&parts[i].batch);
    at.push_back(i);
  }
  const auto t0 = std::chrono::steady_clock::now();
  BILAT_ASSIGN_OR_RETURN(std::vector<store::EventCommit> commits, store::CommitEventFiles(ws->db(), batches));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (size_t k = 0; k < commits.size(); ++k) {
    ApplyCommit(commits[k], seconds / static_cast<double>(commits.size()), &parts[at[k]].outcome);
  }
  IngestEventsResult result;
  for (EventPart& p : parts) result.files.push_back(std::move(p.outcome));
  return result;
}

Result<IngestEventsResult> IngestEvents(const IngestEventsOptions& o, const CountryRegistry& countries,
                                        const EventProgressFn& progress) {
  if (o.dataset != "gdelt" && o.dataset != "icews") {
    return Status::InvalidArgument("unknown event dataset '" + o.dataset + "' (use gdelt or icews)");
  }
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Open(o.workspace));
  BILAT_ASSIGN_OR_RETURN(auto followed_iso, store::FollowedPairs(ws->db()));
  BILAT_ASSIGN_OR_RETURN(EventScanSetup setup,
                         MakeEventScanSetup(o.dataset, followed_iso, o.threads, o.max_reject_ratio, countries));

  IngestEventsResult result;
  result.files.resize(o.files.size());
  PendingBatch pending;
  // Commits the pending files in one transaction. The commit's time is
  // shared among them by their bytes.
  auto flush = [&]() -> Status {
    if (pending.parts.empty()) return Status::Ok();
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<const store::EventFileBatch*> batches;
    for (const EventPart& p : pending.parts) batches.push_back(&p.batch);
    BILAT_ASSIGN_OR_RETURN(std::vector<store::EventCommit> commits, store::CommitEventFiles(ws->db(), batches));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (size_t k = 0; k < pending.parts.size(); ++k) {
      EventFileOutcome& out = pending.parts[k].outcome;
      const double share = pending.bytes ? static_cast<double>(out.bytes) / static_cast<double>(pending.bytes)
                                         : 1.0 / static_cast<double>(pending.parts.size());
      ApplyCommit(commits[k], seconds * share, &out);
      result.files[pending.files[k]] = std::move(out);
    }
    pending = PendingBatch();
    return Status::Ok();
  };

  EventScanHooks hooks;
  hooks.is_known = [&](const std::string& hash) {
    if (pending.hashes.count(hash)) return true;
    Result<std::optional<int64_t>> seen = store::FindEventFile(ws->db(), hash);
    return seen.ok() && seen->has_value();  // a failed lookup scans the file; the commit checks again
  };
  hooks.wanted_mentions = [&]() -> Result<std::unordered_set<int64_t>> {
    BILAT_RETURN_IF_ERROR(flush());  // events of earlier files in this run count
    std::unordered_set<int64_t> wanted;
    BILAT_ASSIGN_OR_RETURN(auto stmt, ws->db()->Prepare("SELECT event_id FROM events WHERE dataset = 'gdelt'"));
    while (true) {
      BILAT_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      wanted.insert(stmt.ColumnInt(0));
    }
    return wanted;
  };
  // Files seen before under the same path, size and time are skipped
  // without reading; small GDELT files are scanned ahead on worker threads.
  std::vector<bool> seen(o.files.size()), ahead(o.files.size());
  std::vector<uint64_t> sizes(o.files.size());
  size_t ahead_count = 0;
  for (size_t i = 0; i < o.files.size(); ++i) {
    const std::optional<ingest::FileStamp> stamp = ingest::StatFile(o.files[i]);
    if (!stamp) continue;
    sizes[i] = stamp->size;
    BILAT_ASSIGN_OR_RETURN(std::optional<int64_t> seen_stat,
                           store::FindEventFileByStat(ws->db(), o.files[i], stamp->size, stamp->mtime_ns));
    seen[i] = seen_stat.has_value();
    ahead[i] = !seen[i] && o.dataset == "gdelt" && stamp->size <= ingest::kWholeFileMaxStored;
    ahead_count += ahead[i];
  }
  std::optional<ScanAhead> pool;
  if (setup.scan.threads > 1 && ahead_count > 1) pool.emplace(o.files, ahead, setup, setup.scan.threads, 8);

  for (size_t i = 0; i < o.files.size(); ++i) {
    const std::string& path = o.files[i];
    if (seen[i]) {
      result.files[i].path = path;
      result.files[i].state = EventFileOutcome::State::kAlreadyIngested;
      continue;
    }
    const uint64_t size = sizes[i];
    hooks.progress = {};
    if (progress) hooks.progress = [&, i, size](uint64_t bytes, uint64_t rows) { progress(i, bytes, rows, size); };
    EventPart part;
    if (pool && ahead[i]) {
      part = pool->Take(i);
      if (part.outcome.state == EventFileOutcome::State::kFailed && part.outcome.format == "gdelt2-mentions") {
        part = ScanEventFile(path, setup, hooks);  // mentions are read against the workspace, here
      } else if (part.outcome.state == EventFileOutcome::State::kStored &&
                 hooks.is_known(part.batch.file.content_hash)) {
        part.outcome.state = EventFileOutcome::State::kAlreadyIngested;
      }
      if (hooks.progress) hooks.progress(part.outcome.bytes, part.outcome.rows_ok + part.outcome.rows_rejected);
    } else {
      part = ScanEventFile(path, setup, hooks);
    }
    if (part.outcome.state != EventFileOutcome::State::kStored) {
      result.files[i] = std::move(part.outcome);
      continue;
    }
    if (pending.parts.empty()) pending.since = std::chrono::steady_clock::now();
    pending.files.push_back(i);
    pending.hashes.insert(part.batch.file.content_hash);
    pending.bytes += part.outcome.bytes;
    pending.dyad_rows += part.batch.dyads.size() + part.batch.events.size() + part.batch.rejects.size();
    pending.parts.push_back(std::move(part));
    const bool full = pending.bytes >= o.batch_bytes || pending.dyad_rows >= o.batch_rows ||
                      std::chrono::steady_clock::now() - pending.since >= std::chrono::seconds(o.batch_seconds);
    if (full) BILAT_RETURN_IF_ERROR(flush());
  }
  BILAT_RETURN_IF_ERROR(flush());
  return result;
}

}  // namespace bilat::app
