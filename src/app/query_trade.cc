#include "app/query_trade.h"

#include <algorithm>

#include "store/trade_store.h"
#include "store/workspace.h"

namespace bilat::app {
namespace {

bool IsWorld(const std::string& c) { return c == "WLD" || c == "World" || c == "world"; }

// Every dataset-year of the pair (a, b) in the flows, with the growth of
// total trade on the previous year shown.
Status PairRows(store::SqliteDb* db, const std::vector<std::string>& datasets, const TradeQuery& q,
                TradeAnswer* out) {
  for (const std::string& dataset : datasets) {
    BILAT_ASSIGN_OR_RETURN(std::vector<int> years, store::TradeYears(db, dataset));
    for (int y : years) {
      if (q.year != 0 && y != q.year) continue;
      BILAT_ASSIGN_OR_RETURN(measure::TradeYear t, measure::LoadTradeYear(db, dataset, y, out->a));
      measure::PartnerIndicators p = measure::PairIndicators(t, out->a, out->b);
      if (p.totals.total() == 0 && measure::Bilateral(t, out->b, out->a).total() == 0) continue;
      std::optional<double> growth;
      const TradeIndicatorRow* prev = out->rows.empty() ? nullptr : &out->rows.back();
      if (prev && prev->dataset == dataset && prev->year == y - 1 && prev->p.totals.total() > 0 &&
          prev->p.reports_exports && prev->p.reports_imports && p.reports_exports && p.reports_imports) {
        growth = 100.0 * (p.totals.total() / prev->p.totals.total() - 1.0);
      }
      out->rows.push_back({dataset, y, std::move(p), growth});
    }
  }
  return Status::Ok();
}

// A against each of its partners, in the latest year it has data in each
// dataset (or the year asked).
Status PartnerRows(store::SqliteDb* db, const std::vector<std::string>& datasets, const TradeQuery& q,
                   TradeAnswer* out) {
  const std::string& a = out->a;
  for (const std::string& dataset : datasets) {
    BILAT_ASSIGN_OR_RETURN(std::vector<int> years, store::TradeYears(db, dataset));
    std::vector<int> wanted;
    for (int y : years) {
      if (q.year == 0 || y == q.year) wanted.push_back(y);
    }
    // The latest year unless asked: years are tried newest first, and the
    // first with data is the one shown.
    const bool latest_only = q.year == 0;
    if (latest_only) std::reverse(wanted.begin(), wanted.end());
    for (int y : wanted) {
      BILAT_ASSIGN_OR_RETURN(measure::TradeYear t, measure::LoadTradeYear(db, dataset, y, a));
      const bool exports = t.Reports(a, measure::TradeFlowKind::kExport);
      const bool imports = t.Reports(a, measure::TradeFlowKind::kImport);
      if (latest_only && !exports && !imports && t.Partners(a).empty()) continue;
      std::vector<measure::PartnerIndicators> all = measure::AllPartners(t, a);
      if (all.empty() && (exports || imports)) {
        // Only trade with the world is given (no partner breakdown).
        measure::PartnerIndicators w;
        w.partner = "WLD";
        w.totals = measure::Bilateral(t, a, "WLD");
        w.reports_exports = exports;
        w.reports_imports = imports;
        all.push_back(std::move(w));
      }
      for (measure::PartnerIndicators& p : all) out->rows.push_back({dataset, y, std::move(p), std::nullopt});
      out->chapters.push_back(
          {dataset, y, static_cast<int>(t.Countries().size()), measure::ExportChapters(t, a, 5)});
      if (latest_only) break;
    }
  }
  return Status::Ok();
}

}  // namespace

Result<TradeAnswer> QueryTrade(const TradeQuery& q, const CountryRegistry& countries) {
  TradeAnswer out;
  BILAT_ASSIGN_OR_RETURN(const Country* a, countries.Resolve(q.a));
  out.a = a->alpha3;
  if (IsWorld(q.b)) {
    out.b = "WLD";
  } else if (!q.b.empty()) {
    BILAT_ASSIGN_OR_RETURN(const Country* b, countries.Resolve(q.b));
    out.b = b->alpha3;
  }
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Open(q.workspace));
  store::SqliteDb* db = ws->db();
  BILAT_ASSIGN_OR_RETURN(std::vector<std::string> all, measure::TradeDatasets(db));
  if (all.empty()) {
    return Status::NotFound("no trade flows in " + q.workspace +
                            " (load some with bilat ingest comtrade FILE or bilat ingest baci FILE)");
  }
  std::vector<std::string> datasets;
  for (const std::string& d : all) {
    if (q.dataset.empty() || d == q.dataset) datasets.push_back(d);
  }
  if (out.b.empty()) {
    BILAT_RETURN_IF_ERROR(PartnerRows(db, datasets, q, &out));
  } else {
    BILAT_RETURN_IF_ERROR(PairRows(db, datasets, q, &out));
  }
  if (out.rows.empty()) {
    return Status::NotFound("no trade flows of " + out.a + (out.b.empty() ? std::string() : " with " + out.b) +
                            " in the ingested data" + (q.year ? " for " + std::to_string(q.year) : std::string()));
  }
  return out;
}

}  // namespace bilat::app
