#include "app/query_trade.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "store/trade_store.h"
#include "store/workspace.h"

namespace bilat::app {
namespace {

bool IsWorld(const std::string& c) { return c == "WLD" || c == "World" || c == "world"; }

bool Wanted(const TradeQuery& q, const std::string& dataset) { return q.dataset.empty() || q.dataset == dataset; }

// Appends A's row against B, with the growth of total trade on the row
// before when that is the same dataset's previous year and both years give
// both flows as A reports them.
void AddPairRow(const std::string& dataset, int year, measure::PartnerIndicators p, TradeAnswer* out) {
  std::optional<double> growth;
  const TradeIndicatorRow* prev = out->rows.empty() ? nullptr : &out->rows.back();
  if (prev && prev->dataset == dataset && prev->year == year - 1 && prev->p.totals.total() > 0 &&
      prev->p.reports_exports && prev->p.reports_imports && p.reports_exports && p.reports_imports) {
    growth = 100.0 * (p.totals.total() / prev->p.totals.total() - 1.0);
  }
  out->rows.push_back({dataset, year, std::move(p), growth});
}

// A against the world, every dataset-year in the flows.
Status WorldRows(store::SqliteDb* db, const std::vector<std::string>& datasets, const TradeQuery& q,
                 TradeAnswer* out) {
  for (const std::string& dataset : datasets) {
    if (!Wanted(q, dataset)) continue;
    BILAT_ASSIGN_OR_RETURN(std::vector<int> years, store::TradeYears(db, dataset));
    for (int y : years) {
      if (q.year != 0 && y != q.year) continue;
      BILAT_ASSIGN_OR_RETURN(measure::TradeYear t, measure::LoadTradeYear(db, dataset, y, out->a));
      measure::PartnerIndicators p = measure::PairIndicators(t, out->a, out->b);
      if (p.totals.total() == 0 && measure::Bilateral(t, out->b, out->a).total() == 0) continue;
      AddPairRow(dataset, y, std::move(p), out);
    }
  }
  return Status::Ok();
}

// A against B, every dataset-year in which either trades with the other:
// the readings PairFacts loaded (measure::LoadTradeReadings).
void PairRows(const TradeQuery& q, TradeAnswer* out) {
  for (const measure::TradeStatistics& ts : out->facts.trade_stats) {
    if (!Wanted(q, ts.dataset)) continue;
    for (const measure::TradeReading& r : ts.readings) {
      if (q.year == 0 || r.year == q.year) AddPairRow(ts.dataset, r.year, r.ab, out);
    }
  }
}

// The pair's trade.csv rows as stated, with the growth and mirror gaps
// PairFacts derives from them.
void StatedFigures(const TradeQuery& q, TradeAnswer* out) {
  const measure::PairFacts& f = out->facts;
  std::map<const Record*, std::pair<double, const Record*>> growth;
  for (const measure::TradeSeries& s : f.trade) {
    for (const measure::TradePoint& p : s.points) {
      if (p.computed_growth_pct) growth.emplace(p.record, std::make_pair(*p.computed_growth_pct, p.previous));
    }
  }
  // A series point keeps its series' growth (emplace does not overwrite).
  for (const measure::ClaimCheck& c : f.claims) {
    if (c.claim.origin == "registry" && c.computed_growth_pct) {
      growth.emplace(c.claim.record, std::make_pair(*c.computed_growth_pct, c.previous));
    }
  }
  for (const measure::MirrorGap& g : f.mirror_gaps) {
    if (q.year == 0 || g.year == q.year) out->mirror_gaps.push_back(g);
  }
  for (const Record& r : f.Of("trade")) {
    StatedTradeFigure s;
    s.record = &r;
    s.year = static_cast<int>(r.Int("year").value_or(0));
    if (q.year != 0 && s.year != q.year) continue;
    s.period = r.Text("period");
    s.reporter = r.Text("reporter");
    s.flow = r.Text("flow");
    // partner_a is the side the flow is stated from (docs/formats/registry.md).
    if (s.flow == "export") {
      s.exporter = r.Text("partner_a");
      s.importer = r.Text("partner_b");
    } else if (s.flow == "import") {
      s.exporter = r.Text("partner_b");
      s.importer = r.Text("partner_a");
    }
    s.value = r.Number("value").value_or(0);
    s.currency = r.Text("currency").empty() ? "USD" : r.Text("currency");
    s.qualifier = r.Text("value_qualifier").empty() ? "exact" : r.Text("value_qualifier");
    s.stated_growth_pct = r.Number("stated_growth_pct");
    if (auto it = growth.find(&r); it != growth.end()) {
      s.computed_growth_pct = it->second.first;
      s.growth_from = it->second.second;
    }
    for (const measure::MirrorGap& g : out->mirror_gaps) {
      if (g.a == &r || g.b == &r) s.mirror = g;
    }
    out->stated.push_back(std::move(s));
  }
  std::stable_sort(out->stated.begin(), out->stated.end(), [](const StatedTradeFigure& x, const StatedTradeFigure& y) {
    return std::make_tuple(x.year, !x.period.empty(), x.record->origin_file, x.record->origin_line) <
           std::make_tuple(y.year, !y.period.empty(), y.record->origin_file, y.record->origin_line);
  });
}

// A against each of its partners, in the latest year it has data in each
// dataset (or the year asked).
Status PartnerRows(store::SqliteDb* db, const std::vector<std::string>& datasets, const TradeQuery& q,
                   TradeAnswer* out) {
  const std::string& a = out->a;
  for (const std::string& dataset : datasets) {
    if (!Wanted(q, dataset)) continue;
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
  const bool pair = !out.b.empty() && out.b != "WLD";
  if (q.dataset == kStatedDataset && !pair) {
    return Status::InvalidArgument(std::string("--dataset ") + kStatedDataset +
                                   ": the registry states trade figures of a pair; give two countries");
  }
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::OpenForReading(q.workspace));
  store::SqliteDb* db = ws->db();
  BILAT_ASSIGN_OR_RETURN(std::vector<std::string> datasets, measure::TradeDatasets(db));
  out.flows_ingested = !datasets.empty();
  if (pair) {
    BILAT_ASSIGN_OR_RETURN(out.facts, measure::LoadPairFacts(db, out.a, out.b));
    PairRows(q, &out);
    if (Wanted(q, kStatedDataset)) StatedFigures(q, &out);
    if (out.rows.empty() && out.stated.empty()) {
      const std::string year = q.year ? " for " + std::to_string(q.year) : std::string();
      return Status::NotFound(
          "no trade flows of " + out.a + " with " + out.b + year + " in the ingested data" +
          (Wanted(q, kStatedDataset) ? " and no stated trade figures of the pair" + year + " in the registry" : "") +
          " (ingest Comtrade or BACI files with bilat ingest comtrade|baci FILE" +
          (Wanted(q, kStatedDataset) ? ", or add the pair's rows to trade.csv and run bilat ingest registry" : "") +
          ")");
    }
    return out;
  }
  if (datasets.empty()) {
    return Status::NotFound("no trade flows in " + q.workspace +
                            " (load some with bilat ingest comtrade FILE or bilat ingest baci FILE)");
  }
  if (out.b.empty()) {
    BILAT_RETURN_IF_ERROR(PartnerRows(db, datasets, q, &out));
  } else {
    BILAT_RETURN_IF_ERROR(WorldRows(db, datasets, q, &out));
  }
  if (out.rows.empty()) {
    return Status::NotFound("no trade flows of " + out.a + (out.b.empty() ? std::string() : " with " + out.b) +
                            " in the ingested data" + (q.year ? " for " + std::to_string(q.year) : std::string()));
  }
  return out;
}

}  // namespace bilat::app
