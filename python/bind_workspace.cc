// Workspace queries for Python: each function calls one use case of
// src/app/ (the same one the CLI command calls) with the GIL released, then
// converts its answer into columns (bindings.h) with the GIL held. Column
// names follow the CLI's JSON and CSV output, so a DataFrame and `bilat ...
// --format json` name a figure alike.
#include <pybind11/stl.h>

#include <memory>
#include <string>

#include "app/query_events.h"
#include "app/query_index.h"
#include "app/query_trade.h"
#include "app/write_report.h"
#include "index/components.h"
#include "python/bindings.h"
#include "store/workspace.h"

namespace bilat::python {
namespace {

// Checks that `dir` is a workspace bilat can read: FileNotFoundError when it
// is not one (no bilat.db), else the error the store gives. Returns `dir`.
std::string OpenWorkspace(const std::string& dir) {
  Result<std::unique_ptr<store::Workspace>> ws = [&] {
    py::gil_scoped_release release;
    return store::Workspace::OpenForReading(dir);
  }();
  if (!ws.ok()) {
    if (ws.status().code() == StatusCode::kNotFound) throw PyError{PyExc_FileNotFoundError, ws.status().message()};
    Raise(ws.status());
  }
  return dir;
}

// ---- events ------------------------------------------------------------

py::dict Events(const std::string& workspace, const std::string& a, const std::string& b, const std::string& dataset,
                bool yearly, bool root_only, int min_sources, bool one_a_day) {
  app::EventsQuery q;
  q.workspace = workspace;
  q.a = a;
  q.b = b;
  q.series.dataset = dataset;
  q.series.yearly = yearly;
  q.series.root_only = root_only;
  q.series.min_sources = min_sources;
  q.series.one_a_day = one_a_day;
  const CountryRegistry& countries = Countries();
  app::EventsAnswer answer = Take([&] {
    py::gil_scoped_release release;
    return app::QueryEvents(q, countries);
  }());
  Table t{"src", "dst", "dataset", "period", "events", "q1", "q2", "q3", "q4", "goldstein_mean", "net_cooperation",
          "mentions", "sources", "articles", "tone", "share_of_src", "share_of_dst"};
  for (const measure::EventSeries* s : {&answer.ab, &answer.ba}) {
    for (const measure::EventPeriod& p : s->periods) {
      t.Row({py::str(s->src), py::str(s->dst), py::str(s->dataset), py::int_(p.period), py::int_(p.events),
             py::int_(p.q[0]), py::int_(p.q[1]), py::int_(p.q[2]), py::int_(p.q[3]), py::float_(p.GoldsteinMean()),
             py::float_(p.NetCooperation()), py::int_(p.mentions), py::int_(p.sources), py::int_(p.articles),
             Opt(p.Tone()), Opt(p.ShareOfSrc()), Opt(p.ShareOfDst())});
    }
  }
  py::dict out;
  out["a"] = answer.ab.src;
  out["b"] = answer.ab.dst;
  out["from_whole_events"] = answer.ab.from_whole_events;
  out["rows"] = t.ToDict();
  return out;
}

// ---- trade -------------------------------------------------------------

py::object Standing(const std::optional<measure::PartnerStanding>& s, int field) {
  if (!s) return py::none();
  if (field == 0) return py::float_(s->share_pct);
  return py::int_(field == 1 ? s->rank : s->partners);
}

py::object MirrorField(const std::optional<measure::Mirror>& m, int field) {
  if (!m) return py::none();
  return py::float_(field == 0 ? m->exports_reported_by_a : field == 1 ? m->imports_reported_by_b : m->gap_pct);
}

py::dict IndicatorRows(const app::TradeAnswer& answer) {
  Table t{"dataset", "year", "country", "partner", "exports_usd", "imports_usd", "total_usd", "balance_usd",
          "total_growth_pct", "partner_share_pct", "partner_rank", "partner_partners", "country_share_pct",
          "country_rank", "country_partners", "intensity", "complementarity", "grubel_lloyd", "hhi", "top_chapters",
          "mirror_exports_reported", "mirror_exports_partner_reported", "mirror_exports_gap_pct",
          "mirror_imports_reported", "mirror_imports_partner_reported", "mirror_imports_gap_pct"};
  for (const app::TradeIndicatorRow& r : answer.rows) {
    const measure::PartnerIndicators& p = r.p;
    // A flow the data do not give at all is None, not zero (as in the CLI).
    const bool both = p.reports_exports && p.reports_imports;
    py::dict chapters;
    if (p.concentration) {
      for (const auto& [chapter, share] : p.concentration->top_chapters) chapters[py::str(chapter)] = 100.0 * share;
    }
    t.Row({py::str(r.dataset), py::int_(r.year), py::str(answer.a), py::str(p.partner),
           p.reports_exports ? py::object(py::float_(p.totals.exports)) : py::object(py::none()),
           p.reports_imports ? py::object(py::float_(p.totals.imports)) : py::object(py::none()),
           both ? py::object(py::float_(p.totals.total())) : py::object(py::none()),
           both ? py::object(py::float_(p.totals.balance())) : py::object(py::none()), Opt(r.total_growth_pct),
           Standing(p.standing, 0), Standing(p.standing, 1), Standing(p.standing, 2),
           Standing(p.partner_standing, 0), Standing(p.partner_standing, 1), Standing(p.partner_standing, 2),
           Opt(p.intensity), Opt(p.complementarity), Opt(p.grubel_lloyd),
           p.concentration ? py::object(py::float_(p.concentration->hhi)) : py::object(py::none()), chapters,
           MirrorField(p.mirror_exports, 0), MirrorField(p.mirror_exports, 1), MirrorField(p.mirror_exports, 2),
           MirrorField(p.mirror_imports, 0), MirrorField(p.mirror_imports, 1), MirrorField(p.mirror_imports, 2)});
  }
  return t.ToDict();
}

py::object RecordId(const Record* r) { return r ? Text(r->Text("id")) : py::object(py::none()); }

py::dict StatedRows(const app::TradeAnswer& answer) {
  Table t{"dataset", "country", "partner", "year", "period", "reporter", "flow", "exporter", "importer", "value",
          "currency", "qualifier", "stated_growth_pct", "computed_growth_pct", "computed_growth_from",
          "mirror_gap_pct", "mirror_gap_with", "id", "source_id", "locator", "registry"};
  for (const app::StatedTradeFigure& s : answer.stated) {
    const Record* mirror_with = nullptr;
    if (s.mirror) mirror_with = s.mirror->a == s.record ? s.mirror->b : s.mirror->a;
    t.Row({py::str(app::kStatedDataset), py::str(answer.a), py::str(answer.b), py::int_(s.year), Text(s.period),
           Text(s.reporter), py::str(s.flow), Text(s.exporter), Text(s.importer), py::float_(s.value),
           py::str(s.currency), py::str(s.qualifier), Opt(s.stated_growth_pct), Opt(s.computed_growth_pct),
           RecordId(s.growth_from), s.mirror ? py::object(py::float_(s.mirror->gap_pct)) : py::object(py::none()),
           RecordId(mirror_with), py::str(s.record->Text("id")), Text(s.record->Text("source_id")),
           Text(s.record->Text("locator")), py::str(s.record->Origin())});
  }
  return t.ToDict();
}

py::dict Trade(const std::string& workspace, const std::string& a, const std::string& b, const std::string& dataset,
               int year) {
  app::TradeQuery q;
  q.workspace = workspace;
  q.a = a;
  q.b = b;
  q.dataset = dataset;
  q.year = year;
  const CountryRegistry& countries = Countries();
  app::TradeAnswer answer = Take([&] {
    py::gil_scoped_release release;
    return app::QueryTrade(q, countries);
  }());
  py::dict out;
  out["a"] = answer.a;
  out["b"] = answer.b;
  out["flows_ingested"] = answer.flows_ingested;
  out["rows"] = IndicatorRows(answer);
  out["stated"] = StatedRows(answer);
  return out;
}

// ---- relations index and trajectories ----------------------------------

app::IndexQuery IndexQueryOf(const std::string& workspace, const std::string& a, const std::string& b, int year,
                             const std::string& weights) {
  app::IndexQuery q;
  q.workspace = workspace;
  q.a = a;
  q.b = b;
  q.year = year;
  q.weights_path = weights;
  return q;
}

py::dict Index(const std::string& workspace, const std::string& a, const std::string& b, int year,
               const std::string& weights) {
  app::IndexQuery q = IndexQueryOf(workspace, a, b, year, weights);
  const CountryRegistry& countries = Countries();
  std::unique_ptr<app::IndexAnswer> answer = Take([&] {
    py::gil_scoped_release release;
    return app::QueryIndex(q, countries);
  }());
  const index::Normalisation norm = answer->index.settings.normalisation;
  std::vector<std::string> names = {"partner",     "year",          "weight",       "weight_low",
                                    "weight_high", "weight_rank",   "weight_rank_change", "warmth",
                                    "warmth_low",  "warmth_high",   "warmth_rank",  "warmth_rank_change",
                                    "warmth_level", "warmth_reading"};
  for (const index::ComponentSpec& s : index::ComponentSpecs()) {
    names.push_back(s.id);
    names.push_back(s.id + "_normalised");
  }
  names.push_back("missing");
  Table t(names);
  // The band of an axis only exists with its score.
  auto band = [](const index::AxisScore& s, double v) { return s.score ? py::object(py::float_(v)) : py::object(py::none()); };
  for (const index::IndexRow* r : answer->rows) {
    auto reading = index::ReadWarmth(r->warmth, norm);
    std::vector<py::object> row = {py::str(r->partner), py::int_(r->year), Opt(r->weight.score),
                                   band(r->weight, r->weight.low), band(r->weight, r->weight.high),
                                   Opt(r->weight.rank), Opt(r->weight.rank_change), Opt(r->warmth.score),
                                   band(r->warmth, r->warmth.low), band(r->warmth, r->warmth.high),
                                   Opt(r->warmth.rank), Opt(r->warmth.rank_change),
                                   reading ? py::object(py::int_(reading->level)) : py::object(py::none()),
                                   reading ? py::object(py::str(reading->name)) : py::object(py::none())};
    for (const index::ComponentSpec& s : index::ComponentSpecs()) {
      const index::ComponentScore* c = nullptr;
      for (const index::ComponentScore& x : r->components) {
        if (x.spec == &s) c = &x;
      }
      row.push_back(c ? py::object(py::float_(c->raw)) : py::object(py::none()));
      row.push_back(c ? py::object(py::float_(c->normalised)) : py::object(py::none()));
    }
    row.push_back(py::cast(r->missing));
    t.Row(std::move(row));
  }
  Table months{"partner", "month", "event_balance", "normalised", "days"};
  for (const index::MonthlyReading& m : answer->months) {
    months.Row({py::str(answer->b), py::str(m.month), py::float_(m.raw), py::float_(m.normalised), py::int_(m.rows)});
  }
  py::dict out;
  out["a"] = answer->a;
  out["b"] = answer->b;
  out["year"] = answer->year;
  out["normalisation"] = norm == index::Normalisation::kZScore ? "z" : "minmax";
  out["weights"] = answer->index.settings.path;
  out["rows"] = t.ToDict();
  out["months"] = months.ToDict();
  return out;
}

py::dict Trajectory(const std::string& workspace, const std::string& a, const std::string& b,
                    const std::string& weights) {
  app::IndexQuery q = IndexQueryOf(workspace, a, b, 0, weights);
  const CountryRegistry& countries = Countries();
  std::unique_ptr<app::TrajectoryAnswer> answer = Take([&] {
    py::gil_scoped_release release;
    return app::QueryTrajectory(q, countries);
  }());
  // Values on the scale users read: USD for trade and GDP, else as modelled.
  auto shown = [](index::SeriesKind kind, double v) { return index::IsLogUsd(kind) ? index::TradeUsd(v) : v; };
  py::dict out;
  out["a"] = answer->a;
  out["b"] = answer->b;
  if (!answer->b.empty()) {
    // The pair: each series' history and forecast, one row per period.
    Table t{"partner", "series", "unit", "part", "period", "horizon", "value", "lo80", "hi80", "method",
            "fell_back_to_naive"};
    for (const index::KindTrajectories& k : answer->trajectories.kinds) {
      const index::PartnerSeries* s = k.Of(answer->b);
      if (!s) continue;
      const std::string series(index::SeriesKindName(k.kind));
      const char* unit = index::IsLogUsd(k.kind) ? "USD" : k.kind == index::SeriesKind::kEvents ? "balance" : "score";
      const std::string method(index::ForecastMethodName(s->forecast.method));
      for (size_t i = 0; i < s->values.size(); ++i) {
        t.Row({py::str(answer->b), py::str(series), py::str(unit), py::str("history"), py::str(s->periods[i]),
               py::none(), py::float_(shown(k.kind, s->values[i])), py::none(), py::none(), py::none(), py::none()});
      }
      for (size_t i = 0; i < s->forecast.points.size(); ++i) {
        const index::ForecastPoint& p = s->forecast.points[i];
        auto bound = [&](double v) { return p.interval ? py::object(py::float_(shown(k.kind, v))) : py::object(py::none()); };
        t.Row({py::str(answer->b), py::str(series), py::str(unit), py::str("forecast"),
               py::str(s->forecast_periods[i]), py::int_(p.horizon), py::float_(shown(k.kind, p.mean)),
               bound(p.lo80), bound(p.hi80), py::str(method), py::bool_(s->forecast.fell_back_to_naive)});
      }
    }
    out["rows"] = t.ToDict();
    return out;
  }
  // A alone: every partner's series with its backtest (`bilat trajectory A --format csv`).
  Table t{"partner", "series", "first", "last", "points", "origins", "method", "fell_back_to_naive", "mase_method",
          "mase_naive", "mase_rule"};
  for (const index::KindTrajectories& k : answer->trajectories.kinds) {
    for (const index::PartnerSeries& s : k.series) {
      auto mase = [&](double v) { return s.backtest.origins ? py::object(py::float_(v)) : py::object(py::none()); };
      t.Row({py::str(s.partner), py::str(std::string(index::SeriesKindName(k.kind))), py::str(s.periods.front()),
             py::str(s.periods.back()), py::int_(s.values.size()), py::int_(s.backtest.origins),
             py::str(std::string(index::ForecastMethodName(s.forecast.method))),
             py::bool_(s.forecast.fell_back_to_naive), mase(s.backtest.mase_method), mase(s.backtest.mase_naive),
             mase(s.backtest.mase_selected)});
    }
  }
  out["rows"] = t.ToDict();
  return out;
}

// ---- report ------------------------------------------------------------

std::string Report(const std::string& workspace, const std::string& a, const std::string& b,
                   const std::string& format, const std::string& weights) {
  app::ReportOptions o;
  o.workspace = workspace;
  o.a = a;
  o.b = b;
  o.index_weights = weights;
  const CountryRegistry& countries = Countries();
  return Take([&] {
    py::gil_scoped_release release;
    return app::RenderPairReport(o, format, countries);
  }());
}

}  // namespace

void BindWorkspace(py::module_& m) {
  using py::arg;
  m.def("open_workspace", &OpenWorkspace, arg("path"),
        "Checks that PATH is a bilat workspace it can read; FileNotFoundError if not. Returns PATH.");
  m.def("events", &Events, arg("workspace"), arg("a"), arg("b"), arg("dataset") = "gdelt", arg("yearly") = false,
        arg("root_only") = false, arg("min_sources") = 0, arg("one_a_day") = false,
        "The pair's event series both ways (app::QueryEvents), as columns.");
  m.def("trade", &Trade, arg("workspace"), arg("a"), arg("b") = "", arg("dataset") = "", arg("year") = 0,
        "Trade indicators and stated figures (app::QueryTrade), as columns.");
  m.def("index", &Index, arg("workspace"), arg("a"), arg("b") = "", arg("year") = 0, arg("weights") = "",
        "The relations index (app::QueryIndex), as columns.");
  m.def("trajectory", &Trajectory, arg("workspace"), arg("a"), arg("b") = "", arg("weights") = "",
        "Forecasts and their backtest (app::QueryTrajectory), as columns.");
  m.def("report", &Report, arg("workspace"), arg("a"), arg("b"), arg("format") = "json", arg("weights") = "",
        "The pair's report rendered in memory (app::RenderPairReport): json, md or html text.");
}

}  // namespace bilat::python
