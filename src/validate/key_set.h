// KeyMap: an open-addressing hash map from 64-bit key hashes to the row that first had the key.
//
// Uniqueness and reference checks over a million-row file must hold only what they need: 12 bytes
// a slot (the hash and a 32-bit row number, side by side so that a probe touches one cache line)
// instead of the key text. Two different keys colliding in 64 bits has a chance of about
// n^2 / 2^65 (3e-8 for a million keys); the message of a unique-error names both rows so that a
// person can see it. Written by hand because std::unordered_map allocates a node per key, which
// costs more than the rest of validation together.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace jbr {

uint64_t HashKey(std::string_view text);
uint64_t HashCombine(uint64_t seed, uint64_t value);

class KeyMap {
 public:
  // Inserts hash -> row unless present. Returns the row already stored, or 0 when inserted.
  int64_t InsertOrGet(uint64_t hash, int64_t row);
  bool Contains(uint64_t hash) const;
  // A hint only: starts fetching the slot where `hash` is looked for, so that an InsertOrGet or
  // Contains a little later finds it in the cache instead of waiting on memory.
  void Prefetch(uint64_t hash) const;
  // Makes room for `expected` keys at once, so that a large file does not pay for (and hold, at
  // the moment of growing, both copies of) every doubling on the way.
  void Reserve(size_t expected);
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint32_t hash_low, hash_high;  // two halves: 4-byte alignment keeps the slot at 12 bytes
    uint32_t row;                  // 0 = empty (rows are 1-based; a file has < 2^32 rows)
  };
  struct Unmap {
    size_t bytes;
    void operator()(Slot* slots) const;
  };
  using Slots = std::unique_ptr<Slot[], Unmap>;

  static Slots Allocate(size_t count);
  // The slot a probe for `hash` starts at: the hash scaled onto [0, capacity), which allows any
  // capacity and not only powers of two (a table sized once for a known count wastes less).
  size_t Home(uint64_t hash) const;
  void Grow();
  void Resize(size_t capacity);

  Slots slots_{nullptr, Unmap{0}};
  size_t capacity_ = 0;
  size_t size_ = 0;
};

}  // namespace jbr
