#include "validate/key_set.h"

namespace jbr {

uint64_t HashKey(std::string_view text) {
  // FNV-1a over 8-byte words, then a final avalanche (splitmix64): fast and good enough for ids.
  uint64_t h = 1469598103934665603ull ^ text.size();
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t w = 0;
    for (int k = 0; k < 8; ++k) w |= static_cast<uint64_t>(static_cast<unsigned char>(text[i + k])) << (8 * k);
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

int64_t KeyMap::InsertOrGet(uint64_t hash, int64_t row) {
  if ((size_ + 1) * 4 > rows_.size() * 3) Grow();
  size_t mask = rows_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    if (rows_[i] == 0) {
      hashes_[i] = hash;
      rows_[i] = static_cast<uint32_t>(row);
      ++size_;
      return 0;
    }
    if (hashes_[i] == hash) return rows_[i];
  }
}

bool KeyMap::Contains(uint64_t hash) const {
  if (rows_.empty()) return false;
  size_t mask = rows_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    if (rows_[i] == 0) return false;
    if (hashes_[i] == hash) return true;
  }
}

void KeyMap::Reserve(size_t expected) {
  size_t n = rows_.empty() ? 1024 : rows_.size();
  while (expected * 4 > n * 3) n *= 2;
  if (n > rows_.size()) Resize(n);
}

void KeyMap::Grow() { Resize(rows_.empty() ? 1024 : rows_.size() * 2); }

void KeyMap::Resize(size_t n) {
  std::vector<uint64_t> old_hashes = std::move(hashes_);
  std::vector<uint32_t> old_rows = std::move(rows_);
  hashes_.assign(n, 0);
  rows_.assign(n, 0);
  size_ = 0;
  for (size_t i = 0; i < old_rows.size(); ++i) {
    if (old_rows[i] != 0) InsertOrGet(old_hashes[i], old_rows[i]);
  }
}

}  // namespace jbr
