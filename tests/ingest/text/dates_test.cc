#include "ingest/text/dates.h"

#include <gtest/gtest.h>

#include "sentence_fixture.h"

namespace bilat::text {
namespace {

std::vector<DateMention> Dates(const std::string& text, DateContext ctx, bool future = false) {
  SentenceFixture f(text);
  return FindDates(f.view(), ctx, future);
}

DateContext Writing(TextDate d) {
  DateContext c;
  c.writing = d;
  return c;
}

TEST(FindDates, ReadsDayMonthYearForms) {
  DateContext ctx = Writing(TextDate::Day(2024, 1, 22));
  EXPECT_EQ(Dates("On September 23, 2019, a branch opened", ctx)[0].date.Iso(), "2019-09-23");
  EXPECT_EQ(Dates("on 7 September 2013", ctx)[0].date.Iso(), "2013-09-07");
  EXPECT_EQ(Dates("BEIJING, Jan. 22, 2024 /PRNewswire/", ctx)[0].date.Iso(), "2024-01-22");
  EXPECT_EQ(Dates("date 2023-05-18 XI'AN", ctx)[0].date.Iso(), "2023-05-18");
}

TEST(FindDates, ReadsMonthAndYear) {
  auto d = Dates("in September 2013, May 2015, June 2017 and September 2022", Writing(TextDate::Day(2024, 1, 22)));
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].date.Iso(), "2013-09");
  EXPECT_EQ(d[3].date.Iso(), "2022-09");
}

TEST(FindDates, MonthWithoutYearTakesTheStorysYear) {
  DateContext ctx = Writing(TextDate::Day(2024, 1, 22));
  ctx.context_year = 2023;
  auto d = Dates("In October, Tokayev attended the forum", ctx);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.Iso(), "2023-10");
}

TEST(FindDates, MonthWithoutYearOrStoryIsNotAfterThePastDocument) {
  auto d = Dates("In October, he attended the forum", Writing(TextDate::Day(2024, 1, 22)));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.Iso(), "2023-10");
}

TEST(FindDates, FutureDayWithoutYearIsTheNextOne) {
  auto d = Dates("a free trade agreement which will take effect on July 1", Writing(TextDate::Day(2024, 5, 9)), true);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.Iso(), "2024-07-01");
}

TEST(FindDates, LastYearIsTheYearBeforeTheDocument) {
  auto d = Dates("Last year, trade reached $27.82 billion", Writing(TextDate::Day(2022, 11, 4)));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.Iso(), "2021");
  EXPECT_TRUE(d[0].relative);
}

TEST(FindDates, WeekdayIsTheLastOneBeforeTheDocument) {
  // 2024-05-09 was a Thursday.
  auto d = Dates("Xi wrapped up his visit on Wednesday", Writing(TextDate::Day(2024, 5, 9)));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.Iso(), "2024-05-08");
}

TEST(FindDates, WeekdayOfTheDocumentDayIsThatDay) {
  // 2022-11-28 was a Monday.
  auto d = Dates("Putin said on Monday", Writing(TextDate::Day(2022, 11, 28)));
  EXPECT_EQ(d[0].date.Iso(), "2022-11-28");
}

TEST(FindDates, FutureWeekdayIsTheNextOne) {
  auto d = Dates("the leaders will meet on Friday", Writing(TextDate::Day(2024, 5, 9)), true);
  EXPECT_EQ(d[0].date.Iso(), "2024-05-10");
}

TEST(FindDates, WeekdayWithExplicitDateUsesTheDate) {
  auto d = Dates("On Wednesday, 3 July, the talks took place", Writing(TextDate::Day(2024, 7, 4)));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.Iso(), "2024-07-03");
}

TEST(FindDates, DayWithRelativeYear) {
  auto d = Dates("Since March 1 last year, the checkpoints work 24 hours", Writing(TextDate::Day(2025, 2, 4)));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.Iso(), "2024-03-01");
}

TEST(FindDates, ReadsStatisticsPeriods) {
  DateContext ctx = Writing(TextDate::Day(2025, 2, 4));
  auto d = Dates("in January-November 2024, trade reached", ctx);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.year, 2024);
  EXPECT_EQ(d[0].date.period, "Jan-Nov");
  EXPECT_EQ(Dates("for the first half of 2023", ctx)[0].date.period, "H1");
  EXPECT_EQ(Dates("the H1 2023 period", ctx)[0].date.period, "H1");
  EXPECT_EQ(Dates("in the first quarter of 2024", ctx)[0].date.period, "Q1");
  ctx.context_year = 2023;
  auto six = Dates("during the first six months of the year", ctx);
  ASSERT_EQ(six.size(), 1u);
  EXPECT_EQ(six[0].date.year, 2023);
  EXPECT_EQ(six[0].date.period, "H1");
}

TEST(FindDates, YearEndIsTheWholeYear) {
  auto d = Dates("and at year-end 2024 the total was", Writing(TextDate::Day(2025, 2, 4)));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.Iso(), "2024");
  EXPECT_TRUE(d[0].date.period.empty());
}

TEST(FindDates, ComparisonBaseIsABaseline) {
  auto d = Dates("turnover increased by 26.8 percent compared to the same period in 2022", Writing(TextDate::Day(2023, 7, 28)));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].role, DateRole::kBaseline);
  auto on = Dates("up by more than 40 percent on 2022", Writing(TextDate::Day(2024, 1, 23)));
  ASSERT_EQ(on.size(), 1u);
  EXPECT_EQ(on[0].role, DateRole::kBaseline);
}

TEST(FindDates, MoreThanIsNotAComparisonBase) {
  auto d = Dates("more than 30 projects in 2023", Writing(TextDate::Day(2024, 1, 1)));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].role, DateRole::kPoint);
}

TEST(FindDates, DateRangeIsNotABaseline) {
  auto d = Dates("Tokayev will pay a state visit to China from March 20 to 22", Writing(TextDate::Day(2024, 3, 15)), true);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.Iso(), "2024-03-20");
  EXPECT_EQ(d[0].role, DateRole::kPoint);
}

TEST(FindDates, ByYearIsATarget) {
  auto d = Dates("to double the economy to $450 billion by 2029", Writing(TextDate::Day(2024, 1, 22)));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].role, DateRole::kTarget);
}

TEST(FindDates, ReadsYearSpans) {
  auto d = Dates("during 2013-2015 and from 2016 to 2018", Writing(TextDate::Day(2024, 1, 1)));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].date.Iso(), "2013/2015");
  EXPECT_EQ(d[1].date.Iso(), "2016/2018");
}

TEST(FindDates, DayBeforeCountsFromTheStorysDay) {
  DateContext ctx = Writing(TextDate::Day(2024, 5, 9));
  ctx.reference = TextDate::Day(2024, 5, 8);
  auto d = Dates("where he had welcomed the president the day before", ctx);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.Iso(), "2024-05-07");
}

TEST(FindDates, YesterdayNeedsTheDocumentsDay) {
  EXPECT_EQ(Dates("yesterday's talks", Writing(TextDate::Day(2023, 5, 18)))[0].date.Iso(), "2023-05-17");
  EXPECT_TRUE(Dates("yesterday's talks", Writing(TextDate::Month(2023, 5))).empty());
}

TEST(FindDates, BareMayIsTheVerbNotTheMonth) {
  EXPECT_TRUE(Dates("Trade may grow", Writing(TextDate::Day(2024, 1, 1))).empty());
}

TEST(FindDates, NumbersBeforeNounsAreNotYears) {
  EXPECT_TRUE(Dates("about 2000 students study there", Writing(TextDate::Day(2024, 1, 1))).empty());
}

TEST(DayArithmetic, KnowsWeekdaysAndMonthEnds) {
  EXPECT_EQ(Weekday(2024, 5, 9), 3);  // Thursday
  EXPECT_EQ(AddDays(TextDate::Day(2024, 3, 1), -1).Iso(), "2024-02-29");
  EXPECT_EQ(AddDays(TextDate::Day(2023, 12, 31), 1).Iso(), "2024-01-01");
  EXPECT_TRUE(DateContains(TextDate::Month(2013, 9), TextDate::Day(2013, 9, 7)));
  EXPECT_FALSE(DateContains(TextDate::Day(2013, 9, 7), TextDate::Month(2013, 9)));
}

}  // namespace
}  // namespace bilat::text
