// Forecast backtests (src/index/forecast.h): the time to backtest a set of
// synthetic series the size of one country's partners, and the accuracy
// and interval coverage on series of known behaviour. No reference engine:
// the figure to compare with is the budget (1,000 series well under 10 s
// on one core) and naive's MASE in the same run.
//
//   build/bench/forecast_bench [series=1000] [length=40] [max_horizon=3]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "index/forecast.h"

namespace {

using bilat::index::Backtest;
using bilat::index::BacktestErrors;
using bilat::index::SetSummary;
using bilat::index::SummariseSet;

enum class Kind { kRandomWalk, kTrend, kAr1, kMix };

std::vector<std::vector<double>> Make(Kind kind, int count, int length, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::vector<std::vector<double>> series;
  for (int i = 0; i < count; ++i) {
    Kind k = kind;
    if (kind == Kind::kMix) k = static_cast<Kind>(i % 3);
    std::vector<double> y;
    for (int t = 0; t < length; ++t) {
      const double e = noise(rng);
      switch (k) {
        case Kind::kRandomWalk:
          y.push_back(t == 0 ? 100 : y.back() + e);
          break;
        case Kind::kTrend:
          y.push_back(10 + 2.0 * t + e);
          break;
        default:
          y.push_back(t == 0 ? 50 + e : 50 + 0.6 * (y.back() - 50) + e);
          break;
      }
    }
    series.push_back(y);
  }
  return series;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

void Report(const char* name, const SetSummary& s) {
  std::printf(
      "%-12s series %4d  MASE naive %.3f  damped %.3f  used %.3f  rule out of sample %.3f  "
      "damped wins %3d  fell back %3d  coverage80 %.3f of %d\n",
      name, s.series, s.mean_mase_naive, s.mean_mase_damped, s.mean_mase_method,
      s.mean_mase_selected, s.series_method_wins, s.series_fell_back, s.coverage80,
      s.coverage_outcomes);
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 1000;
  const int length = argc > 2 ? std::atoi(argv[2]) : 40;
  const int max_horizon = argc > 3 ? std::atoi(argv[3]) : 3;
  const int min_train = 8;

  const auto mix = Make(Kind::kMix, count, length, 1);
  auto start = std::chrono::steady_clock::now();
  double checksum = 0;
  for (const auto& y : mix) checksum += Backtest(y, max_horizon, min_train).mase_method;
  std::printf("Backtest: %d series x %d points, max_horizon %d: %.3f s (checksum %.6f)\n", count,
              length, max_horizon, Seconds(start), checksum);

  start = std::chrono::steady_clock::now();
  const SetSummary all = SummariseSet(mix, max_horizon, min_train);
  std::printf("SummariseSet of the same: %.3f s\n", Seconds(start));
  Report("mix", all);
  Report("random walk",
         SummariseSet(Make(Kind::kRandomWalk, count, length, 2), max_horizon, min_train));
  Report("trend", SummariseSet(Make(Kind::kTrend, count, length, 3), max_horizon, min_train));
  Report("AR(1) 0.6", SummariseSet(Make(Kind::kAr1, count, length, 4), max_horizon, min_train));
  return 0;
}
