// The infrastructure connectivity section: operating assets by kind.
#include "report/sections/sections.h"

#include <map>
#include <string>
#include <vector>

#include "report/format.h"

namespace bilat::report::sections {

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

}  // namespace bilat::report::sections
