#include "measure/growth.h"

#include <gtest/gtest.h>

namespace bilat::measure {
namespace {

TEST(GrowthPct, MatchesHandComputedValue) {
  // 31.17 / 25.25 = 1.234455...; minus 1, times 100 = 23.4455%.
  ASSERT_TRUE(GrowthPct(25.25, 31.17).has_value());
  EXPECT_NEAR(*GrowthPct(25.25, 31.17), 23.4455, 1e-4);
  EXPECT_DOUBLE_EQ(*GrowthPct(100, 50), -50.0);
  EXPECT_DOUBLE_EQ(*GrowthPct(100, 100), 0.0);
}

TEST(GrowthPct, FallToZeroIsMinusOneHundred) {
  EXPECT_DOUBLE_EQ(*GrowthPct(100, 0), -100.0);
}

TEST(GrowthPct, UndefinedFromNonPositiveOrToNegative) {
  EXPECT_EQ(GrowthPct(0, 5), std::nullopt);
  EXPECT_EQ(GrowthPct(-1, 5), std::nullopt);
  EXPECT_EQ(GrowthPct(10, -1), std::nullopt);
}

TEST(CompoundAnnualGrowthPct, MatchesHandComputedValues) {
  // Doubling in 3 years: 2^(1/3) = 1.259921 -> 25.9921% a year.
  EXPECT_NEAR(*CompoundAnnualGrowthPct(100, 200, 3), 25.9921, 1e-4);
  // One year is plain growth.
  EXPECT_NEAR(*CompoundAnnualGrowthPct(25.25, 31.17, 1), 23.4455, 1e-4);
  // Halving in 2 years: 0.5^(1/2) = 0.707107 -> -29.2893%.
  EXPECT_NEAR(*CompoundAnnualGrowthPct(100, 50, 2), -29.2893, 1e-4);
  EXPECT_DOUBLE_EQ(*CompoundAnnualGrowthPct(7, 7, 5), 0.0);
}

TEST(CompoundAnnualGrowthPct, UndefinedForNonPositiveValuesOrSpan) {
  EXPECT_EQ(CompoundAnnualGrowthPct(0, 200, 3), std::nullopt);
  EXPECT_EQ(CompoundAnnualGrowthPct(100, 0, 3), std::nullopt);
  EXPECT_EQ(CompoundAnnualGrowthPct(100, 200, 0), std::nullopt);
  EXPECT_EQ(CompoundAnnualGrowthPct(100, 200, -2), std::nullopt);
}

TEST(RequiredAnnualGrowthPct, MatchesHandComputedValue) {
  // $291.48 bn in 2024 to $450 bn in 2029 is 5 years:
  // 450 / 291.48 = 1.543845; ln = 0.434276; / 5 = 0.0868552;
  // e^0.0868552 = 1.090739 -> 9.0739% a year.
  ASSERT_TRUE(RequiredAnnualGrowthPct(291.48e9, 2024, 450e9, 2029).has_value());
  EXPECT_NEAR(*RequiredAnnualGrowthPct(291.48e9, 2024, 450e9, 2029), 9.0739, 1e-4);
  // Check: compounding it back reaches the target.
  double g = *RequiredAnnualGrowthPct(291.48e9, 2024, 450e9, 2029) / 100;
  double v = 291.48e9;
  for (int y = 0; y < 5; ++y) v *= 1 + g;
  EXPECT_NEAR(v, 450e9, 1.0);
}

TEST(RequiredAnnualGrowthPct, TargetAlreadyReachedIsNegative) {
  EXPECT_NEAR(*RequiredAnnualGrowthPct(500, 2024, 450, 2025), -10.0, 1e-9);
}

TEST(RequiredAnnualGrowthPct, UndefinedWhenTargetYearIsNotLater) {
  EXPECT_EQ(RequiredAnnualGrowthPct(291.48e9, 2024, 450e9, 2024), std::nullopt);
  EXPECT_EQ(RequiredAnnualGrowthPct(291.48e9, 2024, 450e9, 2020), std::nullopt);
}

}  // namespace
}  // namespace bilat::measure
