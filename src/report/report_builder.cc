// BuildReport: writes each section through one ReportWriter, then adds the authors' text
// and polishes the finished model (capitals after a full stop, possessives).
#include "report/report_builder.h"

#include <cmark.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>
#include <tuple>

#include "core/hs_chapters.h"
#include "measure/growth.h"
#include "report/format.h"
#include "report/report_writer.h"
#include "report/sections/sections.h"
#include "report/svg_chart.h"

namespace bilat::report {

// Sections not yet in their own files (report/sections/).
namespace sections {
namespace {

// Blocks that sections write, defined below.
std::string TargetValueOf(double v, const Record* t);

std::string KindNoun(const std::string& kind, long long n) {
  static const std::map<std::string, std::pair<std::string, std::string>> kNouns = {
      {"border_crossing", {"border crossing", "border crossings"}},
      {"pipeline", {"cross-border pipeline", "cross-border pipelines"}},
      {"railway", {"cross-border railway", "cross-border railways"}},
      {"road", {"road corridor", "road corridors"}},
      {"air_route", {"air route", "air routes"}},
      {"logistics_hub", {"logistics hub", "logistics hubs"}},
      {"port", {"port", "ports"}},
      {"confucius_institute", {"Confucius Institute", "Confucius Institutes"}},
      {"cultural_centre", {"language and cultural centre", "language and cultural centres"}},
      {"research_institute", {"research institute", "research institutes"}},
      {"workshop", {"vocational workshop", "vocational workshops"}},
      {"university", {"joint university", "joint universities"}},
      {"media", {"media partnership", "media partnerships"}},
      {"sister_cities", {"pair of sister cities", "pairs of sister cities"}},
      {"bank_branch", {"bank branch", "bank branches"}},
      {"clearing", {"clearing arrangement", "clearing arrangements"}},
      {"swap_line", {"currency swap line", "currency swap lines"}},
      {"fund", {"fund", "funds"}},
      {"loan", {"loan", "loans"}},
      {"platform", {"financing platform", "financing platforms"}},
      {"memorandum", {"memorandum", "memoranda"}},
      {"visa_regime", {"visa arrangement", "visa arrangements"}},
      {"tourism_year", {"tourism year", "tourism years"}},
  };
  auto it = kNouns.find(kind);
  if (it == kNouns.end()) return Humanise(kind);
  return n == 1 ? it->second.first : it->second.second;
}

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

void Finance(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("finance", "Finance");
  std::vector<const Record*> rows;
  for (const Record& r : f.Of("finance")) rows.push_back(&r);
  auto when = [](const Record* r) { return r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of"); };
  std::stable_sort(rows.begin(), rows.end(), [&](const Record* x, const Record* y) { return when(x) < when(y); });
  Prose p;
  if (rows.empty()) {
    w.T(&p, "The workspace holds no financial arrangements for this pair.");
    w.Add(s, std::move(p));
    return;
  }
  w.T(&p, "The registry lists ");
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

void People(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("people", "People-to-people ties");
  std::vector<const Record*> rows;
  for (const Record& r : f.Of("people")) rows.push_back(&r);
  if (rows.empty()) {
    Prose p;
    w.T(&p, "The workspace holds no people-to-people institutions or arrangements for this pair.");
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
}

std::string IndicatorLabel(const std::string& indicator) {
  if (indicator == "gdp") return "GDP in current US dollars";
  if (indicator == "gdp_growth_pct") return "real GDP growth";
  if (indicator == "population") return "population";
  if (indicator == "gdp_per_capita") return "GDP per head";
  if (indicator == "trade_total") return "bilateral trade";
  return Humanise(indicator);
}

std::string TargetValue(const Record* t, const char* column) {
  auto v = t->Number(column);
  if (!v) return "";
  if (t->Text("indicator").ends_with("_pct")) return FormatPct(*v);
  if (!t->Text("currency").empty()) return FormatMoney(*v, t->Text("currency"));
  return FormatNumber(*v);
}

void Outlook(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("outlook", "Outlook");
  if (f.targets.empty()) {
    Prose p;
    w.T(&p, "The workspace holds no stated targets for this pair.");
    w.Add(s, std::move(p));
    return;
  }
  for (const measure::TargetAssessment& a : f.targets) {
    const Record* t = a.target;
    std::string indicator = t->Text("indicator");
    const bool is_rate = indicator.ends_with("_pct");
    Prose p;
    std::string who = w.Name(t->Text("country"));
    w.T(&p, who + "'s stated target");
    if (!t->Text("stated_by").empty()) {
      w.T(&p, ", set out by ");
      w.D(&p, t->Text("stated_by"), t);
    }
    w.T(&p, t->DateOf("stated").precision() == DatePrecision::kDay ? " on " : " in ");
    w.F(&p, t->DateOf("stated").ToEnglish(), {t});
    w.T(&p, ", is " + IndicatorLabel(indicator) + " of ");
    std::string value = TargetValue(t, "target_value");
    if (t->Number("target_value_high")) {
      std::string hi = TargetValue(t, "target_value_high");
      if (is_rate) {
        value = FormatNumber(*t->Number("target_value"), 1) + "\u2013" +
                FormatNumber(*t->Number("target_value_high"), 1) + "%";  // "6–7%"
      }
      else value += "\u2013" + hi;
    }
    w.F(&p, value, {t});
    if (is_rate) w.T(&p, " a year");
    if (auto y = t->Int("target_year")) {
      w.T(&p, " by ");
      w.F(&p, std::to_string(*y), {t});
    }
    w.T(&p, ". ");
    if (!a.latest) {
      w.T(&p, "No observations of " + IndicatorLabel(indicator) + " are stored for " + who +
                ", so what the target requires cannot be computed.");
      w.Add(s, std::move(p));
      continue;
    }
    if (is_rate) {
      if (a.recent_growth_pct) {
        w.T(&p, "Over ");
        w.F(&p, std::to_string(a.latest_year - a.recent_years + 1) + "\u2013" + std::to_string(a.latest_year),
          a.recent_inputs);
        w.T(&p, ", " + IndicatorLabel(indicator) + " averaged ");
        w.F(&p, FormatPct(*a.recent_growth_pct), a.recent_inputs);
        w.T(&p, " a year");
        double lo = *t->Number("target_value");
        double hi = t->Number("target_value_high").value_or(lo);
        w.T(&p, *a.recent_growth_pct >= lo ? (*a.recent_growth_pct <= hi ? ", within the target range."
                                                                         : ", above the target.")
                                         : ", below the target.");
      }
    } else {
      w.T(&p, "From ");
      w.F(&p, TargetValueOf(a.latest_value, t), {a.latest});
      w.T(&p, " in ");
      w.F(&p, std::to_string(a.latest_year), {a.latest});
      if (a.required_growth_pct) {
        w.T(&p, ", reaching it requires growth of ");
        w.F(&p, FormatPct(*a.required_growth_pct), {t, a.latest});
        w.T(&p, " a year");
        if (indicator == "gdp") w.T(&p, " in current dollars");
      }
      w.T(&p, ".");
      if (a.recent_growth_pct && a.record_start) {
        w.T(&p, " Over the ");
        w.F(&p, CountWord(a.recent_years), {a.record_start, a.latest});
        w.T(&p, " years to ");
        w.F(&p, std::to_string(a.latest_year), {a.latest});
        w.T(&p, " it grew ");
        w.F(&p, FormatPct(*a.recent_growth_pct), {a.record_start, a.latest});
        w.T(&p, " a year");
        if (a.required_growth_pct) {
          w.T(&p, *a.recent_growth_pct >= *a.required_growth_pct
                    ? ": the recent record is at or above the pace required."
                    : ": the target needs a faster pace than the recent record.");
        } else {
          w.T(&p, ".");
        }
      }
    }
    w.Add(s, std::move(p));
  }
}

std::string TargetValueOf(double v, const Record* t) {
  if (t->Text("indicator") == "population") return FormatNumber(v, 0);
  return FormatUsd(v);
}

}  // namespace
}  // namespace sections

namespace {

// Names that take the article are written "the United States" in
// templates; this pass capitalises "the" where a sentence (or a cell, a
// caption, a header) opens with it, and writes the possessive of a name
// ending in s as "the United States'" rather than "the United States's".
void FixPossessive(std::string* t) {
  for (size_t at = t->find("s's"); at != std::string::npos; at = t->find("s's", at + 2)) {
    size_t after = at + 3;
    if (after == t->size() || !std::isalpha(static_cast<unsigned char>((*t)[after]))) t->erase(at + 2, 1);
  }
}

void PolishProse(Prose* prose, bool opens) {
  bool start = opens;
  for (Segment& seg : *prose) {
    FixPossessive(&seg.text);
    for (size_t i = 0; i < seg.text.size(); ++i) {
      char c = seg.text[i];
      if (c == ' ' || c == '(' || c == '"') continue;
      if (start && seg.text.compare(i, 4, "the ") == 0) seg.text[i] = 'T';
      start = !seg.figure && (c == '.' || c == '!' || c == '?' || c == ':') &&
              (i + 1 == seg.text.size() || seg.text[i + 1] == ' ');
      if (c == ':') start = false;  // "...: the United States" stays lower case
    }
  }
}

void Polish(ReportModel* model) {
  for (Section& s : model->sections) {
    for (Block& b : s.blocks) {
      if (auto* p = std::get_if<Paragraph>(&b)) {
        PolishProse(&p->prose, true);
      } else if (auto* t = std::get_if<Table>(&b)) {
        t->caption = Capitalise(t->caption);
        FixPossessive(&t->caption);
        for (std::string& h : t->header) {
          h = Capitalise(h);
          FixPossessive(&h);
        }
        for (auto& row : t->rows) {
          for (Prose& cell : row) PolishProse(&cell, true);
        }
      }
    }
  }
}

// The analysts' Markdown for the section, if any, after its first block.
void AddAuthorsText(const ReportInputs& in, Section* s) {
  auto it = in.authors_text.find(s->id);
  if (it == in.authors_text.end()) return;
  AuthorsText a{it->second.first, it->second.second, MarkdownToSafeHtml(it->second.second)};
  // Shown right after the first generated paragraph, beside the figures.
  auto pos = s->blocks.begin();
  if (pos != s->blocks.end()) ++pos;
  s->blocks.insert(pos, std::move(a));
}

}  // namespace

const std::vector<std::string>& SectionIds() {
  static const std::vector<std::string> kIds = {"political", "pulse",  "economy", "connectivity",
                                                "finance",   "people", "outlook"};
  return kIds;
}

ReportModel BuildReport(const ReportInputs& inputs) {
  // Sections in the order of SectionIds(), each from report/sections/.
  ReportWriter w(*inputs.facts, *inputs.countries);
  sections::Political(w);
  sections::Pulse(w);
  sections::Economy(w);
  sections::Connectivity(w);
  sections::Finance(w);
  sections::People(w);
  sections::Outlook(w);
  ReportModel model = w.TakeModel();
  for (Section& s : model.sections) AddAuthorsText(inputs, &s);
  Polish(&model);
  return model;
}

std::string MarkdownToSafeHtml(const std::string& markdown) {
  char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  std::string out = html ? html : "";
  free(html);
  return out;
}

}  // namespace bilat::report
