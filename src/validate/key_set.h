// KeyMap: an open-addressing hash map from 64-bit key hashes to the row that first had the key.
//
// Uniqueness and reference checks over a million-row file must hold only what they need: 12 bytes
// a slot (the hash and a 32-bit row number, in two arrays) instead of the key text. Two different keys colliding in 64 bits has a chance of about
// n^2 / 2^65 (3e-8 for a million keys); the message of a unique-error names both rows so that a
// person can see it. Written by hand because std::unordered_map allocates a node per key, which
// costs more than the rest of validation together.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace jbr {

uint64_t HashKey(std::string_view text);
uint64_t HashCombine(uint64_t seed, uint64_t value);

class KeyMap {
 public:
  // Inserts hash -> row unless present. Returns the row already stored, or 0 when inserted.
  int64_t InsertOrGet(uint64_t hash, int64_t row);
  bool Contains(uint64_t hash) const;
  // Makes room for `expected` keys at once, so that a large file does not pay for (and hold, at
  // the moment of growing, both copies of) every doubling on the way.
  void Reserve(size_t expected);
  size_t size() const { return size_; }

 private:
  void Grow();
  void Resize(size_t slots);  // a power of two
  std::vector<uint64_t> hashes_;
  std::vector<uint32_t> rows_;  // 0 = empty slot (rows are 1-based; a file has < 2^32 rows)
  size_t size_ = 0;
};

}  // namespace jbr
