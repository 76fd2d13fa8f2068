#include "app/ingest_events.h"

#include <chrono>
#include <map>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "ingest/events/byte_source.h"
#include "ingest/events/event_lookups.h"
#include "ingest/events/event_scan.h"
#include "ingest/events/icews_reader.h"
#include "ingest/events/mentions_reader.h"
#include "store/event_store.h"
#include "store/workspace.h"

namespace bilat::app {
namespace {

using ingest::DyadKey;
using ingest::EventLookups;
using ingest::EventTotals;
using ingest::ScanResult;

bool IsStored(EventFileOutcome::State s) {
  return s == EventFileOutcome::State::kStored || s == EventFileOutcome::State::kAlreadyIngested;
}

std::string IsoDate(int yyyymmdd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
  return buf;
}

void CopyRejects(const std::vector<ingest::Reject>& rejects, store::EventFileBatch* batch, EventFileOutcome* out) {
  for (const ingest::Reject& r : rejects) {
    batch->rejects.push_back({r.line, r.byte_offset, ingest::RejectReasonName(r.reason), r.detail, r.text});
    if (out->sample_rejects.size() < 5) {
      out->sample_rejects.push_back("line " + std::to_string(r.line) + " (byte " + std::to_string(r.byte_offset) +
                                    "): " + ingest::RejectReasonName(r.reason) +
                                    (r.detail.empty() ? "" : ": " + r.detail));
    }
  }
}

void CountReasons(const uint64_t* by_reason, EventFileOutcome* out) {
  for (int i = 0; i < static_cast<int>(ingest::RejectReason::kCount); ++i) {
    if (by_reason[i]) {
      out->rejects_by_reason.emplace_back(ingest::RejectReasonName(static_cast<ingest::RejectReason>(i)), by_reason[i]);
    }
  }
}

// Scan result -> store batch, with CAMEO codes mapped to ISO alpha-3. Groups
// whose codes map to the same ISO pair are summed; the mapping is looked up
// once per distinct code, and rows come out sorted by primary key, which is
// the cheapest order for SQLite to insert.
void ToBatch(const ScanResult& s, const EventLookups& lookups, bool gdelt, store::EventFileBatch* b) {
  ingest::CodeBook iso_codes;
  std::unordered_map<ingest::CodeId, ingest::CodeId> to_iso;
  auto iso_of = [&](ingest::CodeId cameo) {
    auto it = to_iso.find(cameo);
    if (it != to_iso.end()) return it->second;
    ingest::CodeId id = iso_codes.Intern(lookups.IsoForCameo(s.codes.Name(cameo)));
    to_iso.emplace(cameo, id);
    return id;
  };
  ingest::DyadAggregates merged;
  s.dyads.ForEach([&](uint64_t key, const EventTotals& t) {
    DyadKey k = DyadKey::Unpack(key);
    k.src = iso_of(k.src);
    k.dst = iso_of(k.dst);
    merged.At(k.Pack()).Add(t);
  });
  // Packed keys sort like (src, dst, month, root) for three-letter codes,
  // which is the table's primary-key order: sort integers, not strings.
  std::vector<std::pair<uint64_t, const EventTotals*>> rows;
  rows.reserve(merged.size());
  merged.ForEach([&](uint64_t key, const EventTotals& t) { rows.push_back({key, &t}); });
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  b->dyads.reserve(rows.size());
  for (const auto& [key, t] : rows) {
    DyadKey k = DyadKey::Unpack(key);
    store::DyadMonth d;
    d.src = iso_codes.Name(k.src);
    d.dst = iso_codes.Name(k.dst);
    d.month = static_cast<int>(k.month);
    d.root = k.root;
    d.events = t->events;
    for (int q = 0; q < 4; ++q) d.q[q] = t->quad[q];
    d.goldstein_sum = t->goldstein_sum;
    d.mentions = t->mentions;
    d.sources = t->sources;
    d.articles = t->articles;
    d.tone_x_mentions = t->tone_x_mentions;
    b->dyads.push_back(std::move(d));
  }
  std::map<std::pair<std::string, int>, uint64_t> countries;
  for (const auto& [key, n] : s.country_months) {
    DyadKey k = DyadKey::Unpack(key);
    countries[{iso_codes.Name(iso_of(k.src)), static_cast<int>(k.month)}] += n;
  }
  for (const auto& [k, n] : countries) b->countries.push_back({k.first, k.second, n});
  for (const ingest::FollowedEvent& e : s.followed) {
    store::StoredEvent o;
    o.event_id = e.event_id;
    o.date = IsoDate(e.sql_date);
    o.month = e.month;
    o.src = lookups.IsoForCameo(e.actor1_country);
    o.dst = lookups.IsoForCameo(e.actor2_country);
    o.actor1_code = e.actor1_code;
    o.actor1_name = e.actor1_name;
    o.actor2_code = e.actor2_code;
    o.actor2_name = e.actor2_name;
    o.root = e.root;
    o.event_code = e.event_code;
    o.quad_class = e.quad_class;
    o.goldstein = e.goldstein;
    o.mentions = e.mentions;
    o.sources = e.sources;
    o.articles = e.articles;
    if (gdelt) o.avg_tone = e.avg_tone;
    o.place = e.action_geo_name;
    o.place_country = gdelt ? lookups.IsoForFips(e.action_geo_country_fips) : e.action_geo_country_iso;
    o.source_url = gdelt ? e.source_url : e.source_name;
    o.line = e.line;
    b->events.push_back(std::move(o));
  }
}

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

Result<IngestEventsResult> IngestEvents(const IngestEventsOptions& o, const CountryRegistry& countries,
                                        const EventProgressFn& progress) {
  if (o.dataset != "gdelt" && o.dataset != "icews") {
    return Status::InvalidArgument("unknown event dataset '" + o.dataset + "' (use gdelt or icews)");
  }
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Open(o.workspace));
  BILAT_ASSIGN_OR_RETURN(std::shared_ptr<const EventLookups> lookups, EventLookups::LoadDefault());
  BILAT_ASSIGN_OR_RETURN(auto followed_iso, store::FollowedPairs(ws->db()));

  ingest::ScanOptions scan;
  scan.threads = o.threads > 0 ? o.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (const auto& [a, b] : followed_iso) {
    if (o.dataset == "icews") {
      scan.followed.emplace_back(a, b);
      scan.followed.emplace_back(b, a);
      continue;
    }
    for (const std::string& ca : lookups->CameoForIso(a)) {
      for (const std::string& cb : lookups->CameoForIso(b)) {
        scan.followed.emplace_back(ca, cb);
        scan.followed.emplace_back(cb, ca);
      }
    }
  }

  IngestEventsResult result;
  for (size_t i = 0; i < o.files.size(); ++i) {
    const std::string& path = o.files[i];
    EventFileOutcome out;
    out.path = path;
    auto t0 = std::chrono::steady_clock::now();
    const std::optional<ingest::FileStamp> stamp = ingest::StatFile(path);
    const uint64_t size = stamp ? stamp->size : 0;
    auto fail = [&](const Status& st) {
      out.state = EventFileOutcome::State::kFailed;
      out.error = st.message();
      out.error_code = st.code();
    };
    auto lap = [t = std::chrono::steady_clock::now()]() mutable {
      auto now = std::chrono::steady_clock::now();
      double d = std::chrono::duration<double>(now - t).count();
      t = now;
      return d;
    };
    const int64_t mtime_ns = stamp ? stamp->mtime_ns : 0;
    // Seen before under this path, size and time: skip without reading.
    BILAT_ASSIGN_OR_RETURN(std::optional<int64_t> seen_stat,
                           store::FindEventFileByStat(ws->db(), path, size, mtime_ns));
    if (seen_stat) {
      out.state = EventFileOutcome::State::kAlreadyIngested;
      result.files.push_back(std::move(out));
      continue;
    }
    // Plain GDELT event files are hashed by the scanner in the same pass;
    // everything else is hashed first, so that known content is skipped.
    Result<std::string> first_line = ingest::ReadFirstLine(path);
    const size_t first_fields =
        first_line.ok() && !first_line->empty() ? Split(*first_line, '\t').size() : 0;
    const bool hash_in_scan = o.dataset == "gdelt" && ingest::IsPlainFile(path) &&
                              (first_fields == 57 || first_fields == 58 || first_fields == 61);
    Result<std::string> hash = std::string();
    if (!hash_in_scan) {
      hash = ingest::FileContentHash(path);
      if (!hash.ok()) {
        fail(hash.status());
        result.files.push_back(std::move(out));
        continue;
      }
      BILAT_ASSIGN_OR_RETURN(std::optional<int64_t> seen, store::FindEventFile(ws->db(), *hash));
      if (seen) {
        out.state = EventFileOutcome::State::kAlreadyIngested;
        result.files.push_back(std::move(out));
        continue;
      }
    }
    out.seconds_hash = lap();
    ingest::ProgressFn on_bytes;
    if (progress) on_bytes = [&, i, size](uint64_t bytes, uint64_t rows) { progress(i, bytes, rows, size); };

    store::EventFileBatch batch;
    batch.file.content_hash = *hash;
    batch.file.file_size = size;
    batch.file.file_mtime_ns = mtime_ns;
    batch.file.path = path;
    batch.file.dataset = o.dataset;
    std::unique_ptr<ScanResult> scanned;
    if (o.dataset == "icews") {
      auto r = ingest::ReadIcewsFile(path, scan, countries, *lookups, on_bytes);
      if (!r.ok()) {
        fail(r.status());
        result.files.push_back(std::move(out));
        continue;
      }
      scanned = std::move(*r);
      out.format = "icews";
      for (const auto& [name, n] : scanned->unresolved_names) out.unresolved_names += n;
    } else {
      Result<std::string>& first = first_line;  // read above
      if (!first.ok()) {
        fail(first.status());
        result.files.push_back(std::move(out));
        continue;
      }
      if (first->find('\0') != std::string::npos || !IsValidUtf8(*first)) {
        fail(Status::InvalidArgument(path + ": binary data, not a GDELT file (GDELT files are tab-separated text)"));
        result.files.push_back(std::move(out));
        continue;
      }
      if (first->empty() && size == 0) {
        fail(Status::InvalidArgument(path + ": the file is empty"));
        result.files.push_back(std::move(out));
        continue;
      }
      size_t fields = first->empty() ? 0 : Split(*first, '\t').size();
      if (fields == 16) {  // GDELT 2.0 mentions: keep those of stored events
        std::unordered_set<int64_t> wanted;
        {
          BILAT_ASSIGN_OR_RETURN(auto stmt, ws->db()->Prepare("SELECT event_id FROM events WHERE dataset = 'gdelt'"));
          while (true) {
            BILAT_ASSIGN_OR_RETURN(bool row, stmt.Step());
            if (!row) break;
            wanted.insert(stmt.ColumnInt(0));
          }
        }
        auto m = ingest::ReadGdeltMentionsFile(path, wanted, scan);
        if (!m.ok()) {
          fail(m.status());
          result.files.push_back(std::move(out));
          continue;
        }
        out.format = batch.file.format = "gdelt2-mentions";
        out.bytes = m->bytes;
        out.lines = m->lines;
        out.rows_ok = m->rows_ok;
        out.rows_rejected = m->rows_rejected();
        CountReasons(m->rejects_by_reason, &out);
        CopyRejects(m->rejects, &batch, &out);
        for (const ingest::Mention& mm : m->kept) {
          batch.mentions.push_back({mm.event_id, mm.mention_time, mm.source_name, mm.url, mm.confidence, mm.line});
        }
        out.events_kept = m->kept.size();
      } else if (fields == 57 || fields == 58 || fields == 61) {
        scan.version = fields == 61 ? ingest::GdeltVersion::kV2 : ingest::GdeltVersion::kV1;
        auto r = ingest::ScanGdeltFile(path, scan, on_bytes);
        if (!r.ok()) {
          fail(r.status());
          result.files.push_back(std::move(out));
          continue;
        }
        scanned = std::move(*r);
        out.format = fields == 61 ? "gdelt2" : "gdelt1";
        if (hash_in_scan) {
          batch.file.content_hash = scanned->content_hash;
          BILAT_ASSIGN_OR_RETURN(std::optional<int64_t> seen, store::FindEventFile(ws->db(), scanned->content_hash));
          if (seen) {  // the same content under another name or time
            out.state = EventFileOutcome::State::kAlreadyIngested;
            result.files.push_back(std::move(out));
            continue;
          }
        }
      } else {
        fail(Status::InvalidArgument(
            path + ": not a GDELT file: its first line has " + std::to_string(fields) +
            " tab-separated fields; expected 57 or 58 (GDELT 1.0 events), 61 (GDELT 2.0 events) or 16 "
            "(GDELT 2.0 mentions). For ICEWS files use 'bilat ingest icews'."));
        result.files.push_back(std::move(out));
        continue;
      }
    }
    if (scanned) {
      out.bytes = scanned->bytes;
      out.lines = scanned->lines;
      out.rows_ok = scanned->rows_ok;
      out.rows_rejected = scanned->rows_rejected();
      CountReasons(scanned->rejects_by_reason, &out);
      batch.file.format = out.format;
      ToBatch(*scanned, *lookups, o.dataset == "gdelt", &batch);
      out.dyad_groups = batch.dyads.size();
    }
    if (scanned) CopyRejects(scanned->rejects, &batch, &out);
    out.seconds_scan = lap();
    batch.file.bytes = out.bytes;
    batch.file.lines = out.lines;
    batch.file.rows_ok = out.rows_ok;
    batch.file.rows_rejected = out.rows_rejected;
    const uint64_t rows = out.rows_ok + out.rows_rejected;
    if (rows > 0 && static_cast<double>(out.rows_rejected) / static_cast<double>(rows) > o.max_reject_ratio) {
      out.state = EventFileOutcome::State::kTooManyRejects;
      out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      result.files.push_back(std::move(out));
      continue;
    }
    BILAT_ASSIGN_OR_RETURN(store::EventCommit commit, store::CommitEventFile(ws->db(), batch));
    out.seconds_store = lap();
    out.state = commit.already_ingested ? EventFileOutcome::State::kAlreadyIngested : EventFileOutcome::State::kStored;
    if (out.format != "gdelt2-mentions") {
      out.events_kept = commit.events_added;
      out.events_duplicate = commit.events_duplicate;
    }
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    result.files.push_back(std::move(out));
  }
  return result;
}

}  // namespace bilat::app
