#include "ingest/text/numbers.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace bilat::text {
namespace {

bool IsDigitChar(char c) { return c >= '0' && c <= '9'; }

// Currency of a sign token ("$", "€", ...), or "".
std::string_view SignCurrency(std::string_view sign) {
  if (sign == "$") return "USD";
  if (sign == "\xE2\x82\xAC") return "EUR";
  if (sign == "\xC2\xA3") return "GBP";
  if (sign == "\xC2\xA5") return "CNY";
  if (sign == "\xE2\x82\xBD") return "RUB";
  if (sign == "\xE2\x82\xB8") return "KZT";
  if (sign == "\xE2\x82\xB9") return "INR";
  if (sign == "\xE2\x82\xA9") return "KRW";
  if (sign == "\xE2\x82\xA6") return "NGN";
  if (sign == "\xE2\x82\xB1") return "PHP";
  if (sign == "\xE2\x82\xBA") return "TRY";
  if (sign == "\xE2\x82\xAB") return "VND";
  // Letters glued to the amount (the tokenizer splits "R614").
  if (sign == "R") return "ZAR";
  if (sign == "Rp") return "IDR";
  if (sign == "RM") return "MYR";
  if (sign == "Rs") return "INR";
  if (sign == "Tk") return "BDT";
  return "";
}

// The dollar of a country code glued to "$": "US$", "A$", "HK$", "R$" (real).
std::string_view DollarCurrency(std::string_view lower_prefix) {
  static constexpr std::pair<std::string_view, std::string_view> kDollars[] = {
      {"us", "USD"}, {"u.s", "USD"}, {"a", "AUD"}, {"au", "AUD"}, {"c", "CAD"}, {"ca", "CAD"},
      {"hk", "HKD"}, {"s", "SGD"}, {"sg", "SGD"}, {"nz", "NZD"}, {"nt", "TWD"}, {"r", "BRL"}, {"mx", "MXN"}};
  for (const auto& [p, code] : kDollars) {
    if (p == lower_prefix) return code;
  }
  return "";
}

// The currency a country adjective gives a shared currency word: "Saudi
// riyals" (the word alone is read as `word_code`, its most common country).
std::string_view AdjectiveCurrency(std::string_view adj, std::string_view word_code) {
  struct Row {
    std::string_view adj, word, code;
  };
  static constexpr Row kRows[] = {
      {"indian", "PKR", "INR"},      {"pakistani", "PKR", "PKR"},  {"nepalese", "PKR", "NPR"},
      {"nepali", "PKR", "NPR"},      {"sri lankan", "PKR", "LKR"}, {"australian", "USD", "AUD"},
      {"canadian", "USD", "CAD"},    {"singapore", "USD", "SGD"},  {"hong kong", "USD", "HKD"},
      {"new zealand", "USD", "NZD"}, {"taiwan", "USD", "TWD"},     {"taiwanese", "USD", "TWD"},
      {"argentine", "MXN", "ARS"},   {"argentinian", "MXN", "ARS"}, {"mexican", "MXN", "MXN"},
      {"chilean", "MXN", "CLP"},     {"colombian", "MXN", "COP"},  {"philippine", "MXN", "PHP"},
      {"saudi", "SAR", "SAR"},       {"qatari", "SAR", "QAR"},     {"omani", "SAR", "OMR"},
      {"iranian", "IRR", "IRR"},     {"kuwaiti", "RSD", "KWD"},    {"iraqi", "RSD", "IQD"},
      {"bahraini", "RSD", "BHD"},    {"jordanian", "RSD", "JOD"},  {"algerian", "RSD", "DZD"},
      {"serbian", "RSD", "RSD"},     {"egyptian", "GBP", "EGP"},   {"british", "GBP", "GBP"},
      {"kenyan", "KES", "KES"},      {"tanzanian", "KES", "TZS"},  {"ugandan", "KES", "UGX"},
      {"swiss", "CHF", "CHF"},       {"norwegian", "NOK", "NOK"},  {"danish", "NOK", "DKK"},
      {"chinese", "CNY", "CNY"},     {"russian", "RUB", "RUB"},    {"japanese", "JPY", "JPY"},
      {"emirati", "AED", "AED"},     {"moroccan", "AED", "MAD"},   {"brazilian", "BRL", "BRL"}};
  for (const Row& r : kRows) {
    if (r.adj == adj && r.word == word_code) return r.code;
  }
  return "";
}

// Multi-word hedges, longest first, as lower-case token sequences.
struct Hedge {
  std::string_view words[3];
  int n;
};
constexpr Hedge kHedges[] = {
    {{"no", "less", "than"}, 3}, {{"no", "more", "than"}, 3}, {{"in", "excess", "of"}, 3},
    {{"as", "many", "as"}, 3},   {{"as", "much", "as"}, 3},   {{"more", "than"}, 2},
    {{"less", "than"}, 2},       {{"fewer", "than"}, 2},      {{"up", "to"}, 2},
    {{"at", "least"}, 2},        {{"close", "to"}, 2},        {{"upwards", "of"}, 2},
    {{"just", "over"}, 2},       {{"just", "under"}, 2},      {{"well", "over"}, 2},
    {{"an", "estimated"}, 2},    {{"over"}, 1},               {{"about"}, 1},
    {{"around"}, 1},             {{"approximately"}, 1},      {{"roughly"}, 1},
    {{"almost"}, 1},             {{"nearly"}, 1},             {{"some"}, 1},
    {{"exceeding"}, 1},          {{"above"}, 1},              {{"under"}, 1},
    {{"below"}, 1},              {{"approx"}, 1},             {{"circa"}, 1},
    {{"estimated"}, 1},          {{"exceeds"}, 1},            {{"exceeded"}, 1},
};

class Parser {
 public:
  Parser(const SentenceView& s, const std::vector<bool>& skip) : s_(s), skip_(skip) {}

  std::vector<NumberMention> Run() {
    std::vector<NumberMention> out;
    for (uint32_t i = 0; i < s_.size;) {
      NumberMention m;
      uint32_t end = skip_[i] ? 0 : TryAt(i, &m);
      if (end > i) {
        m.end = end;
        FindHedge(&m);
        out.push_back(std::move(m));
        i = end;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  bool Word(uint32_t i, std::string_view w) const { return s_.IsWord(i, w); }
  bool Free(uint32_t i) const { return i < s_.size && !skip_[i]; }

  // A currency written before the number: "$", "US$", "USD", "RMB".
  uint32_t CurrencyBefore(uint32_t i, std::string* code) const {
    if (s_.IsKind(i, TokenKind::kCurrency)) {
      *code = std::string(SignCurrency(s_.Str(i)));
      return i + 1;
    }
    // "US$", "HK$", "R$": the dollar sign follows a country code.
    if (i + 1 < s_.size && s_.IsKind(i + 1, TokenKind::kCurrency) && s_.Joined(i) && s_.Str(i + 1) == "$" &&
        !DollarCurrency(s_.Low(i)).empty()) {
      *code = std::string(DollarCurrency(s_.Low(i)));
      return i + 2;
    }
    if (s_.Is(i, kCurrencyWord) && s_.tokens[i].Has(kAllCaps) && s_.IsKind(i + 1, TokenKind::kNumber)) {
      *code = s_.lex[i]->unit;
      return i + 1;
    }
    return 0;
  }

  // A currency written after the number: "dollars", "US dollars", "yuan",
  // "Hong Kong dollars", "Egyptian pounds": a country's adjective before a
  // currency word names whose currency it is.
  uint32_t CurrencyAfter(uint32_t j, std::string* code) const {
    uint32_t k = j;
    if (Word(k, "us") || Word(k, "american")) ++k;
    if (Word(k, "u") && Word(k + 1, ".") && Word(k + 2, "s") && Word(k + 3, ".")) k += 4;
    for (uint32_t n = 1; n <= 2; ++n) {
      if (k + n >= s_.size || !s_.Cap(k) || !s_.Is(k + n, kCurrencyWord)) continue;
      std::string adj(s_.Low(k));
      if (n == 2) adj += " " + std::string(s_.Low(k + 1));
      std::string_view cur = AdjectiveCurrency(adj, s_.lex[k + n]->unit);
      if (!cur.empty()) {
        *code = std::string(cur);
        return k + n + 1;
      }
    }
    if (s_.Is(k, kCurrencyWord) && !s_.tokens[k].Has(kAllCaps)) {
      *code = s_.lex[k]->unit;
      return k + 1;
    }
    if (s_.Is(k, kCurrencyWord) && s_.tokens[k].Has(kAllCaps)) {  // "5 billion USD"
      *code = s_.lex[k]->unit;
      return k + 1;
    }
    return 0;
  }

  // A number in words at i: "seven", "twenty-five", "one hundred",
  // "two-and-a-half", "two and a half". Returns the token after it.
  uint32_t WordNumber(uint32_t i, double* value) const {
    if (!s_.Is(i, kNumberWord) || s_.IsWord(i, "twice") || s_.IsWord(i, "thrice")) return 0;
    // Capitalised mid-sentence and followed by a capitalised word: part of
    // a name ("Two Parks", "One Belt"), not a count.
    if (s_.Cap(i) && i > 0 && s_.Cap(i + 1) && !s_.Is(i + 1, kMonth)) return 0;
    double v = s_.Value(i);
    uint32_t j = i + 1;
    if (v >= 20 && v < 100 && Word(j, "-") && s_.Is(j + 1, kNumberWord) && s_.Value(j + 1) < 10) {
      v += s_.Value(j + 1);
      j += 2;
    }
    if (Word(j, "hundred") && v < 100) {
      v *= 100;
      ++j;
      uint32_t k = Word(j, "and") ? j + 1 : j;
      if (s_.Is(k, kNumberWord) && s_.Value(k) < 100 && !Word(k, "hundred")) {
        double rest = s_.Value(k);
        ++k;
        if (rest >= 20 && Word(k, "-") && s_.Is(k + 1, kNumberWord) && s_.Value(k + 1) < 10) {
          rest += s_.Value(k + 1);
          k += 2;
        }
        v += rest;
        j = k;
      }
    }
    // "two-and-a-half", "two and a half".
    uint32_t k = j;
    if (Word(k, "-")) ++k;
    if (Word(k, "and")) {
      uint32_t h = k + 1;
      if (Word(h, "-")) ++h;
      if (Word(h, "a")) {
        ++h;
        if (Word(h, "-")) ++h;
        if (Word(h, "half")) {
          v += 0.5;
          j = h + 1;
        }
      }
    }
    *value = v;
    return j;
  }

  uint32_t TryAt(uint32_t i, NumberMention* m) {
    uint32_t start = i;
    uint32_t j = i;
    std::string currency;
    if (uint32_t c = CurrencyBefore(i, &currency)) {
      j = c;
    }
    if (!Free(j)) return 0;
    m->value_begin = j;
    double v = 0;
    uint32_t after = 0;
    bool ordinal = false;
    if (s_.IsKind(j, TokenKind::kNumber)) {
      std::string_view t = s_.Str(j);
      uint32_t next = j + 1;
      // A scale word may follow directly ("5bn") or after a space.
      bool decimal_comma = IsDecimalCommaCandidate(t) && s_.Is(next, kScale) && s_.Value(next) >= 9;
      auto parsed = ParseNumberToken(t, decimal_comma);
      if (!parsed) return 0;
      v = *parsed;
      after = next;
      if (s_.Joined(j) && (Word(next, "st") || Word(next, "nd") || Word(next, "rd") || Word(next, "th"))) {
        ordinal = true;
        after = next + 1;
      }
    } else if (s_.Is(j, kOrdinal) && !currency.size()) {
      ordinal = true;
      v = s_.Value(j);
      after = j + 1;
      m->from_words = true;
    } else if ((Word(j, "twice") || Word(j, "thrice")) && currency.empty()) {
      m->kind = NumberKind::kMultiplier;
      m->value = m->value_high = Word(j, "twice") ? 2 : 3;
      m->from_words = true;
      m->begin = start;
      return j + 1;
    } else if (uint32_t e = WordNumber(j, &v)) {
      after = e;
      m->from_words = true;
    } else if ((Word(j, "a") || Word(j, "an")) && s_.Is(j + 1, kScale) && !currency.empty()) {
      v = 1;
      after = j + 1;
    } else if (!currency.empty() && (Word(j, "a") || Word(j, "one")) && s_.Is(j + 1, kScale)) {
      v = 1;
      after = j + 1;
    } else {
      return 0;
    }
    m->begin = start;
    m->value = v;
    m->value_high = v;
    if (ordinal) {
      m->kind = NumberKind::kOrdinal;
      return after;
    }
    // Ranges: "six to seven", "6-7", "between 6 and 7", "5-6 billion".
    uint32_t k = after;
    if ((Word(k, "to") || Word(k, "-") || (Word(k, "and") && start > 0 && Word(start - 1, "between")) ||
         Word(k, "or")) &&
        Free(k + 1)) {
      uint32_t r = k + 1;
      std::string cur2;
      if (uint32_t c = CurrencyBefore(r, &cur2)) r = c;
      double hi = 0;
      uint32_t e = 0;
      if (s_.IsKind(r, TokenKind::kNumber)) {
        bool dc = IsDecimalCommaCandidate(s_.Str(r)) && s_.Is(r + 1, kScale) && s_.Value(r + 1) >= 9;
        if (auto p = ParseNumberToken(s_.Str(r), dc)) {
          hi = *p;
          e = r + 1;
        }
      } else if (uint32_t we = WordNumber(r, &hi)) {
        e = we;
      }
      // Only a rising pair is a range; "1-0" or "2023-24" are not.
      if (e && hi > v) {
        m->range = true;
        m->value_high = hi;
        after = e;
        if (currency.empty() && !cur2.empty()) currency = cur2;
      }
    }
    // Scale word: "billion", "5bn", "$5m".
    if (s_.Is(after, kScale)) {
      m->scale = s_.Value(after);
      ++after;
    } else if (!currency.empty() && s_.Joined(after - 1) && (Word(after, "m") || Word(after, "k") || Word(after, "b"))) {
      m->scale = Word(after, "m") ? 6 : (Word(after, "k") ? 3 : 9);
      ++after;
    }
    // Percentages.
    if (s_.IsKind(after, TokenKind::kPercent) || s_.Is(after, kPercentWord)) {
      m->kind = NumberKind::kPercent;
      return after + 1;
    }
    if (Word(after, "per") && Word(after + 1, "cent")) {
      m->kind = NumberKind::kPercent;
      return after + 2;
    }
    if (Word(after, "percentage") && Word(after + 1, "points")) {
      m->kind = NumberKind::kPercent;
      return after + 2;
    }
    // Money: a currency before, or after the number and its scale.
    std::string cur_after;
    if (uint32_t c = CurrencyAfter(after, &cur_after)) {
      if (currency.empty()) currency = cur_after;
      after = c;
    }
    if (!currency.empty()) {
      m->kind = NumberKind::kMoney;
      m->currency = currency;
      if (m->scale == 3) {  // "5 thousand dollars": no "USD thousand" unit
        m->value *= 1000;
        m->value_high *= 1000;
        m->scale = 0;
      }
      return after;
    }
    // Multipliers: "two-and-a-half times", "3-fold".
    if (Word(after, "times") && m->scale == 0) {
      m->kind = NumberKind::kMultiplier;
      return after + 1;
    }
    if (Word(after, "-") && Word(after + 1, "fold")) {
      m->kind = NumberKind::kMultiplier;
      return after + 2;
    }
    if (m->scale) {
      m->value *= std::pow(10.0, m->scale);
      m->value_high *= std::pow(10.0, m->scale);
      m->stated_scale = m->scale;
      m->scale = 0;
    }
    return after;
  }

  void FindHedge(NumberMention* m) const {
    for (const Hedge& h : kHedges) {
      if (m->begin < static_cast<uint32_t>(h.n)) continue;
      uint32_t b = m->begin - h.n;
      bool ok = true;
      for (int k = 0; k < h.n && ok; ++k) ok = Word(b + k, h.words[k]);
      if (!ok) continue;
      std::string q;
      for (int k = 0; k < h.n; ++k) {
        if (k) q += ' ';
        q += h.words[k];
      }
      m->qualifier = q;
      m->begin = b;
      return;
    }
  }

  const SentenceView& s_;
  const std::vector<bool>& skip_;
};

}  // namespace

std::string NumberMention::Unit() const {
  if (kind != NumberKind::kMoney) return "";
  switch (scale) {
    case 12: return currency + " trillion";
    case 9: return currency + " billion";
    case 6: return currency + " million";
    default: return currency;
  }
}

bool IsDecimalCommaCandidate(std::string_view t) {
  size_t comma = t.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma > 3) return false;
  if (t.find(',', comma + 1) != std::string_view::npos || t.find('.') != std::string_view::npos) return false;
  return t.size() - comma - 1 == 3;
}

std::optional<double> ParseNumberToken(std::string_view t, bool decimal_comma) {
  if (t.empty() || !IsDigitChar(t[0])) return std::nullopt;
  std::string digits;
  digits.reserve(t.size());
  size_t commas = 0, dots = 0;
  for (char c : t) {
    if (c == ',') ++commas;
    if (c == '.') ++dots;
  }
  auto groups_of_three = [&](char sep) {
    // Every group after a separator has exactly three digits.
    size_t run = 0;
    bool seen = false;
    for (char c : t) {
      if (c == sep) {
        if (seen && run != 3) return false;
        seen = true;
        run = 0;
      } else if (IsDigitChar(c)) {
        ++run;
      } else {
        return false;
      }
    }
    return run == 3;
  };
  char decimal = '.';
  char thousands = ',';
  if (decimal_comma) {
    decimal = ',';
    thousands = '.';
  } else if (commas && dots) {
    // "1.234,5" is continental; "1,234.5" is English.
    if (t.rfind(',') > t.rfind('.')) {
      decimal = ',';
      thousands = '.';
    }
  } else if (commas) {
    if (!groups_of_three(',')) {
      if (commas > 1) return std::nullopt;
      decimal = ',';  // "1,5"
      thousands = '.';
    }
  } else if (dots > 1) {
    if (!groups_of_three('.')) return std::nullopt;
    decimal = ',';
    thousands = '.';
  }
  bool seen_decimal = false;
  for (char c : t) {
    if (c == thousands) continue;
    if (c == decimal) {
      if (seen_decimal) return std::nullopt;
      seen_decimal = true;
      digits += '.';
      continue;
    }
    if (!IsDigitChar(c)) return std::nullopt;
    digits += c;
  }
  char* end = nullptr;
  double v = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size()) return std::nullopt;
  return v;
}

std::vector<NumberMention> FindNumbers(const SentenceView& s, const std::vector<bool>& skip) {
  return Parser(s, skip).Run();
}

}  // namespace bilat::text
