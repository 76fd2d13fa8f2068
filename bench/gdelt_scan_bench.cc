// GDELT scan benchmark driver: runs bilat's scanner on one file and prints
// one JSON line (seconds, MB/s, rows/s, groups, peak RSS), optionally writing
// the aggregate in the reference kit's CSV layout so that check_aggs.py can
// compare it with DuckDB's. bench/gdelt_bench.sh runs both engines.
//
//   gdelt_scan_bench FILE [--threads N] [--out agg.csv] [--portable] [--read-only]
//                    [--buffer-kib K]
//
// --read-only streams the file through the same reader (decompressing .zip
// and .gz) without scanning: the ceiling for compressed input.
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <tuple>

#include "ingest/events/byte_source.h"
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
  bool read_only = false;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) o.threads = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--out") && i + 1 < argc) out_csv = argv[++i];
    else if (!std::strcmp(argv[i], "--portable")) o.portable_kernel = true;
    else if (!std::strcmp(argv[i], "--buffer-kib") && i + 1 < argc) o.buffer_bytes = std::atoi(argv[++i]) * size_t{1024};
    else if (!std::strcmp(argv[i], "--read-only")) read_only = true;
  }
  auto t0 = std::chrono::steady_clock::now();
  if (read_only) {
    auto src = OpenByteSource(argv[1]);
    if (!src.ok()) {
      std::fprintf(stderr, "%s\n", src.status().ToString().c_str());
      return 1;
    }
    std::unique_ptr<char[]> buf(new char[8 << 20]);
    uint64_t bytes = 0;
    while (true) {
      auto got = (*src)->Read(buf.get(), 8 << 20);
      if (!got.ok() || *got == 0) break;
      bytes += *got;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("{\"engine\": \"bilat-read-only\", \"seconds\": %.3f, \"bytes\": %llu, \"MBps\": %.0f}\n", secs,
                static_cast<unsigned long long>(bytes), bytes / secs / 1e6);
    return 0;
  }
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
      GdeltScannerUsesAvx2() && !o.portable_kernel ? "true" : "false", o.threads, seconds, static_cast<unsigned long long>(s.bytes),
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
