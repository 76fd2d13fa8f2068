// `bilat trajectory A [B]`: the forecasts of A's series and their backtest.
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/query_index.h"
#include "cli/command.h"
#include "cli/output.h"
#include "report/format.h"

namespace bilat::cli {
namespace {

using index::KindTrajectories;
using index::PartnerSeries;
using index::SeriesKind;

struct TrajectoryCommandOptions {
  app::IndexQuery query;
  std::vector<std::string> countries;
  std::string format = "table";
};

// A value on the scale users read: USD for trade, else as modelled.
std::string Shown(SeriesKind kind, double v) {
  return index::IsLogUsd(kind) ? report::FormatUsd(index::TradeUsd(v)) : report::FormatFixed(v, 2);
}
double ShownNumber(SeriesKind kind, double v) { return index::IsLogUsd(kind) ? index::TradeUsd(v) : v; }

std::string MethodText(const index::Forecast& f) {
  std::string m(index::ForecastMethodName(f.method));
  if (f.fell_back_to_naive) m += " (damped trend did not beat naive here)";
  return m;
}

void PrintSummary(const app::TrajectoryAnswer& t, const std::string& format) {
  std::vector<std::vector<std::string>> table = {{"series", "partners", "scored", "horizons", "MASE naive",
                                                  "MASE damped", "MASE rule", "fell back", "80% coverage"}};
  for (const KindTrajectories& k : t.trajectories.kinds) {
    const index::SetSummary& s = k.summary;
    table.push_back({std::string(index::SeriesKindName(k.kind)), std::to_string(s.series),
                     std::to_string(s.series_scored),
                     "1-" + std::to_string(k.horizons) + (k.monthly ? " months" : " years"),
                     report::FormatFixed(s.mean_mase_naive, 3), report::FormatFixed(s.mean_mase_damped, 3),
                     report::FormatFixed(s.mean_mase_selected, 3), std::to_string(s.series_fell_back),
                     s.coverage_outcomes ? report::FormatFixed(100 * s.coverage80, 1) + "% of " +
                                               std::to_string(s.coverage_outcomes)
                                         : "-"});
  }
  if (format == "table") {
    std::cout << "Backtest of the forecasts of " << t.a
              << "'s series (rolling origin; MASE: mean absolute error scaled by the series' own mean one-step "
                 "change; rule = damped trend where its own past errors beat naive, else naive, chosen out of "
                 "sample; coverage measured on partners the intervals were not learnt from):\n\n";
    PrintTable(table);
    std::cout << "\nPer partner: bilat trajectory " << t.a << " --format csv. Method: docs/forecasts.md.\n";
  }
}

std::vector<std::vector<std::string>> PerSeriesRows(const app::TrajectoryAnswer& t) {
  std::vector<std::vector<std::string>> rows = {{"partner", "series", "first", "last", "points", "origins", "method",
                                                 "fell_back", "mase_method", "mase_naive", "mase_rule"}};
  for (const KindTrajectories& k : t.trajectories.kinds) {
    for (const PartnerSeries& s : k.series) {
      rows.push_back({s.partner, std::string(index::SeriesKindName(k.kind)), s.periods.front(), s.periods.back(),
                      std::to_string(s.values.size()), std::to_string(s.backtest.origins),
                      std::string(index::ForecastMethodName(s.forecast.method)),
                      s.forecast.fell_back_to_naive ? "yes" : "no",
                      s.backtest.origins ? report::FormatFixed(s.backtest.mase_method, 4) : "",
                      s.backtest.origins ? report::FormatFixed(s.backtest.mase_naive, 4) : "",
                      s.backtest.origins ? report::FormatFixed(s.backtest.mase_selected, 4) : ""});
    }
  }
  return rows;
}

nlohmann::json PairJson(const app::TrajectoryAnswer& t) {
  nlohmann::json out = nlohmann::json::array();
  for (const KindTrajectories& k : t.trajectories.kinds) {
    const PartnerSeries* s = k.Of(t.b);
    if (!s) continue;
    nlohmann::json history = nlohmann::json::array();
    for (size_t i = 0; i < s->values.size(); ++i) {
      history.push_back({{"period", s->periods[i]}, {"value", ShownNumber(k.kind, s->values[i])}});
    }
    nlohmann::json points = nlohmann::json::array();
    for (size_t i = 0; i < s->forecast.points.size(); ++i) {
      const index::ForecastPoint& p = s->forecast.points[i];
      points.push_back({{"period", s->forecast_periods[i]},
                        {"horizon", p.horizon},
                        {"mean", ShownNumber(k.kind, p.mean)},
                        {"lo80", p.interval ? nlohmann::json(ShownNumber(k.kind, p.lo80)) : nlohmann::json(nullptr)},
                        {"hi80", p.interval ? nlohmann::json(ShownNumber(k.kind, p.hi80)) : nlohmann::json(nullptr)}});
    }
    out.push_back({{"partner", t.b},
                   {"series", index::SeriesKindName(k.kind)},
                   {"unit", index::IsLogUsd(k.kind) ? "USD" : k.kind == SeriesKind::kEvents ? "balance" : "score"},
                   {"method", index::ForecastMethodName(s->forecast.method)},
                   {"fell_back_to_naive", s->forecast.fell_back_to_naive},
                   {"mase_method", s->backtest.origins ? nlohmann::json(s->backtest.mase_method) : nlohmann::json(nullptr)},
                   {"mase_naive", s->backtest.origins ? nlohmann::json(s->backtest.mase_naive) : nlohmann::json(nullptr)},
                   {"history", history},
                   {"forecast", points}});
  }
  return out;
}

void PrintPair(const app::TrajectoryAnswer& t, const std::string& format) {
  std::vector<std::vector<std::string>> table = {{"series", "period", "forecast", "80% interval", "method"}};
  for (const KindTrajectories& k : t.trajectories.kinds) {
    const PartnerSeries* s = k.Of(t.b);
    if (!s) continue;
    const size_t shown = index::IsLogUsd(k.kind) ? std::min<size_t>(3, s->forecast.points.size())
                                                 : s->forecast.points.size();
    for (size_t i = 0; i < shown; ++i) {
      const index::ForecastPoint& p = s->forecast.points[i];
      table.push_back({std::string(index::SeriesKindName(k.kind)), s->forecast_periods[i], Shown(k.kind, p.mean),
                       p.interval ? Shown(k.kind, p.lo80) + " to " + Shown(k.kind, p.hi80) : "-",
                       i == 0 ? MethodText(s->forecast) : ""});
    }
  }
  if (format == "csv") {
    PrintCsv(table);
    return;
  }
  std::cout << "Forecasts for " << t.a << " and " << t.b
            << " (weight and warmth: index scores; trade: both ways, USD; events: monthly balance; gdp: the partner's "
               "GDP, current USD). "
               "Intervals from the backtest errors of every partner's series of the same kind.\n\n";
  PrintTable(table);
}

}  // namespace

void RegisterTrajectoryCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto o = std::make_shared<TrajectoryCommandOptions>();
  CLI::App* sub = roots.root->add_subcommand(
      "trajectory",
      "Where A's relationships are heading: forecasts of both index axes and of trade (one to three years) and of "
      "the monthly event balance (one to six months), with 80% prediction intervals. For A alone: the rolling-origin "
      "backtest of every partner's series against the naive no-change forecast (MASE) and the share of outcomes "
      "inside the intervals. For A and B: the pair's forecasts. Method: docs/forecasts.md.");
  sub->add_option("COUNTRIES", o->countries, "A, or A and B (names or ISO codes)")->required()->expected(1, 2);
  sub->add_option("-w,--workspace", o->query.workspace, "Workspace folder")->capture_default_str();
  sub->add_option("--weights", o->query.weights_path, "Index settings and weights file (see bilat index)");
  sub->add_option("--format", o->format, "table, csv or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "csv", "json"}));
  sub->footer(std::string(kExitCodesHelp));
  commands->push_back({sub, [o] {
    app::IndexQuery q = o->query;
    q.a = o->countries[0];
    q.b = o->countries.size() == 2 ? o->countries[1] : "";
    auto answer = app::QueryTrajectory(q, Countries());
    if (!answer.ok()) return Fail(answer.status());
    const app::TrajectoryAnswer& t = **answer;
    if (!t.b.empty()) {
      if (o->format == "json") {
        std::cout << PairJson(t).dump(2) << "\n";
      } else {
        PrintPair(t, o->format);
      }
      return kExitOk;
    }
    if (o->format == "table") {
      PrintSummary(t, o->format);
    } else if (o->format == "csv") {
      PrintCsv(PerSeriesRows(t));
    } else {
      nlohmann::json out = nlohmann::json::array();
      auto rows = PerSeriesRows(t);
      for (size_t i = 1; i < rows.size(); ++i) {
        nlohmann::json row;
        for (size_t c = 0; c < rows[0].size(); ++c) row[rows[0][c]] = rows[i][c];
        out.push_back(row);
      }
      std::cout << out.dump(2) << "\n";
    }
    return kExitOk;
  }});
}

}  // namespace bilat::cli
