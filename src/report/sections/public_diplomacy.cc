// China's public diplomacy towards the partner (people section), from
// AidData's panel: elite visits, Confucius Institutes, sister cities,
// students and media ties, with the years the panel covers.
#include "report/format.h"
#include "report/sections/sections.h"

namespace bilat::report::sections {
namespace {

struct Sum {
  double value = 0;
  int first = 0, last = 0;
  std::vector<const Record*> records;
};

Sum SumOf(const std::vector<measure::YearValue>& series) {
  Sum s;
  for (const auto& y : series) {
    s.value += y.value;
    s.records.insert(s.records.end(), y.records.begin(), y.records.end());
  }
  if (!series.empty()) {
    s.first = series.front().year;
    s.last = series.back().year;
  }
  return s;
}

}  // namespace

void PublicDiplomacyBlock(ReportWriter& w, Section& s) {
  const auto& pd = w.facts().datasets.public_diplomacy;
  if (pd.empty()) return;
  auto get = [&](const char* m) -> const std::vector<measure::YearValue>* {
    auto it = pd.find(m);
    return it == pd.end() || it->second.empty() ? nullptr : &it->second;
  };
  Prose p;
  w.T(&p, "AidData's panel of Chinese public diplomacy counts ");
  bool any = false;
  struct Item {
    const char* measure;
    const char* words;
  };
  constexpr Item kSums[] = {{"pd.government_visits", " government visits"},
                            {"pd.military_visits", " military visits"},
                            {"pd.sister_cities_established", " sister-city or province pairs established"},
                            {"pd.confucius_institutes", " Confucius Institutes opened"},
                            {"pd.journalist_visits", " journalist visits"},
                            {"pd.ambassador_op_eds", " op-eds by China's ambassador"}};
  int first = 9999, last = 0;
  std::vector<const Record*> all;
  for (const Item& item : kSums) {
    const auto* series = get(item.measure);
    if (!series) continue;
    Sum sum = SumOf(*series);
    w.T(&p, any ? ", " : "");
    w.F(&p, CountWord(static_cast<long long>(sum.value)), sum.records);
    w.T(&p, item.words);
    first = std::min(first, sum.first);
    last = std::max(last, sum.last);
    all.insert(all.end(), sum.records.begin(), sum.records.end());
    any = true;
  }
  if (!any) return;
  w.T(&p, " between ");
  w.F(&p, std::to_string(first), all);
  w.T(&p, " and ");
  w.F(&p, std::to_string(last), all);
  w.T(&p, ". ");
  if (const auto* students = get("pd.inbound_students_to_china")) {
    const auto& a = students->front();
    const auto& b = students->back();
    w.T(&p, "Students from " + (w.facts().a == "CHN" ? w.pb() : w.pa()) + " in China numbered ");
    w.F(&p, FormatNumber(a.value, 0), a.records);
    w.T(&p, " in ");
    w.F(&p, std::to_string(a.year), a.records);
    if (b.year != a.year) {
      w.T(&p, " and ");
      w.F(&p, FormatNumber(b.value, 0), b.records);
      w.T(&p, " in ");
      w.F(&p, std::to_string(b.year), b.records);
    }
    w.T(&p, ". ");
  }
  w.T(&p, "The panel covers East Asia and the Pacific to its last year of data and South and Central Asia; a "
          "missing value is not a zero.");
  w.Add(s, std::move(p));
}

}  // namespace bilat::report::sections
