// The finance section: financial arrangements in date order.
#include "report/sections/sections.h"

#include <algorithm>
#include <vector>

#include "report/format.h"

namespace bilat::report::sections {

void Finance(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("finance", "Finance");
  std::vector<const Record*> rows;
  for (const Record& r : f.Of("finance")) rows.push_back(&r);
  auto when = [](const Record* r) { return r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of"); };
  std::stable_sort(rows.begin(), rows.end(), [&](const Record* x, const Record* y) { return when(x) < when(y); });
  DevelopmentFinanceBlock(w, s);
  OfficialFinanceProjectsBlock(w, s);
  Prose p;
  if (rows.empty()) {
    if (!s.blocks.empty()) return;
    w.T(&p, "The workspace holds no financial arrangements or development finance for this pair.");
    w.Add(s, std::move(p));
    return;
  }
  w.T(&p, WhoStates(rows, "lists") + " ");
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

}  // namespace bilat::report::sections
