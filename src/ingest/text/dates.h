// Dates in English text: absolute ("7 September 2013", "Jan. 22, 2024",
// "2023-05-18"), month and year ("September 2013"), year spans ("2013-2015"),
// periods of a year for statistics ("H1 2023", "the first six months of the
// year", "January-November 2024"), and dates relative to the document
// ("last year", "yesterday", "on Wednesday") or to the story so far ("in
// October" takes its year from the last year mentioned; "the day before"
// counts back from the day the story is at).
//
// A date keeps the precision the text gives; nothing is invented: "in
// October" with no year in sight takes the document's year, and a weekday
// without a document day resolves to nothing. Thread-compatible.
#ifndef BILAT_INGEST_TEXT_DATES_H_
#define BILAT_INGEST_TEXT_DATES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/text/sentence.h"

namespace bilat::text {

struct TextDate {
  int year = 0;      // 0: no date
  int month = 0;     // 0 at year precision
  int day = 0;       // 0 unless day precision
  int end_year = 0;  // a span of years "2013/2015"; 0 otherwise
  // The part of `year` a statistic covers: "H1", "Q3", "Jan-Nov"; empty
  // for a whole year or a point in time.
  std::string period;

  bool IsSet() const { return year != 0; }
  bool HasDay() const { return day != 0; }
  bool HasMonth() const { return month != 0; }
  // "2013", "2013-09", "2013-09-07", "2013/2015"; "" if unset.
  std::string Iso() const;

  static TextDate Year(int y) { return {y, 0, 0, 0, {}}; }
  static TextDate Month(int y, int m) { return {y, m, 0, 0, {}}; }
  static TextDate Day(int y, int m, int d) { return {y, m, d, 0, {}}; }
  // Parses the forms Iso() writes (except spans). nullopt if not a date.
  static std::optional<TextDate> Parse(std::string_view iso);

  // True if `a` lies entirely before `b` at the precision both have.
  friend bool operator==(const TextDate&, const TextDate&) = default;
};

// Day arithmetic on the proleptic Gregorian calendar.
int64_t DaysFromCivil(int y, int m, int d);
void CivilFromDays(int64_t days, int* y, int* m, int* d);
int Weekday(int y, int m, int d);  // 0 = Monday .. 6 = Sunday
// `d` (day precision) moved by `days`; other precisions are returned as is.
TextDate AddDays(const TextDate& d, int days);
// Compares at the precision both dates have: -1, 0 (same or overlapping), 1.
int CompareDates(const TextDate& a, const TextDate& b);
// Days between two day-precision dates (b - a).
int64_t DaysBetween(const TextDate& a, const TextDate& b);
// True if `prefix` equals `d` or contains it ("2013-09" contains "2013-09-07").
bool DateContains(const TextDate& prefix, const TextDate& d);

// What a date is doing in its sentence.
enum class DateRole : uint8_t {
  kPoint,     // when something happened or holds
  kBaseline,  // a comparison base: "compared to the same period in 2022", "up 40% on 2022"
  kTarget,    // a deadline: "by 2029"
};

struct DateMention {
  uint32_t begin = 0;  // token range in the sentence
  uint32_t end = 0;
  TextDate date;
  DateRole role = DateRole::kPoint;
  bool relative = false;    // resolved against the document or the story
  bool possessive = false;  // "yesterday's talks": dates the noun, not the clause
};

// What relative dates resolve against.
struct DateContext {
  // The document's own date ("last year" is the year before it). Any
  // precision; weekdays and "yesterday" need a day.
  TextDate writing;
  // The year of the last date the text mentioned; "in October" takes it.
  int context_year = 0;
  // The day (or month) the story is at; "the day before" counts from it.
  TextDate reference;
  // Days the text states with their year ("25 February 2020"), for an
  // undated text: the same day written without one ("on Tuesday (25
  // February)") is that day.
  std::vector<TextDate> stated_days;
};

// Finds the dates in `s`. `future` says the sentence speaks of what will
// happen ("will take effect on July 1"), which moves weekdays and year-less
// dates forward instead of back.
std::vector<DateMention> FindDates(const SentenceView& s, const DateContext& ctx, bool future);

// Reads a four-digit year token (1900..2100, no separators). 0 otherwise.
int YearToken(std::string_view token);

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_DATES_H_
