// BACI load benchmark: generates a deterministic synthetic BACI year
// (t,i,j,k,v,q; ~11 million rows by default) and times bilat's loader on it,
// against a plain getline + strtod reference reading the same file. Each
// mode runs in a child process so its peak RSS is its own.
//
//   baci_load_bench [--rows N] [--file PATH] [--runs R] [--keep]
//
// The file is written once to PATH (default /tmp/bilat_baci_synth_<N>.csv)
// and reused while its size matches; --keep leaves it behind.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "baci_synth.h"
#include "ingest/trade/baci_reader.h"

namespace {

using bilat::ingest::BaciCodes;
using bilat::ingest::TradeFlow;
using bilat::ingest::TradeLoadResult;

struct Totals {
  uint64_t flows = 0;
  double value_usd = 0;
  double quantity_t = 0;
};

// bilat: streaming callback, aggregating; nothing held per row.
Totals RunBilatStream(const std::string& path, const BaciCodes& codes, uint64_t* issues) {
  Totals t;
  TradeLoadResult summary;
  bilat::Status st = bilat::ingest::ReadBaci(
      path, codes,
      [&](const TradeFlow& f) {
        ++t.flows;
        t.value_usd += f.value_usd;
        if (f.quantity) t.quantity_t += *f.quantity;
      },
      &summary);
  if (!st.ok()) std::fprintf(stderr, "%s\n", st.ToString().c_str());
  *issues = summary.issues.size() + summary.issues_suppressed;
  return t;
}

// bilat: the collecting convenience (every TradeFlow kept in memory).
Totals RunBilatCollect(const std::string& path, const BaciCodes& codes, uint64_t* issues) {
  Totals t;
  auto r = bilat::ingest::LoadBaci(path, codes);
  if (!r.ok()) {
    std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
    return t;
  }
  for (const auto& f : r->flows) {
    ++t.flows;
    t.value_usd += f.value_usd;
    if (f.quantity) t.quantity_t += *f.quantity;
  }
  *issues = r->issues.size() + r->issues_suppressed;
  return t;
}

// Reference: what one writes first: std::getline, split on commas, strtod,
// the code table lookup; no checks beyond that.
Totals RunReference(const std::string& path, const BaciCodes& codes, uint64_t* issues) {
  Totals t;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  *issues = 0;
  while (std::getline(in, line)) {
    const char* p = line.c_str();
    char* end;
    strtol(p, &end, 10);
    long i = strtol(end + 1, &end, 10);
    long j = strtol(end + 1, &end, 10);
    std::string k(end + 1, 6);
    double v = strtod(end + 8, &end);
    double q = strtod(end + 1, &end);
    if (codes.Country(static_cast<int>(i)).empty() || codes.Country(static_cast<int>(j)).empty()) {
      ++*issues;
      continue;
    }
    ++t.flows;
    t.value_usd += v * 1000;
    if (*end == '\0' || q != 0) t.quantity_t += q;  // "NA" parses as 0
  }
  return t;
}

struct Measure {
  double seconds = 0;
  double peak_rss_mib = 0;
  Totals totals;
  uint64_t issues = 0;
};

// Runs `fn` in a child; returns its wall time, peak RSS and results.
template <typename Fn>
Measure InChild(Fn fn) {
  int fds[2];
  if (pipe(fds) != 0) std::abort();
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    Measure m;
    m.totals = fn(&m.issues);
    if (write(fds[1], &m, sizeof m) != sizeof m) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  Measure m;
  if (read(fds[0], &m, sizeof m) != sizeof m) std::fprintf(stderr, "child failed\n");
  close(fds[0]);
  int status;
  struct rusage ru;
  wait4(pid, &status, 0, &ru);
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.peak_rss_mib = ru.ru_maxrss / 1024.0;
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t target = 11'000'000;
  std::string file;
  int runs = 3;
  bool keep = false;
  for (int a = 1; a < argc; ++a) {
    std::string arg = argv[a];
    if (arg == "--rows" && a + 1 < argc)
      target = std::strtoull(argv[++a], nullptr, 10);
    else if (arg == "--file" && a + 1 < argc)
      file = argv[++a];
    else if (arg == "--runs" && a + 1 < argc)
      runs = std::atoi(argv[++a]);
    else if (arg == "--keep")
      keep = true;
    else {
      std::fprintf(stderr, "usage: baci_load_bench [--rows N] [--file PATH] [--runs R] [--keep]\n");
      return 2;
    }
  }
  if (file.empty()) file = "/tmp/bilat_baci_synth_" + std::to_string(target) + ".csv";
  std::string codes_path =
      std::string(BILAT_SHARED_DIR) + "/data/trade/baci/country_codes_V202201.csv";
  auto codes = BaciCodes::LoadCountries(codes_path, codes_path);
  if (!codes.ok()) {
    std::fprintf(stderr, "%s\n", codes.status().ToString().c_str());
    return 1;
  }
  std::vector<int> country_codes;
  for (int c = 1; c < 1000 && country_codes.size() < 200; ++c)
    if (!codes->Country(c).empty()) country_codes.push_back(c);

  bool have = false;
  if (FILE* f = std::fopen(file.c_str(), "rb")) {
    have = true;
    std::fclose(f);
  }
  if (!have) {
    auto t0 = std::chrono::steady_clock::now();
    uint64_t rows = bilat::bench::GenerateBaciYear(file, country_codes, target);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("generated %s: %llu rows in %.1f s\n", file.c_str(),
                static_cast<unsigned long long>(rows), s);
  }
  FILE* f = std::fopen(file.c_str(), "rb");
  std::fseek(f, 0, SEEK_END);
  long long bytes = std::ftell(f);
  std::fclose(f);

  struct Mode {
    const char* name;
    Totals (*fn)(const std::string&, const BaciCodes&, uint64_t*);
  };
  const Mode kModes[] = {{"bilat ReadBaci (callback, aggregating)", RunBilatStream},
                         {"bilat LoadBaci (collects every flow)", RunBilatCollect},
                         {"reference getline+strtod", RunReference}};
  std::vector<Measure> best(3);
  for (int r = 0; r < runs; ++r) {
    for (int m = 0; m < 3; ++m) {
      Measure x = InChild([&](uint64_t* issues) { return kModes[m].fn(file, *codes, issues); });
      if (r == 0 || x.seconds < best[m].seconds) best[m] = x;
    }
  }
  std::printf("file: %lld bytes, %.2f MiB; best of %d runs\n", bytes, bytes / 1048576.0, runs);
  std::printf("%-42s %8s %10s %9s %9s %12s %8s %s\n", "mode", "wall s", "M rows/s", "MB/s",
              "RSS MiB", "flows", "issues", "vs ref");
  for (int m = 0; m < 3; ++m) {
    const Measure& x = best[m];
    std::printf("%-42s %8.2f %10.2f %9.0f %9.0f %12llu %8llu %7.2fx\n", kModes[m].name, x.seconds,
                x.totals.flows / x.seconds / 1e6, bytes / x.seconds / 1e6, x.peak_rss_mib,
                static_cast<unsigned long long>(x.totals.flows),
                static_cast<unsigned long long>(x.issues), best[2].seconds / x.seconds);
  }
  std::printf("totals: bilat %.6e USD, %.6e t; reference %.6e USD, %.6e t\n",
              best[0].totals.value_usd, best[0].totals.quantity_t, best[2].totals.value_usd,
              best[2].totals.quantity_t);
  if (!keep && !have) std::remove(file.c_str());
  return best[0].totals.flows == best[2].totals.flows ? 0 : 1;
}
