// Forecasts of short yearly and monthly series with prediction intervals,
// and their rolling-origin backtest against the naive no-change forecast.
// Pure functions over plain vectors: the caller chooses the scale (log for
// trade values) and gaps are the caller's business (a series passed here is
// consecutive periods with no missing value, every value finite).
//
// "The method" below is the damped additive trend (Holt's linear method
// with a damped trend, Gardner & McKenzie 1985), its smoothing parameters
// chosen per fit on a fixed grid by in-sample one-step squared error.
// Series shorter than kMinDampedTrendLength are forecast naively by it too.
//
// Every function is deterministic and keeps no state; all are safe to call
// from several threads at once.
//
// The method and every choice are documented in docs/forecasts.md.
#ifndef BILAT_INDEX_FORECAST_H_
#define BILAT_INDEX_FORECAST_H_

#include <optional>
#include <string_view>
#include <vector>

namespace bilat::index {

// Below this many observations the damped trend is not fitted (its three
// parameters and two initial states would rest on a handful of changes).
inline constexpr int kMinDampedTrendLength = 6;
// Intervals and probabilities need at least this many pooled errors at a
// horizon: a 10% quantile of fewer rests on two or three values.
inline constexpr int kMinIntervalErrors = 30;

enum class ForecastMethod { kNaive, kDampedTrend };
std::string_view ForecastMethodName(ForecastMethod method);  // "naive", "damped trend"

// One series' rolling-origin backtest: for every origin t from
// `min_train` (at least 2) to n-1 and every horizon h = 1..max_horizon with
// t+h <= n, both methods are fitted on y[0..t) and their forecast of
// y[t+h-1] compared with the outcome. Errors are scaled by the in-sample
// mean absolute one-step change of y[0..t) (the MASE denominator of Hyndman
// & Koehler 2006); an origin whose scale is zero is skipped.
struct BacktestErrors {
  // scaled[h-1]: scaled errors (outcome - forecast) / scale at horizon h.
  std::vector<std::vector<double>> method_scaled;
  std::vector<std::vector<double>> naive_scaled;
  // What the fallback rule of ForecastSeries would have forecast at each
  // origin, choosing with only the errors whose outcomes were known there
  // (naive until there are any): an out-of-sample score of the rule itself.
  std::vector<std::vector<double>> selected_scaled;
  double mase_method = 0;  // mean |scaled error| over all horizons
  double mase_naive = 0;
  double mase_selected = 0;
  int origins = 0;         // origins that produced at least one error
};
BacktestErrors Backtest(const std::vector<double>& y, int max_horizon, int min_train);

// Interval widths learnt from many series' backtest errors of one kind
// (e.g. every partner's trade series): per horizon, the 10% and 90%
// quantiles (type 7: linear interpolation between order statistics) of the
// pooled scaled errors of each method. A horizon without errors has
// errors == 0 and q10 == q90 == 0.
struct IntervalModel {
  struct Band { double q10 = 0, q90 = 0; int errors = 0; };
  std::vector<Band> method;  // [h-1]
  std::vector<Band> naive;   // [h-1]
  // The pooled scaled errors themselves, per horizon, sorted; used for
  // probabilities of reaching a target.
  std::vector<std::vector<double>> method_sorted;
  std::vector<std::vector<double>> naive_sorted;
};
// Null pointers in `backtests` are skipped.
IntervalModel LearnIntervals(const std::vector<const BacktestErrors*>& backtests, int max_horizon);

struct ForecastPoint {
  int horizon = 0;   // periods after the last observation
  double mean = 0;   // point forecast
  // 80% prediction interval: mean + scale * (q10, q90) of the chosen
  // method's band. When there is none (horizon beyond the learnt ones,
  // fewer than kMinIntervalErrors errors, or scale 0) `interval` is false
  // and lo80 == hi80 == mean.
  double lo80 = 0;
  double hi80 = 0;
  bool interval = false;
};
struct Forecast {
  ForecastMethod method = ForecastMethod::kNaive;
  // True when the damped trend was not used because its backtest MASE did
  // not beat naive's on this series (or the series was too short to tell).
  bool fell_back_to_naive = false;
  std::vector<ForecastPoint> points;  // horizons 1..n; empty when y is
  double scale = 0;                   // the series' MASE denominator
};
// Fits on all of y and forecasts `horizons` periods ahead with the method
// its own backtest supports, intervals from `intervals`. `backtest` is
// Backtest(y, ...) of the same series.
Forecast ForecastSeries(const std::vector<double>& y, int horizons,
                        const BacktestErrors& backtest, const IntervalModel& intervals);

// The probability the forecast gives that the value at `horizon` is at
// least `threshold`: the share of the pooled scaled errors at that horizon
// at or above (threshold - mean) / scale, read off the same piecewise
// linear distribution the type-7 quantiles come from (so it is continuous
// and non-increasing in `threshold`, 0 or 1 beyond the extreme errors).
// nullopt when the horizon lies beyond the forecast's points or what the
// intervals were learnt on, when too few errors (< kMinIntervalErrors) back
// it, or when the series' scale is 0 (a constant series).
std::optional<double> ProbabilityAtLeast(const Forecast& forecast, const IntervalModel& intervals,
                                         int horizon, double threshold);

// The whole set: per-series MASE of both methods, their means, and the
// share of outcomes inside the 80% intervals measured out of sample
// (intervals learnt on the series at even positions, counted on those at
// odd positions, and the other way round). Means are over the series whose
// backtest produced at least one error.
struct SetSummary {
  int series = 0;
  int series_scored = 0;        // series with at least one backtest error
  int series_method_wins = 0;   // series where the method's MASE < naive's
  int series_fell_back = 0;     // scored series ForecastSeries would forecast naively
  double mean_mase_method = 0;  // of the forecasts actually used (fallbacks count as naive);
                                // optimistic: the rule chose with these very errors
  double mean_mase_naive = 0;
  double mean_mase_damped = 0;    // the damped trend on every series, no fallback
  double mean_mase_selected = 0;  // the fallback rule applied out of sample (BacktestErrors)
  double coverage80 = 0;        // share of backtest outcomes inside the 80% interval
  int coverage_outcomes = 0;
};
SetSummary SummariseSet(const std::vector<std::vector<double>>& series, int max_horizon,
                        int min_train);

}  // namespace bilat::index

#endif  // BILAT_INDEX_FORECAST_H_
