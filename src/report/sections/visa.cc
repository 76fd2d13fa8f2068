// Visa rules between the pair over time (people section), from the Passport
// Index releases: each direction's rule now, and every change since the first
// release.
#include "report/format.h"
#include "report/sections/sections.h"

namespace bilat::report::sections {
namespace {

std::string RuleWords(const measure::VisaSpell& v) {
  if (v.category == "visa_free") return "visa-free";
  if (v.category == "visa_on_arrival") return "a visa on arrival";
  if (v.category == "eta_or_evisa") return "an e-visa or electronic authorisation";
  if (v.category == "visa_required") return "a visa";
  if (v.category == "covid_ban") return "no entry (a pandemic ban)";
  if (v.category == "no_admission") return "no admission";
  return "another rule";
}

void OneDirection(ReportWriter& w, Prose* p, const std::string& holders, const std::string& host,
                  const std::vector<measure::VisaSpell>& spells) {
  const measure::VisaSpell& now = spells.back();
  w.T(p, "Holders of " + holders + " passports entering " + host + " need ");
  if (now.category == "visa_free" && now.days) {
    w.T(p, "no visa for stays of up to ");
    w.F(p, FormatFixed(*now.days, 0) + " days", {now.last});
  } else {
    w.T(p, RuleWords(now));
  }
  w.T(p, " (release of ");
  w.F(p, Date::Parse(now.to)->ToEnglish(), {now.last});
  w.T(p, ")");
  if (spells.size() > 1) {
    w.T(p, "; the rule changed ");
    w.F(p, spells.size() - 1 == 1 ? "once" : CountWord(static_cast<long long>(spells.size() - 1)) + " times",
        {spells.front().first, now.first});
    w.T(p, " since ");
    w.F(p, Date::Parse(spells.front().from)->ToEnglish(), {spells.front().first});
    w.T(p, ", most recently on ");
    w.F(p, Date::Parse(now.from)->ToEnglish(), {now.first});
    w.T(p, " (before it: " + RuleWords(spells[spells.size() - 2]) + ")");
  }
  w.T(p, ". ");
}

}  // namespace

void VisaBlock(ReportWriter& w, Section& s) {
  const measure::DatasetFacts& d = w.facts().datasets;
  if (d.visa_a_to_b.empty() && d.visa_b_to_a.empty()) return;
  Prose p;
  if (!d.visa_b_to_a.empty()) OneDirection(w, &p, w.pb() + "'s", w.pa(), d.visa_b_to_a);
  if (!d.visa_a_to_b.empty()) OneDirection(w, &p, w.pa() + "'s", w.pb(), d.visa_a_to_b);
  w.T(&p, "The releases record the rule when the compiler read it, which can lag a change by weeks, and do not "
          "cover transit schemes.");
  w.Add(s, std::move(p));
  Table t{"Visa rules by release", {"Passport", "Destination", "Rule", "From release", "To release"}, {}};
  for (const auto* spells : {&d.visa_b_to_a, &d.visa_a_to_b}) {
    const bool b_holders = spells == &d.visa_b_to_a;
    for (const measure::VisaSpell& v : *spells) {
      std::string rule = Humanise(v.category);
      if (v.days) rule += ", " + FormatFixed(*v.days, 0) + " days";
      t.rows.push_back({w.Cell(b_holders ? w.facts().b : w.facts().a), w.Cell(b_holders ? w.facts().a : w.facts().b),
                        v.days ? w.CellFig(rule, v.first) : w.Cell(rule), w.CellFig(v.from, v.first),
                        w.CellFig(v.to, v.last)});
    }
  }
  s.blocks.emplace_back(std::move(t));
}

}  // namespace bilat::report::sections
