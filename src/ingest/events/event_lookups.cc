#include "ingest/events/event_lookups.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "core/text.h"

namespace bilat::ingest {
namespace {

// Calls fn(cells, line_no) for each data row of a TSV with a header line.
template <typename Fn>
Status ReadTsv(const std::string& path, size_t min_cells, Fn fn) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open (set BILAT_DATA_DIR to bilat's data folder)");
  std::string line;
  bool header = true;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string_view> cells = Split(line, '\t');
    if (cells.size() < min_cells) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": expected " +
                                std::to_string(min_cells) + " tab-separated cells");
    }
    BILAT_RETURN_IF_ERROR(fn(cells, line_no));
  }
  return Status::Ok();
}

}  // namespace

Result<std::shared_ptr<const EventLookups>> EventLookups::Load(const std::string& dir) {
  auto l = std::shared_ptr<EventLookups>(new EventLookups());
  BILAT_RETURN_IF_ERROR(ReadTsv(dir + "/cameo_country_iso.tsv", 2, [&](const auto& c, int) {
    if (!c[1].empty()) l->cameo_iso_.emplace(std::string(c[0]), std::string(c[1]));
    return Status::Ok();
  }));
  BILAT_RETURN_IF_ERROR(ReadTsv(dir + "/fips_iso.tsv", 2, [&](const auto& c, int) {
    l->fips_iso_.emplace(std::string(c[0]), std::string(c[1]));
    return Status::Ok();
  }));
  const std::string events_path = dir + "/cameo_event_codes.tsv";
  BILAT_RETURN_IF_ERROR(ReadTsv(events_path, 4, [&](const auto& c, int line_no) {
    CameoEventCode e;
    e.code = std::string(c[0]);
    auto g = ParseDecimal(c[1]);
    auto q = ParseInteger(c[2]);
    if (!g || !q) {
      return Status::Corruption(events_path + ":" + std::to_string(line_no) + ": bad Goldstein value or QuadClass");
    }
    e.goldstein = *g;
    e.quad_class = static_cast<int>(*q);
    e.name = std::string(c[3]);
    l->events_.emplace(e.code, std::move(e));
    return Status::Ok();
  }));
  return std::shared_ptr<const EventLookups>(std::move(l));
}

Result<std::shared_ptr<const EventLookups>> EventLookups::LoadDefault() {
  const char* env = std::getenv("BILAT_DATA_DIR");
  return Load(env && *env ? env : BILAT_DATA_DIR_DEFAULT);
}

std::string EventLookups::IsoForCameo(std::string_view cameo) const {
  auto it = cameo_iso_.find(std::string(cameo));
  return it == cameo_iso_.end() ? std::string(cameo) : it->second;
}

bool EventLookups::CameoIsCountry(std::string_view cameo) const {
  return cameo_iso_.count(std::string(cameo)) > 0;
}

std::vector<std::string> EventLookups::CameoForIso(std::string_view iso3) const {
  std::vector<std::string> out;
  for (const auto& [cameo, iso] : cameo_iso_) {
    if (iso == iso3) out.push_back(cameo);
  }
  if (out.empty()) out.emplace_back(iso3);
  std::sort(out.begin(), out.end());
  return out;
}

std::string EventLookups::IsoForFips(std::string_view fips) const {
  auto it = fips_iso_.find(std::string(fips));
  return it == fips_iso_.end() ? std::string() : it->second;
}

const CameoEventCode* EventLookups::Event(std::string_view code) const {
  auto it = events_.find(std::string(code));
  return it == events_.end() ? nullptr : &it->second;
}

}  // namespace bilat::ingest
