#include "report/report_builder.h"

#include <cmark.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "core/hs_chapters.h"
#include "measure/growth.h"
#include "report/format.h"
#include "report/svg_chart.h"

namespace bilat::report {
namespace {

using measure::PairFacts;

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string Plural(long long n, const std::string& one, const std::string& many) {
  return n == 1 ? one : many;
}

double FractionalYear(const Date& d) {
  double y = d.year();
  if (d.month()) y += (d.month() - 1) / 12.0;
  if (d.day()) y += (d.day() - 1) / 365.0;
  else if (d.month()) y += 0.5 / 12.0;
  else y += 0.5;
  return y;
}

// "7–9 September 2013", "30 June – 2 July 2005", or one date.
std::string EpisodeDates(const measure::ExchangeEpisode& e) {
  if (e.start == e.end) return e.start.ToEnglish();
  if (e.start.year() == e.end.year() && e.start.month() == e.end.month()) {
    return std::to_string(e.start.day()) + "–" + e.end.ToEnglish();
  }
  return e.start.ToEnglish() + " – " + e.end.ToEnglish();
}

std::string QualifiedMoney(const Record& r, double value) {
  std::string q = r.Text("value_qualifier");
  std::string prefix = q == "at_least" ? "more than " : q == "about" ? "about " : q == "at_most" ? "up to " : "";
  std::string currency = r.Text("currency");
  return prefix + FormatMoney(value, currency.empty() ? "USD" : currency);
}

// Joins items as "a, b and c".
template <typename Fn>
void AppendList(size_t n, Fn item, Prose* p) {
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) p->push_back({i + 1 == n ? " and " : ", ", false, {}, {}});
    item(i);
  }
}

class Builder {
 public:
  // (pa_/pb_ below: the pair's names as prose writes them, "the United States".)
  explicit Builder(const ReportInputs& in) : in_(in), f_(*in.facts) {
    model_.a = f_.a;
    model_.b = f_.b;
    model_.a_name = Name(f_.a);
    model_.b_name = Name(f_.b);
    pa_ = Name(f_.a);
    pb_ = Name(f_.b);
    model_.title = Capitalise(pa_) + " and " + pb_ + ": bilateral relations";
  }

  ReportModel Build() {
    Political();
    Pulse();
    Economy();
    Connectivity();
    Finance();
    People();
    Outlook();
    for (Section& s : model_.sections) AddAuthorsText(&s);
    Polish();
    return std::move(model_);
  }

 private:
  // ---- prose helpers --------------------------------------------------
  // Names that take the article are written "the United States" in
  // templates; this pass capitalises "the" where a sentence (or a cell, a
  // caption, a header) opens with it, and writes the possessive of a name
  // ending in s as "the United States'" rather than "the United States's".
  static void FixPossessive(std::string* t) {
    for (size_t at = t->find("s's"); at != std::string::npos; at = t->find("s's", at + 2)) {
      size_t after = at + 3;
      if (after == t->size() || !std::isalpha(static_cast<unsigned char>((*t)[after]))) t->erase(at + 2, 1);
    }
  }
  static void PolishProse(Prose* prose, bool opens) {
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
  void Polish() {
    for (Section& s : model_.sections) {
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

  std::string Name(const std::string& alpha3) const {
    if (alpha3.empty()) return "";
    const Country* c = in_.countries->Find(alpha3);
    return c ? c->ProseName() : alpha3;
  }

  Citation Cite(const Record* r) {
    Citation c;
    c.source_id = r->Text("source_id");
    c.record = std::string(r->kind->name) + "/" + r->Text("id");
    c.origin = r->Origin();
    c.locator = r->Text("locator");
    auto src = f_.sources.find(c.source_id);
    if (src == f_.sources.end()) {
      model_.lint.push_back("record " + c.record + " cites unknown source " + c.source_id);
      return c;
    }
    auto [it, inserted] = numbers_.emplace(c.source_id, static_cast<int>(numbers_.size()) + 1);
    if (inserted) model_.sources.push_back({it->second, src->second, {}});
    c.source_number = it->second;
    auto& used = model_.sources[it->second - 1].used_by;
    if (std::none_of(used.begin(), used.end(), [&](const Citation& u) { return u.record == c.record; })) {
      used.push_back(c);
    }
    return c;
  }

  // Plain template text: never a digit, so that no figure goes uncited.
  void T(Prose* p, std::string text) {
    if (HasDigit(text)) model_.lint.push_back("uncited digit in template text: " + text);
    p->push_back({std::move(text), false, {}, {}});
  }
  // A figure resting on `records`.
  void F(Prose* p, std::string text, const std::vector<const Record*>& records) {
    Segment s{std::move(text), true, {}, {}};
    std::set<std::string> seen;
    for (const Record* r : records) {
      if (r && seen.insert(std::string(r->kind->name) + "/" + r->Text("id")).second) {
        s.cites.push_back(Cite(r));
      }
    }
    if (s.cites.empty()) model_.lint.push_back("figure without citation: " + s.text);
    p->push_back(std::move(s));
  }
  // Text taken from a record (a name, a title): cited when it holds a digit.
  void D(Prose* p, std::string text, const Record* r) {
    if (HasDigit(text)) {
      F(p, std::move(text), {r});
    } else {
      p->push_back({std::move(text), false, {}, {}});
    }
  }
  Prose Cell(std::string text) { return {{std::move(text), false, {}, {}}}; }
  Prose CellFig(std::string text, const Record* r) {
    Prose p;
    F(&p, std::move(text), {r});
    return p;
  }

  Section& NewSection(std::string id, std::string title) {
    model_.sections.push_back({std::move(id), std::move(title), {}});
    return model_.sections.back();
  }
  void Add(Section& s, Prose p) { s.blocks.emplace_back(Paragraph{std::move(p)}); }

  void AddAuthorsText(Section* s) {
    auto it = in_.authors_text.find(s->id);
    if (it == in_.authors_text.end()) return;
    AuthorsText a{it->second.first, it->second.second, MarkdownToSafeHtml(it->second.second)};
    // Shown right after the first generated paragraph, beside the figures.
    auto pos = s->blocks.begin();
    if (pos != s->blocks.end()) ++pos;
    s->blocks.insert(pos, std::move(a));
  }

  std::string Direction(const Record* r) const {
    return Name(r->Text("from")) + " \u2192 " + Name(r->Text("to"));
  }

  // ---- political mutual trust -------------------------------------------
  void Political() {
    Section& s = NewSection("political", "Political mutual trust");
    const auto& episodes = f_.episodes;
    std::vector<const Record*> actual;
    for (const auto& e : episodes) actual.insert(actual.end(), e.records.begin(), e.records.end());
    if (episodes.empty()) {
      Prose p;
      T(&p, "The workspace holds no high-level exchanges between " + pa_ + " and " +
                pb_ + ".");
      Add(s, std::move(p));
    } else {
      Prose p;
      T(&p, "The registry records ");
      F(&p, CountWord(static_cast<long long>(episodes.size())), actual);
      T(&p, " high-level " + Plural(static_cast<long long>(episodes.size()), "exchange", "exchanges") +
                " (visits, meetings and calls) between " + pa_ + " and " + pb_ + ", from ");
      F(&p, episodes.front().start.ToEnglish(), {episodes.front().records.front()});
      T(&p, " to ");
      F(&p, episodes.back().start.ToEnglish(), {episodes.back().records.front()});
      T(&p, ". ");
      std::vector<const Record*> ab, ba;
      long long n_ab = 0, n_ba = 0;
      for (const auto& e : episodes) {
        bool from_a = e.from == f_.a;
        (from_a ? n_ab : n_ba) += 1;
        auto& dst = from_a ? ab : ba;
        dst.insert(dst.end(), e.records.begin(), e.records.end());
      }
      F(&p, Capitalise(CountWord(n_ab)), ab.empty() ? actual : ab);
      T(&p, " were led from the " + pa_ + " side and ");
      F(&p, CountWord(n_ba), ba.empty() ? actual : ba);
      T(&p, " from the " + pb_ + " side. ");
      const measure::YearCount* busiest = nullptr;
      for (const auto& yc : f_.exchanges_per_year) {
        if (!busiest || yc.count > busiest->count) busiest = &yc;
      }
      if (busiest && f_.exchanges_per_year.size() > 1) {
        T(&p, "The busiest year was ");
        F(&p, std::to_string(busiest->year), busiest->records);
        T(&p, ", with ");
        F(&p, CountWord(busiest->count), busiest->records);
        T(&p, " exchanges.");
      }
      if (actual.size() > episodes.size()) {
        T(&p, " Consecutive days of contact by the same leader are counted as one exchange: the ");
        F(&p, CountWord(static_cast<long long>(actual.size())), actual);
        T(&p, " registry rows make up these exchanges.");
      }
      Add(s, std::move(p));
      HeadsOfStateParagraph(s);
      ExchangeCharts(s);
    }
    PartnershipParagraph(s);
    AgreementsBlock(s);
    if (!actual.empty()) ExchangeTable(s);
    TextFacts(s, {"visit", "event"}, "visits and events");
  }

  // Facts extracted from texts, each with the sentence it rests on.
  void TextFacts(Section& s, const std::set<std::string>& kinds, const std::string& label) {
    std::vector<size_t> rows;
    std::set<int64_t> docs;
    for (size_t i = 0; i < f_.text_items.size(); ++i) {
      if (!kinds.count(f_.text_items[i].kind)) continue;
      rows.push_back(i);
      docs.insert(f_.text_items[i].file_id);
    }
    if (rows.empty()) return;
    std::vector<const Record*> recs;
    for (size_t i : rows) recs.push_back(&f_.text_records[i]);
    Prose p;
    F(&p, Capitalise(CountWord(static_cast<long long>(rows.size()))), recs);
    T(&p, " " + label + " concerning " + pa_ + " and " + pb_ + " were extracted from ");
    F(&p, CountWord(static_cast<long long>(docs.size())), recs);
    T(&p, docs.size() == 1 ? " text" : " texts");
    T(&p, " by bilat's extractor; each is listed with the sentence it was read from, so that a reader can judge it.");
    Add(s, std::move(p));
    Table t{"Extracted " + label + ", with their evidence", {"Date", "Kind", "What", "Value", "Evidence", "Confidence"}, {}};
    for (size_t i : rows) {
      const store::TextItem& it = f_.text_items[i];
      const Record* r = &f_.text_records[i];
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
        what = (what.empty() ? Name(it.countries.substr(0, 3)) : what) + " to " + Name(host);
      }
      t.rows.push_back({it.date.empty() ? Cell("") : CellFig(it.date, r), Cell(kind), Cell(what),
                        value.empty() ? Cell("") : CellFig(value, r), Cell("\u201c" + it.evidence + "\u201d"),
                        Cell(FormatFixed(it.confidence, 2))});
    }
    s.blocks.emplace_back(std::move(t));
  }

  void HeadsOfStateParagraph(Section& s) {
    // Visits by presidents, grouped by person and destination, in date order.
    std::vector<std::string> keys;
    std::map<std::string, std::vector<const measure::ExchangeEpisode*>> visits;
    for (const auto& e : f_.episodes) {
      const Record* r = e.records.front();
      std::string role = r->Text("role");
      bool president = role.find("President") != std::string::npos && role.find("Vice") == std::string::npos;
      bool visit = std::any_of(e.records.begin(), e.records.end(), [](const Record* x) {
        return x->Text("kind").find("visit") != std::string::npos;
      });
      if (!president || !visit) continue;
      std::string key = e.leader + "\x1f" + e.to;
      if (!visits.count(key)) keys.push_back(key);
      visits[key].push_back(&e);
    }
    if (keys.empty()) return;
    Prose p;
    for (const std::string& key : keys) {
      const auto& v = visits[key];
      const Record* first = v.front()->records.front();
      D(&p, "President " + first->Text("leader"), first);
      T(&p, " visited " + Name(first->Text("to")) + " ");
      std::vector<const Record*> all;
      for (const auto* e : v) all.insert(all.end(), e->records.begin(), e->records.end());
      F(&p, v.size() == 1 ? "once" : v.size() == 2 ? "twice" : CountWord(static_cast<long long>(v.size())) + " times", all);
      T(&p, v.size() == 1 ? ", " : ": ");
      AppendList(v.size(), [&](size_t i) {
        const Date& d = v[i]->start;
        T(&p, d.precision() == DatePrecision::kDay ? "on " : "in ");
        F(&p, EpisodeDates(*v[i]), v[i]->records);
      }, &p);
      T(&p, ". ");
    }
    Add(s, std::move(p));
  }

  void ExchangeCharts(Section& s) {
    std::vector<TimelineEvent> events;
    for (const auto& e : f_.episodes) {
      const Record* r = e.records.front();
      std::string label = EpisodeDates(e) + ": " + r->Text("leader") + " (" + Direction(r) + ")";
      if (!r->Text("occasion").empty()) label += ", " + r->Text("occasion");
      events.push_back({FractionalYear(e.start), e.from == f_.a ? 0 : 1, label});
    }
    std::vector<std::string> lanes = {Capitalise(pa_ + " \u2192 " + pb_),
                                      Capitalise(pb_ + " \u2192 " + pa_)};
    std::string title = "High-level exchanges by date and direction";
    s.blocks.emplace_back(Chart{"exchanges-timeline", title, Timeline(title, lanes, events),
                                "Each mark is one exchange; the upper lane holds those led from the " +
                                    pa_ + " side."});
    // Counts per year over the whole span, zero years included.
    if (f_.exchanges_per_year.empty()) return;
    int y0 = f_.exchanges_per_year.front().year, y1 = f_.exchanges_per_year.back().year;
    std::vector<std::string> years;
    BarSeries ab{pa_ + " side", {}}, ba{pb_ + " side", {}};
    for (int y = y0; y <= y1; ++y) {
      years.push_back(std::to_string(y));
      double na = 0, nb = 0;
      for (const auto& e : f_.episodes) {
        if (e.start.year() == y) (e.from == f_.a ? na : nb) += 1;
      }
      ab.values.push_back(na);
      ba.values.push_back(nb);
    }
    std::string t2 = "High-level exchanges per year";
    s.blocks.emplace_back(Chart{"exchanges-per-year", t2, BarChart(t2, years, {ab, ba}, 1, "exchanges"),
                                "Number of exchanges in each year, by the side that led them."});
  }

  void PartnershipParagraph(Section& s) {
    const auto& levels = f_.partnership_levels;
    if (levels.empty()) return;
    Prose p;
    for (size_t i = 0; i < levels.size(); ++i) {
      const Record* r = levels[i];
      T(&p, i == 0 ? "" : " ");
      T(&p, Capitalise(r->DateOf("date").precision() == DatePrecision::kDay ? "on " : "in "));
      F(&p, r->DateOf("date").ToEnglish(), {r});
      T(&p, i == 0 ? ", the two countries established a " : ", they raised it to a ");
      D(&p, r->Text("level"), r);
      T(&p, ".");
    }
    if (levels.size() > 1) {
      T(&p, " The registry records ");
      F(&p, CountWord(static_cast<long long>(levels.size())), levels);
      T(&p, " changes of partnership level in all.");
    }
    Add(s, std::move(p));
  }

  void AgreementsBlock(Section& s) {
    std::vector<const Record*> rows;
    for (const Record& r : f_.Of("agreements")) rows.push_back(&r);
    if (rows.empty()) return;
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Record* x, const Record* y) { return x->DateOf("date") < y->DateOf("date"); });
    Prose p;
    T(&p, "The registry lists ");
    F(&p, CountWord(static_cast<long long>(rows.size())), rows);
    T(&p, " agreements, memoranda and milestones; the most recent is: ");
    D(&p, rows.back()->Text("title"), rows.back());
    T(&p, " (");
    F(&p, rows.back()->DateOf("date").ToEnglish(), {rows.back()});
    T(&p, ").");
    Add(s, std::move(p));
    Table t{"Agreements and milestones", {"Date", "Kind", "Title", "Status"}, {}};
    for (const Record* r : rows) {
      t.rows.push_back({CellFig(r->DateOf("date").ToIso(), r), Cell(Humanise(r->Text("kind"))),
                        Cell(r->Text("title") + (r->Text("level").empty() ? "" : " (" + r->Text("level") + ")")),
                        Cell(Humanise(r->Text("status")))});
    }
    s.blocks.emplace_back(std::move(t));
  }

  void ExchangeTable(Section& s) {
    Table t{"High-level exchanges", {"Date", "Kind", "Direction", "Leader", "Counterpart", "Occasion / place"}, {}};
    for (const Record* r : f_.exchanges_by_date) {
      std::string leader = r->Text("leader");
      if (!r->Text("role").empty()) leader += " (" + r->Text("role") + ")";
      std::string where = r->Text("occasion");
      if (!r->Text("location").empty()) where += (where.empty() ? "" : ", ") + r->Text("location");
      if (r->Text("status") == "planned") where += (where.empty() ? "" : "; ") + std::string("planned");
      t.rows.push_back({CellFig(r->DateOf("date").ToIso(), r), Cell(Humanise(r->Text("kind"))),
                        Cell(Direction(r)), Cell(leader), Cell(r->Text("counterpart")), Cell(where)});
    }
    s.blocks.emplace_back(std::move(t));
  }

  // ---- relations pulse (event data) ------------------------------------------
  void Pulse() {
    Section& s = NewSection("pulse", "Relations pulse");
    if (f_.pulse.empty()) {
      Prose p;
      T(&p, "No event data (GDELT or ICEWS) are loaded for " + pa_ + " and " + pb_ +
                ", so the workspace cannot show the month-by-month pulse of the relationship; ingest event "
                "files with bilat ingest gdelt or bilat ingest icews.");
      Add(s, std::move(p));
      return;
    }
    for (const measure::EventPulse& pulse : f_.pulse) PulseBlock(s, pulse);
  }

  void PulseBlock(Section& s, const measure::EventPulse& pulse) {
    const std::string dataset = pulse.dataset == "gdelt" ? "GDELT" : "ICEWS";
    const std::string ab = Capitalise(pa_ + " \u2192 " + pb_), ba = Capitalise(pb_ + " \u2192 " + pa_);
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
    T(&p, "The " + dataset + " files in the workspace hold ");
    F(&p, FormatNumber(static_cast<double>(n_ab + n_ba), 0), both);
    T(&p, std::string(n_ab + n_ba == 1 ? " event" : " events") + " between the two countries, ");
    F(&p, FormatNumber(static_cast<double>(n_ab), 0), {&pulse.ab_record});
    T(&p, " with " + pa_ + " as the actor and ");
    F(&p, FormatNumber(static_cast<double>(n_ba), 0), {&pulse.ba_record});
    T(&p, " with " + pb_ + ", in ");
    F(&p, CountWord(static_cast<long long>(month_set.size())), both);
    T(&p, month_set.size() == 1 ? " month (" : " months (");
    F(&p, month_set.size() == 1 ? month_label(*month_set.begin())
                                : month_label(*month_set.begin()) + " to " + month_label(*month_set.rbegin()),
      both);
    T(&p, "). ");
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
      T(&p, "Net cooperation " + std::string(series == &pulse.ab ? ab : ba) + " stands at ");
      F(&p, FormatFixed(total.NetCooperation(), 2), {rec});
      T(&p, first ? " on a scale from minus one (all conflict) to one (all cooperation), with a mean Goldstein score of "
                  : ", with a mean Goldstein score of ");
      F(&p, FormatFixed(total.GoldsteinMean(), 1), {rec});
      if (auto share = total.ShareOfSrc()) {
        T(&p, "; these events are ");
        F(&p, FormatPct(100.0 * *share, 2), {rec});
        T(&p, " of all events with " + Name(series->src) + " as an actor in the same months");
      }
      T(&p, ". ");
    }
    if (pulse.dataset == "gdelt" && pulse.files > 0) {
      T(&p, "Counts rise and fall with news volume; the shares correct for that.");
    }
    Add(s, std::move(p));

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
      Prose link = Cell(e.source_url);
      if (IsWebUrl(e.source_url)) link[0].link = e.source_url;
      t.rows.push_back({CellFig(e.date, &pulse.top_records[i]), Cell(Name(e.src) + " \u2192 " + Name(e.dst)), Cell(what),
                        CellFig(FormatFixed(e.goldstein, 1), &pulse.top_records[i]),
                        pulse.dataset == "icews" ? Cell("n/a") : CellFig(std::to_string(e.mentions), &pulse.top_records[i]),
                        CellFig(std::to_string(e.sources), &pulse.top_records[i]), link});
    }
    s.blocks.emplace_back(std::move(t));
  }

  static std::string Humanise(std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
  }

  // ---- economy and trade ------------------------------------------------
  std::string ReporterPhrase(const std::string& reporter) const {
    if (reporter.empty()) return "According to the figures cited in the sources";
    return "According to " + Name(reporter) + "'s statistics";
  }

  void Economy() {
    Section& s = NewSection("economy", "Economy and trade");
    TradeParagraphs(s);
    for (const measure::TradeStatistics& ts : f_.trade_stats) TradeStatisticsBlock(s, ts);
    ProjectsBlock(s);
    TextFacts(s, {"trade", "money", "quantity", "percentage"}, "figures");
  }

  void TradeParagraphs(Section& s) {
    const measure::TradeSeries* main = nullptr;
    for (const auto& ts : f_.trade) {
      if (!ts.points.empty() && (!main || ts.points.back().year > main->points.back().year ||
                                 (ts.points.back().year == main->points.back().year &&
                                  ts.points.size() > main->points.size()))) {
        main = &ts;
      }
    }
    if (!main) {
      // No registry series of totals: the loaded statistics speak below,
      // but stated flows may still be checked against each other.
      if (f_.trade_stats.empty() && f_.claims.empty()) {
        Prose p;
        T(&p, "The workspace holds no trade totals for " + pa_ + " and " + pb_ + ".");
        Add(s, std::move(p));
      }
      if (!f_.claims.empty()) {
        Prose p;
        FlowMirrorSentence(&p, /*opens_paragraph=*/true);
        if (!p.empty()) Add(s, std::move(p));
        ClaimsBlock(s);
      }
      return;
    }
    const measure::TradePoint& last = main->points.back();
    Prose p;
    T(&p, ReporterPhrase(main->reporter) + ", trade in goods between " + pa_ + " and " +
              pb_ + " reached ");
    F(&p, QualifiedMoney(*last.record, last.value_usd), {last.record});
    T(&p, " in ");
    F(&p, std::to_string(last.year), {last.record});
    if (last.computed_growth_pct) {
      T(&p, ", ");
      F(&p, FormatChange(*last.computed_growth_pct), {last.record, last.previous});
      T(&p, " on ");
      F(&p, FormatUsd(*last.previous->Number("value")), {last.previous});
      T(&p, " the year before");
    }
    T(&p, ".");
    if (last.stated_growth_pct && last.computed_growth_pct) {
      double diff = std::fabs(*last.stated_growth_pct - *last.computed_growth_pct);
      if (diff >= 0.05) {
        T(&p, " The source states growth of ");
        F(&p, FormatPct(*last.stated_growth_pct), {last.record});
        T(&p, ", which its own values do not bear out: they give ");
        F(&p, FormatPct(*last.computed_growth_pct), {last.record, last.previous});
        T(&p, ".");
      } else {
        T(&p, " That matches the growth the source states (");
        F(&p, FormatPct(*last.stated_growth_pct), {last.record});
        T(&p, ").");
      }
    }
    const auto& pts = main->points;
    if (pts.size() >= 3) {
      const measure::TradePoint& first = pts.front();
      auto cagr = measure::CompoundAnnualGrowthPct(first.value_usd, last.value_usd, last.year - first.year);
      if (cagr) {
        T(&p, " Over ");
        F(&p, std::to_string(first.year) + "\u2013" + std::to_string(last.year), {first.record, last.record});
        T(&p, " the series rose from ");
        F(&p, FormatUsd(first.value_usd), {first.record});
        T(&p, ", a compound ");
        F(&p, FormatPct(*cagr), {first.record, last.record});
        T(&p, " a year.");
      }
    }
    Add(s, std::move(p));
    MirrorParagraph(s);
    TradeChartAndTable(s);
    ClaimsBlock(s);
  }

  // "total trade", "China's exports to Kazakhstan", "Kazakhstan's imports from China".
  std::string ClaimQuantity(const measure::TradeClaim& c) const {
    if (c.is_total()) return "total trade";
    if (c.stated_as == "imports") return Name(c.importer) + "'s imports from " + Name(c.exporter);
    return Name(c.exporter) + "'s exports to " + Name(c.importer);
  }

  // Every stated trade figure (totals and each direction) beside the others
  // for the same quantity and year and beside the ingested statistics, and
  // each stated growth beside the growth its own source's figures give.
  void ClaimsBlock(Section& s) {
    if (f_.claims.empty()) return;
    int years_compared = 0, years_agree = 0, growth_checked = 0, growth_off = 0;
    std::set<std::tuple<int, std::string, std::string, std::string>> seen_years;
    std::vector<const Record*> all;
    for (const measure::ClaimCheck& c : f_.claims) {
      all.push_back(c.claim.record);
      if (!c.others.empty() &&
          seen_years.insert({c.claim.year, c.claim.period, c.claim.exporter, c.claim.importer}).second) {
        ++years_compared;
        bool agree = true;
        for (const measure::ClaimCheck& d : f_.claims) {
          if (!d.claim.SameQuantity(c.claim)) continue;
          for (const auto& o : d.others) agree &= std::fabs(o.diff_pct) <= measure::kClaimTolerancePct;
        }
        years_agree += agree;
      }
      if (c.claim.stated_growth_pct && c.computed_growth_pct) {
        ++growth_checked;
        growth_off += std::fabs(*c.claim.stated_growth_pct - *c.computed_growth_pct) >= 0.05;
      }
    }
    Prose p;
    T(&p, "Claims checked: the workspace holds ");
    F(&p, CountWord(static_cast<long long>(f_.claims.size())), all);
    T(&p, " stated figures of the pair's trade (totals, and the flows each way stated as one side's exports or the "
          "other's imports) that can be compared with another figure, with ingested statistics or with their own "
          "growth. ");
    if (years_compared) {
      T(&p, "Of the ");
      F(&p, CountWord(years_compared), all);
      T(&p, " quantities (a year or period, and a direction) stated more than once, ");
      F(&p, years_agree == 0 ? "none" : CountWord(years_agree), all);
      // The tolerance is bilat's constant, not a figure from the data: in words.
      static_assert(measure::kClaimTolerancePct == 0.5, "update the words below");
      T(&p, years_agree == 1 ? " has figures that all agree within half a percent"
                             : " have figures that all agree within half a percent");
      T(&p, years_agree == 0 ? "; the figures differ, most often because they come from different reporters (see the "
                               "mirror gap above). "
                             : "; elsewhere the figures differ, most often because they come from different reporters "
                               "(see the mirror gap above). ");
    }
    int with_data = 0, data_agree = 0;
    std::vector<const Record*> data_records;
    for (const measure::ClaimCheck& c : f_.claims) {
      if (c.data.empty()) continue;
      ++with_data;
      bool agree = true;
      for (const auto& d : c.data) {
        agree &= std::fabs(d.diff_pct) <= measure::kClaimTolerancePct;
        data_records.push_back(d.record);
      }
      data_agree += agree;
    }
    if (with_data) {
      std::vector<const Record*> both = all;
      both.insert(both.end(), data_records.begin(), data_records.end());
      F(&p, Capitalise(CountWord(with_data)), both);
      T(&p, " of them could be set beside the ingested trade statistics for the same year; ");
      F(&p, data_agree == 0 ? "none" : CountWord(data_agree), both);
      T(&p, data_agree == 1 ? " agrees with every figure there. " : " agree with every figure there. ");
    }
    if (growth_checked) {
      F(&p, Capitalise(CountWord(growth_off)), all);
      T(&p, " of ");
      F(&p, CountWord(growth_checked), all);
      T(&p, " stated growth rates are not borne out, to a tenth of a percentage point, by the figures of their own "
            "source for the two years (or, where that source gives only one year, by the same reporter's figure for "
            "the year before).");
    }
    Add(s, std::move(p));
    Table t{"Stated trade figures, checked", {"Year", "What", "Figure", "Reporter", "Compared with", "Difference",
                                              "Stated growth", "Growth from the source's figures"}, {}};
    // A column for the ingested statistics only when some claim meets them.
    if (with_data) t.header.push_back("In the ingested trade statistics");
    for (const measure::ClaimCheck& c : f_.claims) {
      const measure::TradeClaim& k = c.claim;
      Prose others, diffs;
      for (size_t i = 0; i < c.others.size(); ++i) {
        const auto& o = c.others[i];
        if (i) {
          others.push_back({"; ", false, {}, {}});
          diffs.push_back({"; ", false, {}, {}});
        }
        std::string how = o.claim.stated_as != k.stated_as ? "as " + o.claim.stated_as : "";
        std::string who = o.claim.reporter.empty() ? "" : Name(o.claim.reporter);
        std::string note = who.empty() ? how : how.empty() ? who : who + ", " + how;
        F(&others, QualifiedMoney(*o.claim.record, o.claim.value_usd) + (note.empty() ? "" : " (" + note + ")"),
          {o.claim.record});
        std::string d = (o.diff_pct >= 0 ? "+" : "") + FormatPct(o.diff_pct);
        if (std::fabs(o.diff_pct) <= measure::kClaimTolerancePct) d += " agrees";
        F(&diffs, d, {k.record, o.claim.record});
      }
      Prose computed = Cell("");
      if (c.computed_growth_pct) computed = {};
      if (c.computed_growth_pct) F(&computed, FormatPct(*c.computed_growth_pct), {k.record, c.previous});
      std::string year = std::to_string(k.year) + (k.period.empty() ? "" : " " + k.period);
      Prose data = Cell("");
      if (!c.data.empty()) data = {};
      for (size_t i = 0; i < c.data.size(); ++i) {
        const auto& d = c.data[i];
        if (i) data.push_back({"; ", false, {}, {}});
        std::string who = d.dataset == "baci" ? "BACI" : "Comtrade, " + Name(d.reporter) + "'s";
        F(&data, FormatUsd(d.value_usd) + " (" + who + "): " + (d.diff_pct >= 0 ? "+" : "") + FormatPct(d.diff_pct) +
                     (std::fabs(d.diff_pct) <= measure::kClaimTolerancePct ? " agrees" : ""),
          {k.record, d.record});
      }
      t.rows.push_back({CellFig(year, k.record), Cell(ClaimQuantity(k)),
                        CellFig(QualifiedMoney(*k.record, k.value_usd), k.record),
                        Cell(k.reporter.empty() ? "not stated" : Name(k.reporter)), others, diffs,
                        k.stated_growth_pct ? CellFig(FormatPct(*k.stated_growth_pct), k.record) : Cell(""), computed});
      if (with_data) t.rows.back().push_back(std::move(data));
    }
    s.blocks.emplace_back(std::move(t));
  }

  void MirrorParagraph(Section& s) {
    if (f_.mirror_gaps.empty()) return;
    const measure::MirrorGap& g = f_.mirror_gaps.front();
    Prose p;
    T(&p, "The two sides' statistics disagree. For ");
    F(&p, std::to_string(g.year), {g.a, g.b});
    T(&p, ", " + pa_ + "'s figures give ");
    F(&p, FormatUsd(*g.a->Number("value")), {g.a});
    T(&p, " and " + pb_ + "'s ");
    F(&p, FormatUsd(*g.b->Number("value")), {g.b});
    T(&p, std::string(": ") + pa_ + "'s figure is ");
    F(&p, FormatPct(std::fabs(g.gap_pct)), {g.a, g.b});
    T(&p, g.gap_pct >= 0 ? " higher" : " lower");
    if (f_.mirror_gaps.size() > 1) {
      T(&p, ", and the sign of the gap holds in ");
      int same = 0;
      std::vector<const Record*> recs;
      for (const auto& m : f_.mirror_gaps) {
        if ((m.gap_pct >= 0) == (g.gap_pct >= 0)) ++same;
        recs.push_back(m.a);
        recs.push_back(m.b);
      }
      F(&p, CountWord(same) + " of " + CountWord(static_cast<long long>(f_.mirror_gaps.size())), recs);
      T(&p, " years both report");
    }
    T(&p, ".");
    FlowMirrorSentence(&p, /*opens_paragraph=*/false);
    T(&p, " Mirror figures differ by design: importers value goods including freight and insurance "
          "(CIF), exporters without (FOB), and goods in transit or re-exported may be attributed to "
          "another partner.");
    Add(s, std::move(p));
  }

  // The latest calendar year in which one side states its exports to the
  // other and the other its imports of the same goods: both figures.
  void FlowMirrorSentence(Prose* p, bool opens_paragraph) {
    const measure::TradeClaim* best_x = nullptr;
    const measure::TradeClaim* best_m = nullptr;
    for (const measure::ClaimCheck& c : f_.claims) {
      const measure::TradeClaim& x = c.claim;
      if (x.is_total() || !x.period.empty() || !x.exact || x.stated_as != "exports" || x.reporter != x.exporter) continue;
      for (const measure::ClaimCheck& d : f_.claims) {
        const measure::TradeClaim& m = d.claim;
        if (!m.SameQuantity(x) || !m.exact || m.stated_as != "imports" || m.reporter != m.importer) continue;
        if (!(m.value_usd > 0)) continue;
        if (!best_x || x.year > best_x->year) {
          best_x = &x;
          best_m = &m;
        }
      }
    }
    if (!best_x) return;
    T(p, opens_paragraph ? "Flow by flow: for " : " Flow by flow: for ");
    F(p, std::to_string(best_x->year), {best_x->record, best_m->record});
    T(p, ", " + Name(best_x->exporter) + " reports exports to " + Name(best_x->importer) + " of ");
    F(p, FormatUsd(best_x->value_usd), {best_x->record});
    T(p, ", while " + Name(best_m->importer) + " reports imports from " + Name(best_m->exporter) + " of ");
    F(p, FormatUsd(best_m->value_usd), {best_m->record});
    T(p, " (");
    double gap = 100.0 * (best_x->value_usd / best_m->value_usd - 1.0);
    F(p, (gap >= 0 ? "+" : "") + FormatPct(gap), {best_x->record, best_m->record});
    T(p, ").");
  }

  void TradeChartAndTable(Section& s) {
    std::set<int> year_set;
    for (const auto& ts : f_.trade) {
      for (const auto& pt : ts.points) year_set.insert(pt.year);
    }
    if (year_set.empty()) return;
    std::vector<int> years;
    for (int y = *year_set.begin(); y <= *year_set.rbegin(); ++y) years.push_back(y);
    std::vector<std::string> cats;
    for (int y : years) cats.push_back(std::to_string(y));
    std::vector<BarSeries> series;
    for (const auto& ts : f_.trade) {
      BarSeries b{ts.reporter.empty() ? "unattributed" : Name(ts.reporter) + "'s figures", {}};
      for (int y : years) {
        double v = NAN;
        for (const auto& pt : ts.points) {
          if (pt.year == y) v = pt.value_usd;
        }
        b.values.push_back(v);
      }
      series.push_back(std::move(b));
    }
    std::string title = "Trade in goods between " + pa_ + " and " + pb_ + ", by reporter";
    s.blocks.emplace_back(Chart{"trade-by-year", title, BarChart(title, cats, series, 1e9, "US$ billion"),
                                "Total trade (exports plus imports) in each year, as each side reports it."});
    Table t{"Trade totals by year", {"Year", "Reporter", "Total trade", "Change (computed)", "Change (stated)"}, {}};
    for (const auto& ts : f_.trade) {
      for (const auto& pt : ts.points) {
        Prose computed = pt.computed_growth_pct
                             ? CellFig(FormatPct(*pt.computed_growth_pct), pt.record)
                             : Cell("");
        if (pt.computed_growth_pct) computed[0].cites.push_back(Cite(pt.previous));
        t.rows.push_back({Cell(std::to_string(pt.year)),
                          Cell(ts.reporter.empty() ? "not stated" : Name(ts.reporter)),
                          CellFig(QualifiedMoney(*pt.record, pt.value_usd), pt.record), computed,
                          pt.stated_growth_pct ? CellFig(FormatPct(*pt.stated_growth_pct), pt.record) : Cell("")});
      }
    }
    s.blocks.emplace_back(std::move(t));
  }

  // ---- trade statistics from ingested files ----------------------------
  static std::string RankWords(int rank) {
    static const char* kWords[] = {"", "largest", "second-largest", "third-largest", "fourth-largest",
                                   "fifth-largest", "sixth-largest", "seventh-largest", "eighth-largest",
                                   "ninth-largest", "tenth-largest"};
    return rank >= 1 && rank <= 10 ? kWords[rank] : "number " + std::to_string(rank);
  }

  std::string ChapterLabel(const std::string& chapter) {
    std::string name = HsChapterName(chapter);
    return "chapter " + chapter + (name.empty() ? "" : " (" + name + ")");
  }

  // A's trade with B in one reading, as the side that reports it states it:
  // A's own statements where A reports, else B's (mirrored). A flow that
  // side does not give at all is marked absent, not zero.
  struct PairSide {
    bool a_reports = false, have_x = false, have_m = false;
    double exports = 0, imports = 0;
    bool both() const { return have_x && have_m; }
    double total() const { return exports + imports; }
  };
  static PairSide SideOf(const measure::TradeReading& r) {
    PairSide p;
    p.a_reports = r.ab.totals.total() > 0;
    p.exports = p.a_reports ? r.ab.totals.exports : r.ba.totals.imports;
    p.imports = p.a_reports ? r.ab.totals.imports : r.ba.totals.exports;
    p.have_x = p.a_reports ? r.ab.reports_exports : r.ba.reports_imports;
    p.have_m = p.a_reports ? r.ab.reports_imports : r.ba.reports_exports;
    return p;
  }

  void TradeStatisticsBlock(Section& s, const measure::TradeStatistics& ts) {
    if (ts.readings.empty()) return;
    const bool baci = ts.dataset == "baci";
    const std::string& a = pa_;
    const std::string& b = pb_;
    const size_t n = ts.readings.size();
    const measure::TradeReading& last = ts.readings.back();
    const Record* rec = &ts.year_records.back();
    const Record* prev = n >= 2 ? &ts.year_records[n - 2] : nullptr;
    const PairSide side = SideOf(last);
    const bool a_reports = side.a_reports;
    const double exports = side.exports, imports = side.imports;
    const bool have_x = side.have_x, have_m = side.have_m;

    Prose p;
    T(&p, baci ? "In CEPII's BACI data, which reconcile both sides' declarations into one figure per flow, "
               : "In the UN Comtrade data ingested, as " + (a_reports ? a : b) + " reports it, ");
    if (have_x) {
      T(&p, a + " exported goods worth ");
      F(&p, FormatUsd(exports), {rec});
      T(&p, " to " + b);
    } else {
      T(&p, a + " imported goods worth ");
      F(&p, FormatUsd(imports), {rec});
      T(&p, " from " + b);
    }
    T(&p, " in ");
    F(&p, std::to_string(last.year), {rec});
    if (have_x && have_m) {
      T(&p, " and imported ");
      F(&p, FormatUsd(imports), {rec});
      T(&p, ": a total of ");
      F(&p, FormatUsd(exports + imports), {rec});
      T(&p, exports >= imports ? " and a surplus of " : " and a deficit of ");
      F(&p, FormatUsd(std::fabs(exports - imports)), {rec});
      T(&p, " for " + a);
      if (n >= 2 && ts.readings[n - 2].year == last.year - 1) {
        // Growth only between years that both give the two flows from the same side.
        const PairSide before = SideOf(ts.readings[n - 2]);
        double t0 = before.both() && before.a_reports == a_reports ? before.total() : 0;
        if (t0 > 0) {
          T(&p, ", ");
          F(&p, FormatChange(100.0 * ((exports + imports) / t0 - 1.0)), {rec, prev});
          T(&p, " on the year before");
        }
      }
      // Compound growth over the whole series, when it spans three years or more.
      const measure::TradeReading& first = ts.readings.front();
      const PairSide first_side = SideOf(first);
      const double first_total =
          first_side.both() && first_side.a_reports == a_reports ? first_side.total() : 0;
      if (last.year - first.year >= 2 && first_total > 0) {
        auto cagr = measure::CompoundAnnualGrowthPct(first_total, exports + imports, last.year - first.year);
        if (cagr) {
          T(&p, "; over ");
          F(&p, std::to_string(first.year) + "\u2013" + std::to_string(last.year), {&ts.year_records.front(), rec});
          T(&p, " it changed at a compound ");
          F(&p, FormatPct(*cagr), {&ts.year_records.front(), rec});
          T(&p, " a year");
        }
      }
    } else {
      T(&p, have_x ? " (the data do not give the flow the other way)" : " (the data do not give its exports)");
    }
    T(&p, ".");
    const auto& st = last.ab.standing;
    const auto& pst = last.ab.partner_standing;
    if (st || pst) {
      T(&p, " ");
      if (st) {
        T(&p, b + " was " + a + "'s ");
        F(&p, RankWords(st->rank), {rec});
        T(&p, " trading partner, with ");
        F(&p, FormatPct(st->share_pct), {rec});
        T(&p, " of its trade");
      }
      if (pst) {
        T(&p, st ? "; " + a + " was " + b + "'s " : a + " was " + b + "'s ");
        F(&p, RankWords(pst->rank), {rec});
        T(&p, ", with ");
        F(&p, FormatPct(pst->share_pct), {rec});
      }
      // The ranks are among the partners the loaded data hold, not the world's.
      T(&p, " (ranked among the ");
      F(&p, CountWord(st ? st->partners : pst->partners), {rec});
      T(&p, std::string(" partners ") + (st ? a : b) + " has in the loaded data");
      if (st && pst) {
        T(&p, " and the ");
        F(&p, CountWord(pst->partners), {rec});
        T(&p, " " + b + " has");
      }
      T(&p, ").");
    }
    Add(s, std::move(p));

    // Structure of the trade: one plain reading per indicator.
    Prose q;
    bool any = false;
    // Intensity and complementarity weigh a partner against the world: like
    // RCA, they are read only when the data cover enough of it.
    const bool world_covered = last.countries >= measure::kMinCountriesForRca;
    if (last.ab.intensity && world_covered) {
      any = true;
      T(&q, "Trade intensity: " + a + " sends " + b + " ");
      F(&q, FormatFixed(*last.ab.intensity, 2), {rec});
      T(&q, std::string(" times what ") + b + "'s share of world imports would lead one to expect" +
                (*last.ab.intensity >= 1 ? " (above one: a closer tie than size alone explains). "
                                         : " (below one: a looser tie than size alone explains). "));
    }
    if (last.ab.complementarity && world_covered) {
      any = true;
      T(&q, "Complementarity: " + a + "'s export mix and " + b + "'s import mix overlap by ");
      F(&q, FormatFixed(*last.ab.complementarity, 1), {rec});
      T(&q, " on a scale where a hundred would mean " + a + " sells exactly what " + b + " buys. ");
    }
    if (last.ab.grubel_lloyd) {
      any = true;
      const double g = *last.ab.grubel_lloyd;
      T(&q, "Intra-industry trade (Grubel\u2013Lloyd): ");
      F(&q, FormatFixed(g, 2), {rec});
      T(&q, g < 0.25 ? ", so the two mostly trade goods of different kinds, each selling what the other does not sell back. "
            : g < 0.5 ? ", so a minority of the trade is in goods of the same kinds both ways. "
                      : ", so much of the trade is in goods of the same kinds both ways. ");
    }
    if (last.ab.concentration && !last.ab.concentration->top_chapters.empty()) {
      any = true;
      const auto& c = *last.ab.concentration;
      T(&q, a + "'s exports to " + b + " spread over ");
      F(&q, CountWord(c.products), {rec});
      T(&q, " products with a concentration (HHI) of ");
      F(&q, FormatFixed(c.hhi, 3), {rec});
      T(&q, c.hhi >= 0.25 ? ", highly concentrated; " : c.hhi >= 0.15 ? ", moderately concentrated; " : ", diversified; ");
      T(&q, "the largest HS chapters are ");
      size_t shown = std::min<size_t>(c.top_chapters.size(), 3);
      AppendList(shown, [&](size_t i) {
        F(&q, ChapterLabel(c.top_chapters[i].first) + " at " + FormatPct(100 * c.top_chapters[i].second), {rec});
      }, &q);
      T(&q, ".");
    }
    if (any) Add(s, std::move(q));

    // Each side's export structure, where the data cover enough of the
    // world for comparative advantage to mean something.
    if (last.countries >= measure::kMinCountriesForRca && (!last.a_chapters.empty() || !last.b_chapters.empty())) {
      Prose c;
      bool first = true;
      for (const auto* side : {&last.a_chapters, &last.b_chapters}) {
        if (side->empty()) continue;
        const std::string& who = side == &last.a_chapters ? a : b;
        T(&c, std::string(first ? "" : " ") + who + "'s largest export chapters to the world are ");
        first = false;
        size_t shown = std::min<size_t>(side->size(), 3);
        AppendList(shown, [&](size_t i) {
          const measure::ChapterExport& e = (*side)[i];
          F(&c, ChapterLabel(e.chapter) + " at " + FormatPct(100 * e.share), {rec});
          if (e.rca) {
            T(&c, " (revealed comparative advantage ");
            F(&c, FormatFixed(*e.rca, 1), {rec});
            T(&c, ")");
          }
        }, &c);
        T(&c, ".");
      }
      T(&c, " A revealed comparative advantage above one means the chapter weighs more in the country's exports "
            "than in the world's.");
      Add(s, std::move(c));
    }

    // Mirror statistics (reporter data only).
    if (last.ab.mirror_exports || last.ab.mirror_imports) {
      Prose m;
      T(&m, "Mirror statistics: ");
      auto mirror = [&](const measure::Mirror& g, const std::string& exporter, const std::string& importer) {
        T(&m, exporter + " reports exports to " + importer + " of ");
        F(&m, FormatUsd(g.exports_reported_by_a), {rec});
        T(&m, ", while " + importer + " reports imports from " + exporter + " of ");
        F(&m, FormatUsd(g.imports_reported_by_b), {rec});
        T(&m, ", a gap of ");
        F(&m, (g.gap_pct >= 0 ? "+" : "") + FormatPct(g.gap_pct), {rec});
        T(&m, ". ");
      };
      if (last.ab.mirror_exports) mirror(*last.ab.mirror_exports, a, b);
      if (last.ab.mirror_imports) mirror(*last.ab.mirror_imports, b, a);
      T(&m, "Importers usually value goods with freight and insurance (CIF) and exporters without (FOB), so "
            "imports tend to exceed the matching exports by a few percent even when both offices are right; "
            "transit, re-exports and timing widen the gap.");
      Add(s, std::move(m));
    }

    // Both directions by year.
    std::vector<std::string> cats;
    BarSeries ab{Capitalise(a + " \u2192 " + b), {}}, ba{Capitalise(b + " \u2192 " + a), {}};
    for (const measure::TradeReading& r : ts.readings) {
      cats.push_back(std::to_string(r.year));
      const PairSide p = SideOf(r);
      ab.values.push_back(p.have_x ? p.exports : NAN);  // no bar for a flow not in the data
      ba.values.push_back(p.have_m ? p.imports : NAN);
    }
    std::string title = "Trade in goods between " + a + " and " + b + " both ways (" +
                        (baci ? "CEPII BACI" : "UN Comtrade") + ")";
    double top = 0;
    for (const auto* series : {&ab, &ba}) {
      for (double v : series->values) top = std::max(top, std::isnan(v) ? 0.0 : v);
    }
    const double divisor = top >= 1e9 ? 1e9 : top >= 1e6 ? 1e6 : 1e3;
    const std::string unit = top >= 1e9 ? "US$ billion" : top >= 1e6 ? "US$ million" : "US$ thousand";
    s.blocks.emplace_back(Chart{"trade-" + ts.dataset, title, BarChart(title, cats, {ab, ba}, divisor, unit),
                                "Exports each way in each year of the ingested " +
                                    std::string(baci ? "BACI" : "Comtrade") + " data."});
    Table t{std::string("Trade indicators by year (") + (baci ? "CEPII BACI" : "UN Comtrade") + ", " + a +
                " against " + b + ")",
            {"Year", "Exports", "Imports", b + " in " + a + "'s trade", a + " in " + b + "'s trade", "Intensity",
             "Complementarity", "Grubel\u2013Lloyd", "HHI", "Mirror gap"},
            {}};
    for (size_t i = 0; i < n; ++i) {
      const measure::TradeReading& r = ts.readings[i];
      const Record* yr = &ts.year_records[i];
      auto opt = [&](const std::optional<double>& v, int d) { return v ? CellFig(FormatFixed(*v, d), yr) : Cell(""); };
      auto standing = [&](const std::optional<measure::PartnerStanding>& x) {
        return x ? CellFig(FormatPct(x->share_pct) + " (rank " + std::to_string(x->rank) + ")", yr) : Cell("");
      };
      const PairSide p = SideOf(r);
      Prose mirror = Cell("");
      if (r.ab.mirror_exports) mirror = CellFig(FormatPct(r.ab.mirror_exports->gap_pct), yr);
      t.rows.push_back({CellFig(std::to_string(r.year), yr), p.have_x ? CellFig(FormatUsd(p.exports), yr) : Cell(""),
                        p.have_m ? CellFig(FormatUsd(p.imports), yr) : Cell(""),
                        standing(r.ab.standing), standing(r.ab.partner_standing),
                        opt(r.ab.intensity, 2), opt(r.ab.complementarity, 1), opt(r.ab.grubel_lloyd, 2),
                        r.ab.concentration ? CellFig(FormatFixed(r.ab.concentration->hhi, 3), yr) : Cell(""),
                        mirror});
    }
    s.blocks.emplace_back(std::move(t));
  }

  void ProjectsBlock(Section& s) {
    const auto& projects = f_.Of("projects");
    if (projects.empty()) {
      Prose p;
      T(&p, "The workspace holds no projects or investments for this pair.");
      Add(s, std::move(p));
      return;
    }
    std::vector<const Record*> all, valued;
    double total = 0;
    std::map<std::string, std::vector<const Record*>> by_investor;
    for (const Record& r : projects) {
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
    T(&p, "The registry lists ");
    F(&p, CountWord(static_cast<long long>(all.size())), all);
    T(&p, " projects and investments");
    if (by_investor.size() == 1) {
      T(&p, ", all by " + Name(by_investor.begin()->first) + " in " +
                Name(by_investor.begin()->second.front()->Text("host")));
    }
    T(&p, ". ");
    if (!valued.empty()) {
      F(&p, Capitalise(CountWord(static_cast<long long>(valued.size()))), valued);
      T(&p, " of them state a value, together ");
      F(&p, FormatUsd(total), valued);
      T(&p, ". ");
    }
    const measure::SectorTotal* top_ptr = f_.sectors.empty() ? nullptr : &f_.sectors.front();
    if (top_ptr && top_ptr->value_usd > 0) {
      const measure::SectorTotal& top = *top_ptr;
      T(&p, "The largest sector by value is ");
      D(&p, top.sector, top.records.front());
      T(&p, ", with ");
      F(&p, FormatUsd(top.value_usd), top.records);
      T(&p, " across ");
      F(&p, CountWord(top.projects), top.records);
      T(&p, Plural(top.projects, " project", " projects"));
      if (total > 0) {
        T(&p, " (");
        F(&p, FormatPct(100.0 * top.value_usd / total, 0), valued);
        T(&p, " of the stated total)");
      }
      T(&p, ".");
    }
    for (const Record* g : f_.project_groups) {
      T(&p, " Apart from these, ");
      D(&p, g->Text("name"), g);
      T(&p, " counts ");
      F(&p, CountWord(*g->Int("count")), {g});
      T(&p, " projects");
      if (auto v = g->Number("value")) {
        T(&p, " worth ");
        F(&p, QualifiedMoney(*g, *v), {g});
      }
      T(&p, "; they may overlap the projects above, so they are not added to the totals.");
    }
    Add(s, std::move(p));

    std::vector<std::string> labels, value_labels;
    std::vector<double> values;
    for (const auto& sec : f_.sectors) {
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
    for (const auto& sec : f_.sectors) {
      Prose count;
      F(&count, std::to_string(sec.projects), sec.records);
      t.rows.push_back({Cell(sec.sector), count, Cell(std::to_string(sec.with_value)),
                        sec.value_usd > 0 ? CellFig(FormatUsd(sec.value_usd), sec.records.front()) : Cell("")});
      if (sec.value_usd > 0) {
        for (size_t i = 1; i < sec.records.size(); ++i) {
          if (sec.records[i]->Number("value")) t.rows.back()[3][0].cites.push_back(Cite(sec.records[i]));
        }
      }
    }
    s.blocks.emplace_back(std::move(t));

    std::vector<const Record*> largest = valued;
    std::stable_sort(largest.begin(), largest.end(),
                     [](const Record* x, const Record* y) { return *x->Number("value") > *y->Number("value"); });
    if (largest.size() > 10) largest.resize(10);
    Table big{"Largest projects and investments by stated value", {"Date", "Project", "Entity", "Sector", "Value"}, {}};
    for (const Record* r : largest) {
      Date d = r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of");
      big.rows.push_back({CellFig(d.ToIso(), r), Cell(r->Text("name")), Cell(r->Text("entity")),
                          Cell(r->Text("sector")), CellFig(FormatUsd(*r->Number("value")), r)});
    }
    if (!big.rows.empty()) s.blocks.emplace_back(std::move(big));
  }

  // ---- connectivity -----------------------------------------------------
  static std::string KindNoun(const std::string& kind, long long n) {
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

  void Connectivity() {
    Section& s = NewSection("connectivity", "Infrastructure connectivity");
    std::vector<const Record*> rows;
    for (const Record& r : f_.Of("connectivity")) rows.push_back(&r);
    if (rows.empty()) {
      Prose p;
      T(&p, "The workspace holds no connectivity assets (border crossings, pipelines, railways, roads, "
            "air routes) for this pair.");
      Add(s, std::move(p));
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
      T(&p, "As of ");
      F(&p, latest_as_of->DateOf("as_of").ToEnglish(), {latest_as_of});
      T(&p, ", ");
    }
    T(&p, std::string(latest_as_of ? "the" : "The") + " registry counts ");
    AppendList(kinds.size(), [&](size_t i) {
      long long n = 0;
      for (const Record* r : by_kind[kinds[i]]) n += r->Int("count").value_or(1);
      F(&p, CountWord(n), by_kind[kinds[i]]);
      T(&p, " operating " + KindNoun(kinds[i], n));
    }, &p);
    T(&p, " between " + pa_ + " and " + pb_ + ".");
    if (kinds.empty()) T(&p, " None of them is recorded as operating yet.");
    Add(s, std::move(p));
    Table t{"Connectivity assets", {"Kind", "Name", "Count", "Status", "Opened", "As of"}, {}};
    for (const Record* r : rows) {
      t.rows.push_back({Cell(Humanise(r->Text("kind"))), Cell(r->Text("name")),
                        CellFig(std::to_string(r->Int("count").value_or(1)), r), Cell(Humanise(r->Text("status"))),
                        r->DateOf("opened").IsSet() ? CellFig(r->DateOf("opened").ToIso(), r) : Cell(""),
                        r->DateOf("as_of").IsSet() ? CellFig(r->DateOf("as_of").ToIso(), r) : Cell("")});
    }
    s.blocks.emplace_back(std::move(t));
  }

  // ---- finance ----------------------------------------------------------
  void Finance() {
    Section& s = NewSection("finance", "Finance");
    std::vector<const Record*> rows;
    for (const Record& r : f_.Of("finance")) rows.push_back(&r);
    auto when = [](const Record* r) { return r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of"); };
    std::stable_sort(rows.begin(), rows.end(), [&](const Record* x, const Record* y) { return when(x) < when(y); });
    Prose p;
    if (rows.empty()) {
      T(&p, "The workspace holds no financial arrangements for this pair.");
      Add(s, std::move(p));
      return;
    }
    T(&p, "The registry lists ");
    F(&p, CountWord(static_cast<long long>(rows.size())), rows);
    T(&p, Plural(static_cast<long long>(rows.size()), " financial arrangement: ", " financial arrangements: "));
    AppendList(rows.size(), [&](size_t i) {
      const Record* r = rows[i];
      D(&p, r->Text("name"), r);
      T(&p, r->DateOf("date").IsSet() ? " (" : " (named as of ");
      F(&p, (r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of")).ToEnglish(), {r});
      if (auto v = r->Number("value")) {
        T(&p, ", ");
        F(&p, FormatMoney(*v, r->Text("currency")), {r});
      }
      T(&p, ")");
    }, &p);
    T(&p, ".");
    Add(s, std::move(p));
    Table t{"Financial arrangements", {"Date", "Kind", "Name", "Institution", "Value"}, {}};
    for (const Record* r : rows) {
      auto v = r->Number("value");
      Date d = r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of");
      t.rows.push_back({CellFig(d.ToIso() + (r->DateOf("date").IsSet() ? "" : " (as of)"), r), Cell(Humanise(r->Text("kind"))),
                        Cell(r->Text("name")), Cell(r->Text("institution")),
                        v ? CellFig(FormatMoney(*v, r->Text("currency")), r) : Cell("")});
    }
    s.blocks.emplace_back(std::move(t));
  }

  // ---- people-to-people -------------------------------------------------
  void People() {
    Section& s = NewSection("people", "People-to-people ties");
    std::vector<const Record*> rows;
    for (const Record& r : f_.Of("people")) rows.push_back(&r);
    if (rows.empty()) {
      Prose p;
      T(&p, "The workspace holds no people-to-people institutions or arrangements for this pair.");
      Add(s, std::move(p));
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
      T(&p, Name(g.front()->Text("host")) + " hosts ");
      F(&p, CountWord(n), g);
      T(&p, " " + KindNoun(g.front()->Text("kind"), n) + " linked to " + Name(g.front()->Text("partner")) + ". ");
    }
    for (const Record* r : arrangements) {
      D(&p, Capitalise(r->Text("name")), r);
      T(&p, " (");
      F(&p, (r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of")).ToEnglish(), {r});
      T(&p, "). ");
    }
    Add(s, std::move(p));
    Table t{"People-to-people institutions and arrangements", {"Kind", "Name", "Host", "Count", "Date"}, {}};
    for (const Record* r : rows) {
      Date d = r->DateOf("date").IsSet() ? r->DateOf("date") : r->DateOf("as_of");
      t.rows.push_back({Cell(Humanise(r->Text("kind"))), Cell(r->Text("name")), Cell(Name(r->Text("host"))),
                        CellFig(std::to_string(r->Int("count").value_or(1)), r),
                        d.IsSet() ? CellFig(d.ToIso(), r) : Cell("")});
    }
    s.blocks.emplace_back(std::move(t));
  }

  // ---- outlook ----------------------------------------------------------
  static std::string IndicatorLabel(const std::string& indicator) {
    if (indicator == "gdp") return "GDP in current US dollars";
    if (indicator == "gdp_growth_pct") return "real GDP growth";
    if (indicator == "population") return "population";
    if (indicator == "gdp_per_capita") return "GDP per head";
    if (indicator == "trade_total") return "bilateral trade";
    return Humanise(indicator);
  }

  std::string TargetValue(const Record* t, const char* column) const {
    auto v = t->Number(column);
    if (!v) return "";
    if (t->Text("indicator").ends_with("_pct")) return FormatPct(*v);
    if (!t->Text("currency").empty()) return FormatMoney(*v, t->Text("currency"));
    return FormatNumber(*v);
  }

  void Outlook() {
    Section& s = NewSection("outlook", "Outlook");
    if (f_.targets.empty()) {
      Prose p;
      T(&p, "The workspace holds no stated targets for this pair.");
      Add(s, std::move(p));
      return;
    }
    for (const measure::TargetAssessment& a : f_.targets) {
      const Record* t = a.target;
      std::string indicator = t->Text("indicator");
      const bool is_rate = indicator.ends_with("_pct");
      Prose p;
      std::string who = Name(t->Text("country"));
      T(&p, who + "'s stated target");
      if (!t->Text("stated_by").empty()) {
        T(&p, ", set out by ");
        D(&p, t->Text("stated_by"), t);
      }
      T(&p, t->DateOf("stated").precision() == DatePrecision::kDay ? " on " : " in ");
      F(&p, t->DateOf("stated").ToEnglish(), {t});
      T(&p, ", is " + IndicatorLabel(indicator) + " of ");
      std::string value = TargetValue(t, "target_value");
      if (t->Number("target_value_high")) {
        std::string hi = TargetValue(t, "target_value_high");
        if (is_rate) {
          value = FormatNumber(*t->Number("target_value"), 1) + "\u2013" +
                  FormatNumber(*t->Number("target_value_high"), 1) + "%";  // "6–7%"
        }
        else value += "\u2013" + hi;
      }
      F(&p, value, {t});
      if (is_rate) T(&p, " a year");
      if (auto y = t->Int("target_year")) {
        T(&p, " by ");
        F(&p, std::to_string(*y), {t});
      }
      T(&p, ". ");
      if (!a.latest) {
        T(&p, "No observations of " + IndicatorLabel(indicator) + " are stored for " + who +
                  ", so what the target requires cannot be computed.");
        Add(s, std::move(p));
        continue;
      }
      if (is_rate) {
        if (a.recent_growth_pct) {
          T(&p, "Over ");
          F(&p, std::to_string(a.latest_year - a.recent_years + 1) + "\u2013" + std::to_string(a.latest_year),
            a.recent_inputs);
          T(&p, ", " + IndicatorLabel(indicator) + " averaged ");
          F(&p, FormatPct(*a.recent_growth_pct), a.recent_inputs);
          T(&p, " a year");
          double lo = *t->Number("target_value");
          double hi = t->Number("target_value_high").value_or(lo);
          T(&p, *a.recent_growth_pct >= lo ? (*a.recent_growth_pct <= hi ? ", within the target range."
                                                                           : ", above the target.")
                                           : ", below the target.");
        }
      } else {
        T(&p, "From ");
        F(&p, TargetValueOf(a.latest_value, t), {a.latest});
        T(&p, " in ");
        F(&p, std::to_string(a.latest_year), {a.latest});
        if (a.required_growth_pct) {
          T(&p, ", reaching it requires growth of ");
          F(&p, FormatPct(*a.required_growth_pct), {t, a.latest});
          T(&p, " a year");
          if (indicator == "gdp") T(&p, " in current dollars");
        }
        T(&p, ".");
        if (a.recent_growth_pct && a.record_start) {
          T(&p, " Over the ");
          F(&p, CountWord(a.recent_years), {a.record_start, a.latest});
          T(&p, " years to ");
          F(&p, std::to_string(a.latest_year), {a.latest});
          T(&p, " it grew ");
          F(&p, FormatPct(*a.recent_growth_pct), {a.record_start, a.latest});
          T(&p, " a year");
          if (a.required_growth_pct) {
            T(&p, *a.recent_growth_pct >= *a.required_growth_pct
                      ? ": the recent record is at or above the pace required."
                      : ": the target needs a faster pace than the recent record.");
          } else {
            T(&p, ".");
          }
        }
      }
      Add(s, std::move(p));
    }
  }

  static std::string TargetValueOf(double v, const Record* t) {
    if (t->Text("indicator") == "population") return FormatNumber(v, 0);
    return FormatUsd(v);
  }

  const ReportInputs& in_;
  std::string pa_, pb_;  // prose names of the pair
  const PairFacts& f_;
  ReportModel model_;
  std::map<std::string, int> numbers_;
};

}  // namespace

const std::vector<std::string>& SectionIds() {
  static const std::vector<std::string> kIds = {"political", "pulse",  "economy", "connectivity",
                                                "finance",   "people", "outlook"};
  return kIds;
}

ReportModel BuildReport(const ReportInputs& inputs) { return Builder(inputs).Build(); }

std::string MarkdownToSafeHtml(const std::string& markdown) {
  char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  std::string out = html ? html : "";
  free(html);
  return out;
}

}  // namespace bilat::report
