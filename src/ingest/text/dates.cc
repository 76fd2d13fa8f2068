#include "ingest/text/dates.h"

#include <charconv>
#include <cstdio>

#include "core/date.h"

namespace bilat::text {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool ValidDay(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= Date::DaysInMonth(y, m); }

constexpr const char* kMonthShort[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The statistics period for months first..last of a year, as the corpus
// writes it: a half by name, other runs as "Jan-Nov". A run of three months
// stays a run ("the first three months" is "Jan-Mar"); only the word
// "quarter" (or "Q1") makes a quarter, in TryPeriod.
std::string MonthPeriod(int first, int last) {
  if (first == 1 && last == 12) return "";
  if (first == 1 && last == 6) return "H1";
  if (first == 7 && last == 12) return "H2";
  return std::string(kMonthShort[first - 1]) + "-" + kMonthShort[last - 1];
}

class Finder {
 public:
  Finder(const SentenceView& s, const DateContext& ctx, bool future)
      : s_(s), ctx_(ctx), sentence_future_(future), future_(future) {
    ctx_year_ = ctx.context_year ? ctx.context_year : ctx.writing.year;
  }

  std::vector<DateMention> Run() {
    std::vector<DateMention> out;
    uint32_t i = 0;
    while (i < s_.size) {
      DateMention m;
      // Only tokens that can start a date need to know the clause's tense.
      future_ = sentence_future_ && (s_.lex[i] != nullptr || s_.IsKind(i, TokenKind::kNumber)) && FutureAround(i);
      uint32_t end = TryAt(i, &m);
      if (end > i && m.date.IsSet()) {
        m.begin = i;
        m.end = end;
        Classify(&m);
        out.push_back(std::move(m));
        last_end_ = end;
        last_was_month_ = out.back().date.HasMonth();
        i = end;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  bool Word(uint32_t i, std::string_view w) const { return s_.IsWord(i, w); }

  // Whether the clause around token i speaks of the future: "started his
  // visit on Tuesday, expected to be ..." dates a past start.
  bool FutureAround(uint32_t i) const {
    // The present of a schedule verb speaks of what is planned: "the
    // talks begin on Monday" written on a Saturday.
    auto future_word = [&](uint32_t k) {
      return s_.Is(k, kFuture) || Word(k, "next") || Word(k, "tomorrow") ||
             ((Word(k, "is") || Word(k, "are")) && Word(k + 1, "to")) || Word(k, "commences") ||
             Word(k, "begins") || Word(k, "starts") || Word(k, "kicks") || Word(k, "opens");
    };
    for (uint32_t k = i; k-- > 0;) {
      if (Word(k, ";") || (Word(k, ",") && k + 1 < i && !s_.Is(k + 1, kMonth) && !s_.IsKind(k + 1, TokenKind::kNumber))) break;
      if (future_word(k)) return true;
    }
    // A date fronted at the head of the sentence ("On Monday, the talks
    // begin") takes the tense of the clause after it.
    uint32_t head = 0;  // after an opening quote or a bracketed credit
    while (head < i && (Word(head, "\"") || Word(head, "'"))) ++head;
    if (Word(head, "(")) {
      uint32_t close = head + 1;
      while (close < i && !Word(close, ")")) ++close;
      if (close < i) head = close + 1;
    }
    bool fronted = i <= head + 4;
    for (uint32_t k = head; k < i; ++k) fronted &= !Word(k, ",") && !Word(k, ";");
    for (uint32_t k = i; k < s_.size; ++k) {
      bool date_comma = k > 0 && s_.Is(k - 1, kWeekday) &&
                        (s_.Is(k + 1, kMonth) || s_.IsKind(k + 1, TokenKind::kNumber));
      if (Word(k, ",") && fronted && !date_comma) {
        fronted = false;
        continue;
      }
      if (Word(k, ";") || (Word(k, ",") && !date_comma)) break;
      if (future_word(k)) return true;
    }
    return false;
  }
  bool Month(uint32_t i) const { return s_.Is(i, kMonth) && s_.Cap(i); }
  int Year(uint32_t i) const { return i < s_.size ? YearToken(s_.Str(i)) : 0; }

  // A day of the month at i ("17", "1st"); returns the token after it.
  uint32_t DayNumber(uint32_t i, int* day) const {
    if (!s_.IsKind(i, TokenKind::kNumber)) return 0;
    std::string_view t = s_.Str(i);
    if (t.size() > 2 || !AllDigits(t)) return 0;
    int d = ToInt(t);
    if (d < 1 || d > 31) return 0;
    *day = d;
    uint32_t j = i + 1;
    if (s_.Joined(i) && (Word(j, "st") || Word(j, "nd") || Word(j, "rd") || Word(j, "th"))) ++j;
    return j;
  }

  // "last year", "this year", "of last year" after a date without a year.
  uint32_t RelativeYear(uint32_t j, int* year) const {
    if (!ctx_.writing.IsSet()) return 0;
    uint32_t k = Word(j, "of") ? j + 1 : j;
    if (!Word(k + 1, "year")) return 0;
    if (Word(k, "last") || Word(k, "previous")) {
      *year = ctx_.writing.year - 1;
    } else if (Word(k, "this") || Word(k, "current")) {
      *year = ctx_.writing.year;
    } else if (Word(k, "next")) {
      *year = ctx_.writing.year + 1;
    } else {
      return 0;
    }
    return k + 2;
  }

  // An explicit year after a date: ", 2019" or " 2019" or "of 2019".
  uint32_t ExplicitYear(uint32_t j, int* year) const {
    uint32_t k = j;
    if (Word(k, ",") || Word(k, "of")) ++k;
    if (int y = Year(k)) {
      *year = y;
      return k + 1;
    }
    return 0;
  }

  // A year for a date the text gave without one: the story's year, moved
  // so that a past-tense sentence does not land after the document.
  // A year for a date the text gave without one. A month ("in October")
  // takes the year the story was last at; a day ("on June 8") takes the
  // year of the last day or month the story was at, else the document's:
  // news dates days of its own year, while the year of a statistic ("last
  // year, trade ...") says nothing about them. What will happen takes the
  // next such date after the document. Past dates never land after it.
  int InferYear(int month, int day) const {
    if (day && !ctx_.writing.IsSet()) {
      for (const TextDate& d : ctx_.stated_days) {
        if (d.month == month && d.day == day) return d.year;
      }
    }
    int y;
    bool from_writing;
    if (future_ && ctx_.writing.IsSet()) {
      y = ctx_.writing.year;
      from_writing = true;
    } else if (day && ctx_.reference.HasMonth()) {
      y = ctx_.reference.year;
      from_writing = false;
    } else if (day || ctx_.context_year == 0) {
      y = ctx_.writing.year;
      from_writing = true;
    } else {
      y = ctx_.context_year;
      from_writing = false;
    }
    if (y == 0) return 0;
    if (from_writing && ctx_.writing.IsSet()) {
      TextDate cand = day ? TextDate::Day(y, month, day) : TextDate::Month(y, month);
      int cmp = CompareDates(cand, ctx_.writing);
      if (!future_ && cmp > 0) --y;
      if (future_ && cmp < 0) ++y;
    }
    return y;
  }

  uint32_t TryAt(uint32_t i, DateMention* m) {
    if (uint32_t e = TryIso(i, m)) return e;
    if (uint32_t e = TryWeekday(i, m)) return e;
    if (uint32_t e = TryDayMonth(i, m)) return e;
    if (uint32_t e = TryMonthFirst(i, m)) return e;
    if (uint32_t e = TryPeriod(i, m)) return e;
    if (uint32_t e = TryYear(i, m)) return e;
    if (uint32_t e = TryRelative(i, m)) return e;
    return 0;
  }

  uint32_t TryIso(uint32_t i, DateMention* m) const {
    int y = Year(i);
    if (!y || !Word(i + 1, "-") || !s_.Joined(i) || !s_.Joined(i + 1)) return 0;
    std::string_view mm = i + 2 < s_.size ? s_.Str(i + 2) : std::string_view();
    if (mm.size() != 2 || !AllDigits(mm)) return 0;
    int mo = ToInt(mm);
    if (mo < 1 || mo > 12) return 0;
    if (Word(i + 3, "-") && s_.Joined(i + 2) && s_.Joined(i + 3) && i + 4 < s_.size) {
      std::string_view dd = s_.Str(i + 4);
      if (dd.size() == 2 && AllDigits(dd) && ValidDay(y, mo, ToInt(dd))) {
        m->date = TextDate::Day(y, mo, ToInt(dd));
        return i + 5;
      }
    }
    m->date = TextDate::Month(y, mo);
    return i + 3;
  }

  uint32_t TryWeekday(uint32_t i, DateMention* m) const {
    if (!s_.Is(i, kWeekday) || !s_.Cap(i)) return 0;
    uint32_t j = Word(i + 1, ",") || Word(i + 1, "(") ? i + 2 : i + 1;  // "Friday (3 March)"
    // "Wednesday, 3 July" or "Wednesday, July 3": the date says it all.
    DateMention explicit_date;
    Finder inner(s_, ctx_, future_);
    if (uint32_t e = inner.TryDayMonth(j, &explicit_date)) {
      *m = explicit_date;
      return e;
    }
    if (uint32_t e = inner.TryMonthFirst(j, &explicit_date);
        e && explicit_date.date.HasDay()) {
      *m = explicit_date;
      return e;
    }
    const TextDate& w = ctx_.writing;
    if (!w.HasDay()) return 0;
    int target = s_.Value(i);
    int today = Weekday(w.year, w.month, w.day);
    int delta;
    // "on Monday next week", "from Tuesday to Friday next week": that
    // weekday of the week after the document's ("last week": before it).
    int week = 0;
    for (uint32_t k = i + 1; k < s_.size && k <= i + 4; ++k) {
      if (Word(k, "week") && (Word(k - 1, "next") || Word(k - 1, "last"))) {
        week = Word(k - 1, "next") ? 1 : -1;
        break;
      }
      if (Word(k, ",") || Word(k, ";")) break;
    }
    if (week != 0) {
      m->date = AddDays(w, target - today + 7 * week);
      m->relative = true;
      return i + 1;
    }
    if (future_) {
      delta = (target - today + 7) % 7;
      if (delta == 0) delta = 7;
    } else {
      delta = -((today - target + 7) % 7);
    }
    m->date = AddDays(w, delta);
    m->relative = true;
    return i + 1;
  }

  uint32_t TryDayMonth(uint32_t i, DateMention* m) const {
    int d = 0;
    uint32_t j = DayNumber(i, &d);
    if (!j) return 0;
    // "11-12 March 2021", "4 to 6 May": a range dated by its first day.
    if (Word(j, "-") || Word(j, "to") || Word(j, "and")) {
      int d2 = 0;
      if (uint32_t after = DayNumber(j + 1, &d2); after && d2 > d && Month(after)) j = after;
    }
    if (Word(j, "of")) ++j;
    if (!Month(j)) return 0;
    int mo = s_.Value(j);
    uint32_t k = j + 1;
    if (Word(k, ".") && s_.Joined(j)) ++k;
    return FinishDay(d, mo, k, m);
  }

  // Completes "<day> <month>" or "<month> <day>" with a year from the text,
  // a relative year, or the story.
  uint32_t FinishDay(int d, int mo, uint32_t k, DateMention* m) const {
    int y = 0;
    // A range of days is dated by its first day; the year after the range
    // is its year: "March 11-12, 2021", "May 4 to 6", "April 29 - May 2, 2021".
    if (Word(k, "-") || Word(k, "to") || Word(k, "and") || Word(k, "through")) {
      int d2 = 0;
      uint32_t r = k + 1;
      if (Month(r)) ++r;
      if (uint32_t after = DayNumber(r, &d2); after && !s_.IsKind(after, TokenKind::kPercent) && !s_.Is(after, kScale)) {
        k = after;
      }
    }
    uint32_t e = ExplicitYear(k, &y);
    if (!e) {
      e = RelativeYear(k, &y);
      if (e) m->relative = true;
    }
    if (!e) {
      y = InferYear(mo, d);
      e = k;
      m->relative = true;
    }
    if (!y || !ValidDay(y, mo, d)) return 0;
    m->date = TextDate::Day(y, mo, d);
    return e;
  }

  uint32_t TryMonthFirst(uint32_t i, DateMention* m) const {
    if (!Month(i)) return 0;
    int mo = s_.Value(i);
    uint32_t j = i + 1;
    if (Word(j, ".") && s_.Joined(i)) ++j;  // "Jan."
    // "September 23, 2019", "May 17".
    int d = 0;
    if (!Year(j)) {
      if (uint32_t k = DayNumber(j, &d)) {
        if (!s_.IsKind(k, TokenKind::kPercent) && !s_.Is(k, kScale)) return FinishDay(d, mo, k, m);
      }
    }
    // "January-November 2024", "January to June".
    uint32_t r = j;
    if (Word(r, "-") || Word(r, "to") || Word(r, "through") || (Word(r, "and") && i > 0 && Word(i - 1, "between"))) {
      if (Month(r + 1)) {
        int last = s_.Value(r + 1);
        int y = 0;
        uint32_t e = ExplicitYear(r + 2, &y);
        if (!e) e = RelativeYear(r + 2, &y);
        if (!e) {
          // A statistics period without a year: the latest begun by the
          // writing date, as for "the first quarter".
          y = LatestBegun(mo);
          if (!y) y = InferYear(last, 0);
          e = r + 2;
          m->relative = true;
        }
        if (!y || last < mo) return 0;
        m->date = TextDate::Year(y);
        m->date.period = MonthPeriod(mo, last);
        return e;
      }
    }
    // "September 2013", "May of 2015".
    int y = 0;
    if (uint32_t e = ExplicitYear(j, &y)) {
      m->date = TextDate::Month(y, mo);
      return e;
    }
    if (uint32_t e = RelativeYear(j, &y)) {
      m->date = TextDate::Month(y, mo);
      m->relative = true;
      return e;
    }
    // A month alone is a date only after a word that introduces one ("in
    // October", "since March", "last October") or in a list of dates; a
    // bare "May" may be the verb.
    bool introduced = false;
    bool last_rel = false, next_rel = false;
    if (i > 0) {
      std::string_view p = s_.Low(i - 1);
      introduced = p == "in" || p == "since" || p == "from" || p == "until" || p == "till" ||
                   p == "by" || p == "during" || p == "early" || p == "late" || p == "mid" ||
                   p == "of" || p == "before" || p == "after" || p == "through" || p == "this" ||
                   p == "last" || p == "next" || p == "-";
      last_rel = p == "last";
      next_rel = p == "next";
      if (!introduced && (p == "," || p == "and") && last_was_month_ && last_end_ + 1 >= i) {
        introduced = true;
      }
    }
    if (!introduced) return 0;
    if (last_rel || next_rel) {
      if (!ctx_.writing.HasMonth()) return 0;
      int wy = ctx_.writing.year, wm = ctx_.writing.month;
      y = last_rel ? (mo < wm ? wy : wy - 1) : (mo > wm ? wy : wy + 1);
      m->relative = true;
    } else {
      y = InferYear(mo, 0);
      m->relative = true;
    }
    if (!y) return 0;
    m->date = TextDate::Month(y, mo);
    return j;
  }

  // The year a period phrase belongs to: "of the year" (the story's year),
  // "of 2023", "of last year", "2023".
  // The month a statistics period begins: "Q3" 7, "H2" 7, "Jan-Apr" 1; 0 if unknown.
  static int FirstMonthOf(std::string_view period) {
    if (period.size() == 2 && period[0] == 'Q' && period[1] >= '1' && period[1] <= '4') return 1 + 3 * (period[1] - '1');
    if (period == "H1") return 1;
    if (period == "H2") return 7;
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int m = 0; m < 12; ++m) {
      if (period.substr(0, 3) == kMonths[m]) return m + 1;
    }
    return 0;
  }

  // The year of a statistics period that begins in `first_month` and is
  // written without one: the latest such period begun by the writing date
  // ("in the first quarter" of a May story is this year's). 0 if the text
  // has no writing month.
  int LatestBegun(int first_month) const {
    if (!ctx_.writing.HasMonth() || first_month <= 0) return 0;
    return ctx_.writing.year - (first_month > ctx_.writing.month ? 1 : 0);
  }

  // A period's year after token j; `first_month` is the month the period
  // begins (0 when it is a whole year), for a period written without one.
  uint32_t PeriodYear(uint32_t j, int* year, bool* relative, int first_month = 0) const {
    if (Word(j, "of") || Word(j, "in")) {
      if (int y = Year(j + 1)) {
        *year = y;
        return j + 2;
      }
      if (Word(j + 1, "the") && (Word(j + 2, "year") || Word(j + 2, "current"))) {
        *year = ctx_year_;
        *relative = true;
        return Word(j + 2, "current") && Word(j + 3, "year") ? j + 4 : j + 3;
      }
      if (uint32_t e = RelativeYear(j + 1, year)) {
        *relative = true;
        return e;
      }
    }
    if (int y = Year(j)) {
      *year = y;
      return j + 1;
    }
    if (uint32_t e = RelativeYear(j, year)) {
      *relative = true;
      return e;
    }
    // No year: the latest period of that name begun by the writing date,
    // else the year the story is at.
    *year = LatestBegun(first_month);
    if (!*year) *year = ctx_year_;
    *relative = true;
    return j;
  }

  uint32_t TryPeriod(uint32_t i, DateMention* m) const {
    std::string_view w = s_.Low(i);
    std::string period;
    uint32_t j = 0;
    if (w.size() == 2 && (w[0] == 'h' || w[0] == 'q') && w[1] >= '1' &&
        w[1] <= (w[0] == 'h' ? '2' : '4') && s_.Cap(i)) {
      period = std::string(1, static_cast<char>(w[0] - 'a' + 'A')) + w[1];
      j = i + 1;
    } else if ((w == "first" || w == "second") && Word(i + 1, "half")) {
      period = w == "first" ? "H1" : "H2";
      j = i + 2;
    } else if (s_.Is(i, kOrdinal) && s_.Value(i) <= 4 && Word(i + 1, "quarter")) {
      period = "Q" + std::to_string(s_.Value(i));
      j = i + 2;
    } else if (w == "first" && i + 2 < s_.size && Word(i + 2, "months")) {
      int n = 0;
      if (s_.IsKind(i + 1, TokenKind::kNumber) && AllDigits(s_.Str(i + 1))) {
        n = ToInt(s_.Str(i + 1));
      } else if (s_.Is(i + 1, kNumberWord)) {
        n = s_.Value(i + 1);
      }
      if (n < 2 || n > 11) return 0;
      period = MonthPeriod(1, n);
      j = i + 3;
    } else if ((w == "year" && Word(i + 1, "-") && Word(i + 2, "end")) ||
               (w == "end" && Word(i + 1, "-") && Year(i + 2))) {
      // "year-end 2024", "end-2024": the figure for the whole year.
      j = w == "year" ? i + 3 : i + 2;
      int y = 0;
      bool rel = false;
      j = PeriodYear(j, &y, &rel);
      if (!y) return 0;
      m->date = TextDate::Year(y);
      m->relative = rel;
      return j;
    } else if ((w == "end" || w == "beginning" || w == "start") && Word(i + 1, "of") &&
               (Year(i + 2) || (Word(i + 2, "the") && Word(i + 3, "year")) ||
                Word(i + 2, "last") || Word(i + 2, "this"))) {
      int y = 0;
      bool rel = false;
      j = PeriodYear(i + 1, &y, &rel);
      if (!y) return 0;
      m->date = TextDate::Year(y);
      m->relative = rel;
      return j;
    } else {
      return 0;
    }
    int y = 0;
    bool rel = false;
    // "2023 H1": the year came first.
    if (i > 0 && Year(i - 1) && last_end_ == i) return 0;
    j = PeriodYear(j, &y, &rel, FirstMonthOf(period));
    if (!y) return 0;
    m->date = TextDate::Year(y);
    m->date.period = period;
    m->relative = rel;
    return j;
  }

  uint32_t TryYear(uint32_t i, DateMention* m) const {
    int y = Year(i);
    if (!y) return 0;
    // "2000 students", "2030 percent": a number, not a year.
    if (s_.Is(i + 1, kCountNoun) || s_.Is(i + 1, kScale) || s_.IsKind(i + 1, TokenKind::kPercent) ||
        s_.Is(i + 1, kPercentWord) || s_.Is(i + 1, kCurrencyWord)) {
      return 0;
    }
    if (i > 0 && s_.IsKind(i - 1, TokenKind::kCurrency)) return 0;
    // Spans: "2013-2015", "2013-15", "from 2013 to 2015", "between 2013 and 2015".
    if (Word(i + 1, "-") && s_.Joined(i) && s_.Joined(i + 1) && i + 2 < s_.size) {
      std::string_view t = s_.Str(i + 2);
      int y2 = YearToken(t);
      if (!y2 && t.size() == 2 && AllDigits(t)) y2 = y / 100 * 100 + ToInt(t);
      if (y2 > y) {
        m->date = TextDate::Year(y);
        m->date.end_year = y2;
        return i + 3;
      }
    }
    if (i > 0 && (Word(i - 1, "from") || Word(i - 1, "between")) &&
        (Word(i + 1, "to") || Word(i + 1, "and") || Word(i + 1, "until"))) {
      if (int y2 = Year(i + 2); y2 > y) {
        m->date = TextDate::Year(y);
        m->date.end_year = y2;
        return i + 3;
      }
    }
    m->date = TextDate::Year(y);
    // "2023 H1".
    std::string_view n = i + 1 < s_.size ? s_.Low(i + 1) : std::string_view();
    if (n.size() == 2 && (n == "h1" || n == "h2" || n == "q1" || n == "q2" || n == "q3" || n == "q4")) {
      m->date.period = std::string(1, static_cast<char>(n[0] - 'a' + 'A')) + n[1];
      return i + 2;
    }
    return i + 1;
  }

  // The count in "two years ago", "3 days ago", "a decade later"; 0 if none.
  int SmallCount(uint32_t i) const {
    if (Word(i, "a") || Word(i, "one")) return 1;
    if (s_.Is(i, kNumberWord)) return s_.Value(i);
    if (s_.IsKind(i, TokenKind::kNumber) && AllDigits(s_.Str(i))) return ToInt(s_.Str(i));
    return 0;
  }

  uint32_t TryRelative(uint32_t i, DateMention* m) const {
    std::string_view w = s_.Low(i);
    const TextDate& wr = ctx_.writing;
    m->relative = true;
    if (w == "yesterday" || w == "today" || w == "tomorrow") {
      if (!wr.HasDay()) return 0;
      m->date = AddDays(wr, w == "yesterday" ? -1 : (w == "today" ? 0 : 1));
      return i + 1;
    }
    if ((w == "last" || w == "this" || w == "next" || w == "current") && i + 1 < s_.size) {
      std::string_view unit = s_.Low(i + 1);
      if (!wr.IsSet()) return 0;
      int off = w == "last" ? -1 : (w == "next" ? 1 : 0);
      if (unit == "year") {
        m->date = TextDate::Year(wr.year + off);
        return i + 2;
      }
      if (unit == "month" && wr.HasMonth()) {
        int mo = wr.month + off, y = wr.year;
        if (mo < 1) {
          mo = 12;
          --y;
        } else if (mo > 12) {
          mo = 1;
          ++y;
        }
        m->date = TextDate::Month(y, mo);
        return i + 2;
      }
      return 0;
    }
    // "the previous year", "a year earlier": relative to the story's year.
    if ((w == "previous" || w == "following") && Word(i + 1, "year") && i > 0 && Word(i - 1, "the") &&
        ctx_year_) {
      m->date = TextDate::Year(ctx_year_ + (w == "previous" ? -1 : 1));
      return i + 2;
    }
    // "a decade later", "two years later", "a year earlier": relative to the
    // year the story is at ("In 1990, trade was $1.7 billion. A decade
    // later, it was $4.5 billion").
    // Only opening a sentence: inside one ("up 12% from a year earlier") it
    // counts from the sentence's own figure, a base the rules read apart.
    if (i <= 1 && i + 2 < s_.size && (Word(i + 2, "later") || Word(i + 2, "earlier")) && ctx_year_) {
      const int n = SmallCount(i);
      std::string_view unit = s_.Low(i + 1);
      int years = unit == "year" || unit == "years" ? n : (unit == "decade" || unit == "decades" ? 10 * n : 0);
      if (years > 0 && years < 100) {
        m->date = TextDate::Year(ctx_year_ + (Word(i + 2, "later") ? years : -years));
        return i + 3;
      }
    }
    // "N years ago".
    if (i + 2 < s_.size && Word(i + 2, "ago")) {
      const int n = SmallCount(i);
      std::string_view unit = s_.Low(i + 1);
      if (n > 0 && n < 100 && wr.IsSet()) {
        if (unit == "year" || unit == "years") {
          m->date = TextDate::Year(wr.year - n);
          return i + 3;
        }
        if ((unit == "day" || unit == "days") && wr.HasDay()) {
          m->date = AddDays(wr, -n);
          return i + 3;
        }
      }
      return 0;
    }
    // Days relative to the story: "the day before", "the next day",
    // "earlier in the day", "later that day".
    const TextDate& ref = ctx_.reference.HasDay() ? ctx_.reference : TextDate();
    if (!ref.HasDay()) return 0;
    if (w == "the" && Word(i + 1, "day") && Word(i + 2, "before")) {
      m->date = AddDays(ref, -1);
      return i + 3;
    }
    if (w == "the" && (Word(i + 1, "previous") || Word(i + 1, "next") || Word(i + 1, "following")) &&
        Word(i + 2, "day")) {
      m->date = AddDays(ref, Word(i + 1, "previous") ? -1 : 1);
      return i + 3;
    }
    if ((w == "earlier" || w == "later") &&
        ((Word(i + 1, "in") && Word(i + 2, "the") && Word(i + 3, "day")) ||
         (Word(i + 1, "that") && Word(i + 2, "day")))) {
      m->date = ref;
      return Word(i + 1, "in") ? i + 4 : i + 3;
    }
    if (w == "the" && Word(i + 1, "same") && Word(i + 2, "day")) {
      m->date = ref;
      return i + 3;
    }
    return 0;
  }

  // Baselines and targets, from the words before the date.
  void Classify(DateMention* m) const {
    uint32_t b = m->begin;
    if (m->end < s_.size && Word(m->end, "'s")) m->possessive = true;
    // "by 2029" is a deadline; "until 2035" the end of what runs till then
    // (a plan, a programme's name), not when anything happened.
    if (b > 0 && (Word(b - 1, "by") || Word(b - 1, "until") || Word(b - 1, "till"))) {
      // "By 2007, trade had reached $28 billion": opening a sentence that
      // tells no future, "by" dates a state of things, not a deadline.
      if (Word(b - 1, "by") && b == 1 && !sentence_future_) return;
      m->role = DateRole::kTarget;
      return;
    }
    if (b > 2 && Word(b - 1, "of") && Word(b - 2, "end") && Word(b - 3, "the") && b > 3 &&
        Word(b - 4, "by")) {
      m->role = DateRole::kTarget;
      return;
    }
    uint32_t from = b >= 6 ? b - 6 : 0;
    for (uint32_t k = from; k < b; ++k) {
      if (s_.Is(k, kBaseline)) {
        bool hedge_than = Word(k, "than") && k > 0 &&
                          (Word(k - 1, "more") || Word(k - 1, "less") || Word(k - 1, "fewer") ||
                           Word(k - 1, "rather") || Word(k - 1, "other"));
        if (!hedge_than) {
          m->role = DateRole::kBaseline;
          return;
        }
      }
      if (Word(k, "same") && k + 1 < b && Word(k + 1, "period")) {
        m->role = DateRole::kBaseline;
        return;
      }
    }
    // "up 40 percent on 2022", "a 5% rise over 2021": a rate and then its base.
    // Also "up 24.4% from 2021".
    if (b > 0 && (Word(b - 1, "on") || Word(b - 1, "over") || Word(b - 1, "from"))) {
      uint32_t lo = b >= 8 ? b - 8 : 0;
      for (uint32_t k = lo; k + 1 < b; ++k) {
        if (s_.IsKind(k, TokenKind::kPercent) || s_.Is(k, kPercentWord)) {
          m->role = DateRole::kBaseline;
          return;
        }
      }
    }
    // "rose from $5 billion in 2021 to ...": the first of two values is the
    // base. "from March 20 to 22" is a span, not a base: a value must stand
    // between "from" and the date, or a change before "from".
    uint32_t lo = b >= 5 ? b - 5 : 0;
    for (uint32_t k = lo; k < b; ++k) {
      bool value_between = false;
      for (uint32_t q = k + 1; q < b; ++q) {
        value_between |= s_.IsKind(q, TokenKind::kNumber) || s_.IsKind(q, TokenKind::kCurrency);
      }
      bool change_before = k > 0 && (s_.Is(k - 1, kGrowthUp) || s_.Is(k - 1, kGrowthDown));
      if (Word(k, "from") && (value_between || change_before)) {
        for (uint32_t t = m->end; t < s_.size && t < m->end + 8; ++t) {
          if (Word(t, "to")) {
            m->role = DateRole::kBaseline;
            return;
          }
        }
      }
    }
  }

  const SentenceView& s_;
  const DateContext& ctx_;
  bool sentence_future_;
  bool future_;
  int ctx_year_ = 0;
  uint32_t last_end_ = 0;
  bool last_was_month_ = false;
};

}  // namespace

std::string TextDate::Iso() const {
  if (!year) return "";
  char buf[24];
  if (end_year) {
    std::snprintf(buf, sizeof buf, "%04d/%04d", year, end_year);
  } else if (day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (month) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

std::optional<TextDate> TextDate::Parse(std::string_view iso) {
  Result<Date> d = Date::Parse(iso);
  if (!d.ok()) return std::nullopt;
  return TextDate{d->year(), d->month(), d->day(), 0, {}};
}

int64_t DaysFromCivil(int y, int m, int d) {
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yy + (*m <= 2));
}

int Weekday(int y, int m, int d) {
  int64_t days = DaysFromCivil(y, m, d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

TextDate AddDays(const TextDate& d, int days) {
  if (!d.HasDay()) return d;
  TextDate out = d;
  CivilFromDays(DaysFromCivil(d.year, d.month, d.day) + days, &out.year, &out.month, &out.day);
  return out;
}

int CompareDates(const TextDate& a, const TextDate& b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (!a.month || !b.month) return 0;
  if (a.month != b.month) return a.month < b.month ? -1 : 1;
  if (!a.day || !b.day) return 0;
  if (a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

int64_t DaysBetween(const TextDate& a, const TextDate& b) {
  return DaysFromCivil(b.year, b.month, b.day) - DaysFromCivil(a.year, a.month, a.day);
}

bool DateContains(const TextDate& prefix, const TextDate& d) {
  if (!prefix.IsSet() || !d.IsSet()) return false;
  if (prefix.end_year || d.end_year) return prefix.year == d.year && prefix.end_year == d.end_year;
  if (prefix.year != d.year) return false;
  if (prefix.month && prefix.month != d.month) return false;
  if (prefix.day && prefix.day != d.day) return false;
  return true;
}

std::vector<DateMention> FindDates(const SentenceView& s, const DateContext& ctx, bool future) {
  return Finder(s, ctx, future).Run();
}

int YearToken(std::string_view token) {
  if (token.size() != 4 || !AllDigits(token)) return 0;
  int y = ToInt(token);
  return y >= 1900 && y <= 2100 ? y : 0;
}

}  // namespace bilat::text
