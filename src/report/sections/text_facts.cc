// Facts extracted from texts, listed with the sentence each rests on.
#include "report/sections/sections.h"

#include <set>
#include <string>
#include <vector>

#include "report/format.h"

namespace bilat::report::sections {

// Facts extracted from texts, each with the sentence it rests on.
void TextFacts(ReportWriter& w, Section& s, const std::set<std::string>& kinds, const std::string& label) {
  const measure::PairFacts& f = w.facts();
  std::vector<size_t> rows;
  std::set<int64_t> docs;
  for (size_t i = 0; i < f.text_items.size(); ++i) {
    if (!kinds.count(f.text_items[i].kind)) continue;
    rows.push_back(i);
    docs.insert(f.text_items[i].file_id);
  }
  if (rows.empty()) return;
  std::vector<const Record*> recs;
  for (size_t i : rows) recs.push_back(&f.text_records[i]);
  Prose p;
  w.F(&p, Capitalise(CountWord(static_cast<long long>(rows.size()))), recs);
  w.T(&p, " " + label + " concerning " + w.pa() + " and " + w.pb() + " were extracted from ");
  w.F(&p, CountWord(static_cast<long long>(docs.size())), recs);
  w.T(&p, docs.size() == 1 ? " text" : " texts");
  w.T(&p, " by bilat's extractor; each is listed with the sentence it was read from, so that a reader can judge it.");
  w.Add(s, std::move(p));
  Table t{"Extracted " + label + ", with their evidence", {"Date", "Kind", "What", "Value", "Evidence", "Confidence"}, {}};
  for (size_t i : rows) {
    const store::TextItem& it = f.text_items[i];
    const Record* r = &f.text_records[i];
    std::string kind = it.subkind.empty() ? it.kind : it.subkind;
    if (it.status == "planned") kind += " (planned)";
    std::string value;
    if (it.value) {
      value = (it.qualifier.empty() ? "" : it.qualifier + " ") + FormatNumber(*it.value, 3);
      if (it.value_high && *it.value_high != *it.value) value += "\u2013" + FormatNumber(*it.value_high, 3);
      if (!it.unit.empty()) value += it.unit == "%" ? "%" : " " + it.unit;
      if (!it.period.empty()) value += " (" + it.period + ")";
      if (it.yoy_pct) value += ", " + FormatChange(*it.yoy_pct) + " stated";
    }
    std::string what = it.what;
    if (it.kind == "visit") {  // countries are "visitor;host"
      std::string host = it.countries.substr(it.countries.find(';') + 1);
      what = (what.empty() ? w.Name(it.countries.substr(0, 3)) : what) + " to " + w.Name(host);
    }
    t.rows.push_back({it.date.empty() ? w.Cell("") : w.CellFig(it.date, r), w.Cell(kind), w.Cell(what),
                      value.empty() ? w.Cell("") : w.CellFig(value, r), w.Cell("\u201c" + it.evidence + "\u201d"),
                      w.Cell(FormatFixed(it.confidence, 2))});
  }
  s.blocks.emplace_back(std::move(t));
}

}  // namespace bilat::report::sections
