// DyadAggregates: per (source actor country, target actor country, month,
// root flag) totals of event rows, in an open-addressing hash table.
//
// This is the scanner's hot table: one per scanning thread, merged at the
// end. Keys pack the two CAMEO country codes (three bytes each), the month
// and the IsRootEvent flag into 64 bits. Not thread-safe; one per thread.
#ifndef BILAT_INGEST_GDELT_DYAD_AGGREGATE_H_
#define BILAT_INGEST_GDELT_DYAD_AGGREGATE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bilat::ingest {

// Sums over the events of one group in one file. Means are derived when
// read. Sized so that key and totals fill one 64-byte cache line: counts of
// events and sources are 32-bit (a group of one file never nears 4e9),
// mention and article sums 64-bit.
struct EventTotals {
  uint32_t events = 0;
  uint32_t quad[4] = {0, 0, 0, 0};  // QuadClass 1..4
  uint32_t sources = 0;
  uint64_t mentions = 0;
  uint64_t articles = 0;
  double goldstein_sum = 0;
  double tone_x_mentions = 0;  // sum of AvgTone * NumMentions

  void Add(const EventTotals& o) {
    events += o.events;
    for (int i = 0; i < 4; ++i) quad[i] += o.quad[i];
    goldstein_sum += o.goldstein_sum;
    mentions += o.mentions;
    sources += o.sources;
    articles += o.articles;
    tone_x_mentions += o.tone_x_mentions;
  }
};

// A packed actor country code: the code's bytes for three-letter codes; other
// lengths are interned by CodeBook into ids that cannot collide with letters.
using CodeId = uint32_t;

// Interns actor country codes to CodeIds. Three upper-case letters map to
// their bytes without a lookup; anything else (rare) goes through a map.
class CodeBook {
 public:
  CodeId Intern(std::string_view code);
  std::string Name(CodeId id) const;
  // Merges another book's unusual codes; returns a remapping of its ids.
  std::vector<CodeId> Absorb(const CodeBook& other);
  static bool IsPacked(CodeId id) { return id >= (1u << 16); }

 private:
  std::vector<std::string> others_;  // id = index
};

struct DyadKey {
  CodeId src, dst;
  uint32_t month;  // YYYYMM
  bool root;
  uint64_t Pack() const;
  static DyadKey Unpack(uint64_t packed);
};

class DyadAggregates {
 public:
  DyadAggregates();
  // A table for about `expected_groups` groups (it grows past them).
  explicit DyadAggregates(size_t expected_groups);
  ~DyadAggregates();
  DyadAggregates(DyadAggregates&& other) noexcept;
  DyadAggregates& operator=(DyadAggregates&& other) noexcept;
  DyadAggregates(const DyadAggregates&) = delete;
  DyadAggregates& operator=(const DyadAggregates&) = delete;

  // The group for `packed_key`, created empty if new.
  EventTotals& At(uint64_t packed_key);
  size_t size() const { return size_; }
  // Calls fn(packed_key, totals) for every group, in no particular order.
  template <typename Fn>
  void ForEach(Fn fn) const {
    for (size_t i = 0; i < capacity_; ++i) {
      if (slots_[i].inverted_key) fn(~slots_[i].inverted_key, slots_[i].totals);
    }
  }
  size_t MemoryBytes() const { return capacity_ * sizeof(Slot); }

 private:
  // Key and totals side by side: a lookup touches one cache line. Slots
  // hold the key's complement, so that an empty slot is all zero bytes (no
  // packed key is all ones) and a table is fresh zeroed memory.
  struct alignas(64) Slot {
    uint64_t inverted_key;
    EventTotals totals;
  };
  // Tables of 2 MiB and more are mapped from the kernel, zeroed already and
  // in huge pages where it has them: a big file's table grows to tens of
  // MiB, and filling and faulting it in 4 KiB pages cost a tenth of the
  // ingest (bench/README.md).
  static Slot* Allocate(size_t n);
  static void Free(Slot* slots, size_t n);
  void Grow();
  Slot* slots_ = nullptr;
  size_t capacity_ = 0;
  size_t size_ = 0;
  size_t mask_ = 0;
};

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_GDELT_DYAD_AGGREGATE_H_
