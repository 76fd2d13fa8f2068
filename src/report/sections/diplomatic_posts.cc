// Each side's diplomatic posts in the other (political section), from the
// Lowy Global Diplomacy Index editions: embassies, consulates and others in
// the latest edition, and the change since the first.
#include "report/format.h"
#include "report/sections/sections.h"

namespace bilat::report::sections {
namespace {

void OneSide(ReportWriter& w, Prose* p, const std::string& sender, const std::string& host,
             const std::vector<measure::PostEdition>& editions) {
  const measure::PostEdition& last = editions.back();
  w.T(p, "In the Lowy Institute's ");
  w.F(p, std::to_string(last.year), last.records);
  w.T(p, " edition, " + sender + " kept ");
  std::vector<std::string> parts;
  auto add = [&](int n, const char* one, const char* many) {
    if (n) parts.push_back(CountWord(n) + " " + (n == 1 ? one : many));
  };
  add(last.embassies, "embassy", "embassies");
  add(last.consulates, "consulate", "consulates");
  add(last.other, "other post", "other posts");
  w.F(p, parts.empty() ? "no posts" : parts.front(), last.records);
  for (size_t i = 1; i < parts.size(); ++i) {
    w.T(p, i + 1 == parts.size() ? " and " : ", ");
    w.F(p, parts[i], last.records);
  }
  w.T(p, " in " + host + " (");
  for (size_t i = 0; i < last.places.size() && i < 6; ++i) {
    w.T(p, i ? ", " : "");
    w.D(p, last.places[i], last.records[i]);
  }
  if (last.places.size() > 6) w.T(p, ", …");
  w.T(p, ")");
  if (editions.size() > 1) {
    const measure::PostEdition& first = editions.front();
    const int before = first.embassies + first.consulates + first.other, now = last.embassies + last.consulates + last.other;
    w.T(p, before == now ? "; the same number as in " : before < now ? "; up from " : "; down from ");
    if (before != now) {
      w.F(p, CountWord(before) + (before == 1 ? " post" : " posts"), first.records);
      w.T(p, " in ");
    }
    w.F(p, std::to_string(first.year), first.records);
  }
  w.T(p, ". ");
}

}  // namespace

void DiplomaticPostsBlock(ReportWriter& w, Section& s) {
  const measure::DatasetFacts& d = w.facts().datasets;
  if (d.posts_a_in_b.empty() && d.posts_b_in_a.empty()) return;
  Prose p;
  if (!d.posts_a_in_b.empty()) OneSide(w, &p, w.pa(), w.pb(), d.posts_a_in_b);
  if (!d.posts_b_in_a.empty()) OneSide(w, &p, w.pb(), w.pa(), d.posts_b_in_a);
  // The index covers 66 senders: say so when one side is not among them.
  if (d.posts_a_in_b.empty() || d.posts_b_in_a.empty()) {
    w.T(&p, "The index lists the posts of a limited set of sending countries (the members of the G-twenty, the "
            "OECD and the Asian states); " +
                (d.posts_a_in_b.empty() ? w.pa() : w.pb()) + "'s posts abroad are not among them.");
  }
  w.Add(s, std::move(p));
}

}  // namespace bilat::report::sections
