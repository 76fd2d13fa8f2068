// Event files: the GDELT 1.0/2.0 scanner (both kernels, which must agree),
// the zip/gzip readers behind every file ingest, GDELT mentions and ICEWS.
// Selector: 0 bytes in memory, 1 a GDELT file (streamed, and read whole as
// the feed is: both must agree), 2 a mentions file, 3 ICEWS.
#include "fuzz/fuzz_util.h"
#include "ingest/events/byte_source.h"
#include "ingest/events/event_lookups.h"
#include "ingest/events/event_scan.h"
#include "ingest/events/icews_reader.h"
#include "ingest/events/mentions_reader.h"
#include "ingest/events/whole_file.h"

using namespace bilat;

namespace {

ingest::ScanOptions Options(bool portable) {
  ingest::ScanOptions o;
  o.followed = {{"CHN", "KAZ"}, {"KAZ", "CHN"}};
  o.max_line_bytes = 4096;
  o.buffer_bytes = 1 << 12;  // small buffers reach the lines split across reads
  o.portable_kernel = portable;
  return o;
}

// The AVX2 and the portable kernel must read the same bytes the same way.
void CompareKernels(std::string_view bytes) {
  auto fast = ingest::ScanGdeltBytes(bytes, Options(false));
  auto portable = ingest::ScanGdeltBytes(bytes, Options(true));
  if (fast->rows_ok != portable->rows_ok || fast->lines != portable->lines ||
      fast->rows_rejected() != portable->rows_rejected() || fast->dyads.size() != portable->dyads.size() ||
      fast->followed.size() != portable->followed.size()) {
    __builtin_trap();
  }
  if (fast->rows_ok + fast->rows_rejected() > fast->lines + 1) __builtin_trap();
}

void ReadWholeSource(const std::string& path) {
  auto source = ingest::OpenByteSource(path);
  if (!source.ok()) return;
  char buf[4096];
  for (;;) {
    auto n = (*source)->Read(buf, sizeof buf);
    if (!n.ok() || *n == 0) return;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [selector, bytes] = fuzz::Select(data, size);
  switch (selector % 4) {
    case 0:
      CompareKernels(bytes);
      break;
    case 1: {
      // Bytes starting with a zip or gzip signature exercise the decoders.
      std::string path = fuzz::WriteScratchFile("events.export.CSV", bytes);
      ReadWholeSource(path);
      auto streamed = ingest::ScanGdeltFile(path, Options(false));
      // The feed's path (read whole, libdeflate) must read what the
      // streaming path reads, whenever both can read the file.
      auto whole = ingest::ReadWholeFile(path);
      if (whole.ok() && whole->has_value() && streamed.ok()) {
        auto scanned = ingest::ScanGdeltPaddedBytes((*whole)->bytes(), Options(false));
        if (scanned->rows_ok != (*streamed)->rows_ok || scanned->lines != (*streamed)->lines ||
            scanned->rows_rejected() != (*streamed)->rows_rejected() ||
            scanned->dyads.size() != (*streamed)->dyads.size()) {
          __builtin_trap();
        }
      }
      break;
    }
    case 2: {
      std::string path = fuzz::WriteScratchFile("events.mentions.CSV", bytes);
      (void)ingest::ReadGdeltMentionsFile(path, {1, 2, 3, 1000}, Options(false));
      break;
    }
    case 3: {
      static std::shared_ptr<const ingest::EventLookups> lookups = [] {
        auto l = ingest::EventLookups::Load(fuzz::DataDir());
        if (!l.ok()) __builtin_trap();
        return *std::move(l);
      }();
      std::string path = fuzz::WriteScratchFile("events.icews.tab", bytes);
      (void)ingest::ReadIcewsFile(path, Options(false), fuzz::Countries(), *lookups);
      break;
    }
  }
  return 0;
}
