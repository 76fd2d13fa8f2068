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
  // A plan without a date of its own is for the date the story's plans are
  // for ("the visit will take place next week ... will sign agreements").
  if (planned && strength < 2 && upcoming_.IsSet()) {
    e.date = upcoming_;
    strength = 1;
  }
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
  // The nearest facility noun in the 13 tokens before t ("the plant was
  // opened", "the railway started operating"), or -1.
  auto facility_before = [&](uint32_t t) -> int {
    // Across an apposition: "The new port in Lamu, built by a Chinese
    // company, was inaugurated".
    for (uint32_t k = t; k-- > 0 && k + 14 > t;) {
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
  // Partnerships stated without an establishing verb:
  //  - a change of level: "turned their ties into a cooperative
  //    partnership in 2011 and into a strategic one ... partnership in 2016"
  //    (one partnership per "into", each dated by what follows it);
  //  - "the beginning of diplomatic relations in 1972";
  //  - "the declaration of a strategic partnership", "announced a
  //    partnership".
  for (uint32_t k = 0; k < s.size; ++k) {
    int obj = -1;
    uint32_t anchor = k;
    if ((s.IsWord(k, "into") || (s.IsWord(k, "to") && k > 0 && s.Is(k - 1, kElevate))) && k > 0) {
      bool change = false;
      for (uint32_t q = k >= 10 ? k - 10 : 0; q < k; ++q) {
        change |= s.IsWord(q, "developed") || s.IsWord(q, "develop") || s.IsWord(q, "turned") ||
                  s.IsWord(q, "transformed") || s.IsWord(q, "grown") || s.IsWord(q, "grew") || s.Is(q, kElevate);
      }
      if (!change) continue;
      // The level's name may be long and quoted: "raised to an 'all-weather
      // comprehensive strategic partnership for the new era'".
      for (uint32_t q = k + 1; q < s.size && q <= k + 10; ++q) {
        if (s.IsWord(q, "partnership")) {
          obj = static_cast<int>(q);
          break;
        }
        if (s.IsWord(q, ",") || s.IsWord(q, "into")) break;
      }
    } else if ((s.IsWord(k, "became") || s.IsWord(k, "become") || s.IsWord(k, "becomes")) && k > 0 &&
               window(k, 4, 0, kRelations) >= 0) {
      // "the relationship became a comprehensive strategic partnership".
      for (uint32_t q = k + 1; q < s.size && q <= k + 8; ++q) {
        if (s.IsWord(q, "partnership")) {
          obj = static_cast<int>(q);
          break;
        }
        if (s.IsWord(q, ",")) break;
      }
    } else if ((s.IsWord(k, "start") || s.IsWord(k, "beginning")) && s.IsWord(k + 1, "of")) {
      uint32_t q = k + 2;
      while (q < s.size && q < k + 5 && !s.Is(q, kRelations)) ++q;
      if (s.Is(q, kRelations) && s.IsWord(q - 1, "diplomatic")) obj = static_cast<int>(q);
    } else if (s.IsWord(k, "declaration") || s.Is(k, kAnnounce)) {
      uint32_t q = k + 1;
      if (s.IsWord(q, "of")) ++q;
      if (s.IsWord(q, "a") || s.IsWord(q, "an") || s.IsWord(q, "the")) {
        ++q;
        while (q < s.size && q < k + 8 && s.tokens[q].kind == TokenKind::kWord && !s.Is(q, kPartnership) &&
               !s.Is(q, kPreposition) && !s.Is(q, kAuxiliary)) {
          ++q;
        }
        if (s.IsWord(q, "partnership")) obj = static_cast<int>(q);
      }
    }
    if (obj < 0) continue;
    int bound = BindDate(s, dates, seg, anchor, false);
    AddEvent(s, "partnership established", countries, dates, bound, planned_near(anchor),
             SpanText(s, k, obj + 1), "partnership");
  }
  std::set<std::string> done;  // one event of a kind per trigger phrase
  uint32_t name_end = 0;       // end of the last event name read
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
      // "reached an agreement", "agreements were reached": the agreement is
      // the object; not "under the agreement, trade reached $10 billion".
      if ((s.IsWord(t, "reached") || s.Low(t).rfind("conclud", 0) == 0) && !passive &&
          (obj < static_cast<int>(t) || obj > static_cast<int>(t) + 4)) {
        continue;
      }
      // "Five memoranda were produced at the talks": only the passive.
      if (s.IsWord(t, "produced") && !passive) continue;
      // "issued a joint statement": issuing is signing only for a joint or
      // named document, not "the ministry issued a statement".
      if (s.IsWord(t, "issued") || s.IsWord(t, "adopted")) {
        bool joint = s.Cap(obj);
        for (uint32_t k = obj >= 3 ? obj - 3 : 0; k < static_cast<uint32_t>(obj); ++k) joint |= s.IsWord(k, "joint");
        if (!joint) continue;
      }
      bool community = false;
      for (uint32_t k = obj; k < s.size && k < static_cast<uint32_t>(obj) + 14; ++k) {
        if (s.IsWord(k, "community") && (s.IsWord(k + 1, "with") || s.IsWord(k + 1, "of"))) community = true;
      }
      // A declaration named for the partnership it founds: "a Joint
      // Declaration on Comprehensive Partnership" (not "a Joint Statement on
      // Deepening the Partnership", which has a verb in its name).
      if (s.IsWord(obj + 1, "on") || s.IsWord(obj + 1, "of")) {
        uint32_t k = obj + 2;
        while (k < s.size && k < static_cast<uint32_t>(obj) + 8 && s.Cap(k) && !s.Is(k, kPartnership) &&
               !(s.Low(k).size() > 4 && s.Low(k).substr(s.Low(k).size() - 3) == "ing")) {
          ++k;
        }
        if (s.Cap(k) && s.IsWord(k, "partnership")) community = true;
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
      // "will sign", "agreed to sign": planned signings. A long name may
      // stand between ("sign the Chile-Korea Free Trade and Investment
      // Agreement").
      int reach = 8;
      while (static_cast<uint32_t>(reach) < 14 && t + reach < s.size && (s.Cap(t + reach) || s.IsWord(t + reach, "-"))) ++reach;
      int obj = window(t, 0, reach, kMemorandum);
      bool memo = obj >= 0;
      if (!memo) obj = window(t, 0, reach, kAgreement);
      if (obj < 0) continue;
      int bound = BindDate(s, dates, seg, t, false);
      AddEvent(s, memo ? "memorandum signed" : "agreement signed", countries, dates, bound, true,
               SpanText(s, t, obj + 1), Singular(s.Low(obj)));
      continue;
    }
    // "the 1992 Treaty of Good Neighbourliness": a named
    // agreement with its year in front was signed that year.
    if (s.Is(t, kAgreement) && s.Cap(t) && t >= 1 && !s.Is(t + 1, kSign)) {
      uint32_t y = t;
      while (y > 0 && y + 4 > t && s.Cap(y - 1) && !YearToken(s.Str(y - 1))) --y;
      if (y > 0 && YearToken(s.Str(y - 1)) && window(t, 8, 8, kSign) < 0) {
        for (size_t k = 0; k < dates.size(); ++k) {
          if (dates[k].m.end == y && !dates[k].m.date.HasMonth()) {
            AddEvent(s, "agreement signed", countries, dates, static_cast<int>(k), false, SpanText(s, y - 1, t + 1),
                     Singular(s.Low(t)) + ":" + dates[k].m.date.Iso());
            break;
          }
        }
        continue;
      }
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
      // "the 30th anniversary of the establishment of diplomatic relations"
      // celebrates an old event; an undated anniversary is no event.
      bool anniversary = false;
      for (uint32_t k = t >= 6 ? t - 6 : 0; k < t; ++k) anniversary |= s.IsWord(k, "anniversary");
      if (anniversary) continue;
      if (s.Is(t, kEstablish)) {
        obj = window(t, 4, 8, kPartnership);
        // "established diplomatic ties": ties are relations only when diplomatic.
        int ties = window(t, 4, 8, kRelations);
        if ((obj < 0 || (ties >= 0 && ties < obj)) && ties > 0 && s.IsWord(ties - 1, "diplomatic")) obj = ties;
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
      int obj = -1;
      // "the completion ceremony of the railway" opens the railway;
      // "the opening ceremony" of a forum opens nothing.
      if (s.IsWord(t + 1, "ceremony") && s.IsWord(t + 2, "of")) {
        obj = find_class(t + 3, t + 12, kFacility);
        if (obj >= 0) {
          int bound = BindDate(s, dates, seg, t, false);
          AddEvent(s, "opening", countries, dates, bound, planned_near(t), SpanText(s, t, obj + 1),
                   "opening:" + Singular(s.Low(obj)));
        }
        continue;
      }
      if (s.IsWord(t + 1, "ceremony") || s.IsWord(t + 1, "chapter") || s.IsWord(t + 1, "remarks") ||
          s.IsWord(t + 1, "-") || s.IsWord(t + 1, "up")) {
        continue;
      }
      if (s.IsWord(t + 1, "of") || s.IsWord(t + 1, "a") || s.IsWord(t + 1, "the") || s.Is(t + 1, kDeterminer)) {
        obj = find_class(t + 1, t + 7, kFacility);
      }
      if (obj < 0 && t > 0 && (s.IsWord(t - 1, "was") || s.IsWord(t - 1, "were") || s.IsWord(t - 1, "been"))) {
        obj = facility_before(t);
      }
      // "the bridge opened to traffic in 2014", "the plant opened last
      // year": the facility opened is the subject.
      if (obj < 0 && (s.IsWord(t, "opened") || s.IsWord(t, "opens")) &&
          (s.IsWord(t + 1, "to") || s.IsWord(t + 1, "in") || s.IsWord(t + 1, "on") || s.IsWord(t + 1, "last") ||
           s.IsWord(t + 1, "this") || s.IsWord(t + 1, ".") || s.IsWord(t + 1, ","))) {
        int f = facility_before(t);
        if (f >= 0 && seg[f] == seg[t]) obj = f;
      }
      // "... the line began in 2017 and it is now due to open in 2026":
      // the facility the sentence is about.
      if (obj < 0 && t > 1 && s.IsWord(t - 1, "to") && (s.IsWord(t - 2, "due") || s.IsWord(t - 2, "scheduled") ||
                                                       s.IsWord(t - 2, "expected") || s.IsWord(t - 2, "set"))) {
        for (uint32_t k = 0; k < t; ++k) {
          if (s.Is(k, kFacility)) obj = static_cast<int>(k);
        }
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
    // The start of construction is a launch: "construction of the railway
    // began in 2021", "work on the line started in August 2017", "began
    // building the port", "broke ground on the plant".
    if ((s.Is(t, kStart) && !s.Is(t + 1, kOperate)) || (s.IsWord(t, "broke") && s.IsWord(t + 1, "ground")) ||
        s.IsWord(t, "groundbreaking")) {
      bool building = s.IsWord(t, "broke") || s.IsWord(t, "groundbreaking");
      for (uint32_t k = t >= 8 ? t - 8 : 0; k < s.size && k <= t + 2; ++k) {
        if (seg[k] != seg[t]) continue;
        building |= s.IsWord(k, "construction") || s.IsWord(k, "building") ||
                    ((s.IsWord(k, "work") || s.IsWord(k, "works")) && s.IsWord(k + 1, "on"));
      }
      int obj = building ? window(t, 8, 8, kFacility) : -1;
      if (obj >= 0) {
        int bound = BindDate(s, dates, seg, t, false);
        AddEvent(s, "launch", countries, dates, bound, planned_near(t),
                 SpanText(s, std::min<uint32_t>(t, obj), std::max<uint32_t>(t, obj) + 1),
                 "launch:construction:" + Singular(s.Low(obj)));
        continue;
      }
    }
    // Launches.
    if (s.Is(t, kLaunch)) {
      int obj = window(t, 3, 8, kFacility);
      if (obj < 0) obj = find_class(t + 1, t + 8, kInitiative);
      // "the energy dialogue that was launched in May 2015".
      if (obj < 0 && t > 0 && (s.IsWord(t - 1, "was") || s.IsWord(t - 1, "were") || s.IsWord(t - 1, "been"))) {
        for (uint32_t k = t; k-- > 0 && k + 5 > t;) {
          if (s.Is(k, kInitiative)) {
            obj = static_cast<int>(k);
            break;
          }
        }
      }
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
    // "made"/"put forward" propose only what follows them: "She made a
    // three-point proposal", not "the plan made it possible".
    bool make = s.IsWord(t, "made") || s.IsWord(t, "put");
    bool propose = s.Is(t, kPropose) && find_class(t + 1, t + 6, kInitiative) >= 0;
    if (make && propose) {
      int ini = find_class(t + 1, t + 6, kInitiative);
      propose = s.IsWord(ini, "proposal") || s.IsWord(ini, "proposals") || s.IsWord(ini, "initiative") ||
                s.IsWord(ini, "initiatives") || s.IsWord(ini, "plan");
    }
    if (!propose && s.Is(t, kPropose) && !make) {
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
    bool target = s.Is(t, kIntend) && find_class(t + 1, t + 6, kTargetVerb) >= 0;
    if (announce || propose || address || target) {
      // An announced partnership is the partnership, not an announcement.
      if (announce && (window(t, 0, 12, kPartnership) >= 0 && window(t, 0, 6, kEstablish) >= 0)) continue;
      int pship = find_class(t + 1, t + 8, kPartnership);
      if (announce && pship >= 0 && s.IsWord(pship, "partnership")) continue;  // read above
      // Attribution, not news: "..., the ministry announced." reports the
      // clause before it; "the decision was announced" refers back.
      if (announce && (t + 1 >= s.size || s.IsWord(t + 1, ".")) && seg[t] > 0) continue;
      if (announce && t >= 3 && s.IsWord(t - 1, "was") && s.IsWord(t - 2, "decision")) continue;
      bool leader_speaks = false;
      for (const Actor& a : actors) {
        if (a.kind == ActorKind::kPerson && a.country >= 0 && (a.country == pair_[0] || a.country == pair_[1])) {
          leader_speaks = true;
        }
      }
      bool passive_it = t >= 2 && s.IsWord(t - 1, "was") && s.IsWord(t - 2, "it");
      bool bilateral = countries.size() >= 2;
      for (uint32_t k = 0; k < s.size && !bilateral; ++k) {
        bilateral = s.IsWord(k, "bilateral") || (s.IsWord(k, "two") && (s.IsWord(k + 1, "countries") || s.IsWord(k + 1, "sides"))) ||
                    (s.IsWord(k, "both") && (s.IsWord(k + 1, "countries") || s.IsWord(k + 1, "sides")));
      }
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
    if ((s.Is(t, kSummit) || s.Is(t, kForum) || LeadersMeeting(s, t)) && !s.IsWord(t + 1, "talks") &&
        !s.IsWord(t + 1, "meeting")) {
      if (t > 0 && (s.IsWord(t - 1, "press") || s.IsWord(t - 1, "news"))) continue;
      if (t < name_end) continue;  // the "Summit" of "the X Forum (XF) Summit", read with it
      // The event's name: the capitalised words (and linked names) before it,
      // and "of ..." after a capitalised head.
      uint32_t b = t;
      while (b > 0 && (s.Cap(b - 1) || s.IsWord(b - 1, "-") || s.IsWord(b - 1, "and") || s.IsWord(b - 1, "'"))) {
        if (s.IsWord(b - 1, "and") && !(b >= 2 && s.Cap(b - 2))) break;
        // "The Visit and the ASEAN Summit": two things, not one name.
        if (s.IsWord(b - 1, "and") && (s.Is(b - 2, kVisitNoun) || s.Is(b - 2, kSummit) || s.Is(b - 2, kForum))) break;
        --b;
      }
      // A capitalised "The" at the start of the sentence is not part of the name.
      while (b < t && s.Is(b, kDeterminer)) ++b;
      uint32_t e = t + 1;
      if (s.Cap(t)) {
        while (e < s.size && (s.Cap(e) || s.IsWord(e, "of") || s.IsWord(e, "for") || s.IsWord(e, "and") ||
                              s.IsWord(e, "on") || s.IsWord(e, "-") || s.IsWord(e, "the"))) {
          ++e;
        }
        while (e > t + 1 && !s.Cap(e - 1)) --e;
      }
      // "the Forum for Pacific Cooperation (FPC) Summit": a body named
      // "Forum on/for ..." holds a summit, which is the event; "the Silk Road
      // Forum (SRF) Summit" is the forum itself. Either way one event, its
      // acronym kept in the name so that "the FPC Summit" merges with it.
      std::string kind = s.Is(t, kSummit) || LeadersMeeting(s, t) ? "summit" : "forum";
      if (s.IsWord(e, "(") && s.IsWord(e + 2, ")") && s.tokens[e + 1].Has(kAllCaps) &&
          (s.Is(e + 3, kSummit) || s.Is(e + 3, kForum)) && s.Cap(e + 3)) {
        if (s.IsWord(t + 1, "on") || s.IsWord(t + 1, "for") || s.IsWord(t + 1, "of")) {
          kind = s.Is(e + 3, kSummit) ? "summit" : "forum";
        }
        e += 4;
        name_end = e;
      }
      bool named = b < t || (s.Cap(t) && !(t == 0)) || e > t + 1;
      bool indefinite = t > 0 && (s.IsWord(t - 1, "a") || s.IsWord(t - 1, "an"));
      bool modified = s.IsWord(t + 1, "on") || s.IsWord(t + 1, "of");
      // "the annual summit with the Brazilian President": a summit
      // described by who meets is specific whatever its article.
      bool with_whom = false;
      if (s.IsWord(t + 1, "with") || s.IsWord(t + 1, "between")) {
        for (const Actor& a : actors) with_whom |= a.begin > t + 1 && a.begin <= t + 4 && a.country >= 0;
      }
      // "the summit of BRICS leaders", "the summit of the SCO": a summit of a
      // body or of its leaders is specific too.
      bool of_body = false;
      if (s.IsWord(t + 1, "of")) {
        for (uint32_t k = t + 2; k < s.size && k < t + 6; ++k) of_body |= s.IsWord(k, "leaders") || s.IsWord(k, "heads");
        for (const Actor& a : actors) of_body |= a.begin > t + 1 && a.begin <= t + 3 && a.kind == ActorKind::kOrg;
      }
      if (!named && !(indefinite && modified) && !with_whom && !of_body) continue;
      // An expo or fair is bilateral only when named for one of the pair
      // ("the China-Eurasia Expo"), not a world exhibition a country joins.
      if (s.IsWord(t, "expo") || s.IsWord(t, "exhibition") || s.IsWord(t, "fair")) {
        bool ours = false;
        for (const Actor& a : actors) {
          if (a.begin >= b && a.end <= e && (a.country == pair_[0] || a.country == pair_[1])) ours = true;
        }
        if (!ours) continue;
      }
      std::string name;
      for (uint32_t k = b; k < e; ++k) {
        if (!name.empty() && s.tokens[k].Has(kSpaceBefore)) name += ' ';
        name += s.Low(k);
      }
      if (!named) name += "@" + std::to_string(out_.sentences);
      std::set<int> c = countries;
      int bound = BindDate(s, dates, seg, t, false);
      bool planned = future;
      AddEvent(s, kind, c, dates, bound, planned, SpanText(s, b, e), "name:" + name);
      continue;
    }
    // Meetings (kept only when no visit covers them; see Finish()).
    if ((s.Is(t, kMeet) || s.Is(t, kTalks)) && !s.IsWord(t, "meet") && !(t > 0 && s.IsWord(t - 1, "to")) &&
        !ByPhone(s, t)) {
      bool with_actor = false;
      for (const Actor& a : actors) {
        if ((a.kind == ActorKind::kPerson || a.kind == ActorKind::kState) && a.begin > t && a.begin < t + 6) {
          with_actor = true;
        }
        if ((a.kind == ActorKind::kPerson) && a.end <= t && a.end + 10 >= t) with_actor = true;
      }
      if (!with_actor || countries.size() + (pair_[0] >= 0) < 2) continue;
      if (!done.insert("meeting").second) continue;
      // "their meeting in South Korea": the place met in is no side of the
      // meeting unless someone of it takes part or it is one of the pair.
      std::set<int> sides = countries;
      int elsewhere = -1;
      for (const Actor& a : actors) {
        if (!a.place || a.country < 0 || a.begin <= t || a.begin > t + 6 || a.country == pair_[0] ||
            a.country == pair_[1] || !(s.IsWord(a.begin - 1, "in") || s.IsWord(a.begin - 1, "at"))) {
          continue;
        }
        bool takes_part = false;
        for (const Actor& b : actors) takes_part |= !b.place && b.country == a.country;
        if (!takes_part) {
          sides.erase(a.country);
          elsewhere = a.country;
        }
      }
      int bound = BindDate(s, dates, seg, t, false);
      size_t before = out_.events.size();
      AddEvent(s, "meeting", sides, dates, bound, planned_near(t), SpanText(s, t, std::min<uint32_t>(s.size, t + 8)),
               "meeting");
      if (out_.events.size() > before) {
        if (elsewhere >= 0) out_.events.back().elsewhere = g_.Alpha3(elsewhere);
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
