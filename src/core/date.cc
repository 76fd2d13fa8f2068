#include "core/date.h"

#include <charconv>
#include <cstdio>

namespace bilat {
namespace {

bool ParseDigits(std::string_view s, size_t n, int* out) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  std::from_chars(s.data(), s.data() + s.size(), *out);
  return true;
}

}  // namespace

int Date::DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string_view Date::MonthName(int month) {
  static constexpr std::string_view kNames[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return month >= 1 && month <= 12 ? kNames[month - 1] : std::string_view();
}

Result<Date> Date::Day(int year, int month, int day) {
  if (month < 1 || month > 12) {
    return Status::InvalidArgument("month " + std::to_string(month) +
                                   " is not between 1 and 12");
  }
  int days = DaysInMonth(year, month);
  if (day < 1 || day > days) {
    return Status::InvalidArgument(
        std::string(MonthName(month)) + " " + std::to_string(year) + " has " +
        std::to_string(days) + " days, not " + std::to_string(day));
  }
  return Date(year, month, day);
}

Result<Date> Date::Parse(std::string_view text) {
  const std::string shown(text);
  auto bad_form = [&]() {
    return Status::InvalidArgument("'" + shown +
                                   "' is not a date (write YYYY, YYYY-MM or "
                                   "YYYY-MM-DD, e.g. 2013-09-07)");
  };
  int year = 0, month = 0, day = 0;
  if (!ParseDigits(text.substr(0, 4), 4, &year)) return bad_form();
  if (year < 1000) {
    return Status::InvalidArgument("'" + shown + "': year " +
                                   std::to_string(year) + " is out of range");
  }
  if (text.size() == 4) return Date::Year(year);
  if (text.size() < 7 || text[4] != '-' ||
      !ParseDigits(text.substr(5, 2), 2, &month)) {
    return bad_form();
  }
  if (month < 1 || month > 12) {
    return Status::InvalidArgument("'" + shown + "': month " +
                                   std::to_string(month) +
                                   " is not between 1 and 12");
  }
  if (text.size() == 7) return Date::Month(year, month);
  if (text.size() != 10 || text[7] != '-' ||
      !ParseDigits(text.substr(8, 2), 2, &day)) {
    return bad_form();
  }
  Result<Date> d = Day(year, month, day);
  if (!d.ok()) return Status::InvalidArgument("'" + shown + "': " + d.status().message());
  return d;
}

std::string Date::ToIso() const {
  if (!IsSet()) return "";
  char buf[16];
  switch (precision()) {
    case DatePrecision::kYear: std::snprintf(buf, sizeof buf, "%04d", year_); break;
    case DatePrecision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", year_, month_); break;
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
      break;
  }
  return buf;
}

std::string Date::ToEnglish() const {
  if (!IsSet()) return "";
  std::string y = std::to_string(year_);
  switch (precision()) {
    case DatePrecision::kYear: return y;
    case DatePrecision::kMonth: return std::string(MonthName(month_)) + " " + y;
    case DatePrecision::kDay:
      return std::to_string(day_) + " " + std::string(MonthName(month_)) + " " + y;
  }
  return y;
}

}  // namespace bilat
