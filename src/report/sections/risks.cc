// The risks section: investment deals that failed (AEI's troubled
// transactions), months with material conflict in event data, and years in
// which the GDELT-derived score of the pair was negative.
#include <algorithm>

#include "report/format.h"
#include "report/sections/sections.h"

namespace bilat::report::sections {
namespace {

void TroubledBlock(ReportWriter& w, Section& s, const std::vector<const Record*>& rows) {
  double sum = 0;
  for (const Record* r : rows) sum += r->Number("value").value_or(0);
  Prose p;
  w.T(&p, "AEI's tracker lists ");
  w.F(&p, CountWord(static_cast<long long>(rows.size())), rows);
  w.T(&p, Plural(static_cast<long long>(rows.size()), " troubled transaction", " troubled transactions") +
              " of " + w.pa() + " and " + w.pb() + " (large deals that failed in whole or in part: rejected by "
              "regulators, withdrawn or stalled), worth ");
  w.F(&p, FormatUsd(sum), rows);
  w.T(&p, " together; the latest dates from ");
  w.F(&p, rows.back()->DateOf("date").ToEnglish(), {rows.back()});
  w.T(&p, ".");
  w.Add(s, std::move(p));
  Table t{"Troubled transactions", {"Date", "Chinese entity", "Counterpart", "Sector", "Value"}, {}};
  for (const Record* r : rows) {
    auto v = r->Number("value");
    t.rows.push_back({w.CellFig(r->DateOf("date").ToIso(), r), w.Cell(r->Text("entity")),
                      w.Cell(r->Text("counterpart")), w.Cell(r->Text("sector")),
                      v ? w.CellFig(FormatUsd(*v), r) : w.Cell("")});
  }
  s.blocks.emplace_back(std::move(t));
}

// Months with material conflict (CAMEO quad class 4) either way.
bool ConflictBlock(ReportWriter& w, Section& s, const measure::EventPulse& pulse) {
  struct Month {
    int period;
    uint64_t conflict;
  };
  std::vector<Month> months;
  uint64_t total = 0, events = 0;
  for (const auto* series : {&pulse.ab, &pulse.ba}) {
    for (const measure::EventPeriod& m : series->periods) {
      events += m.events;
      if (!m.q[3]) continue;
      total += m.q[3];
      auto it = std::find_if(months.begin(), months.end(), [&](const Month& x) { return x.period == m.period; });
      if (it == months.end()) {
        months.push_back({m.period, m.q[3]});
      } else {
        it->conflict += m.q[3];
      }
    }
  }
  if (months.empty()) return false;
  std::stable_sort(months.begin(), months.end(), [](const Month& x, const Month& y) { return x.conflict > y.conflict; });
  const std::vector<const Record*> cite = {&pulse.ab_record, &pulse.ba_record};
  const std::string name = pulse.dataset == "gdelt" ? "GDELT" : pulse.dataset == "icews" ? "ICEWS" : "texts";
  Prose p;
  w.T(&p, "In the " + name + " event data, ");
  w.F(&p, CountWord(static_cast<long long>(total)), cite);
  w.T(&p, " of the pair's ");
  w.F(&p, CountWord(static_cast<long long>(events)), cite);
  w.T(&p, " events were material conflict (coerce, assault, fight), spread over ");
  w.F(&p, CountWord(static_cast<long long>(months.size())), cite);
  w.T(&p, Plural(static_cast<long long>(months.size()), " month", " months") + "; the most were in ");
  AppendList(std::min<size_t>(3, months.size()), [&](size_t i) {
    Date d = *Date::Parse(std::to_string(months[i].period / 100) + "-" +
                          (months[i].period % 100 < 10 ? "0" : "") + std::to_string(months[i].period % 100));
    w.F(&p, d.ToEnglish(), cite);
    w.T(&p, " (");
    w.F(&p, std::to_string(months[i].conflict), cite);
    w.T(&p, ")");
  }, &p);
  w.T(&p, ". Event counts follow news coverage: a month of conflict events is a pointer to read the news, not a "
          "measure of a crisis.");
  w.Add(s, std::move(p));
  return true;
}

bool ScoreBlock(ReportWriter& w, Section& s) {
  const measure::DatasetFacts& d = w.facts().datasets;
  // Whole years only: the series' last year is partial unless it reaches December.
  std::vector<const measure::YearValue*> years;
  for (const auto& y : d.score_by_year) years.push_back(&y);
  const measure::YearValue* partial = nullptr;
  if (!years.empty() && d.score_last_day.substr(5, 2) != "12") {
    partial = years.back();
    years.pop_back();
  }
  if (years.empty()) return false;
  std::vector<const measure::YearValue*> negative;
  const measure::YearValue* lowest = years.front();
  for (const auto* y : years) {
    if (y->value < 0) negative.push_back(y);
    if (y->value < lowest->value) lowest = y;
  }
  Prose p;
  w.T(&p, "A third party's daily score of China's relations with each country from GDELT coverage (Goldstein "
          "scores of events between the two bare country codes, with small weights for sources and tone) sums to ");
  if (negative.empty()) {
    w.T(&p, "a positive value in every whole year from ");
    w.F(&p, std::to_string(years.front()->year), years.front()->records);
    w.T(&p, " to ");
    w.F(&p, std::to_string(years.back()->year), years.back()->records);
    w.T(&p, "; its lowest year was ");
  } else {
    w.T(&p, "a negative value in ");
    std::vector<const Record*> recs;
    for (const auto* y : negative) recs.insert(recs.end(), y->records.begin(), y->records.end());
    w.F(&p, CountWord(static_cast<long long>(negative.size())), recs);
    w.T(&p, " of ");
    w.F(&p, CountWord(static_cast<long long>(years.size())), recs);
    w.T(&p, " whole years; the lowest was ");
  }
  w.F(&p, std::to_string(lowest->year), lowest->records);
  w.T(&p, " (");
  w.F(&p, FormatFixed(lowest->value, 1), lowest->records);
  w.T(&p, ").");
  if (partial) {
    w.T(&p, " The series stops on ");
    w.F(&p, Date::Parse(d.score_last_day)->ToEnglish(), {partial->records.back()});
    w.T(&p, ", so its last year is left out.");
  }
  w.T(&p, " The score mixes tone with news volume: compare a partner with itself over time.");
  w.Add(s, std::move(p));
  return true;
}

}  // namespace

void Risks(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("risks", "Risks");
  std::vector<const Record*> troubled;
  for (const Record& r : f.Of("projects")) {
    if (r.Text("status") == "troubled") troubled.push_back(&r);
  }
  std::stable_sort(troubled.begin(), troubled.end(),
                   [](const Record* x, const Record* y) { return x->DateOf("date") < y->DateOf("date"); });
  bool any = false;
  if (!troubled.empty()) {
    TroubledBlock(w, s, troubled);
    any = true;
  }
  for (const measure::EventPulse& p : f.pulse) any = ConflictBlock(w, s, p) || any;
  any = ScoreBlock(w, s) || any;
  any = AnomalousMonthsBlock(w, s) || any;
  any = DependenceBlock(w, s) || any;
  any = DebtExposureBlock(w, s) || any;
  if (!any && !f.pulse.empty()) {
    Prose p;
    w.T(&p, "The workspace holds no troubled transactions for " + w.pa() + " and " + w.pb() +
                ", and the event data loaded record no material conflict between them.");
    w.Add(s, std::move(p));
    return;
  }
  if (!any) {
    Prose p;
    w.T(&p, "The workspace holds no troubled transactions, conflictual events or event scores for " + w.pa() +
                " and " + w.pb() + "; ingest AEI's troubled transactions (bilat ingest aei) and event data to fill "
                "this section.");
    w.Add(s, std::move(p));
  }
}

}  // namespace bilat::report::sections
