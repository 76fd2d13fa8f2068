// Use case: what the workspace holds about a pair's trade, or one country's
// (`bilat trade`): the indicators from the ingested Comtrade or BACI flows,
// and, for a pair, the trade figures its registry states (trade.csv).
#ifndef BILAT_APP_QUERY_TRADE_H_
#define BILAT_APP_QUERY_TRADE_H_

#include <optional>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/record.h"
#include "core/status.h"
#include "measure/pair_facts.h"
#include "measure/trade_facts.h"

namespace bilat::app {

struct TradeQuery {
  std::string workspace = ".";
  std::string a;        // any country code or name
  std::string b;        // "" for A against each partner; may be "WLD" (or "World"): A's trade with the world
  // "" for everything: every dataset ingested and, for a pair, the stated
  // figures; "comtrade" or "baci" for that dataset only; "registry" for the
  // stated figures only.
  std::string dataset;
  int year = 0;         // 0 for every year (a pair) or the latest year A has data (A alone)
};

// One dataset-year of A against one partner.
struct TradeIndicatorRow {
  std::string dataset;
  int year = 0;
  measure::PartnerIndicators p;  // A against p.partner
  // Total trade on the previous year's row (a pair's rows only, both years
  // giving both flows as A reports them).
  std::optional<double> total_growth_pct;
};

// A's largest export chapters to the world in a dataset-year (A alone).
struct TradeChapters {
  std::string dataset;
  int year = 0;
  int countries = 0;  // countries with totals that year; RCA is shown from kMinCountriesForRca
  std::vector<measure::ChapterExport> top;
};

// Dataset name of the stated figures in TradeQuery::dataset and in output.
inline constexpr const char* kStatedDataset = "registry";

// One figure of the pair's trade as a registry row states it (trade.csv),
// with what measure::PairFacts derives from it. Not a statistic bilat
// computed: the value is the source's, as the curator recorded it.
struct StatedTradeFigure {
  const Record* record = nullptr;  // the row: id, source_id, locator, Origin() = "trade.csv:17"
  int year = 0;
  std::string period;    // "" for the full year, else as stated ("H1", "Jan-Oct")
  std::string reporter;  // whose statistics; "" when the source does not say
  std::string flow;      // as stated: "total", "export" or "import"
  std::string exporter, importer;  // the direction of an export or import figure; "" for a total
  double value = 0;      // in units of `currency`
  std::string currency;  // ISO 4217, "USD" when the row leaves it blank
  std::string qualifier;  // "exact", "at_least", "about" or "at_most"
  std::optional<double> stated_growth_pct;
  // Growth on the previous year, from the registry's own figures: for the
  // full-year total each reporter's series uses (measure::TradeSeries, one
  // figure a year), on that series' previous year; for any other figure
  // that states a growth, on its source's (else its reporter's) figure for
  // the year before (measure::ClaimCheck). Never from a bound.
  std::optional<double> computed_growth_pct;
  const Record* growth_from = nullptr;
  // When this figure is A's or B's series total in a year both state.
  std::optional<measure::MirrorGap> mirror;
};

struct TradeAnswer {
  std::string a, b;  // alpha-3; b is "" for A alone, "WLD" for the world
  std::vector<TradeIndicatorRow> rows;  // by dataset, then year (a pair) or partner, largest first (A alone)
  std::vector<TradeChapters> chapters;  // A alone: one per dataset shown
  bool flows_ingested = false;          // whether the workspace holds any trade flows at all

  // A pair of countries only (not A alone, not the world): the pair's
  // registry records and what is derived from them; `stated` and `mirror_gaps`
  // point into it, so a TradeAnswer is moved, never copied.
  measure::PairFacts facts;
  std::vector<StatedTradeFigure> stated;        // by year, period ("" first), registry file and line
  std::vector<measure::MirrorGap> mirror_gaps;  // A's series total against B's, latest year first
};

// Fails with InvalidArgument (or NotFound) for a country the registry does
// not know or a "registry" dataset without B, and with NotFound when there
// is nothing to show: no trade flows (of A, or of A with B, for the dataset
// and year asked) and, for a pair, no stated figures; the message says what
// to ingest.
Result<TradeAnswer> QueryTrade(const TradeQuery& query, const CountryRegistry& countries);

}  // namespace bilat::app

#endif  // BILAT_APP_QUERY_TRADE_H_
