// UN General Assembly alignment of the pair (political section): the share of
// votes one side cast as the other did, and the distance between their ideal
// points, per session, with the trend over the last five sessions.
#include <cmath>

#include "report/format.h"
#include "report/sections/sections.h"
#include "report/svg_chart.h"

namespace bilat::report::sections {
namespace {

// Mean of the agreements of `years` [from, to) with a value, and the records.
struct Mean {
  double value = 0;
  int n = 0;
  std::vector<const Record*> records;
};

Mean MeanAgreement(const std::vector<measure::UnVotingYear>& v, size_t from, size_t to) {
  Mean m;
  for (size_t i = from; i < to && i < v.size(); ++i) {
    if (!v[i].agree) continue;
    m.value += *v[i].agree;
    ++m.n;
    m.records.push_back(v[i].agree_record);
  }
  if (m.n) m.value /= m.n;
  return m;
}

}  // namespace

void UnVotingBlock(ReportWriter& w, Section& s) {
  const measure::DatasetFacts& d = w.facts().datasets;
  if (d.un_voting.empty()) return;
  const measure::UnVotingYear& last = d.un_voting.back();
  // Whose agreement with whom: the dataset gives each country's agreement with
  // six reference countries (China among them).
  const measure::PairFacts& f = w.facts();
  const bool b_voter = last.voter == f.b;
  const std::string voter = b_voter ? w.pb() : w.pa(), with = b_voter ? w.pa() : w.pb();
  Prose p;
  w.T(&p, "In the UN General Assembly, ");
  if (last.agree) {
    w.T(&p, voter + " voted as " + with + " did on ");
    w.F(&p, FormatPct(100.0 * *last.agree, 0), {last.agree_record});
    w.T(&p, " of the roll-call votes of ");
    w.F(&p, last.session + ", opened in " + std::to_string(last.year), {last.agree_record});
    // Trend: the last five sessions with agreement against the five before.
    std::vector<measure::UnVotingYear> with_agree;
    for (const auto& y : d.un_voting) {
      if (y.agree) with_agree.push_back(y);
    }
    if (with_agree.size() >= 10) {
      const size_t n = with_agree.size();
      Mean recent = MeanAgreement(with_agree, n - 5, n), before = MeanAgreement(with_agree, n - 10, n - 5);
      w.T(&p, "; over the last five sessions the share averaged ");
      w.F(&p, FormatPct(100.0 * recent.value, 0), recent.records);
      w.T(&p, ", against ");
      w.F(&p, FormatPct(100.0 * before.value, 0), before.records);
      w.T(&p, std::fabs(recent.value - before.value) < 0.02 ? " in the five before (little change)"
              : recent.value > before.value                 ? " in the five before (closer alignment)"
                                                            : " in the five before (less alignment)");
      const measure::UnVotingYear& first = with_agree.front();
      w.T(&p, ". The series starts with ");
      w.F(&p, first.session + " (" + std::to_string(first.year) + ")", {first.agree_record});
      w.T(&p, ", at ");
      w.F(&p, FormatPct(100.0 * *first.agree, 0), {first.agree_record});
    }
    w.T(&p, ". ");
  }
  if (last.distance) {
    w.T(&p, last.agree ? "The distance between their ideal points " : "the distance between the two countries' ideal points ");
    w.T(&p, "(Bailey, Strezhnev and Voeten's estimate of each state's position from all its votes; higher means "
            "closer to the United States) was ");
    w.F(&p, FormatFixed(*last.distance, 2), {last.ideal_a, last.ideal_b});
    w.T(&p, " in that session.");
  }
  w.Add(s, std::move(p));
  // Agreement by session, as a chart.
  std::vector<std::string> years;
  BarSeries agree{"votes cast alike (%)", {}};
  for (const auto& y : d.un_voting) {
    if (!y.agree) continue;
    years.push_back(std::to_string(y.year));
    agree.values.push_back(100.0 * *y.agree);
  }
  if (years.size() >= 2) {
    std::string title = "UN General Assembly: share of votes " + voter + " cast as " + with + " did, by session";
    s.blocks.emplace_back(Chart{"un-voting", Capitalise(title), BarChart(Capitalise(title), years, {agree}, 1, "%"),
                                "Each bar is one General Assembly session, by the year it opened."});
  }
}

}  // namespace bilat::report::sections
