// Merging: one fact told in several sentences becomes one item, as the
// rules of docs/text_extraction.md ("Re-mentions") read them.
#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "ingest/text/dates.h"
#include "ingest/text/extractor_run.h"

namespace bilat::text {

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
  // One sentence tells one trip once: "arrives in Hanoi on Nov 12 for a state
  // visit to Vietnam" is one visit, dated by the verb's date where the noun
  // took the story's. Dates the sentence states itself ("in 2013 and 2015")
  // stay separate visits.
  std::vector<Visit> told;
  for (Visit& v : out_.visits) {
    Visit* same = nullptr;
    for (size_t k = told.size(); k-- > 0 && told[k].evidence.begin == v.evidence.begin;) {
      Visit& w = told[k];
      if (w.visitor_country == v.visitor_country && w.host_country == v.host_country &&
          std::min(w.date_strength, v.date_strength) < 2) {
        same = &w;
      }
    }
    if (!same) {
      told.push_back(std::move(v));
      continue;
    }
    if (v.date_strength > same->date_strength) {
      same->date = v.date;
      same->date_strength = v.date_strength;
    }
    if (same->kind == "visit" && v.kind != "visit") same->kind = v.kind;
    if (same->visitor.empty()) same->visitor = v.visitor;
    same->confidence = std::max(same->confidence, v.confidence);
  }
  out_.visits = std::move(told);
  std::vector<Visit> visits;
  for (Visit& v : out_.visits) {
    bool merged = false;
    for (Visit& w : visits) {
      if (w.visitor_country != v.visitor_country || w.host_country != v.host_country) continue;
      // A plan dated only by the news of it ("a tour that will take him to
      // South Korea") is the plan dated later ("the summit on Nov. 18-19 in
      // Busan").
      const bool plans = w.status == "planned" && v.status == "planned" &&
                         std::min(w.date_strength, v.date_strength) == 0;
      if (!compatible(w.date, v.date) && !plans) continue;
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
  // Two names of one event: equal, or every word of the shorter (two words
  // at least) in the longer: "the FPC Summit" and "the Forum for Pacific
  // Cooperation (FPC) Summit".
  auto words = [](std::string_view name) {
    std::set<std::string> w;
    std::string cur;
    for (char ch : name) {
      if (std::isalnum(static_cast<unsigned char>(ch))) {
        cur += ch;
      } else if (!cur.empty()) {
        if (cur != "the") w.insert(cur);
        cur.clear();
      }
    }
    if (!cur.empty() && cur != "the") w.insert(cur);
    return w;
  };
  auto same_name = [&](const std::string& a, const std::string& b) {
    if (a == b) return true;
    if (a.rfind("name:", 0) != 0 || b.rfind("name:", 0) != 0) return false;
    if (a.find('@') != std::string::npos || b.find('@') != std::string::npos) return false;
    std::set<std::string> wa = words(std::string_view(a).substr(5)), wb = words(std::string_view(b).substr(5));
    if (wa.size() > wb.size()) std::swap(wa, wb);
    if (wa.size() < 2) return false;
    return std::includes(wb.begin(), wb.end(), wa.begin(), wa.end());
  };
  for (Event& e : out_.events) {
    bool merged = false;
    for (Event& f : events) {
      if (group(f.kind) != group(e.kind)) continue;
      bool same = false;
      if (e.key.rfind("name:", 0) == 0 || f.key.rfind("name:", 0) == 0) {
        same = same_name(e.key, f.key) && (compatible(e.date, f.date) || e.date_strength < 2 || f.date_strength < 2);
      } else {
        // A re-mention without a date of its own ("the agreement") is the
        // one already told.
        // An agreement enters into force once: two mentions with the same
        // parties and a compatible date are one, whatever they call it.
        const bool in_force = e.kind == "entry into force" && f.parties == e.parties &&
                              compatible(e.date, f.date);
        same = in_force || (e.key == f.key && f.parties == e.parties && e.elsewhere == f.elsewhere &&
               (compatible(e.date, f.date) ||
                (group(e.kind) == "agreement signed" && (e.date_strength == 0 || f.date_strength == 0))));
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
  // A meeting during a visit between the same two countries is the visit;
  // one held in a third country is not.
  std::vector<Event> kept;
  for (Event& e : events) {
    if (e.kind == "meeting" && e.elsewhere.empty()) {
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

  // The same amount told twice (a summary line and the body) is one fact.
  std::vector<Money> money;
  for (Money& m : out_.money) {
    bool dup = false;
    for (const Money& n : money) {
      dup |= n.unit == m.unit && std::fabs(n.value - m.value) <= 1e-9 * std::max(1.0, std::fabs(m.value)) &&
             compatible(n.date, m.date);
    }
    if (!dup) money.push_back(std::move(m));
  }
  out_.money = std::move(money);
  std::vector<Quantity> quantities;
  auto head = [](const std::string& what) {
    size_t sp = what.find_last_of(' ');
    return Singular(ToLower(sp == std::string::npos ? what : what.substr(sp + 1)));
  };
  for (Quantity& q : out_.quantities) {
    bool dup = false;
    for (const Quantity& r : quantities) {
      dup |= r.unit == q.unit && r.value == q.value && head(r.what) == head(q.what) && compatible(r.date, q.date);
    }
    if (!dup) quantities.push_back(std::move(q));
  }
  out_.quantities = std::move(quantities);
}

}  // namespace bilat::text
