#include "measure/pair_facts.h"

#include <algorithm>
#include <tuple>
#include <set>

#include "core/trade_datasets.h"
#include "measure/growth.h"
#include "store/event_store.h"
#include "store/trade_store.h"
#include "store/registry_store.h"

namespace bilat::measure {
namespace {

// Days from a to b when both are at day precision, else nullopt.
std::optional<int> DaysBetween(const Date& a, const Date& b) {
  if (a.precision() != DatePrecision::kDay || b.precision() != DatePrecision::kDay) return std::nullopt;
  auto days = [](const Date& d) {
    // Days since a fixed epoch (civil-from-days, proleptic Gregorian).
    int y = d.year(), m = d.month();
    y -= m <= 2;
    int era = y / 400, yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d.day() - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
  };
  return days(b) - days(a);
}

bool IsUsd(const Record& r) {
  std::string c = r.Text("currency");
  return c.empty() || c == "USD";
}

void DeriveTrade(PairFacts* f) {
  std::map<std::string, TradeSeries> by_reporter;
  for (const Record& r : f->Of("trade")) {
    if (r.Text("flow") != "total" || !r.Text("period").empty() || !IsUsd(r)) continue;
    auto value = r.Number("value");
    auto year = r.Int("year");
    if (!value || !year) continue;
    TradeSeries& s = by_reporter[r.Text("reporter")];
    s.reporter = r.Text("reporter");
    auto same = std::find_if(s.points.begin(), s.points.end(),
                             [&](const TradePoint& p) { return p.year == *year; });
    if (same != s.points.end()) {
      s.alternatives.push_back(&r);
      continue;
    }
    TradePoint p;
    p.exact = r.Text("value_qualifier").empty() || r.Text("value_qualifier") == "exact";
    p.year = static_cast<int>(*year);
    p.value_usd = *value;
    p.record = &r;
    p.stated_growth_pct = r.Number("stated_growth_pct");
    s.points.push_back(p);
  }
  for (auto& [reporter, s] : by_reporter) {
    std::sort(s.points.begin(), s.points.end(),
              [](const TradePoint& x, const TradePoint& y) { return x.year < y.year; });
    for (size_t i = 1; i < s.points.size(); ++i) {
      if (s.points[i].year != s.points[i - 1].year + 1) continue;
      if (!s.points[i].exact || !s.points[i - 1].exact) continue;
      s.points[i].computed_growth_pct = GrowthPct(s.points[i - 1].value_usd, s.points[i].value_usd);
      s.points[i].previous = s.points[i - 1].record;
    }
    f->trade.push_back(std::move(s));
  }
  // Series with a named reporter first (pair order), the unattributed last.
  std::stable_sort(f->trade.begin(), f->trade.end(), [&](const TradeSeries& x, const TradeSeries& y) {
    auto rank = [&](const std::string& r) { return r == f->a ? 0 : r == f->b ? 1 : r.empty() ? 3 : 2; };
    return rank(x.reporter) < rank(y.reporter);
  });
  // Mirror gaps between the two sides' own statistics.
  const TradeSeries* sa = nullptr;
  const TradeSeries* sb = nullptr;
  for (const TradeSeries& s : f->trade) {
    if (s.reporter == f->a) sa = &s;
    if (s.reporter == f->b) sb = &s;
  }
  if (sa && sb) {
    for (const TradePoint& pa : sa->points) {
      for (const TradePoint& pb : sb->points) {
        if (pa.year == pb.year && pb.value_usd > 0) {
          f->mirror_gaps.push_back({pa.year, pa.record, pb.record,
                                    100.0 * (pa.value_usd / pb.value_usd - 1.0)});
        }
      }
    }
    std::sort(f->mirror_gaps.begin(), f->mirror_gaps.end(),
              [](const MirrorGap& x, const MirrorGap& y) { return x.year > y.year; });
  }
}

void DeriveExchanges(PairFacts* f) {
  for (const Record& r : f->Of("exchanges")) f->exchanges_by_date.push_back(&r);
  std::stable_sort(f->exchanges_by_date.begin(), f->exchanges_by_date.end(),
                   [](const Record* x, const Record* y) { return x->DateOf("date") < y->DateOf("date"); });
  std::vector<const Record*> year_only;
  for (const Record* r : f->exchanges_by_date) {
    if (r->Text("status") == "planned") continue;
    Date d = r->DateOf("date");
    if (d.precision() == DatePrecision::kYear) {
      year_only.push_back(r);
      continue;
    }
    ExchangeEpisode* open = nullptr;
    for (auto it = f->episodes.rbegin(); it != f->episodes.rend(); ++it) {
      if (it->from == r->Text("from") && it->to == r->Text("to") && it->leader == r->Text("leader")) {
        open = &*it;
        break;
      }
    }
    if (open && DaysBetween(open->end, d) && *DaysBetween(open->end, d) <= kEpisodeGapDays) {
      open->records.push_back(r);
      open->end = d;
      continue;
    }
    f->episodes.push_back({{r}, d, d, r->Text("from"), r->Text("to"), r->Text("leader")});
  }
  const size_t dated = f->episodes.size();
  for (const Record* r : year_only) {
    Date d = r->DateOf("date");
    auto joined = std::find_if(f->episodes.begin(), f->episodes.begin() + static_cast<std::ptrdiff_t>(dated),
                               [&](const ExchangeEpisode& e) {
                                 return e.start.year() == d.year() && e.from == r->Text("from") &&
                                        e.to == r->Text("to") && e.leader == r->Text("leader");
                               });
    if (joined != f->episodes.begin() + static_cast<std::ptrdiff_t>(dated)) {
      joined->records.push_back(r);
      continue;
    }
    f->episodes.push_back({{r}, d, d, r->Text("from"), r->Text("to"), r->Text("leader")});
  }
  std::stable_sort(f->episodes.begin(), f->episodes.end(), [](const ExchangeEpisode& x, const ExchangeEpisode& y) {
    return x.start.year() < y.start.year() || (x.start.year() == y.start.year() && x.start < y.start);
  });
  std::map<int, YearCount> per_year;
  for (const ExchangeEpisode& e : f->episodes) {
    YearCount& yc = per_year[e.start.year()];
    yc.year = e.start.year();
    ++yc.count;
    yc.records.insert(yc.records.end(), e.records.begin(), e.records.end());
  }
  for (auto& [y, yc] : per_year) f->exchanges_per_year.push_back(std::move(yc));

  for (const Record& r : f->Of("agreements")) {
    if (r.Text("kind") == "partnership_level") f->partnership_levels.push_back(&r);
  }
  std::stable_sort(f->partnership_levels.begin(), f->partnership_levels.end(),
                   [](const Record* x, const Record* y) { return x->DateOf("date") < y->DateOf("date"); });
}

void DeriveSectors(PairFacts* f) {
  std::map<std::string, SectorTotal> by_sector;
  for (const Record& r : f->Of("projects")) {
    if (!IsInvestmentProject(r)) continue;
    if (r.Int("count").value_or(1) > 1) {
      f->project_groups.push_back(&r);
      continue;
    }
    SectorTotal& s = by_sector[r.Text("sector")];
    s.sector = r.Text("sector");
    ++s.projects;
    s.records.push_back(&r);
    if (auto v = r.Number("value"); v && IsUsd(r) && r.Text("value_qualifier") == "exact") {
      ++s.with_value;
      s.value_usd += *v;
    }
  }
  for (auto& [name, s] : by_sector) f->sectors.push_back(std::move(s));
  std::stable_sort(f->sectors.begin(), f->sectors.end(), [](const SectorTotal& x, const SectorTotal& y) {
    return x.value_usd != y.value_usd ? x.value_usd > y.value_usd : x.projects > y.projects;
  });
}

// Observations of `indicator` for `country`, by year, USD or unitless only.
// For bilateral trade: the country's own statistics, else the series whose
// reporter is not stated.
std::vector<std::pair<int, const Record*>> Observations(const PairFacts& f, const std::string& country,
                                                        const std::string& indicator) {
  std::map<int, const Record*> by_year;
  if (indicator == "trade_total") {
    const TradeSeries* chosen = nullptr;
    for (const TradeSeries& s : f.trade) {
      if (s.reporter == country) chosen = &s;
      if (s.reporter.empty() && !chosen) chosen = &s;
    }
    if (chosen) {
      for (const TradePoint& p : chosen->points) {
        if (p.exact) by_year.emplace(p.year, p.record);  // never grow from a bound
      }
    }
  } else {
    for (const Record& r : f.Of("indicators")) {
      if (r.Text("country") != country || r.Text("indicator") != indicator) continue;
      if (!r.Number("value")) continue;
      if (!IsUsd(r)) continue;  // a level in another currency cannot meet a dollar target
      by_year.emplace(static_cast<int>(*r.Int("year")), &r);
    }
  }
  return {by_year.begin(), by_year.end()};
}

void DeriveTargets(PairFacts* f) {
  for (const Record& t : f->Of("targets")) {
    TargetAssessment a;
    a.target = &t;
    std::string indicator = t.Text("indicator");
    auto obs = Observations(*f, t.Text("country"), indicator);
    if (!obs.empty()) {
      a.latest_year = obs.back().first;
      a.latest = obs.back().second;
      a.latest_value = *a.latest->Number("value");
      const bool is_rate = indicator.size() > 4 && indicator.ends_with("_pct");
      auto target_year = t.Int("target_year");
      if (!is_rate && target_year && *target_year > a.latest_year) {
        a.required_growth_pct = RequiredAnnualGrowthPct(
            a.latest_value, a.latest_year, *t.Number("target_value"), static_cast<int>(*target_year));
      }
      // The recent record: up to five years back from the latest observation.
      size_t first = obs.size() > 5 ? obs.size() - 6 : 0;
      if (is_rate) {
        size_t from = obs.size() > 5 ? obs.size() - 5 : 0;
        double sum = 0;
        for (size_t i = from; i < obs.size(); ++i) {
          sum += *obs[i].second->Number("value");
          a.recent_inputs.push_back(obs[i].second);
        }
        a.recent_years = static_cast<int>(obs.size() - from);
        if (a.recent_years >= 2) {
          a.recent_growth_pct = sum / a.recent_years;
          a.record_start = obs[from].second;
        }
      } else if (obs.size() >= 2) {
        a.record_start = obs[first].second;
        a.recent_years = a.latest_year - obs[first].first;
        a.recent_growth_pct = CompoundAnnualGrowthPct(*a.record_start->Number("value"),
                                                      a.latest_value, a.recent_years);
      }
    }
    f->targets.push_back(std::move(a));
  }
}

}  // namespace

const KindSpec& EventRecordKind() {
  static const KindSpec k{"events", "", "stored events",
                          {{"id", ColumnType::kText, true},
                           {"source_id", ColumnType::kSourceRef, true},
                           {"locator", ColumnType::kText, true}},
                          PairRule::kNone, {}};
  return k;
}

const KindSpec& AggregateRecordKind() {
  static const KindSpec k{"dyad_months", "", "stored event aggregates",
                          {{"id", ColumnType::kText, true},
                           {"source_id", ColumnType::kSourceRef, true},
                           {"locator", ColumnType::kText, true}},
                          PairRule::kNone, {}};
  return k;
}

const KindSpec& TradeRecordKind() {
  static const KindSpec k{"trade_flows", "", "stored trade flows",
                          {{"id", ColumnType::kText, true},
                           {"source_id", ColumnType::kSourceRef, true},
                           {"locator", ColumnType::kText, true}},
                          PairRule::kNone, {}};
  return k;
}

const KindSpec& TextRecordKind() {
  static const KindSpec k{"text_items", "", "facts extracted from texts",
                          {{"id", ColumnType::kText, true},
                           {"source_id", ColumnType::kSourceRef, true},
                           {"locator", ColumnType::kText, true}},
                          PairRule::kNone, {}};
  return k;
}

namespace {

Record MakeRecord(const KindSpec& kind, std::vector<Value> values, std::string origin_file, int origin_line) {
  Record r;
  r.kind = &kind;
  r.values = std::move(values);
  r.origin_file = std::move(origin_file);
  r.origin_line = origin_line;
  return r;
}

// File names, not paths: a report must not depend on where a workspace sits.
std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Status LoadPulse(store::SqliteDb* db, PairFacts* f) {
  BILAT_ASSIGN_OR_RETURN(std::vector<store::DatasetSummary> datasets, store::EventDatasets(db));
  for (const store::DatasetSummary& d : datasets) {
    EventPulse p;
    p.dataset = d.dataset;
    p.files = d.files;
    EventSeriesOptions o;
    o.dataset = d.dataset;
    BILAT_ASSIGN_OR_RETURN(p.ab, LoadEventSeries(db, f->a, f->b, o));
    BILAT_ASSIGN_OR_RETURN(p.ba, LoadEventSeries(db, f->b, f->a, o));
    if (p.ab.periods.empty() && p.ba.periods.empty()) continue;
    const bool gdelt = d.dataset == "gdelt";
    const std::string sid = "dataset-" + d.dataset;
    int last_month = 0;
    for (const auto* s : {&p.ab, &p.ba}) {
      for (const auto& m : s->periods) last_month = std::max(last_month, m.period);
    }
    const bool text = d.dataset == "text";
    std::string title = std::string(gdelt ? "GDELT event files" : text ? "Texts" : "ICEWS event files") +
                        " ingested into the workspace (" +
                        std::to_string(d.files) + (d.files == 1 ? " file: " : " files, ") + BaseName(d.first_path) +
                        (d.files > 1 ? " to " + BaseName(d.last_path) : "") + ")";
    p.source = MakeRecord(*FindKind("sources"),
                          {sid, title,
                           std::string(gdelt  ? "The GDELT Project"
                                       : text ? "bilat text extraction (bilat ingest text)"
                                              : "Integrated Crisis Early Warning System (ICEWS), Harvard Dataverse"),
                           text ? Value(std::monostate{})
                                : Value(std::string(gdelt ? "https://www.gdeltproject.org/"
                                                          : "https://dataverse.harvard.edu/dataverse/icews")),
                           text ? Value(std::string("events coded by bilat from the texts' sentences; each "
                                                    "text is cited where its facts are shown"))
                                : Value(std::monostate{}),
                           Date::Month(last_month / 100, last_month % 100).ToIso(), std::monostate{}},
                          "event_files", 0);
    p.ab_record = MakeRecord(AggregateRecordKind(), {d.dataset + "/" + f->a + "-" + f->b, sid,
                                                      "dyad_months src=" + f->a + " dst=" + f->b},
                             "bilat.db", 0);
    p.ba_record = MakeRecord(AggregateRecordKind(), {d.dataset + "/" + f->b + "-" + f->a, sid,
                                                      "dyad_months src=" + f->b + " dst=" + f->a},
                             "bilat.db", 0);
    BILAT_ASSIGN_OR_RETURN(p.top, TopEvents(db, d.dataset, f->a, f->b, 0, 10));
    for (const store::StoredEvent& e : p.top) {
      BILAT_ASSIGN_OR_RETURN(std::string path, store::EventFilePath(db, e.file_id));
      std::string file = path.substr(path.find_last_of('/') + 1);
      p.top_records.push_back(MakeRecord(EventRecordKind(),
                                         {d.dataset + "/" + std::to_string(e.event_id), sid,
                                          gdelt ? "GLOBALEVENTID " + std::to_string(e.event_id)
                                                : "Event ID " + std::to_string(e.event_id)},
                                         file, static_cast<int>(e.line)));
    }
    f->pulse.push_back(std::move(p));
  }
  return Status::Ok();
}

// WDI series that stand in for registry indicators (the outlook's inputs).
struct MacroSeries {
  const char* series;
  const char* indicator;
  bool usd;
};
constexpr MacroSeries kMacroSeries[] = {{"NY.GDP.MKTP.CD", "gdp", true},
                                        {"NY.GDP.MKTP.KD.ZG", "gdp_growth_pct", false},
                                        {"SP.POP.TOTL", "population", false},
                                        {"NY.GDP.PCAP.CD", "gdp_per_capita", true}};

void SetColumn(Record* r, std::string_view column, Value v) {
  int i = r->ColumnIndex(column);
  if (i >= 0) r->values[static_cast<size_t>(i)] = std::move(v);
}

// Ingested WDI observations of both countries become indicators records,
// cited to their file and line, after the registry's own rows (which win
// where both give the same year: see Observations).
Status LoadMacro(store::SqliteDb* db, PairFacts* f) {
  const KindSpec* kind = FindKind("indicators");
  std::vector<Record> added;
  std::set<std::string> files;
  int latest = 0;
  for (const std::string& country : {f->a, f->b}) {
    for (const MacroSeries& m : kMacroSeries) {
      BILAT_ASSIGN_OR_RETURN(std::vector<store::IndicatorValue> values, store::LoadIndicatorSeries(db, m.series, country));
      for (const store::IndicatorValue& v : values) {
        Record r;
        r.kind = kind;
        r.values.assign(kind->columns.size(), std::monostate{});
        const std::string file = BaseName(v.path);
        SetColumn(&r, "id", "wdi-" + std::string(m.series) + "-" + country + "-" + std::to_string(v.year));
        SetColumn(&r, "country", country);
        SetColumn(&r, "year", static_cast<long long>(v.year));
        SetColumn(&r, "indicator", std::string(m.indicator));
        SetColumn(&r, "series", std::string(m.series));
        SetColumn(&r, "value", v.value);
        if (m.usd) SetColumn(&r, "currency", std::string("USD"));
        SetColumn(&r, "scale", std::string("units"));
        SetColumn(&r, "source_id", std::string("dataset-wdi"));
        SetColumn(&r, "locator", file + " line " + std::to_string(v.line) + ", series " + m.series);
        r.origin_file = file;
        r.origin_line = static_cast<int>(v.line);
        files.insert(file);
        latest = std::max(latest, v.year);
        added.push_back(std::move(r));
      }
    }
  }
  if (added.empty()) return Status::Ok();
  std::string names;
  for (const std::string& n : files) names += (names.empty() ? "" : ", ") + n;
  f->sources.emplace("dataset-wdi",
                     MakeRecord(*FindKind("sources"),
                                {std::string("dataset-wdi"),
                                 "World Development Indicators files ingested into the workspace (" + names + ")",
                                 std::string("World Bank"),
                                 std::string("https://databank.worldbank.org/source/world-development-indicators"),
                                 std::monostate{}, std::to_string(latest), std::monostate{}},
                                "trade_files", 0));
  std::vector<Record>& list = f->records["indicators"];
  list.insert(list.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
  return Status::Ok();
}

Status LoadTradeStatistics(store::SqliteDb* db, PairFacts* f, TradeYearCache* cache) {
  BILAT_ASSIGN_OR_RETURN(std::vector<TradeReading> readings, LoadTradeReadings(db, f->a, f->b, cache));
  for (TradeReading& r : readings) {
    if (f->trade_stats.empty() || f->trade_stats.back().dataset != r.dataset) {
      f->trade_stats.push_back({});
      f->trade_stats.back().dataset = r.dataset;
    }
    TradeStatistics& ts = f->trade_stats.back();
    std::string names;
    for (const store::TradeFileSummary& file : r.files) names += (names.empty() ? "" : ", ") + BaseName(file.path);
    const std::string sid = "dataset-" + r.dataset;
    ts.year_records.push_back(MakeRecord(
        TradeRecordKind(),
        {r.dataset + "/" + f->a + "-" + f->b + "/" + std::to_string(r.year), sid,
         "trade_flows " + std::to_string(r.year) + " of " + f->a + " and " + f->b + " (bilat trade " + f->a + " " +
             f->b + " --dataset " + r.dataset + " --year " + std::to_string(r.year) + "), from " + names},
        r.files.empty() ? "bilat.db" : BaseName(r.files.front().path), 0));
    ts.readings.push_back(std::move(r));
  }
  for (TradeStatistics& ts : f->trade_stats) {
    BILAT_ASSIGN_OR_RETURN(std::vector<store::TradeFileSummary> files, store::TradeFiles(db, ts.dataset));
    const TradeDataset* info = FindTradeDataset(ts.dataset);
    std::string title = std::string(info ? info->title : ts.dataset) + " files ingested into the workspace (" +
                        std::to_string(files.size()) + (files.size() == 1 ? " file: " : " files: ");
    for (size_t i = 0; i < files.size() && i < 4; ++i) title += (i ? ", " : "") + BaseName(files[i].path);
    if (files.size() > 4) title += ", ...";
    title += ")";
    ts.source = MakeRecord(*FindKind("sources"),
                           {"dataset-" + ts.dataset, title, std::string(info ? info->publisher : ""),
                            std::string(info ? info->url : ""), std::string(info ? info->note : ""),
                            std::to_string(ts.readings.back().year), std::monostate{}},
                           "trade_files", 0);
    f->sources.emplace(ts.source.Text("id"), ts.source);
  }
  return Status::Ok();
}

Status LoadTexts(store::SqliteDb* db, PairFacts* f) {
  BILAT_ASSIGN_OR_RETURN(f->text_items, store::LoadTextItems(db, f->a, f->b));
  for (const store::TextItem& t : f->text_items) {
    const std::string sid = "text-" + std::to_string(t.file_id);
    if (!f->sources.count(sid)) {
      BILAT_ASSIGN_OR_RETURN(std::string path, store::EventFilePath(db, t.file_id));
      std::string host = t.url;
      if (size_t p = host.find("://"); p != std::string::npos) host = host.substr(p + 3);
      host = host.substr(0, host.find('/'));
      Result<Date> published = Date::Parse(t.doc_date.substr(0, 10));
      f->sources.emplace(sid, MakeRecord(*FindKind("sources"),
                                         {sid, t.doc_id, host.empty() ? std::string("text file") : host,
                                          t.url.empty() ? Value(std::monostate{}) : Value(t.url),
                                          Value(BaseName(path)), published.ok() ? Value(published->ToIso()) : Value(std::monostate{}),
                                          std::monostate{}},
                                         "text_items", 0));
    }
    f->text_records.push_back(MakeRecord(TextRecordKind(),
                                         {t.doc_id + "#" + std::to_string(t.item), sid,
                                          "chars " + std::to_string(t.evidence_begin) + "-" + std::to_string(t.evidence_end)},
                                         t.doc_id, 0));
  }
  return Status::Ok();
}

double UsdFromTextUnit(double value, const std::string& unit) {
  if (unit.find("trillion") != std::string::npos) return value * 1e12;
  if (unit.find("billion") != std::string::npos) return value * 1e9;
  if (unit.find("million") != std::string::npos) return value * 1e6;
  if (unit.find("thousand") != std::string::npos) return value * 1e3;
  return value;
}

// Every stated total-trade figure of the pair, checked against the others
// for the same year and period, and its stated growth against its source.
void DeriveClaims(PairFacts* f) {
  std::vector<TradeClaim> claims;
  for (const Record& r : f->Of("trade")) {
    const std::string flow = r.Text("flow");
    if (flow != "total" && flow != "export" && flow != "import") continue;
    std::string c = r.Text("currency");
    if (!c.empty() && c != "USD") continue;
    TradeClaim t;
    t.year = static_cast<int>(r.Int("year").value_or(0));
    t.period = r.Text("period");
    t.reporter = r.Text("reporter");
    // partner_a is the side the flow is stated from: its exports to, or
    // imports from, partner_b.
    if (flow == "export") {
      t.exporter = r.Text("partner_a");
      t.importer = r.Text("partner_b");
    } else if (flow == "import") {
      t.exporter = r.Text("partner_b");
      t.importer = r.Text("partner_a");
    }
    t.stated_as = flow == "total" ? "total" : flow == "export" ? "exports" : "imports";
    t.value_usd = r.Number("value").value_or(0);
    t.exact = r.Text("value_qualifier").empty() || r.Text("value_qualifier") == "exact";
    t.stated_growth_pct = r.Number("stated_growth_pct");
    t.record = &r;
    t.origin = "registry";
    claims.push_back(t);
  }
  for (size_t i = 0; i < f->text_items.size(); ++i) {
    const store::TextItem& it = f->text_items[i];
    if (it.kind != "trade" || !it.value || it.unit.find("USD") == std::string::npos) continue;
    TradeClaim t;
    if (it.subkind == "exports" || it.subkind == "imports") {
      // A goods flow: the actor is "FROM->TO"; only flows between the pair.
      size_t arrow = it.actor.find("->");
      if (arrow == std::string::npos) continue;
      t.exporter = it.actor.substr(0, arrow);
      t.importer = it.actor.substr(arrow + 2);
      bool pair = (t.exporter == f->a && t.importer == f->b) || (t.exporter == f->b && t.importer == f->a);
      if (!pair) continue;
    } else if (it.subkind != "total") {
      continue;
    }
    // A figure the text gives no year for cannot be set beside a year's
    // statistics; the report's table of extracted figures still lists it.
    if (it.date.empty()) continue;
    t.year = std::atoi(it.date.substr(0, 4).c_str());
    t.period = it.period;
    t.value_usd = UsdFromTextUnit(*it.value, it.unit);
    t.exact = it.qualifier.empty();
    t.stated_growth_pct = it.yoy_pct;
    t.record = &f->text_records[i];
    t.stated_as = it.subkind;
    t.origin = "text";
    claims.push_back(t);
  }
  std::stable_sort(claims.begin(), claims.end(), [](const TradeClaim& a, const TradeClaim& b) {
    return std::tie(a.year, a.period, a.exporter, a.importer) < std::tie(b.year, b.period, b.exporter, b.importer);
  });
  for (size_t i = 0; i < claims.size(); ++i) {
    ClaimCheck c;
    c.claim = claims[i];
    for (size_t j = 0; j < claims.size(); ++j) {
      if (j == i || !claims[j].SameQuantity(claims[i])) continue;
      if (!(claims[j].value_usd > 0)) continue;
      c.others.push_back({claims[j], 100.0 * (claims[i].value_usd / claims[j].value_usd - 1.0)});
    }
    // The previous year from the same source, else the same named reporter.
    if (c.claim.stated_growth_pct && c.claim.exact) {
      const TradeClaim* prev = nullptr;
      for (const TradeClaim& o : claims) {
        if (o.year != c.claim.year - 1 || o.period != c.claim.period || !o.exact) continue;
        if (o.exporter != c.claim.exporter || o.importer != c.claim.importer || o.stated_as != c.claim.stated_as) {
          continue;
        }
        bool same_source = o.record->Text("source_id") == c.claim.record->Text("source_id");
        bool same_reporter = !o.reporter.empty() && o.reporter == c.claim.reporter;
        if (same_source) {
          prev = &o;
          break;
        }
        if (same_reporter && !prev) prev = &o;
      }
      if (prev && prev->value_usd > 0) {
        c.computed_growth_pct = 100.0 * (c.claim.value_usd / prev->value_usd - 1.0);
        c.previous = prev->record;
      }
    }
    if (c.claim.period.empty() && c.claim.value_usd > 0) {
      for (const TradeStatistics& ts : f->trade_stats) {
        for (size_t k = 0; k < ts.readings.size(); ++k) {
          const TradeReading& r = ts.readings[k];
          if (r.year != c.claim.year) continue;
          auto add = [&](const std::string& reporter, double value, bool reported) {
            if (!reported || !(value > 0)) return;
            c.data.push_back({ts.dataset, reporter, value, 100.0 * (c.claim.value_usd / value - 1.0),
                              &ts.year_records[k]});
          };
          const bool baci = store::IsReconciledTradeDataset(ts.dataset);
          const std::string& who = c.claim.reporter;
          if (c.claim.is_total()) {
            auto total = [](const PartnerIndicators& p) { return p.totals.total(); };
            auto both = [](const PartnerIndicators& p) { return p.reports_exports && p.reports_imports; };
            if (baci) {
              add("", total(r.ab), both(r.ab));
            } else {
              if (who.empty() || who == f->a) add(f->a, total(r.ab), both(r.ab));
              if (who.empty() || who == f->b) add(f->b, total(r.ba), both(r.ba));
            }
          } else {
            // The flow exporter -> importer as each side states it.
            const bool from_a = c.claim.exporter == f->a;
            const PartnerIndicators& ex = from_a ? r.ab : r.ba;  // the exporter's statements
            const PartnerIndicators& im = from_a ? r.ba : r.ab;  // the importer's
            if (baci) {
              add("", ex.totals.exports, ex.reports_exports);
            } else {
              if (who.empty() || who == c.claim.exporter) add(c.claim.exporter, ex.totals.exports, ex.reports_exports);
              if (who.empty() || who == c.claim.importer) add(c.claim.importer, im.totals.imports, im.reports_imports);
            }
          }
        }
      }
    }
    if (!c.others.empty() || c.claim.stated_growth_pct || !c.data.empty()) f->claims.push_back(std::move(c));
  }
}

}  // namespace

bool IsInvestmentProject(const Record& r) {
  if (r.Text("status") == "troubled") return false;
  const std::string kind = r.Text("kind");
  const bool dataset = r.Text("id").find(':') != std::string::npos;
  return !(dataset && (kind == "loan" || kind == "grant" || kind == "aid"));
}

void PairFacts::RegisterPulseSources() {
  for (const EventPulse& p : pulse) sources.emplace(p.source.Text("id"), p.source);
}

const std::vector<Record>& PairFacts::Of(const std::string& kind) const {
  static const std::vector<Record> kEmpty;
  auto it = records.find(kind);
  return it == records.end() ? kEmpty : it->second;
}

void DeriveFigures(PairFacts* f) {
  f->trade.clear();
  f->mirror_gaps.clear();
  f->exchanges_per_year.clear();
  f->exchanges_by_date.clear();
  f->episodes.clear();
  f->project_groups.clear();
  f->partnership_levels.clear();
  f->sectors.clear();
  f->targets.clear();
  DeriveTrade(f);
  DeriveExchanges(f);
  DeriveSectors(f);
  DeriveTargets(f);
}

Result<PairFacts> LoadPairFacts(store::SqliteDb* db, const std::string& a, const std::string& b,
                                TradeYearCache* trade_cache) {
  PairFacts f;
  f.a = a;
  f.b = b;
  std::set<std::string> cited;
  for (const KindSpec& kind : RegistryKinds()) {
    if (kind.pair_rule == PairRule::kNone) continue;
    BILAT_ASSIGN_OR_RETURN(std::vector<Record> rows, store::LoadPairRecords(db, kind, a, b));
    f.records[std::string(kind.name)] = std::move(rows);
  }
  ApplyPrecedence(&f.records, &f.datasets);
  for (const auto& [kind, rows] : f.records) {
    for (const Record& r : rows) cited.insert(r.Text("source_id"));
  }
  for (const Superseded& s : f.datasets.superseded) cited.insert(s.record.Text("source_id"));
  BILAT_ASSIGN_OR_RETURN(std::vector<Record> sources, store::LoadRecords(db, *FindKind("sources")));
  for (Record& s : sources) {
    std::string id = s.Text("id");
    if (cited.count(id)) f.sources.emplace(id, std::move(s));
  }
  BILAT_RETURN_IF_ERROR(LoadDatasetFacts(db, a, b, &f.datasets));
  for (const auto& [id, s] : f.datasets.sources) f.sources.emplace(id, s);
  BILAT_RETURN_IF_ERROR(LoadMacro(db, &f));
  DeriveFigures(&f);
  BILAT_RETURN_IF_ERROR(LoadPulse(db, &f));
  f.RegisterPulseSources();
  BILAT_RETURN_IF_ERROR(LoadTexts(db, &f));
  BILAT_RETURN_IF_ERROR(LoadTradeStatistics(db, &f, trade_cache));
  DeriveClaims(&f);
  return f;
}

}  // namespace bilat::measure
