#include "ingest/events/dyad_aggregate.h"

#include <sys/mman.h>

#include <cstdlib>
#include <cstring>
#include <new>
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

namespace {
constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kInitialSlots = size_t{1} << 12;
}  // namespace

DyadAggregates::Slot* DyadAggregates::Allocate(size_t n) {
  const size_t bytes = n * sizeof(Slot);
  if (bytes < kHugePage) {
    void* p = std::aligned_alloc(alignof(Slot), bytes);
    if (!p) throw std::bad_alloc();
    std::memset(p, 0, bytes);
    return static_cast<Slot*>(p);
  }
  // A power of two times 64 bytes, so a multiple of 2 MiB: map 2 MiB more
  // and start at a 2 MiB boundary, where huge pages can back it.
  void* base = ::mmap(nullptr, bytes + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED) throw std::bad_alloc();
  const uintptr_t b = reinterpret_cast<uintptr_t>(base);
  const uintptr_t aligned = (b + kHugePage - 1) & ~(uintptr_t{kHugePage} - 1);
  if (aligned > b) ::munmap(base, aligned - b);
  const size_t tail = (b + bytes + kHugePage) - (aligned + bytes);
  if (tail) ::munmap(reinterpret_cast<void*>(aligned + bytes), tail);
  ::madvise(reinterpret_cast<void*>(aligned), bytes, MADV_HUGEPAGE);  // advice only
  return reinterpret_cast<Slot*>(aligned);
}

void DyadAggregates::Free(Slot* slots, size_t n) {
  const size_t bytes = n * sizeof(Slot);
  if (bytes < kHugePage) {
    std::free(slots);
  } else {
    ::munmap(slots, bytes);
  }
}

DyadAggregates::DyadAggregates()
    : slots_(Allocate(kInitialSlots)), capacity_(kInitialSlots), mask_(kInitialSlots - 1) {}

DyadAggregates::DyadAggregates(size_t expected_groups) {
  size_t n = 64;
  while (n < expected_groups * 2 && n < kInitialSlots) n *= 2;
  slots_ = Allocate(n);
  capacity_ = n;
  mask_ = n - 1;
}

DyadAggregates::~DyadAggregates() {
  if (slots_) Free(slots_, capacity_);
}

DyadAggregates::DyadAggregates(DyadAggregates&& o) noexcept
    : slots_(o.slots_), capacity_(o.capacity_), size_(o.size_), mask_(o.mask_) {
  o.slots_ = nullptr;
  o.capacity_ = o.size_ = o.mask_ = 0;
}

DyadAggregates& DyadAggregates::operator=(DyadAggregates&& o) noexcept {
  if (this != &o) {
    if (slots_) Free(slots_, capacity_);
    slots_ = o.slots_;
    capacity_ = o.capacity_;
    size_ = o.size_;
    mask_ = o.mask_;
    o.slots_ = nullptr;
    o.capacity_ = o.size_ = o.mask_ = 0;
  }
  return *this;
}

EventTotals& DyadAggregates::At(uint64_t key) {
  if (capacity_ == 0) {  // moved from: start again
    slots_ = Allocate(kInitialSlots);
    capacity_ = kInitialSlots;
    mask_ = kInitialSlots - 1;
  }
  const uint64_t inverted = ~key;
  size_t i = Mix(key) & mask_;
  while (true) {
    Slot& s = slots_[i];
    if (s.inverted_key == inverted) return s.totals;
    if (s.inverted_key == 0) {
      if ((size_ + 1) * 2 > capacity_) {
        Grow();
        return At(key);
      }
      s.inverted_key = inverted;
      ++size_;
      return s.totals;  // zero bytes: an empty EventTotals
    }
    i = (i + 1) & mask_;
  }
}

void DyadAggregates::Grow() {
  Slot* old = slots_;
  const size_t old_capacity = capacity_;
  capacity_ = old_capacity * 2;
  slots_ = Allocate(capacity_);
  mask_ = capacity_ - 1;
  size_ = 0;
  for (size_t i = 0; i < old_capacity; ++i) {
    if (old[i].inverted_key) At(~old[i].inverted_key) = old[i].totals;
  }
  Free(old, old_capacity);
}

}  // namespace bilat::ingest
