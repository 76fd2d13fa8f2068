// Trade indicators against values worked out by hand on a three-country
// world (A, B, C) with two products (HS 0101xx and 0201xx).
#include "measure/trade_indicators.h"

#include <gtest/gtest.h>

namespace bilat::measure {
namespace {

constexpr TradeFlowKind X = TradeFlowKind::kExport;
constexpr TradeFlowKind M = TradeFlowKind::kImport;

// A exports: to B 0101=60 0201=40; to C 0101=100.      X_a = 200
// A imports: from B 0101=10 0201=30; from C 0201=60.  M_a = 100
// B exports: to A 0101=10 0201=28; to C 0101=62.      X_b = 100
// B imports: from A 0101=63 0201=42; from C 0201=45.  M_b = 150 (CIF > A's 100 FOB)
// C exports: to A 0201=60; to B 0201=45.              X_c = 105
// C imports: from A 0101=100; from B 0101=62.         M_c = 162
FlowTable World() {
  std::vector<FlowRow> rows = {
      {2022, "A", "B", X, "010100", 60}, {2022, "A", "B", X, "020100", 40}, {2022, "A", "C", X, "010100", 100},
      {2022, "A", "B", M, "010100", 10}, {2022, "A", "B", M, "020100", 30}, {2022, "A", "C", M, "020100", 60},
      {2022, "B", "A", X, "010100", 10}, {2022, "B", "A", X, "020100", 28}, {2022, "B", "C", X, "010100", 62},
      {2022, "B", "A", M, "010100", 63}, {2022, "B", "A", M, "020100", 42}, {2022, "B", "C", M, "020100", 45},
      {2022, "C", "A", X, "020100", 60}, {2022, "C", "B", X, "020100", 45},
      {2022, "C", "A", M, "010100", 100}, {2022, "C", "B", M, "010100", 62},
  };
  return FlowTable(rows);
}

TEST(TradeIndicators, SumsProductsAndPartnersIntoTotals) {
  FlowTable t = World();
  EXPECT_DOUBLE_EQ(t.Value(2022, "A", "WLD", X), 200);
  EXPECT_DOUBLE_EQ(t.Value(2022, "B", "WLD", M), 150);
  EXPECT_DOUBLE_EQ(t.Value(2022, "A", "WLD", X, "010100"), 160);
  EXPECT_DOUBLE_EQ(t.Value(2021, "A", "WLD", X), 0);
}

TEST(TradeIndicators, BilateralTotalsAndBalance) {
  BilateralTotals b = Bilateral(World(), 2022, "A", "B");
  EXPECT_DOUBLE_EQ(b.exports, 100);
  EXPECT_DOUBLE_EQ(b.imports, 40);
  EXPECT_DOUBLE_EQ(b.total(), 140);
  EXPECT_DOUBLE_EQ(b.balance(), 60);
}

TEST(TradeIndicators, PartnerShareAndRank) {
  // A's trade: with B 140, with C 160, in all 300.
  auto s = Standing(World(), 2022, "A", "B");
  ASSERT_TRUE(s);
  EXPECT_NEAR(s->share_pct, 46.6667, 1e-4);
  EXPECT_EQ(s->rank, 2);
  EXPECT_EQ(s->partners, 2);
  EXPECT_EQ(Standing(World(), 2022, "A", "C")->rank, 1);
  EXPECT_FALSE(Standing(World(), 2022, "A", "Z"));
}

TEST(TradeIndicators, TradeIntensity) {
  // (100 / 200) / (150 / (412 - 100)) = 0.5 / 0.480769 = 1.04
  auto v = TradeIntensity(World(), 2022, "A", "B");
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v, 1.04, 1e-9);
}

TEST(TradeIndicators, RevealedComparativeAdvantage) {
  // A: 160 / 200 = 0.8 of its exports in 0101; world: 232 / 405.
  auto v = RevealedComparativeAdvantage(World(), 2022, "A", "010100");
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v, 0.8 / (232.0 / 405.0), 1e-12);
  EXPECT_NEAR(*v, 1.396552, 1e-6);
}

TEST(TradeIndicators, TradeComplementarity) {
  // B's imports 0.42 / 0.58 against A's exports 0.8 / 0.2: 100 * (1 - 0.76 / 2).
  auto v = TradeComplementarity(World(), 2022, "A", "B");
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v, 62.0, 1e-9);
}

TEST(TradeIndicators, GrubelLloydIntraIndustryTrade) {
  // 0101: x 60, m 10; 0201: x 40, m 30 -> 1 - (50 + 10) / (70 + 70).
  auto v = GrubelLloyd(World(), 2022, "A", "B");
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v, 1.0 - 60.0 / 140.0, 1e-12);
}

TEST(TradeIndicators, ConcentrationNamesTopChapters) {
  auto c = ExportConcentration(World(), 2022, "A", "B");
  ASSERT_TRUE(c);
  EXPECT_NEAR(c->hhi, 0.52, 1e-12);  // 0.6^2 + 0.4^2
  ASSERT_EQ(c->top_chapters.size(), 2u);
  EXPECT_EQ(c->top_chapters[0].first, "01");
  EXPECT_NEAR(c->top_chapters[0].second, 0.6, 1e-12);
}

TEST(TradeIndicators, MirrorGapComparesExportsWithPartnerImports) {
  // A reports 100 of exports to B; B reports 105 of imports from A (CIF).
  auto m = MirrorGap(World(), 2022, "A", "B");
  ASSERT_TRUE(m);
  EXPECT_DOUBLE_EQ(m->exports_reported_by_a, 100);
  EXPECT_DOUBLE_EQ(m->imports_reported_by_b, 105);
  EXPECT_NEAR(m->gap_pct, 100.0 * (100.0 / 105.0 - 1.0), 1e-12);
  EXPECT_FALSE(MirrorGap(World(), 2022, "A", "Z"));  // Z reports nothing
}

TEST(TradeIndicators, ReportedTotalWinsOverSumOfProducts) {
  // A reporter that gives a total and only some products: the total stands.
  FlowTable t({{2022, "A", "B", X, "TOTAL", 500}, {2022, "A", "B", X, "010100", 60}});
  EXPECT_DOUBLE_EQ(t.Value(2022, "A", "B", X), 500);
  EXPECT_DOUBLE_EQ(t.Value(2022, "A", "WLD", X), 500);
}

}  // namespace
}  // namespace bilat::measure
