#include "ingest/events/icews_reader.h"

#include <algorithm>
#include <map>

#include "core/date.h"
#include "core/text.h"
#include "ingest/events/line_reader.h"

namespace bilat::ingest {
namespace {

constexpr const char* kColumns[] = {"Event ID",       "Event Date", "Source Name", "Source Country",
                                    "CAMEO Code",     "Intensity",  "Target Name", "Target Country",
                                    "Publisher",      "City",       "Country"};
enum Col { kId, kDate, kSrcName, kSrcCountry, kCameo, kIntensity, kDstName, kDstCountry, kPublisher, kCity, kCountry, kNumCols };

std::string_view Value(std::string_view v) { return v == "NA" ? std::string_view() : v; }

void AddReject(ScanResult* out, const ScanOptions& o, const Line& line, RejectReason reason, std::string detail) {
  ++out->rejects_by_reason[static_cast<int>(reason)];
  if (out->rejects.size() >= o.max_kept_rejects) return;
  Reject r;
  r.line = line.number;
  r.byte_offset = line.byte_offset;
  r.reason = reason;
  r.detail = std::move(detail);
  r.text = std::string(line.text.substr(0, 300));
  out->rejects.push_back(std::move(r));
}

}  // namespace

Result<std::unique_ptr<ScanResult>> ReadIcewsFile(const std::string& path, const ScanOptions& o,
                                                  const CountryRegistry& countries, const EventLookups& lookups,
                                                  const ProgressFn& progress) {
  BILAT_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> src, OpenByteSource(path));
  LineReader reader(std::move(src), o.max_line_bytes);
  auto out = std::make_unique<ScanResult>();
  Line line;
  BILAT_ASSIGN_OR_RETURN(bool has_header, reader.Next(&line));
  if (!has_header) return Status::InvalidArgument(path + ": empty file, expected an ICEWS header row");
  if (line.text.find('\0') != std::string_view::npos || !IsValidUtf8(line.text)) {
    return Status::InvalidArgument(path + ": binary data, not an ICEWS event file (tab-separated UTF-8 text)");
  }
  std::vector<std::string_view> header = Split(line.text, '\t');
  const size_t ncols = header.size();
  int index[kNumCols];
  std::string missing;
  for (int c = 0; c < kNumCols; ++c) {
    index[c] = -1;
    for (size_t h = 0; h < header.size(); ++h) {
      if (Trim(header[h]) == kColumns[c]) index[c] = static_cast<int>(h);
    }
    if (index[c] < 0) missing += std::string(missing.empty() ? "" : ", ") + kColumns[c];
  }
  if (!missing.empty()) {
    std::string found;
    for (size_t h = 0; h < header.size() && h < 25; ++h) found += (h ? ", " : "") + std::string(header[h]);
    return Status::InvalidArgument(path + ": not an ICEWS event file: missing columns " + missing +
                                   " (found: " + found + ")");
  }
  std::vector<uint64_t> followed;
  for (const auto& [a, b] : o.followed) {
    followed.push_back((static_cast<uint64_t>(out->codes.Intern(a)) << 32) | out->codes.Intern(b));
  }
  std::map<std::string, std::string, std::less<>> name_cache;
  auto resolve = [&](std::string_view name) -> std::string {
    if (name.empty()) return {};
    auto it = name_cache.find(name);
    if (it != name_cache.end()) return it->second;
    const Country* c = countries.Find(name);
    std::string code = c ? c->alpha3 : "";
    name_cache.emplace(std::string(name), code);
    return code;
  };
  uint64_t last_progress = 0;
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool more, reader.Next(&line));
    if (!more) break;
    if (progress && reader.bytes_read() - last_progress > (8 << 20)) {
      last_progress = reader.bytes_read();
      progress(last_progress, line.number);
    }
    if (line.too_long) {
      AddReject(out.get(), o, line, RejectReason::kLineTooLong, "over " + std::to_string(o.max_line_bytes) + " bytes");
      continue;
    }
    if (line.text.empty()) continue;
    if (!IsValidUtf8(line.text)) {
      AddReject(out.get(), o, line, RejectReason::kInvalidUtf8, "");
      continue;
    }
    std::vector<std::string_view> f = Split(line.text, '\t');
    if (f.size() != ncols) {
      AddReject(out.get(), o, line, RejectReason::kColumnCount,
                std::to_string(f.size()) + " fields, expected " + std::to_string(ncols) + " (the header's)");
      continue;
    }
    std::string_view date = Value(f[index[kDate]]);
    Result<Date> d = Date::Parse(date);
    if (!d.ok() || d->precision() != DatePrecision::kDay) {
      AddReject(out.get(), o, line, RejectReason::kBadDate, "Event Date '" + std::string(date) + "'");
      continue;
    }
    std::optional<long long> id = ParseInteger(Value(f[index[kId]]));
    std::optional<double> intensity = ParseDecimal(Value(f[index[kIntensity]]));
    std::string_view cameo = Value(f[index[kCameo]]);
    const CameoEventCode* code = lookups.Event(cameo);
    if (!id || !intensity) {
      AddReject(out.get(), o, line, RejectReason::kBadNumber,
                !id ? "Event ID '" + std::string(f[index[kId]]) + "'" : "Intensity '" + std::string(f[index[kIntensity]]) + "'");
      continue;
    }
    if (!code) {
      AddReject(out.get(), o, line, RejectReason::kBadNumber, "CAMEO Code '" + std::string(cameo) + "' is unknown");
      continue;
    }
    ++out->rows_ok;
    std::string_view src_name = Value(f[index[kSrcCountry]]), dst_name = Value(f[index[kDstCountry]]);
    std::string a1 = resolve(src_name), a2 = resolve(dst_name);
    if (a1.empty() && !src_name.empty()) ++out->unresolved_names[std::string(src_name)];
    if (a2.empty() && !dst_name.empty()) ++out->unresolved_names[std::string(dst_name)];
    const uint32_t month = static_cast<uint32_t>(d->year() * 100 + d->month());
    auto count_country = [&](const std::string& iso) {
      ++out->country_months[DyadKey{out->codes.Intern(iso), 0, month, false}.Pack()];
    };
    if (!a1.empty()) count_country(a1);
    if (!a2.empty() && a2 != a1) count_country(a2);
    if (a1.empty() || a2.empty()) continue;
    CodeId s = out->codes.Intern(a1), t = out->codes.Intern(a2);
    EventTotals& agg = out->dyads.At(DyadKey{s, t, month, true}.Pack());
    ++agg.events;
    ++agg.quad[code->quad_class - 1];
    agg.goldstein_sum += *intensity;
    agg.sources += 1;
    agg.articles += 1;
    const uint64_t pair = (static_cast<uint64_t>(s) << 32) | t;
    if (std::find(followed.begin(), followed.end(), pair) == followed.end()) continue;
    FollowedEvent e;
    e.line = line.number;
    e.event_id = *id;
    e.sql_date = d->year() * 10000 + d->month() * 100 + d->day();
    e.month = static_cast<int>(month);
    e.actor1_name = Value(f[index[kSrcName]]);
    e.actor1_country = a1;
    e.actor2_name = Value(f[index[kDstName]]);
    e.actor2_country = a2;
    e.root = true;
    e.event_code = cameo;
    e.quad_class = code->quad_class;
    e.goldstein = *intensity;
    e.sources = 1;
    e.articles = 1;
    e.action_geo_name = Value(f[index[kCity]]);
    e.action_geo_country_iso = resolve(Value(f[index[kCountry]]));
    e.source_name = Value(f[index[kPublisher]]);
    out->followed.push_back(std::move(e));
  }
  out->bytes = reader.bytes_read();
  out->lines = line.number;
  return out;
}

}  // namespace bilat::ingest
