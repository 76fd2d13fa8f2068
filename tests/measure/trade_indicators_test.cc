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
TradeYear World() {
  std::vector<FlowRow> rows = {
      {"A", "B", X, "010100", 60}, {"A", "B", X, "020100", 40}, {"A", "C", X, "010100", 100},
      {"A", "B", M, "010100", 10}, {"A", "B", M, "020100", 30}, {"A", "C", M, "020100", 60},
      {"B", "A", X, "010100", 10}, {"B", "A", X, "020100", 28}, {"B", "C", X, "010100", 62},
      {"B", "A", M, "010100", 63}, {"B", "A", M, "020100", 42}, {"B", "C", M, "020100", 45},
      {"C", "A", X, "020100", 60}, {"C", "B", X, "020100", 45},
      {"C", "A", M, "010100", 100}, {"C", "B", M, "010100", 62},
  };
  return TradeYear::FromFlows(/*reconciled=*/false, rows);
}

TEST(TradeIndicators, SumsProductsAndPartnersIntoTotals) {
  TradeYear t = World();
  EXPECT_DOUBLE_EQ(t.Total("A", "WLD", X), 200);
  EXPECT_DOUBLE_EQ(t.Total("B", "WLD", M), 150);
  EXPECT_DOUBLE_EQ(t.WorldProduct("A", X, "010100"), 160);
  EXPECT_DOUBLE_EQ(t.Total("Z", "WLD", X), 0);
}

TEST(TradeIndicators, BilateralTotalsAndBalance) {
  BilateralTotals b = Bilateral(World(), "A", "B");
  EXPECT_DOUBLE_EQ(b.exports, 100);
  EXPECT_DOUBLE_EQ(b.imports, 40);
  EXPECT_DOUBLE_EQ(b.total(), 140);
  EXPECT_DOUBLE_EQ(b.balance(), 60);
}

TEST(TradeIndicators, PartnerShareAndRank) {
  // A's trade: with B 140, with C 160, in all 300.
  auto s = Standing(World(), "A", "B");
  ASSERT_TRUE(s);
  EXPECT_NEAR(s->share_pct, 46.6667, 1e-4);
  EXPECT_EQ(s->rank, 2);
  EXPECT_EQ(s->partners, 2);
  EXPECT_EQ(Standing(World(), "A", "C")->rank, 1);
  EXPECT_FALSE(Standing(World(), "A", "Z"));
}

TEST(TradeIndicators, TradeIntensity) {
  // (100 / 200) / (150 / (412 - 100)) = 0.5 / 0.480769 = 1.04
  auto v = TradeIntensity(World(), "A", "B");
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v, 1.04, 1e-9);
}

TEST(TradeIndicators, RevealedComparativeAdvantage) {
  // A: 160 / 200 = 0.8 of its exports in 0101; world: 232 / 405.
  auto v = RevealedComparativeAdvantage(World(), "A", "010100");
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v, 0.8 / (232.0 / 405.0), 1e-12);
  EXPECT_NEAR(*v, 1.396552, 1e-6);
}

TEST(TradeIndicators, TradeComplementarity) {
  // B's imports 0.42 / 0.58 against A's exports 0.8 / 0.2: 100 * (1 - 0.76 / 2).
  auto v = TradeComplementarity(World(), "A", "B");
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v, 62.0, 1e-9);
}

TEST(TradeIndicators, GrubelLloydIntraIndustryTrade) {
  // 0101: x 60, m 10; 0201: x 40, m 30 -> 1 - (50 + 10) / (70 + 70).
  auto v = GrubelLloyd(World(), "A", "B");
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v, 1.0 - 60.0 / 140.0, 1e-12);
}

TEST(TradeIndicators, ConcentrationNamesTopChapters) {
  auto c = ExportConcentration(World(), "A", "B");
  ASSERT_TRUE(c);
  EXPECT_NEAR(c->hhi, 0.52, 1e-12);  // 0.6^2 + 0.4^2
  ASSERT_EQ(c->top_chapters.size(), 2u);
  EXPECT_EQ(c->top_chapters[0].first, "01");
  EXPECT_NEAR(c->top_chapters[0].second, 0.6, 1e-12);
}

TEST(TradeIndicators, MirrorGapComparesExportsWithPartnerImports) {
  // A reports 100 of exports to B; B reports 105 of imports from A (CIF).
  auto m = MirrorStatistics(World(), "A", "B");
  ASSERT_TRUE(m);
  EXPECT_DOUBLE_EQ(m->exports_reported_by_a, 100);
  EXPECT_DOUBLE_EQ(m->imports_reported_by_b, 105);
  EXPECT_NEAR(m->gap_pct, 100.0 * (100.0 / 105.0 - 1.0), 1e-12);
  EXPECT_FALSE(MirrorStatistics(World(), "A", "Z"));  // Z reports nothing
}

TEST(TradeIndicators, ReportedTotalWinsOverSumOfProducts) {
  // A reporter that gives a total and only some products: the total stands.
  TradeYear t = TradeYear::FromFlows(false, {{"A", "B", X, "TOTAL", 500}, {"A", "B", X, "010100", 60}});
  EXPECT_DOUBLE_EQ(t.Total("A", "B", X), 500);
  EXPECT_DOUBLE_EQ(t.Total("A", "WLD", X), 500);
}

TEST(TradeIndicators, ReconciledFlowIsBothExportAndImport) {
  // BACI-like: one figure per exporter -> importer flow.
  TradeYear t = TradeYear::FromFlows(/*reconciled=*/true, {
      {"A", "B", X, "010100", 60}, {"A", "B", X, "020100", 40}, {"B", "A", X, "020100", 30},
      {"C", "B", X, "010100", 50}});
  EXPECT_DOUBLE_EQ(t.Total("B", "WLD", M), 150);
  EXPECT_DOUBLE_EQ(t.Total("B", "A", M), 100);
  EXPECT_DOUBLE_EQ(t.Total("A", "B", M), 30);
  EXPECT_DOUBLE_EQ(t.BilateralProduct("A", "B", M, "020100"), 30);
  // 0101: x 60 m 0; 0201: x 40 m 30 -> 1 - (60 + 10) / 130.
  EXPECT_NEAR(*GrubelLloyd(t, "A", "B"), 1.0 - 70.0 / 130.0, 1e-12);
  EXPECT_FALSE(MirrorStatistics(t, "A", "B"));  // one figure: no mirror
  EXPECT_DOUBLE_EQ(t.WorldSum(X), t.WorldSum(M));
}

TEST(TradeIndicators, SumsUseTheFinestProductLevelOnly) {
  // Chapter 01 and its two subheadings: the total is 70, not 140.
  TradeYear t = TradeYear::FromFlows(false, {
      {"A", "B", X, "01", 70}, {"A", "B", X, "010100", 50}, {"A", "B", X, "010200", 20}});
  EXPECT_DOUBLE_EQ(t.Total("A", "B", X), 70);
  EXPECT_DOUBLE_EQ(t.Total("A", "WLD", X), 70);
}

TEST(TradeIndicators, WorldTotalSumsPartnersGivenOnlyInTotal) {
  // B in products, C only in total: the world total includes both.
  TradeYear t = TradeYear::FromFlows(false, {
      {"A", "B", X, "010100", 50}, {"A", "C", X, "TOTAL", 30}});
  EXPECT_DOUBLE_EQ(t.Total("A", "WLD", X), 80);
  // A stated world figure for a product makes the world total the products' sum.
  TradeYear u = TradeYear::FromFlows(false, {{"A", "WLD", X, "010100", 50}, {"A", "WLD", X, "020100", 25}});
  EXPECT_DOUBLE_EQ(u.Total("A", "WLD", X), 75);
  EXPECT_TRUE(u.Partners("A").empty());
}

TEST(TradeIndicators, AllPartnersAgreesWithTheSingleIndicators) {
  TradeYear t = World();
  std::vector<PartnerIndicators> all = AllPartners(t, "A");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].partner, "C");  // 160 before B's 140
  const PartnerIndicators& b = all[1];
  EXPECT_EQ(b.partner, "B");
  EXPECT_DOUBLE_EQ(b.totals.total(), 140);
  EXPECT_EQ(b.standing->rank, 2);
  EXPECT_EQ(b.partner_standing->rank, Standing(t, "B", "A")->rank);
  EXPECT_NEAR(*b.intensity, 1.04, 1e-9);
  EXPECT_NEAR(*b.complementarity, 62.0, 1e-9);
  EXPECT_NEAR(*b.grubel_lloyd, 1.0 - 60.0 / 140.0, 1e-12);
  EXPECT_NEAR(b.concentration->hhi, 0.52, 1e-12);
  EXPECT_DOUBLE_EQ(b.mirror_exports->imports_reported_by_b, 105);
  // B's exports to A (38) against A's imports from B (40).
  EXPECT_NEAR(b.mirror_imports->gap_pct, 100.0 * (38.0 / 40.0 - 1.0), 1e-12);
}

TEST(TradeIndicators, ExportChaptersWithTheirAdvantage) {
  // A: chapter 01 160 of 200; the world exports 232 of 01 in 405.
  std::vector<ChapterExport> c = ExportChapters(World(), "A");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].chapter, "01");
  EXPECT_NEAR(c[0].share, 0.8, 1e-12);
  EXPECT_NEAR(*c[0].rca, 0.8 / (232.0 / 405.0), 1e-12);
  EXPECT_EQ(c[1].chapter, "02");
  EXPECT_NEAR(*c[1].rca, 0.2 / (173.0 / 405.0), 1e-12);
}

TEST(TradeIndicators, ComplementarityCountsProductsOnlyThePartnerImports) {
  // A exports only 0101; B imports 0101 and 0201 half and half: 100 * (1 - (0.5 + 0.5) / 2).
  TradeYear t = TradeYear::FromFlows(false, {
      {"A", "B", X, "010100", 10}, {"B", "C", M, "010100", 5}, {"B", "C", M, "020100", 5}});
  EXPECT_NEAR(*TradeComplementarity(t, "A", "B"), 50.0, 1e-12);
}

TEST(TradeIndicators, ProductIndicatorsUseTheFinestLevelOnly) {
  // A's exports to B as chapter 01 (100) and its subheadings (60 + 40), and
  // chapter 02 given only as a chapter elsewhere: only the six-digit rows count.
  TradeYear t = TradeYear::FromFlows(false, {
      {"A", "B", X, "01", 100}, {"A", "B", X, "010100", 60}, {"A", "B", X, "010200", 40},
      {"B", "A", M, "010100", 60}, {"B", "A", M, "010200", 40}, {"A", "B", M, "010100", 10}});
  auto c = ExportConcentration(t, "A", "B");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->products, 2);
  EXPECT_NEAR(c->hhi, 0.36 + 0.16, 1e-12);
  ASSERT_EQ(c->top_chapters.size(), 1u);
  EXPECT_NEAR(c->top_chapters[0].second, 1.0, 1e-12);  // not 2.0
  std::vector<ChapterExport> ch = ExportChapters(t, "A");
  ASSERT_EQ(ch.size(), 1u);
  EXPECT_NEAR(ch[0].share, 1.0, 1e-12);
  // B imports exactly A's mix: complementarity 100, not above.
  EXPECT_NEAR(*TradeComplementarity(t, "A", "B"), 100.0, 1e-9);
}

TEST(TradeIndicators, MissingStatementsAreNotZeroTrade) {
  // A gives only its world totals; B states imports from A.
  TradeYear t = TradeYear::FromFlows(false, {
      {"A", "WLD", X, "TOTAL", 500}, {"A", "WLD", M, "TOTAL", 300}, {"B", "A", M, "TOTAL", 50},
      {"B", "C", X, "TOTAL", 70}});
  EXPECT_FALSE(MirrorStatistics(t, "A", "B"));  // not -100%
  EXPECT_FALSE(TradeIntensity(t, "A", "B"));    // not 0
  EXPECT_FALSE(t.HasTotal("A", "B", X));
  EXPECT_TRUE(t.HasTotal("B", "A", M));
  // B reports exports but no imports by product: no Grubel-Lloyd for B.
  TradeYear u = TradeYear::FromFlows(false, {{"B", "A", X, "010100", 5}});
  EXPECT_FALSE(GrubelLloyd(u, "B", "A"));
}

TEST(TradeIndicators, StatedWorldFiguresWinOverFinerPartnerSums) {
  // A states its world exports by chapter (01: 100, 02: 50) and gives one
  // partner in subheadings (0101: 30): the world total is the stated 150.
  TradeYear t = TradeYear::FromFlows(false, {
      {"A", "WLD", X, "01", 100}, {"A", "WLD", X, "02", 50}, {"A", "B", X, "010100", 30}});
  EXPECT_DOUBLE_EQ(t.Total("A", "WLD", X), 150);
  EXPECT_DOUBLE_EQ(t.Total("A", "B", X), 30);
}

}  // namespace
}  // namespace bilat::measure
