// AVX2 build of the structural kernel (compiled with -mavx2; only called
// when the CPU supports it).
#include <immintrin.h>

#include <string>

#include "ingest/events/scan_context.h"

namespace bilat::ingest::internal {
namespace {

struct BlockMasks {
  uint64_t tab, nl, hi;
};

inline BlockMasks LoadMasks(const char* p) {
  __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
  const __m256i tab = _mm256_set1_epi8('\t');
  const __m256i nl = _mm256_set1_epi8('\n');
  auto mask = [](__m256i a, __m256i b) {
    return static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(a))) |
           (static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(b))) << 32);
  };
  return {mask(_mm256_cmpeq_epi8(lo, tab), _mm256_cmpeq_epi8(hi, tab)),
          mask(_mm256_cmpeq_epi8(lo, nl), _mm256_cmpeq_epi8(hi, nl)), mask(lo, hi)};
}

#include "ingest/events/scan_kernel.inc"

}  // namespace

void ScanLinesAvx2(ScanContext* ctx, const char* begin, const char* end) { ScanLinesImpl(ctx, begin, end); }

}  // namespace bilat::ingest::internal
