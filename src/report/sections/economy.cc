// The economy and trade section: the registry's trade totals, the mirror gap between the
// two sides' figures, then the blocks of claims.cc, trade_statistics.cc and projects.cc.
#include "report/sections/sections.h"

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "measure/growth.h"
#include "report/format.h"
#include "report/svg_chart.h"

namespace bilat::report::sections {
namespace {

std::string ReporterPhrase(const ReportWriter& w, const std::string& reporter) {
  if (reporter.empty()) return "According to the figures cited in the sources";
  return "According to " + w.Name(reporter) + "'s statistics";
}

// The latest calendar year in which one side states its exports to the
// other and the other its imports of the same goods: both figures.
void FlowMirrorSentence(ReportWriter& w, Prose* p, bool opens_paragraph) {
  const measure::PairFacts& f = w.facts();
  const measure::TradeClaim* best_x = nullptr;
  const measure::TradeClaim* best_m = nullptr;
  for (const measure::ClaimCheck& c : f.claims) {
    const measure::TradeClaim& x = c.claim;
    if (x.is_total() || !x.period.empty() || !x.exact || x.stated_as != "exports" || x.reporter != x.exporter) continue;
    for (const measure::ClaimCheck& d : f.claims) {
      const measure::TradeClaim& m = d.claim;
      if (!m.SameQuantity(x) || !m.exact || m.stated_as != "imports" || m.reporter != m.importer) continue;
      if (!(m.value_usd > 0)) continue;
      if (!best_x || x.year > best_x->year) {
        best_x = &x;
        best_m = &m;
      }
    }
  }
  if (!best_x) return;
  w.T(p, opens_paragraph ? "Flow by flow: for " : " Flow by flow: for ");
  w.F(p, std::to_string(best_x->year), {best_x->record, best_m->record});
  w.T(p, ", " + w.Name(best_x->exporter) + " reports exports to " + w.Name(best_x->importer) + " of ");
  w.F(p, FormatUsd(best_x->value_usd), {best_x->record});
  w.T(p, ", while " + w.Name(best_m->importer) + " reports imports from " + w.Name(best_m->exporter) + " of ");
  w.F(p, FormatUsd(best_m->value_usd), {best_m->record});
  w.T(p, " (");
  double gap = 100.0 * (best_x->value_usd / best_m->value_usd - 1.0);
  w.F(p, (gap >= 0 ? "+" : "") + FormatPct(gap), {best_x->record, best_m->record});
  w.T(p, ").");
}

void MirrorParagraph(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  if (f.mirror_gaps.empty()) return;
  const measure::MirrorGap& g = f.mirror_gaps.front();
  Prose p;
  w.T(&p, "The two sides' statistics disagree. For ");
  w.F(&p, std::to_string(g.year), {g.a, g.b});
  w.T(&p, ", " + w.pa() + "'s figures give ");
  w.F(&p, FormatUsd(*g.a->Number("value")), {g.a});
  w.T(&p, " and " + w.pb() + "'s ");
  w.F(&p, FormatUsd(*g.b->Number("value")), {g.b});
  w.T(&p, std::string(": ") + w.pa() + "'s figure is ");
  w.F(&p, FormatPct(std::fabs(g.gap_pct)), {g.a, g.b});
  w.T(&p, g.gap_pct >= 0 ? " higher" : " lower");
  if (f.mirror_gaps.size() > 1) {
    w.T(&p, ", and the sign of the gap holds in ");
    int same = 0;
    std::vector<const Record*> recs;
    for (const auto& m : f.mirror_gaps) {
      if ((m.gap_pct >= 0) == (g.gap_pct >= 0)) ++same;
      recs.push_back(m.a);
      recs.push_back(m.b);
    }
    w.F(&p, CountWord(same) + " of " + CountWord(static_cast<long long>(f.mirror_gaps.size())), recs);
    w.T(&p, " years both report");
  }
  w.T(&p, ".");
  FlowMirrorSentence(w, &p, /*opens_paragraph=*/false);
  w.T(&p, " Mirror figures differ by design: importers value goods including freight and insurance "
        "(CIF), exporters without (FOB), and goods in transit or re-exported may be attributed to "
        "another partner.");
  w.Add(s, std::move(p));
}

void TradeChartAndTable(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  std::set<int> year_set;
  for (const auto& ts : f.trade) {
    for (const auto& pt : ts.points) year_set.insert(pt.year);
  }
  if (year_set.empty()) return;
  std::vector<int> years;
  for (int y = *year_set.begin(); y <= *year_set.rbegin(); ++y) years.push_back(y);
  std::vector<std::string> cats;
  for (int y : years) cats.push_back(std::to_string(y));
  std::vector<BarSeries> series;
  for (const auto& ts : f.trade) {
    BarSeries b{ts.reporter.empty() ? "unattributed" : w.Name(ts.reporter) + "'s figures", {}};
    for (int y : years) {
      double v = NAN;
      for (const auto& pt : ts.points) {
        if (pt.year == y) v = pt.value_usd;
      }
      b.values.push_back(v);
    }
    series.push_back(std::move(b));
  }
  std::string title = "Trade in goods between " + w.pa() + " and " + w.pb() + ", by reporter";
  s.blocks.emplace_back(Chart{"trade-by-year", title, BarChart(title, cats, series, 1e9, "US$ billion"),
                              "Total trade (exports plus imports) in each year, as each side reports it."});
  Table t{"Trade totals by year", {"Year", "Reporter", "Total trade", "Change (computed)", "Change (stated)"}, {}};
  for (const auto& ts : f.trade) {
    for (const auto& pt : ts.points) {
      Prose computed = pt.computed_growth_pct
                           ? w.CellFig(FormatPct(*pt.computed_growth_pct), pt.record)
                           : w.Cell("");
      if (pt.computed_growth_pct) computed[0].cites.push_back(w.Cite(pt.previous));
      t.rows.push_back({w.Cell(std::to_string(pt.year)),
                        w.Cell(ts.reporter.empty() ? "not stated" : w.Name(ts.reporter)),
                        w.CellFig(QualifiedMoney(*pt.record, pt.value_usd), pt.record), computed,
                        pt.stated_growth_pct ? w.CellFig(FormatPct(*pt.stated_growth_pct), pt.record) : w.Cell("")});
    }
  }
  s.blocks.emplace_back(std::move(t));
}

void TradeParagraphs(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  const measure::TradeSeries* main = nullptr;
  for (const auto& ts : f.trade) {
    if (!ts.points.empty() && (!main || ts.points.back().year > main->points.back().year ||
                               (ts.points.back().year == main->points.back().year &&
                                ts.points.size() > main->points.size()))) {
      main = &ts;
    }
  }
  if (!main) {
    // No registry series of totals: the loaded statistics speak below,
    // but stated flows may still be checked against each other.
    if (f.trade_stats.empty() && f.claims.empty()) {
      Prose p;
      w.T(&p, "The workspace holds no trade totals for " + w.pa() + " and " + w.pb() + ".");
      w.Add(s, std::move(p));
    }
    if (!f.claims.empty()) {
      Prose p;
      FlowMirrorSentence(w, &p, /*opens_paragraph=*/true);
      if (!p.empty()) w.Add(s, std::move(p));
      ClaimsBlock(w, s);
    }
    return;
  }
  const measure::TradePoint& last = main->points.back();
  Prose p;
  w.T(&p, ReporterPhrase(w, main->reporter) + ", trade in goods between " + w.pa() + " and " +
            w.pb() + " reached ");
  w.F(&p, QualifiedMoney(*last.record, last.value_usd), {last.record});
  w.T(&p, " in ");
  w.F(&p, std::to_string(last.year), {last.record});
  if (last.computed_growth_pct) {
    w.T(&p, ", ");
    w.F(&p, FormatChange(*last.computed_growth_pct), {last.record, last.previous});
    w.T(&p, " on ");
    w.F(&p, FormatUsd(*last.previous->Number("value")), {last.previous});
    w.T(&p, " the year before");
  }
  w.T(&p, ".");
  if (last.stated_growth_pct && last.computed_growth_pct) {
    double diff = std::fabs(*last.stated_growth_pct - *last.computed_growth_pct);
    if (diff >= 0.05) {
      w.T(&p, " The source states growth of ");
      w.F(&p, FormatPct(*last.stated_growth_pct), {last.record});
      w.T(&p, ", which its own values do not bear out: they give ");
      w.F(&p, FormatPct(*last.computed_growth_pct), {last.record, last.previous});
      w.T(&p, ".");
    } else {
      w.T(&p, " That matches the growth the source states (");
      w.F(&p, FormatPct(*last.stated_growth_pct), {last.record});
      w.T(&p, ").");
    }
  }
  const auto& pts = main->points;
  if (pts.size() >= 3) {
    const measure::TradePoint& first = pts.front();
    auto cagr = measure::CompoundAnnualGrowthPct(first.value_usd, last.value_usd, last.year - first.year);
    if (cagr) {
      w.T(&p, " Over ");
      w.F(&p, std::to_string(first.year) + "\u2013" + std::to_string(last.year), {first.record, last.record});
      w.T(&p, " the series rose from ");
      w.F(&p, FormatUsd(first.value_usd), {first.record});
      w.T(&p, ", a compound ");
      w.F(&p, FormatPct(*cagr), {first.record, last.record});
      w.T(&p, " a year.");
    }
  }
  w.Add(s, std::move(p));
  MirrorParagraph(w, s);
  TradeChartAndTable(w, s);
  ClaimsBlock(w, s);
}

}  // namespace

void Economy(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("economy", "Economy and trade");
  TradeParagraphs(w, s);
  for (const measure::TradeStatistics& ts : f.trade_stats) TradeStatisticsBlock(w, s, ts);
  ProjectsBlock(w, s);
  TextFacts(w, s, {"trade", "money", "quantity", "percentage"}, "figures");
}

}  // namespace bilat::report::sections
