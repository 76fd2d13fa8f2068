// Belt and Road membership (political section): the month the partner signed
// its cooperation document with China, and any exit, from the Green Finance
// & Development Center's list.
#include "report/format.h"
#include "report/sections/sections.h"

namespace bilat::report::sections {

void BeltAndRoadParagraph(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  if (f.a != "CHN" && f.b != "CHN") return;
  const std::string partner = f.a == "CHN" ? w.pb() : w.pa();
  const Record* joined = nullptr;
  const Record* exited = nullptr;
  for (const Record& r : f.Of("agreements")) {
    const std::string id = r.Text("id");
    if (id.rfind("bri-gfdc:join-", 0) == 0) joined = &r;
    if (id.rfind("bri-gfdc:exit-", 0) == 0) exited = &r;
  }
  Prose p;
  if (joined) {
    w.T(&p, Capitalise(partner) + " joined the Belt and Road Initiative in ");
    w.F(&p, joined->DateOf("date").ToEnglish(), {joined});
    w.T(&p, ", the month the Green Finance & Development Center's list gives for its cooperation document with China");
    if (exited) {
      w.T(&p, "; it left in ");
      w.F(&p, exited->DateOf("date").ToEnglish(), {exited});
    }
    w.T(&p, ".");
  } else if (f.datasets.bri_uncertain) {
    w.T(&p, "The Green Finance & Development Center's list counts " + partner +
                " among the Belt and Road countries but gives no date for its cooperation document");
    w.F(&p, " (uncertain)", {f.datasets.bri_uncertain});
    w.T(&p, ".");
  } else {
    return;
  }
  w.Add(s, std::move(p));
}

}  // namespace bilat::report::sections
