#include "app/query_changes.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "app/query_index.h"
#include "index/anomalies.h"
#include "index/components.h"
#include "index/relations_index.h"
#include "store/workspace.h"

namespace bilat::app {
namespace {

using store::SqliteDb;
using store::Statement;

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

template <typename RowFn>
Status ForEachRow(SqliteDb* db, const std::string& sql, const std::string& a, const std::string& since, RowFn row) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare(sql));
  BILAT_RETURN_IF_ERROR(st.Bind(1, a));
  BILAT_RETURN_IF_ERROR(st.Bind(2, since));
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) return Status::Ok();
    row(st);
  }
}

std::string Other(const std::string& parties, const std::string& a) {
  size_t start = 0;
  while (start <= parties.size()) {
    size_t end = parties.find(';', start);
    if (end == std::string::npos) end = parties.size();
    std::string p = parties.substr(start, end - start);
    if (p != a && !p.empty()) return p;
    start = end + 1;
  }
  return "";
}

// Ranks compared on the components whose sources cover both years: a
// component that starts or stops in between would move every rank.
void RankChanges(const index::SeriesComponents& comps, index::IndexSettings settings, const ChangesQuery& q,
                 int until, ChangesAnswer* out) {
  std::map<index::Axis, std::string> used;
  for (const index::ComponentValues& c : comps.components) {
    const bool covers = c.first_year && c.first_year <= q.since && c.last_year + c.spec->carry_years >= until;
    if (!covers) settings.weights[c.spec->id] = 0;
    std::string& u = used[c.spec->axis];
    if (covers && settings.weights[c.spec->id] > 0) u += (u.empty() ? "" : ",") + c.spec->id;
  }
  const index::RelationsIndex ix = index::ComputeIndex(comps, settings);
  std::map<std::string, const index::IndexRow*> then, now;
  for (const index::IndexRow* r : ix.Year(q.since)) then[r->partner] = r;
  for (const index::IndexRow* r : ix.Year(until)) now[r->partner] = r;
  for (const auto& [axis, name, axis_id] : {std::tuple{&index::IndexRow::weight, "weight", index::Axis::kWeight},
                                            std::tuple{&index::IndexRow::warmth, "warmth", index::Axis::kWarmth}}) {
    std::vector<Change> changes;
    for (const auto& [partner, r] : now) {
      auto t = then.find(partner);
      if (t == then.end() || !(r->*axis).rank || !(t->second->*axis).rank) continue;
      const int before = *(t->second->*axis).rank, after = *(r->*axis).rank;
      if (before == after) continue;
      Change c;
      c.date = std::to_string(until);
      c.partner = partner;
      c.kind = std::string(name) + "_rank";
      c.value = before - after;
      c.what = std::string(name) + " rank " + std::to_string(before) + " in " + std::to_string(q.since) + " -> " +
               std::to_string(after) + " in " + std::to_string(until) + " (score " +
               std::to_string(*(t->second->*axis).score).substr(0, 5) + " -> " +
               std::to_string(*(r->*axis).score).substr(0, 5) + ", on the components covering both years)";
      c.evidence = "components " + used[axis_id];
      changes.push_back(std::move(c));
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const Change& x, const Change& y) { return std::fabs(*x.value) > std::fabs(*y.value); });
    if (static_cast<int>(changes.size()) > q.top) changes.resize(q.top);
    out->changes.insert(out->changes.end(), changes.begin(), changes.end());
  }
}

// Months since `since` whose event balance lies three robust standard
// deviations (at least 0.3) below the partner's own median (the same rule
// as the report's risks section).
void EventMonths(const index::SeriesComponents& comps, const ChangesQuery& q, ChangesAnswer* out) {
  constexpr int kMinDays = 5;
  std::vector<Change> changes;
  for (const index::MonthlyValues& m : comps.monthly) {
    std::string file = m.files.empty() ? "" : *m.files.begin();
    for (const auto& [partner, months] : m.cells) {
      // Months with fewer than five days of coverage say little either way.
      std::vector<std::pair<std::string, double>> values;
      for (const auto& [month, cell] : months) {
        if (cell.rows >= kMinDays) values.push_back({month, cell.value});
      }
      std::optional<index::UnusualMonths> unusual = index::FindUnusualLowMonths(values);
      if (!unusual) continue;
      for (const auto& [month, value] : unusual->low) {
        if (std::stoi(month.substr(0, 4)) < q.since) continue;
        Change c;
        c.date = month;
        c.partner = partner;
        c.kind = "event_month";
        c.value = value;
        c.what = "event balance " + std::to_string(value).substr(0, 5) + " against a median of " +
                 std::to_string(unusual->median).substr(0, 5) + " (" + std::to_string(months.at(month).rows) +
                 " days with a score)";
        c.evidence = file + ", " + month;
        changes.push_back(std::move(c));
      }
    }
  }
  std::stable_sort(changes.begin(), changes.end(), [](const Change& x, const Change& y) { return *x.value < *y.value; });
  if (static_cast<int>(changes.size()) > q.top) changes.resize(q.top);
  out->changes.insert(out->changes.end(), changes.begin(), changes.end());
}

Status Agreements(SqliteDb* db, const ChangesQuery& q, ChangesAnswer* out) {
  const std::string since = std::to_string(q.since);
  return ForEachRow(
      db,
      "SELECT id, date, kind, parties, title, coalesce(level, ''), source_id, origin_file, origin_line FROM agreements "
      "WHERE instr(';' || parties || ';', ';' || ?1 || ';') > 0 AND date >= ?2 ORDER BY date, id",
      out->a, since, [&](Statement& st) {
        const std::string id = st.ColumnText(0);
        // The partnerships dataset's levels come from its observations
        // (PartnershipMoves), with the level they replace.
        if (id.rfind("partnerships:", 0) == 0) return;
        Change c;
        c.date = st.ColumnText(1);
        c.partner = Other(st.ColumnText(3), out->a);
        if (id.rfind("bri-", 0) == 0) {
          c.kind = "bri";
          c.what = st.ColumnText(4);
        } else if (st.ColumnText(2) == "partnership_level") {
          c.kind = "partnership";
          c.what = st.ColumnText(4);
        } else {
          c.kind = "agreement";
          c.what = st.ColumnText(2) + ": " + st.ColumnText(4);
        }
        c.evidence = st.ColumnText(7) + ":" + std::to_string(st.ColumnInt(8)) + " (" + id + ")";
        out->changes.push_back(std::move(c));
      });
}

// Partnership ranks: a row whose rank differs from the partner's previous one.
Status PartnershipMoves(SqliteDb* db, const ChangesQuery& q, ChangesAnswer* out) {
  std::string last_partner;
  double last_rank = 0;
  std::string last_text;
  const std::string since = std::to_string(q.since);
  return ForEachRow(
      db,
      "SELECT o.subject, o.period, o.value, o.text, f.path, o.line FROM observations o JOIN dataset_files f "
      "ON f.id = o.file_id AND f.current = 1 WHERE o.measure = 'partnership.rank' AND o.object = ?1 AND ?2 = ?2 "
      "ORDER BY o.subject, o.period",
      out->a, since, [&](Statement& st) {
        const std::string partner = st.ColumnText(0), period = st.ColumnText(1);
        const double rank = st.ColumnDouble(2);
        if (partner == last_partner && rank != last_rank && period >= since) {
          Change c;
          c.date = period;
          c.partner = partner;
          c.kind = "partnership";
          c.value = rank;
          c.what = std::string(rank > last_rank ? "upgraded" : "lowered") + ": " + last_text + " -> " +
                   st.ColumnText(3) + " (ladder level " + std::to_string(static_cast<int>(last_rank)) + " -> " +
                   std::to_string(static_cast<int>(rank)) + ")";
          c.evidence = BaseName(st.ColumnText(4)) + ":" + std::to_string(st.ColumnInt(5));
          out->changes.push_back(std::move(c));
        }
        last_partner = partner;
        last_rank = rank;
        last_text = st.ColumnText(3);
      });
}

// Visa rules: a release whose rule for a passport and destination differs
// from the previous release's (pandemic bans and "other" left out).
Status VisaMoves(SqliteDb* db, const ChangesQuery& q, ChangesAnswer* out) {
  std::string key, last_rule;
  const std::string since = std::to_string(q.since);
  return ForEachRow(
      db,
      "SELECT o.subject, o.object, o.period, o.text, f.path, o.line FROM observations o JOIN dataset_files f "
      "ON f.id = o.file_id AND f.current = 1 WHERE o.measure = 'visa.requirement' AND (o.subject = ?1 OR "
      "o.object = ?1) AND o.subject <> o.object AND ?2 = ?2 ORDER BY o.subject, o.object, o.period",
      out->a, since, [&](Statement& st) {
        const std::string subject = st.ColumnText(0), object = st.ColumnText(1), period = st.ColumnText(2),
                          rule = st.ColumnText(3);
        if (rule == "covid_ban" || rule == "other") return;
        const std::string k = subject + ">" + object;
        if (k == key && rule != last_rule && period >= since) {
          Change c;
          c.date = period;
          c.partner = subject == out->a ? object : subject;
          c.kind = "visa";
          c.what = subject + " passport to " + object + ": " + last_rule + " -> " + rule;
          c.evidence = BaseName(st.ColumnText(4)) + ":" + std::to_string(st.ColumnInt(5));
          out->changes.push_back(std::move(c));
        }
        if (k != key) key = k;
        last_rule = rule;
      });
}

}  // namespace

Result<ChangesAnswer> QueryChanges(const ChangesQuery& q, const CountryRegistry& countries) {
  ChangesAnswer out;
  BILAT_ASSIGN_OR_RETURN(const Country* a, countries.Resolve(q.a));
  out.a = a->alpha3;
  out.since = q.since;
  if (q.since < 1900 || q.since > 2100) return Status::InvalidArgument("--since needs a year, e.g. --since 2015");
  BILAT_ASSIGN_OR_RETURN(index::IndexSettings settings, LoadIndexSettingsOrDefault(q.weights_path));
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::OpenForReading(q.workspace));
  BILAT_ASSIGN_OR_RETURN(index::SeriesComponents comps, index::LoadSeriesComponents(ws->db(), out.a));
  index::RelationsIndex ix = index::ComputeIndex(comps, settings);
  out.until = ix.default_year;
  if (q.since < out.until) RankChanges(comps, settings, q, out.until, &out);
  EventMonths(comps, q, &out);
  BILAT_RETURN_IF_ERROR(Agreements(ws->db(), q, &out));
  BILAT_RETURN_IF_ERROR(PartnershipMoves(ws->db(), q, &out));
  BILAT_RETURN_IF_ERROR(VisaMoves(ws->db(), q, &out));
  return out;
}

}  // namespace bilat::app
