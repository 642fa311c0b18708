#include "validate/key_set.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>
#include <utility>

namespace jbr {

uint64_t HashKey(std::string_view text) {
  // FNV-1a over 8-byte words, then a final avalanche (splitmix64): fast and good enough for ids.
  uint64_t h = 1469598103934665603ull ^ text.size();
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t w = 0;
    for (int k = 0; k < 8; ++k)
      w |= static_cast<uint64_t>(static_cast<unsigned char>(text[i + k])) << (8 * k);
    h = (h ^ w) * 1099511628211ull;
  }
  for (; i < text.size(); ++i) h = (h ^ static_cast<unsigned char>(text[i])) * 1099511628211ull;
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h;
}

uint64_t HashCombine(uint64_t seed, uint64_t value) {
  return seed ^ (value + 0x9e3779b97f4a7c15ull + (seed << 6) + (seed >> 2));
}

namespace {

constexpr size_t kInitialCapacity = 1024;

// At most three keys in four slots: linear probing stays short below that.
bool Overfull(size_t keys, size_t capacity) { return keys * 4 > capacity * 3; }

}  // namespace

void KeyMap::Unmap::operator()(Slot* slots) const { munmap(slots, bytes); }

// Slots live in an anonymous mapping of their own: the kernel gives zeroed pages on first touch, so
// there is no pass that zeroes a table which the inserts then write anyway; and a table of many
// megabytes asks for transparent huge pages, since random probes into 4 KiB pages miss the TLB
// nearly every time.
KeyMap::Slots KeyMap::Allocate(size_t count) {
  const size_t bytes = count * sizeof(Slot);
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
#if defined(MADV_HUGEPAGE)
  constexpr size_t kHugePage = size_t{2} << 20;
  if (bytes >= 2 * kHugePage) madvise(p, bytes, MADV_HUGEPAGE);  // a hint; refused is fine
#endif
  return Slots(static_cast<Slot*>(p), Unmap{bytes});
}

size_t KeyMap::Home(uint64_t hash) const {
  __extension__ using Wide = unsigned __int128;  // the high half of a 64 x 64-bit product
  return static_cast<size_t>((static_cast<Wide>(hash) * capacity_) >> 64);
}

int64_t KeyMap::InsertOrGet(uint64_t hash, int64_t row) {
  if (Overfull(size_ + 1, capacity_)) Grow();
  const auto low = static_cast<uint32_t>(hash);
  const auto high = static_cast<uint32_t>(hash >> 32);
  for (size_t i = Home(hash);; i = i + 1 == capacity_ ? 0 : i + 1) {
    Slot& s = slots_[i];
    if (s.row == 0) {
      s = Slot{low, high, static_cast<uint32_t>(row)};
      ++size_;
      return 0;
    }
    if (s.hash_low == low && s.hash_high == high) return s.row;
  }
}

bool KeyMap::Contains(uint64_t hash) const {
  if (capacity_ == 0) return false;
  const auto low = static_cast<uint32_t>(hash);
  const auto high = static_cast<uint32_t>(hash >> 32);
  for (size_t i = Home(hash);; i = i + 1 == capacity_ ? 0 : i + 1) {
    const Slot& s = slots_[i];
    if (s.row == 0) return false;
    if (s.hash_low == low && s.hash_high == high) return true;
  }
}

void KeyMap::Prefetch(uint64_t hash) const {
  if (capacity_ != 0) __builtin_prefetch(&slots_[Home(hash)]);
}

void KeyMap::Reserve(size_t expected) {
  size_t capacity = std::max(capacity_, kInitialCapacity);
  if (Overfull(expected, capacity)) capacity = (expected * 4 + 2) / 3;
  if (capacity > capacity_) Resize(capacity);
}

void KeyMap::Grow() { Resize(capacity_ == 0 ? kInitialCapacity : capacity_ * 2); }

void KeyMap::Resize(size_t capacity) {
  Slots old = std::exchange(slots_, Allocate(capacity));
  const size_t old_capacity = std::exchange(capacity_, capacity);
  size_ = 0;
  for (size_t i = 0; i < old_capacity; ++i) {
    if (old[i].row != 0) {
      InsertOrGet(static_cast<uint64_t>(old[i].hash_high) << 32 | old[i].hash_low, old[i].row);
    }
  }
}

}  // namespace jbr
