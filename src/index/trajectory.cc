#include "index/trajectory.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace bilat::index {
namespace {

struct KindSetup {
  SeriesKind kind;
  bool monthly;
  int horizons;
  int min_train;
};

// Annual series: three years ahead (ten for trade, so that a stated target
// some years off can be assessed), backtests from the sixth year. Monthly:
// six months ahead, from the second year.
constexpr KindSetup kSetups[] = {
    {SeriesKind::kWeight, false, 3, kMinDampedTrendLength},
    {SeriesKind::kWarmth, false, 3, kMinDampedTrendLength},
    {SeriesKind::kTrade, false, 10, kMinDampedTrendLength},
    {SeriesKind::kEvents, true, 6, 24},
    {SeriesKind::kGdp, false, 10, kMinDampedTrendLength},
};

std::string NextPeriod(const std::string& period, int steps) {
  int y = std::stoi(period.substr(0, 4));
  if (period.size() == 4) return std::to_string(y + steps);
  int m = std::stoi(period.substr(5, 2)) - 1 + steps;
  y += m / 12;
  m = m % 12 + 1;
  return std::to_string(y) + (m < 10 ? "-0" : "-") + std::to_string(m);
}

// The latest run of consecutive periods of `points` (ordered).
void LatestRun(const std::vector<std::pair<std::string, double>>& points, PartnerSeries* out) {
  size_t start = points.size();
  for (size_t i = points.size(); i-- > 0;) {
    if (i + 1 < points.size() && NextPeriod(points[i].first, 1) != points[i + 1].first) break;
    start = i;
  }
  for (size_t i = start; i < points.size(); ++i) {
    out->periods.push_back(points[i].first);
    out->values.push_back(points[i].second);
  }
}

std::map<std::string, std::vector<std::pair<std::string, double>>> Points(const SeriesComponents& components,
                                                                          const RelationsIndex& index,
                                                                          SeriesKind kind) {
  std::map<std::string, std::vector<std::pair<std::string, double>>> out;
  switch (kind) {
    case SeriesKind::kWeight:
    case SeriesKind::kWarmth:
      // Up to the index's default year: later years rest on the few
      // datasets that run on (visa, BRI), not on the whole axis.
      for (const IndexRow& r : index.rows) {  // by partner, then year
        if (r.year > index.default_year) continue;
        const AxisScore& s = kind == SeriesKind::kWeight ? r.weight : r.warmth;
        if (s.score) out[r.partner].push_back({std::to_string(r.year), *s.score});
      }
      break;
    case SeriesKind::kTrade:
      for (const ComponentValues& c : components.components) {
        if (c.spec->id != "trade") continue;
        for (const auto& [partner, years] : c.cells) {
          for (const auto& [year, cell] : years) {
            if (cell.value > 0) out[partner].push_back({std::to_string(year), TradeModelled(cell.value)});
          }
        }
      }
      break;
    case SeriesKind::kGdp:
      for (const auto& [country, years] : components.gdp) {
        for (const auto& [year, value] : years) {
          if (value > 0) out[country].push_back({std::to_string(year), TradeModelled(value)});
        }
      }
      break;
    case SeriesKind::kEvents:
      for (const MonthlyValues& m : components.monthly) {
        if (m.id != "events") continue;
        for (const auto& [partner, months] : m.cells) {
          for (const auto& [month, cell] : months) out[partner].push_back({month, cell.value});
        }
      }
      break;
  }
  return out;
}

}  // namespace

std::string_view SeriesKindName(SeriesKind kind) {
  switch (kind) {
    case SeriesKind::kWeight:
      return "weight";
    case SeriesKind::kWarmth:
      return "warmth";
    case SeriesKind::kTrade:
      return "trade";
    case SeriesKind::kEvents:
      return "events";
    case SeriesKind::kGdp:
      return "gdp";
  }
  return "";
}

bool IsLogUsd(SeriesKind kind) { return kind == SeriesKind::kTrade || kind == SeriesKind::kGdp; }

double TradeUsd(double modelled) { return std::pow(10.0, modelled); }
double TradeModelled(double usd) { return std::log10(usd); }

const PartnerSeries* KindTrajectories::Of(const std::string& partner) const {
  auto it = std::lower_bound(series.begin(), series.end(), partner,
                             [](const PartnerSeries& s, const std::string& p) { return s.partner < p; });
  return it != series.end() && it->partner == partner ? &*it : nullptr;
}

Trajectories ComputeTrajectories(const SeriesComponents& components, const RelationsIndex& index) {
  Trajectories out;
  for (const KindSetup& setup : kSetups) {
    KindTrajectories k;
    k.kind = setup.kind;
    k.monthly = setup.monthly;
    k.horizons = setup.horizons;
    k.min_train = setup.min_train;
    for (auto& [partner, points] : Points(components, index, setup.kind)) {
      PartnerSeries s;
      s.partner = partner;
      LatestRun(points, &s);
      if (static_cast<int>(s.values.size()) < 2) continue;
      s.backtest = Backtest(s.values, setup.horizons, setup.min_train);
      k.series.push_back(std::move(s));
    }
    std::vector<const BacktestErrors*> backtests;
    std::vector<std::vector<double>> values;
    for (const PartnerSeries& s : k.series) {
      backtests.push_back(&s.backtest);
      values.push_back(s.values);
    }
    k.intervals = LearnIntervals(backtests, setup.horizons);
    k.summary = SummariseSet(values, setup.horizons, setup.min_train);
    for (PartnerSeries& s : k.series) {
      s.forecast = ForecastSeries(s.values, setup.horizons, s.backtest, k.intervals);
      for (ForecastPoint& p : s.forecast.points) {
        s.forecast_periods.push_back(NextPeriod(s.periods.back(), p.horizon));
        if (setup.kind == SeriesKind::kEvents) {
          // A balance lies in [-1, 1]; so do its forecasts and intervals.
          p.mean = std::clamp(p.mean, -1.0, 1.0);
          p.lo80 = std::clamp(p.lo80, -1.0, 1.0);
          p.hi80 = std::clamp(p.hi80, -1.0, 1.0);
        }
      }
    }
    out.kinds.push_back(std::move(k));
  }
  return out;
}

}  // namespace bilat::index
