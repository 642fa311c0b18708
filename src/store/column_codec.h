// Column chunks: how the typed rows of a delivery are kept.
//
// A delivery's rows are stored column by column in chunks of up to kChunkRows rows, each chunk one
// blob (see docs/ARCHITECTURE.md for why: a million-row delivery is ~16 inserts per column instead
// of a million row inserts, and indicators read only the columns they need). Encoding,
// little-endian:
//   u8 version (1), u8 field type, u8 encoding, u32 row count, null bitmap (1 bit a row, 1 = null),
//   then the payload of the encoding:
//     kFixed:  integers/dates/booleans as `width` bytes each (u8 width first), numbers as f64
//     kPlain:  strings as u32 offsets (count + 1) and the bytes
//     kDict:   strings as a dictionary (u32 size, u32 offsets, bytes) and u16 codes
// Decoding validates every length against the blob, so a damaged blob is an error, not a crash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "schema/schema.h"
#include "validate/typed_row.h"

namespace jbr {

inline constexpr size_t kChunkRows = 65536;

// A decoded column: one of the value vectors is filled, by type.
struct Column {
  // Where string i is in `bytes`. A dictionary chunk's values are in `bytes` once and its rows
  // point at them: decoding copies a chunk's strings in one piece, not row by row.
  struct Str {
    uint32_t at = 0;
    uint32_t size = 0;
  };
  FieldType type = FieldType::kString;
  std::vector<uint8_t> null;    // 1 = null
  std::vector<int64_t> ints;    // integer, date (days), boolean (0/1)
  std::vector<double> numbers;  // number
  std::string bytes;            // string data
  std::vector<Str> strs;        // string i is bytes[strs[i].at, strs[i].at + strs[i].size)

  size_t size() const { return null.size(); }
  bool is_null(size_t i) const { return null[i] != 0; }
  std::string_view str(size_t i) const {
    return std::string_view(bytes.data() + strs[i].at, strs[i].size);
  }
  // Appends a string value (tests and in-memory tables).
  void AppendStr(std::string_view s) {
    strs.push_back({static_cast<uint32_t>(bytes.size()), static_cast<uint32_t>(s.size())});
    bytes.append(s);
  }
};

// Accumulates values of one field and encodes them.
class ColumnBuilder {
 public:
  explicit ColumnBuilder(FieldType type) : type_(type) { offsets_.push_back(0); }
  void Append(const Value& v);
  size_t size() const { return null_.size(); }
  // Encodes what was appended and clears the builder.
  std::string Finish();

 private:
  FieldType type_;
  std::vector<uint8_t> null_;
  std::vector<int64_t> ints_;
  std::vector<double> numbers_;
  std::string bytes_;
  std::vector<uint32_t> offsets_;
};

// Decodes `blob` and appends its rows to *column (whose type must match).
Status DecodeChunk(std::string_view blob, Column* column);

}  // namespace jbr
