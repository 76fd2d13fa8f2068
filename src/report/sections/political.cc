// The political mutual trust section: high-level exchanges, heads of state's visits,
// partnership levels and agreements.
#include "report/sections/sections.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "report/format.h"
#include "report/svg_chart.h"

namespace bilat::report::sections {
namespace {

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

void HeadsOfStateParagraph(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  // Visits by presidents, grouped by person and destination, in date order.
  std::vector<std::string> keys;
  std::map<std::string, std::vector<const measure::ExchangeEpisode*>> visits;
  for (const auto& e : f.episodes) {
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
    w.D(&p, "President " + first->Text("leader"), first);
    w.T(&p, " visited " + w.Name(first->Text("to")) + " ");
    std::vector<const Record*> all;
    for (const auto* e : v) all.insert(all.end(), e->records.begin(), e->records.end());
    w.F(&p, v.size() == 1 ? "once" : v.size() == 2 ? "twice" : CountWord(static_cast<long long>(v.size())) + " times", all);
    w.T(&p, v.size() == 1 ? ", " : ": ");
    AppendList(v.size(), [&](size_t i) {
      const Date& d = v[i]->start;
      w.T(&p, d.precision() == DatePrecision::kDay ? "on " : "in ");
      w.F(&p, EpisodeDates(*v[i]), v[i]->records);
    }, &p);
    w.T(&p, ". ");
  }
  w.Add(s, std::move(p));
}

void ExchangeCharts(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  std::vector<TimelineEvent> events;
  for (const auto& e : f.episodes) {
    const Record* r = e.records.front();
    std::string label = EpisodeDates(e) + ": " + r->Text("leader") + " (" + w.Direction(r) + ")";
    if (!r->Text("occasion").empty()) label += ", " + r->Text("occasion");
    events.push_back({FractionalYear(e.start), e.from == f.a ? 0 : 1, label});
  }
  std::vector<std::string> lanes = {Capitalise(w.pa() + " \u2192 " + w.pb()),
                                    Capitalise(w.pb() + " \u2192 " + w.pa())};
  std::string title = "High-level exchanges by date and direction";
  s.blocks.emplace_back(Chart{"exchanges-timeline", title, Timeline(title, lanes, events),
                              "Each mark is one exchange; the upper lane holds those led from the " +
                                  w.pa() + " side."});
  // Counts per year over the whole span, zero years included.
  if (f.exchanges_per_year.empty()) return;
  int y0 = f.exchanges_per_year.front().year, y1 = f.exchanges_per_year.back().year;
  std::vector<std::string> years;
  BarSeries ab{w.pa() + " side", {}}, ba{w.pb() + " side", {}};
  for (int y = y0; y <= y1; ++y) {
    years.push_back(std::to_string(y));
    double na = 0, nb = 0;
    for (const auto& e : f.episodes) {
      if (e.start.year() == y) (e.from == f.a ? na : nb) += 1;
    }
    ab.values.push_back(na);
    ba.values.push_back(nb);
  }
  std::string t2 = "High-level exchanges per year";
  s.blocks.emplace_back(Chart{"exchanges-per-year", t2, BarChart(t2, years, {ab, ba}, 1, "exchanges"),
                              "Number of exchanges in each year, by the side that led them."});
}

// The ordinal rank (0-5) the partnership ladder gives a level record, if any.
std::optional<double> RankOf(const measure::PairFacts& f, const Record* r) {
  const std::string date = r->Text("date"), level = r->Text("level");
  for (const store::StoredObservation& o : f.datasets.observations) {
    if (o.measure == "partnership.rank" && o.period == date && o.text == level) return o.value;
  }
  return std::nullopt;
}

void PartnershipParagraph(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  const auto& levels = f.partnership_levels;
  if (levels.empty()) return;
  Prose p;
  for (size_t i = 0; i < levels.size(); ++i) {
    const Record* r = levels[i];
    w.T(&p, i == 0 ? "" : " ");
    w.T(&p, Capitalise(r->DateOf("date").precision() == DatePrecision::kDay ? "on " : "in "));
    w.F(&p, r->DateOf("date").ToEnglish(), {r});
    // The ladder's ordinal rank, where a dataset gives it, tells a raise from a change.
    const char* next = ", they raised it to ";
    if (i > 0) {
      std::optional<double> now = RankOf(f, r), before = RankOf(f, levels[i - 1]);
      if (now && before && *now <= *before) next = *now < *before ? ", they lowered it to " : ", they restyled it as ";
    }
    w.T(&p, i == 0 ? ", the two countries established " : next);
    w.D(&p, WithArticle(r->Text("level")), r);
    w.T(&p, ".");
  }
  if (levels.size() > 1) {
    w.T(&p, " " + WhoStates(levels, "records") + " ");
    w.F(&p, CountWord(static_cast<long long>(levels.size())), levels);
    w.T(&p, " changes of partnership level in all.");
  }
  w.Add(s, std::move(p));
}

void AgreementsBlock(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  std::vector<const Record*> rows;
  for (const Record& r : f.Of("agreements")) rows.push_back(&r);
  if (rows.empty()) return;
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Record* x, const Record* y) { return x->DateOf("date") < y->DateOf("date"); });
  Prose p;
  w.T(&p, WhoStates(rows, "lists") + " ");
  w.F(&p, CountWord(static_cast<long long>(rows.size())), rows);
  w.T(&p, " agreements, memoranda and milestones; the most recent is: ");
  w.D(&p, rows.back()->Text("title"), rows.back());
  w.T(&p, " (");
  w.F(&p, rows.back()->DateOf("date").ToEnglish(), {rows.back()});
  w.T(&p, ").");
  w.Add(s, std::move(p));
  Table t{"Agreements and milestones", {"Date", "Kind", "Title", "Status"}, {}};
  for (const Record* r : rows) {
    t.rows.push_back({w.CellFig(r->DateOf("date").ToIso(), r), w.Cell(Humanise(r->Text("kind"))),
                      w.Cell(r->Text("title") + (r->Text("level").empty() ? "" : " (" + r->Text("level") + ")")),
                      w.Cell(Humanise(r->Text("status")))});
  }
  s.blocks.emplace_back(std::move(t));
}

// Which sources the exchanges rest on, trips two sources record, and the
// dataset rows left out because the registry states the same exchange.
void ExchangeSourcesParagraph(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  std::map<std::string, std::vector<const Record*>> by_source;  // source id -> rows
  std::vector<const Record*> both;  // rows of exchanges that two or more sources record
  long long shared = 0;
  for (const auto& e : f.episodes) {
    std::set<std::string> sources;
    for (const Record* r : e.records) {
      by_source[r->Text("source_id")].push_back(r);
      sources.insert(r->Text("source_id"));
    }
    if (sources.size() > 1) {
      ++shared;
      both.insert(both.end(), e.records.begin(), e.records.end());
    }
  }
  std::vector<const Record*> left_out;
  for (const measure::Superseded& x : f.datasets.superseded) {
    if (x.record.kind->name == "exchanges") left_out.push_back(&x.record);
  }
  if (by_source.size() < 2 && left_out.empty()) return;
  Prose p;
  if (by_source.size() >= 2) {
    w.T(&p, "The exchanges rest on ");
    std::vector<std::pair<std::string, std::vector<const Record*>>> sources(by_source.begin(), by_source.end());
    AppendList(sources.size(), [&](size_t i) {
      w.F(&p, CountWord(static_cast<long long>(sources[i].second.size())), sources[i].second);
      auto src = f.sources.find(sources[i].first);
      w.T(&p, " rows from ");
      w.D(&p, src == f.sources.end() ? sources[i].first : src->second.Text("publisher"), sources[i].second.front());
      const Record* latest = *std::max_element(sources[i].second.begin(), sources[i].second.end(),
                                               [](const Record* x, const Record* y) {
                                                 return x->DateOf("date").year() < y->DateOf("date").year();
                                               });
      w.T(&p, " (the latest in ");
      w.F(&p, std::to_string(latest->DateOf("date").year()), {latest});
      w.T(&p, ")");
    }, &p);
    w.T(&p, ". ");
    if (shared) {
      w.F(&p, Capitalise(CountWord(shared)), both);
      w.T(&p, Plural(shared, " exchange is", " exchanges are") + " recorded by more than one source and counted once, "
              "citing each.");
    }
  }
  if (!left_out.empty()) {
    w.T(&p, by_source.size() >= 2 ? " " : "");
    w.F(&p, Capitalise(CountWord(static_cast<long long>(left_out.size()))), left_out);
    w.T(&p, Plural(static_cast<long long>(left_out.size()), " dataset row was", " dataset rows were") +
                " left out because a registry row states the same exchange (the curated row wins).");
  }
  w.Add(s, std::move(p));
}

void ExchangeTable(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  Table t{"High-level exchanges", {"Date", "Kind", "Direction", "Leader", "Counterpart", "Occasion / place"}, {}};
  for (const Record* r : f.exchanges_by_date) {
    std::string leader = r->Text("leader");
    if (!r->Text("role").empty()) leader += " (" + r->Text("role") + ")";
    std::string where = r->Text("occasion");
    if (!r->Text("location").empty()) where += (where.empty() ? "" : ", ") + r->Text("location");
    if (r->Text("status") == "planned") where += (where.empty() ? "" : "; ") + std::string("planned");
    t.rows.push_back({w.CellFig(r->DateOf("date").ToIso(), r), w.Cell(Humanise(r->Text("kind"))),
                      w.Cell(w.Direction(r)), w.Cell(leader), w.Cell(r->Text("counterpart")), w.Cell(where)});
  }
  s.blocks.emplace_back(std::move(t));
}

}  // namespace

void Political(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("political", "Political mutual trust");
  const auto& episodes = f.episodes;
  std::vector<const Record*> actual;
  for (const auto& e : episodes) actual.insert(actual.end(), e.records.begin(), e.records.end());
  if (episodes.empty()) {
    Prose p;
    w.T(&p, "The workspace holds no high-level exchanges between " + w.pa() + " and " +
              w.pb() + ".");
    w.Add(s, std::move(p));
  } else {
    Prose p;
    w.T(&p, WhoStates(actual, "records") + " ");
    w.F(&p, CountWord(static_cast<long long>(episodes.size())), actual);
    w.T(&p, " high-level " + Plural(static_cast<long long>(episodes.size()), "exchange", "exchanges") +
              " (visits, meetings and calls) between " + w.pa() + " and " + w.pb() + ", from ");
    w.F(&p, episodes.front().start.ToEnglish(), {episodes.front().records.front()});
    w.T(&p, " to ");
    w.F(&p, episodes.back().start.ToEnglish(), {episodes.back().records.front()});
    w.T(&p, ". ");
    std::vector<const Record*> ab, ba;
    long long n_ab = 0, n_ba = 0;
    for (const auto& e : episodes) {
      bool from_a = e.from == f.a;
      (from_a ? n_ab : n_ba) += 1;
      auto& dst = from_a ? ab : ba;
      dst.insert(dst.end(), e.records.begin(), e.records.end());
    }
    w.F(&p, Capitalise(CountWord(n_ab)), ab.empty() ? actual : ab);
    w.T(&p, " were led from the " + w.pa() + " side and ");
    w.F(&p, CountWord(n_ba), ba.empty() ? actual : ba);
    w.T(&p, " from the " + w.pb() + " side. ");
    const measure::YearCount* busiest = nullptr;
    for (const auto& yc : f.exchanges_per_year) {
      if (!busiest || yc.count > busiest->count) busiest = &yc;
    }
    if (busiest && f.exchanges_per_year.size() > 1) {
      w.T(&p, "The busiest year was ");
      w.F(&p, std::to_string(busiest->year), busiest->records);
      w.T(&p, ", with ");
      w.F(&p, CountWord(busiest->count), busiest->records);
      w.T(&p, " exchanges.");
    }
    if (actual.size() > episodes.size()) {
      w.T(&p, " Consecutive days of contact by the same leader are counted as one exchange: the ");
      w.F(&p, CountWord(static_cast<long long>(actual.size())), actual);
      w.T(&p, WhoRecords(actual) == "the registry" ? " registry rows make up these exchanges."
                                                   : " rows make up these exchanges.");
    }
    w.Add(s, std::move(p));
    ExchangeSourcesParagraph(w, s);
    HeadsOfStateParagraph(w, s);
    ExchangeCharts(w, s);
  }
  PartnershipParagraph(w, s);
  BeltAndRoadParagraph(w, s);
  AgreementsBlock(w, s);
  UnVotingBlock(w, s);
  DiplomaticPostsBlock(w, s);
  if (!actual.empty()) ExchangeTable(w, s);
  TextFacts(w, s, {"visit", "event"}, "visits and events");
}

}  // namespace bilat::report::sections
