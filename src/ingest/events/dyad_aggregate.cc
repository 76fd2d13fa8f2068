#include "ingest/events/dyad_aggregate.h"

#include <unordered_map>

namespace bilat::ingest {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

uint64_t Mix(uint64_t x) {
  x ^= x >> 31;
  x *= 0x7fb5d329728ea185ull;
  x ^= x >> 27;
  x *= 0x81dadef4bc2dd44dull;
  x ^= x >> 33;
  return x;
}

}  // namespace

CodeId CodeBook::Intern(std::string_view code) {
  if (code.size() == 3 && IsUpper(code[0]) && IsUpper(code[1]) && IsUpper(code[2])) {
    return (static_cast<CodeId>(code[0]) << 16) | (static_cast<CodeId>(code[1]) << 8) |
           static_cast<CodeId>(code[2]);
  }
  for (size_t i = 0; i < others_.size(); ++i) {
    if (others_[i] == code) return static_cast<CodeId>(i);
  }
  others_.emplace_back(code);
  return static_cast<CodeId>(others_.size() - 1);
}

std::string CodeBook::Name(CodeId id) const {
  if (IsPacked(id)) {
    return {static_cast<char>(id >> 16), static_cast<char>((id >> 8) & 0xff), static_cast<char>(id & 0xff)};
  }
  return id < others_.size() ? others_[id] : std::string("?");
}

std::vector<CodeId> CodeBook::Absorb(const CodeBook& other) {
  std::vector<CodeId> map;
  for (const std::string& s : other.others_) map.push_back(Intern(s));
  return map;
}

// Layout: src 24 bits | dst 24 bits | month index 15 bits | root 1 bit.
uint64_t DyadKey::Pack() const {
  uint64_t month_index = (month / 100 - 1900) * 12 + (month % 100 - 1);
  return (static_cast<uint64_t>(src & 0xffffff) << 40) | (static_cast<uint64_t>(dst & 0xffffff) << 16) |
         ((month_index & 0x7fff) << 1) | (root ? 1 : 0);
}

DyadKey DyadKey::Unpack(uint64_t p) {
  DyadKey k;
  k.src = static_cast<CodeId>(p >> 40);
  k.dst = static_cast<CodeId>((p >> 16) & 0xffffff);
  uint32_t mi = static_cast<uint32_t>((p >> 1) & 0x7fff);
  k.month = (1900 + mi / 12) * 100 + mi % 12 + 1;
  k.root = p & 1;
  return k;
}

DyadAggregates::DyadAggregates() {
  slots_.resize(1 << 12);
  mask_ = (1 << 12) - 1;
}

EventTotals& DyadAggregates::At(uint64_t key) {
  size_t i = Mix(key) & mask_;
  while (true) {
    Slot& s = slots_[i];
    if (s.key == key) return s.totals;
    if (s.key == kEmpty) {
      if ((size_ + 1) * 2 > slots_.size()) {
        Grow();
        return At(key);
      }
      s.key = key;
      ++size_;
      return s.totals;
    }
    i = (i + 1) & mask_;
  }
}

void DyadAggregates::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.clear();
  slots_.resize(old.size() * 2);
  mask_ = slots_.size() - 1;
  size_ = 0;
  for (const Slot& s : old) {
    if (s.key != kEmpty) At(s.key) = s.totals;
  }
}

}  // namespace bilat::ingest
