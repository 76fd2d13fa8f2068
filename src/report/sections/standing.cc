// The standing and trajectory section: where the pair stands among all the
// partners of the report's first country on both axes of the relations
// index, what moved it, where the axes, trade and the event balance are
// heading, and what the forecasts say of the stated trade targets.
//
// Every figure cites the index's component records, each naming the files
// its values come from (docs/index.md), or the forecast record (docs/forecasts.md).
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "index/standing.h"
#include "report/format.h"
#include "report/sections/sections.h"
#include "report/svg_chart.h"

namespace bilat::report::sections {
namespace {

using index::AxisScore;
using index::ComponentScore;
using index::IndexRow;
using index::SeriesKind;

const KindSpec& IndexRecordKind() {
  static const KindSpec k{"index", "", "relations index components",
                          {{"id", ColumnType::kText, true},
                           {"source_id", ColumnType::kSourceRef, true},
                           {"locator", ColumnType::kText, true}},
                          PairRule::kNone, {}};
  return k;
}

Record MakeRecord(const KindSpec& kind, std::vector<Value> values) {
  Record r;
  r.kind = &kind;
  r.values = std::move(values);
  r.origin_file = "bilat.db";
  r.origin_line = 0;
  return r;
}

std::string Ordinal(int n) {
  const int tens = n % 100, ones = n % 10;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th" : ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

std::string Signed(double v, int decimals) { return (v > 0 ? "+" : "") + FormatFixed(v, decimals); }

std::string ComponentFiles(const index::ComponentValues* c) {
  std::string out;
  if (!c) return out;
  for (const std::string& f : c->files) out += (out.empty() ? "" : ", ") + f;
  return out;
}

// The records and sources a section about one pair cites: one source per
// component (the index's reading of a dataset), one record per component of
// the pair, and one for the forecasts.
class IndexCitations {
 public:
  IndexCitations(ReportWriter& w, const index::SeriesStanding& st, const std::string& a, const std::string& b)
      : w_(w), st_(st), a_(a), b_(b) {
    records_.reserve(index::ComponentSpecs().size() + 1);
  }

  const Record* Component(const ComponentScore& c, int year) {
    const std::string key = c.spec->id + "/" + std::to_string(year);
    if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
    const index::ComponentValues* values = st_.Component(c.spec->id);
    const std::string sid = "index:" + c.spec->id;
    if (!added_.count(sid)) {
      added_.insert(sid);
      const index::ComponentScale* scale = nullptr;
      for (const auto& s : st_.index.scales) {
        if (s.spec == c.spec) scale = &s;
      }
      w_.AddSource(MakeRecord(*FindKind("sources"),
                              {sid, "bilat relations index of " + a_ + ", component \"" + c.spec->label + "\"",
                               std::string("bilat, computed from ") + c.spec->measures + " (" + ComponentFiles(values) +
                                   ")",
                               std::monostate{},
                               std::string("normalised over ") + std::to_string(scale ? scale->values : 0) +
                                   " partner-years of the series, " + std::to_string(values ? values->first_year : 0) +
                                   "-" + std::to_string(values ? values->last_year : 0) + "; method in docs/index.md",
                               Date::Year(values && values->last_year ? values->last_year : year).ToIso(),
                               std::monostate{}}));
    }
    std::string locator = std::to_string(year) + ": " + c.spec->label + " " + FormatNumber(c.raw, 3) + " (" +
                          c.spec->unit + "), normalised " + FormatFixed(c.normalised, 2) + ", weight " +
                          FormatNumber(c.weight, 2);
    if (c.carried) locator += ", carried from " + std::to_string(c.from_year);
    records_.push_back(MakeRecord(IndexRecordKind(), {a_ + "-" + b_ + "/" + key, sid, locator}));
    by_key_[key] = &records_.back();
    return &records_.back();
  }

  std::vector<const Record*> Axis(const IndexRow& row, index::Axis axis) {
    std::vector<const Record*> out;
    for (const ComponentScore& c : row.components) {
      if (c.spec->axis == axis) out.push_back(Component(c, row.year));
    }
    return out;
  }

  const Record* Forecast() {
    if (forecast_) return forecast_;
    w_.AddSource(MakeRecord(*FindKind("sources"),
                            {std::string("index:forecasts"), "bilat forecasts of " + a_ + "'s series",
                             std::string("bilat: damped-trend exponential smoothing or the naive forecast, chosen by "
                                         "rolling-origin backtest; intervals from the pooled backtest errors of every "
                                         "partner (docs/forecasts.md)"),
                             std::monostate{}, std::monostate{}, Date::Year(st_.index.last_year).ToIso(),
                             std::monostate{}}));
    records_.push_back(MakeRecord(IndexRecordKind(), {a_ + "-" + b_ + "/forecasts", std::string("index:forecasts"),
                                                      std::string("bilat trajectory ") + a_ + " " + b_}));
    forecast_ = &records_.back();
    return forecast_;
  }

 private:
  ReportWriter& w_;
  const index::SeriesStanding& st_;
  std::string a_, b_;
  std::vector<Record> records_;  // reserved: pointers stay valid
  std::map<std::string, const Record*> by_key_;
  std::set<std::string> added_;
  const Record* forecast_ = nullptr;
};

// "ranks 3rd of 180 partners on weight (score 1.21, band 0.9 to 1.5)".
void AxisClause(ReportWriter& w, Prose* p, const AxisScore& s, int scored, const std::vector<const Record*>& cite,
                const char* axis) {
  w.T(p, "ranks ");
  w.F(p, Ordinal(*s.rank), cite);
  w.T(p, " of ");
  w.F(p, std::to_string(scored), cite);
  w.T(p, std::string(" on ") + axis + " (score ");
  w.F(p, FormatFixed(*s.score, 2), cite);
  if (s.high > s.low) {
    w.T(p, ", between ");
    w.F(p, FormatFixed(s.low, 2), cite);
    w.T(p, " and ");
    w.F(p, FormatFixed(s.high, 2), cite);
    w.T(p, " leaving out any one component");
  }
  w.T(p, ")");
  if (s.rank_change && *s.rank_change != 0) {
    w.T(p, ", ");
    w.F(p, CountWord(std::abs(*s.rank_change)), cite);
    w.T(p, std::string(*s.rank_change > 0 ? " places higher" : " places lower") + " than the year before");
  }
}

// The components that moved an axis most between two rows: the change in
// each component's share of the weighted mean.
void MoversParagraph(ReportWriter& w, Section& s, IndexCitations& cites, const IndexRow& then, const IndexRow& now,
                     index::Axis axis, const char* axis_name) {
  struct Move {
    const ComponentScore* now;
    const ComponentScore* then;
    double delta;
  };
  double weights = 0;
  for (const ComponentScore& c : now.components) {
    if (c.spec->axis == axis) weights += c.weight;
  }
  std::vector<Move> moves;
  for (const ComponentScore& c : now.components) {
    if (c.spec->axis != axis) continue;
    for (const ComponentScore& o : then.components) {
      if (o.spec == c.spec) moves.push_back({&c, &o, c.weight * (c.normalised - o.normalised) / weights});
    }
  }
  std::stable_sort(moves.begin(), moves.end(),
                   [](const Move& x, const Move& y) { return std::fabs(x.delta) > std::fabs(y.delta); });
  while (!moves.empty() && std::fabs(moves.back().delta) < 0.005) moves.pop_back();
  if (moves.empty()) return;
  if (moves.size() > 3) moves.resize(3);
  Prose p;
  w.T(&p, "Between ");
  w.F(&p, std::to_string(then.year), {cites.Component(*moves.front().then, then.year)});
  w.T(&p, " and ");
  w.F(&p, std::to_string(now.year), {cites.Component(*moves.front().now, now.year)});
  w.T(&p, std::string(", the components that moved the ") + axis_name + " score most were ");
  AppendList(moves.size(), [&](size_t i) {
    const Move& m = moves[i];
    w.T(&p, m.now->spec->label + " (");
    w.F(&p, Signed(m.delta, 2), {cites.Component(*m.then, then.year), cites.Component(*m.now, now.year)});
    w.T(&p, ")");
  }, &p);
  w.T(&p, "; each figure is the component's change in its share of the axis score, shared components only.");
  w.Add(s, std::move(p));
}

FanSeries FanOf(const index::PartnerSeries& ps, SeriesKind kind, size_t horizons) {
  FanSeries f;
  auto shown = [&](double v) { return index::IsLogUsd(kind) ? index::TradeUsd(v) / 1e9 : v; };
  // The last twenty periods: enough to see the trend, few enough to read.
  const size_t from = ps.values.size() > 20 ? ps.values.size() - 20 : 0;
  for (size_t i = from; i < ps.values.size(); ++i) {
    f.periods.push_back(ps.periods[i]);
    f.values.push_back(shown(ps.values[i]));
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (size_t i = 0; i < std::min(horizons, ps.forecast.points.size()); ++i) {
    const index::ForecastPoint& pt = ps.forecast.points[i];
    f.forecast_periods.push_back(ps.forecast_periods[i]);
    f.mean.push_back(shown(pt.mean));
    f.lo.push_back(pt.interval ? shown(pt.lo80) : nan);
    f.hi.push_back(pt.interval ? shown(pt.hi80) : nan);
  }
  return f;
}

std::string ShownValue(SeriesKind kind, double v) {
  return index::IsLogUsd(kind) ? FormatUsd(index::TradeUsd(v)) : FormatFixed(v, 2);
}

void ForecastParagraph(ReportWriter& w, Section& s, IndexCitations& cites, const index::KindTrajectories& k,
                       const index::PartnerSeries& ps, const std::string& what) {
  const Record* rec = cites.Forecast();
  const size_t horizons = k.monthly ? std::min<size_t>(6, ps.forecast.points.size())
                                    : std::min<size_t>(3, ps.forecast.points.size());
  if (horizons == 0) return;
  const index::ForecastPoint& last = ps.forecast.points[horizons - 1];
  Prose p;
  w.T(&p, Capitalise(what) + ": from ");
  w.F(&p, ShownValue(k.kind, ps.values.back()), {rec});
  w.T(&p, " in ");
  w.F(&p, ps.periods.back(), {rec});
  w.T(&p, ", the forecast for ");
  w.F(&p, ps.forecast_periods[horizons - 1], {rec});
  w.T(&p, " is ");
  w.F(&p, ShownValue(k.kind, last.mean), {rec});
  if (last.interval) {
    w.T(&p, " (");
    w.F(&p, "80%", {rec});
    w.T(&p, " interval ");
    w.F(&p, ShownValue(k.kind, last.lo80), {rec});
    w.T(&p, " to ");
    w.F(&p, ShownValue(k.kind, last.hi80), {rec});
    w.T(&p, ")");
  }
  if (ps.forecast.method == index::ForecastMethod::kDampedTrend) {
    w.T(&p, ", from a damped trend, which beat the no-change forecast in this series' backtest (scaled error ");
    w.F(&p, FormatFixed(ps.backtest.mase_method, 2), {rec});
    w.T(&p, " against ");
    w.F(&p, FormatFixed(ps.backtest.mase_naive, 2), {rec});
    w.T(&p, ").");
  } else if (ps.backtest.origins > 0) {
    w.T(&p, ": no change, because a damped trend did not beat the no-change forecast in this series' backtest "
            "(scaled error ");
    w.F(&p, FormatFixed(ps.backtest.mase_method, 2), {rec});
    w.T(&p, " against ");
    w.F(&p, FormatFixed(ps.backtest.mase_naive, 2), {rec});
    w.T(&p, ").");
  } else {
    w.T(&p, ": no change, because the series is too short to backtest a trend.");
  }
  w.Add(s, std::move(p));
}

// Stated targets of a level in USD (total trade of the pair, a country's
// GDP): the probability the forecast of that series gives of reaching it.
void TargetsParagraph(ReportWriter& w, Section& s, IndexCitations& cites, const index::Trajectories& trajectories) {
  const measure::PairFacts& f = w.facts();
  for (const measure::TargetAssessment& a : f.targets) {
    const Record* t = a.target;
    const std::string indicator = t->Text("indicator");
    const bool trade = indicator == "trade_total";
    if (!trade && indicator != "gdp") continue;
    auto value = t->Number("target_value");
    const int year = static_cast<int>(t->Number("target_year").value_or(0));
    if (!value || year == 0) continue;
    const std::string currency = t->Text("currency").empty() ? "USD" : t->Text("currency");
    const index::KindTrajectories& k = trajectories.Of(trade ? SeriesKind::kTrade : SeriesKind::kGdp);
    const std::string whose = trade ? f.b : t->Text("country");
    const index::PartnerSeries* ps = k.Of(whose);
    const std::string what = trade ? "trade between " + w.pa() + " and " + w.pb() : w.Name(whose) + "'s GDP";
    Prose p;
    w.T(&p, "The stated target of ");
    w.F(&p, FormatMoney(*value, currency), {t});
    w.T(&p, " of " + what + " by ");
    w.F(&p, std::to_string(year), {t});
    if (!ps || currency != "USD") {
      w.T(&p, ps ? " is in another currency than the series and is not assessed here."
                 : " cannot be assessed: the workspace holds no series of it long enough to forecast.");
      w.Add(s, std::move(p));
      continue;
    }
    const int last = std::stoi(ps->periods.back());
    const int horizon = year - last;
    const Record* rec = cites.Forecast();
    std::optional<double> prob;
    if (horizon >= 1) prob = index::ProbabilityAtLeast(ps->forecast, k.intervals, horizon, index::TradeModelled(*value));
    if (!prob) {
      w.T(&p, " lies ");
      w.F(&p, CountWord(std::abs(horizon)), {rec});
      w.T(&p, horizon >= 1 ? " years after the last year of the series, beyond the horizons its backtest can vouch "
                             "for; no probability is given."
                           : " years before the end of the series; the outcome is in the data.");
    } else {
      w.T(&p, std::string(" is ") + (*prob >= 0.5 ? "on track" : "off track") + ": the forecast of " + what +
                  " gives it a ");
      w.F(&p, FormatFixed(100 * *prob, 0) + "%", {rec});
      w.T(&p, " chance of being met (");
      w.F(&p, FormatUsd(index::TradeUsd(ps->values.back())), {rec});
      w.T(&p, " in ");
      w.F(&p, std::to_string(last), {rec});
      w.T(&p, ", forecast ");
      w.F(&p, FormatUsd(index::TradeUsd(ps->forecast.points[static_cast<size_t>(horizon - 1)].mean)), {rec});
      w.T(&p, std::string(" for the target year, ") +
                  (ps->forecast.method == index::ForecastMethod::kDampedTrend
                       ? "from a damped trend"
                       : "the last value carried forward, because a damped trend did not beat that on this series") +
                  "; the spread of outcomes comes from the backtest errors of every series of the same kind).");
    }
    w.Add(s, std::move(p));
  }
}

}  // namespace

void Standing(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("standing", "Standing and trajectory");
  const index::SeriesStanding* st = w.standing();
  const IndexRow* row = nullptr;
  if (st) {
    const int year = st->index.default_year;
    for (const IndexRow* r : st->index.Partner(f.b)) {
      if (r->year <= year && (r->weight.score || r->warmth.score)) row = r;
    }
  }
  if (!row) {
    Prose p;
    w.T(&p, "The relations index places every partner of " + w.pa() +
                " on two axes, weight and warmth; the workspace holds none of the datasets it reads for this pair.");
    w.Add(s, std::move(p));
    return;
  }
  IndexCitations cites(w, *st, f.a, f.b);
  const auto weight_cite = cites.Axis(*row, index::Axis::kWeight);
  const auto warmth_cite = cites.Axis(*row, index::Axis::kWarmth);
  std::vector<const IndexRow*> year_rows = st->index.Year(row->year);
  int weight_scored = 0, warmth_scored = 0;
  for (const IndexRow* r : year_rows) weight_scored += r->weight.score ? 1 : 0, warmth_scored += r->warmth.score ? 1 : 0;

  Prose p;
  w.T(&p, "The relations index places each partner of " + w.pa() + " on two axes that are never averaged: the "
          "weight of the relationship (trade, investment, official finance, high-level visits, diplomatic posts, "
          "people-to-people ties) and its warmth (UN votes, the balance of event coverage, partnership level, visa "
          "openness, Belt and Road membership). Scores are standard deviations from the average partner-year of "
          "the series. In ");
  w.F(&p, std::to_string(row->year), weight_cite.empty() ? warmth_cite : weight_cite);
  w.T(&p, ", " + w.pb() + " ");
  bool any = false;
  if (row->weight.score && row->weight.rank) {
    AxisClause(w, &p, row->weight, weight_scored, weight_cite, "weight");
    any = true;
  }
  if (row->warmth.score && row->warmth.rank) {
    if (any) w.T(&p, ", and ");
    AxisClause(w, &p, row->warmth, warmth_scored, warmth_cite, "warmth");
    if (auto reading = index::ReadWarmth(row->warmth, st->index.settings.normalisation)) {
      w.T(&p, ": level ");
      w.F(&p, (reading->level > 0 ? "+" : "") + std::to_string(reading->level), warmth_cite);
      w.T(&p, " on a scale from minus nine to plus nine, " +
                  (reading->level == 0 ? "about as warm as " + w.pa() + "'s average partner-year"
                                       : reading->name + " than " + w.pa() + "'s average partner-year"));
    }
  }
  w.T(&p, ".");
  if (!row->missing.empty()) {
    w.T(&p, " Not measured for the pair that year, and left out rather than counted as zero: ");
    AppendList(row->missing.size(), [&](size_t i) {
      const index::ComponentSpec* spec = index::FindComponent(row->missing[i]);
      w.T(&p, spec ? spec->label : row->missing[i]);
    }, &p);
    w.T(&p, ".");
  }
  w.Add(s, std::move(p));

  // Every partner that year, this one marked.
  std::vector<ScatterPoint> points;
  for (const IndexRow* r : year_rows) {
    if (!r->weight.score || !r->warmth.score) continue;
    points.push_back({w.Name(r->partner), *r->weight.score, *r->warmth.score, r->partner == f.b});
  }
  if (points.size() >= 3 && row->weight.score && row->warmth.score) {
    s.blocks.emplace_back(Chart{
        "standing-scatter",
        "Partners of " + w.Name(f.a) + " in " + std::to_string(row->year) + ": weight and warmth",
        ScatterChart("Partners of " + w.Name(f.a) + " in " + std::to_string(row->year), points,
                     "weight (standard deviations)", "warmth (standard deviations)"),
        std::to_string(points.size()) + " partners scored on both axes in " + std::to_string(row->year) + "; " +
            w.Name(f.b) + " at weight " + FormatFixed(*row->weight.score, 2) + ", warmth " +
            FormatFixed(*row->warmth.score, 2) + "."});
  }

  // What moved it: against the pair's row five years before (or the earliest after).
  const IndexRow* then = nullptr;
  for (const IndexRow* r : st->index.Partner(f.b)) {
    if (r->year >= row->year - 5 && r->year < row->year) {
      then = r;
      break;
    }
  }
  if (then) {
    MoversParagraph(w, s, cites, *then, *row, index::Axis::kWeight, "weight");
    MoversParagraph(w, s, cites, *then, *row, index::Axis::kWarmth, "warmth");
  }

  // The components that year.
  Table t{"Components of the index for " + w.Name(f.b) + " in " + std::to_string(row->year),
          {"Axis", "Component", "Value", "Normalised", "Weight"},
          {}};
  for (const ComponentScore& c : row->components) {
    const Record* rec = cites.Component(c, row->year);
    t.rows.push_back({w.Cell(std::string(index::AxisName(c.spec->axis))), w.Cell(c.spec->label),
                      w.CellFig(c.spec->unit == "USD" ? FormatUsd(c.raw) : FormatNumber(c.raw, 2), rec),
                      w.CellFig(FormatFixed(c.normalised, 2), rec), w.CellFig(FormatNumber(c.weight, 2), rec)});
  }
  s.blocks.emplace_back(std::move(t));

  // Trajectories.
  struct KindText {
    SeriesKind kind;
    const char* what;
    const char* axis;
  };
  for (const KindText& kt : {KindText{SeriesKind::kWeight, "the weight score", "weight score"},
                             KindText{SeriesKind::kWarmth, "the warmth score", "warmth score"},
                             KindText{SeriesKind::kTrade, "trade both ways", "$ billion"},
                             KindText{SeriesKind::kEvents, "the monthly balance of event coverage", "balance"}}) {
    const index::KindTrajectories& k = st->trajectories.Of(kt.kind);
    const index::PartnerSeries* ps = k.Of(f.b);
    if (!ps || ps->forecast.points.empty()) continue;
    ForecastParagraph(w, s, cites, k, *ps, kt.what);
    const size_t horizons = k.monthly ? 6 : 3;
    s.blocks.emplace_back(Chart{"standing-" + std::string(index::SeriesKindName(kt.kind)),
                                Capitalise(kt.what) + " and its forecast",
                                FanChart(Capitalise(kt.what) + " and its forecast", FanOf(*ps, kt.kind, horizons), kt.axis),
                                Capitalise(kt.what) + " from " + ps->periods.front() + " to " + ps->periods.back() +
                                    ", with the forecast and its 80% interval for the next " +
                                    std::to_string(std::min(horizons, ps->forecast.points.size())) +
                                    (k.monthly ? " months." : " years.")});
  }
  TargetsParagraph(w, s, cites, st->trajectories);
}

}  // namespace bilat::report::sections
