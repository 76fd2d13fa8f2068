// Loaded trade statistics about a country or a pair: reads a dataset-year
// from the store into a TradeYear, and the indicators of the pair for every
// year a dataset covers, with the files to cite.
#ifndef BILAT_MEASURE_TRADE_FACTS_H_
#define BILAT_MEASURE_TRADE_FACTS_H_

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/status.h"
#include "measure/trade_indicators.h"
#include "store/sqlite_db.h"
#include "store/trade_store.h"

namespace bilat::measure {

// The totals of every country in `dataset` and `year`, and the product-level
// flows `focus` reports or is partner in: enough for every indicator of
// `focus` against any partner, and of any partner against it.
Result<TradeYear> LoadTradeYear(store::SqliteDb* db, const std::string& dataset, int year, const std::string& focus);

// One dataset-year of a pair.
struct TradeReading {
  std::string dataset;
  int year = 0;
  PartnerIndicators ab, ba;  // a against b, b against a
  std::vector<ChapterExport> a_chapters, b_chapters;  // each side's exports to the world by HS chapter
  int countries = 0;  // countries with totals that year (RCA means little with few)
  std::vector<store::TradeFileSummary> files;         // the files the flows came from
};

// Revealed comparative advantage compares a country with "the world": it is
// shown only when a dataset-year holds at least this many countries.
inline constexpr int kMinCountriesForRca = 20;

// Datasets with stored trade flows ("baci", "comtrade").
Result<std::vector<std::string>> TradeDatasets(store::SqliteDb* db);

// Every year of every dataset in which a or b trades with the other,
// by dataset then year.
//
// A series of reports (one country against each partner) reads the same
// dataset-years over and over: pass a TradeYearCache that lives across the
// calls to read each (dataset, year, focus) once. It belongs to one workspace
// and must not outlive a change to its trade flows.
struct TradeYearCache {
  std::optional<std::vector<std::string>> datasets;
  std::map<std::string, std::vector<int>> dataset_years;
  std::map<std::tuple<std::string, int, std::string>, TradeYear> years;
  std::map<std::tuple<std::string, int, std::string>, int> countries;  // TradeYear::Countries().size()
};
Result<std::vector<TradeReading>> LoadTradeReadings(store::SqliteDb* db, const std::string& a, const std::string& b,
                                                    TradeYearCache* cache = nullptr);

}  // namespace bilat::measure

#endif  // BILAT_MEASURE_TRADE_FACTS_H_
