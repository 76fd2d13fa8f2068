#include "ingest/text/numbers.h"

#include <gtest/gtest.h>

#include "sentence_fixture.h"

namespace bilat::text {
namespace {

std::vector<NumberMention> Numbers(const std::string& text) {
  SentenceFixture f(text);
  SentenceView s = f.view();
  return FindNumbers(s, std::vector<bool>(s.size, false));
}

TEST(ParseNumberToken, ReadsThousandsSeparators) {
  EXPECT_DOUBLE_EQ(*ParseNumberToken("50,000", false), 50000);
  EXPECT_DOUBLE_EQ(*ParseNumberToken("1,234,567", false), 1234567);
}

TEST(ParseNumberToken, ReadsDecimalPoint) { EXPECT_DOUBLE_EQ(*ParseNumberToken("21.43", false), 21.43); }

TEST(ParseNumberToken, ReadsDecimalCommaWhenTold) {
  EXPECT_DOUBLE_EQ(*ParseNumberToken("19,863", true), 19.863);
}

TEST(ParseNumberToken, ReadsContinentalForms) {
  EXPECT_DOUBLE_EQ(*ParseNumberToken("1,5", false), 1.5);
  EXPECT_DOUBLE_EQ(*ParseNumberToken("1.234.567", false), 1234567);
  EXPECT_DOUBLE_EQ(*ParseNumberToken("1.234,5", false), 1234.5);
}

TEST(ParseNumberToken, RejectsWhatIsNotANumber) {
  EXPECT_FALSE(ParseNumberToken("12,34,5", false));
  EXPECT_FALSE(ParseNumberToken("abc", false));
}

TEST(FindNumbers, ReadsDollarBillions) {
  auto n = Numbers("bilateral trade reaching $21.43 billion in 2020");
  ASSERT_EQ(n.size(), 2u);  // the money and the year (dates are masked by the caller)
  EXPECT_EQ(n[0].kind, NumberKind::kMoney);
  EXPECT_DOUBLE_EQ(n[0].value, 21.43);
  EXPECT_EQ(n[0].Unit(), "USD billion");
}

TEST(FindNumbers, ReadsCurrencyWrittenAfterTheScale) {
  auto n = Numbers("trade reached 27.4 billion US dollars");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NumberKind::kMoney);
  EXPECT_DOUBLE_EQ(n[0].value, 27.4);
  EXPECT_EQ(n[0].Unit(), "USD billion");
}

TEST(FindNumbers, ReadsDecimalCommaBeforeBillion) {
  auto n = Numbers("trade reached $19,863 billion");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_DOUBLE_EQ(n[0].value, 19.863);
  EXPECT_EQ(n[0].Unit(), "USD billion");
}

TEST(FindNumbers, KeepsThousandsCommaBeforeMillion) {
  auto n = Numbers("a loan of $1,500 million");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_DOUBLE_EQ(n[0].value, 1500);
  EXPECT_EQ(n[0].Unit(), "USD million");
}

TEST(FindNumbers, ReadsSpaceAfterDollarSign) {
  auto n = Numbers("hit a record high - $ 31 billion");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_DOUBLE_EQ(n[0].value, 31);
}

TEST(FindNumbers, ReadsOtherCurrencies) {
  auto n = Numbers("loans of 10 billion yuan and RMB 5 billion");
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].Unit(), "CNY billion");
  EXPECT_EQ(n[1].Unit(), "CNY billion");
}

TEST(FindNumbers, ReadsWordRangeOfPercentages) {
  auto n = Numbers("economic growth of six to seven percent");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NumberKind::kPercent);
  EXPECT_TRUE(n[0].range);
  EXPECT_DOUBLE_EQ(n[0].value, 6);
  EXPECT_DOUBLE_EQ(n[0].value_high, 7);
}

TEST(FindNumbers, ReadsDigitRangeOfPercentages) {
  auto n = Numbers("growth of 6-7% a year");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_DOUBLE_EQ(n[0].value, 6);
  EXPECT_DOUBLE_EQ(n[0].value_high, 7);
}

TEST(FindNumbers, ReadsPerCent) {
  auto n = Numbers("up 23.6 per cent");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NumberKind::kPercent);
}

TEST(FindNumbers, ReadsHedges) {
  auto n = Numbers("more than 4,700 enterprises and approximately 50,000 jobs, almost $17 billion");
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[0].qualifier, "more than");
  EXPECT_DOUBLE_EQ(n[0].value, 4700);
  EXPECT_EQ(n[1].qualifier, "approximately");
  EXPECT_EQ(n[2].qualifier, "almost");
  EXPECT_EQ(n[2].kind, NumberKind::kMoney);
}

TEST(FindNumbers, ReadsCompoundNumberWords) {
  auto n = Numbers("twenty-five projects and one hundred twenty students");
  ASSERT_EQ(n.size(), 2u);
  EXPECT_DOUBLE_EQ(n[0].value, 25);
  EXPECT_DOUBLE_EQ(n[1].value, 120);
}

TEST(FindNumbers, ReadsMultipliers) {
  auto n = Numbers("supplies increased two-and-a-half times");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NumberKind::kMultiplier);
  EXPECT_DOUBLE_EQ(n[0].value, 2.5);
}

TEST(FindNumbers, ReadsOrdinals) {
  auto n = Numbers("the opening of the third checkpoint and the 2nd railway");
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, NumberKind::kOrdinal);
  EXPECT_DOUBLE_EQ(n[0].value, 3);
  EXPECT_EQ(n[1].kind, NumberKind::kOrdinal);
  EXPECT_DOUBLE_EQ(n[1].value, 2);
}

TEST(FindNumbers, ScalesPlainNumbers) {
  auto n = Numbers("1.5 million tourists");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_DOUBLE_EQ(n[0].value, 1500000);
}

TEST(FindNumbers, IgnoresCapitalisedNumberWordsInNames) {
  EXPECT_TRUE(Numbers("the project Two Countries - Two Parks is under way").empty());
}

}  // namespace
}  // namespace bilat::text
