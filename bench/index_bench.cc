// Relations index benchmark: the index for every partner and every year of
// a series, and the backtests and forecasts of every partner's series, on a
// real workspace (scripts/series_workspace.sh), beside a reference in the
// same run: plain SQLite reading the rows the components rest on, with no
// computation (the floor any index over this store must pay).
//
//   build/bench/index_bench W [COUNTRY=CHN] [RUNS=5]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "index/components.h"
#include "index/relations_index.h"
#include "index/trajectory.h"
#include "store/workspace.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The rows the components read, read and summed by plain SQLite.
double ReferenceRead(const std::string& db_path, const std::string& country, long long* rows) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  const char* kQueries[] = {
      "SELECT value_usd FROM trade_totals INDEXED BY trade_totals_by_country WHERE country = ?1",
      "SELECT value_usd FROM trade_totals INDEXED BY trade_totals_by_partner WHERE partner = ?1",
      "SELECT value, date FROM projects WHERE investor = ?1",
      "SELECT date, leader FROM exchanges WHERE \"from\" = ?1 OR \"to\" = ?1",
      "SELECT date FROM people WHERE partner = ?1",
      "SELECT date FROM agreements WHERE instr(';' || parties || ';', ';' || ?1 || ';') > 0",
      "SELECT value, period FROM observations WHERE measure = 'gdelt.china_score' AND (subject = ?1 OR object = ?1)",
      "SELECT value, period FROM observations WHERE measure = 'unga.agree' AND object = ?1",
      "SELECT value, period FROM observations WHERE measure = 'gcdf.usd_const_2021' AND object = ?1",
      "SELECT period, subject FROM observations WHERE measure = 'lowy.post'",
      "SELECT text, period FROM observations WHERE measure = 'visa.requirement' AND (subject = ?1 OR object = ?1)",
      "SELECT value, period FROM observations WHERE measure = 'partnership.rank' AND object = ?1",
      "SELECT value, period FROM observations WHERE measure = 'pd.inbound_students_to_china' AND subject = ?1",
  };
  auto t0 = Clock::now();
  double sum = 0;
  *rows = 0;
  for (const char* sql : kQueries) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) continue;
    sqlite3_bind_text(st, 1, country.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW) {
      sum += sqlite3_column_double(st, 0) + static_cast<double>(sqlite3_column_bytes(st, 1));
      ++*rows;
    }
    sqlite3_finalize(st);
  }
  const double s = Seconds(t0);
  sqlite3_close(db);
  if (sum == -1) std::printf("impossible\n");
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: index_bench WORKSPACE [COUNTRY] [RUNS]\n");
    return 2;
  }
  const std::string dir = argv[1];
  const std::string country = argc > 2 ? argv[2] : "CHN";
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  auto ws = bilat::store::Workspace::Open(dir);
  if (!ws.ok()) {
    std::fprintf(stderr, "index_bench: %s\n", ws.status().message().c_str());
    return 1;
  }
  std::vector<double> load, index, traj, ref;
  size_t rows = 0, partners = 0, series = 0;
  long long ref_rows = 0;
  int years = 0;
  for (int r = 0; r < runs; ++r) {
    ref.push_back(ReferenceRead(dir + "/bilat.db", country, &ref_rows));
    auto t0 = Clock::now();
    auto comps = bilat::index::LoadSeriesComponents((*ws)->db(), country);
    if (!comps.ok()) {
      std::fprintf(stderr, "index_bench: %s\n", comps.status().message().c_str());
      return 1;
    }
    load.push_back(Seconds(t0));
    t0 = Clock::now();
    bilat::index::RelationsIndex ix = bilat::index::ComputeIndex(*comps, bilat::index::DefaultIndexSettings());
    index.push_back(Seconds(t0));
    t0 = Clock::now();
    bilat::index::Trajectories tr = bilat::index::ComputeTrajectories(*comps, ix);
    traj.push_back(Seconds(t0));
    rows = ix.rows.size();
    partners = comps->partners.size();
    years = ix.last_year - ix.first_year + 1;
    series = 0;
    for (const auto& k : tr.kinds) series += k.series.size();
  }
  std::printf("index_bench %s, %s: %zu partners, %d years, %zu partner-year rows, %zu forecast series; median of %d\n",
              dir.c_str(), country.c_str(), partners, years, rows, series, runs);
  std::printf("%-52s %8.3f s (%lld rows)\n", "reference: plain SQLite reads of the component rows", Median(ref),
              ref_rows);
  std::printf("%-52s %8.3f s (%.2fx the reference)\n", "components read for every partner (LoadSeriesComponents)",
              Median(load), Median(load) / Median(ref));
  std::printf("%-52s %8.3f s\n", "index: every partner, every year (ComputeIndex)", Median(index));
  std::printf("%-52s %8.3f s\n", "index total (read + compute)", Median(load) + Median(index));
  std::printf("%-52s %8.3f s\n", "backtests + forecasts, whole series (Trajectories)", Median(traj));
  return 0;
}
