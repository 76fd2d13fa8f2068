// Numbers in English text: digits ("50,000", "21.43"), words ("seven",
// "twenty-five", "two-and-a-half"), ranges ("six to seven percent", "6-7%"),
// money ("$21.43 billion", "27.4 billion US dollars", "USD 5 mln"),
// percentages, multipliers ("two-and-a-half times", "twice"), ordinals
// ("third", "3rd"), and the hedges before them ("over", "more than",
// "approximately").
//
// "$19,863 billion" reads as 19.863 billion: English writers move to the
// next scale word rather than write a thousand billions, so a comma before
// exactly three digits and then "billion"/"trillion" is a decimal comma from
// a writer of continental European or Russian habits. "1,500 million" keeps
// its thousands comma: "fifteen hundred million" is ordinary British usage.
// Thread-compatible.
#ifndef BILAT_INGEST_TEXT_NUMBERS_H_
#define BILAT_INGEST_TEXT_NUMBERS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/text/sentence.h"

namespace bilat::text {

enum class NumberKind : uint8_t {
  kCardinal,    // 55, "seven", "50,000"
  kOrdinal,     // "third", "3rd"
  kPercent,     // "23.6 percent", "16%"
  kMoney,       // "$21.43 billion"
  kMultiplier,  // "two-and-a-half times", "twice" in "increased twice"
};

struct NumberMention {
  uint32_t begin = 0;  // token range in the sentence, hedge included
  uint32_t end = 0;
  uint32_t value_begin = 0;  // where the number itself starts (after hedge/currency)
  NumberKind kind = NumberKind::kCardinal;
  double value = 0;       // in `unit` (money: in the stated scale)
  double value_high = 0;  // == value unless a range
  bool range = false;
  bool from_words = false;  // written in words ("seven")
  std::string currency;     // ISO 4217: "USD", "CNY"; money only
  int scale = 0;            // power of ten of the scale word: 9 for billion
  int stated_scale = 0;     // non-money: the scale word already multiplied into `value`
  std::string qualifier;    // hedge as written, lower-case: "more than", "about"
  // "USD billion", "USD million", "USD" (no scale word), "EUR billion".
  std::string Unit() const;
};

// Parses one digit token: "50,000" -> 50000, "21.43" -> 21.43, "19,863"
// with `decimal_comma` -> 19.863, "1.234.567" -> 1234567, "1,5" -> 1.5.
// nullopt if the token is not a number.
std::optional<double> ParseNumberToken(std::string_view token, bool decimal_comma);

// True if `token` looks like a decimal-comma number before a scale word
// ("19,863" before "billion"); see the header comment.
bool IsDecimalCommaCandidate(std::string_view token);

// Finds the numbers of `s` outside the token ranges in `skip` (dates), left
// to right, longest reading first.
std::vector<NumberMention> FindNumbers(const SentenceView& s, const std::vector<bool>& skip);

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_NUMBERS_H_
