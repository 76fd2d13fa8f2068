// Lexicon: what each English word is to the extraction rules.
//
// One hash lookup per token gives its word classes (a bit set: "a visit
// verb", "a trade noun", "a month name", "a hedge") and a value where the
// class has one (the number of "seven", the month of "Sept", the unit of
// "jobs"). Two sources fill it: the grammar words every English text needs
// (months, weekdays, number words, determiners, auxiliaries), built in, and
// the trigger words of the extraction rules, read from data/text/lexicon.tsv
// (docs/formats/text_lexicon.md) so that a linguist can extend them without
// touching code. Immutable after loading; share freely across threads.
#ifndef BILAT_INGEST_TEXT_LEXICON_H_
#define BILAT_INGEST_TEXT_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace bilat::text {

// Word classes. The first group is built in; the second is named in
// lexicon.tsv by the same names without the k (e.g. VISIT_VERB).
enum WordClass : int {
  // Built in.
  kMonth,        // value 1..12; "May" only when capitalised
  kWeekday,      // value 0 (Monday) .. 6
  kNumberWord,   // value: "seven" -> 7, "twenty" -> 20, "dozen" -> 12
  kOrdinal,      // value: "third" -> 3
  kScale,        // value: exponent of ten: "million" -> 6, "bn" -> 9
  kHedge,        // "over", "about", "almost" (single-word hedges)
  kPercentWord,  // "percent", "pct"
  kDeterminer,   // the, a, an, this, its, their ...
  kPreposition,  // in, on, at, to, from, by, with, of ...
  kAuxiliary,    // is, was, has, had, will, would ...
  kPronoun,      // he, she, they, we, it, i
  kConjunction,  // and, or, but, while, whereas
  kBaseline,     // compared, than, versus: what follows is a comparison base
  kRelative,     // yesterday, today, tomorrow, last, this, next
  kTimeNoun,     // year(s), month(s), day(s), week(s), hour(s), decade(s) ...
  // From lexicon.tsv.
  kVisitVerb,
  kVisitNoun,
  kArrive,
  kTravel,
  kAttend,
  kWelcome,
  kMeet,
  kTalks,
  kSign,
  kAgreement,
  kMemorandum,
  kPartnership,
  kElevate,
  kEstablish,
  kRelations,
  kOpen,
  kOperate,
  kStart,
  kFacility,
  kLaunch,
  kEffect,
  kAnnounce,
  kPropose,
  kInitiative,
  kAddress,
  kIntend,
  kTargetVerb,
  kSummit,
  kForum,
  kHold,
  kTrade,
  kExport,
  kImport,
  kGrowthUp,
  kGrowthDown,
  kValueVerb,
  kFuture,
  kElection,
  kCountNoun,
  kNonCount,
  kInvest,
  kCurrencyWord,
  kDelegation,
  kBackground,
  kWordClassCount
};
static_assert(kWordClassCount <= 64, "word classes must fit a 64-bit set");

// Name of a data-file class ("VISIT_VERB") -> class, or -1.
int WordClassFromName(std::string_view name);

struct LexInfo {
  uint64_t classes = 0;
  int32_t value = 0;      // see WordClass
  std::string unit;       // COUNT_NOUN unit ("count", "jobs"), currency code
  bool Is(WordClass c) const { return (classes >> c) & 1; }
};

class Lexicon {
 public:
  // Only the built-in grammar words; enough for dates and numbers.
  static std::shared_ptr<const Lexicon> BuiltIn();
  // Built-in words plus the triggers in `path` (lexicon.tsv). Errors name
  // the file and line.
  static Result<std::shared_ptr<const Lexicon>> Load(const std::string& path);

  // `lower` must be lower-case ASCII (the tokeniser's text, lower-cased).
  // Returns nullptr for words the lexicon does not know.
  const LexInfo* Find(std::string_view lower) const;

  size_t size() const { return entries_.size(); }

 private:
  Lexicon() = default;
  void AddBuiltIns();
  void Add(std::string_view word, WordClass c, int32_t value = 0, std::string_view unit = {});

  // Keys are owned by `keys_` so that lookups can take string_views.
  std::vector<std::unique_ptr<std::string>> keys_;
  std::unordered_map<std::string_view, LexInfo> entries_;
};

// Regular English inflections of `lemma`, lemma included: for a verb the
// -s, -ed and -ing forms (with and without a doubled final consonant, with
// -e dropped, -y to -ies/-ied); for a noun its plural. Over-generation is
// harmless: a form that is not a word never occurs.
std::vector<std::string> VerbForms(std::string_view lemma);
std::vector<std::string> NounForms(std::string_view lemma);

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_LEXICON_H_
