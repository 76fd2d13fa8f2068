// Chinese development finance to the partner (finance section): AidData's
// GCDF 3.0 commitments by year and flow class (constant 2021 US$), and the
// loans, grants and aid projects of AidData's project lists.
#include <algorithm>

#include "report/format.h"
#include "report/sections/sections.h"
#include "report/svg_chart.h"

namespace bilat::report::sections {
namespace {

const std::vector<measure::YearValue>* Series(const measure::DatasetFacts& d, const std::string& measure) {
  auto it = d.finance.find(measure);
  return it == d.finance.end() || it->second.empty() ? nullptr : &it->second;
}

}  // namespace

void DevelopmentFinanceBlock(ReportWriter& w, Section& s) {
  const measure::DatasetFacts& d = w.facts().datasets;
  const std::vector<measure::YearValue>* total = Series(d, "gcdf.usd_const_2021");
  const std::vector<measure::YearValue>* oda = Series(d, "gcdf.oda_like");
  const std::vector<measure::YearValue>* oof = Series(d, "gcdf.oof_like");
  const std::vector<measure::YearValue>* vague = Series(d, "gcdf.vague");
  if (!total && !oda && !oof && !vague) return;
  const std::string lender = w.Name(d.finance_lender), recipient = w.Name(d.finance_recipient);
  Prose p;
  if (total) {
    double sum = 0;
    std::vector<const Record*> all;
    const measure::YearValue* peak = &total->front();
    for (const measure::YearValue& y : *total) {
      sum += y.value;
      all.insert(all.end(), y.records.begin(), y.records.end());
      if (y.value > peak->value) peak = &y;
    }
    w.T(&p, "AidData's Global Chinese Development Finance dataset records ");
    w.F(&p, FormatUsd(sum), all);
    w.T(&p, " of official finance committed by " + lender + " to " + recipient + " between ");
    w.F(&p, std::to_string(total->front().year), total->front().records);
    w.T(&p, " and ");
    w.F(&p, std::to_string(total->back().year), total->back().records);
    w.T(&p, " (in constant US dollars of ");
    w.F(&p, "2021", all);
    w.T(&p, ", commitments in the years they were made), in ");
    w.F(&p, CountWord(static_cast<long long>(total->size())), all);
    w.T(&p, " years with commitments; the largest year was ");
    w.F(&p, std::to_string(peak->year), peak->records);
    w.T(&p, ", with ");
    w.F(&p, FormatUsd(peak->value), peak->records);
    w.T(&p, ". ");
    if (const auto* projects = Series(d, "gcdf.projects")) {
      double n = 0;
      std::vector<const Record*> recs;
      for (const auto& y : *projects) {
        n += y.value;
        recs.insert(recs.end(), y.records.begin(), y.records.end());
      }
      w.T(&p, "The sums rest on ");
      w.F(&p, CountWord(static_cast<long long>(n)), recs);
      w.T(&p, " projects. ");
    }
    w.T(&p, "The figures stop with the dataset's last year, ");
    w.F(&p, std::to_string(total->back().year), total->back().records);
    w.T(&p, ".");
  }
  if (oda || oof || vague) {
    double sums[3] = {0, 0, 0};
    std::vector<const Record*> recs[3];
    const std::vector<measure::YearValue>* classes[3] = {oda, oof, vague};
    for (int k = 0; k < 3; ++k) {
      if (!classes[k]) continue;
      for (const auto& y : *classes[k]) {
        sums[k] += y.value;
        recs[k].insert(recs[k].end(), y.records.begin(), y.records.end());
      }
    }
    w.T(&p, std::string(total ? " " : "") + "By flow class, ");
    w.F(&p, FormatUsd(sums[0]), recs[0]);
    w.T(&p, " was aid-like (ODA-like), ");
    w.F(&p, FormatUsd(sums[1]), recs[1]);
    w.T(&p, " other official flows such as commercial-rate loans (OOF-like) and ");
    w.F(&p, FormatUsd(sums[2]), recs[2]);
    w.T(&p, " could not be classed (vague).");
  }
  w.Add(s, std::move(p));
  // Commitments per year by flow class.
  if (oda || oof || vague) {
    int y0 = 9999, y1 = 0;
    for (const auto* c : {oda, oof, vague}) {
      if (!c) continue;
      y0 = std::min(y0, c->front().year);
      y1 = std::max(y1, c->back().year);
    }
    std::vector<std::string> years;
    BarSeries series[3] = {{"ODA-like", {}}, {"OOF-like", {}}, {"vague", {}}};
    const std::vector<measure::YearValue>* classes[3] = {oda, oof, vague};
    for (int y = y0; y <= y1; ++y) {
      years.push_back(std::to_string(y));
      for (int k = 0; k < 3; ++k) {
        double v = 0;
        if (classes[k]) {
          for (const auto& yv : *classes[k]) {
            if (yv.year == y) v = yv.value;
          }
        }
        series[k].values.push_back(v);
      }
    }
    std::string title = "Chinese official finance committed to " + recipient + " by year and flow class";
    s.blocks.emplace_back(Chart{"development-finance", Capitalise(title),
                                BarChart(Capitalise(title), years, {series[0], series[1], series[2]}, 1e6,
                                         "US$ million (2021)"),
                                "AidData GCDF 3.0 commitments per year, constant 2021 US dollars."});
  }
}

void OfficialFinanceProjectsBlock(ReportWriter& w, Section& s) {
  std::vector<const Record*> rows;
  // The datasets' official finance projects (the registry's loans stay with
  // the curator's projects in the economy section).
  for (const Record& r : w.facts().Of("projects")) {
    if (!measure::IsInvestmentProject(r) && r.Text("status") != "troubled") rows.push_back(&r);
  }
  if (rows.empty()) return;
  std::stable_sort(rows.begin(), rows.end(), [](const Record* x, const Record* y) {
    return x->Number("value").value_or(0) > y->Number("value").value_or(0);
  });
  double sum = 0;
  int with_value = 0, loans = 0, grants = 0;
  for (const Record* r : rows) {
    if (auto v = r->Number("value")) {
      sum += *v;
      ++with_value;
    }
    loans += r->Text("kind") == "loan";
    grants += r->Text("kind") == "grant";
  }
  Prose p;
  w.T(&p, "Project lists of official finance name ");
  w.F(&p, CountWord(static_cast<long long>(rows.size())), rows);
  w.T(&p, " projects (");
  w.F(&p, CountWord(loans), rows);
  w.T(&p, " loans, ");
  w.F(&p, CountWord(grants), rows);
  w.T(&p, " grants, the rest aid in kind or technical assistance); ");
  w.F(&p, CountWord(with_value), rows);
  w.T(&p, " state a value, together ");
  w.F(&p, FormatUsd(sum), rows);
  w.T(&p, " in current US dollars.");
  w.Add(s, std::move(p));
  Table t{"Largest official finance projects by stated value", {"Year", "Kind", "Project", "Sector", "Value"}, {}};
  for (size_t i = 0; i < rows.size() && i < 10; ++i) {
    const Record* r = rows[i];
    auto v = r->Number("value");
    t.rows.push_back({w.CellFig(r->DateOf("date").ToIso(), r), w.Cell(Humanise(r->Text("kind"))),
                      w.Cell(r->Text("name")), w.Cell(r->Text("sector")),
                      v ? w.CellFig(FormatUsd(*v), r) : w.Cell("")});
  }
  s.blocks.emplace_back(std::move(t));
}

}  // namespace bilat::report::sections
