// Projects and investments of the economy section: counts, stated values, sectors and
// the largest projects.
#include "report/sections/sections.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "report/format.h"
#include "report/svg_chart.h"

namespace bilat::report::sections {

namespace {

// Stated value per year, one column per kind of project (investment and
// construction apart; a sheet that does not say which is its own column),
// from the projects with an exact value.
void ByYearTable(ReportWriter& w, Section& s, const std::vector<const Record*>& valued) {
  struct Cell {
    double value = 0;
    std::vector<const Record*> records;
  };
  const char* kKinds[] = {"investment", "construction", "investment_or_construction", "loan", "grant", "aid"};
  constexpr int kN = 6;
  std::map<int, std::map<std::string, Cell>> years;
  for (const Record* r : valued) {
    Date d = r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of");
    if (!d.IsSet()) continue;
    const std::string kind = r->Text("kind").empty() ? "investment" : r->Text("kind");
    Cell& c = years[d.year()][kind];
    c.value += *r->Number("value");
    c.records.push_back(r);
  }
  if (years.size() < 2) return;
  bool used[kN] = {};
  for (const auto& [y, kinds] : years) {
    for (int k = 0; k < kN; ++k) used[k] = used[k] || kinds.count(kKinds[k]);
  }
  Table t{"Stated value of projects and investments by year (number of projects in brackets)", {"Year"}, {}};
  for (int k = 0; k < kN; ++k) {
    if (used[k]) t.header.push_back(k == 2 ? "Investment or construction (not stated)" : Capitalise(kKinds[k]));
  }
  for (const auto& [y, kinds] : years) {
    std::vector<const Record*> all;
    for (const auto& [k, c] : kinds) all.insert(all.end(), c.records.begin(), c.records.end());
    std::vector<Prose> row = {w.CellFig(std::to_string(y), all.front())};
    for (int k = 0; k < kN; ++k) {
      if (!used[k]) continue;
      auto it = kinds.find(kKinds[k]);
      if (it == kinds.end()) {
        row.push_back(w.Cell(""));
        continue;
      }
      Prose p;
      w.F(&p, FormatUsd(it->second.value) + " (" + std::to_string(it->second.records.size()) + ")",
          it->second.records);
      row.push_back(std::move(p));
    }
    t.rows.push_back(std::move(row));
  }
  s.blocks.emplace_back(std::move(t));
}

}  // namespace

void ProjectsBlock(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  std::vector<const Record*> projects;  // investment and construction only
  for (const Record& r : f.Of("projects")) {
    if (measure::IsInvestmentProject(r)) projects.push_back(&r);
  }
  if (projects.empty()) {
    Prose p;
    w.T(&p, "The workspace holds no projects or investments for this pair.");
    w.Add(s, std::move(p));
    return;
  }
  std::vector<const Record*> all, valued;
  double total = 0;
  std::map<std::string, std::vector<const Record*>> by_investor;
  for (const Record* rp : projects) {
    const Record& r = *rp;
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
  w.T(&p, WhoStates(all, "lists") + " ");
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
  ByYearTable(w, s, valued);

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

}  // namespace bilat::report::sections
