// Internal to the GDELT scanner: the per-thread state the structural kernels
// (scan_kernel_*.cc) hand each line to. Not part of the module's interface.
#ifndef BILAT_INGEST_EVENTS_SCAN_CONTEXT_H_
#define BILAT_INGEST_EVENTS_SCAN_CONTEXT_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "ingest/events/event_scan.h"

namespace bilat::ingest::internal {

// Tab positions kept per line: enough for fields 0..34 (GLOBALEVENTID to
// AvgTone), the ones every row is decoded for. Later fields of a followed
// event are found again by LocateFields.
inline constexpr int kKeptTabs = 35;
inline constexpr int kMaxTabs = 64;

struct ScanContext {
  const ScanOptions* options = nullptr;
  ScanResult* out = nullptr;
  GdeltVersion version = GdeltVersion::kV2;
  uint64_t next_line = 1;    // number of the next line to be processed
  uint64_t base_offset = 0;  // byte offset of the buffer being scanned
  std::vector<uint64_t> followed_pairs;  // (src << 32) | dst CodeIds
  // Events per month index for three-letter codes: 26^3 counters a month,
  // allocated when the month first appears (a flat array beats hashing here).
  std::vector<std::unique_ptr<uint32_t[]>> country_month_counts;
  // (month index << 16 | letter index) of every counter that left zero, so
  // that Flush visits those instead of 26^3 a month (a 15-minute file
  // names a few hundred countries).
  std::vector<uint32_t> counters_used;

  void Reject(RejectReason reason, const char* line, size_t len, std::string detail);
  // Moves the flat counters into out->country_months.
  void Flush();
};

// Decodes and accounts one line (without its '\n'). `tabs` holds the offsets
// of its first min(ntabs, kKeptTabs) tabs, `ntabs` counts all of them; `non_ascii` tells whether any byte
// has the high bit set (then UTF-8 is validated).
void ProcessLine(ScanContext* ctx, const char* line, size_t len, const uint32_t* tabs, int ntabs,
                 bool non_ascii);

// The structural kernels: scan [begin, end) — complete lines, the last one
// possibly without '\n' — calling ProcessLine per line. 64 readable bytes
// must follow `end`.
void ScanLinesAvx2(ScanContext* ctx, const char* begin, const char* end);
void ScanLinesGeneric(ScanContext* ctx, const char* begin, const char* end);

}  // namespace bilat::ingest::internal

#endif  // BILAT_INGEST_EVENTS_SCAN_CONTEXT_H_
