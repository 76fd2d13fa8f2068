// Blocks of the risks section that measure exposure rather than list
// incidents: how much each side's trade depends on the other, how large the
// official finance committed to the partner is beside its economy, and the
// months in which the balance of event coverage fell far below the pair's
// own usual level.
#include <algorithm>
#include <cmath>
#include <map>

#include "index/anomalies.h"
#include "report/format.h"
#include "report/sections/sections.h"

namespace bilat::report::sections {

bool DependenceBlock(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  for (const measure::TradeStatistics& ts : f.trade_stats) {
    for (size_t i = ts.readings.size(); i-- > 0;) {
      const measure::TradeReading& r = ts.readings[i];
      if (!r.ab.standing || !r.ab.partner_standing) continue;
      const Record* rec = &ts.year_records[i];
      Prose p;
      w.T(&p, "Dependence: in ");
      w.F(&p, std::to_string(r.year), {rec});
      w.T(&p, ", " + w.pb() + " took ");
      w.F(&p, FormatPct(r.ab.standing->share_pct), {rec});
      w.T(&p, " of " + w.pa() + "'s trade (");
      w.F(&p, std::to_string(r.ab.standing->rank), {rec});
      w.T(&p, " of ");
      w.F(&p, std::to_string(r.ab.standing->partners), {rec});
      w.T(&p, " partners by size) and " + w.pa() + " ");
      w.F(&p, FormatPct(r.ab.partner_standing->share_pct), {rec});
      w.T(&p, " of " + w.pb() + "'s (");
      w.F(&p, std::to_string(r.ab.partner_standing->rank), {rec});
      w.T(&p, " of ");
      w.F(&p, std::to_string(r.ab.partner_standing->partners), {rec});
      w.T(&p, std::string("). ") +
                  (r.ab.partner_standing->share_pct > 3 * r.ab.standing->share_pct
                       ? "The dependence runs mostly one way: " + w.pb() + " relies on " + w.pa() +
                             " far more than the reverse."
                       : r.ab.standing->share_pct > 3 * r.ab.partner_standing->share_pct
                             ? "The dependence runs mostly one way: " + w.pa() + " relies on " + w.pb() +
                                   " far more than the reverse."
                             : "Neither side depends on the other much more than the reverse."));
      w.Add(s, std::move(p));
      return true;
    }
  }
  return false;
}

bool DebtExposureBlock(ReportWriter& w, Section& s) {
  const measure::PairFacts& f = w.facts();
  const measure::DatasetFacts& d = f.datasets;
  auto it = d.finance.find("gcdf.usd_const_2021");
  if (it == d.finance.end() || it->second.empty()) return false;
  double sum = 0;
  std::vector<const Record*> recs;
  for (const measure::YearValue& y : it->second) {
    sum += y.value;
    recs.insert(recs.end(), y.records.begin(), y.records.end());
  }
  if (sum <= 0) return false;
  // The recipient's GDP in the last year of the finance series, or the
  // nearest year before it.
  const int last = it->second.back().year;
  const Record* gdp = nullptr;
  for (const Record& r : f.Of("indicators")) {
    if (r.Text("indicator") != "gdp" || r.Text("country") != d.finance_recipient) continue;
    const int y = static_cast<int>(r.Number("year").value_or(0));
    if (y > last) continue;
    if (!gdp || y > static_cast<int>(gdp->Number("year").value_or(0))) gdp = &r;
  }
  Prose p;
  w.T(&p, "Debt exposure: official finance committed by " + w.Name(d.finance_lender) + " to " +
              w.Name(d.finance_recipient) + " from ");
  w.F(&p, std::to_string(it->second.front().year), recs);
  w.T(&p, " to ");
  w.F(&p, std::to_string(last), recs);
  w.T(&p, " adds up to ");
  w.F(&p, FormatUsd(sum), recs);
  w.T(&p, " in constant dollars of ");
  w.F(&p, "2021", recs);
  if (gdp && gdp->Number("value").value_or(0) > 0) {
    w.T(&p, ", ");
    w.F(&p, FormatPct(100 * sum / *gdp->Number("value")), {recs.front(), gdp});
    w.T(&p, " of " + w.Name(d.finance_recipient) + "'s GDP in ");
    w.F(&p, std::to_string(static_cast<int>(*gdp->Number("year"))), {gdp});
    w.T(&p, ". Commitments are not debt outstanding: loans are repaid, cancelled or never drawn, and grants are "
            "included, so the share is an upper bound on exposure, not a measure of it.");
  } else {
    w.T(&p, "; the workspace holds no GDP of the recipient to set it against (bilat ingest wdi adds it).");
  }
  w.Add(s, std::move(p));
  return true;
}

bool AnomalousMonthsBlock(ReportWriter& w, Section& s) {
  const measure::DatasetFacts& d = w.facts().datasets;
  struct Month {
    double net = 0, abs = 0;
    std::vector<const Record*> records;
  };
  std::map<std::string, Month> months;
  for (size_t i = 0; i < d.observations.size(); ++i) {
    const store::StoredObservation& o = d.observations[i];
    if (o.measure != "gdelt.china_score" || !o.value || o.period.size() < 7) continue;
    Month& m = months[o.period.substr(0, 7)];
    m.net += *o.value;
    m.abs += std::fabs(*o.value);
    m.records.push_back(&d.records[i]);
  }
  // Whole months only.
  if (!d.score_last_day.empty() && d.score_last_day.substr(8, 2) < "28") months.erase(d.score_last_day.substr(0, 7));
  std::vector<std::pair<std::string, double>> balance;
  for (const auto& [month, m] : months) {
    if (m.abs > 0) balance.push_back({month, m.net / m.abs});
  }
  std::optional<index::UnusualMonths> unusual = index::FindUnusualLowMonths(balance);
  if (!unusual) return false;
  const double med = unusual->median;
  const std::vector<std::pair<std::string, double>>& low = unusual->low;
  Prose p;
  w.T(&p, "Against the pair's own history (");
  std::vector<const Record*> all;
  for (const auto& [month, m] : months) all.push_back(m.records.front());
  w.F(&p, CountWord(static_cast<long long>(balance.size())), all);
  w.T(&p, " months of the GDELT-derived daily score, whose monthly balance has a median of ");
  w.F(&p, FormatFixed(med, 2), all);
  w.T(&p, "), ");
  if (low.empty()) {
    w.T(&p, "no month's balance fell three robust standard deviations (and at least three tenths) below the median.");
    w.Add(s, std::move(p));
    return true;
  }
  w.F(&p, CountWord(static_cast<long long>(low.size())), all);
  w.T(&p, Plural(static_cast<long long>(low.size()), " month stands", " months stand") +
              " out as unusually conflictual (three robust standard deviations, and at least three tenths, below the median): ");
  const size_t shown = std::min<size_t>(5, low.size());
  AppendList(shown, [&](size_t i) {
    const Month& m = months[low[i].first];
    w.F(&p, Date::Parse(low[i].first)->ToEnglish(), m.records);
    w.T(&p, " (");
    w.F(&p, FormatFixed(low[i].second, 2), m.records);
    w.T(&p, ")");
  }, &p);
  w.T(&p, std::string(low.size() > shown ? ", the lowest of them" : "") +
              ". A low month points to coverage worth reading, not to a crisis by itself.");
  w.Add(s, std::move(p));
  return true;
}

}  // namespace bilat::report::sections
