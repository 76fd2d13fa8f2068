// The outlook section: each stated target and what reaching it requires.
#include "report/sections/sections.h"

#include <string>

#include "report/format.h"

namespace bilat::report::sections {
namespace {

std::string IndicatorLabel(const std::string& indicator) {
  if (indicator == "gdp") return "GDP in current US dollars";
  if (indicator == "gdp_growth_pct") return "real GDP growth";
  if (indicator == "population") return "population";
  if (indicator == "gdp_per_capita") return "GDP per head";
  if (indicator == "trade_total") return "bilateral trade";
  return Humanise(indicator);
}

std::string TargetValue(const Record* t, const char* column) {
  auto v = t->Number(column);
  if (!v) return "";
  if (t->Text("indicator").ends_with("_pct")) return FormatPct(*v);
  if (!t->Text("currency").empty()) return FormatMoney(*v, t->Text("currency"));
  return FormatNumber(*v);
}

std::string TargetValueOf(double v, const Record* t) {
  if (t->Text("indicator") == "population") return FormatNumber(v, 0);
  return FormatUsd(v);
}

}  // namespace

void Outlook(ReportWriter& w) {
  const measure::PairFacts& f = w.facts();
  Section& s = w.NewSection("outlook", "Outlook");
  if (f.targets.empty()) {
    Prose p;
    w.T(&p, "The workspace holds no stated targets for this pair.");
    w.Add(s, std::move(p));
    return;
  }
  for (const measure::TargetAssessment& a : f.targets) {
    const Record* t = a.target;
    std::string indicator = t->Text("indicator");
    const bool is_rate = indicator.ends_with("_pct");
    Prose p;
    std::string who = w.Name(t->Text("country"));
    w.T(&p, who + "'s stated target");
    if (!t->Text("stated_by").empty()) {
      w.T(&p, ", set out by ");
      w.D(&p, t->Text("stated_by"), t);
    }
    w.T(&p, t->DateOf("stated").precision() == DatePrecision::kDay ? " on " : " in ");
    w.F(&p, t->DateOf("stated").ToEnglish(), {t});
    w.T(&p, ", is " + IndicatorLabel(indicator) + " of ");
    std::string value = TargetValue(t, "target_value");
    if (t->Number("target_value_high")) {
      std::string hi = TargetValue(t, "target_value_high");
      if (is_rate) {
        value = FormatNumber(*t->Number("target_value"), 1) + "\u2013" +
                FormatNumber(*t->Number("target_value_high"), 1) + "%";  // "6–7%"
      }
      else value += "\u2013" + hi;
    }
    w.F(&p, value, {t});
    if (is_rate) w.T(&p, " a year");
    if (auto y = t->Int("target_year")) {
      w.T(&p, " by ");
      w.F(&p, std::to_string(*y), {t});
    }
    w.T(&p, ". ");
    if (!a.latest) {
      w.T(&p, "No observations of " + IndicatorLabel(indicator) + " are stored for " + who +
                ", so what the target requires cannot be computed.");
      w.Add(s, std::move(p));
      continue;
    }
    if (is_rate) {
      if (a.recent_growth_pct) {
        w.T(&p, "Over ");
        w.F(&p, std::to_string(a.latest_year - a.recent_years + 1) + "\u2013" + std::to_string(a.latest_year),
          a.recent_inputs);
        w.T(&p, ", " + IndicatorLabel(indicator) + " averaged ");
        w.F(&p, FormatPct(*a.recent_growth_pct), a.recent_inputs);
        w.T(&p, " a year");
        double lo = *t->Number("target_value");
        double hi = t->Number("target_value_high").value_or(lo);
        w.T(&p, *a.recent_growth_pct >= lo ? (*a.recent_growth_pct <= hi ? ", within the target range."
                                                                         : ", above the target.")
                                         : ", below the target.");
      }
    } else {
      w.T(&p, "From ");
      w.F(&p, TargetValueOf(a.latest_value, t), {a.latest});
      w.T(&p, " in ");
      w.F(&p, std::to_string(a.latest_year), {a.latest});
      if (a.required_growth_pct) {
        w.T(&p, ", reaching it requires growth of ");
        w.F(&p, FormatPct(*a.required_growth_pct), {t, a.latest});
        w.T(&p, " a year");
        if (indicator == "gdp") w.T(&p, " in current dollars");
      }
      w.T(&p, ".");
      if (a.recent_growth_pct && a.record_start) {
        w.T(&p, " Over the ");
        w.F(&p, CountWord(a.recent_years), {a.record_start, a.latest});
        w.T(&p, " years to ");
        w.F(&p, std::to_string(a.latest_year), {a.latest});
        w.T(&p, " it grew ");
        w.F(&p, FormatPct(*a.recent_growth_pct), {a.record_start, a.latest});
        w.T(&p, " a year");
        if (a.required_growth_pct) {
          w.T(&p, *a.recent_growth_pct >= *a.required_growth_pct
                    ? ": the recent record is at or above the pace required."
                    : ": the target needs a faster pace than the recent record.");
        } else {
          w.T(&p, ".");
        }
      }
    }
    w.Add(s, std::move(p));
  }
}

}  // namespace bilat::report::sections
