#include "measure/trade_facts.h"

namespace bilat::measure {
Result<TradeYear> LoadTradeYear(store::SqliteDb* db, const std::string& dataset, int year, const std::string& focus) {
  TradeYear t(store::IsReconciledTradeDataset(dataset));
  BILAT_RETURN_IF_ERROR(store::ForEachTotal(
      db, dataset, year,
      [&t](std::string_view r, std::string_view p, std::string_view f, std::string_view k, double v) {
        t.AddTotal(r, p, FlowKindOf(f), k, v);
      }));
  BILAT_RETURN_IF_ERROR(store::ForEachFlowOf(
      db, dataset, year, focus,
      [&t](std::string_view r, std::string_view p, std::string_view f, std::string_view k, double v) {
        t.AddBilateral(r, p, FlowKindOf(f), k, v);
      }));
  t.Finish();
  return t;
}

Result<std::vector<std::string>> TradeDatasets(store::SqliteDb* db) {
  BILAT_ASSIGN_OR_RETURN(store::Statement st,
                         db->Prepare("SELECT DISTINCT dataset FROM trade_totals ORDER BY dataset"));
  std::vector<std::string> out;
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(st.ColumnText(0));
  }
  return out;
}

Result<std::vector<TradeReading>> LoadTradeReadings(store::SqliteDb* db, const std::string& a, const std::string& b,
                                                    TradeYearCache* cache) {
  std::vector<TradeReading> out;
  TradeYearCache local;
  if (!cache) cache = &local;
  if (!cache->datasets) {
    BILAT_ASSIGN_OR_RETURN(std::vector<std::string> datasets, TradeDatasets(db));
    cache->datasets = std::move(datasets);
  }
  for (const std::string& dataset : *cache->datasets) {
    auto years_it = cache->dataset_years.find(dataset);
    if (years_it == cache->dataset_years.end()) {
      BILAT_ASSIGN_OR_RETURN(std::vector<int> years, store::TradeYears(db, dataset));
      years_it = cache->dataset_years.emplace(dataset, std::move(years)).first;
    }
    for (int year : years_it->second) {
      auto key = std::make_tuple(dataset, year, a);
      auto cached = cache->years.find(key);
      if (cached == cache->years.end()) {
        BILAT_ASSIGN_OR_RETURN(TradeYear loaded, LoadTradeYear(db, dataset, year, a));
        cache->countries[key] = static_cast<int>(loaded.Countries().size());
        cached = cache->years.emplace(key, std::move(loaded)).first;
      }
      const TradeYear& t = cached->second;
      TradeReading r;
      r.dataset = dataset;
      r.year = year;
      r.ab = PairIndicators(t, a, b);
      r.ba = PairIndicators(t, b, a);
      if (r.ab.totals.total() != 0 || r.ba.totals.total() != 0) {
        r.a_chapters = ExportChapters(t, a);
        r.b_chapters = ExportChapters(t, b);
        r.countries = cache->countries[key];
        BILAT_ASSIGN_OR_RETURN(r.files, store::TradeFilesFor(db, dataset, year, a, b));
        out.push_back(std::move(r));
      }
      if (cache == &local) {
        local.years.clear();
        local.countries.clear();
      }  // without a shared cache, one year in memory at a time
    }
  }
  return out;
}

}  // namespace bilat::measure
