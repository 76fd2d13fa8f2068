// Portable build of the structural kernel: SWAR over 8-byte words.
#include <cstring>
#include <string>

#include "ingest/events/scan_context.h"

namespace bilat::ingest::internal {
namespace {

struct BlockMasks {
  uint64_t tab, nl, hi;
};

// One bit per byte equal to `c` in the 8 bytes of w (bit 8*i+7 set), packed
// to the low 8 bits.
inline uint64_t ByteEq(uint64_t w, uint8_t c) {
  uint64_t x = w ^ (0x0101010101010101ull * c);
  uint64_t t = ((x & 0x7f7f7f7f7f7f7f7full) + 0x7f7f7f7f7f7f7f7full) | x;
  return ~t & 0x8080808080808080ull;
}

inline uint64_t Pack(uint64_t high_bits) {
  // Gather bit 7 of each byte into 8 contiguous bits.
  return ((high_bits >> 7) * 0x0102040810204080ull) >> 56;
}

inline BlockMasks LoadMasks(const char* p) {
  BlockMasks m{0, 0, 0};
  for (int i = 0; i < 8; ++i) {
    uint64_t w;
    std::memcpy(&w, p + 8 * i, 8);
    m.tab |= Pack(ByteEq(w, '\t')) << (8 * i);
    m.nl |= Pack(ByteEq(w, '\n')) << (8 * i);
    m.hi |= Pack(w & 0x8080808080808080ull) << (8 * i);
  }
  return m;
}

#include "ingest/events/scan_kernel.inc"

}  // namespace

void ScanLinesGeneric(ScanContext* ctx, const char* begin, const char* end) { ScanLinesImpl(ctx, begin, end); }

}  // namespace bilat::ingest::internal
