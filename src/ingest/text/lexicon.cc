#include "ingest/text/lexicon.h"

#include <array>
#include <fstream>

#include "core/text.h"

namespace bilat::text {
namespace {

struct ClassName {
  WordClass cls;
  std::string_view name;
};

// Only the data-file classes have names; built-in classes cannot be
// assigned from lexicon.tsv, so a typo cannot make "the" a month.
constexpr std::array<ClassName, 48> kClassNames = {{
    {kVisitVerb, "VISIT_VERB"},   {kVisitNoun, "VISIT_NOUN"},   {kArrive, "ARRIVE"},
    {kTravel, "TRAVEL"},          {kAttend, "ATTEND"},          {kWelcome, "WELCOME"},
    {kMeet, "MEET"},              {kTalks, "TALKS"},            {kSign, "SIGN"},
    {kAgreement, "AGREEMENT"},    {kMemorandum, "MEMORANDUM"},  {kPartnership, "PARTNERSHIP"},
    {kElevate, "ELEVATE"},        {kEstablish, "ESTABLISH"},    {kRelations, "RELATIONS"},
    {kOpen, "OPEN"},              {kOperate, "OPERATE"},        {kStart, "START"},
    {kFacility, "FACILITY"},      {kLaunch, "LAUNCH"},          {kEffect, "EFFECT"},
    {kAnnounce, "ANNOUNCE"},      {kPropose, "PROPOSE"},        {kInitiative, "INITIATIVE"},
    {kAddress, "ADDRESS"},        {kIntend, "INTEND"},          {kTargetVerb, "TARGET_VERB"},
    {kSummit, "SUMMIT"},          {kForum, "FORUM"},            {kHold, "HOLD"},
    {kTrade, "TRADE"},            {kExport, "EXPORT"},          {kImport, "IMPORT"},
    {kGrowthUp, "GROWTH_UP"},     {kGrowthDown, "GROWTH_DOWN"}, {kValueVerb, "VALUE_VERB"},
    {kFuture, "FUTURE"},          {kElection, "ELECTION"},      {kCountNoun, "COUNT_NOUN"},
    {kNonCount, "NON_COUNT"},     {kInvest, "INVEST"},          {kCurrencyWord, "CURRENCY_WORD"},
    {kDelegation, "DELEGATION"},  {kBackground, "BACKGROUND"},  {kTimeNoun, "TIME_NOUN"},
    {kHedge, "HEDGE"},            {kBaseline, "BASELINE"},      {kPreposition, "PREPOSITION"},
}};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

int WordClassFromName(std::string_view name) {
  for (const ClassName& c : kClassNames) {
    if (c.name == name) return c.cls;
  }
  return -1;
}

std::vector<std::string> VerbForms(std::string_view lemma) {
  std::string l(lemma);
  std::vector<std::string> out = {l};
  if (l.empty()) return out;
  char last = l.back();
  if (last == 'e') {
    std::string stem = l.substr(0, l.size() - 1);
    out.insert(out.end(), {l + "s", l + "d", stem + "ing"});
  } else if (last == 'y' && l.size() > 1 && !IsVowel(l[l.size() - 2])) {
    std::string stem = l.substr(0, l.size() - 1);
    out.insert(out.end(), {stem + "ies", stem + "ied", l + "ing"});
  } else {
    bool sibilant = last == 's' || last == 'x' || last == 'z' || last == 'h';
    out.insert(out.end(), {l + (sibilant ? "es" : "s"), l + "ed", l + "ing"});
    // British and American spellings differ on doubling ("travelled"); make both.
    if (l.size() >= 3 && !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' &&
        IsVowel(l[l.size() - 2]) && !IsVowel(l[l.size() - 3])) {
      out.insert(out.end(), {l + last + "ed", l + last + "ing"});
    }
  }
  return out;
}

std::vector<std::string> NounForms(std::string_view lemma) {
  std::string l(lemma);
  std::vector<std::string> out = {l};
  if (l.empty()) return out;
  char last = l.back();
  if (last == 'y' && l.size() > 1 && !IsVowel(l[l.size() - 2])) {
    out.push_back(l.substr(0, l.size() - 1) + "ies");
  } else if (last == 's' || last == 'x' || last == 'z' || last == 'h') {
    out.push_back(l + "es");
  } else {
    out.push_back(l + "s");
  }
  return out;
}

void Lexicon::Add(std::string_view word, WordClass c, int32_t value, std::string_view unit) {
  auto it = entries_.find(word);
  if (it == entries_.end()) {
    keys_.push_back(std::make_unique<std::string>(word));
    it = entries_.emplace(std::string_view(*keys_.back()), LexInfo{}).first;
  }
  LexInfo& info = it->second;
  info.classes |= uint64_t{1} << c;
  // A word that is both a number and something else keeps the number.
  if (value != 0 && (info.value == 0 || c == kNumberWord || c == kMonth)) info.value = value;
  if (!unit.empty()) info.unit = std::string(unit);
}

void Lexicon::AddBuiltIns() {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    Add(kMonths[m], kMonth, m + 1);
    if (kMonths[m].size() > 3) Add(kMonths[m].substr(0, 3), kMonth, m + 1);
  }
  Add("sept", kMonth, 9);
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int d = 0; d < 7; ++d) Add(kDays[d], kWeekday, d);

  static constexpr std::array<std::string_view, 20> kUnits = {
      "zero",    "one",     "two",       "three",    "four",     "five",    "six",
      "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  for (int v = 1; v < 20; ++v) Add(kUnits[v], kNumberWord, v);
  static constexpr std::array<std::string_view, 8> kTens = {
      "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (int t = 0; t < 8; ++t) Add(kTens[t], kNumberWord, (t + 2) * 10);
  Add("hundred", kNumberWord, 100);
  Add("dozen", kNumberWord, 12);
  Add("twice", kNumberWord, 2);  // "visited twice": a count of events
  Add("thrice", kNumberWord, 3);

  static constexpr std::array<std::string_view, 20> kOrdinals = {
      "first",      "second",     "third",      "fourth",     "fifth",
      "sixth",      "seventh",    "eighth",     "ninth",      "tenth",
      "eleventh",   "twelfth",    "thirteenth", "fourteenth", "fifteenth",
      "sixteenth",  "seventeenth", "eighteenth", "nineteenth", "twentieth"};
  for (int o = 0; o < 20; ++o) Add(kOrdinals[o], kOrdinal, o + 1);

  Add("thousand", kScale, 3);
  Add("million", kScale, 6);
  Add("mln", kScale, 6);
  Add("mn", kScale, 6);
  Add("billion", kScale, 9);
  Add("bn", kScale, 9);
  Add("bln", kScale, 9);
  Add("trillion", kScale, 12);
  Add("tn", kScale, 12);
  Add("trln", kScale, 12);

  for (std::string_view w : {"over", "about", "around", "approximately", "roughly", "almost",
                             "nearly", "some", "exceeding", "above", "under", "below",
                             "approx", "circa", "nearly", "estimated", "upwards"}) {
    Add(w, kHedge);
  }
  for (std::string_view w : {"percent", "pct", "per cent"}) Add(w, kPercentWord);
  for (std::string_view w : {"the", "a", "an", "this", "that", "these", "those", "its", "their",
                             "his", "her", "our", "my", "your", "such", "each", "every", "all",
                             "both", "another", "any", "no"}) {
    Add(w, kDeterminer);
  }
  for (std::string_view w : {"in", "on", "at", "to", "from", "by", "with", "of", "for", "during",
                             "since", "until", "till", "before", "after", "between", "into",
                             "through", "over", "under", "within", "amid", "across", "toward",
                             "towards", "via", "per", "upon", "alongside", "following", "against",
                             "among", "as", "like", "about", "ahead", "than", "throughout"}) {
    Add(w, kPreposition);
  }
  for (std::string_view w : {"is", "are", "was", "were", "be", "been", "being", "has", "have",
                             "had", "will", "would", "shall", "should", "can", "could", "may",
                             "might", "must", "do", "does", "did", "'s"}) {
    Add(w, kAuxiliary);
  }
  for (std::string_view w : {"he", "she", "they", "we", "it", "i", "you", "him", "them", "us",
                             "who", "which", "that", "what", "whom"}) {
    Add(w, kPronoun);
  }
  for (std::string_view w : {"and", "or", "but", "while", "whereas", "nor", "yet"}) {
    Add(w, kConjunction);
  }
  for (std::string_view w : {"compared", "comparison", "than", "versus", "vs", "against"}) {
    Add(w, kBaseline);
  }
  for (std::string_view w : {"yesterday", "today", "tomorrow", "tonight", "last", "this", "next",
                             "previous", "current", "coming", "recent", "past", "earlier", "later",
                             "ago"}) {
    Add(w, kRelative);
  }
  for (std::string_view w : {"year", "years", "month", "months", "day", "days", "week", "weeks",
                             "hour", "hours", "minute", "minutes", "decade", "decades", "century",
                             "centuries", "millennium", "millennia", "quarter", "quarters", "half",
                             "season", "term", "period", "second", "seconds", "night", "nights"}) {
    Add(w, kTimeNoun);
  }
}

std::shared_ptr<const Lexicon> Lexicon::BuiltIn() {
  static const std::shared_ptr<const Lexicon> kLexicon = [] {
    std::shared_ptr<Lexicon> l(new Lexicon());
    l->AddBuiltIns();
    return l;
  }();
  return kLexicon;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::string& path) {
  std::shared_ptr<Lexicon> lex(new Lexicon());
  lex->AddBuiltIns();
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open the lexicon (set BILAT_DATA_DIR)");
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    std::string_view l = Trim(line);
    if (l.empty() || l[0] == '#') continue;
    std::vector<std::string_view> cells = Split(l, '\t');
    auto where = [&] { return path + ":" + std::to_string(line_no) + ": "; };
    if (cells.size() < 3 || cells.size() > 4) {
      return Status::Corruption(where() + "expected TERM<TAB>CLASSES<TAB>FORMS[<TAB>VALUE]");
    }
    std::string term = ToLower(Trim(cells[0]));
    std::string_view forms = Trim(cells[2]);
    std::string_view value = cells.size() == 4 ? Trim(cells[3]) : std::string_view();
    std::vector<std::string> words;
    if (forms == "verb") {
      words = VerbForms(term);
    } else if (forms == "noun") {
      words = NounForms(term);
    } else if (forms == "verb+noun") {
      words = VerbForms(term);
      for (std::string& n : NounForms(term)) words.push_back(std::move(n));
    } else if (forms == "exact") {
      words = {term};
    } else {
      return Status::Corruption(where() + "FORMS must be verb, noun, verb+noun or exact, not '" +
                                std::string(forms) + "'");
    }
    for (std::string_view cls : Split(Trim(cells[1]), ',')) {
      int c = WordClassFromName(Trim(cls));
      if (c < 0) {
        return Status::Corruption(where() + "unknown class '" + std::string(Trim(cls)) +
                                  "' (see docs/formats/text_lexicon.md)");
      }
      for (const std::string& w : words) {
        lex->Add(w, static_cast<WordClass>(c), 0, value);
      }
    }
  }
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

const LexInfo* Lexicon::Find(std::string_view lower) const {
  auto it = entries_.find(lower);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace bilat::text
