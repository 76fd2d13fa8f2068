// The people-to-people section: institutions counted per host, arrangements with dates.
#include "report/sections/sections.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "report/format.h"

namespace bilat::report::sections {

void People(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("people", "People-to-people ties");
  std::vector<const Record*> rows;
  for (const Record& r : f.Of("people")) rows.push_back(&r);
  if (rows.empty()) {
    VisaBlock(w, s);
    PublicDiplomacyBlock(w, s);
    if (!s.blocks.empty()) return;
    Prose p;
    w.T(&p, "The workspace holds no people-to-people institutions, arrangements or visa rules for this pair.");
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
  VisaBlock(w, s);
  PublicDiplomacyBlock(w, s);
}

}  // namespace bilat::report::sections
