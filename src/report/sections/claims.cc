// The claims check of the economy section: every stated trade figure beside the others
// and the ingested statistics, and each stated growth beside its own source's figures.
#include "report/sections/sections.h"

#include "core/trade_datasets.h"

#include <cmath>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "report/format.h"

namespace bilat::report::sections {
namespace {

// "total trade", "China's exports to Kazakhstan", "Kazakhstan's imports from China".
std::string ClaimQuantity(const ReportWriter& w, const measure::TradeClaim& c) {
  if (c.is_total()) return "total trade";
  if (c.stated_as == "imports") return w.Name(c.importer) + "'s imports from " + w.Name(c.exporter);
  return w.Name(c.exporter) + "'s exports to " + w.Name(c.importer);
}

}  // namespace

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
      const TradeDataset* info = FindTradeDataset(d.dataset);
      const std::string name = info ? std::string(info->short_name) : d.dataset;
      std::string who = d.dataset == "baci" ? name : name + ", " + w.Name(d.reporter) + "'s";
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

}  // namespace bilat::report::sections
