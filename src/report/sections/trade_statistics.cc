// Trade statistics from ingested Comtrade or BACI files: totals, ranks, indicators,
// export structure and mirror statistics, with a chart and a table by year.
#include "report/sections/sections.h"

#include "core/trade_datasets.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/hs_chapters.h"
#include "measure/growth.h"
#include "report/format.h"
#include "report/svg_chart.h"

namespace bilat::report::sections {
namespace {

std::string RankWords(int rank) {
  static const char* kWords[] = {"", "largest", "second-largest", "third-largest", "fourth-largest",
                                 "fifth-largest", "sixth-largest", "seventh-largest", "eighth-largest",
                                 "ninth-largest", "tenth-largest"};
  return rank >= 1 && rank <= 10 ? kWords[rank] : "number " + std::to_string(rank);
}

std::string ChapterLabel(const std::string& chapter) {
  std::string name = HsChapterName(chapter);
  return "chapter " + chapter + (name.empty() ? "" : " (" + name + ")");
}

// A's trade with B in one reading, as the side that reports it states it:
// A's own statements where A reports, else B's (mirrored). A flow that
// side does not give at all is marked absent, not zero.
struct PairSide {
  bool a_reports = false, have_x = false, have_m = false;
  double exports = 0, imports = 0;
  bool both() const { return have_x && have_m; }
  double total() const { return exports + imports; }
};

PairSide SideOf(const measure::TradeReading& r) {
  PairSide p;
  p.a_reports = r.ab.totals.total() > 0;
  p.exports = p.a_reports ? r.ab.totals.exports : r.ba.totals.imports;
  p.imports = p.a_reports ? r.ab.totals.imports : r.ba.totals.exports;
  p.have_x = p.a_reports ? r.ab.reports_exports : r.ba.reports_imports;
  p.have_m = p.a_reports ? r.ab.reports_imports : r.ba.reports_exports;
  return p;
}

}  // namespace

void TradeStatisticsBlock(ReportWriter& w, Section& s, const measure::TradeStatistics& ts) {
  if (ts.readings.empty()) return;
  const bool baci = ts.dataset == "baci";
  const TradeDataset* info = FindTradeDataset(ts.dataset);
  const std::string title_name = info ? std::string(info->title) : ts.dataset;
  const std::string short_name = info ? std::string(info->short_name) : ts.dataset;
  const std::string& a = w.pa();
  const std::string& b = w.pb();
  const size_t n = ts.readings.size();
  const measure::TradeReading& last = ts.readings.back();
  const Record* rec = &ts.year_records.back();
  const Record* prev = n >= 2 ? &ts.year_records[n - 2] : nullptr;
  const PairSide side = SideOf(last);
  const bool a_reports = side.a_reports;
  const double exports = side.exports, imports = side.imports;
  const bool have_x = side.have_x, have_m = side.have_m;

  Prose p;
  w.T(&p, baci ? "In CEPII's BACI data, which reconcile both sides' declarations into one figure per flow, "
             : "In the " + title_name + " data ingested, as " + (a_reports ? a : b) + " reports it, ");
  if (have_x) {
    w.T(&p, a + " exported goods worth ");
    w.F(&p, FormatUsd(exports), {rec});
    w.T(&p, " to " + b);
  } else {
    w.T(&p, a + " imported goods worth ");
    w.F(&p, FormatUsd(imports), {rec});
    w.T(&p, " from " + b);
  }
  w.T(&p, " in ");
  w.F(&p, std::to_string(last.year), {rec});
  if (have_x && have_m) {
    w.T(&p, " and imported ");
    w.F(&p, FormatUsd(imports), {rec});
    w.T(&p, ": a total of ");
    w.F(&p, FormatUsd(exports + imports), {rec});
    w.T(&p, exports >= imports ? " and a surplus of " : " and a deficit of ");
    w.F(&p, FormatUsd(std::fabs(exports - imports)), {rec});
    w.T(&p, " for " + a);
    if (n >= 2 && ts.readings[n - 2].year == last.year - 1) {
      // Growth only between years that both give the two flows from the same side.
      const PairSide before = SideOf(ts.readings[n - 2]);
      double t0 = before.both() && before.a_reports == a_reports ? before.total() : 0;
      if (t0 > 0) {
        w.T(&p, ", ");
        w.F(&p, FormatChange(100.0 * ((exports + imports) / t0 - 1.0)), {rec, prev});
        w.T(&p, " on the year before");
      }
    }
    // Compound growth over the whole series, when it spans three years or more.
    const measure::TradeReading& first = ts.readings.front();
    const PairSide first_side = SideOf(first);
    const double first_total =
        first_side.both() && first_side.a_reports == a_reports ? first_side.total() : 0;
    if (last.year - first.year >= 2 && first_total > 0) {
      auto cagr = measure::CompoundAnnualGrowthPct(first_total, exports + imports, last.year - first.year);
      if (cagr) {
        w.T(&p, "; over ");
        w.F(&p, std::to_string(first.year) + "\u2013" + std::to_string(last.year), {&ts.year_records.front(), rec});
        w.T(&p, " it changed at a compound ");
        w.F(&p, FormatPct(*cagr), {&ts.year_records.front(), rec});
        w.T(&p, " a year");
      }
    }
  } else {
    w.T(&p, have_x ? " (the data do not give the flow the other way)" : " (the data do not give its exports)");
  }
  w.T(&p, ".");
  const auto& st = last.ab.standing;
  const auto& pst = last.ab.partner_standing;
  if (st || pst) {
    w.T(&p, " ");
    if (st) {
      w.T(&p, b + " was " + a + "'s ");
      w.F(&p, RankWords(st->rank), {rec});
      w.T(&p, " trading partner, with ");
      w.F(&p, FormatPct(st->share_pct), {rec});
      w.T(&p, " of its trade");
    }
    if (pst) {
      w.T(&p, st ? "; " + a + " was " + b + "'s " : a + " was " + b + "'s ");
      w.F(&p, RankWords(pst->rank), {rec});
      w.T(&p, ", with ");
      w.F(&p, FormatPct(pst->share_pct), {rec});
    }
    // The ranks are among the partners the loaded data hold, not the world's.
    w.T(&p, " (ranked among the ");
    w.F(&p, CountWord(st ? st->partners : pst->partners), {rec});
    w.T(&p, std::string(" partners ") + (st ? a : b) + " has in the loaded data");
    if (st && pst) {
      w.T(&p, " and the ");
      w.F(&p, CountWord(pst->partners), {rec});
      w.T(&p, " " + b + " has");
    }
    w.T(&p, ").");
  }
  // Where the data stop.
  w.T(&p, " The " + short_name + " figures loaded for the pair end in ");
  w.F(&p, std::to_string(last.year), {rec});
  w.T(&p, ".");
  w.Add(s, std::move(p));

  // Structure of the trade: one plain reading per indicator.
  Prose q;
  bool any = false;
  // Intensity and complementarity weigh a partner against the world: like
  // RCA, they are read only when the data cover enough of it.
  const bool world_covered = last.countries >= measure::kMinCountriesForRca;
  if (last.ab.intensity && world_covered) {
    any = true;
    w.T(&q, "Trade intensity: " + a + " sends " + b + " ");
    w.F(&q, FormatFixed(*last.ab.intensity, 2), {rec});
    w.T(&q, std::string(" times what ") + b + "'s share of world imports would lead one to expect" +
              (*last.ab.intensity >= 1 ? " (above one: a closer tie than size alone explains). "
                                       : " (below one: a looser tie than size alone explains). "));
  }
  if (last.ab.complementarity && world_covered) {
    any = true;
    w.T(&q, "Complementarity: " + a + "'s export mix and " + b + "'s import mix overlap by ");
    w.F(&q, FormatFixed(*last.ab.complementarity, 1), {rec});
    w.T(&q, " on a scale where a hundred would mean " + a + " sells exactly what " + b + " buys. ");
  }
  if (last.ab.grubel_lloyd) {
    any = true;
    const double g = *last.ab.grubel_lloyd;
    w.T(&q, "Intra-industry trade (Grubel\u2013Lloyd): ");
    w.F(&q, FormatFixed(g, 2), {rec});
    w.T(&q, g < 0.25 ? ", so the two mostly trade goods of different kinds, each selling what the other does not sell back. "
          : g < 0.5 ? ", so a minority of the trade is in goods of the same kinds both ways. "
                    : ", so much of the trade is in goods of the same kinds both ways. ");
  }
  if (last.ab.concentration && !last.ab.concentration->top_chapters.empty()) {
    any = true;
    const auto& c = *last.ab.concentration;
    w.T(&q, a + "'s exports to " + b + " spread over ");
    w.F(&q, CountWord(c.products), {rec});
    w.T(&q, " products with a concentration (HHI) of ");
    w.F(&q, FormatFixed(c.hhi, 3), {rec});
    w.T(&q, c.hhi >= 0.25 ? ", highly concentrated; " : c.hhi >= 0.15 ? ", moderately concentrated; " : ", diversified; ");
    w.T(&q, "the largest HS chapters are ");
    size_t shown = std::min<size_t>(c.top_chapters.size(), 3);
    AppendList(shown, [&](size_t i) {
      w.F(&q, ChapterLabel(c.top_chapters[i].first) + " at " + FormatPct(100 * c.top_chapters[i].second), {rec});
    }, &q);
    w.T(&q, ".");
  }
  if (any) w.Add(s, std::move(q));

  // Each side's export structure, where the data cover enough of the
  // world for comparative advantage to mean something.
  if (last.countries >= measure::kMinCountriesForRca && (!last.a_chapters.empty() || !last.b_chapters.empty())) {
    Prose c;
    bool first = true;
    for (const auto* side : {&last.a_chapters, &last.b_chapters}) {
      if (side->empty()) continue;
      const std::string& who = side == &last.a_chapters ? a : b;
      w.T(&c, std::string(first ? "" : " ") + who + "'s largest export chapters to the world are ");
      first = false;
      size_t shown = std::min<size_t>(side->size(), 3);
      AppendList(shown, [&](size_t i) {
        const measure::ChapterExport& e = (*side)[i];
        w.F(&c, ChapterLabel(e.chapter) + " at " + FormatPct(100 * e.share), {rec});
        if (e.rca) {
          w.T(&c, " (revealed comparative advantage ");
          w.F(&c, FormatFixed(*e.rca, 1), {rec});
          w.T(&c, ")");
        }
      }, &c);
      w.T(&c, ".");
    }
    w.T(&c, " A revealed comparative advantage above one means the chapter weighs more in the country's exports "
          "than in the world's.");
    w.Add(s, std::move(c));
  }

  // Mirror statistics (reporter data only).
  if (last.ab.mirror_exports || last.ab.mirror_imports) {
    Prose m;
    w.T(&m, "Mirror statistics: ");
    auto mirror = [&](const measure::Mirror& g, const std::string& exporter, const std::string& importer) {
      w.T(&m, exporter + " reports exports to " + importer + " of ");
      w.F(&m, FormatUsd(g.exports_reported_by_a), {rec});
      w.T(&m, ", while " + importer + " reports imports from " + exporter + " of ");
      w.F(&m, FormatUsd(g.imports_reported_by_b), {rec});
      w.T(&m, ", a gap of ");
      w.F(&m, (g.gap_pct >= 0 ? "+" : "") + FormatPct(g.gap_pct), {rec});
      w.T(&m, ". ");
    };
    if (last.ab.mirror_exports) mirror(*last.ab.mirror_exports, a, b);
    if (last.ab.mirror_imports) mirror(*last.ab.mirror_imports, b, a);
    w.T(&m, "Importers usually value goods with freight and insurance (CIF) and exporters without (FOB), so "
          "imports tend to exceed the matching exports by a few percent even when both offices are right; "
          "transit, re-exports and timing widen the gap.");
    w.Add(s, std::move(m));
  }

  // Both directions by year.
  std::vector<std::string> cats;
  BarSeries ab{Capitalise(a + " \u2192 " + b), {}}, ba{Capitalise(b + " \u2192 " + a), {}};
  for (const measure::TradeReading& r : ts.readings) {
    cats.push_back(std::to_string(r.year));
    const PairSide p = SideOf(r);
    ab.values.push_back(p.have_x ? p.exports : NAN);  // no bar for a flow not in the data
    ba.values.push_back(p.have_m ? p.imports : NAN);
  }
  std::string title = "Trade in goods between " + a + " and " + b + " both ways (" + title_name + ")";
  double top = 0;
  for (const auto* series : {&ab, &ba}) {
    for (double v : series->values) top = std::max(top, std::isnan(v) ? 0.0 : v);
  }
  const double divisor = top >= 1e9 ? 1e9 : top >= 1e6 ? 1e6 : 1e3;
  const std::string unit = top >= 1e9 ? "US$ billion" : top >= 1e6 ? "US$ million" : "US$ thousand";
  s.blocks.emplace_back(Chart{"trade-" + ts.dataset, title, BarChart(title, cats, {ab, ba}, divisor, unit),
                              "Exports each way in each year of the ingested " + short_name + " data."});
  Table t{std::string("Trade indicators by year (") + title_name + ", " + a +
              " against " + b + ")",
          {"Year", "Exports", "Imports", b + " in " + a + "'s trade", a + " in " + b + "'s trade", "Intensity",
           "Complementarity", "Grubel\u2013Lloyd", "HHI", "Mirror gap"},
          {}};
  for (size_t i = 0; i < n; ++i) {
    const measure::TradeReading& r = ts.readings[i];
    const Record* yr = &ts.year_records[i];
    auto opt = [&](const std::optional<double>& v, int d) { return v ? w.CellFig(FormatFixed(*v, d), yr) : w.Cell(""); };
    auto standing = [&](const std::optional<measure::PartnerStanding>& x) {
      return x ? w.CellFig(FormatPct(x->share_pct) + " (rank " + std::to_string(x->rank) + ")", yr) : w.Cell("");
    };
    const PairSide p = SideOf(r);
    Prose mirror = w.Cell("");
    if (r.ab.mirror_exports) mirror = w.CellFig(FormatPct(r.ab.mirror_exports->gap_pct), yr);
    t.rows.push_back({w.CellFig(std::to_string(r.year), yr), p.have_x ? w.CellFig(FormatUsd(p.exports), yr) : w.Cell(""),
                      p.have_m ? w.CellFig(FormatUsd(p.imports), yr) : w.Cell(""),
                      standing(r.ab.standing), standing(r.ab.partner_standing),
                      opt(r.ab.intensity, 2), opt(r.ab.complementarity, 1), opt(r.ab.grubel_lloyd, 2),
                      r.ab.concentration ? w.CellFig(FormatFixed(r.ab.concentration->hhi, 3), yr) : w.Cell(""),
                      mirror});
  }
  s.blocks.emplace_back(std::move(t));
}

}  // namespace bilat::report::sections
