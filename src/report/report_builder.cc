// BuildReport: writes each section through one ReportWriter, then adds the authors' text
// and polishes the finished model (capitals after a full stop, possessives).
#include "report/report_builder.h"

#include <cmark.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>
#include <tuple>

#include "core/hs_chapters.h"
#include "measure/growth.h"
#include "report/format.h"
#include "report/report_writer.h"
#include "report/sections/sections.h"
#include "report/svg_chart.h"

namespace bilat::report {

// Sections not yet in their own files (report/sections/).
namespace sections {
namespace {

// Blocks that sections write, defined below.
void TradeParagraphs(ReportWriter& w, Section& s);
void ClaimsBlock(ReportWriter& w, Section& s);
void MirrorParagraph(ReportWriter& w, Section& s);
void FlowMirrorSentence(ReportWriter& w, Prose* p, bool opens_paragraph);
void TradeChartAndTable(ReportWriter& w, Section& s);
void TradeStatisticsBlock(ReportWriter& w, Section& s, const measure::TradeStatistics& ts);
void ProjectsBlock(ReportWriter& w, Section& s);
std::string TargetValueOf(double v, const Record* t);

std::string QualifiedMoney(const Record& r, double value) {
  std::string q = r.Text("value_qualifier");
  std::string prefix = q == "at_least" ? "more than " : q == "about" ? "about " : q == "at_most" ? "up to " : "";
  std::string currency = r.Text("currency");
  return prefix + FormatMoney(value, currency.empty() ? "USD" : currency);
}

std::string ReporterPhrase(const ReportWriter& w, const std::string& reporter) {
  if (reporter.empty()) return "According to the figures cited in the sources";
  return "According to " + w.Name(reporter) + "'s statistics";
}

void Economy(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("economy", "Economy and trade");
  TradeParagraphs(w, s);
  for (const measure::TradeStatistics& ts : f.trade_stats) TradeStatisticsBlock(w, s, ts);
  ProjectsBlock(w, s);
  TextFacts(w, s, {"trade", "money", "quantity", "percentage"}, "figures");
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

// "total trade", "China's exports to Kazakhstan", "Kazakhstan's imports from China".
std::string ClaimQuantity(const ReportWriter& w, const measure::TradeClaim& c) {
  if (c.is_total()) return "total trade";
  if (c.stated_as == "imports") return w.Name(c.importer) + "'s imports from " + w.Name(c.exporter);
  return w.Name(c.exporter) + "'s exports to " + w.Name(c.importer);
}

// Every stated trade figure (totals and each direction) beside the others
// for the same quantity and year and beside the ingested statistics, and
// each stated growth beside the growth its own source's figures give.
void ClaimsBlock(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  if (f.claims.empty()) return;
  int years_compared = 0, years_agree = 0, growth_checked = 0, growth_off = 0;
  std::set<std::tuple<int, std::string, std::string, std::string>> seen_years;
  std::vector<const Record*> all;
  for (const measure::ClaimCheck& c : f.claims) {
    all.push_back(c.claim.record);
    if (!c.others.empty() &&
        seen_years.insert({c.claim.year, c.claim.period, c.claim.exporter, c.claim.importer}).second) {
      ++years_compared;
      bool agree = true;
      for (const measure::ClaimCheck& d : f.claims) {
        if (!d.claim.SameQuantity(c.claim)) continue;
        for (const auto& o : d.others) agree &= std::fabs(o.diff_pct) <= measure::kClaimTolerancePct;
      }
      years_agree += agree;
    }
    if (c.claim.stated_growth_pct && c.computed_growth_pct) {
      ++growth_checked;
      growth_off += std::fabs(*c.claim.stated_growth_pct - *c.computed_growth_pct) >= 0.05;
    }
  }
  Prose p;
  w.T(&p, "Claims checked: the workspace holds ");
  w.F(&p, CountWord(static_cast<long long>(f.claims.size())), all);
  w.T(&p, " stated figures of the pair's trade (totals, and the flows each way stated as one side's exports or the "
        "other's imports) that can be compared with another figure, with ingested statistics or with their own "
        "growth. ");
  if (years_compared) {
    w.T(&p, "Of the ");
    w.F(&p, CountWord(years_compared), all);
    w.T(&p, " quantities (a year or period, and a direction) stated more than once, ");
    w.F(&p, years_agree == 0 ? "none" : CountWord(years_agree), all);
    // The tolerance is bilat's constant, not a figure from the data: in words.
    static_assert(measure::kClaimTolerancePct == 0.5, "update the words below");
    w.T(&p, years_agree == 1 ? " has figures that all agree within half a percent"
                           : " have figures that all agree within half a percent");
    w.T(&p, years_agree == 0 ? "; the figures differ, most often because they come from different reporters (see the "
                             "mirror gap above). "
                           : "; elsewhere the figures differ, most often because they come from different reporters "
                             "(see the mirror gap above). ");
  }
  int with_data = 0, data_agree = 0;
  std::vector<const Record*> data_records;
  for (const measure::ClaimCheck& c : f.claims) {
    if (c.data.empty()) continue;
    ++with_data;
    bool agree = true;
    for (const auto& d : c.data) {
      agree &= std::fabs(d.diff_pct) <= measure::kClaimTolerancePct;
      data_records.push_back(d.record);
    }
    data_agree += agree;
  }
  if (with_data) {
    std::vector<const Record*> both = all;
    both.insert(both.end(), data_records.begin(), data_records.end());
    w.F(&p, Capitalise(CountWord(with_data)), both);
    w.T(&p, " of them could be set beside the ingested trade statistics for the same year; ");
    w.F(&p, data_agree == 0 ? "none" : CountWord(data_agree), both);
    w.T(&p, data_agree == 1 ? " agrees with every figure there. " : " agree with every figure there. ");
  }
  if (growth_checked) {
    w.F(&p, Capitalise(CountWord(growth_off)), all);
    w.T(&p, " of ");
    w.F(&p, CountWord(growth_checked), all);
    w.T(&p, " stated growth rates are not borne out, to a tenth of a percentage point, by the figures of their own "
          "source for the two years (or, where that source gives only one year, by the same reporter's figure for "
          "the year before).");
  }
  w.Add(s, std::move(p));
  Table t{"Stated trade figures, checked", {"Year", "What", "Figure", "Reporter", "Compared with", "Difference",
                                            "Stated growth", "Growth from the source's figures"}, {}};
  // A column for the ingested statistics only when some claim meets them.
  if (with_data) t.header.push_back("In the ingested trade statistics");
  for (const measure::ClaimCheck& c : f.claims) {
    const measure::TradeClaim& k = c.claim;
    Prose others, diffs;
    for (size_t i = 0; i < c.others.size(); ++i) {
      const auto& o = c.others[i];
      if (i) {
        others.push_back({"; ", false, {}, {}});
        diffs.push_back({"; ", false, {}, {}});
      }
      std::string how = o.claim.stated_as != k.stated_as ? "as " + o.claim.stated_as : "";
      std::string who = o.claim.reporter.empty() ? "" : w.Name(o.claim.reporter);
      std::string note = who.empty() ? how : how.empty() ? who : who + ", " + how;
      w.F(&others, QualifiedMoney(*o.claim.record, o.claim.value_usd) + (note.empty() ? "" : " (" + note + ")"),
        {o.claim.record});
      std::string d = (o.diff_pct >= 0 ? "+" : "") + FormatPct(o.diff_pct);
      if (std::fabs(o.diff_pct) <= measure::kClaimTolerancePct) d += " agrees";
      w.F(&diffs, d, {k.record, o.claim.record});
    }
    Prose computed = w.Cell("");
    if (c.computed_growth_pct) computed = {};
    if (c.computed_growth_pct) w.F(&computed, FormatPct(*c.computed_growth_pct), {k.record, c.previous});
    std::string year = std::to_string(k.year) + (k.period.empty() ? "" : " " + k.period);
    Prose data = w.Cell("");
    if (!c.data.empty()) data = {};
    for (size_t i = 0; i < c.data.size(); ++i) {
      const auto& d = c.data[i];
      if (i) data.push_back({"; ", false, {}, {}});
      std::string who = d.dataset == "baci" ? "BACI" : "Comtrade, " + w.Name(d.reporter) + "'s";
      w.F(&data, FormatUsd(d.value_usd) + " (" + who + "): " + (d.diff_pct >= 0 ? "+" : "") + FormatPct(d.diff_pct) +
                   (std::fabs(d.diff_pct) <= measure::kClaimTolerancePct ? " agrees" : ""),
        {k.record, d.record});
    }
    t.rows.push_back({w.CellFig(year, k.record), w.Cell(ClaimQuantity(w, k)),
                      w.CellFig(QualifiedMoney(*k.record, k.value_usd), k.record),
                      w.Cell(k.reporter.empty() ? "not stated" : w.Name(k.reporter)), others, diffs,
                      k.stated_growth_pct ? w.CellFig(FormatPct(*k.stated_growth_pct), k.record) : w.Cell(""), computed});
    if (with_data) t.rows.back().push_back(std::move(data));
  }
  s.blocks.emplace_back(std::move(t));
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

void TradeStatisticsBlock(ReportWriter& w, Section& s, const measure::TradeStatistics& ts) {
  if (ts.readings.empty()) return;
  const bool baci = ts.dataset == "baci";
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
             : "In the UN Comtrade data ingested, as " + (a_reports ? a : b) + " reports it, ");
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
  std::string title = "Trade in goods between " + a + " and " + b + " both ways (" +
                      (baci ? "CEPII BACI" : "UN Comtrade") + ")";
  double top = 0;
  for (const auto* series : {&ab, &ba}) {
    for (double v : series->values) top = std::max(top, std::isnan(v) ? 0.0 : v);
  }
  const double divisor = top >= 1e9 ? 1e9 : top >= 1e6 ? 1e6 : 1e3;
  const std::string unit = top >= 1e9 ? "US$ billion" : top >= 1e6 ? "US$ million" : "US$ thousand";
  s.blocks.emplace_back(Chart{"trade-" + ts.dataset, title, BarChart(title, cats, {ab, ba}, divisor, unit),
                              "Exports each way in each year of the ingested " +
                                  std::string(baci ? "BACI" : "Comtrade") + " data."});
  Table t{std::string("Trade indicators by year (") + (baci ? "CEPII BACI" : "UN Comtrade") + ", " + a +
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

void ProjectsBlock(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  const auto& projects = f.Of("projects");
  if (projects.empty()) {
    Prose p;
    w.T(&p, "The workspace holds no projects or investments for this pair.");
    w.Add(s, std::move(p));
    return;
  }
  std::vector<const Record*> all, valued;
  double total = 0;
  std::map<std::string, std::vector<const Record*>> by_investor;
  for (const Record& r : projects) {
    if (r.Int("count").value_or(1) > 1) continue;  // groups: reported below
    all.push_back(&r);
    by_investor[r.Text("investor")].push_back(&r);
    if (auto v = r.Number("value"); v && (r.Text("currency").empty() || r.Text("currency") == "USD") &&
                                    r.Text("value_qualifier") == "exact") {
      total += *v;
      valued.push_back(&r);
    }
  }
  Prose p;
  w.T(&p, "The registry lists ");
  w.F(&p, CountWord(static_cast<long long>(all.size())), all);
  w.T(&p, " projects and investments");
  if (by_investor.size() == 1) {
    w.T(&p, ", all by " + w.Name(by_investor.begin()->first) + " in " +
              w.Name(by_investor.begin()->second.front()->Text("host")));
  }
  w.T(&p, ". ");
  if (!valued.empty()) {
    w.F(&p, Capitalise(CountWord(static_cast<long long>(valued.size()))), valued);
    w.T(&p, " of them state a value, together ");
    w.F(&p, FormatUsd(total), valued);
    w.T(&p, ". ");
  }
  const measure::SectorTotal* top_ptr = f.sectors.empty() ? nullptr : &f.sectors.front();
  if (top_ptr && top_ptr->value_usd > 0) {
    const measure::SectorTotal& top = *top_ptr;
    w.T(&p, "The largest sector by value is ");
    w.D(&p, top.sector, top.records.front());
    w.T(&p, ", with ");
    w.F(&p, FormatUsd(top.value_usd), top.records);
    w.T(&p, " across ");
    w.F(&p, CountWord(top.projects), top.records);
    w.T(&p, Plural(top.projects, " project", " projects"));
    if (total > 0) {
      w.T(&p, " (");
      w.F(&p, FormatPct(100.0 * top.value_usd / total, 0), valued);
      w.T(&p, " of the stated total)");
    }
    w.T(&p, ".");
  }
  for (const Record* g : f.project_groups) {
    w.T(&p, " Apart from these, ");
    w.D(&p, g->Text("name"), g);
    w.T(&p, " counts ");
    w.F(&p, CountWord(*g->Int("count")), {g});
    w.T(&p, " projects");
    if (auto v = g->Number("value")) {
      w.T(&p, " worth ");
      w.F(&p, QualifiedMoney(*g, *v), {g});
    }
    w.T(&p, "; they may overlap the projects above, so they are not added to the totals.");
  }
  w.Add(s, std::move(p));

  std::vector<std::string> labels, value_labels;
  std::vector<double> values;
  for (const auto& sec : f.sectors) {
    if (sec.value_usd <= 0) continue;
    labels.push_back(sec.sector);
    values.push_back(sec.value_usd);
    value_labels.push_back(FormatUsd(sec.value_usd));
  }
  if (!labels.empty()) {
    std::string title = "Stated value of projects and investments by sector";
    s.blocks.emplace_back(Chart{"projects-by-sector", title, HorizontalBars(title, labels, values, value_labels),
                                "Sum of stated values per sector; projects without a stated value are not counted."});
  }
  Table t{"Projects and investments by sector", {"Sector", "Projects", "With stated value", "Stated value"}, {}};
  for (const auto& sec : f.sectors) {
    Prose count;
    w.F(&count, std::to_string(sec.projects), sec.records);
    t.rows.push_back({w.Cell(sec.sector), count, w.Cell(std::to_string(sec.with_value)),
                      sec.value_usd > 0 ? w.CellFig(FormatUsd(sec.value_usd), sec.records.front()) : w.Cell("")});
    if (sec.value_usd > 0) {
      for (size_t i = 1; i < sec.records.size(); ++i) {
        if (sec.records[i]->Number("value")) t.rows.back()[3][0].cites.push_back(w.Cite(sec.records[i]));
      }
    }
  }
  s.blocks.emplace_back(std::move(t));

  std::vector<const Record*> largest = valued;
  std::stable_sort(largest.begin(), largest.end(),
                   [](const Record* x, const Record* y) { return *x->Number("value") > *y->Number("value"); });
  if (largest.size() > 10) largest.resize(10);
  Table big{"Largest projects and investments by stated value", {"Date", "Project", "Entity", "Sector", "Value"}, {}};
  for (const Record* r : largest) {
    Date d = r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of");
    big.rows.push_back({w.CellFig(d.ToIso(), r), w.Cell(r->Text("name")), w.Cell(r->Text("entity")),
                        w.Cell(r->Text("sector")), w.CellFig(FormatUsd(*r->Number("value")), r)});
  }
  if (!big.rows.empty()) s.blocks.emplace_back(std::move(big));
}

std::string KindNoun(const std::string& kind, long long n) {
  static const std::map<std::string, std::pair<std::string, std::string>> kNouns = {
      {"border_crossing", {"border crossing", "border crossings"}},
      {"pipeline", {"cross-border pipeline", "cross-border pipelines"}},
      {"railway", {"cross-border railway", "cross-border railways"}},
      {"road", {"road corridor", "road corridors"}},
      {"air_route", {"air route", "air routes"}},
      {"logistics_hub", {"logistics hub", "logistics hubs"}},
      {"port", {"port", "ports"}},
      {"confucius_institute", {"Confucius Institute", "Confucius Institutes"}},
      {"cultural_centre", {"language and cultural centre", "language and cultural centres"}},
      {"research_institute", {"research institute", "research institutes"}},
      {"workshop", {"vocational workshop", "vocational workshops"}},
      {"university", {"joint university", "joint universities"}},
      {"media", {"media partnership", "media partnerships"}},
      {"sister_cities", {"pair of sister cities", "pairs of sister cities"}},
      {"bank_branch", {"bank branch", "bank branches"}},
      {"clearing", {"clearing arrangement", "clearing arrangements"}},
      {"swap_line", {"currency swap line", "currency swap lines"}},
      {"fund", {"fund", "funds"}},
      {"loan", {"loan", "loans"}},
      {"platform", {"financing platform", "financing platforms"}},
      {"memorandum", {"memorandum", "memoranda"}},
      {"visa_regime", {"visa arrangement", "visa arrangements"}},
      {"tourism_year", {"tourism year", "tourism years"}},
  };
  auto it = kNouns.find(kind);
  if (it == kNouns.end()) return Humanise(kind);
  return n == 1 ? it->second.first : it->second.second;
}

void Connectivity(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("connectivity", "Infrastructure connectivity");
  std::vector<const Record*> rows;
  for (const Record& r : f.Of("connectivity")) rows.push_back(&r);
  if (rows.empty()) {
    Prose p;
    w.T(&p, "The workspace holds no connectivity assets (border crossings, pipelines, railways, roads, "
          "air routes) for this pair.");
    w.Add(s, std::move(p));
    return;
  }
  std::vector<std::string> kinds;
  std::map<std::string, std::vector<const Record*>> by_kind;
  const Record* latest_as_of = nullptr;
  for (const Record* r : rows) {
    if (r->Text("status") != "operating") continue;
    if (!by_kind.count(r->Text("kind"))) kinds.push_back(r->Text("kind"));
    by_kind[r->Text("kind")].push_back(r);
    if (r->DateOf("as_of").IsSet() && (!latest_as_of || latest_as_of->DateOf("as_of") < r->DateOf("as_of"))) {
      latest_as_of = r;
    }
  }
  Prose p;
  if (latest_as_of) {
    w.T(&p, "As of ");
    w.F(&p, latest_as_of->DateOf("as_of").ToEnglish(), {latest_as_of});
    w.T(&p, ", ");
  }
  w.T(&p, std::string(latest_as_of ? "the" : "The") + " registry counts ");
  AppendList(kinds.size(), [&](size_t i) {
    long long n = 0;
    for (const Record* r : by_kind[kinds[i]]) n += r->Int("count").value_or(1);
    w.F(&p, CountWord(n), by_kind[kinds[i]]);
    w.T(&p, " operating " + KindNoun(kinds[i], n));
  }, &p);
  w.T(&p, " between " + w.pa() + " and " + w.pb() + ".");
  if (kinds.empty()) w.T(&p, " None of them is recorded as operating yet.");
  w.Add(s, std::move(p));
  Table t{"Connectivity assets", {"Kind", "Name", "Count", "Status", "Opened", "As of"}, {}};
  for (const Record* r : rows) {
    t.rows.push_back({w.Cell(Humanise(r->Text("kind"))), w.Cell(r->Text("name")),
                      w.CellFig(std::to_string(r->Int("count").value_or(1)), r), w.Cell(Humanise(r->Text("status"))),
                      r->DateOf("opened").IsSet() ? w.CellFig(r->DateOf("opened").ToIso(), r) : w.Cell(""),
                      r->DateOf("as_of").IsSet() ? w.CellFig(r->DateOf("as_of").ToIso(), r) : w.Cell("")});
  }
  s.blocks.emplace_back(std::move(t));
}

void Finance(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("finance", "Finance");
  std::vector<const Record*> rows;
  for (const Record& r : f.Of("finance")) rows.push_back(&r);
  auto when = [](const Record* r) { return r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of"); };
  std::stable_sort(rows.begin(), rows.end(), [&](const Record* x, const Record* y) { return when(x) < when(y); });
  Prose p;
  if (rows.empty()) {
    w.T(&p, "The workspace holds no financial arrangements for this pair.");
    w.Add(s, std::move(p));
    return;
  }
  w.T(&p, "The registry lists ");
  w.F(&p, CountWord(static_cast<long long>(rows.size())), rows);
  w.T(&p, Plural(static_cast<long long>(rows.size()), " financial arrangement: ", " financial arrangements: "));
  AppendList(rows.size(), [&](size_t i) {
    const Record* r = rows[i];
    w.D(&p, r->Text("name"), r);
    w.T(&p, r->DateOf("date").IsSet() ? " (" : " (named as of ");
    w.F(&p, (r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of")).ToEnglish(), {r});
    if (auto v = r->Number("value")) {
      w.T(&p, ", ");
      w.F(&p, FormatMoney(*v, r->Text("currency")), {r});
    }
    w.T(&p, ")");
  }, &p);
  w.T(&p, ".");
  w.Add(s, std::move(p));
  Table t{"Financial arrangements", {"Date", "Kind", "Name", "Institution", "Value"}, {}};
  for (const Record* r : rows) {
    auto v = r->Number("value");
    Date d = r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of");
    t.rows.push_back({w.CellFig(d.ToIso() + (r->DateOf("date").IsSet() ? "" : " (as of)"), r), w.Cell(Humanise(r->Text("kind"))),
                      w.Cell(r->Text("name")), w.Cell(r->Text("institution")),
                      v ? w.CellFig(FormatMoney(*v, r->Text("currency")), r) : w.Cell("")});
  }
  s.blocks.emplace_back(std::move(t));
}

void People(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("people", "People-to-people ties");
  std::vector<const Record*> rows;
  for (const Record& r : f.Of("people")) rows.push_back(&r);
  if (rows.empty()) {
    Prose p;
    w.T(&p, "The workspace holds no people-to-people institutions or arrangements for this pair.");
    w.Add(s, std::move(p));
    return;
  }
  // Institutions are counted per host; arrangements are named with dates.
  static const std::set<std::string> kArrangements = {"visa_regime", "tourism_year"};
  std::vector<std::string> keys;
  std::map<std::string, std::vector<const Record*>> groups;
  std::vector<const Record*> arrangements;
  for (const Record* r : rows) {
    if (kArrangements.count(r->Text("kind"))) {
      arrangements.push_back(r);
      continue;
    }
    std::string key = r->Text("host") + "\x1f" + r->Text("kind");
    if (!groups.count(key)) keys.push_back(key);
    groups[key].push_back(r);
  }
  Prose p;
  for (const std::string& key : keys) {
    const auto& g = groups[key];
    long long n = 0;
    for (const Record* r : g) n += r->Int("count").value_or(1);
    w.T(&p, w.Name(g.front()->Text("host")) + " hosts ");
    w.F(&p, CountWord(n), g);
    w.T(&p, " " + KindNoun(g.front()->Text("kind"), n) + " linked to " + w.Name(g.front()->Text("partner")) + ". ");
  }
  for (const Record* r : arrangements) {
    w.D(&p, Capitalise(r->Text("name")), r);
    w.T(&p, " (");
    w.F(&p, (r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of")).ToEnglish(), {r});
    w.T(&p, "). ");
  }
  w.Add(s, std::move(p));
  Table t{"People-to-people institutions and arrangements", {"Kind", "Name", "Host", "Count", "Date"}, {}};
  for (const Record* r : rows) {
    Date d = r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of");
    t.rows.push_back({w.Cell(Humanise(r->Text("kind"))), w.Cell(r->Text("name")), w.Cell(w.Name(r->Text("host"))),
                      w.CellFig(std::to_string(r->Int("count").value_or(1)), r),
                      d.IsSet() ? w.CellFig(d.ToIso(), r) : w.Cell("")});
  }
  s.blocks.emplace_back(std::move(t));
}

std::string IndicatorLabel(const std::string& indicator) {
  if (indicator == "gdp") return "GDP in current US dollars";
  if (indicator == "gdp_growth_pct") return "real GDP growth";
  if (indicator == "population") return "population";
  if (indicator == "gdp_per_capita") return "GDP per head";
  if (indicator == "trade_total") return "bilateral trade";
  return Humanise(indicator);
}

std::string TargetValue(const Record* t, const char* column) {
  auto v = t->Number(column);
  if (!v) return "";
  if (t->Text("indicator").ends_with("_pct")) return FormatPct(*v);
  if (!t->Text("currency").empty()) return FormatMoney(*v, t->Text("currency"));
  return FormatNumber(*v);
}

void Outlook(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("outlook", "Outlook");
  if (f.targets.empty()) {
    Prose p;
    w.T(&p, "The workspace holds no stated targets for this pair.");
    w.Add(s, std::move(p));
    return;
  }
  for (const measure::TargetAssessment& a : f.targets) {
    const Record* t = a.target;
    std::string indicator = t->Text("indicator");
    const bool is_rate = indicator.ends_with("_pct");
    Prose p;
    std::string who = w.Name(t->Text("country"));
    w.T(&p, who + "'s stated target");
    if (!t->Text("stated_by").empty()) {
      w.T(&p, ", set out by ");
      w.D(&p, t->Text("stated_by"), t);
    }
    w.T(&p, t->DateOf("stated").precision() == DatePrecision::kDay ? " on " : " in ");
    w.F(&p, t->DateOf("stated").ToEnglish(), {t});
    w.T(&p, ", is " + IndicatorLabel(indicator) + " of ");
    std::string value = TargetValue(t, "target_value");
    if (t->Number("target_value_high")) {
      std::string hi = TargetValue(t, "target_value_high");
      if (is_rate) {
        value = FormatNumber(*t->Number("target_value"), 1) + "\u2013" +
                FormatNumber(*t->Number("target_value_high"), 1) + "%";  // "6–7%"
      }
      else value += "\u2013" + hi;
    }
    w.F(&p, value, {t});
    if (is_rate) w.T(&p, " a year");
    if (auto y = t->Int("target_year")) {
      w.T(&p, " by ");
      w.F(&p, std::to_string(*y), {t});
    }
    w.T(&p, ". ");
    if (!a.latest) {
      w.T(&p, "No observations of " + IndicatorLabel(indicator) + " are stored for " + who +
                ", so what the target requires cannot be computed.");
      w.Add(s, std::move(p));
      continue;
    }
    if (is_rate) {
      if (a.recent_growth_pct) {
        w.T(&p, "Over ");
        w.F(&p, std::to_string(a.latest_year - a.recent_years + 1) + "\u2013" + std::to_string(a.latest_year),
          a.recent_inputs);
        w.T(&p, ", " + IndicatorLabel(indicator) + " averaged ");
        w.F(&p, FormatPct(*a.recent_growth_pct), a.recent_inputs);
        w.T(&p, " a year");
        double lo = *t->Number("target_value");
        double hi = t->Number("target_value_high").value_or(lo);
        w.T(&p, *a.recent_growth_pct >= lo ? (*a.recent_growth_pct <= hi ? ", within the target range."
                                                                         : ", above the target.")
                                         : ", below the target.");
      }
    } else {
      w.T(&p, "From ");
      w.F(&p, TargetValueOf(a.latest_value, t), {a.latest});
      w.T(&p, " in ");
      w.F(&p, std::to_string(a.latest_year), {a.latest});
      if (a.required_growth_pct) {
        w.T(&p, ", reaching it requires growth of ");
        w.F(&p, FormatPct(*a.required_growth_pct), {t, a.latest});
        w.T(&p, " a year");
        if (indicator == "gdp") w.T(&p, " in current dollars");
      }
      w.T(&p, ".");
      if (a.recent_growth_pct && a.record_start) {
        w.T(&p, " Over the ");
        w.F(&p, CountWord(a.recent_years), {a.record_start, a.latest});
        w.T(&p, " years to ");
        w.F(&p, std::to_string(a.latest_year), {a.latest});
        w.T(&p, " it grew ");
        w.F(&p, FormatPct(*a.recent_growth_pct), {a.record_start, a.latest});
        w.T(&p, " a year");
        if (a.required_growth_pct) {
          w.T(&p, *a.recent_growth_pct >= *a.required_growth_pct
                    ? ": the recent record is at or above the pace required."
                    : ": the target needs a faster pace than the recent record.");
        } else {
          w.T(&p, ".");
        }
      }
    }
    w.Add(s, std::move(p));
  }
}

std::string TargetValueOf(double v, const Record* t) {
  if (t->Text("indicator") == "population") return FormatNumber(v, 0);
  return FormatUsd(v);
}

}  // namespace
}  // namespace sections

namespace {

// Names that take the article are written "the United States" in
// templates; this pass capitalises "the" where a sentence (or a cell, a
// caption, a header) opens with it, and writes the possessive of a name
// ending in s as "the United States'" rather than "the United States's".
void FixPossessive(std::string* t) {
  for (size_t at = t->find("s's"); at != std::string::npos; at = t->find("s's", at + 2)) {
    size_t after = at + 3;
    if (after == t->size() || !std::isalpha(static_cast<unsigned char>((*t)[after]))) t->erase(at + 2, 1);
  }
}

void PolishProse(Prose* prose, bool opens) {
  bool start = opens;
  for (Segment& seg : *prose) {
    FixPossessive(&seg.text);
    for (size_t i = 0; i < seg.text.size(); ++i) {
      char c = seg.text[i];
      if (c == ' ' || c == '(' || c == '"') continue;
      if (start && seg.text.compare(i, 4, "the ") == 0) seg.text[i] = 'T';
      start = !seg.figure && (c == '.' || c == '!' || c == '?' || c == ':') &&
              (i + 1 == seg.text.size() || seg.text[i + 1] == ' ');
      if (c == ':') start = false;  // "...: the United States" stays lower case
    }
  }
}

void Polish(ReportModel* model) {
  for (Section& s : model->sections) {
    for (Block& b : s.blocks) {
      if (auto* p = std::get_if<Paragraph>(&b)) {
        PolishProse(&p->prose, true);
      } else if (auto* t = std::get_if<Table>(&b)) {
        t->caption = Capitalise(t->caption);
        FixPossessive(&t->caption);
        for (std::string& h : t->header) {
          h = Capitalise(h);
          FixPossessive(&h);
        }
        for (auto& row : t->rows) {
          for (Prose& cell : row) PolishProse(&cell, true);
        }
      }
    }
  }
}

// The analysts' Markdown for the section, if any, after its first block.
void AddAuthorsText(const ReportInputs& in, Section* s) {
  auto it = in.authors_text.find(s->id);
  if (it == in.authors_text.end()) return;
  AuthorsText a{it->second.first, it->second.second, MarkdownToSafeHtml(it->second.second)};
  // Shown right after the first generated paragraph, beside the figures.
  auto pos = s->blocks.begin();
  if (pos != s->blocks.end()) ++pos;
  s->blocks.insert(pos, std::move(a));
}

}  // namespace

const std::vector<std::string>& SectionIds() {
  static const std::vector<std::string> kIds = {"political", "pulse",  "economy", "connectivity",
                                                "finance",   "people", "outlook"};
  return kIds;
}

ReportModel BuildReport(const ReportInputs& inputs) {
  // Sections in the order of SectionIds(), each from report/sections/.
  ReportWriter w(*inputs.facts, *inputs.countries);
  sections::Political(w);
  sections::Pulse(w);
  sections::Economy(w);
  sections::Connectivity(w);
  sections::Finance(w);
  sections::People(w);
  sections::Outlook(w);
  ReportModel model = w.TakeModel();
  for (Section& s : model.sections) AddAuthorsText(inputs, &s);
  Polish(&model);
  return model;
}

std::string MarkdownToSafeHtml(const std::string& markdown) {
  char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  std::string out = html ? html : "";
  free(html);
  return out;
}

}  // namespace bilat::report
