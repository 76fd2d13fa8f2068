#include "core/registry_schema.h"

namespace bilat {
namespace {

using T = ColumnType;

// Every fact row cites its source.
void AddProvenance(std::vector<ColumnSpec>* cols) {
  cols->push_back({"source_id", T::kSourceRef, true});
  cols->push_back({"locator", T::kText, true});
  cols->push_back({"note", T::kText, false});
}

std::vector<KindSpec> BuildKinds() {
  std::vector<KindSpec> kinds;
  kinds.push_back({"sources", "sources.csv", "sources",
                   {{"id", T::kId, true},
                    {"title", T::kText, true},
                    {"publisher", T::kText, true},
                    {"url", T::kText, false},
                    {"citation", T::kText, false},
                    {"published", T::kDate, true},
                    {"accessed", T::kDate, false}},
                   PairRule::kNone, {}});

  KindSpec ex{"exchanges", "exchanges.csv", "high-level exchanges",
              {{"id", T::kId, true},
               {"date", T::kDate, true},
               {"kind", T::kEnum, true,
                {"state_visit", "official_visit", "working_visit", "visit",
                 "meeting", "summit", "phone_call", "video_call"}},
               {"from", T::kCountry, true},
               {"to", T::kCountry, true},
               {"location", T::kText, false},
               {"leader", T::kText, true},
               {"role", T::kText, false},
               {"counterpart", T::kText, false},
               {"occasion", T::kText, false},
               {"status", T::kEnum, false, {"actual", "planned"}, "actual"}},
              PairRule::kTwoColumns, {"from", "to"}};
  kinds.push_back(std::move(ex));

  kinds.push_back({"agreements", "agreements.csv", "agreements and milestones",
                   {{"id", T::kId, true},
                    {"date", T::kDate, true},
                    {"kind", T::kEnum, true,
                     {"agreement", "memorandum", "treaty", "joint_statement",
                      "partnership_level", "milestone", "announcement"}},
                    {"parties", T::kCountryList, true},
                    {"title", T::kText, true},
                    {"level", T::kText, false},
                    {"status", T::kEnum, false,
                     {"signed", "in_force", "announced", "planned"}, "signed"}},
                   PairRule::kListHasBoth, {"parties"}});

  kinds.push_back({"projects", "projects.csv", "projects and investments",
                   {{"id", T::kId, true},
                    {"date", T::kDate, false},
                    {"as_of", T::kDate, false},
                    {"name", T::kText, true},
                    {"investor", T::kCountry, true},
                    {"host", T::kCountry, true},
                    {"entity", T::kText, false},
                    {"counterpart", T::kText, false},
                    {"sector", T::kText, true},
                    {"subsector", T::kText, false},
                    {"kind", T::kEnum, false,
                     {"investment", "construction", "loan", "grant", "aid", "investment_or_construction"},
                     "investment"},
                    {"status", T::kEnum, false,
                     {"announced", "under_construction", "operating",
                      "completed", "cancelled", "troubled", "unknown"},
                     "unknown"},
                    {"count", T::kCount, false, {}, "1"},
                    {"value", T::kMoney, false},
                    {"value_qualifier", T::kEnum, false, {"exact", "at_least", "about", "at_most"}, "exact"},
                    {"currency", T::kCurrency, false, {}, "USD"},
                    {"scale", T::kScale, false, {}, "units"},
                    {"share_pct", T::kPercent, false}},
                   PairRule::kTwoColumns, {"investor", "host"}});

  kinds.push_back({"connectivity", "connectivity.csv", "connectivity assets",
                   {{"id", T::kId, true},
                    {"kind", T::kEnum, true,
                     {"border_crossing", "pipeline", "railway", "road",
                      "air_route", "logistics_hub", "port"}},
                    {"name", T::kText, true},
                    {"countries", T::kCountryList, true},
                    {"count", T::kCount, false, {}, "1"},
                    {"as_of", T::kDate, false},
                    {"opened", T::kDate, false},
                    {"status", T::kEnum, false,
                     {"operating", "under_construction", "planned"}, "operating"}},
                   PairRule::kListHasBoth, {"countries"}});

  kinds.push_back({"finance", "finance.csv", "financial arrangements",
                   {{"id", T::kId, true},
                    {"date", T::kDate, false},
                    {"as_of", T::kDate, false},
                    {"kind", T::kEnum, true,
                     {"bank_branch", "clearing", "swap_line", "fund", "loan",
                      "platform", "memorandum"}},
                    {"name", T::kText, true},
                    {"institution", T::kText, false},
                    {"countries", T::kCountryList, true},
                    {"value", T::kMoney, false},
                    {"currency", T::kCurrency, false, {}, "USD"},
                    {"scale", T::kScale, false, {}, "units"}},
                   PairRule::kListHasBoth, {"countries"}});

  kinds.push_back({"people", "people.csv", "people-to-people institutions",
                   {{"id", T::kId, true},
                    {"date", T::kDate, false},
                    {"as_of", T::kDate, false},
                    {"kind", T::kEnum, true,
                     {"confucius_institute", "cultural_centre",
                      "research_institute", "visa_regime", "tourism_year",
                      "workshop", "university", "media", "sister_cities"}},
                    {"name", T::kText, true},
                    {"host", T::kCountry, true},
                    {"partner", T::kCountry, true},
                    {"count", T::kCount, false, {}, "1"}},
                   PairRule::kTwoColumns, {"host", "partner"}});

  kinds.push_back({"trade", "trade.csv", "trade totals",
                   {{"id", T::kId, true},
                    {"year", T::kYear, true},
                    {"period", T::kText, false},
                    {"reporter", T::kCountry, false},
                    {"partner_a", T::kCountry, true},
                    {"partner_b", T::kCountry, true},
                    {"flow", T::kEnum, true, {"total", "export", "import"}},
                    {"value", T::kMoney, true},
                    {"value_qualifier", T::kEnum, false, {"exact", "at_least", "about", "at_most"}, "exact"},
                    {"currency", T::kCurrency, false, {}, "USD"},
                    {"scale", T::kScale, false, {}, "units"},
                    {"stated_growth_pct", T::kPercent, false}},
                   PairRule::kTwoColumns, {"partner_a", "partner_b"}});

  kinds.push_back({"indicators", "indicators.csv", "economic indicators",
                   {{"id", T::kId, true},
                    {"country", T::kCountry, true},
                    {"year", T::kYear, true},
                    {"indicator", T::kEnum, true,
                     {"gdp", "gdp_growth_pct", "population", "gdp_per_capita"}},
                    {"series", T::kText, false},
                    {"value", T::kMoney, true},
                    {"currency", T::kCurrency, false},
                    {"scale", T::kScale, false, {}, "units"}},
                   PairRule::kOneOfPair, {"country"}});

  kinds.push_back({"targets", "targets.csv", "stated targets",
                   {{"id", T::kId, true},
                    {"stated", T::kDate, true},
                    {"country", T::kCountry, true},
                    {"partner", T::kCountry, false},
                    {"indicator", T::kEnum, true,
                     {"gdp", "gdp_growth_pct", "population", "gdp_per_capita",
                      "trade_total"}},
                    {"target_value", T::kMoney, true},
                    {"target_value_high", T::kMoney, false},
                    {"currency", T::kCurrency, false},
                    {"scale", T::kScale, false, {}, "units"},
                    {"target_year", T::kYear, false},
                    {"stated_by", T::kText, false}},
                   PairRule::kOneOfPair, {"country"}});

  for (size_t i = 1; i < kinds.size(); ++i) AddProvenance(&kinds[i].columns);
  return kinds;
}

}  // namespace

std::span<const KindSpec> RegistryKinds() {
  static const std::vector<KindSpec> kKinds = BuildKinds();
  return kKinds;
}

const KindSpec* FindKind(std::string_view name) {
  for (const KindSpec& k : RegistryKinds()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

std::string_view ColumnTypeName(ColumnType type) {
  switch (type) {
    case T::kId: return "id";
    case T::kText: return "text";
    case T::kCountry: return "country";
    case T::kCountryList: return "country list";
    case T::kDate: return "date";
    case T::kYear: return "year";
    case T::kDecimal: return "number";
    case T::kPercent: return "percent";
    case T::kCount: return "count";
    case T::kEnum: return "choice";
    case T::kMoney: return "amount";
    case T::kCurrency: return "currency";
    case T::kScale: return "scale";
    case T::kSourceRef: return "source id";
  }
  return "?";
}

}  // namespace bilat
