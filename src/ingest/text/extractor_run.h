// The state of one Extractor::Extract() call (DocumentRun) and the types its
// rules share; internal to the extractor, included only by its source files.
#ifndef BILAT_INGEST_TEXT_EXTRACTOR_RUN_H_
#define BILAT_INGEST_TEXT_EXTRACTOR_RUN_H_

#include "ingest/text/extractor.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>

#include "core/text.h"
#include "ingest/text/dates.h"
#include "ingest/text/numbers.h"
#include "ingest/text/sentence.h"
#include "ingest/text/tokenizer.h"

namespace bilat::text {


enum class ActorKind : uint8_t { kPerson, kDelegation, kState, kPlace, kOrg, kGroup };

// A participant or place in a sentence, built from one or more names:
// "Chinese President Xi Jinping" is one person actor (CHN, president, Xi).
struct Actor {
  uint32_t begin = 0;  // token range in the sentence
  uint32_t end = 0;
  uint32_t name_begin = 0;  // a person's own name after the title, when the dictionary does not know it
  ActorKind kind = ActorKind::kState;
  int country = -1;
  int group = -1;
  int leader = -1;
  int org = -1;
  std::string role;
  bool place = false;  // can be read as a location: a country, capital, city or region
  bool adjective = false;
};

inline bool IsPerson(const Actor& a) { return a.kind == ActorKind::kPerson || a.kind == ActorKind::kDelegation; }

// Words after which a past participle is a verb, not a reduced relative.
inline bool IsAux(const SentenceView& s, uint32_t i) { return s.Is(i, kAuxiliary) || s.Is(i, kPronoun); }

inline bool LooksParticiple(std::string_view low) {
  if (low.size() > 3 && low.substr(low.size() - 2) == "ed") return true;
  static const char* kIrregular[] = {"held", "built", "set", "made", "begun", "taken", "given",
                                     "seen", "won", "done", "put", "brought", "sent", "signed"};
  for (const char* w : kIrregular) {
    if (low == w) return true;
  }
  return false;
}

// "the APEC Economic Leaders' Meeting": a meeting of leaders named as an
// institution is a summit.
inline bool LeadersMeeting(const SentenceView& s, uint32_t t) {
  if (!s.IsWord(t, "meeting") || !s.Cap(t) || t == 0) return false;
  return s.IsWord(t - 1, "leaders") || (t > 1 && s.IsWord(t - 1, "'") && s.IsWord(t - 2, "leaders"));
}

// True if tokens [from, to) only join the items of a list: commas and "and"
// ("A, B and C"); with `article`, also a "the" right before the next item
// ("... and the Republic of Congo"). An empty gap joins nothing.
inline bool ListGap(const SentenceView& s, uint32_t from, uint32_t to, bool article = false) {
  if (from >= to) return false;
  for (uint32_t k = from; k < to; ++k) {
    if (!(s.Str(k) == "," || s.IsWord(k, "and") || (article && s.IsWord(k, "the") && k + 1 == to))) return false;
  }
  return true;
}

// "talks by phone", "a telephone conversation", "phoned": a call is
// neither a meeting nor a visit (SCORING.md); a video summit is a meeting.
inline bool ByPhone(const SentenceView& s, uint32_t t) {
  for (uint32_t k = t >= 8 ? t - 8 : 0; k < s.size && k <= t + 8; ++k) {
    if (s.IsWord(k, "phone") || s.IsWord(k, "telephone") || s.IsWord(k, "phoned") || s.IsWord(k, "telephoned") ||
        s.IsWord(k, "phone-call")) {
      return true;
    }
  }
  return false;
}

// A trip "for the ASEAN summit", "to attend the Belt and Road Forum": a
// multilateral summit or forum is what it is for (not "the annual summit
// with Putin", a bilateral one).
inline bool ForSummit(const SentenceView& s, uint32_t t) {
  for (uint32_t k = t + 1; k < s.size && k < t + 16; ++k) {
    if (s.Str(k) == ";" || s.IsWord(k, "where") || s.IsWord(k, "which")) return false;
    if (!(s.Is(k, kSummit) || s.Is(k, kForum) || LeadersMeeting(s, k))) continue;
    if (s.IsWord(k + 1, "with")) return false;
    for (uint32_t q = k >= 6 ? k - 6 : 0; q < k; ++q) {
      if (q > t && (s.IsWord(q, "for") || s.IsWord(q, "attend"))) return true;
    }
    return false;
  }
  return false;
}

inline std::string Singular(std::string_view w) {
  std::string s(w);
  if (s.size() > 4 && s.substr(s.size() - 3) == "ies") return s.substr(0, s.size() - 3) + "y";
  if (s == "memoranda") return "memorandum";
  if (s.size() > 3 && s.back() == 's' && s[s.size() - 2] != 's') s.pop_back();
  return s;
}

struct DatedMention {
  DateMention m;
  bool nominal = false;     // "2024 will be ...": a year used as a noun
  bool background = false;  // in a past perfect or reduced relative clause
};

// All the state of one Extract() call. Its methods are defined by topic:
// extractor.cc (tokens, countries, actors, sentences and the run),
// extract_dates.cc (a sentence's dates and what they bind to),
// extract_visits.cc, extract_events.cc, extract_figures.cc and
// extract_merge.cc (re-mentions merged).
class DocumentRun {
 public:
  DocumentRun(const Extractor& ex, const Document& doc)
      : ex_(ex), g_(*ex.gazetteer_), doc_(doc), cp_(doc.original) {}

  Extraction Run();

 private:
  struct SentenceSpan {
    uint32_t begin, end;  // tokens of the document
    bool paragraph_start;
  };

  // --- per-document analysis -------------------------------------------
  void TokenizeDocument();
  void ChoosePair();
  void AnalyzeSentence(size_t index);
  void Finish();

  // --- per-sentence helpers ----------------------------------------------
  std::vector<Actor> BuildActors(const SentenceView& s, const std::vector<Mention>& ms,
                                 const TextDate& when) const;
  // Clause ids per token: a new clause at , ; : ( ) and before "while"; not
  // at the commas inside a place or before a date in apposition.
  std::vector<uint32_t> Segments(const SentenceView& s, const std::vector<Actor>& actors) const;
  bool IsFuture(const SentenceView& s) const;
  std::vector<DatedMention> Dates(const SentenceView& s, bool future);
  int BindDate(const SentenceView& s, const std::vector<DatedMention>& dates,
               const std::vector<uint32_t>& seg, uint32_t trigger, bool allow_target) const;
  TextDate DateOrContext(const std::vector<DatedMention>& dates, int bound, int* strength) const;
  Evidence MakeEvidence(const SentenceView& s) const;
  std::string SpanText(const SentenceView& s, uint32_t b, uint32_t e) const;
  std::set<int> SentenceCountries(const std::vector<Actor>& actors) const;
  std::vector<std::string> Parties(const std::set<int>& countries) const;
  // The place an event at token `ev` is held: "the Summit in Xi'an, China",
  // "the Forum for International Cooperation held in Beijing". Not a place
  // in its topic: "a summit on the unrest in Iran".
  const Actor* Venue(const SentenceView& s, const std::vector<Actor>& actors, uint32_t ev) const;
  // True if the clause denies or cancels what the trigger at t says:
  // "denied reports that Putin would visit", "did not sign", "postponed".
  bool Negated(const SentenceView& s, const std::vector<uint32_t>& seg, uint32_t t) const;
  // The country (and, when it is named in the sentence, the person) a
  // pronoun at `pos` stands for; -1 if unknown.
  int ResolvePronoun(const SentenceView& s, const std::vector<Actor>& actors,
                     const std::vector<uint32_t>& seg, uint32_t pos, const Actor** who = nullptr) const;
  // The subject of the verb at t: the nearest person before it, or a nearer pronoun.
  int Subject(const SentenceView& s, const std::vector<Actor>& actors, const std::vector<uint32_t>& seg,
              uint32_t t, const Actor** actor) const;
  const Actor* PlaceAfter(const SentenceView& s, const std::vector<Actor>& actors, uint32_t from,
                          uint32_t window, const std::vector<uint32_t>& seg) const;
  const Actor* PersonBefore(const SentenceView& s, const std::vector<Actor>& actors, uint32_t pos,
                            const std::vector<uint32_t>& seg) const;
  // The persons named in one list with `last`, ending at it: "A, B and C
  // arrived" gives A, B, C; just `last` when it stands alone.
  std::vector<const Actor*> PersonList(const SentenceView& s, const std::vector<Actor>& actors,
                                       const Actor* last) const;

  void FindVisits(const SentenceView& s, const std::vector<Actor>& actors,
                  const std::vector<DatedMention>& dates, const std::vector<uint32_t>& seg);
  void AddVisit(const SentenceView& s, int visitor_country, std::string visitor, int host,
                const TextDate& date, int strength, std::string kind, bool planned);
  void FindEvents(const SentenceView& s, const std::vector<Actor>& actors,
                  const std::vector<DatedMention>& dates, const std::vector<uint32_t>& seg, bool future);
  void AddEvent(const SentenceView& s, std::string kind, const std::set<int>& countries,
                const std::vector<DatedMention>& dates, int bound, bool planned, std::string what,
                std::string key);
  void FindFigures(const SentenceView& s, const std::vector<Actor>& actors,
                   const std::vector<DatedMention>& dates, const std::vector<uint32_t>& seg);
  void UpdateContext(const std::vector<DatedMention>& dates);

  const Extractor& ex_;
  const Gazetteer& g_;
  const Document& doc_;
  CodePointIndex cp_;
  // The last sentence handed to evidence, shared by the items read from it.
  mutable std::shared_ptr<const std::string> last_sentence_;
  mutable size_t last_sentence_begin_ = 0, last_sentence_end_ = 0;

  std::vector<Token> tokens_;
  std::vector<const LexInfo*> lex_;
  std::vector<SentenceSpan> sentences_;
  std::vector<bool> furniture_;  // per sentence: page furniture, not read
  std::vector<std::vector<Mention>> mentions_;  // per sentence, token indices relative to it
  int pair_[2] = {-1, -1};
  std::vector<int> others_;
  DateContext ctx_;
  TextDate period_;    // the last statistics period mentioned ("H1 2023")
  TextDate upcoming_;  // the last date after the document's: what plans are for
  // The country where the story's action is: the host of the last visit
  // told as made. Arrivals and ceremonies that name no place happen there.
  int scene_ = -1;
  size_t sentence_ = 0;                 // the sentence being read
  size_t summit_sentence_ = SIZE_MAX;  // the last sentence naming a summit or forum
  int prev_person_country_ = -1;
  std::string prev_sentence_flow_;  // the flow of the last trade figure of the sentence before, if any
  std::string prev_person_name_;
  Extraction out_;
};

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_EXTRACTOR_RUN_H_
