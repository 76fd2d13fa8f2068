// ComputeTrajectories on hand-built series: which series each kind takes,
// the latest run of consecutive periods, the forecast periods, the event
// balance kept within [-1, 1], GDP on a log scale with the probability of
// a target.
#include "index/trajectory.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace bilat::index {
namespace {

// 40 countries whose trade and GDP grow about 8% a year for 20 years with
// noise, and a monthly event balance near +0.9 with dips.
SeriesComponents Synthetic() {
  static const ComponentSpec* trade = FindComponent("trade");
  SeriesComponents c;
  c.country = "CHN";
  ComponentValues tv{trade, {}, 2001, 2020, {}};
  MonthlyValues events{"events", {}, {}};
  std::mt19937 rng(7);
  std::normal_distribution<double> noise(0, 0.03);
  for (int i = 0; i < 40; ++i) {
    std::string p = "P" + std::string(1, static_cast<char>('A' + i / 26)) + std::string(1, static_cast<char>('A' + i % 26));
    c.partners.push_back(p);
    double level = 1e9 * (1 + i);
    for (int y = 2001; y <= 2020; ++y) {
      level *= 1.08 * std::exp(noise(rng));
      tv.cells[p][y] = Cell{level, 1, false, y};
      c.gdp[p][y] = 50 * level;
    }
    for (int m = 0; m < 48; ++m) {
      const std::string month = std::to_string(2018 + m / 12) + (m % 12 < 9 ? "-0" : "-") + std::to_string(m % 12 + 1);
      events.cells[p][month] = Cell{std::min(1.0, 0.9 + noise(rng) * 3), 20, false, 2018 + m / 12};
    }
  }
  // A gap: the first partner's trade misses 2010, so its run starts in 2011.
  tv.cells["PAA"].erase(2010);
  c.components.push_back(tv);
  c.monthly.push_back(events);
  return c;
}

TEST(Trajectories, TakesTheLatestRunAndForecastsTheNextPeriods) {
  SeriesComponents c = Synthetic();
  RelationsIndex none;  // no axis scores: the axis kinds are empty
  Trajectories t = ComputeTrajectories(c, none);
  ASSERT_EQ(t.kinds.size(), 5u);
  EXPECT_TRUE(t.Of(SeriesKind::kWeight).series.empty());
  const KindTrajectories& trade = t.Of(SeriesKind::kTrade);
  ASSERT_EQ(trade.series.size(), 40u);
  const PartnerSeries* paa = trade.Of("PAA");
  ASSERT_TRUE(paa);
  EXPECT_EQ(paa->periods.front(), "2011");  // after the gap
  EXPECT_EQ(paa->periods.size(), 10u);
  EXPECT_NEAR(TradeUsd(paa->values.back()), c.components[0].cells["PAA"][2020].value, 1);  // log10 and back
  const PartnerSeries* pab = trade.Of("PAB");
  ASSERT_TRUE(pab);
  ASSERT_EQ(pab->forecast_periods.size(), 10u);  // ten years for trade
  EXPECT_EQ(pab->forecast_periods.front(), "2021");
  EXPECT_EQ(pab->forecast_periods.back(), "2030");
  const PartnerSeries* ev = t.Of(SeriesKind::kEvents).Of("PAB");
  ASSERT_TRUE(ev);
  EXPECT_EQ(ev->forecast_periods.front(), "2022-01");
  EXPECT_EQ(ev->forecast_periods.back(), "2022-06");
  for (const ForecastPoint& p : ev->forecast.points) {
    EXPECT_LE(p.hi80, 1.0);  // a balance cannot exceed +1
    EXPECT_GE(p.lo80, -1.0);
  }
}

TEST(Trajectories, GrowingSeriesUseTheTrendAndTargetsGetAProbability) {
  SeriesComponents c = Synthetic();
  RelationsIndex none;
  Trajectories t = ComputeTrajectories(c, none);
  const KindTrajectories& gdp = t.Of(SeriesKind::kGdp);
  ASSERT_EQ(gdp.series.size(), 40u);
  // Steady 8% growth with little noise: the damped trend beats no-change on most.
  EXPECT_LT(gdp.summary.series_fell_back, 20);
  EXPECT_LT(gdp.summary.mean_mase_damped, gdp.summary.mean_mase_naive);
  const PartnerSeries* p = gdp.Of("PAB");
  ASSERT_TRUE(p);
  const double last = TradeUsd(p->values.back());
  // Reaching the last value again in five years is near certain; ten times it, near impossible.
  auto low = ProbabilityAtLeast(p->forecast, gdp.intervals, 5, TradeModelled(last));
  auto high = ProbabilityAtLeast(p->forecast, gdp.intervals, 5, TradeModelled(10 * last));
  ASSERT_TRUE(low && high);
  EXPECT_GT(*low, 0.9);
  EXPECT_LT(*high, 0.05);
  // Beyond the ten learnt horizons there is no probability.
  EXPECT_FALSE(ProbabilityAtLeast(p->forecast, gdp.intervals, 11, TradeModelled(last)));
}

}  // namespace
}  // namespace bilat::index
