#include "ingest/text/extractor.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "core/text.h"
#include "ingest/text/dates.h"
#include "ingest/text/numbers.h"
#include "ingest/text/sentence.h"
#include "ingest/text/tokenizer.h"

namespace bilat::text {

namespace {

enum class ActorKind : uint8_t { kPerson, kDelegation, kState, kPlace, kOrg, kGroup };

// A participant or place in a sentence, built from one or more names:
// "Chinese President Xi Jinping" is one person actor (CHN, president, Xi).
struct Actor {
  uint32_t begin = 0;  // token range in the sentence
  uint32_t end = 0;
  ActorKind kind = ActorKind::kState;
  int country = -1;
  int group = -1;
  int leader = -1;
  int org = -1;
  std::string role;
  bool place = false;  // can be read as a location: a country, capital, city or region
  bool adjective = false;
};

bool IsPerson(const Actor& a) { return a.kind == ActorKind::kPerson || a.kind == ActorKind::kDelegation; }

// Words after which a past participle is a verb, not a reduced relative.
bool IsAux(const SentenceView& s, uint32_t i) { return s.Is(i, kAuxiliary) || s.Is(i, kPronoun); }

bool LooksParticiple(std::string_view low) {
  if (low.size() > 3 && low.substr(low.size() - 2) == "ed") return true;
  static const char* kIrregular[] = {"held", "built", "set", "made", "begun", "taken", "given",
                                     "seen", "won", "done", "put", "brought", "sent", "signed"};
  for (const char* w : kIrregular) {
    if (low == w) return true;
  }
  return false;
}

std::string Singular(std::string_view w) {
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

}  // namespace

// All the state of one Extract() call.
class DocumentRun {
 public:
  DocumentRun(const Extractor& ex, const Document& doc)
      : ex_(ex), g_(*ex.gazetteer_), doc_(doc), cp_(doc.original) {}

  Extraction Run();

 private:
  struct SentenceSpan {
    uint32_t begin, end;  // tokens of the document
  };

  // --- per-document analysis -------------------------------------------
  void TokenizeDocument();
  void ChoosePair();
  void AnalyzeSentence(size_t index);
  void Finish();

  // --- per-sentence helpers ----------------------------------------------
  std::vector<Actor> BuildActors(const SentenceView& s, const std::vector<Mention>& ms,
                                 const TextDate& when) const;
  std::vector<uint32_t> Segments(const SentenceView& s) const;
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
  std::vector<std::vector<Mention>> mentions_;  // per sentence, token indices relative to it
  int pair_[2] = {-1, -1};
  std::vector<int> others_;
  DateContext ctx_;
  TextDate period_;    // the last statistics period mentioned ("H1 2023")
  int prev_person_country_ = -1;
  std::string prev_person_name_;
  Extraction out_;
};

// ---------------------------------------------------------------------------

void DocumentRun::TokenizeDocument() {
  const std::string& text = doc_.norm.text;
  std::vector<Paragraph> paras = SplitParagraphs(text, doc_.body_begin, text.size());
  std::vector<Token> para_tokens;
  for (const Paragraph& p : paras) {
    // A line that is only a URL is a citation, not prose.
    std::string_view line = std::string_view(text).substr(p.begin, p.end - p.begin);
    if ((line.rfind("http://", 0) == 0 || line.rfind("https://", 0) == 0) &&
        line.find(' ') == std::string_view::npos) {
      continue;
    }
    para_tokens.clear();
    Tokenize(text, p.begin, p.end, &para_tokens);
    uint32_t base = static_cast<uint32_t>(tokens_.size());
    for (const TokenRange& r : SplitSentences(text, para_tokens, ex_.options_.max_sentence_tokens)) {
      sentences_.push_back({base + r.begin, base + r.end});
    }
    tokens_.insert(tokens_.end(), para_tokens.begin(), para_tokens.end());
  }
  lex_.resize(tokens_.size());
  std::string_view lower = doc_.lower;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    lex_[i] = (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber)
                  ? ex_.lexicon_->Find(lower.substr(t.begin, t.size()))
                  : nullptr;
  }
  mentions_.resize(sentences_.size());
  std::vector<Mention> buf;
  for (size_t k = 0; k < sentences_.size(); ++k) {
    buf.clear();
    g_.Match(text, lower, tokens_, sentences_[k].begin, sentences_[k].end, &buf);
    for (Mention& m : buf) {
      m.begin -= sentences_[k].begin;
      m.end -= sentences_[k].begin;
    }
    mentions_[k] = buf;
  }
}

void DocumentRun::ChoosePair() {
  std::map<int, double> score;
  std::map<int, size_t> first;
  size_t order = 0;
  for (size_t k = 0; k < mentions_.size(); ++k) {
    // The opening sentences say what the text is about: they count double.
    double w = k < 3 ? 2.0 : 1.0;
    for (const Mention& m : mentions_[k]) {
      int c = m.entity->country;
      if (c < 0) continue;
      double mw = w;
      if (m.entity->kind == EntityKind::kCity || m.entity->kind == EntityKind::kRegion) mw *= 0.3;
      if (m.entity->kind == EntityKind::kOrganisation) mw *= 0.3;
      score[c] += mw;
      first.emplace(c, order++);
    }
  }
  // Country names in the URL slug ("china-uzbekistan-expected-to-lift-ties").
  if (!doc_.url.empty()) {
    std::string slug = doc_.url;
    for (char& ch : slug) {
      if (ch == '-' || ch == '_' || ch == '/' || ch == '.') ch = ' ';
    }
    NormalizedText n = Normalize(slug);
    std::string lower = ToLower(n.text);
    std::vector<Token> toks;
    Tokenize(n.text, 0, n.text.size(), &toks);
    for (const Token& t : toks) {
      std::string word(n.text.substr(t.begin, t.size()));
      if (word.empty()) continue;
      word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
      std::vector<Token> one;
      Tokenize(word, 0, word.size(), &one);
      std::vector<Mention> ms;
      std::string lw = ToLower(word);
      g_.Match(word, lw, one, 0, static_cast<uint32_t>(one.size()), &ms);
      for (const Mention& m : ms) {
        if (m.entity->country >= 0 && (m.entity->kind == EntityKind::kCountry ||
                                       m.entity->kind == EntityKind::kCountryAdj)) {
          score[m.entity->country] += 3;
          first.emplace(m.entity->country, order++);
        }
      }
    }
  }
  std::vector<std::pair<double, int>> ranked;
  for (const auto& [c, sc] : score) ranked.push_back({sc, c});
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return first[a.second] < first[b.second];
  });
  for (size_t r = 0; r < ranked.size(); ++r) {
    if (r < 2) {
      pair_[r] = ranked[r].second;
    } else if (ranked[r].first >= 1) {
      others_.push_back(ranked[r].second);
    }
  }
  // China first when present, as reports on China's relations write it.
  int chn = g_.CountryId("CHN");
  if (pair_[1] == chn && chn >= 0) std::swap(pair_[0], pair_[1]);
}

std::vector<Actor> DocumentRun::BuildActors(const SentenceView& s, const std::vector<Mention>& ms,
                                            const TextDate& when) const {
  std::vector<Actor> out;
  auto mention_at = [&](uint32_t tok, size_t from) -> int {
    for (size_t k = from; k < ms.size(); ++k) {
      if (ms[k].begin == tok) return static_cast<int>(k);
      if (ms[k].begin > tok) break;
    }
    return -1;
  };
  auto is_countryish = [](EntityKind k) {
    return k == EntityKind::kCountry || k == EntityKind::kCountryAdj || k == EntityKind::kCapital ||
           k == EntityKind::kGovernment;
  };
  auto pick_leader = [&](const Mention& m, const std::string& role) {
    int id = m.entity->leader;
    std::vector<int> cands = g_.FindLeaders(s.text.substr(s.tokens[m.begin].begin,
                                                          s.tokens[m.end - 1].end - s.tokens[m.begin].begin));
    int best = id;
    for (int c : cands) {
      const Leader& l = g_.leader(c);
      bool in_office = role.empty() ? l.Held("leader", when) || l.Held("foreign_minister", when)
                                    : l.Held(role, when);
      if (in_office) {
        best = c;
        break;
      }
    }
    return best;
  };
  for (size_t i = 0; i < ms.size();) {
    const Mention& m = ms[i];
    const Entity& e = *m.entity;
    // "US dollars" names a currency, not a country.
    if ((e.kind == EntityKind::kCountry || e.kind == EntityKind::kCountryAdj) && s.Is(m.end, kCurrencyWord)) {
      ++i;
      continue;
    }
    Actor a;
    a.begin = m.begin;
    a.end = m.end;
    size_t next = i + 1;
    if (is_countryish(e.kind)) {
      a.country = e.country;
      a.adjective = e.kind == EntityKind::kCountryAdj;
      a.place = e.kind != EntityKind::kCountryAdj;
      a.kind = ActorKind::kState;
      uint32_t j = m.end;
      if (s.IsWord(j, "'s")) ++j;
      int r = mention_at(j, next);
      if (r >= 0 && ms[r].entity->kind == EntityKind::kRole) {
        // "Chinese President Xi Jinping", "China's Foreign Minister".
        a.kind = ActorKind::kPerson;
        a.place = false;
        a.role = ms[r].entity->role;
        a.end = ms[r].end;
        next = r + 1;
        int l = mention_at(a.end, next);
        if (l >= 0 && ms[l].entity->kind == EntityKind::kLeader) {
          a.leader = pick_leader(ms[l], a.role);
          a.end = ms[l].end;
          next = l + 1;
        } else {
          a.leader = g_.ResolveRole(a.country, a.role, when);
        }
      }
    } else if (e.kind == EntityKind::kRole) {
      a.kind = ActorKind::kPerson;
      a.role = e.role;
      uint32_t j = m.end;
      if (s.IsWord(j, "of")) {
        uint32_t k = s.IsWord(j + 1, "the") ? j + 2 : j + 1;
        int c = mention_at(k, next);
        if (c >= 0 && is_countryish(ms[c].entity->kind)) {
          a.country = ms[c].entity->country;
          a.end = ms[c].end;
          next = c + 1;
          j = a.end;
        }
      }
      int l = mention_at(a.end, next);
      if (l >= 0 && ms[l].entity->kind == EntityKind::kLeader) {
        a.leader = pick_leader(ms[l], a.role);
        a.end = ms[l].end;
        next = l + 1;
        if (a.country < 0) a.country = g_.leader(a.leader).country;
      } else if (a.country >= 0) {
        a.leader = g_.ResolveRole(a.country, a.role, when);
      }
      // "Xi Jinping of China": handled by the leader branch; a bare title
      // without a country ("the president") stays countryless.
    } else if (e.kind == EntityKind::kLeader) {
      a.kind = ActorKind::kPerson;
      a.leader = pick_leader(m, "");
      a.country = g_.leader(a.leader).country;
    } else if (e.kind == EntityKind::kCity || e.kind == EntityKind::kRegion) {
      a.kind = ActorKind::kPlace;
      a.country = e.country;
      a.place = true;
    } else if (e.kind == EntityKind::kGroup) {
      a.kind = ActorKind::kGroup;
      a.group = e.group;
      a.place = true;
    } else if (e.kind == EntityKind::kOrganisation) {
      a.kind = ActorKind::kOrg;
      a.country = e.country;
      a.org = e.org;
    }
    out.push_back(a);
    i = next;
  }
  // Delegations: "delegations from Xinjiang ...", "a Chinese delegation".
  for (uint32_t t = 0; t < s.size; ++t) {
    if (!s.Is(t, kDelegation)) continue;
    for (Actor& a : out) {
      if (a.end == t && a.country >= 0 && a.kind != ActorKind::kPerson) {
        a.kind = ActorKind::kDelegation;
        a.end = t + 1;
        break;
      }
      if (a.begin == t + 2 && s.IsWord(t + 1, "from") && a.country >= 0) {
        a.kind = ActorKind::kDelegation;
        a.begin = t;
        // The delegation spans the whole list of places it came from.
        break;
      }
    }
  }
  return out;
}

std::vector<uint32_t> DocumentRun::Segments(const SentenceView& s) const {
  std::vector<uint32_t> seg(s.size);
  uint32_t id = 0;
  for (uint32_t i = 0; i < s.size; ++i) {
    std::string_view t = s.Str(i);
    if (i > 0 && (s.IsWord(i, "while") || s.IsWord(i, "whereas")) && !s.IsWord(i - 1, ",")) ++id;
    seg[i] = id;
    if (t == ";" || t == "," || t == ":" || t == "(" || t == ")") ++id;
  }
  return seg;
}

bool DocumentRun::IsFuture(const SentenceView& s) const {
  for (uint32_t i = 0; i < s.size; ++i) {
    if (s.Is(i, kFuture)) {
      // "plans" and "expected" as nouns or in the past ("was expected") still
      // speak of a future from the text's point of view; good enough.
      return true;
    }
    if ((s.IsWord(i, "is") || s.IsWord(i, "are")) && s.IsWord(i + 1, "to") && s.IsWord(i + 2, "be")) return true;
  }
  return false;
}

std::vector<DatedMention> DocumentRun::Dates(const SentenceView& s, bool future) {
  std::vector<DatedMention> out;
  for (DateMention& m : FindDates(s, ctx_, future)) {
    DatedMention d;
    d.m = m;
    uint32_t b = m.begin;
    // A bare year before a verb is a noun: "2024 will be a crucial year".
    if (!m.date.HasMonth() && !m.date.end_year && m.date.period.empty() && !m.relative &&
        (b == 0 || !(s.Is(b - 1, kPreposition) || s.IsWord(b - 1, "year") || s.IsWord(b - 1, ",")) ||
         (b > 0 && s.IsWord(b - 1, ",") && b == 1)) &&
        m.end < s.size && (s.Is(m.end, kAuxiliary) || s.IsWord(m.end, "'s"))) {
      d.nominal = true;
    }
    // Past perfect ("where he had welcomed ... the day before") and reduced
    // relatives ("the partnership established in 2016") are background: they
    // date what they say but do not move the story's time.
    for (uint32_t k = b >= 8 ? b - 8 : 0; k < b; ++k) {
      if (s.IsWord(k, "had") && k + 1 < b && LooksParticiple(s.Low(k + 1))) d.background = true;
      if (s.Str(k) == "," || s.Str(k) == ";") {
        bool had_after = false;
        for (uint32_t q = k + 1; q < b; ++q) had_after |= s.IsWord(q, "had");
        if (!had_after) d.background = false;
      }
    }
    uint32_t p = b;
    if (p > 0 && (s.IsWord(p - 1, "in") || s.IsWord(p - 1, "on"))) {
      --p;
      // skip a place: "held in Xi'an in May 2023"
      uint32_t q = p;
      while (q > 0 && q + 4 > p && (s.Cap(q - 1) || s.IsWord(q - 1, "-") || s.IsWord(q - 1, ","))) --q;
      if (q > 0 && q < p && (s.IsWord(q - 1, "in") || s.IsWord(q - 1, "at"))) p = q - 1;
      // "the partnership established in 2016": a common noun, then a
      // passive participle. "Li Qiang arrived in Tashkent on Monday" is a
      // main verb: after a name, and intransitive verbs have no passive.
      if (p > 1 && LooksParticiple(s.Low(p - 1)) && !IsAux(s, p - 2) && !s.Is(p - 1, kAuxiliary) &&
          s.tokens[p - 2].kind == TokenKind::kWord && !s.Is(p - 2, kConjunction) && !s.Cap(p - 1) &&
          s.tokens[p - 2].Has(kLower) && !s.Is(p - 1, kArrive) && !s.Is(p - 1, kTravel) &&
          !s.Is(p - 1, kVisitVerb)) {
        d.background = true;
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

// Which date (index into `dates`) tells when the fact at `trigger` happened:
// a date after it in its own clause ("visited Kazakhstan in 2013", "takes
// effect on July 1"), else a date fronted at the start of the sentence ("In
// May 2023, ..."), else one before it in its clause. -1: none; the story's
// time applies.
int DocumentRun::BindDate(const SentenceView& s, const std::vector<DatedMention>& dates,
                          const std::vector<uint32_t>& seg, uint32_t trigger, bool allow_target) const {
  auto usable = [&](const DatedMention& d) {
    return d.m.role != DateRole::kBaseline && !d.nominal &&
           (allow_target || d.m.role != DateRole::kTarget);
  };
  int best = -1;
  uint32_t best_dist = 1000;
  for (size_t k = 0; k < dates.size(); ++k) {
    const DatedMention& d = dates[k];
    if (!usable(d) || d.m.begin < trigger || seg[d.m.begin] != seg[trigger]) continue;
    uint32_t dist = d.m.begin - trigger;
    if (dist <= 20 && dist < best_dist) {
      best = static_cast<int>(k);
      best_dist = dist;
    }
  }
  if (best >= 0) return best;
  // A fronted adverbial scopes over the sentence: "In May 2023, ...",
  // "On Wednesday, 3 July, ...", "During Tokayev's visit to China in May 2023, ...".
  if (seg[trigger] > 0 && s.size > 0 && (s.Is(0, kPreposition) || s.Is(0, kRelative) || s.Is(0, kWeekday))) {
    for (size_t k = 0; k < dates.size(); ++k) {
      const DatedMention& d = dates[k];
      if (!usable(d) || d.background) continue;
      // The adverbial may run over the commas inside a date ("On Wednesday, 3 July,").
      bool fronted = true;
      for (uint32_t t = 0; t < d.m.begin; ++t) {
        if (s.Str(t) == ";") fronted = false;
      }
      uint32_t first_clause_end = 0;
      while (first_clause_end < s.size && seg[first_clause_end] == seg[0]) ++first_clause_end;
      if (d.m.begin > first_clause_end + 1 && !(d.m.begin <= 3)) fronted = false;
      if (seg[d.m.begin] >= seg[trigger]) fronted = false;
      if (fronted) return static_cast<int>(k);
    }
  }
  for (size_t k = dates.size(); k-- > 0;) {
    const DatedMention& d = dates[k];
    if (usable(d) && d.m.end <= trigger && seg[d.m.begin] == seg[trigger] && !d.background &&
        (!d.m.possessive || d.m.end + 4 >= trigger)) {
      return static_cast<int>(k);
    }
  }
  return -1;
}

TextDate DocumentRun::DateOrContext(const std::vector<DatedMention>& dates, int bound, int* strength) const {
  if (bound >= 0) {
    *strength = 2;
    TextDate d = dates[bound].m.date;
    d.period.clear();
    return d;
  }
  if (ctx_.reference.IsSet()) {
    *strength = 1;
    return ctx_.reference;
  }
  *strength = 0;
  return doc_.date;
}

Evidence DocumentRun::MakeEvidence(const SentenceView& s) const {
  Evidence e;
  e.doc_id = doc_.id;
  size_t b = doc_.norm.map.ToOriginal(s.tokens[0].begin);
  size_t en = doc_.norm.map.ToOriginal(s.tokens[s.size - 1].end);
  e.begin = cp_.ToCodePoint(b);
  e.end = cp_.ToCodePoint(en);
  if (!last_sentence_ || last_sentence_begin_ != b || last_sentence_end_ != en) {
    last_sentence_ = std::make_shared<const std::string>(doc_.original.substr(b, en - b));
    last_sentence_begin_ = b;
    last_sentence_end_ = en;
  }
  e.sentence = last_sentence_;
  return e;
}

std::string DocumentRun::SpanText(const SentenceView& s, uint32_t b, uint32_t e) const {
  if (b >= e || e > s.size) return "";
  std::string out(s.text.substr(s.tokens[b].begin, s.tokens[e - 1].end - s.tokens[b].begin));
  if (out.size() > 160) out = out.substr(0, 157) + "...";
  return out;
}

std::set<int> DocumentRun::SentenceCountries(const std::vector<Actor>& actors) const {
  std::set<int> out;
  for (const Actor& a : actors) {
    if (a.country >= 0) out.insert(a.country);
    if (a.group >= 0) {
      for (int m : g_.GroupMembers(a.group)) out.insert(m);
    }
  }
  return out;
}

std::vector<std::string> DocumentRun::Parties(const std::set<int>& countries) const {
  std::set<int> all = countries;
  // An event needs two sides; the text's pair supplies what the sentence omits.
  if (all.size() < 2) {
    for (int p : pair_) {
      if (p >= 0 && all.size() < 2) all.insert(p);
    }
  }
  std::vector<std::string> out;
  for (int p : pair_) {
    if (p >= 0 && all.count(p)) out.push_back(g_.Alpha3(p));
  }
  for (int c : all) {
    if (c != pair_[0] && c != pair_[1]) out.push_back(g_.Alpha3(c));
  }
  return out;
}

const Actor* DocumentRun::Venue(const SentenceView& s, const std::vector<Actor>& actors, uint32_t ev) const {
  uint32_t k = ev + 1;
  // The rest of the event's name: "Forum for International Cooperation".
  while (k < s.size && (s.Cap(k) || ((s.IsWord(k, "for") || s.IsWord(k, "of") || s.IsWord(k, "and")) && s.Cap(k + 1)))) ++k;
  if (s.IsWord(k, ",") && s.IsWord(k + 1, "which")) k += 2;
  if (s.IsWord(k, "was") || s.IsWord(k, "is") || s.IsWord(k, "will")) ++k;
  if (s.IsWord(k, "be")) ++k;
  if (s.IsWord(k, "held") || s.IsWord(k, "hosted") || s.IsWord(k, "convened") || s.IsWord(k, "organised") ||
      s.IsWord(k, "organized")) {
    ++k;
  } else if (s.IsWord(k, "taking") && s.IsWord(k + 1, "place")) {
    k += 2;
  }
  if (!(s.IsWord(k, "in") || s.IsWord(k, "at"))) return nullptr;
  for (const Actor& a : actors) {
    if (a.begin == k + 1 || (a.begin == k + 2 && s.IsWord(k + 1, "the"))) {
      return a.place && a.country >= 0 ? &a : nullptr;
    }
  }
  return nullptr;
}

bool DocumentRun::Negated(const SentenceView& s, const std::vector<uint32_t>& seg, uint32_t t) const {
  for (uint32_t k = t >= 8 ? t - 8 : 0; k < t; ++k) {
    if (seg[k] != seg[t]) continue;
    std::string_view w = s.Low(k);
    if (w == "not" || w == "n't" || w == "never" || w == "denied" || w == "denies" || w == "deny" ||
        w == "cancelled" || w == "canceled" || w == "cancel" || w == "postponed" || w == "postpone" ||
        w == "rejected" || w == "refused" || w == "suspended" || (w == "no" && s.IsWord(k + 1, "plans")) ||
        (w == "ruled" && s.IsWord(k + 1, "out")) || (w == "called" && s.IsWord(k + 1, "off"))) {
      return true;
    }
  }
  return false;
}

int DocumentRun::ResolvePronoun(const SentenceView& s, const std::vector<Actor>& actors,
                                const std::vector<uint32_t>& seg, uint32_t pos, const Actor** who) const {
  if (who) *who = nullptr;
  // A person earlier in the pronoun's own clause: "Xi wrapped up his visit".
  for (const Actor& a : actors) {
    if (a.begin >= pos) break;
    if (a.kind == ActorKind::kPerson && a.country >= 0 && seg[a.begin] == seg[pos]) {
      if (who) *who = &a;
      return a.country;
    }
  }
  // A relative clause: "..., Tokayev, who arrived ... on his first official
  // visit": the person the clause hangs on.
  uint32_t start = pos;
  while (start > 0 && seg[start - 1] == seg[pos]) --start;
  if (s.IsWord(start, "who") || s.IsWord(start, "whose")) {
    const Actor* c = nullptr;
    for (const Actor& a : actors) {
      if (a.end <= start && a.kind == ActorKind::kPerson && a.country >= 0) c = &a;
    }
    if (c) {
      if (who) *who = c;
      return c->country;
    }
  }
  // The subject of the sentence ("Vucic bid farewell to Xi ..., where he
  // had welcomed ..."); in a fronted clause, the subject that follows it
  // ("On the eve of his state visit to China, President ... Japarov ...");
  // else the story's last person.
  for (const Actor& a : actors) {
    if (a.begin >= pos) break;
    if (a.kind == ActorKind::kPerson && a.country >= 0) {
      if (who) *who = &a;
      return a.country;
    }
  }
  if (seg[pos] == 0) {
    for (const Actor& a : actors) {
      if (seg[a.begin] == 1 && a.kind == ActorKind::kPerson && a.country >= 0) {
        if (who) *who = &a;
        return a.country;
      }
    }
  }
  return prev_person_country_;
}

int DocumentRun::Subject(const SentenceView& s, const std::vector<Actor>& actors,
                         const std::vector<uint32_t>& seg, uint32_t t, const Actor** actor) const {
  *actor = nullptr;
  const Actor* person = PersonBefore(s, actors, t, seg);
  // A pronoun nearer the verb than any name is the subject: "where he had welcomed".
  for (uint32_t k = t; k-- > 0 && k + 4 > t;) {
    if (person && k < person->end) break;
    if (s.IsWord(k, "he") || s.IsWord(k, "she") || s.IsWord(k, "they") || s.IsWord(k, "his") ||
        s.IsWord(k, "her") || s.IsWord(k, "i") || s.IsWord(k, "we") || s.IsWord(k, "my") || s.IsWord(k, "our")) {
      return ResolvePronoun(s, actors, seg, k, actor);
    }
    if (s.Str(k) == "," || s.Str(k) == ";") break;
  }
  *actor = person;
  return person ? person->country : -1;
}

const Actor* DocumentRun::PlaceAfter(const SentenceView& s, const std::vector<Actor>& actors,
                                     uint32_t from, uint32_t window,
                                     const std::vector<uint32_t>& seg) const {
  if (from >= s.size) return nullptr;
  for (const Actor& a : actors) {
    if (a.begin < from) continue;
    if (a.begin > from + window || seg[a.begin] != seg[from]) break;
    if (a.place && (a.country >= 0 || a.group >= 0)) return &a;
    if (IsPerson(a)) break;
  }
  return nullptr;
}

const Actor* DocumentRun::PersonBefore(const SentenceView&, const std::vector<Actor>& actors, uint32_t pos,
                                       const std::vector<uint32_t>&) const {
  // The nearest person before the verb, across an apposition or a relative
  // clause ("Tokayev, who ..., arrived"), but not from another sentence part.
  const Actor* best = nullptr;
  for (const Actor& a : actors) {
    if (a.end > pos) break;
    if (IsPerson(a) && a.country >= 0 && pos - a.end <= 14) best = &a;
  }
  return best;
}

// ---------------------------------------------------------------------------
// Visits.

void DocumentRun::AddVisit(const SentenceView& s, int visitor_country, std::string visitor, int host,
                           const TextDate& date, int strength, std::string kind, bool planned) {
  // An undated document still has its visits; their date is then unknown.
  if (visitor_country < 0 || host < 0 || visitor_country == host) return;
  Visit v;
  v.visitor_country = g_.Alpha3(visitor_country);
  v.visitor = std::move(visitor);
  v.host_country = g_.Alpha3(host);
  v.date = date;
  v.date.period.clear();
  v.kind = std::move(kind);
  v.status = planned ? "planned" : "actual";
  v.date_strength = strength;
  v.confidence = strength == 2 ? 0.85 : (strength == 1 ? 0.7 : 0.6);
  v.cameo.code = "042";
  v.cameo.goldstein = ex_.cameo_->Goldstein("042").value_or(1.9);
  v.cameo.source = v.visitor_country;
  v.cameo.target = v.host_country;
  v.evidence = MakeEvidence(s);
  out_.visits.push_back(std::move(v));
}

void DocumentRun::FindVisits(const SentenceView& s, const std::vector<Actor>& actors,
                             const std::vector<DatedMention>& dates, const std::vector<uint32_t>& seg) {
  auto visitor_name = [&](const Actor* a) -> std::string {
    if (!a) return "";
    if (a->leader >= 0) return g_.leader(a->leader).name;
    return SpanText(s, a->begin, a->end);
  };
  auto kind_before = [&](uint32_t t) -> std::string {
    for (uint32_t k = t >= 3 ? t - 3 : 0; k < t; ++k) {
      if (s.IsWord(k, "state")) return "state visit";
      if (s.IsWord(k, "official")) return "official visit";
    }
    return "visit";
  };
  // "Ahead of his visit", "On the eve of his state visit", "his upcoming
  // visit": the visit is still to come and the sentence's date is not its date.
  auto anticipatory = [&](uint32_t t) {
    for (uint32_t k = t >= 6 ? t - 6 : 0; k < t; ++k) {
      if (s.IsWord(k, "eve") || (s.IsWord(k, "ahead") && s.IsWord(k + 1, "of")) ||
          (s.IsWord(k, "prior") && s.IsWord(k + 1, "to")) || s.IsWord(k, "upcoming") ||
          s.IsWord(k, "forthcoming")) {
        return true;
      }
    }
    return false;
  };
  auto planned_at = [&](uint32_t t) {
    if (anticipatory(t)) return true;
    for (uint32_t k = t >= 6 ? t - 6 : 0; k < t; ++k) {
      if (seg[k] != seg[t]) continue;
      if (s.Is(k, kFuture) || (s.IsWord(k, "to") && (s.Is(k + 1, kVisitVerb) || s.Is(k + 1, kTravel)))) {
        return true;
      }
    }
    return false;
  };
  // A list of dates after the trigger: "visited Kazakhstan four times: in
  // September 2013, May 2015, June 2017 and September 2022" is four visits.
  auto date_list = [&](uint32_t t) {
    std::vector<int> list;
    for (size_t k = 0; k < dates.size(); ++k) {
      const DatedMention& d = dates[k];
      if (d.m.begin <= t || d.m.role == DateRole::kBaseline) continue;
      if (list.empty()) {
        if (d.m.begin > t + 10) break;
        list.push_back(static_cast<int>(k));
        continue;
      }
      const DatedMention& prev = dates[list.back()];
      bool joined = true;
      for (uint32_t q = prev.m.end; q < d.m.begin; ++q) {
        if (!(s.Str(q) == "," || s.IsWord(q, "and") || s.IsWord(q, "in") || s.IsWord(q, "on"))) joined = false;
      }
      if (!joined) break;
      list.push_back(static_cast<int>(k));
    }
    if (list.size() < 2) list.clear();
    return list;
  };
  auto emit = [&](uint32_t trigger, const Actor* visitor, int visitor_country, int host, std::string kind,
                  bool no_date) {
    if (visitor && visitor_country < 0) visitor_country = visitor->country;
    // A visit without a host, or without a visitor: the text's other country.
    if (host < 0 && visitor_country >= 0) {
      if (visitor_country == pair_[0]) host = pair_[1];
      else if (visitor_country == pair_[1]) host = pair_[0];
    }
    if (visitor_country < 0 && host >= 0) {
      if (host == pair_[0]) visitor_country = pair_[1];
      else if (host == pair_[1]) visitor_country = pair_[0];
    }
    if (Negated(s, seg, trigger)) return;
    bool planned = planned_at(trigger);
    std::vector<int> list = no_date ? std::vector<int>() : date_list(trigger);
    if (!list.empty()) {
      for (int k : list) {
        AddVisit(s, visitor_country, visitor_name(visitor), host, dates[k].m.date, 2, kind, planned);
      }
      return;
    }
    int bound = no_date ? -1 : BindDate(s, dates, seg, trigger, false);
    int strength = 0;
    TextDate date = DateOrContext(dates, bound, &strength);
    // A visit still to come, with no date given, is dated by the news of it.
    if (planned && bound < 0 && doc_.date.IsSet()) {
      date = doc_.date;
      strength = 0;
    }
    AddVisit(s, visitor_country, visitor_name(visitor), host, date, strength, kind, planned);
  };

  for (uint32_t t = 0; t < s.size; ++t) {
    bool verb = s.Is(t, kVisitVerb) && !s.IsWord(t, "visit") && !s.IsWord(t, "visits");
    bool noun = s.Is(t, kVisitNoun) && !verb;
    // "visit"/"visits" is a noun after a determiner, possessive or adjective
    // ("his visit", "Tokayev's visit", "state visit"), a verb after a
    // subject, "to" or an auxiliary ("will visit", "Xi visits Serbia").
    if (s.IsWord(t, "visit") || s.IsWord(t, "visits")) {
      bool after_to = t > 0 && (s.IsWord(t - 1, "to") || s.Is(t - 1, kAuxiliary));
      bool after_name = t > 0 && !s.tokens[t - 1].Has(kLower) && s.tokens[t - 1].kind == TokenKind::kWord &&
                        !s.IsWord(t - 1, "'s");
      bool place_next = false;
      for (const Actor& a : actors) {
        if (a.begin == t + 1 && a.place) place_next = true;
      }
      verb = after_to || (after_name && place_next && s.IsWord(t, "visits"));
      if (after_name && place_next && t > 0) {
        // "Xi visits Serbia" (verb) vs "a China visit" (noun): a person before it.
        for (const Actor& a : actors) {
          if (a.end == t && IsPerson(a)) verb = true;
        }
      }
      noun = !verb;
    }
    if (verb) {
      const Actor* v = nullptr;
      int vc = Subject(s, actors, seg, t, &v);
      const Actor* h = PlaceAfter(s, actors, t + 1, 3, seg);
      if (!h || vc < 0) continue;
      emit(t, v, vc, h->country, "visit", false);
      continue;
    }
    if (noun) {
      const Actor* visitor = nullptr;
      int vc = -1;
      const Actor* host = nullptr;
      // Possessor: "Tokayev's visit", "Mirziyoyev's three-day visit", "his visit".
      for (uint32_t k = t; k-- > 0 && k + 6 > t;) {
        if (s.IsWord(k, "'s")) {
          for (const Actor& a : actors) {
            if (a.end == k && (IsPerson(a) || a.kind == ActorKind::kState)) visitor = &a;
          }
          break;
        }
        if (s.IsWord(k, "his") || s.IsWord(k, "her") || s.IsWord(k, "my") || s.IsWord(k, "their") ||
            s.IsWord(k, "our")) {
          vc = ResolvePronoun(s, actors, seg, k, &visitor);
          break;
        }
        if (s.Str(k) == "," || s.Is(k, kVisitVerb)) break;
      }
      // "the state visit of President Tokayev to China's Xi'an".
      uint32_t after = t + 1;
      if (s.IsWord(after, "of")) {
        for (const Actor& a : actors) {
          if (a.begin == after + 1 || (a.begin == after + 2 && s.IsWord(after + 1, "the"))) {
            if (IsPerson(a)) {
              visitor = &a;
              after = a.end;
            }
            break;
          }
        }
      }
      if (s.IsWord(after, "to") || s.IsWord(after, "in")) host = PlaceAfter(s, actors, after + 1, 3, seg);
      // "his three-day China visit": the host right before the noun.
      if (!host) {
        for (const Actor& a : actors) {
          if (a.end == t && a.place && a.country >= 0 && (!visitor || visitor->country != a.country)) host = &a;
          if (a.end + 1 == t && a.place && a.country >= 0 && (s.IsWord(a.end, "state") || s.IsWord(a.end, "official"))) {
            host = &a;
          }
        }
      }
      if (!visitor && vc < 0) {
        // "X is on a state visit to Y", "X paid a visit to Y".
        vc = Subject(s, actors, seg, t, &visitor);
      }
      if (!visitor && vc < 0) {
        // "the visit to China" with no visitor named: only a host of the
        // text's pair makes the visitor clear.
        if (!host || (host->country != pair_[0] && host->country != pair_[1])) continue;
      }
      emit(t, visitor, vc, host ? host->country : -1, kind_before(t), anticipatory(t));
      continue;
    }
    if (s.Is(t, kArrive) || s.Is(t, kTravel)) {
      uint32_t p = t + 1;
      if (!(s.IsWord(p, "in") || s.IsWord(p, "at") || s.IsWord(p, "to") || s.IsWord(p, "for"))) continue;
      const Actor* h = PlaceAfter(s, actors, p + 1, 6, seg);
      if (!h) continue;
      const Actor* v = nullptr;
      int vc = Subject(s, actors, seg, t, &v);
      if (vc < 0) {
        // ", who arrived in Moscow": the person the relative clause hangs on.
        uint32_t start = t;
        while (start > 0 && seg[start - 1] == seg[t]) --start;
        if (s.IsWord(start, "who")) vc = ResolvePronoun(s, actors, seg, start);
      }
      if (vc < 0) continue;
      std::string kind = "visit";
      for (uint32_t k = t; k < s.size && k < t + 14; ++k) {
        if (s.IsWord(k, "state") && s.Is(k + 1, kVisitNoun)) kind = "state visit";
        if (s.IsWord(k, "official") && s.Is(k + 1, kVisitNoun)) kind = "official visit";
      }
      emit(t, v, vc, h->country, kind, false);
      continue;
    }
    bool take_part = s.IsWord(t, "part") && t > 0 && s.IsWord(t + 1, "in") &&
                     (s.IsWord(t - 1, "take") || s.IsWord(t - 1, "took") || s.IsWord(t - 1, "taken") ||
                      s.IsWord(t - 1, "taking") || s.IsWord(t - 1, "takes"));
    if (s.Is(t, kAttend) || take_part) {
      // "attended the China-Central Asia Summit in Xi'an, China", "will take part in the forum in Omsk".
      bool summit = false;
      uint32_t ev = 0;
      for (uint32_t k = t + 1; k < s.size && k < t + 12; ++k) {
        if (s.Is(k, kSummit) || s.Is(k, kForum)) {
          summit = true;
          ev = k;
          break;
        }
        if (s.IsWord(k, "ceremony") || s.IsWord(k, "games") || s.IsWord(k, "celebrations") ||
            s.IsWord(k, "parade") || s.Is(k, kTalks)) {
          ev = k;
          break;
        }
      }
      if (!ev) continue;
      const Actor* h = Venue(s, actors, ev);
      const Actor* v = nullptr;
      int vc = Subject(s, actors, seg, t, &v);
      if (!h || vc < 0) continue;
      emit(t, v, vc, h->country, summit ? "summit attendance" : "visit", false);
      continue;
    }
    if (s.Is(t, kWelcome)) {
      // "H welcomed/greeted/hosted/received V", "V was greeted by H",
      // "H bid farewell to V".
      if (s.IsWord(t, "bid") && !s.IsWord(t + 1, "farewell")) continue;
      bool passive = t > 0 && (s.IsWord(t - 1, "was") || s.IsWord(t - 1, "were") || s.IsWord(t - 1, "been")) &&
                     s.IsWord(t + 1, "by");
      const Actor* visitor = nullptr;
      int host_country = -1, visitor_country = -1;
      if (passive) {
        for (const Actor& a : actors) {
          if (a.begin >= t + 2 && a.begin <= t + 3 && IsPerson(a)) host_country = a.country;
        }
        visitor_country = Subject(s, actors, seg, t - 1, &visitor);
      } else {
        uint32_t o = t + 1;
        if (s.IsWord(o, "farewell") && s.IsWord(o + 1, "to")) o += 2;
        for (const Actor& a : actors) {
          if (a.begin >= o && a.begin <= o + 2 && IsPerson(a)) {
            visitor = &a;
            break;
          }
        }
        const Actor* host = nullptr;
        host_country = Subject(s, actors, seg, t, &host);
        if (visitor) visitor_country = visitor->country;
      }
      if (host_country < 0 || visitor_country < 0 || host_country == visitor_country) continue;
      emit(t, visitor, visitor_country, host_country, "visit", false);
      continue;
    }
    if (s.Is(t, kMeet) || s.Is(t, kTalks) || s.Is(t, kForum) || s.Is(t, kSummit)) {
      // A meeting in a country with a foreign participant implies a visit.
      // Participants are linked to the meeting: "talks between X and Y",
      // "X met Y", "at the forum ..., X said"; a leader who merely praises
      // a past summit did not travel to it.
      const Actor* loc = nullptr;
      for (const Actor& a : actors) {
        if (a.begin > t && a.begin < t + 24 && a.place && a.country >= 0 && a.begin > 0 &&
            (s.IsWord(a.begin - 1, "in") || s.IsWord(a.begin - 1, "at")) && s.Str(a.begin - 1) != ";") {
          loc = &a;
          break;
        }
      }
      if (!loc) continue;
      bool at_event = false;
      for (uint32_t k = t >= 8 ? t - 8 : 0; k < t; ++k) at_event |= s.IsWord(k, "at");
      bool meet_verb = s.IsWord(t, "met") || s.IsWord(t, "meets") || (s.Is(t, kTalks) && t > 0 && s.Is(t - 1, kHold));
      std::set<int> seen;
      bool summit = s.Is(t, kForum) || s.Is(t, kSummit);
      const Actor* first_person = nullptr;
      for (const Actor& a : actors) {
        if (a.kind == ActorKind::kPerson && a.country >= 0) {
          first_person = &a;
          break;
        }
      }
      for (const Actor& a : actors) {
        if (a.kind != ActorKind::kPerson || a.country < 0 || a.country == loc->country) continue;
        bool linked = false;
        if (a.begin > t && a.begin < t + 16) {
          for (uint32_t k = t + 1; k < a.begin; ++k) {
            linked |= s.IsWord(k, "between") || s.IsWord(k, "with") || s.IsWord(k, "alongside");
          }
        }
        if (meet_verb && a.end <= t) linked = true;
        if (at_event && &a == first_person) linked = true;
        if (!linked || !seen.insert(a.country).second) continue;
        emit(t, &a, -1, loc->country, summit ? "summit attendance" : "visit", false);
      }
      // "the meeting between the leaders of China and Kazakhstan in Xi'an".
      for (const Actor& a : actors) {
        if (a.kind != ActorKind::kState || a.country < 0 || a.country == loc->country || a.begin <= t ||
            a.begin >= t + 10) {
          continue;
        }
        bool leaders = false;
        for (uint32_t k = t; k < a.begin; ++k) leaders |= s.IsWord(k, "leaders") || s.IsWord(k, "presidents");
        if (leaders && seen.insert(a.country).second) emit(t, nullptr, a.country, loc->country, "visit", false);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Meetings and events.

void DocumentRun::AddEvent(const SentenceView& s, std::string kind, const std::set<int>& countries,
                           const std::vector<DatedMention>& dates, int bound, bool planned,
                           std::string what, std::string key) {
  Event e;
  int strength = 0;
  e.date = DateOrContext(dates, bound, &strength);
  e.kind = kind;
  e.parties = Parties(countries);
  if (e.parties.empty()) return;
  e.what = std::move(what);
  // A stated date after the document is planned whatever the grammar says;
  // one before it has happened.
  if (strength == 2 && doc_.date.IsSet()) {
    int cmp = CompareDates(e.date, doc_.date);
    if (cmp > 0) planned = true;
    if (cmp < 0) planned = false;
  }
  e.status = planned ? "planned" : "actual";
  e.date_strength = strength;
  e.key = std::move(key);
  e.confidence = strength == 2 ? 0.8 : 0.6;
  e.cameo.code = ex_.CameoCodeFor(kind);
  e.cameo.goldstein = ex_.cameo_->Goldstein(e.cameo.code).value_or(0);
  e.cameo.source = e.parties[0];
  e.cameo.target = e.parties.size() > 1 ? e.parties[1] : "";
  e.evidence = MakeEvidence(s);
  out_.events.push_back(std::move(e));
}

void DocumentRun::FindEvents(const SentenceView& s, const std::vector<Actor>& actors,
                             const std::vector<DatedMention>& dates, const std::vector<uint32_t>& seg,
                             bool future) {
  std::set<int> countries = SentenceCountries(actors);
  // Planned: a future word in the trigger's clause before it ("will take
  // effect", "is expected to sign", "plans to open", "to be held").
  auto planned_near = [&](uint32_t t) {
    if (!future) return false;
    for (uint32_t k = t >= 8 ? t - 8 : 0; k <= t && k < s.size; ++k) {
      if (seg[k] != seg[t]) continue;
      if (s.Is(k, kFuture) || (s.IsWord(k, "to") && s.IsWord(k + 1, "be"))) return true;
    }
    return false;
  };
  auto find_class = [&](uint32_t from, uint32_t to, WordClass c) -> int {
    for (uint32_t k = from; k < to && k < s.size; ++k) {
      if (s.Is(k, c)) return static_cast<int>(k);
    }
    return -1;
  };
  // The nearest facility noun in the seven tokens before t ("the plant was
  // opened", "the railway started operating"), or -1.
  auto facility_before = [&](uint32_t t) -> int {
    for (uint32_t k = t; k-- > 0 && k + 8 > t;) {
      if (s.Is(k, kFacility)) return static_cast<int>(k);
    }
    return -1;
  };
  auto window = [&](uint32_t t, int before, int after, WordClass c) -> int {
    uint32_t lo = t >= static_cast<uint32_t>(before) ? t - before : 0;
    int r = find_class(t + 1, t + 1 + after, c);
    if (r >= 0) return r;
    for (uint32_t k = t; k-- > lo;) {
      if (s.Is(k, c)) return static_cast<int>(k);
    }
    return -1;
  };
  bool upgrade_cue = false;
  for (uint32_t k = 0; k < s.size; ++k) {
    if (s.Is(k, kElevate) && window(k, 0, 4, kRelations) >= 0) upgrade_cue = true;
  }
  std::set<std::string> done;  // one event of a kind per trigger phrase
  // Classes that can trigger an event; other words are skipped at once.
  constexpr uint64_t kTriggers =
      (uint64_t{1} << kSign) | (uint64_t{1} << kAgreement) | (uint64_t{1} << kEstablish) |
      (uint64_t{1} << kElevate) | (uint64_t{1} << kOpen) | (uint64_t{1} << kStart) | (uint64_t{1} << kLaunch) |
      (uint64_t{1} << kEffect) | (uint64_t{1} << kAnnounce) | (uint64_t{1} << kPropose) |
      (uint64_t{1} << kAddress) | (uint64_t{1} << kIntend) | (uint64_t{1} << kSummit) | (uint64_t{1} << kForum) |
      (uint64_t{1} << kMeet) | (uint64_t{1} << kTalks) | (uint64_t{1} << kOperate);
  for (uint32_t t = 0; t < s.size; ++t) {
    if (s.lex[t] == nullptr || (s.lex[t]->classes & kTriggers) == 0) continue;
    if (Negated(s, seg, t)) continue;
    // Agreements and memoranda signed.
    if (s.Is(t, kSign) && !s.IsWord(t, "sign")) {
      // A passive ("Agreements on ... were signed too") names its object
      // as the subject, however long the subject is.
      bool passive = t > 0 && (s.IsWord(t - 1, "was") || s.IsWord(t - 1, "were") || s.IsWord(t - 1, "been") ||
                               (t > 1 && s.IsWord(t - 1, "also") && (s.IsWord(t - 2, "was") || s.IsWord(t - 2, "were"))));
      int before = passive ? 40 : 8;
      int obj = window(t, before, passive ? 0 : 10, kMemorandum);
      bool memo = obj >= 0;
      if (!memo) obj = window(t, before, passive ? 0 : 10, kAgreement);
      if (passive && obj < 0) {
        obj = window(t, 8, 10, kMemorandum);
        memo = obj >= 0;
        if (!memo) obj = window(t, 8, 10, kAgreement);
      }
      if (obj < 0) continue;
      bool community = false;
      for (uint32_t k = obj; k < s.size && k < static_cast<uint32_t>(obj) + 14; ++k) {
        if (s.IsWord(k, "community") && (s.IsWord(k + 1, "with") || s.IsWord(k + 1, "of"))) community = true;
      }
      std::string kind = memo ? "memorandum signed" : "agreement signed";
      if (upgrade_cue || community) kind = "partnership established";
      int bound = BindDate(s, dates, seg, t, false);
      std::string head = Singular(s.Low(obj));
      AddEvent(s, kind, countries, dates, bound, planned_near(t), SpanText(s, std::min<uint32_t>(t, obj), std::max<uint32_t>(t, obj) + 1),
               kind == "partnership established" ? "partnership" : head);
      continue;
    }
    if (s.Is(t, kSign) && s.IsWord(t, "sign")) {
      // "will sign", "agreed to sign": planned signings.
      int obj = window(t, 0, 8, kMemorandum);
      bool memo = obj >= 0;
      if (!memo) obj = window(t, 0, 8, kAgreement);
      if (obj < 0) continue;
      int bound = BindDate(s, dates, seg, t, false);
      AddEvent(s, memo ? "memorandum signed" : "agreement signed", countries, dates, bound, true,
               SpanText(s, t, obj + 1), Singular(s.Low(obj)));
      continue;
    }
    // "to have a visa-free agreement with China".
    if (s.Is(t, kAgreement) && t >= 2) {
      bool has = false;
      for (uint32_t k = t >= 5 ? t - 5 : 0; k < t; ++k) {
        if ((s.IsWord(k, "have") || s.IsWord(k, "has") || s.IsWord(k, "had")) &&
            (s.IsWord(k + 1, "a") || s.IsWord(k + 1, "an"))) {
          has = true;
        }
      }
      if (has && s.IsWord(t + 1, "with") && window(t, 10, 0, kSign) < 0) {
        AddEvent(s, "agreement signed", countries, dates, -1, false, SpanText(s, t >= 3 ? t - 3 : 0, t + 3),
                 Singular(s.Low(t)));
      }
      continue;
    }
    // Partnerships established or upgraded.
    if (s.Is(t, kEstablish) || s.Is(t, kElevate)) {
      int obj = -1;
      if (s.Is(t, kEstablish)) {
        obj = window(t, 4, 8, kPartnership);
        if (obj >= 0 && s.IsWord(obj, "relations") && !(obj > 0 && s.IsWord(obj - 1, "diplomatic"))) obj = -1;
        if (obj >= 0 && s.IsWord(obj, "community") && !s.IsWord(obj + 1, "with")) obj = -1;
      } else {
        obj = find_class(t + 1, t + 5, kRelations);
        if (obj < 0) obj = find_class(t + 1, t + 5, kPartnership);
        if (obj >= 0 && s.IsWord(obj, "community") && !s.IsWord(obj + 1, "with")) obj = -1;
      }
      if (obj < 0) continue;
      int bound = BindDate(s, dates, seg, t, false);
      AddEvent(s, "partnership established", countries, dates, bound, planned_near(t),
               SpanText(s, std::min<uint32_t>(t, obj), std::max<uint32_t>(t, obj) + 1), "partnership");
      continue;
    }
    // Openings of facilities.
    if (s.Is(t, kOpen)) {
      if (s.IsWord(t + 1, "ceremony") || s.IsWord(t + 1, "chapter") || s.IsWord(t + 1, "remarks") ||
          s.IsWord(t + 1, "-") || s.IsWord(t + 1, "up")) {
        continue;
      }
      int obj = -1;
      if (s.IsWord(t + 1, "of") || s.IsWord(t + 1, "a") || s.IsWord(t + 1, "the") || s.Is(t + 1, kDeterminer)) {
        obj = find_class(t + 1, t + 7, kFacility);
      }
      if (obj < 0 && t > 0 && (s.IsWord(t - 1, "was") || s.IsWord(t - 1, "were") || s.IsWord(t - 1, "been"))) {
        obj = facility_before(t);
      }
      if (obj < 0) continue;
      // "opening of markets" is not a facility; the noun decides.
      int bound = BindDate(s, dates, seg, t, false);
      AddEvent(s, "opening", countries, dates, bound, planned_near(t), SpanText(s, std::min<uint32_t>(t, obj), std::max<uint32_t>(t, obj) + 1),
               "opening:" + Singular(s.Low(obj)));
      continue;
    }
    // "started operating", "began operations", "put into operation".
    if ((s.Is(t, kStart) && s.Is(t + 1, kOperate)) ||
        (s.Is(t, kOperate) && t > 1 && s.IsWord(t - 1, "into") &&
         (s.IsWord(t - 2, "put") || s.IsWord(t - 2, "went") || s.IsWord(t - 2, "go") || s.IsWord(t - 2, "came")))) {
      int obj = facility_before(t);
      if (obj < 0) continue;
      int bound = BindDate(s, dates, seg, t, false);
      AddEvent(s, "opening", countries, dates, bound, planned_near(t), SpanText(s, obj, t + 2),
               "opening:" + Singular(s.Low(obj)));
      continue;
    }
    // Launches.
    if (s.Is(t, kLaunch)) {
      int obj = window(t, 3, 8, kFacility);
      if (obj < 0) obj = find_class(t + 1, t + 8, kInitiative);
      if (obj < 0) continue;
      int bound = BindDate(s, dates, seg, t, false);
      AddEvent(s, "launch", countries, dates, bound, planned_near(t), SpanText(s, std::min<uint32_t>(t, obj), std::max<uint32_t>(t, obj) + 1),
               "launch:" + Singular(s.Low(obj)));
      continue;
    }
    // Entry into force: "take effect", "enter into force", "come into effect".
    if (s.Is(t, kEffect) && t > 0) {
      bool ok = s.IsWord(t - 1, "into") ||
                ((s.IsWord(t - 1, "take") || s.IsWord(t - 1, "takes") || s.IsWord(t - 1, "took") ||
                  s.IsWord(t - 1, "taken") || s.IsWord(t - 1, "taking")));
      if (!ok) continue;
      int bound = BindDate(s, dates, seg, t, false);
      int obj = -1;
      for (uint32_t k = t; k-- > 0 && k + 12 > t;) {
        if (s.Is(k, kAgreement) || s.Is(k, kMemorandum)) {
          obj = static_cast<int>(k);
          break;
        }
      }
      AddEvent(s, "entry into force", countries, dates, bound, future || planned_near(t),
               SpanText(s, obj >= 0 ? obj : (t >= 4 ? t - 4 : 0), t + 1), "force:" + (obj >= 0 ? Singular(s.Low(obj)) : ""));
      continue;
    }
    // Announcements.
    bool announce = s.Is(t, kAnnounce);
    bool propose = s.Is(t, kPropose) && find_class(t + 1, t + 6, kInitiative) >= 0;
    if (!propose && s.Is(t, kPropose)) {
      for (uint32_t k = t >= 6 ? t - 6 : 0; k < t; ++k) propose |= s.Is(k, kInitiative);
    }
    bool address = s.Is(t, kAddress) && window(t, 6, 0, kAddress) < 0;
    if (address) {
      bool delivered = false;
      for (uint32_t k = t >= 12 ? t - 12 : 0; k < t; ++k) {
        delivered |= s.IsWord(k, "delivered") || s.IsWord(k, "delivers") || s.IsWord(k, "deliver") ||
                     s.IsWord(k, "gave");
      }
      address = delivered;
    }
    bool target = s.Is(t, kIntend) && find_class(t + 1, t + 4, kTargetVerb) >= 0;
    if (announce || propose || address || target) {
      // An announced partnership is the partnership, not an announcement.
      if (announce && (window(t, 0, 12, kPartnership) >= 0 && window(t, 0, 6, kEstablish) >= 0)) continue;
      bool leader_speaks = false;
      for (const Actor& a : actors) {
        if (a.kind == ActorKind::kPerson && a.country >= 0 && (a.country == pair_[0] || a.country == pair_[1])) {
          leader_speaks = true;
        }
      }
      bool passive_it = t >= 2 && s.IsWord(t - 1, "was") && s.IsWord(t - 2, "it");
      bool bilateral = countries.size() >= 2;
      if (propose && !bilateral) continue;
      if (announce && !(bilateral || leader_speaks || passive_it)) continue;
      if (address && !leader_speaks) continue;
      if (target) {
        bool parties = false;
        for (uint32_t k = t >= 4 ? t - 4 : 0; k < t; ++k) {
          parties |= s.IsWord(k, "parties") || s.IsWord(k, "sides") || s.IsWord(k, "countries") ||
                     s.IsWord(k, "we") || s.IsWord(k, "both");
        }
        if (!parties && !bilateral) continue;
      }
      std::string key = "announce:" + std::string(s.Low(t));
      if (!done.insert(key).second) continue;
      int bound = BindDate(s, dates, seg, t, false);
      AddEvent(s, "announcement", countries, dates, bound, false, SpanText(s, t, std::min<uint32_t>(s.size, t + 8)), key + ":" + std::to_string(out_.sentences));
      continue;
    }
    // Summits and forums.
    if ((s.Is(t, kSummit) || s.Is(t, kForum)) && !s.IsWord(t + 1, "talks") && !s.IsWord(t + 1, "meeting")) {
      if (t > 0 && (s.IsWord(t - 1, "press") || s.IsWord(t - 1, "news"))) continue;
      // The event's name: the capitalised words (and linked names) before it,
      // and "of ..." after a capitalised head.
      uint32_t b = t;
      while (b > 0 && (s.Cap(b - 1) || s.IsWord(b - 1, "-") || s.IsWord(b - 1, "and") || s.IsWord(b - 1, "'"))) {
        if (s.IsWord(b - 1, "and") && !(b >= 2 && s.Cap(b - 2))) break;
        --b;
      }
      // A capitalised "The" at the start of the sentence is not part of the name.
      while (b < t && s.Is(b, kDeterminer)) ++b;
      uint32_t e = t + 1;
      if (s.Cap(t)) {
        while (e < s.size && (s.Cap(e) || s.IsWord(e, "of") || s.IsWord(e, "for") || s.IsWord(e, "and") ||
                              s.IsWord(e, "-") || s.IsWord(e, "the"))) {
          ++e;
        }
        while (e > t + 1 && !s.Cap(e - 1)) --e;
      }
      bool named = b < t || (s.Cap(t) && !(t == 0)) || e > t + 1;
      bool indefinite = t > 0 && (s.IsWord(t - 1, "a") || s.IsWord(t - 1, "an"));
      bool modified = s.IsWord(t + 1, "on") || s.IsWord(t + 1, "of");
      if (!named && !(indefinite && modified)) continue;
      std::string name;
      for (uint32_t k = b; k < e; ++k) {
        if (!name.empty() && s.tokens[k].Has(kSpaceBefore)) name += ' ';
        name += s.Low(k);
      }
      if (!named) name += "@" + std::to_string(out_.sentences);
      std::set<int> c = countries;
      int bound = BindDate(s, dates, seg, t, false);
      bool planned = future;
      AddEvent(s, s.Is(t, kSummit) ? "summit" : "forum", c, dates, bound, planned, SpanText(s, b, e),
               "name:" + name);
      continue;
    }
    // Meetings (kept only when no visit covers them; see Finish()).
    if ((s.Is(t, kMeet) || s.Is(t, kTalks)) && !s.IsWord(t, "meet") && !(t > 0 && s.IsWord(t - 1, "to"))) {
      bool with_actor = false;
      for (const Actor& a : actors) {
        if ((a.kind == ActorKind::kPerson || a.kind == ActorKind::kState) && a.begin > t && a.begin < t + 6) {
          with_actor = true;
        }
        if ((a.kind == ActorKind::kPerson) && a.end <= t && a.end + 10 >= t) with_actor = true;
      }
      if (!with_actor || countries.size() + (pair_[0] >= 0) < 2) continue;
      if (!done.insert("meeting").second) continue;
      int bound = BindDate(s, dates, seg, t, false);
      size_t before = out_.events.size();
      AddEvent(s, "meeting", countries, dates, bound, planned_near(t), SpanText(s, t, std::min<uint32_t>(s.size, t + 8)),
               "meeting");
      if (out_.events.size() > before) {
        for (const Actor& a : actors) {
          if ((a.kind == ActorKind::kPerson || a.kind == ActorKind::kDelegation || a.kind == ActorKind::kState) &&
              a.country >= 0) {
            out_.events.back().participants.push_back(g_.Alpha3(a.country));
          }
        }
        if (out_.events.back().participants.size() < 2) out_.events.back().participants = out_.events.back().parties;
      }
      continue;
    }
  }
}

// ---------------------------------------------------------------------------
// Trade figures, money, percentages, quantities.

void DocumentRun::FindFigures(const SentenceView& s, const std::vector<Actor>& actors,
                              const std::vector<DatedMention>& dates, const std::vector<uint32_t>& seg) {
  std::vector<bool> skip(s.size, false);
  for (const DatedMention& d : dates) {
    for (uint32_t k = d.m.begin; k < d.m.end; ++k) skip[k] = true;
  }
  std::vector<NumberMention> nums = FindNumbers(s, skip);
  bool election = false;
  for (uint32_t k = 0; k < s.size; ++k) election |= s.Is(k, kElection);

  auto seg_has = [&](uint32_t sg, WordClass c) {
    for (uint32_t k = 0; k < s.size; ++k) {
      if (seg[k] == sg && s.Is(k, c)) return true;
    }
    return false;
  };
  // The date of a figure: its own clause, else the last date before it,
  // else the story's statistics period.
  auto figure_date = [&](uint32_t at, bool allow_target, bool* found) -> TextDate {
    *found = true;
    int best = -1;
    uint32_t best_dist = 1000;
    for (size_t k = 0; k < dates.size(); ++k) {
      const DatedMention& d = dates[k];
      if (d.m.role == DateRole::kBaseline || d.nominal) continue;
      if (!allow_target && d.m.role == DateRole::kTarget) continue;
      if (seg[d.m.begin] != seg[at]) continue;
      uint32_t dist = d.m.begin > at ? d.m.begin - at : at - d.m.begin;
      if (dist < best_dist) {
        best = static_cast<int>(k);
        best_dist = dist;
      }
    }
    if (best < 0) {
      for (size_t k = 0; k < dates.size(); ++k) {
        const DatedMention& d = dates[k];
        if (d.m.role == DateRole::kBaseline || d.nominal || d.m.role == DateRole::kTarget) continue;
        if (d.m.end <= at) best = static_cast<int>(k);
      }
    }
    if (best >= 0) return dates[best].m.date;
    *found = false;
    return {};
  };

  // Baseline amounts: "up from $4 billion", "compared with $5 billion".
  auto is_baseline_amount = [&](const NumberMention& m) {
    uint32_t b = m.begin;
    for (uint32_t k = b >= 4 ? b - 4 : 0; k < b; ++k) {
      if (s.Is(k, kBaseline) && !(s.IsWord(k, "than") && k > 0 && (s.IsWord(k - 1, "more") || s.IsWord(k - 1, "less")))) return true;
      if (s.IsWord(k, "from") && k > 0 && (s.Is(k - 1, kGrowthUp) || s.Is(k - 1, kGrowthDown))) return true;
    }
    return false;
  };

  const size_t quantities_before = out_.quantities.size();
  std::vector<int> trade_of(nums.size(), -1);  // index into out_.trade
  std::vector<bool> used(nums.size(), false);
  int last_trade_flow_seg = -1;
  std::string last_flow;
  std::set<int> countries = SentenceCountries(actors);

  for (size_t n = 0; n < nums.size(); ++n) {
    const NumberMention& m = nums[n];
    if (m.kind != NumberKind::kMoney) continue;
    // A comparison base is a figure only with its own date: "grew from
    // $21.4 billion in 2020 to ..." states 2020's trade; "up from $4
    // billion" alone states nothing new.
    const DatedMention* own_date = nullptr;
    if (is_baseline_amount(m)) {
      for (const DatedMention& d : dates) {
        if (d.m.begin >= m.end && d.m.begin <= m.end + 1 && !d.nominal) own_date = &d;
      }
      if (!own_date) {
        used[n] = true;
        continue;
      }
    }
    uint32_t at = m.value_begin;
    uint32_t sg = seg[at];
    bool part = false;
    for (uint32_t k = 0; k + 1 < at; ++k) {
      if (seg[k] == sg && s.IsWord(k, "of") && s.IsWord(k + 1, "which")) part = true;
    }
    // The nearest trade word in the clause.
    int trig = -1;
    uint32_t trig_dist = 1000;
    for (uint32_t k = 0; k < s.size; ++k) {
      if (seg[k] != sg) continue;
      if (!(s.Is(k, kTrade) || s.Is(k, kExport) || s.Is(k, kImport))) continue;
      uint32_t dist = k > at ? k - at : at - k;
      if (dist < trig_dist) {
        trig = static_cast<int>(k);
        trig_dist = dist;
      }
    }
    bool invest = false, deal = false, target = false;
    for (uint32_t k = 0; k < s.size; ++k) {
      if (seg[k] != sg) continue;
      uint32_t dist = k > at ? k - at : at - k;
      if (s.Is(k, kInvest) && dist < trig_dist) invest = true;
      if ((s.Is(k, kAgreement) || s.IsWord(k, "worth") || s.IsWord(k, "valued")) && trig >= 0 &&
          ((k > static_cast<uint32_t>(trig) && k < at) || (k < static_cast<uint32_t>(trig) && k > at))) {
        deal = true;
      }
      if ((s.Is(k, kTargetVerb) && k > 0 && s.IsWord(k - 1, "to")) || s.Is(k, kIntend) || s.IsWord(k, "target") ||
          s.IsWord(k, "goal") || s.IsWord(k, "aim")) {
        target = true;
      }
      // A forecast is not a reported figure: "trade could reach $50 billion".
      if (k < at && (s.IsWord(k, "could") || s.IsWord(k, "would") || s.IsWord(k, "may") || s.IsWord(k, "might") ||
                     s.IsWord(k, "should") || s.IsWord(k, "projected") || s.IsWord(k, "forecast") ||
                     s.IsWord(k, "expected"))) {
        target = true;
      }
    }
    for (const DatedMention& d : dates) {
      if (d.m.role == DateRole::kTarget && seg[d.m.begin] == sg) target = true;
    }
    for (uint32_t k = 0; k < s.size; ++k) {
      if (s.Is(k, kFuture) && seg[k] == sg && k < at) target = true;
    }
    // "..., reaching almost $6.1 billion": a participle clause goes on about
    // the trade of the clause before it.
    if (trig < 0 && sg > 0) {
      uint32_t start = at;
      while (start > 0 && seg[start - 1] == sg) --start;
      bool continues = s.Is(start, kValueVerb) || s.Is(start, kGrowthUp) || s.Is(start, kGrowthDown) ||
                       s.IsWord(start, "and") || s.IsWord(start, "-");
      if (continues && s.Low(start).size() > 3 && s.Low(start).substr(s.Low(start).size() - 3) != "ing" &&
          !s.IsWord(start, "and") && !s.IsWord(start, "-")) {
        continues = false;
      }
      if (continues) {
        uint32_t dist = 1000;
        for (uint32_t k = 0; k < start; ++k) {
          if (seg[k] + 1 != sg) continue;
          if (!(s.Is(k, kTrade) || s.Is(k, kExport) || s.Is(k, kImport))) continue;
          if (at - k < dist) {
            trig = static_cast<int>(k);
            dist = at - k;
          }
        }
        if (trig >= 0) trig_dist = 0;
      }
    }
    std::string flow;
    if (trig >= 0) {
      flow = s.Is(trig, kExport) ? "exports" : (s.Is(trig, kImport) ? "imports" : "total");
      if (flow != "total" && seg_has(sg, kExport) && seg_has(sg, kImport)) flow = "total";
    } else if (last_trade_flow_seg >= 0 && static_cast<int>(sg) == last_trade_flow_seg + 1 && !invest) {
      // "..., and at year-end 2024 - $22,071 billion": the clause goes on
      // about the trade of the one before.
      bool bare = true;
      for (uint32_t k = 0; k < s.size; ++k) {
        if (seg[k] == sg && s.tokens[k].kind == TokenKind::kWord && !s.Is(k, kConjunction) &&
            !s.Is(k, kPreposition) && !skip[k] && !(k >= m.begin && k < m.end) && !s.Is(k, kScale) &&
            !s.Is(k, kDeterminer)) {
          bare = false;
        }
      }
      if (bare) flow = last_flow;
    }
    bool is_trade = !flow.empty() && !part && !invest && !deal && !target;
    if (!is_trade) {
      // Money: investments, deals, targets, parts of trade ("of which").
      Money mo;
      mo.value = m.value;
      mo.unit = m.Unit();
      mo.qualifier = m.qualifier;
      bool found = own_date != nullptr;
      mo.date = own_date ? own_date->m.date : figure_date(at, true, &found);
      if (!found) {
        int strength;
        mo.date = DateOrContext({}, -1, &strength);
      }
      mo.date.period.clear();
      mo.what = SpanText(s, seg[at] == 0 ? 0 : [&] { uint32_t k = at; while (k > 0 && seg[k - 1] == sg) --k; return k; }(), std::min<uint32_t>(s.size, m.end + 6));
      mo.confidence = 0.7;
      mo.evidence = MakeEvidence(s);
      out_.money.push_back(std::move(mo));
      used[n] = true;
      continue;
    }
    TradeFigure tf;
    bool found = own_date != nullptr;
    TextDate d = own_date ? own_date->m.date : figure_date(at, false, &found);
    if (!found) d = period_.IsSet() ? period_ : TextDate::Year(doc_.writing_date().year);
    if (!d.IsSet()) continue;
    tf.year = d.year;
    tf.period = d.period;
    tf.value = m.value;
    tf.unit = m.Unit();
    tf.flow = flow;
    tf.qualifier = m.qualifier;
    // Direction of the goods: "exports to Kazakhstan", "imports from
    // Pakistan", "Uzbekistan importing ...", "Chinese exports"; what the
    // clause does not say comes from the sentence, then the text's pair.
    int to = -1, from = -1, subject = -1;
    std::vector<int> mentioned;  // countries of the sentence, in order
    for (const Actor& a : actors) {
      int c = a.country >= 0 ? a.country : (a.group >= 0 ? -2 - a.group : -1);
      if (c == -1) continue;
      if (std::find(mentioned.begin(), mentioned.end(), c) == mentioned.end()) mentioned.push_back(c);
      if (a.begin == 0 || seg[a.begin] != sg) continue;
      uint32_t p = a.begin - 1;
      if (s.IsWord(p, "the") && p > 0) --p;
      if (s.IsWord(p, "to")) to = c;
      if (s.IsWord(p, "from")) from = c;
      if (trig >= 0 && a.end <= static_cast<uint32_t>(trig) && a.end + 2 >= static_cast<uint32_t>(trig)) subject = c;
    }
    auto name = [&](int c) -> std::string {
      if (c >= 0) return g_.Alpha3(c);
      if (c <= -2) return g_.GroupName(-2 - c);
      return "";
    };
    // The sentence's country other than `c`, else the pair's.
    auto other = [&](int c) {
      for (int m : mentioned) {
        if (m != c && m != pair_[0] && m != pair_[1] && m >= 0 && (c == pair_[0] || c == pair_[1])) return m;
      }
      for (int m : mentioned) {
        if (m != c && (m == pair_[0] || m == pair_[1])) return m;
      }
      if (c == pair_[0]) return pair_[1];
      if (c == pair_[1]) return pair_[0];
      return pair_[0];
    };
    if (flow == "total") {
      int a = mentioned.size() >= 1 ? mentioned[0] : pair_[0];
      int b = mentioned.size() >= 2 ? mentioned[1] : other(a);
      if (b == a) b = other(a);
      // Reporters' convention: China first when it is one of the two.
      if (b == pair_[0] && a != pair_[0]) std::swap(a, b);
      tf.reporter_or_direction = name(a) + "-" + name(b);
    } else {
      if (flow == "exports") {
        if (from == -1 && subject != -1 && subject != to) from = subject;
      } else {
        if (to == -1 && subject != -1 && subject != from) to = subject;
      }
      if (from == -1 && to != -1) from = other(to);
      if (to == -1 && from != -1) to = other(from);
      if (to == -1 && from == -1) {
        int partner = pair_[1];
        for (int m : mentioned) {
          if (m != pair_[0]) {
            partner = m;
            break;
          }
        }
        from = flow == "exports" ? pair_[0] : partner;
        to = flow == "exports" ? partner : pair_[0];
      }
      tf.reporter_or_direction = name(from) + "->" + name(to);
    }
    // An agency named in the sentence is the source ("General Administration of Customs").
    for (const Actor& a : actors) {
      if (a.kind == ActorKind::kOrg && a.begin < at) {
        const std::string& kind = g_.organisation(a.org).kind;
        if (kind == "agency") tf.source = g_.organisation(a.org).name;
      }
    }
    tf.confidence = found ? 0.85 : 0.65;
    tf.evidence = MakeEvidence(s);
    trade_of[n] = static_cast<int>(out_.trade.size());
    out_.trade.push_back(std::move(tf));
    used[n] = true;
    last_trade_flow_seg = static_cast<int>(sg);
    last_flow = flow;
  }

  // Year-on-year growth of a trade figure: the percentage beside it.
  for (size_t n = 0; n < nums.size(); ++n) {
    const NumberMention& p = nums[n];
    if (p.kind != NumberKind::kPercent || used[n]) continue;
    bool growth = false, down = false;
    for (uint32_t k = p.begin >= 5 ? p.begin - 5 : 0; k < std::min<uint32_t>(s.size, p.end + 3); ++k) {
      if (s.Is(k, kGrowthUp) || s.IsWord(k, "year-on-year") || s.IsWord(k, "yoy")) growth = true;
      if (s.Is(k, kGrowthDown)) growth = down = true;
    }
    if (!growth) continue;
    // Its figure: one in the same clause ("rose by 26.8 percent to $18.25
    // billion"), else the one just before ("$31.17 billion, a year-on-year
    // increase of 23.6 percent"), else the one after ("increased by 26.8
    // percent ..., reaching almost $6.1 billion").
    int best = -1;
    uint32_t best_dist = 1000;
    for (int pass = 0; pass < 3 && best < 0; ++pass) {
      for (size_t q = 0; q < nums.size(); ++q) {
        if (trade_of[q] < 0 || out_.trade[trade_of[q]].yoy_pct) continue;
        const NumberMention& f = nums[q];
        bool before = f.end <= p.begin;
        if (pass == 0 && seg[f.value_begin] != seg[p.value_begin]) continue;
        if (pass == 1 && !before) continue;
        if (pass == 2 && before) continue;
        uint32_t dist = before ? p.begin - f.end : f.begin - p.end;
        if (dist < best_dist && dist < 30) {
          best = static_cast<int>(q);
          best_dist = dist;
        }
      }
    }
    if (best < 0) continue;
    out_.trade[trade_of[best]].yoy_pct = down ? -p.value : p.value;
    used[n] = true;
  }

  for (size_t n = 0; n < nums.size(); ++n) {
    const NumberMention& m = nums[n];
    if (used[n]) continue;
    uint32_t at = m.value_begin;
    if (m.kind == NumberKind::kPercent) {
      if (election) continue;
      Percentage pc;
      pc.value_low = m.value;
      pc.value_high = m.value_high;
      pc.qualifier = m.qualifier;
      bool found = false;
      pc.date = figure_date(at, true, &found);
      if (!found) {
        int strength;
        pc.date = DateOrContext({}, -1, &strength);
      }
      pc.date.period.clear();
      uint32_t b = at;
      while (b > 0 && seg[b - 1] == seg[at]) --b;
      pc.what = SpanText(s, b, std::min<uint32_t>(s.size, m.end + 4));
      pc.confidence = 0.7;
      pc.evidence = MakeEvidence(s);
      out_.percentages.push_back(std::move(pc));
      continue;
    }
    if (election) continue;
    // Quantities: a count of something relationship-relevant.
    double value = m.value;
    std::string unit;
    uint32_t noun = 0;
    if (m.kind == NumberKind::kCardinal || m.kind == NumberKind::kOrdinal) {
      if (m.kind == NumberKind::kOrdinal && m.value < 2) continue;
      if (m.range) continue;
      // "76 out of 89 entities": the total is not a count of its own.
      if (at >= 2 && s.IsWord(at - 1, "of") && s.IsWord(at - 2, "out")) continue;
      uint32_t k = m.end;
      // "24-hour work mode", "14 hours a day".
      if (m.kind == NumberKind::kCardinal && (s.IsWord(k, "hours") || (s.IsWord(k, "-") && s.IsWord(k + 1, "hour")))) {
        uint32_t h = s.IsWord(k, "-") ? k + 2 : k + 1;
        bool per_day = (s.IsWord(h, "a") || s.IsWord(h, "per")) && s.IsWord(h + 1, "day");
        for (uint32_t q = h; q < s.size && q < h + 3; ++q) {
          per_day |= s.IsWord(q, "mode") || s.IsWord(q, "regime") || s.IsWord(q, "schedule") ||
                     s.IsWord(q, "operation") || s.IsWord(q, "basis");
        }
        if (!per_day) continue;
        unit = "hours per day";
        noun = h;
      } else {
        // "the number of joint ventures exceeded 12,000": the count after its noun.
        if (m.kind == NumberKind::kCardinal && at >= 3) {
          uint32_t noun_at = 0;
          for (uint32_t q = at >= 10 ? at - 10 : 0; q + 2 < at; ++q) {
            if (s.IsWord(q, "number") && s.IsWord(q + 1, "of")) {
              for (uint32_t r = q + 2; r < at && r < q + 7; ++r) {
                if (s.Is(r, kCountNoun)) noun_at = r;
              }
            }
          }
          bool verb_between = false;
          for (uint32_t q = noun_at + 1; noun_at && q < at; ++q) {
            verb_between |= s.Is(q, kValueVerb) || s.Is(q, kAuxiliary) || s.Is(q, kGrowthUp) || s.IsWord(q, "exceeded") ||
                            s.IsWord(q, "stood");
          }
          if (noun_at && verb_between) {
            Quantity q;
            q.value = value;
            q.unit = s.lex[noun_at]->unit.empty() ? "count" : s.lex[noun_at]->unit;
            q.qualifier = m.qualifier;
            bool found = false;
            q.date = figure_date(at, false, &found);
            if (!found) {
              int strength;
              q.date = DateOrContext({}, -1, &strength);
            }
            q.date.period.clear();
            q.what = SpanText(s, noun_at >= 3 ? noun_at - 3 : 0, noun_at + 1);
            q.confidence = 0.65;
            q.evidence = MakeEvidence(s);
            out_.quantities.push_back(std::move(q));
            continue;
          }
        }
        // "76 out of 89 constituent entities": the count is the first number.
        if (s.IsWord(k, "out") && s.IsWord(k + 1, "of")) {
          k += 2;
          while (k < s.size && s.tokens[k].kind == TokenKind::kNumber) ++k;
        }
        uint32_t limit = k + 7;
        for (; k < s.size && k < limit; ++k) {
          if (s.Is(k, kCountNoun)) break;
          // "seven pairs of border ports": the measure word is transparent.
          if (s.IsWord(k, "pairs") || s.IsWord(k, "sets") || s.IsWord(k, "units")) {
            if (s.IsWord(k + 1, "of")) ++k;
            continue;
          }
          const Token& tok = s.tokens[k];
          bool modifier = tok.kind == TokenKind::kWord && !s.Is(k, kPreposition) && !s.Is(k, kAuxiliary) &&
                          !s.Is(k, kDeterminer) && !s.Is(k, kPronoun) && !s.Is(k, kTimeNoun) &&
                          !s.Is(k, kNonCount) && !s.Is(k, kScale) && !s.Is(k, kBaseline);
          if (s.IsWord(k, "and") || s.IsWord(k, "-")) modifier = true;
          if (!modifier) {
            k = s.size;
            break;
          }
        }
        if (k >= s.size || !s.Is(k, kCountNoun)) continue;
        // "the third checkpoint" counts checkpoints; "the third Belt and
        // Road Forum" is a name, not a count of roads.
        if (m.kind == NumberKind::kOrdinal) {
          bool lower = s.Is(k, kFacility) && s.tokens[k].Has(kLower);
          for (uint32_t q = m.end; q < k; ++q) lower = lower && !s.Cap(q);
          if (!lower) continue;
        }
        noun = k;
        unit = s.lex[k]->unit.empty() ? "count" : s.lex[k]->unit;
        if (m.kind == NumberKind::kOrdinal) unit = "count";
      }
    } else if (m.kind == NumberKind::kMultiplier) {
      // "visited Kazakhstan four times", "visited China twice".
      bool visits = false, grew = false;
      for (uint32_t k = at >= 8 ? at - 8 : 0; k < at; ++k) {
        if (s.Is(k, kVisitVerb) || s.Is(k, kVisitNoun)) visits = true;
        if (s.Is(k, kGrowthUp) || s.Is(k, kGrowthDown)) grew = true;
      }
      if (visits) {
        unit = "count";
      } else if (grew && !s.IsWord(at, "twice")) {
        unit = "times";
      } else if (grew) {
        unit = "times";
      } else {
        continue;
      }
      noun = m.end;
    } else {
      continue;
    }
    Quantity q;
    q.value = value;
    q.unit = unit;
    q.qualifier = m.qualifier;
    bool found = false;
    q.date = figure_date(at, false, &found);
    if (!found) {
      int strength;
      q.date = DateOrContext({}, -1, &strength);
    }
    q.date.period.clear();
    q.what = SpanText(s, m.value_begin, std::min<uint32_t>(s.size, std::max(noun + 1, m.end)));
    q.confidence = 0.7;
    q.evidence = MakeEvidence(s);
    out_.quantities.push_back(std::move(q));
  }

  // "..., and an international border cooperation center": in a list of
  // counts, "a"/"an" counts one.
  size_t listed = 0;
  for (const NumberMention& m : nums) {
    if (m.kind == NumberKind::kCardinal) ++listed;
  }
  if (listed >= 2 && !election) {
    for (uint32_t k = 1; k + 1 < s.size; ++k) {
      if (!(s.IsWord(k, "an") || s.IsWord(k, "a")) || !(s.IsWord(k - 1, "and") || s.Str(k - 1) == ",")) continue;
      uint32_t j = k + 1;
      while (j < s.size && j < k + 6 && !s.Is(j, kCountNoun) && s.tokens[j].kind == TokenKind::kWord &&
             !s.Is(j, kPreposition)) {
        ++j;
      }
      if (j >= s.size || !s.Is(j, kCountNoun)) continue;
      // Only when the list's other items were counts of things.
      if (out_.quantities.size() - quantities_before < 2) continue;
      Quantity q;
      q.value = 1;
      q.unit = "count";
      int strength;
      q.date = DateOrContext({}, -1, &strength);
      q.what = SpanText(s, k + 1, j + 1);
      q.confidence = 0.6;
      q.evidence = MakeEvidence(s);
      out_.quantities.push_back(std::move(q));
    }
  }
}

void DocumentRun::UpdateContext(const std::vector<DatedMention>& dates) {
  // Only the story's own time moves it on: not comparison bases, not
  // deadlines, not background clauses, and not what is yet to happen.
  for (const DatedMention& d : dates) {
    if (d.m.role == DateRole::kBaseline || d.nominal || d.m.role == DateRole::kTarget) continue;
    if (CompareDates(d.m.date, doc_.date) > 0 && doc_.date.IsSet()) continue;
    period_ = d.m.date;
    if (d.background) continue;
    ctx_.context_year = d.m.date.year;
    if (d.m.date.HasMonth()) {
      TextDate r = d.m.date;
      r.period.clear();
      ctx_.reference = r;
    }
  }
}

void DocumentRun::AnalyzeSentence(size_t index) {
  const SentenceSpan& span = sentences_[index];
  SentenceView s{doc_.norm.text, doc_.lower, tokens_.data() + span.begin, lex_.data() + span.begin,
                 span.end - span.begin};
  if (s.size == 0) return;
  bool future = IsFuture(s);
  std::vector<DatedMention> dates = Dates(s, future);
  TextDate when = ctx_.reference.IsSet() ? ctx_.reference : doc_.date;
  for (const DatedMention& d : dates) {
    if (d.m.role == DateRole::kPoint && !d.nominal) {
      when = d.m.date;
      break;
    }
  }
  std::vector<Actor> actors = BuildActors(s, mentions_[index], when);
  std::vector<uint32_t> seg = Segments(s);
  FindVisits(s, actors, dates, seg);
  FindEvents(s, actors, dates, seg, future);
  FindFigures(s, actors, dates, seg);
  UpdateContext(dates);
  for (const Actor& a : actors) {
    if (a.kind == ActorKind::kPerson && a.country >= 0) {
      prev_person_country_ = a.country;
      break;
    }
  }
}

// Merges repeated mentions: the same visit told three times is one visit;
// the same summit named in five sentences is one summit; a meeting during a
// visit is part of the visit.
void DocumentRun::Finish() {
  auto compatible = [](const TextDate& a, const TextDate& b) {
    if (!a.IsSet() || !b.IsSet()) return true;  // an unknown date does not tell two mentions apart
    if (DateContains(a, b) || DateContains(b, a)) return true;
    if (a.HasDay() && b.HasDay()) {
      int64_t d = DaysBetween(a, b);
      return d >= -3 && d <= 3;
    }
    return false;
  };
  auto better = [](int sa, const TextDate& a, int sb, const TextDate& b) {
    // Stronger evidence first, then the more precise date, then the earlier
    // (a visit is dated by its start).
    if (sa != sb) return sa > sb;
    int pa = a.HasDay() ? 3 : (a.HasMonth() ? 2 : 1), pb = b.HasDay() ? 3 : (b.HasMonth() ? 2 : 1);
    if (pa != pb) return pa > pb;
    return CompareDates(a, b) < 0;
  };
  std::vector<Visit> visits;
  for (Visit& v : out_.visits) {
    bool merged = false;
    for (Visit& w : visits) {
      if (w.visitor_country != v.visitor_country || w.host_country != v.host_country) continue;
      if (!compatible(w.date, v.date)) continue;
      if (better(v.date_strength, v.date, w.date_strength, w.date)) {
        w.date = v.date;
        w.date_strength = v.date_strength;
        w.evidence = v.evidence;
        w.confidence = std::max(w.confidence, v.confidence);
      }
      if (w.kind == "visit" && v.kind != "visit") w.kind = v.kind;
      if (w.status == "planned" && v.status == "actual") w.status = v.status;
      if (w.visitor.empty() || (w.visitor.find(' ') == std::string::npos && v.visitor.find(' ') != std::string::npos)) {
        w.visitor = v.visitor;
      }
      w.confidence = std::min(0.95, w.confidence + 0.05);
      merged = true;
      break;
    }
    if (!merged) visits.push_back(std::move(v));
  }
  out_.visits = std::move(visits);

  std::vector<Event> events;
  auto group = [](const std::string& k) { return k == "memorandum signed" ? std::string("agreement signed") : k; };
  for (Event& e : out_.events) {
    bool merged = false;
    for (Event& f : events) {
      if (group(f.kind) != group(e.kind)) continue;
      bool same = false;
      if (e.key.rfind("name:", 0) == 0 || f.key.rfind("name:", 0) == 0) {
        same = e.key == f.key && (compatible(e.date, f.date) || e.date_strength < 2 || f.date_strength < 2);
      } else {
        same = e.key == f.key && f.parties == e.parties && compatible(e.date, f.date);
      }
      if (!same) continue;
      if (better(e.date_strength, e.date, f.date_strength, f.date)) {
        f.date = e.date;
        f.date_strength = e.date_strength;
        f.evidence = e.evidence;
        f.status = e.status;
      }
      for (const std::string& p : e.parties) {
        if (std::find(f.parties.begin(), f.parties.end(), p) == f.parties.end()) f.parties.push_back(p);
      }
      merged = true;
      break;
    }
    if (!merged) events.push_back(std::move(e));
  }
  // A meeting during a visit between the same two countries is the visit.
  std::vector<Event> kept;
  for (Event& e : events) {
    if (e.kind == "meeting") {
      bool covered = false;
      for (const Visit& v : out_.visits) {
        const std::vector<std::string>& who = e.participants.empty() ? e.parties : e.participants;
        bool both = std::find(who.begin(), who.end(), v.visitor_country) != who.end() &&
                    std::find(who.begin(), who.end(), v.host_country) != who.end();
        if (both && (compatible(v.date, e.date) || DateContains(TextDate::Month(v.date.year, v.date.month), e.date))) {
          covered = true;
        }
      }
      if (covered) continue;
    }
    kept.push_back(std::move(e));
  }
  out_.events = std::move(kept);
}

Extraction DocumentRun::Run() {
  out_.doc_id = doc_.id;
  out_.url = doc_.url;
  out_.text_file = doc_.source_path;
  out_.doc_date = doc_.date;
  out_.doc_date_source = doc_.date_source;
  ctx_.writing = doc_.writing_date();
  TokenizeDocument();
  ChoosePair();
  for (int p : pair_) {
    if (p >= 0) out_.country_pair.push_back(g_.Alpha3(p));
  }
  for (int o : others_) out_.other_countries.push_back(g_.Alpha3(o));
  for (size_t k = 0; k < sentences_.size(); ++k) {
    out_.sentences = k;
    const size_t items = out_.visits.size() + out_.events.size() + out_.trade.size() + out_.quantities.size() +
                         out_.money.size() + out_.percentages.size();
    if (items >= kMaxItemsPerDocument) {
      out_.sentences_skipped = sentences_.size() - k;
      break;
    }
    AnalyzeSentence(k);
  }
  out_.sentences = sentences_.size();
  out_.tokens = tokens_.size();
  Finish();
  return std::move(out_);
}

// ---------------------------------------------------------------------------

Result<std::shared_ptr<const Extractor>> Extractor::Load(const std::string& data_dir,
                                                         const CountryRegistry& countries,
                                                         ExtractorOptions options) {
  std::shared_ptr<Extractor> ex(new Extractor());
  ex->options_ = options;
  BILAT_ASSIGN_OR_RETURN(ex->lexicon_, Lexicon::Load(data_dir + "/text/lexicon.tsv"));
  BILAT_ASSIGN_OR_RETURN(ex->gazetteer_, Gazetteer::Load(data_dir, countries));
  BILAT_ASSIGN_OR_RETURN(CameoTable cameo, CameoTable::LoadTsv(data_dir + "/text/cameo.tsv"));
  ex->cameo_ = std::make_shared<const CameoTable>(std::move(cameo));
  const std::string kinds = data_dir + "/text/event_kinds.tsv";
  std::ifstream in(kinds);
  if (!in) return Status::NotFound(kinds + ": cannot open (set BILAT_DATA_DIR)");
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    std::string_view l = Trim(line);
    if (l.empty() || l[0] == '#') continue;
    std::vector<std::string_view> c = Split(l, '\t');
    if (c.size() != 2 || !ex->cameo_->Goldstein(Trim(c[1]))) {
      return Status::Corruption(kinds + ":" + std::to_string(line_no) +
                                ": expected KIND<TAB>CAMEO with a code listed in cameo.tsv");
    }
    ex->kind_codes_[std::string(Trim(c[0]))] = std::string(Trim(c[1]));
  }
  return std::shared_ptr<const Extractor>(std::move(ex));
}

std::string Extractor::DefaultDataDir() {
  const char* env = std::getenv("BILAT_DATA_DIR");
  return env && *env ? env : BILAT_DATA_DIR_DEFAULT;
}

Result<std::shared_ptr<const Extractor>> Extractor::LoadDefault(const CountryRegistry& countries,
                                                                ExtractorOptions options) {
  return Load(DefaultDataDir(), countries, options);
}

std::string Extractor::CameoCodeFor(const std::string& kind) const {
  auto it = kind_codes_.find(kind);
  return it == kind_codes_.end() ? std::string() : it->second;
}

Extraction Extractor::Extract(const Document& doc) const { return DocumentRun(*this, doc).Run(); }

}  // namespace bilat::text
