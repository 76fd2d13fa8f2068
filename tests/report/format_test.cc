// Figures as the report prints them.
#include "report/format.h"

#include <gtest/gtest.h>

namespace bilat::report {
namespace {

TEST(Format, UsdAmountsByMagnitude) {
  EXPECT_EQ(FormatUsd(31.17e9), "$31.17 billion");
  EXPECT_EQ(FormatUsd(12e9), "$12 billion");
  EXPECT_EQ(FormatUsd(420e6), "$420 million");
  EXPECT_EQ(FormatUsd(950000), "$950,000");
}

TEST(Format, NegativeAmountsPutTheSignFirst) {
  EXPECT_EQ(FormatUsd(-32e6), "-$32 million");
  EXPECT_EQ(FormatUsd(-1.5e9), "-$1.5 billion");
  EXPECT_EQ(FormatMoney(-2000, "CNY"), "-CNY 2,000");
}

TEST(Format, PercentagesAndChanges) {
  EXPECT_EQ(FormatPct(23.44), "23.4%");
  EXPECT_EQ(FormatPct(-0.04), "0.0%");
  EXPECT_EQ(FormatChange(-3.14), "down 3.1%");
}

}  // namespace
}  // namespace bilat::report
