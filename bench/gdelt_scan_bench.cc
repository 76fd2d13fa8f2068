// GDELT scan benchmark driver: runs bilat's scanner on one file and prints
// one JSON line (seconds, MB/s, rows/s, groups, peak RSS), optionally writing
// the aggregate in the reference kit's CSV layout so that check_aggs.py can
// compare it with DuckDB's. bench/gdelt_bench.sh runs both engines.
//
//   gdelt_scan_bench FILE [--threads N] [--out agg.csv]
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <tuple>

#include "ingest/events/event_scan.h"

using namespace bilat::ingest;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gdelt_scan_bench FILE [--threads N] [--out agg.csv]\n");
    return 2;
  }
  ScanOptions o;
  o.version = GdeltVersion::kV2;
  const char* out_csv = nullptr;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--threads")) o.threads = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--out")) out_csv = argv[i + 1];
  }
  auto t0 = std::chrono::steady_clock::now();
  auto r = ScanGdeltFile(argv[1], o);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!r.ok()) {
    std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
    return 1;
  }
  const ScanResult& s = **r;
  // Fold the root flag away: the reference groups by (src, dst, month).
  std::map<std::tuple<std::string, std::string, uint32_t>, EventTotals> groups;
  s.dyads.ForEach([&](uint64_t key, const EventTotals& t) {
    DyadKey k = DyadKey::Unpack(key);
    groups[{s.codes.Name(k.src), s.codes.Name(k.dst), k.month}].Add(t);
  });
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf(
      "{\"engine\": \"bilat\", \"avx2\": %s, \"threads\": %d, \"seconds\": %.3f, \"bytes\": %llu, \"MBps\": %.0f, "
      "\"rows\": %llu, \"rows_per_s\": %.0f, \"rejected\": %llu, \"groups\": %zu, \"peak_rss_mib\": %.1f}\n",
      GdeltScannerUsesAvx2() ? "true" : "false", o.threads, seconds, static_cast<unsigned long long>(s.bytes),
      s.bytes / seconds / 1e6, static_cast<unsigned long long>(s.lines), s.lines / seconds,
      static_cast<unsigned long long>(s.rows_rejected()), groups.size(), ru.ru_maxrss / 1024.0);
  if (out_csv) {
    FILE* f = std::fopen(out_csv, "w");
    std::fprintf(f, "src,dst,month,events,q1,q2,q3,q4,goldstein_sum,goldstein_mean,mentions,tone_wmean\n");
    for (const auto& [k, t] : groups) {
      double tone = t.mentions ? t.tone_x_mentions / static_cast<double>(t.mentions) : NAN;
      std::fprintf(f, "%s,%s,%u,%llu,%llu,%llu,%llu,%llu,%.6f,%.6f,%llu,%.6f\n", std::get<0>(k).c_str(),
                   std::get<1>(k).c_str(), std::get<2>(k), (unsigned long long)t.events,
                   (unsigned long long)t.quad[0], (unsigned long long)t.quad[1], (unsigned long long)t.quad[2],
                   (unsigned long long)t.quad[3], t.goldstein_sum, t.goldstein_sum / static_cast<double>(t.events),
                   (unsigned long long)t.mentions, tone);
    }
    std::fclose(f);
  }
  return 0;
}
