// Trade benchmark: a synthetic full-size BACI year (~11 million rows; see
// baci_synth.h) loaded into a fresh workspace by `bilat ingest baci`'s use
// case, and every indicator of one country against all of its partners.
//
// References in the same run, on the same machine:
//   load  - the plainest SQLite load of the same file: getline, split on
//           commas, one INSERT per row into a keyless table, one transaction
//           (no validation, no duplicate check, no totals);
//   query - the same indicators in plain SQL over the stored flows, without
//           the derived totals (GROUP BY over the year). Its figures are
//           compared with bilat's, so the benchmark also checks them.
//
//   trade_bench [--rows N] [--file PATH] [--workspace DIR] [--runs R] [--country ISO3]
//               [--query-only]   (reuse the workspace of an earlier run)
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/ingest_trade.h"
#include "baci_synth.h"
#include "core/country.h"
#include "ingest/trade/baci_reader.h"
#include "measure/trade_facts.h"
#include "store/workspace.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Runs `fn` in a child process; returns its wall time and peak RSS, or a
// negative time if it failed.
struct Measured {
  double seconds = -1, peak_rss_mib = 0;
};
template <typename Fn>
Measured InChild(Fn fn) {
  std::fflush(stdout);
  auto start = Clock::now();
  pid_t pid = fork();
  if (pid == 0) _exit(fn() ? 0 : 1);
  int status = 0;
  struct rusage ru {};
  wait4(pid, &status, 0, &ru);
  Measured m;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) m.seconds = Since(start);
  m.peak_rss_mib = ru.ru_maxrss / 1024.0;
  return m;
}

bool ReferenceLoad(const std::string& csv, const std::string& db_path, const bilat::ingest::BaciCodes& codes) {
  fs::remove(db_path);
  sqlite3* db = nullptr;
  if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) return false;
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                   "CREATE TABLE flows(t INT, i TEXT, j TEXT, k TEXT, v REAL, q REAL); BEGIN;",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO flows VALUES (?,?,?,?,?,?)", -1, &st, nullptr);
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::string f[6];
    size_t start = 0;
    for (int n = 0; n < 6; ++n) {
      size_t comma = line.find(',', start);
      f[n] = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      start = comma == std::string::npos ? line.size() : comma + 1;
    }
    sqlite3_bind_int(st, 1, std::atoi(f[0].c_str()));
    const std::string& i = codes.Country(std::atoi(f[1].c_str()));
    const std::string& j = codes.Country(std::atoi(f[2].c_str()));
    sqlite3_bind_text(st, 2, i.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, j.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, f[3].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 5, std::strtod(f[4].c_str(), nullptr) * 1000);
    sqlite3_bind_double(st, 6, std::strtod(f[5].c_str(), nullptr));
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  bool ok = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  return ok;
}

struct Reading {
  double exports = 0, imports = 0, share = 0, gl = -1, hhi = -1, intensity = -1;
  int rank = 0;
};

// bilat's figures for every partner of `a`.
std::map<std::string, Reading> BilatQuery(bilat::store::SqliteDb* db, int year, const std::string& a,
                                          size_t* chapters) {
  auto t = bilat::measure::LoadTradeYear(db, "baci", year, a);
  std::map<std::string, Reading> out;
  if (!t.ok()) {
    std::fprintf(stderr, "%s\n", t.status().ToString().c_str());
    return out;
  }
  for (const auto& p : bilat::measure::AllPartners(*t, a)) {
    Reading& r = out[p.partner];
    r.exports = p.totals.exports;
    r.imports = p.totals.imports;
    if (p.standing) r.share = p.standing->share_pct, r.rank = p.standing->rank;
    if (p.grubel_lloyd) r.gl = *p.grubel_lloyd;
    if (p.concentration) r.hhi = p.concentration->hhi;
    if (p.intensity) r.intensity = *p.intensity;
  }
  *chapters = bilat::measure::ExportChapters(*t, a, 100).size();
  return out;
}

// The same in plain SQL over trade_flows (no derived totals).
std::map<std::string, Reading> SqlQuery(sqlite3* db, int year, const std::string& a) {
  std::map<std::string, Reading> out;
  auto each = [&](const std::string& sql, auto fn) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      std::fprintf(stderr, "%s\n", sqlite3_errmsg(db));
      return;
    }
    sqlite3_bind_int(st, 1, year);
    sqlite3_bind_text(st, 2, a.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW) fn(st);
    sqlite3_finalize(st);
  };
  auto text = [](sqlite3_stmt* st, int c) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, c))); };
  const std::string flows = "FROM trade_flows WHERE dataset = 'baci' AND year = ?1 ";
  // Bilateral totals, shares and ranks.
  each("WITH x AS (SELECT partner p, SUM(value_usd) v " + flows + "AND reporter = ?2 GROUP BY partner), "
       "m AS (SELECT reporter p, SUM(value_usd) v " + flows + "AND partner = ?2 GROUP BY reporter), "
       "b AS (SELECT p, SUM(xv) xv, SUM(mv) mv FROM (SELECT p, v xv, 0 mv FROM x UNION ALL SELECT p, 0, v FROM m) "
       "GROUP BY p) "
       "SELECT p, xv, mv, 100.0 * (xv + mv) / (SELECT SUM(xv + mv) FROM b), "
       "RANK() OVER (ORDER BY xv + mv DESC) FROM b",
       [&](sqlite3_stmt* st) {
         Reading& r = out[text(st, 0)];
         r.exports = sqlite3_column_double(st, 1);
         r.imports = sqlite3_column_double(st, 2);
         r.share = sqlite3_column_double(st, 3);
         r.rank = sqlite3_column_int(st, 4);
       });
  // Grubel-Lloyd over products.
  each("WITH x AS (SELECT partner p, product k, value_usd v " + flows + "AND reporter = ?2), "
       "m AS (SELECT reporter p, product k, value_usd v " + flows + "AND partner = ?2), "
       "u AS (SELECT p, k, SUM(xv) xv, SUM(mv) mv FROM (SELECT p, k, v xv, 0 mv FROM x UNION ALL "
       "SELECT p, k, 0, v FROM m) GROUP BY p, k) "
       "SELECT p, 1.0 - SUM(ABS(xv - mv)) / SUM(xv + mv) FROM u GROUP BY p",
       [&](sqlite3_stmt* st) { out[text(st, 0)].gl = sqlite3_column_double(st, 1); });
  // HHI of a's exports to each partner.
  each("WITH x AS (SELECT partner p, value_usd v " + flows + "AND reporter = ?2), "
       "t AS (SELECT p, SUM(v) s FROM x GROUP BY p) "
       "SELECT x.p, SUM((x.v / t.s) * (x.v / t.s)) FROM x JOIN t ON t.p = x.p GROUP BY x.p",
       [&](sqlite3_stmt* st) { out[text(st, 0)].hhi = sqlite3_column_double(st, 1); });
  // Intensity: (x_ab / X_a) / (M_b / (M_w - M_a)).
  each("WITH imp AS (SELECT partner c, SUM(value_usd) v " + flows + "GROUP BY partner), "
       "xa AS (SELECT SUM(value_usd) v " + flows + "AND reporter = ?2), "
       "x AS (SELECT partner p, SUM(value_usd) v " + flows + "AND reporter = ?2 GROUP BY partner) "
       "SELECT x.p, (x.v / xa.v) / (imp.v / ((SELECT SUM(v) FROM imp) - (SELECT v FROM imp WHERE c = ?2))) "
       "FROM x, xa JOIN imp ON imp.c = x.p",
       [&](sqlite3_stmt* st) { out[text(st, 0)].intensity = sqlite3_column_double(st, 1); });
  return out;
}

double RelDiff(double a, double b) {
  double m = std::max(std::fabs(a), std::fabs(b));
  return m == 0 ? 0 : std::fabs(a - b) / m;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t target = 11'000'000;
  std::string file, workspace = "/tmp/bilat-trade-bench", country;
  int runs = 5;
  bool skip_load = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--rows" && i + 1 < argc) target = std::strtoull(argv[++i], nullptr, 10);
    else if (arg == "--file" && i + 1 < argc) file = argv[++i];
    else if (arg == "--workspace" && i + 1 < argc) workspace = argv[++i];
    else if (arg == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
    else if (arg == "--country" && i + 1 < argc) country = argv[++i];
    else if (arg == "--query-only") skip_load = true;
    else {
      std::fprintf(stderr, "usage: trade_bench [--rows N] [--file PATH] [--workspace DIR] [--runs R] "
                           "[--country ISO3] [--query-only]\n");
      return 2;
    }
  }
  if (file.empty()) file = "/tmp/bilat_trade_synth_" + std::to_string(target) + ".csv";
  const std::string codes_path = std::string(BILAT_SHARED_DIR) + "/data/trade/baci/country_codes_V202201.csv";
  auto codes = bilat::ingest::BaciCodes::LoadCountries(codes_path, codes_path);
  if (!codes.ok()) {
    std::fprintf(stderr, "%s\n", codes.status().ToString().c_str());
    return 1;
  }
  if (!fs::exists(file)) {
    // 200 codes with distinct ISO3 (BACI's file maps some old codes to the
    // same country, which a real BACI year never uses together).
    std::vector<int> country_codes;
    std::set<std::string> seen;
    for (int c = 1; c < 1000 && country_codes.size() < 200; ++c)
      if (!codes->Country(c).empty() && seen.insert(codes->Country(c)).second) country_codes.push_back(c);
    auto t0 = Clock::now();
    uint64_t rows = bilat::bench::GenerateBaciYear(file, country_codes, target);
    std::printf("generated %s: %llu rows in %.1f s\n", file.c_str(), static_cast<unsigned long long>(rows), Since(t0));
  }
  std::printf("file %s: %.2f GB\n", file.c_str(), fs::file_size(file) / 1e9);

  // Load: reference first, then bilat, each in its own process.
  if (!skip_load) {
  Measured ref = InChild([&] { return ReferenceLoad(file, workspace + "-reference.db", *codes); });
  std::printf("load  reference (plain SQLite inserts, no checks): %6.2f s, peak RSS %6.0f MiB\n", ref.seconds,
              ref.peak_rss_mib);
  for (const char* suffix : {"-reference.db", "-reference.db-wal", "-reference.db-shm"}) fs::remove(workspace + suffix);
  fs::remove_all(workspace);
  auto countries = bilat::CountryRegistry::LoadDefault();
  if (!countries.ok()) {
    std::fprintf(stderr, "%s\n", countries.status().ToString().c_str());
    return 1;
  }
  Measured load = InChild([&] {
    if (!bilat::store::Workspace::Init(workspace).ok()) return false;
    bilat::app::IngestTradeOptions o;
    o.workspace = workspace;
    o.dataset = "baci";
    o.files = {file};
    o.baci_countries = codes_path;
    auto r = bilat::app::IngestTrade(o, **countries);
    if (!r.ok() || r->files.empty() || r->files[0].state != bilat::app::TradeFileOutcome::State::kStored) {
      std::fprintf(stderr, "ingest failed: %s\n",
                   r.ok() && !r->files.empty() ? r->files[0].error.c_str() : r.status().ToString().c_str());
      return false;
    }
    const auto& f = r->files[0];
    std::printf("      bilat: %llu rows read, %llu stored, %llu issues; totals rebuilt in %.2f s\n",
                static_cast<unsigned long long>(f.rows_read), static_cast<unsigned long long>(f.stored),
                static_cast<unsigned long long>(f.issues), f.seconds_totals);
    std::fflush(stdout);
    return true;
  });
  std::printf("load  bilat ingest baci (validated, keyed, totals): %6.2f s, peak RSS %6.0f MiB (target 30 s)\n",
              load.seconds, load.peak_rss_mib);
  if (load.seconds < 0) return 1;
  }

  auto ws = bilat::store::Workspace::Open(workspace);
  if (!ws.ok()) return 1;
  bilat::store::SqliteDb* db = (*ws)->db();
  auto years = bilat::store::TradeYears(db, "baci");
  if (!years.ok() || years->empty()) return 1;
  const int year = years->back();
  if (country.empty()) {
    // The largest trader of the year: the heaviest query.
    auto st = db->Prepare("SELECT country FROM trade_totals WHERE dataset = 'baci' AND year = ? AND partner = 'WLD' "
                          "GROUP BY country ORDER BY SUM(value_usd) DESC LIMIT 1");
    if (!st.ok() || !st->BindInt(1, year).ok() || !*st->Step()) return 1;
    country = st->ColumnText(0);
  }

  std::vector<double> bilat_times, sql_times;
  std::map<std::string, Reading> ours, theirs;
  size_t chapters = 0;
  sqlite3* raw = db->handle();
  for (int r = 0; r < runs; ++r) {
    auto t0 = Clock::now();
    ours = BilatQuery(db, year, country, &chapters);
    bilat_times.push_back(Since(t0));
    if (r < 2) {  // the reference is slow; two runs are enough
      t0 = Clock::now();
      theirs = SqlQuery(raw, year, country);
      sql_times.push_back(Since(t0));
    }
  }
  std::printf("query %s against all %zu partners, %d (every indicator, %zu export chapters):\n", country.c_str(),
              ours.size(), year, chapters);
  std::printf("      bilat (derived totals + own flows): median %.3f s of %d runs (target 1 s)\n",
              Median(bilat_times), runs);
  std::printf("      reference (plain SQL over the flows): median %.3f s of %zu runs\n", Median(sql_times),
              sql_times.size());
  double worst = 0;
  int rank_mismatch = 0, missing = 0;
  for (const auto& [p, r] : theirs) {
    auto it = ours.find(p);
    if (it == ours.end()) {
      ++missing;
      continue;
    }
    const Reading& o = it->second;
    for (auto [x, y] : {std::pair{o.exports, r.exports}, {o.imports, r.imports}, {o.share, r.share},
                        {o.gl, r.gl}, {o.hhi, r.hhi}, {o.intensity, r.intensity}}) {
      worst = std::max(worst, RelDiff(x, y));
    }
    if (o.rank != r.rank) ++rank_mismatch;
  }
  std::printf("      check: %zu partners in the reference, %d missing in bilat, %d ranks differ, "
              "largest relative difference %.2e\n",
              theirs.size(), missing, rank_mismatch, worst);
  return missing == 0 && rank_mismatch == 0 && worst < 1e-9 ? 0 : 1;
}
