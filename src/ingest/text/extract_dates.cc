// When: the dates of a sentence, the one a trigger binds to, and the story's
// time they move on, as the rules of docs/text_extraction.md read them.
#include <algorithm>
#include <vector>

#include "ingest/text/dates.h"
#include "ingest/text/extractor_run.h"

namespace bilat::text {

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
    // A year that modifies a noun names a thing, not a time of the story:
    // "the 1992 Treaty", "the 2022 visit", "Expo 2010 Shanghai".
    if (!m.date.HasMonth() && !m.date.end_year && m.date.period.empty() && !m.relative && b > 0 &&
        (s.Is(b - 1, kDeterminer) || s.Cap(b - 1)) && !s.Is(b - 1, kPreposition) && !s.IsWord(b - 1, "year") &&
        m.end < s.size &&
        s.tokens[m.end].kind == TokenKind::kWord && !s.Is(m.end, kPreposition) && !s.Is(m.end, kAuxiliary) &&
        !s.Is(m.end, kConjunction) && !s.IsWord(m.end, "'s")) {
      d.nominal = true;
    }
    // Past perfect ("where he had welcomed ... the day before"), reduced
    // relatives ("the partnership established in 2016") and relative clauses
    // (", who made a state visit to Peru last May") are background: they
    // date what they say but do not move the story's time.
    {
      uint32_t q = b;
      while (q > 0 && !s.IsWord(q - 1, ",") && !s.IsWord(q - 1, ";") && !s.IsWord(q - 1, "(")) --q;
      if (q > 0 && s.IsWord(q - 1, ",") && (s.IsWord(q, "who") || s.IsWord(q, "which"))) d.background = true;
    }
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
    // "the first such visit since the two states restored ties in 1991":
    // a date in a clause of its own after "since" dates that clause.
    bool subordinate = false;
    for (uint32_t k = trigger + 1; k + 1 < d.m.begin; ++k) {
      subordinate |= s.IsWord(k, "since") || s.IsWord(k, "because") || s.IsWord(k, "although");
    }
    if (subordinate) continue;
    uint32_t dist = d.m.begin - trigger;
    if (dist <= 30 && dist < best_dist) {
      best = static_cast<int>(k);
      best_dist = dist;
    }
  }
  if (best >= 0) return best;
  // "in May 2017, when Orban travelled to Beijing", "in September 2014,
  // when ties were upgraded": the date just before ", when" dates the clause.
  // A date fronted mid-sentence dates the clause after it, across such a
  // when-clause: "..., and in May 2017, when ..., the relationship became".
  {
    uint32_t st = trigger;
    while (st > 0 && seg[st - 1] == seg[trigger]) --st;
    if (st >= 2 && s.IsWord(st, "when") && s.Str(st - 1) == ",") {
      for (size_t k = 0; k < dates.size(); ++k) {
        if (usable(dates[k]) && dates[k].m.end == st - 1) return static_cast<int>(k);
      }
    }
    for (int hops = 0; hops < 2 && st >= 2 && s.Str(st - 1) == ","; ++hops) {
      uint32_t prev = st - 1;  // the comma ending the clause before
      uint32_t pst = prev;
      while (pst > 0 && seg[pst - 1] == seg[prev - 1]) --pst;
      uint32_t lead = pst;
      if (s.IsWord(lead, "and") || s.IsWord(lead, "but")) ++lead;
      if (s.IsWord(pst, "when") || s.IsWord(pst, "where") || s.IsWord(pst, "as")) {
        st = pst;  // step over the when-clause
        continue;
      }
      if (!(s.IsWord(lead, "in") || s.IsWord(lead, "on") || s.IsWord(lead, "during"))) break;
      for (size_t k = 0; k < dates.size(); ++k) {
        if (usable(dates[k]) && !dates[k].background && dates[k].m.begin <= lead + 2 && dates[k].m.end == prev) {
          return static_cast<int>(k);
        }
      }
      break;
    }
  }
  // A fronted adverbial scopes over the sentence: "In May 2023, ...",
  // "On Wednesday, 3 July, ...", "During Tokayev's visit to China in May 2023, ...".
  // An opening quote, or a photo credit in brackets left at the head of
  // the sentence ("(Photo/Agency) On Monday, ..."), comes before the adverbial.
  uint32_t f0 = 0;
  while (f0 < s.size && (s.IsWord(f0, "\"") || s.IsWord(f0, "'"))) ++f0;
  if (s.IsWord(f0, "(")) {
    uint32_t close = f0 + 1;
    while (close < s.size && close < f0 + 12 && !s.IsWord(close, ")")) ++close;
    if (s.IsWord(close, ")")) f0 = close + 1;
  }
  if (f0 < s.size && seg[trigger] > seg[f0] && (s.Is(f0, kPreposition) || s.Is(f0, kRelative) || s.Is(f0, kWeekday))) {
    for (size_t k = 0; k < dates.size(); ++k) {
      const DatedMention& d = dates[k];
      if (!usable(d) || d.background || d.m.begin < f0) continue;
      // The adverbial may run over the commas inside a date ("On Wednesday, 3 July,").
      bool fronted = true;
      for (uint32_t t = f0; t < d.m.begin; ++t) {
        if (s.Str(t) == ";") fronted = false;
      }
      uint32_t first_clause_end = f0;
      while (first_clause_end < s.size && seg[first_clause_end] == seg[f0]) ++first_clause_end;
      if (d.m.begin > first_clause_end + 1 && !(d.m.begin <= f0 + 3)) fronted = false;
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
  // A participle or relative clause goes on about the clause before it:
  // "the 2015 talks went well, ending in the signing of a deal" dates the
  // signing by the clause before it.
  uint32_t start = trigger;
  while (start > 0 && seg[start - 1] == seg[trigger]) --start;
  std::string_view first = start < s.size ? s.Low(start) : std::string_view();
  if (start > 0 && seg[trigger] > 0 &&
      ((first.size() > 4 && first.substr(first.size() - 3) == "ing") || first == "which")) {
    for (size_t k = dates.size(); k-- > 0;) {
      const DatedMention& d = dates[k];
      if (usable(d) && !d.background && seg[d.m.begin] + 1 == seg[trigger]) return static_cast<int>(k);
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
  // An undated document still has the year its story is at ("in 2019 the
  // two ..."), from this sentence or the ones before: better than none.
  if (!doc_.date.IsSet()) {
    for (const DatedMention& d : dates) {
      if (d.m.role == DateRole::kPoint && !d.nominal && !d.background && !d.m.date.end_year) {
        return TextDate::Year(d.m.date.year);
      }
    }
    if (ctx_.context_year) return TextDate::Year(ctx_.context_year);
  }
  return doc_.date;
}

void DocumentRun::UpdateContext(const std::vector<DatedMention>& dates) {
  // Only the story's own time moves it on: not comparison bases, not
  // deadlines, not background clauses, and not what is yet to happen.
  for (const DatedMention& d : dates) {
    if (d.m.role == DateRole::kBaseline || d.nominal || d.m.role == DateRole::kTarget) continue;
    if (CompareDates(d.m.date, doc_.date) > 0 && doc_.date.IsSet()) {
      // What is still to come: the date the story's plans are for.
      if (d.m.date.HasMonth() && !d.background) {
        upcoming_ = d.m.date;
        upcoming_.period.clear();
      }
      continue;
    }
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

}  // namespace bilat::text
