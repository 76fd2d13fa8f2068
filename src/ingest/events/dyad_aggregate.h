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

// Sums over the events of one group. Means are derived when read.
struct EventTotals {
  uint64_t events = 0;
  uint64_t quad[4] = {0, 0, 0, 0};  // QuadClass 1..4
  double goldstein_sum = 0;
  uint64_t mentions = 0;
  uint64_t sources = 0;
  uint64_t articles = 0;
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
  // The group for `packed_key`, created empty if new.
  EventTotals& At(uint64_t packed_key);
  size_t size() const { return size_; }
  // Calls fn(packed_key, totals) for every group, in no particular order.
  template <typename Fn>
  void ForEach(Fn fn) const {
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] != kEmpty) fn(keys_[i], values_[i]);
    }
  }
  size_t MemoryBytes() const { return keys_.capacity() * 8 + values_.capacity() * sizeof(EventTotals); }

 private:
  static constexpr uint64_t kEmpty = ~0ull;
  void Grow();
  std::vector<uint64_t> keys_;
  std::vector<EventTotals> values_;
  size_t size_ = 0;
  size_t mask_ = 0;
};

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_GDELT_DYAD_AGGREGATE_H_
