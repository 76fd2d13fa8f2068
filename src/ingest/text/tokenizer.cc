#include "ingest/text/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace bilat::text {
namespace {

bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(unsigned char c) { return c >= 'a' && c <= 'z'; }

// Length of the currency sign at s[i], or 0.
size_t CurrencyAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == '$') return 1;
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if (d == 0xA3 || d == 0xA5) return 2;  // £ ¥
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x82) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0xAC || d == 0xBD || d == 0xB8 || d == 0xB9 || d == 0xA9) return 3;  // € ₽ ₸ ₹ ₩
  }
  return 0;
}

// True for bytes that continue a word: ASCII letters and digits, and any
// non-ASCII byte (other scripts are words too) that is not a currency sign.
// A currency written as letters glued to its amount: "R614 billion" (rand),
// "Rp 5 trillion" is spaced and read as a word. Returns the prefix length
// when digits follow at once, else 0.
size_t LetterCurrencyAt(std::string_view s, size_t i, size_t end) {
  static constexpr std::string_view kPrefixes[] = {"Rp", "RM", "Rs", "Tk", "R"};
  for (std::string_view p : kPrefixes) {
    size_t n = p.size();
    if (i + n < end && s.compare(i, n, p) == 0 && s[i + n] >= '0' && s[i + n] <= '9') return n;
  }
  return 0;
}

bool IsWordByte(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (IsAsciiAlpha(c) || IsDigit(c)) return true;
  return c >= 0x80 && CurrencyAt(s, i) == 0;
}

uint8_t CaseFlags(std::string_view w) {
  int letters = 0, upper = 0;
  uint8_t flags = 0;
  bool first = true;
  for (unsigned char c : w) {
    if (!IsAsciiAlpha(c)) continue;
    ++letters;
    if (IsUpper(c)) ++upper;
    if (first) {
      flags |= IsUpper(c) ? kCapitalized : kLower;
      first = false;
    }
  }
  if (letters >= 2 && upper == letters) flags |= kAllCaps;
  return flags;
}

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// Titles and other abbreviations that a full stop never ends a sentence after.
constexpr std::array<std::string_view, 52> kAbbreviations = {
    "mr",   "mrs",   "ms",   "dr",    "prof", "gen",  "col",  "lt",   "sgt",  "capt", "cmdr",
    "adm",  "gov",   "sen",  "rep",   "rev",  "hon",  "st",   "jr",   "sr",   "messrs", "mme",
    "no",   "nos",   "vol",  "fig",   "approx", "est", "dept", "univ", "assn", "ave", "blvd",
    "mt",   "ft",    "vs",   "cf",    "al",   "pres", "amb",  "sec",  "min",  "atty", "supt",
    "maj",  "brig",  "pvt",  "corp",  "inc",  "ltd",  "co",   "bros"};

// Month abbreviations end a sentence only when no day number follows.
constexpr std::array<std::string_view, 12> kMonthAbbreviations = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};

bool IsMonthAbbreviation(std::string_view w) {
  return std::any_of(kMonthAbbreviations.begin(), kMonthAbbreviations.end(),
                     [&](std::string_view a) { return EqualsLower(w, a); });
}

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"};

bool IsMonthName(std::string_view w) {
  return std::any_of(kMonthNames.begin(), kMonthNames.end(),
                     [&](std::string_view a) { return EqualsLower(w, a); });
}

bool IsQuote(std::string_view t) { return t == "\"" || t == "'"; }
bool IsCloser(std::string_view t) { return IsQuote(t) || t == ")" || t == "]"; }

}  // namespace

bool IsAbbreviation(std::string_view word) {
  return std::any_of(kAbbreviations.begin(), kAbbreviations.end(),
                     [&](std::string_view a) { return EqualsLower(word, a); });
}

void Tokenize(std::string_view text, size_t begin, size_t end, std::vector<Token>* out) {
  size_t i = begin;
  bool space = true;
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n') {
      space = true;
      ++i;
      continue;
    }
    Token tok;
    tok.begin = static_cast<uint32_t>(i);
    if (space) tok.flags |= kSpaceBefore;
    space = false;
    if (size_t cur = CurrencyAt(text, i); cur > 0 && i + cur <= end) {
      tok.kind = TokenKind::kCurrency;
      i += cur;
    } else if (size_t pre = LetterCurrencyAt(text, i, end);
               pre > 0 && (i == begin || !IsWordByte(text, i - 1))) {
      tok.kind = TokenKind::kCurrency;
      i += pre;
    } else if (IsDigit(c)) {
      tok.kind = TokenKind::kNumber;
      ++i;
      while (i < end) {
        unsigned char d = static_cast<unsigned char>(text[i]);
        if (IsDigit(d)) {
          ++i;
        } else if ((d == ',' || d == '.') && i + 1 < end &&
                   IsDigit(static_cast<unsigned char>(text[i + 1]))) {
          i += 2;
        } else {
          break;
        }
      }
    } else if (IsWordByte(text, i)) {
      tok.kind = TokenKind::kWord;
      ++i;
      while (i < end) {
        if (IsWordByte(text, i)) {
          ++i;
          continue;
        }
        // An apostrophe inside a word stays ("Xi'an", "d'Ivoire"), except a
        // possessive or contracted "'s", which becomes its own token.
        if (text[i] == '\'' && i + 1 < end && IsWordByte(text, i + 1)) {
          bool possessive = (text[i + 1] == 's' || text[i + 1] == 'S') &&
                            (i + 2 >= end || !IsWordByte(text, i + 2));
          if (!possessive) {
            i += 2;
            continue;
          }
        }
        break;
      }
      tok.flags |= CaseFlags(text.substr(tok.begin, i - tok.begin));
    } else if (c == '\'' && i + 1 < end && (text[i + 1] == 's' || text[i + 1] == 'S') &&
               (i + 2 >= end || !IsWordByte(text, i + 2)) && !out->empty() &&
               out->back().end == i && out->back().kind == TokenKind::kWord) {
      tok.kind = TokenKind::kWord;  // the "'s" split off above
      i += 2;
    } else if (c == '%') {
      tok.kind = TokenKind::kPercent;
      ++i;
    } else if (c == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.') {
      tok.kind = TokenKind::kPunct;
      i += 3;
    } else {
      tok.kind = TokenKind::kPunct;
      ++i;
    }
    tok.end = static_cast<uint32_t>(i);
    out->push_back(tok);
  }
}

std::vector<TokenRange> SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                                       size_t max_tokens) {
  std::vector<TokenRange> out;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  auto str = [&](uint32_t k) {
    return text.substr(tokens[k].begin, tokens[k].size());
  };
  uint32_t start = 0;
  for (uint32_t i = 0; i < n; ++i) {
    bool boundary = false;
    uint32_t last = i;  // last token of the sentence if it ends here
    std::string_view t = str(i);
    if (t == "." || t == "!" || t == "?" || t == "...") {
      // Closing quotes and brackets right after the stop belong to the sentence.
      while (last + 1 < n && !tokens[last + 1].Has(kSpaceBefore) && IsCloser(str(last + 1))) {
        ++last;
      }
      // So does a footnote marker: "was $1.7 billion.[3] A decade later".
      if (last + 3 < n && !tokens[last + 1].Has(kSpaceBefore) && str(last + 1) == "[" &&
          tokens[last + 2].kind == TokenKind::kNumber && str(last + 3) == "]") {
        last += 3;
      }
      if (last + 1 >= n) {
        boundary = true;
      } else {
        const Token& next = tokens[last + 1];
        std::string_view next_text = str(last + 1);
        bool next_starts = next.Has(kCapitalized) || next.kind == TokenKind::kNumber ||
                           next.kind == TokenKind::kCurrency || IsQuote(next_text) ||
                           next_text == "(" || next_text == "*" || next_text == "-";
        if (t == "." && i > start && tokens[i - 1].kind == TokenKind::kWord &&
            tokens[i - 1].end == tokens[i].begin) {
          std::string_view prev = str(i - 1);
          bool single_letter = prev.size() == 1;
          if (single_letter || IsAbbreviation(prev)) {
            next_starts = false;  // "George W. Bush", "U.S. President", "Mr. Li"
          } else if (IsMonthAbbreviation(prev) && next.kind == TokenKind::kNumber) {
            next_starts = false;  // "Jan. 22, 2024"
          } else if (IsMonthName(prev) && next.kind == TokenKind::kNumber && next.size() == 4) {
            next_starts = false;  // "in July. 2009": a stray stop inside a date
          }
          if (!next.Has(kSpaceBefore) && last == i) {
            // "relations.We": a missing space after a sentence, but not
            // "globaltimes.cn" or "U.S": both sides must be real words.
            next_starts = next_starts && next.Has(kCapitalized) && !next.Has(kAllCaps) &&
                          prev.size() >= 3 && tokens[i - 1].Has(kLower);
          }
        } else if (t == "." && !next.Has(kSpaceBefore) && last == i) {
          next_starts = false;
        }
        boundary = next_starts;
      }
    }
    if (!boundary && last - start + 1 >= max_tokens) boundary = true;
    if (boundary) {
      out.push_back({start, last + 1});
      start = last + 1;
      i = last;
    }
  }
  if (start < n) out.push_back({start, n});
  return out;
}

std::vector<Paragraph> SplitParagraphs(std::string_view text, size_t begin, size_t end,
                                       size_t max_bytes) {
  std::vector<Paragraph> out;
  size_t para_start = begin;
  size_t i = begin;
  auto emit = [&](size_t b, size_t e) {
    while (b < e && (text[b] == ' ' || text[b] == '\n')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
    if (b < e) out.push_back({b, e});
  };
  while (i < end) {
    const char* nl = static_cast<const char*>(std::memchr(text.data() + i, '\n', end - i));
    size_t line_end = nl ? static_cast<size_t>(nl - text.data()) : end;
    // Cut an over-long paragraph at a space near the limit.
    while (line_end - para_start > max_bytes) {
      size_t cut = para_start + max_bytes;
      size_t space = text.rfind(' ', cut);
      if (space == std::string_view::npos || space <= para_start + max_bytes / 2) space = cut;
      emit(para_start, space);
      para_start = space;
    }
    if (line_end >= end) break;
    // Decide whether the line break ends the paragraph.
    size_t last = line_end;
    while (last > para_start && text[last - 1] == ' ') --last;
    size_t next = line_end + 1;
    while (next < end && text[next] == ' ') ++next;
    bool blank_next = next >= end || text[next] == '\n';
    bool joins = false;
    if (!blank_next && last > para_start) {
      char prev = text[last - 1];
      bool terminal = prev == '.' || prev == '!' || prev == '?' || prev == ':' || prev == '"' ||
                      prev == ';';
      unsigned char nc = static_cast<unsigned char>(text[next]);
      joins = !terminal && (IsLowerAscii(nc) || prev == ',' || prev == '-');
    }
    if (!joins) {
      emit(para_start, line_end);
      para_start = line_end + 1;
    }
    i = line_end + 1;
  }
  emit(para_start, end);
  return out;
}

}  // namespace bilat::text
