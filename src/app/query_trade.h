// Use case: the trade indicators of a pair, or of one country against each
// of its partners, from the ingested Comtrade or BACI flows (`bilat trade`).
#ifndef BILAT_APP_QUERY_TRADE_H_
#define BILAT_APP_QUERY_TRADE_H_

#include <optional>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/status.h"
#include "measure/trade_facts.h"

namespace bilat::app {

struct TradeQuery {
  std::string workspace = ".";
  std::string a;        // any country code or name
  std::string b;        // "" for A against each partner; may be "WLD" (or "World"): A's trade with the world
  std::string dataset;  // "" for every dataset ingested
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

struct TradeAnswer {
  std::string a, b;  // alpha-3; b is "" for A alone, "WLD" for the world
  std::vector<TradeIndicatorRow> rows;  // by dataset, then year (a pair) or partner, largest first (A alone)
  std::vector<TradeChapters> chapters;  // A alone: one per dataset shown
};

// Fails with InvalidArgument (or NotFound) for a country the registry does
// not know, and with NotFound when the workspace holds no trade flows, or
// none of A (with B) for the dataset and year asked; the message says what
// to ingest.
Result<TradeAnswer> QueryTrade(const TradeQuery& query, const CountryRegistry& countries);

}  // namespace bilat::app

#endif  // BILAT_APP_QUERY_TRADE_H_
