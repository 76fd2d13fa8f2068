#include "app/event_parts.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <thread>
#include <unordered_map>

#include "core/text.h"
#include "ingest/events/byte_source.h"
#include "ingest/events/icews_reader.h"
#include "ingest/events/mentions_reader.h"
#include "ingest/events/whole_file.h"

namespace bilat::app {
namespace {

using ingest::DyadKey;
using ingest::EventLookups;
using ingest::EventTotals;
using ingest::ScanResult;

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
  // Groups keyed by ISO codes, sorted: packed keys sort like (src, dst,
  // month, root) for three-letter codes, which is the table's primary-key
  // order, so integers are sorted, not strings. Groups whose CAMEO codes
  // map to one ISO code end up side by side and are summed there.
  std::vector<std::pair<uint64_t, const EventTotals*>> rows;
  rows.reserve(s.dyads.size());
  s.dyads.ForEach([&](uint64_t key, const EventTotals& t) {
    DyadKey k = DyadKey::Unpack(key);
    k.src = iso_of(k.src);
    k.dst = iso_of(k.dst);
    rows.push_back({k.Pack(), &t});
  });
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  b->dyads.reserve(rows.size());
  for (size_t i = 0; i < rows.size();) {
    const uint64_t key = rows[i].first;
    EventTotals sum = *rows[i].second;
    for (++i; i < rows.size() && rows[i].first == key; ++i) sum.Add(*rows[i].second);
    const EventTotals* t = &sum;
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
  // Countries likewise: (ISO code, month) keys packed, sorted and summed.
  std::vector<std::pair<uint64_t, uint64_t>> countries;
  countries.reserve(s.country_months.size());
  for (const auto& [key, n] : s.country_months) {
    DyadKey k = DyadKey::Unpack(key);
    k.src = iso_of(k.src);
    countries.push_back({k.Pack(), n});
  }
  std::sort(countries.begin(), countries.end());
  for (size_t i = 0; i < countries.size();) {
    const uint64_t key = countries[i].first;
    uint64_t n = 0;
    for (; i < countries.size() && countries[i].first == key; ++i) n += countries[i].second;
    DyadKey k = DyadKey::Unpack(key);
    b->countries.push_back({iso_codes.Name(k.src), static_cast<int>(k.month), n});
  }
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

std::string FirstLineOf(std::string_view bytes) {
  size_t nl = bytes.find('\n');
  std::string_view line = bytes.substr(0, std::min<size_t>(nl, 1 << 20));
  if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return std::string(line);
}

}  // namespace

Result<EventScanSetup> MakeEventScanSetup(const std::string& dataset,
                                          const std::vector<std::pair<std::string, std::string>>& followed,
                                          int threads, double max_reject_ratio, const CountryRegistry& countries) {
  if (dataset != "gdelt" && dataset != "icews") {
    return Status::InvalidArgument("unknown event dataset '" + dataset + "' (use gdelt or icews)");
  }
  EventScanSetup s;
  s.dataset = dataset;
  s.countries = &countries;
  s.max_reject_ratio = max_reject_ratio;
  BILAT_ASSIGN_OR_RETURN(s.lookups, ingest::EventLookups::LoadDefault());
  s.scan.threads = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (const auto& [a, b] : followed) {
    if (dataset == "icews") {
      s.scan.followed.emplace_back(a, b);
      s.scan.followed.emplace_back(b, a);
      continue;
    }
    for (const std::string& ca : s.lookups->CameoForIso(a)) {
      for (const std::string& cb : s.lookups->CameoForIso(b)) {
        s.scan.followed.emplace_back(ca, cb);
        s.scan.followed.emplace_back(cb, ca);
      }
    }
  }
  return s;
}

EventPart ScanEventFile(const std::string& path, const EventScanSetup& setup, const EventScanHooks& hooks) {
  EventPart part;
  EventFileOutcome& out = part.outcome;
  store::EventFileBatch& batch = part.batch;
  out.path = path;
  const auto t0 = std::chrono::steady_clock::now();
  auto lap = [t = t0]() mutable {
    auto now = std::chrono::steady_clock::now();
    double d = std::chrono::duration<double>(now - t).count();
    t = now;
    return d;
  };
  auto fail = [&](const Status& st) {
    out.state = EventFileOutcome::State::kFailed;
    out.error = st.message();
    out.error_code = st.code();
    return std::move(part);
  };
  auto known = [&](const std::string& hash) {
    if (!hooks.is_known || !hooks.is_known(hash)) return false;
    out.state = EventFileOutcome::State::kAlreadyIngested;
    return true;
  };
  const std::optional<ingest::FileStamp> stamp = ingest::StatFile(path);
  if (!stamp) return fail(Status::NotFound(path + ": cannot open: no such file or not readable"));
  batch.file.file_size = stamp->size;
  batch.file.file_mtime_ns = stamp->mtime_ns;
  batch.file.path = path;
  batch.file.dataset = setup.dataset;
  const bool gdelt = setup.dataset == "gdelt";

  // Small GDELT files are read whole (one read, inflated in one call);
  // large ones stream. Either way the content hash is known before the scan
  // where that is cheap, so that content seen before is not scanned again.
  std::optional<ingest::WholeFile> whole;
  if (gdelt) {
    Result<std::optional<ingest::WholeFile>> w = ingest::ReadWholeFile(path);
    if (!w.ok()) return fail(w.status());
    whole = std::move(*w);
  }
  std::string first_line;
  if (whole) {
    first_line = FirstLineOf(whole->bytes());
  } else {
    Result<std::string> first = ingest::ReadFirstLine(path);
    if (!first.ok()) return fail(first.status());
    first_line = std::move(*first);
  }
  const size_t fields = first_line.empty() ? 0 : Split(first_line, '\t').size();
  const bool gdelt_events = gdelt && (fields == 57 || fields == 58 || fields == 61);
  // Large plain GDELT event files are hashed by the scanner in the same pass.
  const bool hash_in_scan = gdelt_events && !whole && ingest::IsPlainFile(path);
  if (whole) {
    batch.file.content_hash = whole->content_hash;
  } else if (!hash_in_scan) {
    Result<std::string> hash = ingest::FileContentHash(path);
    if (!hash.ok()) return fail(hash.status());
    batch.file.content_hash = *hash;
  }
  if (!batch.file.content_hash.empty() && known(batch.file.content_hash)) return part;
  out.seconds_hash = lap();

  ingest::ProgressFn on_bytes = hooks.progress;
  std::unique_ptr<ScanResult> scanned;
  if (!gdelt) {
    auto r = ingest::ReadIcewsFile(path, setup.scan, *setup.countries, *setup.lookups, on_bytes);
    if (!r.ok()) return fail(r.status());
    scanned = std::move(*r);
    out.format = "icews";
    for (const auto& [name, n] : scanned->unresolved_names) out.unresolved_names += n;
  } else {
    if (first_line.find('\0') != std::string::npos || !IsValidUtf8(first_line)) {
      return fail(Status::InvalidArgument(path + ": binary data, not a GDELT file (GDELT files are tab-separated text)"));
    }
    if (first_line.empty() && (whole ? whole->bytes().empty() : stamp->size == 0)) {
      return fail(Status::InvalidArgument(path + ": the file is empty"));
    }
    if (fields == 16) {  // GDELT 2.0 mentions: keep those of stored events
      out.format = "gdelt2-mentions";
      if (!hooks.wanted_mentions) {
        return fail(Status::InvalidArgument(path + ": a GDELT 2.0 mentions file is read against a workspace's "
                                                   "stored events; ingest it with 'bilat ingest gdelt'"));
      }
      Result<std::unordered_set<int64_t>> wanted = hooks.wanted_mentions();
      if (!wanted.ok()) return fail(wanted.status());
      auto m = ingest::ReadGdeltMentionsFile(path, *wanted, setup.scan);
      if (!m.ok()) return fail(m.status());
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
    } else if (gdelt_events) {
      ingest::ScanOptions scan = setup.scan;
      scan.version = fields == 61 ? ingest::GdeltVersion::kV2 : ingest::GdeltVersion::kV1;
      out.format = fields == 61 ? "gdelt2" : "gdelt1";
      if (whole) {
        scanned = ingest::ScanGdeltPaddedBytes(whole->bytes(), scan);
        if (on_bytes) on_bytes(scanned->bytes, scanned->lines);
      } else {
        auto r = ingest::ScanGdeltFile(path, scan, on_bytes);
        if (!r.ok()) return fail(r.status());
        scanned = std::move(*r);
      }
      if (hash_in_scan) {
        batch.file.content_hash = scanned->content_hash;
        if (known(scanned->content_hash)) return part;  // the same content under another name or time
      }
    } else {
      return fail(Status::InvalidArgument(
          path + ": not a GDELT file: its first line has " + std::to_string(fields) +
          " tab-separated fields; expected 57 or 58 (GDELT 1.0 events), 61 (GDELT 2.0 events) or 16 "
          "(GDELT 2.0 mentions). For ICEWS files use 'bilat ingest icews'."));
    }
  }
  if (scanned) {
    out.bytes = scanned->bytes;
    out.lines = scanned->lines;
    out.rows_ok = scanned->rows_ok;
    out.rows_rejected = scanned->rows_rejected();
    CountReasons(scanned->rejects_by_reason, &out);
    batch.file.format = out.format;
    ToBatch(*scanned, *setup.lookups, gdelt, &batch);
    out.dyad_groups = batch.dyads.size();
    CopyRejects(scanned->rejects, &batch, &out);
  }
  out.seconds_scan = lap();
  batch.file.bytes = out.bytes;
  batch.file.lines = out.lines;
  batch.file.rows_ok = out.rows_ok;
  batch.file.rows_rejected = out.rows_rejected;
  const uint64_t rows = out.rows_ok + out.rows_rejected;
  out.state = rows > 0 && static_cast<double>(out.rows_rejected) / static_cast<double>(rows) > setup.max_reject_ratio
                  ? EventFileOutcome::State::kTooManyRejects
                  : EventFileOutcome::State::kStored;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return part;
}

}  // namespace bilat::app
