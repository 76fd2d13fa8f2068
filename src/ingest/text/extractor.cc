#include "ingest/text/extractor.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "core/text.h"
#include "ingest/text/dates.h"
#include "ingest/text/extractor_run.h"
#include "ingest/text/numbers.h"
#include "ingest/text/sentence.h"
#include "ingest/text/tokenizer.h"

namespace bilat::text {

// ---------------------------------------------------------------------------

void DocumentRun::TokenizeDocument() {
  const std::string& text = doc_.norm.text;
  std::vector<Paragraph> paras = SplitParagraphs(text, doc_.body_begin, text.size());
  std::vector<Token> para_tokens;
  bool in_list = false;  // after a label such as "More stories:"
  for (const Paragraph& p : paras) {
    // A line that is only a URL is a citation, not prose.
    std::string_view line = std::string_view(text).substr(p.begin, p.end - p.begin);
    if ((line.rfind("http://", 0) == 0 || line.rfind("https://", 0) == 0) &&
        line.find(' ') == std::string_view::npos) {
      continue;
    }
    para_tokens.clear();
    Tokenize(text, p.begin, p.end, &para_tokens);
    // Page furniture: a short label ending in a colon ("More stories:",
    // "See also:") and the unpunctuated lines after it (headlines of
    // other stories, section names), and a bare heading of three words or
    // fewer. Prose ends in a stop; these lines do not.
    char last = line.empty() ? ' ' : line.back();
    bool punctuated = last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' || last == ')';
    bool label = last == ':' && para_tokens.size() <= 5;
    bool bars = line.find(" |") != std::string_view::npos;  // "Home | News | ..."
    // Only short lines: a scraped article may run on to a trailing " |".
    bool shortline = para_tokens.size() <= 20;
    bool furniture = label || (shortline && !punctuated && (in_list || para_tokens.size() <= 3 || bars));
    if (label) in_list = true;
    else if (punctuated) in_list = false;
    uint32_t base = static_cast<uint32_t>(tokens_.size());
    bool first = true;
    for (const TokenRange& r : SplitSentences(text, para_tokens, ex_.options_.max_sentence_tokens)) {
      sentences_.push_back({base + r.begin, base + r.end, first});
      furniture_.push_back(furniture);
      first = false;
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
    if ((e.kind == EntityKind::kCountry || e.kind == EntityKind::kCountryAdj) &&
        (s.Is(m.end, kCurrencyWord) || (s.IsKind(m.end, TokenKind::kCurrency) && !s.tokens[m.end].Has(kSpaceBefore)))) {
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
      // "Lebanese caretaker Prime Minister", "Sudan's de facto leader".
      if (s.IsWord(j, "caretaker") || s.IsWord(j, "acting") || s.IsWord(j, "interim") || s.IsWord(j, "outgoing") ||
          s.IsWord(j, "incoming") || s.IsWord(j, "former")) {
        ++j;
      } else if (s.IsWord(j, "de") && s.IsWord(j + 1, "facto")) {
        j += 2;
      }
      int r = mention_at(j, next);
      if (r >= 0 && ms[r].entity->kind == EntityKind::kRole) {
        // "Chinese President Xi Jinping", "China's Foreign Minister".
        a.kind = ActorKind::kPerson;
        a.place = false;
        a.role = ms[r].entity->role;
        a.end = ms[r].end;
        next = r + 1;
        int l = mention_at(a.end, next);
        // A leader of another country is another person of the same name:
        // "Lebanese Prime Minister Najib Mikati" is not Malaysia's Najib.
        if (l >= 0 && ms[l].entity->kind == EntityKind::kLeader && g_.leader(ms[l].entity->leader).country == a.country) {
          a.leader = pick_leader(ms[l], a.role);
          a.end = ms[l].end;
          next = l + 1;
        } else {
          a.leader = g_.ResolveRole(a.country, a.role, when);
          // A name the dictionary does not know belongs to the title:
          // "Tunisian President Kais Saied", "... Abdel Fattah al-Burhan".
          const uint32_t name_begin = a.end;
          while (a.end < s.size && a.end < name_begin + 5) {
            const bool particle = (s.IsWord(a.end, "al") || s.IsWord(a.end, "bin") || s.IsWord(a.end, "ibn") ||
                                   s.IsWord(a.end, "el") || s.IsWord(a.end, "-")) &&
                                  a.end > name_begin && (s.Cap(a.end + 1) || s.IsWord(a.end + 1, "-"));
            if (!(s.Cap(a.end) && s.IsKind(a.end, TokenKind::kWord)) && !particle) break;
            int other = mention_at(a.end, next);
            if (other >= 0 && ms[other].entity->kind != EntityKind::kLeader) break;
            if (other >= 0) next = other + 1;
            ++a.end;
          }
          while (a.end > name_begin && s.IsWord(a.end - 1, "-")) --a.end;
          if (a.end > name_begin) {
            a.leader = -1;  // a named person, not the office's holder
            a.name_begin = name_begin;
          }
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

std::vector<uint32_t> DocumentRun::Segments(const SentenceView& s, const std::vector<Actor>& actors) const {
  std::vector<uint32_t> seg(s.size);
  // Commas that do not end a clause: inside a place ("in Lyon, France,
  // March 3") and before a date in apposition (", March 3, 2021").
  std::vector<bool> keep(s.size, false);
  for (const Actor& a : actors) {
    if (a.begin > 1 && s.IsWord(a.begin - 1, ",") && a.place && s.Cap(a.begin - 2) &&
        (a.end >= s.size || s.IsWord(a.end, ",") || s.IsWord(a.end, ".") || s.IsWord(a.end, ")"))) {
      keep[a.begin - 1] = true;
      if (a.end < s.size && s.IsWord(a.end, ",") && s.Is(a.end + 1, kMonth) && s.IsKind(a.end + 2, TokenKind::kNumber)) {
        keep[a.end] = true;
      }
      // "held in Xi'an, China, on May 18-19, 2023": the date after the place.
      if (a.end < s.size && s.IsWord(a.end, ",") && (s.IsWord(a.end + 1, "on") || s.IsWord(a.end + 1, "in")) &&
          (s.Is(a.end + 2, kMonth) || s.Is(a.end + 2, kWeekday) || s.IsKind(a.end + 2, TokenKind::kNumber))) {
        keep[a.end] = true;
      }
    }
  }
  // Brackets around an acronym ("the Silk Road Forum (SRF) Summit on
  // June 2") are part of the name, not a clause.
  for (uint32_t i = 0; i + 2 < s.size; ++i) {
    if (s.IsWord(i, "(") && s.IsWord(i + 2, ")") && s.tokens[i + 1].Has(kAllCaps)) keep[i] = keep[i + 2] = true;
  }
  // Brackets around a conversion ("304 billion riyals ($80bn) in 2021")
  // leave the amount's clause whole.
  for (uint32_t i = 0; i < s.size; ++i) {
    if (!s.IsWord(i, "(")) continue;
    uint32_t j = i + 1;
    bool number = false;
    while (j < s.size && j < i + 8 &&
           (s.IsKind(j, TokenKind::kNumber) || s.IsKind(j, TokenKind::kCurrency) || s.Is(j, kScale) ||
            s.Is(j, kCurrencyWord) || s.IsWord(j, "us") || s.IsWord(j, "about") || s.IsWord(j, "around") ||
            s.IsWord(j, "nearly") || s.IsWord(j, "approximately") || s.IsWord(j, "some") || s.IsWord(j, "roughly"))) {
      number |= s.IsKind(j, TokenKind::kNumber);
      ++j;
    }
    if (number && j < s.size && s.IsWord(j, ")")) keep[i] = keep[j] = true;
  }
  uint32_t id = 0;
  for (uint32_t i = 0; i < s.size; ++i) {
    std::string_view t = s.Str(i);
    if (i > 0 && (s.IsWord(i, "while") || s.IsWord(i, "whereas")) && !s.IsWord(i - 1, ",")) ++id;
    seg[i] = id;
    if ((t == ";" || t == "," || t == ":" || t == "(" || t == ")") && !keep[i]) ++id;
  }
  return seg;
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
  // A region named in passing ("the first Southeast Asian state to join")
  // does not make its members parties when the pair is named.
  if (all.count(pair_[0]) && all.count(pair_[1]) && all.size() > 6) all = {pair_[0], pair_[1]};
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
  // The rest of the event's name: "Forum for International Cooperation",
  // "Meeting of the Asia-Pacific Economic Cooperation (APEC)".
  for (;;) {
    if (k < s.size && (s.Cap(k) || (s.Str(k) == "-" && s.Cap(k + 1)))) {
      ++k;
    } else if ((s.IsWord(k, "for") || s.IsWord(k, "of") || s.IsWord(k, "and")) &&
               (s.Cap(k + 1) || (s.IsWord(k + 1, "the") && s.Cap(k + 2)))) {
      k += s.IsWord(k + 1, "the") ? 2 : 1;
    } else if (k + 2 < s.size && s.Str(k) == "(" && s.Str(k + 2) == ")") {
      k += 3;
    } else {
      break;
    }
  }
  if (s.IsWord(k, ",") && s.IsWord(k + 1, "which")) k += 2;
  if (s.IsWord(k, "was") || s.IsWord(k, "is") || s.IsWord(k, "will")) ++k;
  // "scheduled to be held", "due to be held", "set to be held".
  if ((s.IsWord(k, "scheduled") || s.IsWord(k, "due") || s.IsWord(k, "set")) && s.IsWord(k + 1, "to")) k += 2;
  if (s.IsWord(k, "be")) ++k;
  if (k < s.size && s.Low(k).size() > 4 && s.Low(k).substr(s.Low(k).size() - 2) == "ly") ++k;  // "jointly held"
  if (s.IsWord(k, "held") || s.IsWord(k, "hosted") || s.IsWord(k, "convened") || s.IsWord(k, "organised") ||
      s.IsWord(k, "organized")) {
    ++k;
    // "held by the French President and the Prime Minister in Lyon": the
    // hosts' names stand before the place.
    if (s.IsWord(k, "by")) {
      uint32_t q = k + 1;
      while (q < s.size && q < k + 14 && !s.IsWord(q, "in") && !s.IsWord(q, "at") && !s.IsWord(q, ",")) ++q;
      k = q;
    }
  } else if (s.IsWord(k, "taking") && s.IsWord(k + 1, "place")) {
    k += 2;
  }
  // "held on Nov. 18-19 in Busan": the date before the place.
  if (s.IsWord(k, "on") || s.IsWord(k, "from")) {
    uint32_t q = k + 1;
    while (q < s.size && q < k + 8 &&
           (s.IsKind(q, TokenKind::kNumber) || s.Cap(q) || s.Str(q) == "-" || s.Str(q) == "." || s.Str(q) == "," ||
            s.IsWord(q, "to") || s.IsWord(q, "and"))) {
      ++q;
    }
    if (s.IsWord(q, "in") || s.IsWord(q, "at")) k = q;
  }
  if (!(s.IsWord(k, "in") || s.IsWord(k, "at"))) return nullptr;
  for (const Actor& a : actors) {
    if (a.begin == k + 1 || (a.begin == k + 2 && s.IsWord(k + 1, "the"))) {
      return a.place && a.country >= 0 ? &a : nullptr;
    }
  }
  // "in Evian, France": a town the gazetteer does not know, then its country.
  if (s.Cap(k + 1) && s.IsWord(k + 2, ",")) {
    for (const Actor& a : actors) {
      if (a.begin == k + 3 && a.place && a.country >= 0) return &a;
    }
  }
  return nullptr;
}

bool DocumentRun::Negated(const SentenceView& s, const std::vector<uint32_t>& seg, uint32_t t) const {
  // After it: "the president's visit to Washington has been postponed".
  for (uint32_t k = t + 1; k < s.size && k < t + 8 && seg[k] == seg[t]; ++k) {
    if ((s.IsWord(k - 1, "been") || s.IsWord(k - 1, "was") || s.IsWord(k - 1, "is") || s.IsWord(k - 1, "were")) &&
        (s.IsWord(k, "postponed") || s.IsWord(k, "cancelled") || s.IsWord(k, "canceled") ||
         s.IsWord(k, "scrapped") || (s.IsWord(k, "called") && s.IsWord(k + 1, "off")))) {
      return true;
    }
  }
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
  // In a relative clause the subject is the person it hangs on, even as the
  // object of a preposition: "at the invitation of King X, who made a state
  // visit to China".
  {
    uint32_t st = t;
    while (st > 0 && seg[st - 1] == seg[t]) --st;
    if (s.IsWord(st, "who") && st + 6 > t) return ResolvePronoun(s, actors, seg, st, actor);
  }
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

std::vector<const Actor*> DocumentRun::PersonList(const SentenceView& s, const std::vector<Actor>& actors,
                                                  const Actor* last) const {
  std::vector<const Actor*> list;
  if (!last) return list;
  list.push_back(last);
  for (;;) {
    const Actor* prev = nullptr;
    for (const Actor& a : actors) {
      if (a.end <= list.front()->begin) prev = &a;
    }
    if (!prev || !IsPerson(*prev) || prev->country < 0 || !ListGap(s, prev->end, list.front()->begin)) break;
    list.insert(list.begin(), prev);
  }
  return list;
}

const Actor* DocumentRun::PersonBefore(const SentenceView& s, const std::vector<Actor>& actors, uint32_t pos,
                                       const std::vector<uint32_t>&) const {
  // The nearest person before the verb, across an apposition or a relative
  // clause ("Tokayev, who ..., arrived"), but not from another sentence part.
  // The object of a preposition is not a subject: "A was received by his
  // counterpart B for an official visit", "at the invitation of King X".
  const Actor* best = nullptr;
  for (const Actor& a : actors) {
    if (a.end > pos) break;
    if (!IsPerson(a) || a.country < 0 || pos - a.end > 18) continue;
    uint32_t p = a.begin;
    while (p > 0 && (s.Is(p - 1, kDeterminer) || s.IsWord(p - 1, "his") || s.IsWord(p - 1, "her") ||
                     s.IsWord(p - 1, "their"))) {
      --p;
    }
    if (p > 0 && (s.IsWord(p - 1, "by") || s.IsWord(p - 1, "with") || s.IsWord(p - 1, "of") ||
                  s.IsWord(p - 1, "to") || s.IsWord(p - 1, "from") || s.IsWord(p - 1, "for"))) {
      continue;
    }
    best = &a;
  }
  return best;
}

void DocumentRun::AnalyzeSentence(size_t index) {
  const SentenceSpan& span = sentences_[index];
  // A date long before the story's moves the context only to the end of its
  // paragraph: the next paragraph is the story's own time again ("the
  // railway handed over in July 1976" does not date "After the talks, ...").
  if (span.paragraph_start && doc_.date.IsSet() && ctx_.reference.IsSet() &&
      ctx_.reference.year < doc_.date.year - 1) {
    ctx_.reference = doc_.date;
    ctx_.reference.period.clear();
    ctx_.context_year = doc_.date.year;
  }
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
  std::vector<uint32_t> seg = Segments(s, actors);
  // A dateline sets the scene: "NEW DELHI, Mar 19 (PTI) -- ...", "HANOI --".
  if (scene_ < 0 && index < 8 && !actors.empty() && actors[0].begin == 0 && actors[0].place &&
      actors[0].country >= 0 && s.tokens[0].Has(kAllCaps) && actors[0].end < s.size &&
      (s.Str(actors[0].end) == "," || s.Str(actors[0].end) == "-" || s.Str(actors[0].end) == "--" ||
       s.Str(actors[0].end) == "\u2014" || s.Str(actors[0].end) == "\u2013")) {
    scene_ = actors[0].country;
  }
  sentence_ = index;
  const size_t visits_before = out_.visits.size();
  FindVisits(s, actors, dates, seg);
  if (out_.visits.size() > visits_before && out_.visits.back().status == "actual") {
    scene_ = g_.CountryId(out_.visits.back().host_country);
  }
  for (uint32_t t = 0; t < s.size; ++t) {
    if (s.Is(t, kSummit) || s.Is(t, kForum) || LeadersMeeting(s, t)) summit_sentence_ = index;
  }
  FindEvents(s, actors, dates, seg, future);
  const size_t trade_before = out_.trade.size();
  FindFigures(s, actors, dates, seg);
  prev_sentence_flow_ = out_.trade.size() > trade_before ? out_.trade.back().flow : std::string();
  UpdateContext(dates);
  for (const Actor& a : actors) {
    if (a.kind == ActorKind::kPerson && a.country >= 0) {
      prev_person_country_ = a.country;
      break;
    }
  }
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
  if (!doc_.date.IsSet()) {
    // An undated text: the days it states with their year, captions too.
    DateContext none;
    for (const SentenceSpan& sp : sentences_) {
      SentenceView s{doc_.norm.text, doc_.lower, tokens_.data() + sp.begin, lex_.data() + sp.begin, sp.end - sp.begin};
      for (const DateMention& m : FindDates(s, none, false)) {
        if (m.date.HasDay() && !m.relative && ctx_.stated_days.size() < 64) ctx_.stated_days.push_back(m.date);
      }
    }
  }
  std::set<std::string_view> seen;
  for (size_t k = 0; k < sentences_.size(); ++k) {
    out_.sentences = k;
    const size_t items = out_.visits.size() + out_.events.size() + out_.trade.size() + out_.quantities.size() +
                         out_.money.size() + out_.percentages.size();
    if (items >= kMaxItemsPerDocument) {
      out_.sentences_skipped = sentences_.size() - k;
      break;
    }
    // Page furniture is not read; a sentence printed twice (a scraped page
    // repeats a paragraph) is read once.
    if (furniture_[k]) continue;
    const SentenceSpan& sp = sentences_[k];
    if (sp.end - sp.begin >= 6 && sp.end - sp.begin <= 150) {  // prose, not a run of numbers cut into pieces
      std::string_view text(doc_.norm.text.data() + tokens_[sp.begin].begin,
                            tokens_[sp.end - 1].end - tokens_[sp.begin].begin);
      if (!seen.insert(text).second) continue;
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
