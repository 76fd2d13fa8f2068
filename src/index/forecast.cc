#include "index/forecast.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>

namespace bilat::index {
namespace {

// The parameter grid. Alpha covers the whole useful range; beta stays small
// because a trend that chases every change is the usual way Holt's method
// loses to naive on noisy series; phi from strong damping (0.8: the trend
// adds at most 4 periods' worth) to almost none (0.98).
constexpr std::array<double, 9> kAlphas = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
constexpr std::array<double, 4> kBetas = {0.05, 0.1, 0.2, 0.3};
constexpr std::array<double, 4> kPhis = {0.8, 0.9, 0.95, 0.98};

// The state of a fitted damped trend after the last observation.
struct DampedFit {
  double level = 0;
  double trend = 0;
  double phi = 1;
};

// Fits the damped trend on y[0..n), n >= 3, choosing (alpha, beta, phi) on
// the grid by the sum of squared one-step errors. The states start at
// level y[1] and trend y[1] - y[0], so errors are counted from y[2] on and
// none of them is a value the start was built from. Ties keep the first
// grid point, so the result is deterministic.
DampedFit FitDamped(const double* y, int n) {
  double best_sse = std::numeric_limits<double>::infinity();
  DampedFit best;
  for (double phi : kPhis) {
    for (double alpha : kAlphas) {
      for (double beta : kBetas) {
        double level = y[1];
        double trend = y[1] - y[0];
        double sse = 0;
        bool worse = false;
        for (int t = 2; t < n; ++t) {
          const double damped = phi * trend;
          const double error = y[t] - (level + damped);
          sse += error * error;
          // Stopping once a grid point is already worse makes the search
          // several times faster without changing its answer.
          if (sse >= best_sse) {
            worse = true;
            break;
          }
          // Gardner's error-correction form: l_t = l + phi b + alpha e,
          // b_t = phi b + alpha beta e.
          level += damped + alpha * error;
          trend = damped + alpha * beta * error;
        }
        if (!worse) {
          best_sse = sse;
          best = {level, trend, phi};
        }
      }
    }
  }
  return best;
}

// Forecast h periods after the fit: level + (phi + phi^2 + ... + phi^h) trend.
double DampedForecast(const DampedFit& fit, int h) {
  double factor = 0;
  double power = 1;
  for (int i = 0; i < h; ++i) {
    power *= fit.phi;
    factor += power;
  }
  return fit.level + factor * fit.trend;
}

// Mean absolute one-step change of y[0..n); 0 when n < 2.
double Scale(const double* y, int n) {
  if (n < 2) return 0;
  double sum = 0;
  for (int t = 1; t < n; ++t) sum += std::fabs(y[t] - y[t - 1]);
  return sum / (n - 1);
}

// The fallback rule, shared by ForecastSeries and SummariseSet.
bool UsesDampedTrend(std::size_t n, const BacktestErrors& backtest) {
  return n >= static_cast<std::size_t>(kMinDampedTrendLength) && backtest.origins > 0 &&
         backtest.mase_method < backtest.mase_naive;
}

// Type-7 quantile (Hyndman & Fan 1996; R's default): with h = (n-1) p,
// x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). `sorted` is
// non-empty and ascending.
double Quantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

// The inverse of Quantile read from the left: the smallest p in [0, 1] with
// Quantile(sorted, p) >= z, which is P(e < z) under the piecewise linear
// distribution the type-7 quantiles describe. 1 - it is then P(e >= z):
// errors equal to z count as reaching it, which matters only where values
// tie (a run of equal errors is a point mass). Non-decreasing in z.
double ShareBelow(const std::vector<double>& sorted, double z) {
  const std::size_t n = sorted.size();
  if (z <= sorted.front()) return 0;
  if (z > sorted.back()) return 1;
  // sorted[i-1] < z <= sorted[i], so the two differ.
  const auto i =
      static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), z) - sorted.begin());
  const double frac = (z - sorted[i - 1]) / (sorted[i] - sorted[i - 1]);
  return (static_cast<double>(i - 1) + frac) / static_cast<double>(n - 1);
}

IntervalModel::Band MakeBand(const std::vector<double>& sorted) {
  IntervalModel::Band band;
  band.errors = static_cast<int>(sorted.size());
  if (!sorted.empty()) {
    band.q10 = Quantile(sorted, 0.1);
    band.q90 = Quantile(sorted, 0.9);
  }
  return band;
}

double MeanAbs(const std::vector<std::vector<double>>& by_horizon) {
  double sum = 0;
  std::size_t count = 0;
  for (const auto& errors : by_horizon) {
    for (double e : errors) sum += std::fabs(e);
    count += errors.size();
  }
  return count == 0 ? 0 : sum / static_cast<double>(count);
}

// Counts the outcomes of `series[i]` (i of the given parity) that fall
// inside the 80% band learnt from the series of the other parity, for the
// method ForecastSeries would use on each.
void CountCoverage(const std::vector<std::vector<double>>& series,
                   const std::vector<BacktestErrors>& backtests, std::size_t parity,
                   int max_horizon, int* inside, int* outcomes) {
  std::vector<const BacktestErrors*> learn_on;
  for (std::size_t i = 1 - parity; i < backtests.size(); i += 2) learn_on.push_back(&backtests[i]);
  if (learn_on.empty()) return;
  const IntervalModel model = LearnIntervals(learn_on, max_horizon);
  for (std::size_t i = parity; i < backtests.size(); i += 2) {
    const BacktestErrors& backtest = backtests[i];
    const bool damped = UsesDampedTrend(series[i].size(), backtest);
    const auto& errors = damped ? backtest.method_scaled : backtest.naive_scaled;
    const auto& bands = damped ? model.method : model.naive;
    for (std::size_t h = 0; h < errors.size() && h < bands.size(); ++h) {
      if (bands[h].errors < kMinIntervalErrors) continue;
      for (double e : errors[h]) {
        ++*outcomes;
        if (e >= bands[h].q10 && e <= bands[h].q90) ++*inside;
      }
    }
  }
}

}  // namespace

std::string_view ForecastMethodName(ForecastMethod method) {
  switch (method) {
    case ForecastMethod::kNaive:
      return "naive";
    case ForecastMethod::kDampedTrend:
      return "damped trend";
  }
  return "unknown";
}

BacktestErrors Backtest(const std::vector<double>& y, int max_horizon, int min_train) {
  BacktestErrors result;
  if (max_horizon < 1) return result;
  result.method_scaled.resize(max_horizon);
  result.naive_scaled.resize(max_horizon);
  result.selected_scaled.resize(max_horizon);
  const int n = static_cast<int>(y.size());
  // The scale needs two values.
  const int first_origin = std::max(min_train, 2);

  // Every error so far with the index of its outcome, so that the rule can
  // be replayed at each origin with only what was known there.
  struct Seen {
    int target;
    double abs_method, abs_naive;
  };
  std::vector<Seen> seen;

  for (int t = first_origin; t < n; ++t) {
    const double scale = Scale(y.data(), t);
    if (!(scale > 0)) continue;
    const bool fit = t >= kMinDampedTrendLength;
    DampedFit damped;
    if (fit) damped = FitDamped(y.data(), t);

    // The fallback rule at this origin: errors whose outcome lies before t.
    double known_method = 0, known_naive = 0;
    int known = 0;
    for (const Seen& s : seen) {
      if (s.target >= t) continue;
      known_method += s.abs_method;
      known_naive += s.abs_naive;
      ++known;
    }
    const bool use_damped = fit && known > 0 && known_method < known_naive;

    const double naive = y[t - 1];
    bool any = false;
    for (int h = 1; h <= max_horizon && t + h <= n; ++h) {
      const double outcome = y[t + h - 1];
      const double method = fit ? DampedForecast(damped, h) : naive;
      const double e_method = (outcome - method) / scale;
      const double e_naive = (outcome - naive) / scale;
      result.method_scaled[h - 1].push_back(e_method);
      result.naive_scaled[h - 1].push_back(e_naive);
      result.selected_scaled[h - 1].push_back(use_damped ? e_method : e_naive);
      seen.push_back({t + h - 1, std::fabs(e_method), std::fabs(e_naive)});
      any = true;
    }
    if (any) ++result.origins;
  }
  result.mase_method = MeanAbs(result.method_scaled);
  result.mase_naive = MeanAbs(result.naive_scaled);
  result.mase_selected = MeanAbs(result.selected_scaled);
  return result;
}

IntervalModel LearnIntervals(const std::vector<const BacktestErrors*>& backtests, int max_horizon) {
  IntervalModel model;
  if (max_horizon < 1) return model;
  model.method_sorted.resize(max_horizon);
  model.naive_sorted.resize(max_horizon);
  for (const BacktestErrors* backtest : backtests) {
    if (backtest == nullptr) continue;
    for (int h = 0; h < max_horizon; ++h) {
      if (h < static_cast<int>(backtest->method_scaled.size())) {
        const auto& e = backtest->method_scaled[h];
        model.method_sorted[h].insert(model.method_sorted[h].end(), e.begin(), e.end());
      }
      if (h < static_cast<int>(backtest->naive_scaled.size())) {
        const auto& e = backtest->naive_scaled[h];
        model.naive_sorted[h].insert(model.naive_sorted[h].end(), e.begin(), e.end());
      }
    }
  }
  for (int h = 0; h < max_horizon; ++h) {
    std::sort(model.method_sorted[h].begin(), model.method_sorted[h].end());
    std::sort(model.naive_sorted[h].begin(), model.naive_sorted[h].end());
    model.method.push_back(MakeBand(model.method_sorted[h]));
    model.naive.push_back(MakeBand(model.naive_sorted[h]));
  }
  return model;
}

Forecast ForecastSeries(const std::vector<double>& y, int horizons, const BacktestErrors& backtest,
                        const IntervalModel& intervals) {
  Forecast forecast;
  const int n = static_cast<int>(y.size());
  const bool damped = UsesDampedTrend(y.size(), backtest);
  forecast.method = damped ? ForecastMethod::kDampedTrend : ForecastMethod::kNaive;
  forecast.fell_back_to_naive = !damped;
  if (n == 0) return forecast;
  forecast.scale = Scale(y.data(), n);
  DampedFit fit;
  if (damped) fit = FitDamped(y.data(), n);
  const auto& bands = damped ? intervals.method : intervals.naive;
  for (int h = 1; h <= horizons; ++h) {
    ForecastPoint point;
    point.horizon = h;
    point.mean = damped ? DampedForecast(fit, h) : y.back();
    point.lo80 = point.hi80 = point.mean;
    if (h <= static_cast<int>(bands.size()) && bands[h - 1].errors >= kMinIntervalErrors &&
        forecast.scale > 0) {
      point.lo80 = point.mean + bands[h - 1].q10 * forecast.scale;
      point.hi80 = point.mean + bands[h - 1].q90 * forecast.scale;
      point.interval = true;
    }
    forecast.points.push_back(point);
  }
  return forecast;
}

std::optional<double> ProbabilityAtLeast(const Forecast& forecast, const IntervalModel& intervals,
                                         int horizon, double threshold) {
  if (horizon < 1 || horizon > static_cast<int>(forecast.points.size())) return std::nullopt;
  if (!(forecast.scale > 0)) return std::nullopt;
  const auto& pools = forecast.method == ForecastMethod::kDampedTrend ? intervals.method_sorted
                                                                      : intervals.naive_sorted;
  if (horizon > static_cast<int>(pools.size())) return std::nullopt;
  const auto& sorted = pools[horizon - 1];
  if (static_cast<int>(sorted.size()) < kMinIntervalErrors) return std::nullopt;
  const double z = (threshold - forecast.points[horizon - 1].mean) / forecast.scale;
  return 1.0 - ShareBelow(sorted, z);
}

SetSummary SummariseSet(const std::vector<std::vector<double>>& series, int max_horizon,
                        int min_train) {
  SetSummary summary;
  summary.series = static_cast<int>(series.size());
  std::vector<BacktestErrors> backtests;
  backtests.reserve(series.size());
  for (const auto& y : series) backtests.push_back(Backtest(y, max_horizon, min_train));

  double sum_used = 0, sum_naive = 0, sum_damped = 0, sum_selected = 0;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const BacktestErrors& backtest = backtests[i];
    if (backtest.origins == 0) continue;
    ++summary.series_scored;
    const bool damped = UsesDampedTrend(series[i].size(), backtest);
    if (backtest.mase_method < backtest.mase_naive) ++summary.series_method_wins;
    if (!damped) ++summary.series_fell_back;
    sum_used += damped ? backtest.mase_method : backtest.mase_naive;
    sum_naive += backtest.mase_naive;
    sum_damped += backtest.mase_method;
    sum_selected += backtest.mase_selected;
  }
  if (summary.series_scored > 0) {
    const double scored = summary.series_scored;
    summary.mean_mase_method = sum_used / scored;
    summary.mean_mase_naive = sum_naive / scored;
    summary.mean_mase_damped = sum_damped / scored;
    summary.mean_mase_selected = sum_selected / scored;
  }

  int inside = 0, outcomes = 0;
  CountCoverage(series, backtests, 0, max_horizon, &inside, &outcomes);
  CountCoverage(series, backtests, 1, max_horizon, &inside, &outcomes);
  summary.coverage_outcomes = outcomes;
  if (outcomes > 0) summary.coverage80 = static_cast<double>(inside) / outcomes;
  return summary;
}

}  // namespace bilat::index
