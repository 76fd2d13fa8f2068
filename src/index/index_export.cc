#include "index/index_export.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace bilat::index {
namespace {

// Plain numbers for machines: fixed decimals, or up to 12 significant
// digits without thousands separators for raw values.
std::string Fixed(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s(buf);
  return s.find_first_not_of("-0.") == std::string::npos ? s.substr(s[0] == '-' ? 1 : 0) : s;
}
std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}
std::string Plain(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.12g", v);
  return buf;
}

nlohmann::json OptJson(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }
nlohmann::json OptJson(const std::optional<int>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json RowJson(const IndexRow& r, Normalisation normalisation) {
  nlohmann::json components = nlohmann::json::object();
  for (const ComponentScore& c : r.components) {
    components[c.spec->id] = {{"axis", AxisName(c.spec->axis)},
                              {"raw", c.raw},
                              {"unit", c.spec->unit},
                              {"normalised", c.normalised},
                              {"weight", c.weight},
                              {"carried_from", c.carried ? nlohmann::json(c.from_year) : nlohmann::json(nullptr)},
                              {"rows", c.rows}};
  }
  auto reading = ReadWarmth(r.warmth, normalisation);
  return {{"partner", r.partner},
          {"year", r.year},
          {"weight", OptJson(r.weight.score)},
          {"weight_low", r.weight.score ? nlohmann::json(r.weight.low) : nlohmann::json(nullptr)},
          {"weight_high", r.weight.score ? nlohmann::json(r.weight.high) : nlohmann::json(nullptr)},
          {"weight_rank", OptJson(r.weight.rank)},
          {"weight_rank_change", OptJson(r.weight.rank_change)},
          {"warmth", OptJson(r.warmth.score)},
          {"warmth_low", r.warmth.score ? nlohmann::json(r.warmth.low) : nlohmann::json(nullptr)},
          {"warmth_high", r.warmth.score ? nlohmann::json(r.warmth.high) : nlohmann::json(nullptr)},
          {"warmth_rank", OptJson(r.warmth.rank)},
          {"warmth_rank_change", OptJson(r.warmth.rank_change)},
          {"warmth_level", reading ? nlohmann::json(reading->level) : nlohmann::json(nullptr)},
          {"warmth_reading", reading ? nlohmann::json(reading->name) : nlohmann::json(nullptr)},
          {"components", components},
          {"missing", r.missing}};
}

}  // namespace

std::string IndexRowsJson(const std::vector<const IndexRow*>& rows, Normalisation normalisation) {
  nlohmann::json out = nlohmann::json::array();
  for (const IndexRow* r : rows) out.push_back(RowJson(*r, normalisation));
  return out.dump(2);
}

std::vector<std::vector<std::string>> IndexRowsTable(const std::vector<const IndexRow*>& rows, Normalisation normalisation) {
  std::vector<std::string> header = {"partner", "year", "weight", "weight_low", "weight_high", "weight_rank",
                                     "weight_rank_change", "warmth", "warmth_low", "warmth_high", "warmth_rank",
                                     "warmth_rank_change", "warmth_level", "warmth_reading"};
  for (const ComponentSpec& s : ComponentSpecs()) {
    header.push_back(s.id);
    header.push_back(s.id + "_normalised");
  }
  header.push_back("missing");
  std::vector<std::vector<std::string>> out = {header};
  auto num = [](const std::optional<double>& v, int d) { return v ? Fixed(*v, d) : std::string(); };
  auto opt_int = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); };
  for (const IndexRow* r : rows) {
    auto reading = ReadWarmth(r->warmth, normalisation);
    std::vector<std::string> row = {
        r->partner, std::to_string(r->year), num(r->weight.score, 4),
        r->weight.score ? Fixed(r->weight.low, 4) : "", r->weight.score ? Fixed(r->weight.high, 4) : "",
        opt_int(r->weight.rank), opt_int(r->weight.rank_change), num(r->warmth.score, 4),
        r->warmth.score ? Fixed(r->warmth.low, 4) : "", r->warmth.score ? Fixed(r->warmth.high, 4) : "",
        opt_int(r->warmth.rank), opt_int(r->warmth.rank_change), reading ? std::to_string(reading->level) : "",
        reading ? reading->name : ""};
    for (const ComponentSpec& s : ComponentSpecs()) {
      const ComponentScore* c = nullptr;
      for (const auto& x : r->components) {
        if (x.spec == &s) c = &x;
      }
      row.push_back(c ? Plain(c->raw) : "");
      row.push_back(c ? Fixed(c->normalised, 4) : "");
    }
    row.push_back(Join(r->missing, ";"));
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace bilat::index
