#include "index/forecast.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace bilat::index {
namespace {

// Synthetic series with known behaviour. std::normal_distribution's output
// differs between standard libraries, so the tests assert properties that
// hold for any good normal draw, never exact values.
std::vector<std::vector<double>> RandomWalks(int count, int length, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::vector<std::vector<double>> series;
  for (int i = 0; i < count; ++i) {
    std::vector<double> y = {100.0};
    while (static_cast<int>(y.size()) < length) y.push_back(y.back() + noise(rng));
    series.push_back(y);
  }
  return series;
}

// y_t = mean + rho (y_{t-1} - mean) + e_t: stationary, mean-reverting.
std::vector<std::vector<double>> Ar1(int count, int length, double rho, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::vector<std::vector<double>> series;
  for (int i = 0; i < count; ++i) {
    std::vector<double> y = {50.0 + noise(rng) / std::sqrt(1 - rho * rho)};
    while (static_cast<int>(y.size()) < length) {
      y.push_back(50.0 + rho * (y.back() - 50.0) + noise(rng));
    }
    series.push_back(y);
  }
  return series;
}

// y_t = 10 + slope t + e_t, e_t ~ N(0, 1).
std::vector<std::vector<double>> LinearTrends(int count, int length, double slope, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::vector<std::vector<double>> series;
  for (int i = 0; i < count; ++i) {
    std::vector<double> y;
    for (int t = 0; t < length; ++t) y.push_back(10.0 + slope * t + noise(rng));
    series.push_back(y);
  }
  return series;
}

std::vector<BacktestErrors> BacktestAll(const std::vector<std::vector<double>>& series,
                                        int max_horizon, int min_train) {
  std::vector<BacktestErrors> out;
  for (const auto& y : series) out.push_back(Backtest(y, max_horizon, min_train));
  return out;
}

IntervalModel LearnAll(const std::vector<BacktestErrors>& backtests, int max_horizon) {
  std::vector<const BacktestErrors*> pointers;
  for (const auto& b : backtests) pointers.push_back(&b);
  return LearnIntervals(pointers, max_horizon);
}

TEST(ForecastMethodName, NamesBothMethods) {
  EXPECT_EQ(ForecastMethodName(ForecastMethod::kNaive), "naive");
  EXPECT_EQ(ForecastMethodName(ForecastMethod::kDampedTrend), "damped trend");
}

TEST(Backtest, NaiveErrorsOnStraightLineAreExactlyOne) {
  // Every origin t = 4..7: the naive forecast y[t-1] misses y[t] by 1, and
  // the mean absolute change of y[0..t) is 1.
  const BacktestErrors b = Backtest({1, 2, 3, 4, 5, 6, 7, 8}, 1, 4);
  EXPECT_EQ(b.origins, 4);
  ASSERT_EQ(b.naive_scaled.size(), 1u);
  ASSERT_EQ(b.naive_scaled[0].size(), 4u);
  for (double e : b.naive_scaled[0]) EXPECT_EQ(e, 1.0);
  EXPECT_EQ(b.mase_naive, 1.0);
  ASSERT_EQ(b.method_scaled[0].size(), 4u);
  // Origins 4 and 5 are too short for the damped trend: it is naive there.
  EXPECT_EQ(b.method_scaled[0][0], 1.0);
  EXPECT_EQ(b.method_scaled[0][1], 1.0);
  // From origin 6 on the damped trend follows the line closely.
  EXPECT_LT(std::fabs(b.method_scaled[0][2]), 0.25);
  EXPECT_LT(std::fabs(b.method_scaled[0][3]), 0.25);
}

TEST(Backtest, CountsOriginsAndHorizonsThatFit) {
  std::vector<double> y;
  for (int t = 0; t < 10; ++t) y.push_back(t * t);
  const BacktestErrors b = Backtest(y, 3, 4);
  EXPECT_EQ(b.origins, 6);  // t = 4..9
  ASSERT_EQ(b.method_scaled.size(), 3u);
  EXPECT_EQ(b.method_scaled[0].size(), 6u);
  EXPECT_EQ(b.method_scaled[1].size(), 5u);  // t + 2 <= 10
  EXPECT_EQ(b.method_scaled[2].size(), 4u);
  EXPECT_EQ(b.naive_scaled[2].size(), 4u);
  EXPECT_EQ(b.selected_scaled[2].size(), 4u);
}

TEST(Backtest, SkipsOriginsWhoseScaleIsZero) {
  // Origins 2..6 see only fives and are skipped; origin 7 sees one change
  // of 1 in six steps (scale 1/6), and naive (6) misses 7 by 1.
  const BacktestErrors b = Backtest({5, 5, 5, 5, 5, 5, 6, 7}, 1, 2);
  EXPECT_EQ(b.origins, 1);
  ASSERT_EQ(b.naive_scaled[0].size(), 1u);
  EXPECT_DOUBLE_EQ(b.naive_scaled[0][0], 6.0);
}

TEST(Backtest, ConstantSeriesHasNoErrors) {
  const BacktestErrors b = Backtest(std::vector<double>(20, 3.0), 3, 4);
  EXPECT_EQ(b.origins, 0);
  EXPECT_EQ(b.mase_method, 0);
  EXPECT_EQ(b.mase_naive, 0);
  for (const auto& errors : b.method_scaled) EXPECT_TRUE(errors.empty());
}

TEST(Backtest, ShortAndEmptySeriesDoNotCrash) {
  for (const std::vector<double>& y : {std::vector<double>{}, std::vector<double>{1},
                                       std::vector<double>{1, 2}, std::vector<double>{1, 3, 2}}) {
    const BacktestErrors b = Backtest(y, 3, 0);
    EXPECT_LE(b.origins, 1);
    EXPECT_TRUE(std::isfinite(b.mase_method));
    EXPECT_TRUE(std::isfinite(b.mase_naive));
  }
  EXPECT_TRUE(Backtest({1, 2, 3}, 0, 2).method_scaled.empty());
}

TEST(Backtest, BelowMinimumLengthTheMethodIsNaive) {
  const BacktestErrors b = Backtest({1, 4, 2, 8, 5, 7}, 2, 2);
  ASSERT_GT(b.origins, 0);
  EXPECT_EQ(b.method_scaled, b.naive_scaled);
}

TEST(Backtest, RuleChoosesWithOnlyTheOutcomesKnownAtEachOrigin) {
  // At origin 6 nothing is known yet: naive. The damped trend then
  // forecasts about 7, 8, 9 for y[6..8] = 7, 3, 3 (naive: 6, 6, 6). At
  // origin 7 only y[6] is known, where the trend was right and naive off
  // by one, so the rule takes the trend; counting the later outcomes too
  // (the trend misses them by 5 and 6, naive by 3) would keep naive.
  const BacktestErrors b = Backtest({1, 2, 3, 4, 5, 6, 7, 3, 3, 3}, 3, 6);
  ASSERT_GE(b.selected_scaled[0].size(), 2u);
  EXPECT_EQ(b.selected_scaled[0][0], b.naive_scaled[0][0]);
  EXPECT_NE(b.method_scaled[0][1], b.naive_scaled[0][1]);
  EXPECT_EQ(b.selected_scaled[0][1], b.method_scaled[0][1]);
}

TEST(DampedTrend, BeatsNaiveOnLinearTrendWithNoise) {
  const auto series = LinearTrends(100, 40, 2.0, 11);
  const SetSummary s = SummariseSet(series, 3, 8);
  EXPECT_EQ(s.series_scored, 100);
  // Naive misses by about 2h a step against a scale of about 2.3; the trend
  // is learnt within a few points.
  EXPECT_GT(s.mean_mase_naive, 1.5);
  EXPECT_LT(s.mean_mase_damped, 0.6 * s.mean_mase_naive);
  EXPECT_LT(s.mean_mase_selected, 0.7 * s.mean_mase_naive);
  EXPECT_EQ(s.series_fell_back, 0);
  EXPECT_EQ(s.series_method_wins, 100);

  const BacktestErrors b = Backtest(series[0], 3, 8);
  const Forecast f = ForecastSeries(series[0], 3, b, IntervalModel{});
  EXPECT_EQ(f.method, ForecastMethod::kDampedTrend);
  EXPECT_FALSE(f.fell_back_to_naive);
  // The next value is about 10 + 2 * 40 = 90; naive would say about 88.
  ASSERT_EQ(f.points.size(), 3u);
  EXPECT_NEAR(f.points[0].mean, 90.0, 2.5);
  EXPECT_GT(f.points[2].mean, f.points[0].mean);
}

TEST(DampedTrend, DoesNotBeatNaiveOnRandomWalks) {
  const auto series = RandomWalks(300, 40, 7);
  const SetSummary s = SummariseSet(series, 3, 8);
  EXPECT_EQ(s.series_scored, 300);
  // Naive is the optimal forecast of a random walk: the damped trend may
  // tie but must not win by more than noise, and the rule must mostly
  // keep naive.
  EXPECT_GT(s.mean_mase_damped, 0.97 * s.mean_mase_naive);
  EXPECT_GT(s.mean_mase_selected, 0.97 * s.mean_mase_naive);
  EXPECT_GT(s.series_fell_back, s.series_scored / 2);
}

TEST(Intervals, QuantilesAreType7) {
  // h = (n-1) p: for 1..11, q10 = x[1] = 2 and q90 = x[9] = 10; for 1..5,
  // q10 = 1 + 0.4 = 1.4 and q90 = 4 + 0.6 = 4.6.
  BacktestErrors a;
  a.method_scaled = {{11, 3, 1, 2, 5, 4, 7, 6, 9, 8, 10}};
  a.naive_scaled = {{5, 4, 3, 2, 1}};
  const IntervalModel m = LearnIntervals({&a, nullptr}, 2);
  ASSERT_EQ(m.method.size(), 2u);
  EXPECT_DOUBLE_EQ(m.method[0].q10, 2.0);
  EXPECT_DOUBLE_EQ(m.method[0].q90, 10.0);
  EXPECT_EQ(m.method[0].errors, 11);
  EXPECT_DOUBLE_EQ(m.naive[0].q10, 1.4);
  EXPECT_DOUBLE_EQ(m.naive[0].q90, 4.6);
  EXPECT_EQ(m.method[1].errors, 0);  // nothing at horizon 2
  EXPECT_EQ(m.naive_sorted[0], (std::vector<double>{1, 2, 3, 4, 5}));
}

TEST(Intervals, PoolAcrossSeries) {
  BacktestErrors a, b;
  a.method_scaled = a.naive_scaled = {{1, 3}};
  b.method_scaled = b.naive_scaled = {{2}};
  const IntervalModel m = LearnIntervals({&a, &b}, 1);
  EXPECT_EQ(m.method_sorted[0], (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(m.naive[0].errors, 3);
}

// Out-of-sample coverage of the 80% interval: learnt on half the series,
// counted on the other half.
TEST(Intervals, CoverEightyPercentOutOfSampleOnRandomWalks) {
  const SetSummary s = SummariseSet(RandomWalks(200, 40, 3), 3, 8);
  EXPECT_GT(s.coverage_outcomes, 10000);
  EXPECT_GT(s.coverage80, 0.72);
  EXPECT_LT(s.coverage80, 0.88);
}

TEST(Intervals, CoverEightyPercentOutOfSampleOnAr1) {
  const SetSummary s = SummariseSet(Ar1(200, 40, 0.6, 5), 3, 8);
  EXPECT_GT(s.coverage_outcomes, 10000);
  EXPECT_GT(s.coverage80, 0.72);
  EXPECT_LT(s.coverage80, 0.88);
}

TEST(Intervals, CoverageCanFail) {
  // Intervals learnt on calm series and counted on wild ones of another
  // shape must show it: trends (tiny scaled errors for the damped trend)
  // mixed by parity with random walks.
  auto trends = LinearTrends(100, 40, 2.0, 1);
  auto walks = RandomWalks(100, 40, 2);
  std::vector<std::vector<double>> mixed;
  for (int i = 0; i < 100; ++i) {
    mixed.push_back(trends[i]);
    mixed.push_back(walks[i]);
  }
  const SetSummary s = SummariseSet(mixed, 3, 8);
  EXPECT_GT(s.coverage_outcomes, 0);
  EXPECT_LT(s.coverage80, 0.72);
}

TEST(ForecastSeries, NaiveIntervalsWidenWithHorizon) {
  const auto series = RandomWalks(100, 40, 9);
  const auto backtests = BacktestAll(series, 3, 8);
  const IntervalModel m = LearnAll(backtests, 3);
  for (std::size_t i = 0; i < series.size(); ++i) {
    const Forecast f = ForecastSeries(series[i], 3, backtests[i], m);
    ASSERT_EQ(f.points.size(), 3u);
    if (f.method != ForecastMethod::kNaive) continue;
    EXPECT_TRUE(f.fell_back_to_naive);
    for (const ForecastPoint& p : f.points) {
      EXPECT_EQ(p.mean, series[i].back());
      EXPECT_TRUE(p.interval);
      EXPECT_LT(p.lo80, p.mean);
      EXPECT_GT(p.hi80, p.mean);
    }
    EXPECT_GT(f.points[2].hi80 - f.points[2].lo80, f.points[0].hi80 - f.points[0].lo80);
  }
}

TEST(ForecastSeries, NoIntervalBeyondLearntHorizons) {
  const auto series = RandomWalks(50, 30, 4);
  const auto backtests = BacktestAll(series, 2, 8);
  const IntervalModel m = LearnAll(backtests, 2);
  const Forecast f = ForecastSeries(series[0], 4, backtests[0], m);
  ASSERT_EQ(f.points.size(), 4u);
  EXPECT_TRUE(f.points[1].interval);
  EXPECT_FALSE(f.points[2].interval);
  EXPECT_EQ(f.points[3].lo80, f.points[3].mean);
  EXPECT_EQ(f.points[3].hi80, f.points[3].mean);
  EXPECT_EQ(f.points[3].horizon, 4);
}

TEST(ForecastSeries, ConstantSeriesIsNaiveWithoutInterval) {
  const std::vector<double> y(12, 4.5);
  const auto walks = RandomWalks(50, 30, 4);
  const IntervalModel m = LearnAll(BacktestAll(walks, 3, 8), 3);
  const Forecast f = ForecastSeries(y, 3, Backtest(y, 3, 4), m);
  EXPECT_EQ(f.method, ForecastMethod::kNaive);
  EXPECT_TRUE(f.fell_back_to_naive);
  EXPECT_EQ(f.scale, 0);
  for (const ForecastPoint& p : f.points) {
    EXPECT_EQ(p.mean, 4.5);
    EXPECT_FALSE(p.interval);
    EXPECT_EQ(p.lo80, 4.5);
    EXPECT_EQ(p.hi80, 4.5);
  }
  EXPECT_EQ(ProbabilityAtLeast(f, m, 1, 4.0), std::nullopt);
}

TEST(ForecastSeries, VeryShortSeriesAreNaive) {
  const IntervalModel none;
  const Forecast empty = ForecastSeries({}, 3, Backtest({}, 3, 2), none);
  EXPECT_TRUE(empty.points.empty());
  EXPECT_TRUE(empty.fell_back_to_naive);
  const std::vector<double> y = {2, 3, 5, 4};
  const Forecast f = ForecastSeries(y, 2, Backtest(y, 2, 2), none);
  EXPECT_EQ(f.method, ForecastMethod::kNaive);
  EXPECT_TRUE(f.fell_back_to_naive);
  ASSERT_EQ(f.points.size(), 2u);
  EXPECT_EQ(f.points[1].mean, 4.0);
  EXPECT_DOUBLE_EQ(f.scale, 4.0 / 3.0);
  EXPECT_FALSE(f.points[0].interval);
}

TEST(ForecastSeries, OutputIsFiniteOnMixedSeries) {
  std::vector<std::vector<double>> series = RandomWalks(40, 25, 21);
  for (auto& y : Ar1(40, 15, 0.3, 22)) series.push_back(y);
  for (auto& y : LinearTrends(40, 70, -1.5, 23)) series.push_back(y);
  series.push_back(std::vector<double>(10, 0.0));
  series.push_back({1e12, 1e12 + 1, 1e12, 1e12 + 5, 1e12 - 3, 1e12, 1e12 + 2, 1e12});
  series.push_back({0, 0, 0, 0, 0, 0, 0, 1});
  const auto backtests = BacktestAll(series, 12, 4);
  const IntervalModel m = LearnAll(backtests, 12);
  for (std::size_t i = 0; i < series.size(); ++i) {
    const Forecast f = ForecastSeries(series[i], 12, backtests[i], m);
    EXPECT_TRUE(std::isfinite(f.scale));
    for (const ForecastPoint& p : f.points) {
      EXPECT_TRUE(std::isfinite(p.mean) && std::isfinite(p.lo80) && std::isfinite(p.hi80)) << i;
      EXPECT_LE(p.lo80, p.hi80);
      const auto prob = ProbabilityAtLeast(f, m, p.horizon, p.mean);
      if (prob) {
        EXPECT_TRUE(*prob >= 0 && *prob <= 1);
      }
    }
  }
  const SetSummary s = SummariseSet(series, 12, 4);
  for (double v : {s.mean_mase_method, s.mean_mase_naive, s.mean_mase_damped, s.mean_mase_selected,
                   s.coverage80}) {
    EXPECT_TRUE(std::isfinite(v));
  }
}

class ProbabilityOnRandomWalks : public ::testing::Test {
 protected:
  void SetUp() override {
    series_ = RandomWalks(200, 40, 17);
    backtests_ = BacktestAll(series_, 3, 8);
    model_ = LearnAll(backtests_, 3);
  }
  std::vector<std::vector<double>> series_;
  std::vector<BacktestErrors> backtests_;
  IntervalModel model_;
};

TEST_F(ProbabilityOnRandomWalks, NonIncreasingInThreshold) {
  const Forecast f = ForecastSeries(series_[0], 3, backtests_[0], model_);
  for (int h = 1; h <= 3; ++h) {
    double previous = 1.0;
    for (double z = -8; z <= 8; z += 0.05) {
      const auto p = ProbabilityAtLeast(f, model_, h, f.points[h - 1].mean + z * f.scale);
      ASSERT_TRUE(p.has_value());
      EXPECT_LE(*p, previous + 1e-12);
      previous = *p;
    }
    EXPECT_EQ(*ProbabilityAtLeast(f, model_, h, f.points[h - 1].mean - 1e6), 1.0);
    EXPECT_EQ(*ProbabilityAtLeast(f, model_, h, f.points[h - 1].mean + 1e6), 0.0);
  }
}

TEST_F(ProbabilityOnRandomWalks, AboutHalfAtThePointForecast) {
  for (int i = 0; i < 20; ++i) {
    const Forecast f = ForecastSeries(series_[i], 3, backtests_[i], model_);
    for (int h = 1; h <= 3; ++h) {
      EXPECT_NEAR(*ProbabilityAtLeast(f, model_, h, f.points[h - 1].mean), 0.5, 0.08);
    }
  }
}

TEST_F(ProbabilityOnRandomWalks, AgreesWithTheInterval) {
  // The interval's ends are the 10% and 90% quantiles: P(at least lo80)
  // is 0.9 and P(at least hi80) 0.1.
  const Forecast f = ForecastSeries(series_[1], 3, backtests_[1], model_);
  for (const ForecastPoint& p : f.points) {
    ASSERT_TRUE(p.interval);
    EXPECT_NEAR(*ProbabilityAtLeast(f, model_, p.horizon, p.lo80), 0.9, 1e-9);
    EXPECT_NEAR(*ProbabilityAtLeast(f, model_, p.horizon, p.hi80), 0.1, 1e-9);
  }
}

TEST_F(ProbabilityOnRandomWalks, NulloptBeyondLearntHorizonsOrWithFewErrors) {
  const Forecast f = ForecastSeries(series_[0], 5, backtests_[0], model_);
  EXPECT_TRUE(ProbabilityAtLeast(f, model_, 3, 0).has_value());
  EXPECT_EQ(ProbabilityAtLeast(f, model_, 4, 0), std::nullopt);
  EXPECT_EQ(ProbabilityAtLeast(f, model_, 0, 0), std::nullopt);
  EXPECT_EQ(ProbabilityAtLeast(f, model_, 6, 0), std::nullopt);
  // One short series' errors are too few to read a probability from.
  const BacktestErrors late = Backtest(series_[0], 3, 20);
  const IntervalModel thin = LearnIntervals({&late}, 3);
  ASSERT_LT(thin.naive[2].errors, kMinIntervalErrors);
  EXPECT_EQ(ProbabilityAtLeast(f, thin, 3, 0), std::nullopt);
}

}  // namespace
}  // namespace bilat::index
