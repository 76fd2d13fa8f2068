#include "core/date.h"

#include <gtest/gtest.h>

namespace bilat {
namespace {

TEST(DateParse, ReadsYearPrecision) {
  Result<Date> d = Date::Parse("2013");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->precision(), DatePrecision::kYear);
  EXPECT_EQ(d->year(), 2013);
  EXPECT_EQ(d->month(), 0);
  EXPECT_EQ(d->day(), 0);
}

TEST(DateParse, ReadsMonthPrecision) {
  Result<Date> d = Date::Parse("2013-09");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->precision(), DatePrecision::kMonth);
  EXPECT_EQ(d->year(), 2013);
  EXPECT_EQ(d->month(), 9);
  EXPECT_EQ(d->day(), 0);
}

TEST(DateParse, ReadsDayPrecision) {
  Result<Date> d = Date::Parse("2013-09-07");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->precision(), DatePrecision::kDay);
  EXPECT_EQ(d->year(), 2013);
  EXPECT_EQ(d->month(), 9);
  EXPECT_EQ(d->day(), 7);
}

TEST(DateParse, AcceptsLeapDay) {
  EXPECT_TRUE(Date::Parse("2024-02-29").ok());
  EXPECT_TRUE(Date::Parse("2000-02-29").ok());  // divisible by 400
}

TEST(DateParse, RejectsLeapDayOfCenturyYear) {
  Result<Date> d = Date::Parse("1900-02-29");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(), "'1900-02-29': February 1900 has 28 days, not 29");
}

TEST(DateParse, ImpossibleDaySaysHowManyDaysTheMonthHas) {
  Result<Date> d = Date::Parse("2023-02-30");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(d.status().message(), "'2023-02-30': February 2023 has 28 days, not 30");
}

TEST(DateParse, RejectsThirtyFirstOfApril) {
  Result<Date> d = Date::Parse("2013-04-31");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(), "'2013-04-31': April 2013 has 30 days, not 31");
}

TEST(DateParse, RejectsMonthThirteen) {
  Result<Date> d = Date::Parse("2013-13");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(), "'2013-13': month 13 is not between 1 and 12");
  Result<Date> day = Date::Parse("2013-13-01");
  ASSERT_FALSE(day.ok());
  EXPECT_EQ(day.status().message(), "'2013-13-01': month 13 is not between 1 and 12");
}

TEST(DateParse, RejectsMonthZeroAndDayZero) {
  EXPECT_EQ(Date::Parse("2013-00").status().message(),
            "'2013-00': month 0 is not between 1 and 12");
  EXPECT_EQ(Date::Parse("2013-09-00").status().message(),
            "'2013-09-00': September 2013 has 30 days, not 0");
}

TEST(DateParse, GarbageExplainsTheAcceptedForms) {
  const std::string kForms =
      "' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2013-09-07)";
  for (const char* text : {"Sept 2013", "", "2013/09/07", "2013-9-7", "2013-09-07T10:00",
                           "13-09-07", "2013-", "2013-09-", "20130907"}) {
    Result<Date> d = Date::Parse(text);
    ASSERT_FALSE(d.ok()) << text;
    EXPECT_EQ(d.status().message(), "'" + std::string(text) + kForms) << text;
  }
}

TEST(DateParse, RejectsYearBeforeOneThousand) {
  Result<Date> d = Date::Parse("0999");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(), "'0999': year 999 is out of range");
}

TEST(DateDay, RejectsBadMonth) {
  Result<Date> d = Date::Day(2013, 13, 1);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(), "month 13 is not between 1 and 12");
}

TEST(Date, DaysInMonthKnowsLeapYears) {
  EXPECT_EQ(Date::DaysInMonth(2023, 2), 28);
  EXPECT_EQ(Date::DaysInMonth(2024, 2), 29);
  EXPECT_EQ(Date::DaysInMonth(1900, 2), 28);
  EXPECT_EQ(Date::DaysInMonth(2000, 2), 29);
  EXPECT_EQ(Date::DaysInMonth(2023, 12), 31);
  EXPECT_EQ(Date::DaysInMonth(2023, 13), 0);
}

TEST(Date, ToIsoKeepsThePrecision) {
  EXPECT_EQ(Date::Parse("2013")->ToIso(), "2013");
  EXPECT_EQ(Date::Parse("2013-09")->ToIso(), "2013-09");
  EXPECT_EQ(Date::Parse("2013-09-07")->ToIso(), "2013-09-07");
  EXPECT_EQ(Date().ToIso(), "");
}

TEST(Date, ToEnglishKeepsThePrecision) {
  EXPECT_EQ(Date::Parse("2013")->ToEnglish(), "2013");
  EXPECT_EQ(Date::Parse("2013-09")->ToEnglish(), "September 2013");
  EXPECT_EQ(Date::Parse("2013-09-07")->ToEnglish(), "7 September 2013");
  EXPECT_EQ(Date::Parse("2024-01-31")->ToEnglish(), "31 January 2024");
  EXPECT_EQ(Date().ToEnglish(), "");
}

TEST(Date, DefaultIsUnset) {
  EXPECT_FALSE(Date().IsSet());
  EXPECT_TRUE(Date::Year(2013).IsSet());
}

TEST(Date, YearSortsBeforeItsMonthsAndMonthBeforeItsDays) {
  Date year = *Date::Parse("2013");
  Date january = *Date::Parse("2013-01");
  Date first = *Date::Parse("2013-01-01");
  Date december = *Date::Parse("2012-12-31");
  EXPECT_LT(year, january);
  EXPECT_LT(january, first);
  EXPECT_LT(december, year);
  EXPECT_LT(*Date::Parse("2013-09-07"), *Date::Parse("2013-10"));
}

TEST(Date, EqualOnlyWithSamePrecision) {
  EXPECT_EQ(*Date::Parse("2013-09"), Date::Month(2013, 9));
  EXPECT_NE(*Date::Parse("2013"), *Date::Parse("2013-01"));
  EXPECT_NE(*Date::Parse("2013-01"), *Date::Parse("2013-01-01"));
}

}  // namespace
}  // namespace bilat
