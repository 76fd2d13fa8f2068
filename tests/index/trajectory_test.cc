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

#include "index/anomalies.h"

namespace bilat::index {
namespace {

std::vector<std::pair<std::string, double>> Months(const std::vector<double>& v) {
  std::vector<std::pair<std::string, double>> out;
  for (size_t i = 0; i < v.size(); ++i) out.push_back({"m" + std::to_string(100 + i), v[i]});
  return out;
}

TEST(UnusualMonths, ThreeRobustSdsBelowTheMedianWithAFloor) {
  // 30 months: median 0.5, deviations 0.2 -> robust sd 1.4826 * 0.2 = 0.2965.
  std::vector<double> v;
  for (int i = 0; i < 15; ++i) v.push_back(0.3), v.push_back(0.7);
  v[0] = -0.45;  // (−0.45 − 0.5) / 0.2965 = −3.2: unusual
  v[2] = -0.35;  // −2.87: not
  auto u = FindUnusualLowMonths(Months(v));
  ASSERT_TRUE(u);
  EXPECT_NEAR(u->median, 0.5, 1e-12);
  EXPECT_NEAR(u->spread, 1.4826 * 0.2, 1e-12);
  ASSERT_EQ(u->low.size(), 1u);
  EXPECT_EQ(u->low[0].first, "m100");
  // A series sitting at +1 with tiny wobbles: the floor (0.1) keeps a dip to
  // 0.8 ordinary and flags one to 0.6.
  std::vector<double> flat(30, 1.0);
  for (size_t i = 0; i < flat.size(); i += 2) flat[i] = 0.99;
  flat[5] = 0.8;
  flat[7] = 0.6;
  u = FindUnusualLowMonths(Months(flat));
  ASSERT_TRUE(u);
  EXPECT_NEAR(u->spread, 0.1, 1e-12);
  ASSERT_EQ(u->low.size(), 1u);
  EXPECT_EQ(u->low[0].second, 0.6);
  EXPECT_FALSE(FindUnusualLowMonths(Months(std::vector<double>(23, 0.5))));  // too few months
}

}  // namespace
}  // namespace bilat::index
