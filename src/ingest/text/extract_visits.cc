// Visits: who travelled where, when, as the rules of docs/text_extraction.md read them.
#include <algorithm>
#include <cmath>
#include <cstdlib>
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
    if (a->name_begin > a->begin && a->name_begin < a->end) return SpanText(s, a->name_begin, a->end);
    return SpanText(s, a->begin, a->end);
  };
  // "... on a state visit", "for an official visit" within 14 tokens after
  // t, else `otherwise`.
  auto stated_kind = [&](uint32_t t, std::string otherwise) {
    for (uint32_t k = t; k < s.size && k < t + 14; ++k) {
      if (s.IsWord(k, "state") && s.Is(k + 1, kVisitNoun)) otherwise = "state visit";
      if (s.IsWord(k, "official") && s.Is(k + 1, kVisitNoun)) otherwise = "official visit";
    }
    return otherwise;
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
  const size_t visits_of_sentence = out_.visits.size();
  auto emit = [&](uint32_t trigger, const Actor* visitor, int visitor_country, int host, std::string kind,
                  bool no_date, bool still_to_come = false) {
    if (visitor && visitor_country < 0) visitor_country = visitor->country;
    // "Xi travelled to Kazakhstan ..., his first trip abroad since ...": a
    // trip with no host of its own, whose visitor's trip the sentence has
    // told, is that trip (not one to the text's other country).
    if (host < 0 && visitor_country >= 0) {
      for (size_t k = visits_of_sentence; k < out_.visits.size(); ++k) {
        if (out_.visits[k].visitor_country == g_.Alpha3(visitor_country)) return;
      }
    }
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
    bool planned = still_to_come || planned_at(trigger);
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
      date = upcoming_.IsSet() ? upcoming_ : doc_.date;
      strength = 0;
    }
    AddVisit(s, visitor_country, visitor_name(visitor), host, date, strength, kind, planned);
  };

  // The places listed with `first`: "visited Germany, Spain and South
  // Korea" is three visits. Cities of a country already listed add none.
  auto place_list = [&](const Actor* first) {
    std::vector<const Actor*> list;
    if (!first) return list;
    list.push_back(first);
    for (const Actor& a : actors) {
      if (a.begin < list.back()->end) continue;
      if (!ListGap(s, list.back()->end, a.begin, /*article=*/true) || !a.place || a.country < 0) break;
      list.push_back(&a);
    }
    return list;
  };
  for (uint32_t t = 0; t < s.size; ++t) {
    // "left London for Berlin", "departed for Madrid", "will head to Seoul":
    // the next stop of a trip.
    if (s.IsWord(t, "left") || s.IsWord(t, "leave") || s.IsWord(t, "leaves") || s.IsWord(t, "leaving") ||
        s.IsWord(t, "departed") || s.IsWord(t, "departs") || s.IsWord(t, "depart")) {
      uint32_t f = t + 1;
      for (const Actor& a : actors) {
        if (a.begin == t + 1 && a.place) f = a.end;  // the place left
      }
      if (!s.IsWord(f, "for")) continue;
      const Actor* h = PlaceAfter(s, actors, f + 1, 1, seg);
      const Actor* v = nullptr;
      int vc = Subject(s, actors, seg, t, &v);
      if (!h || vc < 0) continue;
      emit(t, v, vc, h->country, "visit", false);
      continue;
    }
    // "a tour which will take him to Germany, Spain and South Korea".
    if ((s.IsWord(t, "take") || s.IsWord(t, "takes") || s.IsWord(t, "took") || s.IsWord(t, "taking")) &&
        (s.IsWord(t + 1, "him") || s.IsWord(t + 1, "her")) && s.IsWord(t + 2, "to")) {
      const Actor* h = PlaceAfter(s, actors, t + 3, 1, seg);
      const Actor* v = nullptr;
      int vc = ResolvePronoun(s, actors, seg, t + 1, &v);
      if (!h || vc < 0) continue;
      for (const Actor* place : place_list(h)) emit(t, v, vc, place->country, "visit", true);
      continue;
    }
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
    if (verb && s.IsWord(t, "visiting")) {
      // "talks between visiting Japanese Prime Minister Fumio Kishida and
      // the host president": the visitor is named after the
      // participle; the host is the place of the story, else the other side.
      const Actor* v = nullptr;
      for (const Actor& a : actors) {
        if ((a.begin == t + 1 || (a.begin == t + 2 && s.Is(t + 1, kDeterminer))) && IsPerson(a) && a.country >= 0) v = &a;
      }
      if (v) {
        int host = -1;
        for (const Actor& a : actors) {
          if (&a != v && a.country >= 0 && a.country != v->country && (IsPerson(a) || a.place) && host < 0) host = a.country;
        }
        emit(t, v, v->country, host, "visit", false);
        continue;
      }
    }
    if (verb) {
      const Actor* v = nullptr;
      int vc = Subject(s, actors, seg, t, &v);
      const Actor* h = PlaceAfter(s, actors, t + 1, 3, seg);
      if (!h || vc < 0) continue;
      std::set<int> hosts;
      for (const Actor* place : place_list(h)) {
        if (hosts.insert(place->country).second) emit(t, v, vc, place->country, "visit", false);
      }
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
      // Also "a visit by Ghana's first president, ..., to Cuba", "the
      // arrival of His Excellency Dr. X": the agent may be a
      // state's person, and the host may follow an apposition.
      uint32_t after = t + 1;
      uint32_t anchor = t;  // where the visit's own date is looked for
      bool agent = false;
      if (s.IsWord(after, "of") || s.IsWord(after, "by") || s.IsWord(after, "from")) {
        for (const Actor& a : actors) {
          if (a.begin <= after || a.begin > after + 6) continue;
          bool close = true;
          for (uint32_t k = after + 1; k < a.begin; ++k) close &= s.Is(k, kDeterminer) || s.Cap(k) || s.IsWord(k, ".");
          if (close && (IsPerson(a) || (a.kind == ActorKind::kState && s.IsWord(a.end, "'s")))) {
            visitor = &a;
            after = a.end;
            agent = true;
          }
          break;
        }
      }
      // "his first overseas trip as president to Russia, Tanzania and ...":
      // a short phrase may stand between the noun and "to".
      if (!agent && !s.IsWord(after, "to") && !s.IsWord(after, "in")) {
        for (uint32_t k = after; k < s.size && k < after + 4; ++k) {
          if (s.Str(k) == "," || s.Is(k, kVisitNoun) || s.Is(k, kVisitVerb)) break;
          if (s.IsWord(k, "to") && PlaceAfter(s, actors, k + 1, 1, seg)) {
            after = k;
            break;
          }
        }
      }
      if (s.IsWord(after, "to") || s.IsWord(after, "in")) {
        host = PlaceAfter(s, actors, after + 1, 3, seg);
      } else if (agent) {
        for (uint32_t k = after; k < s.size && k < after + 14; ++k) {
          if (s.IsWord(k, ";") || s.Is(k, kVisitNoun) || s.Is(k, kVisitVerb)) break;
          if ((s.IsWord(k, "to") || s.IsWord(k, "in")) && s.IsWord(k - 1, ",")) {
            for (const Actor& a : actors) {
              if (a.begin == k + 1 && a.place && a.country >= 0) host = &a;
            }
            if (host) anchor = k;  // "..., to Cuba in 1964": dated after the apposition
            break;
          }
        }
      }
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
      // "X is in Beijing for a state visit": the place the clause put X in.
      if (!host) {
        for (const Actor& a : actors) {
          if (a.place && a.country >= 0 && a.end < t && a.begin > 0 && s.IsWord(a.begin - 1, "in") &&
              seg[a.begin] == seg[t] && (!visitor || a.begin > visitor->end)) {
            host = &a;
          }
        }
      }
      if (!visitor && vc < 0 && !host) {
        // "The visit ... will run from Tuesday": a definite
        // visit named before; the sentence dates it.
        bool definite = false;
        for (uint32_t k = t >= 3 ? t - 3 : 0; k < t; ++k) definite |= s.IsWord(k, "the") || s.IsWord(k, "this");
        int bound = BindDate(s, dates, seg, t, false);
        if (definite && bound >= 0 && !dates[bound].background && !out_.visits.empty() && !Negated(s, seg, t) &&
            !ByPhone(s, t)) {
          Visit last = out_.visits.back();
          AddVisit(s, g_.CountryId(last.visitor_country), last.visitor, g_.CountryId(last.host_country),
                   dates[bound].m.date, 2, last.kind, last.status == "planned" || planned_at(t));
        }
        continue;
      }
      if (!visitor && vc < 0) {
        // "the visit to China" with no visitor named: only a host of the
        // text's pair makes the visitor clear.
        if (!host || (host->country != pair_[0] && host->country != pair_[1])) continue;
      }
      const size_t visits_before = out_.visits.size();
      emit(anchor, visitor, vc, host ? host->country : -1, kind_before(t), anticipatory(t));
      if (host && s.IsWord(after, "to")) {
        std::vector<const Actor*> places = place_list(host);
        for (size_t k = 1; k < places.size(); ++k) {
          if (places[k]->country != host->country) {
            emit(anchor, visitor, vc, places[k]->country, kind_before(t), anticipatory(t));
          }
        }
      }
      // "her fourth trip to Japan, the last being in May 2019":
      // an earlier visit, dated by the apposition.
      if (t > 0 && (s.Is(t - 1, kOrdinal) || (t > 1 && s.Is(t - 2, kOrdinal))) && out_.visits.size() > visits_before) {
        for (uint32_t k = t + 1; k + 2 < s.size; ++k) {
          if (!(s.IsWord(k, ",") && s.IsWord(k + 1, "the") &&
                (s.IsWord(k + 2, "last") || s.IsWord(k + 2, "latest") || s.IsWord(k + 2, "previous") ||
                 (s.IsWord(k + 2, "most") && s.IsWord(k + 3, "recent"))))) {
            continue;
          }
          for (const DatedMention& d : dates) {
            if (d.m.begin > k && d.m.begin < k + 10 && d.m.role == DateRole::kPoint) {
              Visit last = out_.visits.back();
              AddVisit(s, g_.CountryId(last.visitor_country), last.visitor, g_.CountryId(last.host_country),
                       d.m.date, 2, "visit", false);
              break;
            }
          }
          break;
        }
      }
      continue;
    }
    if (s.Is(t, kArrive) || s.Is(t, kTravel)) {
      uint32_t p = t + 1;
      // "were all flying in on Thursday", "arrived on Monday": an arrival
      // that names no place is at the story's scene.
      const bool fly = s.IsWord(t, "fly") || s.IsWord(t, "flying") || s.IsWord(t, "flew") || s.IsWord(t, "flies");
      // Also "arrived here", "arrived in the (national) capital" in a story
      // whose dateline names the place.
      const bool the_capital = s.IsWord(p, "in") && s.IsWord(p + 1, "the") &&
                               (s.IsWord(p + 2, "capital") || s.IsWord(p + 2, "city") ||
                                (s.IsWord(p + 3, "capital") && !s.Cap(p + 2)));
      const bool no_place = (s.Is(t, kArrive) && (p >= s.size || s.IsWord(p, "on") || s.Str(p) == "." ||
                                                  s.Str(p) == "," || s.IsWord(p, "yesterday") || s.IsWord(p, "today") ||
                                                  s.IsWord(p, "here") || the_capital)) ||
                            (fly && s.IsWord(p, "in") && (p + 1 >= s.size || !s.Cap(p + 1)));
      if (no_place && scene_ >= 0) {
        const Actor* v = nullptr;
        if (Subject(s, actors, seg, t, &v) < 0 || !v) continue;
        const bool summit = summit_sentence_ != SIZE_MAX && summit_sentence_ + 2 >= sentence_;
        for (const Actor* a : PersonList(s, actors, v)) {
          emit(t, a, a->country, scene_, summit ? "summit attendance" : "visit", false);
        }
        continue;
      }
      if (!(s.IsWord(p, "in") || s.IsWord(p, "at") || s.IsWord(p, "to") || s.IsWord(p, "for"))) continue;
      // "came to China"; not "came to power in Russia".
      bool come = s.IsWord(t, "came") || s.IsWord(t, "come") || s.IsWord(t, "comes") || s.IsWord(t, "coming");
      const Actor* h = PlaceAfter(s, actors, p + 1, come ? 1 : 6, seg);
      if (!h) continue;
      const Actor* v = nullptr;
      int vc = Subject(s, actors, seg, t, &v);
      if (v && vc == v->country) {
        // "Putin and Xi arrived in ...": everyone the subject names.
        std::vector<const Actor*> list = PersonList(s, actors, v);
        if (list.size() > 1) {
          for (size_t k = 0; k + 1 < list.size(); ++k) emit(t, list[k], list[k]->country, h->country, "visit", false);
        }
      }
      if (vc < 0) {
        // ", who arrived in Moscow": the person the relative clause hangs on.
        uint32_t start = t;
        while (start > 0 && seg[start - 1] == seg[t]) --start;
        if (s.IsWord(start, "who")) vc = ResolvePronoun(s, actors, seg, start);
      }
      if (vc < 0) continue;
      std::string kind = stated_kind(t, "visit");
      if (kind == "visit" && ForSummit(s, t)) kind = "summit attendance";
      std::set<int> hosts;
      for (const Actor* place : place_list(h)) {
        if (hosts.insert(place->country).second) emit(t, v, vc, place->country, kind, false);
      }
      continue;
    }
    // "X was in Baku on Monday, where he met ...", "is in Beijing for a
    // state visit": a person abroad is visiting (not "in talks", "in power").
    if ((s.IsWord(t, "was") || s.IsWord(t, "is") || s.IsWord(t, "were") || s.IsWord(t, "are")) &&
        s.IsWord(t + 1, "in")) {
      const Actor* h = PlaceAfter(s, actors, t + 2, 0, seg);
      if (!h || h->begin != t + 2 || h->country < 0) continue;
      const Actor* v = nullptr;
      int vc = Subject(s, actors, seg, t, &v);
      if (!v || vc < 0 || v->end + 3 < t) continue;
      std::string kind = stated_kind(t, ForSummit(s, t) ? "summit attendance" : "visit");
      emit(t, v, vc, h->country, kind, false);
      continue;
    }
    if ((s.IsWord(t, "attendance") || s.IsWord(t, "participation")) && t >= 2 && scene_ >= 0 &&
        (s.IsWord(t - 1, "their") || s.IsWord(t - 1, "his") || s.IsWord(t - 1, "her")) &&
        (s.IsWord(t - 2, "confirmed") || s.IsWord(t - 2, "confirm") || s.IsWord(t - 2, "confirms"))) {
      // "A, B and C have confirmed their attendance": at the summit the
      // story is about, still to come.
      if (summit_sentence_ == SIZE_MAX || summit_sentence_ + 2 < sentence_) continue;
      const Actor* v = nullptr;
      if (Subject(s, actors, seg, t - 2, &v) < 0 || !v) continue;
      for (const Actor* a : PersonList(s, actors, v)) emit(t, a, a->country, scene_, "summit attendance", false, true);
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
        if (s.Is(k, kSummit) || s.Is(k, kForum) || LeadersMeeting(s, k)) {
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
      // "flew on to Lima to attend the forum": the place travelled to,
      // right before "to attend".
      if (!h && t >= 2 && s.IsWord(t - 1, "to")) {
        for (const Actor& a : actors) {
          if (a.end == t - 1 && a.place && a.country >= 0) h = &a;
        }
      }
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
      // The passive: "V is greeted by H", "V's delegation was welcomed
      // earlier by H", "V was warmly received by H".
      auto be = [&](uint32_t k) {
        return s.IsWord(k, "was") || s.IsWord(k, "were") || s.IsWord(k, "been") || s.IsWord(k, "is") ||
               s.IsWord(k, "are") || s.IsWord(k, "being") || s.IsWord(k, "be");
      };
      auto adverb = [&](uint32_t k) {
        std::string_view w = s.Low(k);
        return (w.size() > 3 && w.substr(w.size() - 2) == "ly") || w == "earlier" || w == "later" || w == "also";
      };
      uint32_t by = t + 1;
      if (by < s.size && adverb(by) && s.IsWord(by + 1, "by")) ++by;
      bool passive = t > 0 && s.IsWord(by, "by") &&
                     (be(t - 1) || (t > 1 && adverb(t - 1) && be(t - 2)));
      const Actor* visitor = nullptr;
      int host_country = -1, visitor_country = -1;
      if (passive) {
        for (const Actor& a : actors) {
          if (a.begin >= by + 1 && a.begin <= by + 3 && IsPerson(a)) {
            host_country = a.country;
            break;
          }
        }
        uint32_t aux = be(t - 1) ? t - 1 : t - 2;
        visitor_country = Subject(s, actors, seg, aux, &visitor);
        if (visitor_country < 0) {
          // "the emir's delegation was welcomed": a delegation subject.
          for (const Actor& a : actors) {
            if (a.end <= aux && a.end + 3 >= aux && a.country >= 0 &&
                (a.kind == ActorKind::kDelegation || (IsPerson(a) && s.IsWord(a.end, "'s")))) {
              visitor = &a;
              visitor_country = a.country;
            }
          }
        }
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
    const bool ceremony = s.IsWord(t, "ceremony") || s.IsWord(t, "ceremonies");
    if ((s.Is(t, kMeet) || s.Is(t, kTalks) || s.Is(t, kForum) || s.Is(t, kSummit) || ceremony) && !ByPhone(s, t)) {
      // A meeting in a country with a foreign participant implies a visit.
      // Participants are linked to the meeting: "talks between X and Y",
      // "X met Y", "at the forum ..., X said"; a leader who merely praises
      // a past summit did not travel to it.
      const Actor* loc = nullptr;
      // "in Turkmenistan", "in northeastern Turkmenistan".
      auto located = [&](const Actor& a) {
        uint32_t k = a.begin;
        if (k > 1) {
          std::string_view w = s.Low(k - 1);
          if (w == "northern" || w == "southern" || w == "eastern" || w == "western" || w == "central" ||
              w == "northeastern" || w == "northwestern" || w == "southeastern" || w == "southwestern") {
            --k;
          }
        }
        return k > 0 && (s.IsWord(k - 1, "in") || s.IsWord(k - 1, "at"));
      };
      for (const Actor& a : actors) {
        if (a.begin > t && a.begin < t + 24 && a.place && a.country >= 0 && a.begin > 0 && located(a)) {
          loc = &a;
          break;
        }
      }
      // "On the sidelines of the G20 summit in New Delhi, A met B": a place
      // in a fronted adverbial locates the clause after it.
      bool fronted_summit = false;
      if (!loc && seg[t] > 0 && (s.IsWord(0, "on") || s.IsWord(0, "at") || s.IsWord(0, "during") || s.IsWord(0, "in"))) {
        for (const Actor& a : actors) {
          if (seg[a.begin] == 0 && a.place && a.country >= 0 && a.begin > 0 && s.IsWord(a.begin - 1, "in")) loc = &a;
        }
        for (uint32_t k = 0; loc && k < s.size && seg[k] == 0; ++k) {
          fronted_summit |= s.Is(k, kSummit) || s.Is(k, kForum) || LeadersMeeting(s, k);
        }
      }
      // "said in Lima at a joint news conference with ...": the place
      // may come first, in the same clause.
      if (!loc) {
        for (const Actor& a : actors) {
          if (a.end <= t && a.end + 8 >= t && a.place && a.country >= 0 && a.begin > 0 && seg[a.begin] == seg[t] &&
              s.IsWord(a.begin - 1, "in")) {
            loc = &a;
          }
        }
      }
      if (!loc) continue;
      bool at_event = false;
      for (uint32_t k = t >= 8 ? t - 8 : 0; k < t; ++k) at_event |= s.IsWord(k, "at");
      // "X met Y", "X held talks with Y", "X held a bilateral meeting with Y".
      bool held = false;
      for (uint32_t k = t >= 3 ? t - 3 : 0; k < t; ++k) held |= s.Is(k, kHold);
      bool meet_verb = s.IsWord(t, "met") || s.IsWord(t, "meets") || ((s.Is(t, kTalks) || s.Is(t, kMeet)) && held);
      std::set<int> seen;
      bool press = t > 0 && (s.IsWord(t - 1, "press") || s.IsWord(t - 1, "news"));
      bool summit = ((s.Is(t, kForum) || s.Is(t, kSummit)) && !press) || fronted_summit;
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
        // "A met B": the one met.
        if ((s.IsWord(t, "met") || s.IsWord(t, "meets")) && a.begin > t && a.begin <= t + 2) linked = true;
        // "a ceremony attended by Presidents A and B, Georgian Prime
        // Minister C, ...": everyone the participle names.
        if (a.begin > t && a.begin < t + 40) {
          for (uint32_t k = t + 1; k + 1 < a.begin; ++k) {
            linked |= (s.IsWord(k, "attended") || s.IsWord(k, "joined")) && s.IsWord(k + 1, "by");
          }
        }
        if (at_event && &a == first_person) linked = true;
        if (!linked || !seen.insert(a.country).second) continue;
        emit(t, &a, -1, loc->country, summit ? "summit attendance" : "visit", false);
      }
      // "the meeting between the leaders of China and Kazakhstan in Xi'an";
      // "at a ceremony in Turkmenistan, the leaders of China, Kazakhstan,
      // Turkmenistan and Uzbekistan ...": every state of the list.
      const Actor* prev_state = nullptr;
      for (const Actor& a : actors) {
        if (a.country < 0 || a.begin <= t) continue;
        if (a.kind != ActorKind::kState) {
          // "the leaders of China" is read as one person, the list's head.
          const bool head = IsPerson(a) && (s.IsWord(a.begin, "leaders") || s.IsWord(a.begin, "presidents"));
          prev_state = head ? &a : nullptr;
          continue;
        }
        const bool in_list = prev_state != nullptr && ListGap(s, prev_state->end, a.begin);
        // "leaders" near the trigger, or right before the state: "the leaders of (the) X".
        bool leaders = false;
        for (uint32_t k = t; k < a.begin && a.begin < t + 24; ++k) {
          const bool word = s.IsWord(k, "leaders") || s.IsWord(k, "presidents");
          leaders |= word && (a.begin < t + 10 || (s.IsWord(k + 1, "of") && (a.begin == k + 2 ||
                                                                          (a.begin == k + 3 && s.IsWord(k + 2, "the")))));
        }
        if (!(leaders || in_list)) {
          prev_state = nullptr;
          continue;
        }
        prev_state = &a;
        if (a.country == loc->country) continue;
        if (seen.insert(a.country).second) emit(t, nullptr, a.country, loc->country, "visit", false);
      }
    }
  }
}

}  // namespace bilat::text
