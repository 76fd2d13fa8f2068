// Meetings and events: summits, forums, signings, entries into force, openings.
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

}  // namespace bilat::text
