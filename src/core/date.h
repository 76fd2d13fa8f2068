// Date: a calendar date that knows its precision.
//
// Sources state dates as "2013", "September 2013" or "7 September 2013"; a
// Date keeps exactly what was stated (year, month or day precision) so that a
// report never prints a day nobody gave. Value type, thread-compatible.
#ifndef BILAT_CORE_DATE_H_
#define BILAT_CORE_DATE_H_

#include <compare>
#include <string>
#include <string_view>

#include "core/status.h"

namespace bilat {

enum class DatePrecision { kYear = 1, kMonth = 2, kDay = 3 };

class Date {
 public:
  Date() = default;  // year 0: "no date"; see IsSet()
  static Date Year(int year) { return Date(year, 0, 0); }
  static Date Month(int year, int month) { return Date(year, month, 0); }
  // Returns an error if the day does not exist in that month.
  static Result<Date> Day(int year, int month, int day);

  // Parses ISO 8601 calendar forms "YYYY", "YYYY-MM", "YYYY-MM-DD". Errors say
  // what is wrong ("2023-02-30: February 2023 has 28 days").
  static Result<Date> Parse(std::string_view text);

  bool IsSet() const { return year_ != 0; }
  int year() const { return year_; }
  int month() const { return month_; }  // 0 at year precision
  int day() const { return day_; }      // 0 unless day precision
  DatePrecision precision() const {
    return day_ ? DatePrecision::kDay
                : (month_ ? DatePrecision::kMonth : DatePrecision::kYear);
  }

  // The ISO form at the stated precision: "2013", "2013-09", "2013-09-07".
  std::string ToIso() const;
  // English at the stated precision: "2013", "September 2013", "7 September 2013".
  std::string ToEnglish() const;

  // Orders by year, month, day with unknown parts first, so "2013" sorts
  // before "2013-01". Equal only when precision and parts are equal.
  auto operator<=>(const Date&) const = default;

  static int DaysInMonth(int year, int month);
  static std::string_view MonthName(int month);  // 1..12 -> "January"..

 private:
  Date(int y, int m, int d) : year_(y), month_(m), day_(d) {}
  int year_ = 0;
  int month_ = 0;
  int day_ = 0;
};

}  // namespace bilat

#endif  // BILAT_CORE_DATE_H_
