// The relations pulse section: event data (GDELT, ICEWS) month by month.
#include "report/sections/sections.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "report/format.h"
#include "report/svg_chart.h"

namespace bilat::report::sections {
namespace {

void PulseBlock(ReportWriter& w, Section& s, const measure::EventPulse& pulse) {
  const std::string dataset = pulse.dataset == "gdelt" ? "GDELT" : "ICEWS";
  const std::string ab = Capitalise(w.pa() + " \u2192 " + w.pb()), ba = Capitalise(w.pb() + " \u2192 " + w.pa());
  std::vector<const Record*> both = {&pulse.ab_record, &pulse.ba_record};
  uint64_t n_ab = pulse.ab.TotalEvents(), n_ba = pulse.ba.TotalEvents();
  std::set<int> month_set;
  for (const auto* series : {&pulse.ab, &pulse.ba}) {
    for (const auto& m : series->periods) month_set.insert(m.period);
  }
  auto month_label = [](int m) {
    return Date::Month(m / 100, m % 100).ToEnglish();
  };
  Prose p;
  w.T(&p, "The " + dataset + " files in the workspace hold ");
  w.F(&p, FormatNumber(static_cast<double>(n_ab + n_ba), 0), both);
  w.T(&p, std::string(n_ab + n_ba == 1 ? " event" : " events") + " between the two countries, ");
  w.F(&p, FormatNumber(static_cast<double>(n_ab), 0), {&pulse.ab_record});
  w.T(&p, " with " + w.pa() + " as the actor and ");
  w.F(&p, FormatNumber(static_cast<double>(n_ba), 0), {&pulse.ba_record});
  w.T(&p, " with " + w.pb() + ", in ");
  w.F(&p, CountWord(static_cast<long long>(month_set.size())), both);
  w.T(&p, month_set.size() == 1 ? " month (" : " months (");
  w.F(&p, month_set.size() == 1 ? month_label(*month_set.begin())
                              : month_label(*month_set.begin()) + " to " + month_label(*month_set.rbegin()),
    both);
  w.T(&p, "). ");
  for (const auto* series : {&pulse.ab, &pulse.ba}) {
    if (series->periods.empty()) continue;
    measure::EventPeriod total;
    for (const auto& m : series->periods) {
      total.events += m.events;
      for (int q = 0; q < 4; ++q) total.q[q] += m.q[q];
      total.goldstein_sum += m.goldstein_sum;
      total.src_total += m.src_total;
    }
    const Record* rec = series == &pulse.ab ? &pulse.ab_record : &pulse.ba_record;
    const bool first = series == &pulse.ab || pulse.ab.periods.empty();
    w.T(&p, "Net cooperation " + std::string(series == &pulse.ab ? ab : ba) + " stands at ");
    w.F(&p, FormatFixed(total.NetCooperation(), 2), {rec});
    w.T(&p, first ? " on a scale from minus one (all conflict) to one (all cooperation), with a mean Goldstein score of "
                : ", with a mean Goldstein score of ");
    w.F(&p, FormatFixed(total.GoldsteinMean(), 1), {rec});
    if (auto share = total.ShareOfSrc()) {
      w.T(&p, "; these events are ");
      w.F(&p, FormatPct(100.0 * *share, 2), {rec});
      w.T(&p, " of all events with " + w.Name(series->src) + " as an actor in the same months");
    }
    w.T(&p, ". ");
  }
  if (pulse.dataset == "gdelt" && pulse.files > 0) {
    w.T(&p, "Counts rise and fall with news volume; the shares correct for that.");
  }
  w.Add(s, std::move(p));

  std::vector<int> months(month_set.begin(), month_set.end());
  std::vector<std::string> labels;
  for (int m : months) labels.push_back(Date::Month(m / 100, m % 100).ToIso());
  std::vector<PulseSeries> series;
  for (const auto* es : {&pulse.ab, &pulse.ba}) {
    PulseSeries ps{es == &pulse.ab ? ab : ba, {}, {}};
    for (int m : months) {
      auto it = std::find_if(es->periods.begin(), es->periods.end(), [m](const auto& x) { return x.period == m; });
      ps.net.push_back(it == es->periods.end() ? NAN : it->NetCooperation());
      ps.events.push_back(it == es->periods.end() ? 0 : static_cast<double>(it->events));
    }
    series.push_back(std::move(ps));
  }
  std::string title = "Relations pulse: monthly net cooperation and events (" + dataset + ")";
  s.blocks.emplace_back(Chart{"pulse-" + pulse.dataset, title, PulseChart(title, labels, series),
                              "Net cooperation = (verbal + material cooperation - verbal - material conflict) / events, "
                              "per month and direction; bars count the events."});
  if (pulse.top.empty()) return;
  Table t{"Most-reported " + dataset + " events", {"Date", "Direction", "Event", "Goldstein", "Mentions", "Sources", "Source"}, {}};
  for (size_t i = 0; i < pulse.top.size(); ++i) {
    const store::StoredEvent& e = pulse.top[i];
    std::string what = e.event_code;
    if (i < pulse.top_names.size() && !pulse.top_names[i].empty()) what += " " + pulse.top_names[i];
    if (!e.actor1_name.empty() || !e.actor2_name.empty()) what += " (" + e.actor1_name + " / " + e.actor2_name + ")";
    Prose link = w.Cell(e.source_url);
    if (IsWebUrl(e.source_url)) link[0].link = e.source_url;
    t.rows.push_back({w.CellFig(e.date, &pulse.top_records[i]), w.Cell(w.Name(e.src) + " \u2192 " + w.Name(e.dst)), w.Cell(what),
                      w.CellFig(FormatFixed(e.goldstein, 1), &pulse.top_records[i]),
                      pulse.dataset == "icews" ? w.Cell("n/a") : w.CellFig(std::to_string(e.mentions), &pulse.top_records[i]),
                      w.CellFig(std::to_string(e.sources), &pulse.top_records[i]), link});
  }
  s.blocks.emplace_back(std::move(t));
}

}  // namespace

void Pulse(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("pulse", "Relations pulse");
  if (f.pulse.empty()) {
    Prose p;
    w.T(&p, "No event data (GDELT or ICEWS) are loaded for " + w.pa() + " and " + w.pb() +
              ", so the workspace cannot show the month-by-month pulse of the relationship; ingest event "
              "files with bilat ingest gdelt or bilat ingest icews.");
    w.Add(s, std::move(p));
    return;
  }
  for (const measure::EventPulse& pulse : f.pulse) PulseBlock(w, s, pulse);
}

}  // namespace bilat::report::sections
