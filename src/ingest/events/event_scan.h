// GDELT event scanning: bytes of a GDELT 1.0 or 2.0 event file in, dyadic
// aggregates, followed-pair events and rejects out.
//
// The scanner is bilat's hot path (bench/gdelt_bench.sh measures it against
// DuckDB). It finds tabs and newlines 64 bytes at a time (AVX2 when the CPU
// has it), decodes only the fields the aggregation needs, and keeps raw
// events only for the pairs the caller follows. Memory does not grow with
// the input: a fixed read buffer plus tables sized by the number of groups.
//
// A ScanState belongs to one thread; ScanFile() runs several and merges.
#ifndef BILAT_INGEST_EVENTS_EVENT_SCAN_H_
#define BILAT_INGEST_EVENTS_EVENT_SCAN_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "ingest/events/dyad_aggregate.h"

namespace bilat::ingest {

enum class GdeltVersion { kAuto, kV1, kV2 };

enum class RejectReason : int {
  kColumnCount = 0,  // not 57/58 (1.0) or 61 (2.0) fields
  kBadNumber,        // a numeric field the aggregation needs does not parse
  kBadDate,          // MonthYear or SQLDATE is not a real month/day
  kInvalidUtf8,
  kLineTooLong,      // longer than ScanOptions::max_line_bytes
  kCount
};
const char* RejectReasonName(RejectReason r);

struct Reject {
  uint64_t line = 0;         // 1-based line number in the file
  uint64_t byte_offset = 0;  // offset of the line's first byte (decompressed)
  RejectReason reason{};
  std::string detail;        // e.g. "60 fields, expected 61"
  std::string text;          // the line, cut to 300 bytes
};

// One decoded event of a followed pair, kept whole.
struct FollowedEvent {
  uint64_t line = 0;
  int64_t event_id = 0;
  int sql_date = 0;     // YYYYMMDD
  int month = 0;        // YYYYMM
  std::string actor1_code, actor1_name, actor1_country;
  std::string actor2_code, actor2_name, actor2_country;
  bool root = false;
  std::string event_code, event_base_code, event_root_code;
  int quad_class = 0;
  double goldstein = 0;
  int64_t mentions = 0, sources = 0, articles = 0;
  double avg_tone = 0;
  std::string action_geo_name, action_geo_country_fips;
  std::string action_geo_country_iso;  // filled by ICEWS readers directly
  std::string source_name;             // ICEWS publisher
  int64_t date_added = 0;
  std::string source_url;
};

struct ScanOptions {
  GdeltVersion version = GdeltVersion::kAuto;
  // Ordered CAMEO code pairs whose events are kept whole (list both
  // directions to follow a pair both ways).
  std::vector<std::pair<std::string, std::string>> followed;
  size_t max_line_bytes = 64 * 1024;
  size_t max_kept_rejects = 1000;  // all are counted; the first ones are kept
  int threads = 1;                 // plain files only; compressed input uses one
  size_t buffer_bytes = 4 << 20;   // read buffer per thread (see bench/README.md)
  bool portable_kernel = false;    // force the SWAR kernel even with AVX2 (tests, benchmarks)
};

struct ScanResult {
  GdeltVersion version = GdeltVersion::kAuto;
  // For plain files, the file's content hash (byte_source.h's scheme),
  // computed while scanning; empty for compressed input.
  std::string content_hash;
  uint64_t bytes = 0;  // decompressed bytes scanned
  uint64_t lines = 0;
  uint64_t rows_ok = 0;
  uint64_t rejects_by_reason[static_cast<int>(RejectReason::kCount)] = {};
  std::vector<Reject> rejects;  // the first max_kept_rejects, by line
  CodeBook codes;
  DyadAggregates dyads;  // key: DyadKey::Pack()
  // Events per (actor country, month) over all rows, dyadic or not; each row
  // counts once for each distinct actor country it names. Key: DyadKey with
  // dst = 0 and root = false.
  std::unordered_map<uint64_t, uint64_t> country_months;
  std::vector<FollowedEvent> followed;  // by line
  // Actor country names a reader could not resolve to a code (ICEWS), with
  // how many rows named them; those actors count as having no country.
  std::unordered_map<std::string, uint64_t> unresolved_names;

  uint64_t rows_rejected() const;
};

// Called from a scanning thread with the bytes read and lines scanned so far
// over all threads (for progress display; at most a few times a second per
// buffer). May be empty.
using ProgressFn = std::function<void(uint64_t bytes_done, uint64_t lines_done)>;

// Scans one file: plain, .gz or .zip (the first entry). Errors are for files
// that cannot be read at all; bad rows are counted in the result.
Result<std::unique_ptr<ScanResult>> ScanGdeltFile(const std::string& path, const ScanOptions& options,
                                                  const ProgressFn& progress = {});

// Scans bytes already in memory (tests, and the benchmark's reference runs).
std::unique_ptr<ScanResult> ScanGdeltBytes(std::string_view bytes, const ScanOptions& options);
// The same without a copy: at least 64 readable bytes must follow `bytes`
// (WholeFile's padding). One thread.
std::unique_ptr<ScanResult> ScanGdeltPaddedBytes(std::string_view bytes, const ScanOptions& options);

// True when this CPU runs the AVX2 scanner.
bool GdeltScannerUsesAvx2();

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_EVENTS_EVENT_SCAN_H_
