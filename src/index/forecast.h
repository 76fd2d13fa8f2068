// Forecasts of short yearly and monthly series with prediction intervals,
// and their rolling-origin backtest against the naive no-change forecast.
// Pure functions over plain vectors: the caller chooses the scale (log for
// trade values) and gaps are the caller's business (a series passed here is
// consecutive periods with no missing value).
//
// The method and every choice are documented in docs/forecasts.md.
#ifndef BILAT_INDEX_FORECAST_H_
#define BILAT_INDEX_FORECAST_H_

#include <optional>
#include <string_view>
#include <vector>

namespace bilat::index {

enum class ForecastMethod { kNaive, kDampedTrend };
std::string_view ForecastMethodName(ForecastMethod method);  // "naive", "damped trend"

// One series' rolling-origin backtest: for every origin t from
// `min_train` to n-1 and every horizon h = 1..max_horizon with t+h <= n,
// both methods are fitted on y[0..t) and their forecast of y[t+h-1]
// compared with the outcome. Errors are scaled by the in-sample mean
// absolute one-step change of y[0..t) (the MASE denominator of Hyndman &
// Koehler 2006); an origin whose scale is zero is skipped.
struct BacktestErrors {
  // scaled[h-1]: scaled errors (outcome - forecast) / scale at horizon h.
  std::vector<std::vector<double>> method_scaled;
  std::vector<std::vector<double>> naive_scaled;
  double mase_method = 0;  // mean |scaled error| over all horizons
  double mase_naive = 0;
  int origins = 0;         // origins that produced at least one error
};
BacktestErrors Backtest(const std::vector<double>& y, int max_horizon, int min_train);

// Interval widths learnt from many series' backtest errors of one kind
// (e.g. every partner's trade series): per horizon, the 10% and 90%
// quantiles of the pooled scaled errors of each method.
struct IntervalModel {
  struct Band { double q10 = 0, q90 = 0; int errors = 0; };
  std::vector<Band> method;  // [h-1]
  std::vector<Band> naive;   // [h-1]
  // The pooled scaled errors themselves, per horizon, sorted; used for
  // probabilities of reaching a target.
  std::vector<std::vector<double>> method_sorted;
  std::vector<std::vector<double>> naive_sorted;
};
IntervalModel LearnIntervals(const std::vector<const BacktestErrors*>& backtests, int max_horizon);

struct ForecastPoint {
  int horizon = 0;   // periods after the last observation
  double mean = 0;   // point forecast
  double lo80 = 0;   // 80% prediction interval
  double hi80 = 0;
};
struct Forecast {
  ForecastMethod method = ForecastMethod::kNaive;
  // True when the damped trend was not used because its backtest MASE did
  // not beat naive's on this series (or the series was too short to tell).
  bool fell_back_to_naive = false;
  std::vector<ForecastPoint> points;  // horizons 1..n
  double scale = 0;                   // the series' MASE denominator
};
// Fits on all of y and forecasts `horizons` periods ahead with the method
// its own backtest supports, intervals from `intervals`.
Forecast ForecastSeries(const std::vector<double>& y, int horizons,
                        const BacktestErrors& backtest, const IntervalModel& intervals);

// The probability the forecast gives that the value at `horizon` is at
// least `threshold` (from the pooled scaled errors at that horizon);
// nullopt when the horizon lies beyond what the intervals were learnt on
// or too few errors (< 30) back it.
std::optional<double> ProbabilityAtLeast(const Forecast& forecast, const IntervalModel& intervals,
                                         int horizon, double threshold);

// The whole set: per-series MASE of both methods, their means, and the
// share of outcomes inside the 80% intervals measured out of sample
// (intervals learnt on half the series, counted on the other half, and
// the other way round).
struct SetSummary {
  int series = 0;
  int series_method_wins = 0;   // series where the method's MASE < naive's
  double mean_mase_method = 0;  // of the forecasts actually used (fallbacks count as naive)
  double mean_mase_naive = 0;
  double coverage80 = 0;        // share of backtest outcomes inside the 80% interval
  int coverage_outcomes = 0;
};
SetSummary SummariseSet(const std::vector<std::vector<double>>& series, int max_horizon,
                        int min_train);

}  // namespace bilat::index

#endif  // BILAT_INDEX_FORECAST_H_
