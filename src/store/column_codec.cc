#include "store/column_codec.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>

namespace jbr {
namespace {

enum ChunkEncoding : uint8_t { kFixed = 0, kPlain = 1, kDict = 2 };
constexpr uint8_t kVersion = 1;

template <typename T>
void Put(std::string* out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));  // the machines we run on are little-endian, as the format says
  out->append(buf, sizeof(T));
}

// Reads from a blob with bounds checks: every Get fails cleanly past the end.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  template <typename T>
  bool Get(T* v) {
    if (data_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool Bytes(size_t n, std::string_view* out) {
    if (data_.size() - pos_ < n) return false;
    *out = data_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool done() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

uint8_t WidthFor(const std::vector<int64_t>& values) {
  int64_t lo = 0, hi = 0;
  for (int64_t v : values) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (lo >= INT8_MIN && hi <= INT8_MAX) return 1;
  if (lo >= INT16_MIN && hi <= INT16_MAX) return 2;
  if (lo >= INT32_MIN && hi <= INT32_MAX) return 4;
  return 8;
}

void PutInts(std::string* out, const std::vector<int64_t>& values) {
  uint8_t width = WidthFor(values);
  Put(out, width);
  for (int64_t v : values) {
    switch (width) {
      case 1:
        Put(out, static_cast<int8_t>(v));
        break;
      case 2:
        Put(out, static_cast<int16_t>(v));
        break;
      case 4:
        Put(out, static_cast<int32_t>(v));
        break;
      default:
        Put(out, v);
        break;
    }
  }
}

// Dictionary encoding pays when a chunk has few distinct strings (enums, unit names).
bool TryDict(const std::string& bytes, const std::vector<uint32_t>& offsets, size_t count,
             std::string* out) {
  std::unordered_map<std::string_view, uint16_t> codes;
  std::vector<uint16_t> row_codes;
  row_codes.reserve(count);
  std::string dict_bytes;
  std::vector<uint32_t> dict_offsets{0};
  for (size_t i = 0; i < count; ++i) {
    std::string_view s(bytes.data() + offsets[i], offsets[i + 1] - offsets[i]);
    auto [it, inserted] = codes.try_emplace(s, static_cast<uint16_t>(codes.size()));
    if (inserted) {
      if (codes.size() > 4096) return false;
      dict_bytes.append(s);
      dict_offsets.push_back(static_cast<uint32_t>(dict_bytes.size()));
    }
    row_codes.push_back(it->second);
  }
  if (dict_bytes.size() + 6 * codes.size() + 2 * count >= bytes.size() + 4 * count) return false;
  Put(out, static_cast<uint32_t>(codes.size()));
  for (uint32_t o : dict_offsets) Put(out, o);
  out->append(dict_bytes);
  for (uint16_t c : row_codes) Put(out, c);
  return true;
}

Status Damaged(const char* what) {
  return StoreError(fmt::format("damaged column chunk: {}", what));
}

// Appends `count` little-endian signed integers of type T from `data` (already bounds-checked).
template <typename T>
void WidenInts(std::string_view data, uint32_t count, std::vector<int64_t>* out) {
  const size_t base = out->size();
  out->resize(base + count);
  int64_t* to = out->data() + base;
  for (uint32_t i = 0; i < count; ++i) {
    T x;
    std::memcpy(&x, data.data() + static_cast<size_t>(i) * sizeof(T), sizeof(T));
    // The chunk holds signed values: sign extension is what is meant.
    to[i] = static_cast<int64_t>(x);  // NOLINT(bugprone-signed-char-misuse)
  }
}

Status DecodeInts(Reader* r, uint32_t count, Column* column) {
  uint8_t width = 0;
  if (!r->Get(&width) || (width != 1 && width != 2 && width != 4 && width != 8))
    return Damaged("width");
  std::string_view data;
  if (!r->Bytes(static_cast<size_t>(count) * width, &data)) return Damaged("values");
  switch (width) {
    case 1:
      WidenInts<int8_t>(data, count, &column->ints);
      break;
    case 2:
      WidenInts<int16_t>(data, count, &column->ints);
      break;
    case 4:
      WidenInts<int32_t>(data, count, &column->ints);
      break;
    default:
      WidenInts<int64_t>(data, count, &column->ints);
      break;
  }
  return Status::Ok();
}

// A chunk's strings: their bytes are appended to the column's once (a dictionary's values once,
// however many rows use them), and each row points into them.
Status DecodeStrings(Reader* r, uint8_t encoding, uint32_t count, Column* column) {
  uint32_t n = count;
  if (encoding == kDict && !r->Get(&n)) return Damaged("dictionary size");
  std::string_view raw_offsets;
  if (!r->Bytes((static_cast<size_t>(n) + 1) * sizeof(uint32_t), &raw_offsets))
    return Damaged("offsets");
  std::vector<uint32_t> offs(static_cast<size_t>(n) + 1);
  std::memcpy(offs.data(), raw_offsets.data(), raw_offsets.size());
  std::string_view data;
  if (offs.back() < offs.front() || !r->Bytes(offs.back(), &data)) return Damaged("string bytes");
  if (column->bytes.size() + data.size() > std::numeric_limits<uint32_t>::max())
    return Damaged("a column's strings past 4 GiB");
  // The values as places in the column's bytes, each checked once.
  const auto base = static_cast<uint32_t>(column->bytes.size());
  std::vector<Column::Str> values(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (offs[i] > offs[i + 1] || offs[i + 1] > data.size()) return Damaged("string offsets");
    values[i] = {base + offs[i], offs[i + 1] - offs[i]};
  }
  if (encoding == kDict) {
    std::string_view codes;
    if (!r->Bytes(static_cast<size_t>(count) * sizeof(uint16_t), &codes))
      return Damaged("dictionary code");
    const size_t at = column->strs.size();
    column->strs.resize(at + count);
    for (uint32_t i = 0; i < count; ++i) {
      uint16_t code;
      std::memcpy(&code, codes.data() + 2 * static_cast<size_t>(i), sizeof(code));
      if (code >= n) {
        column->strs.resize(at);
        return Damaged("dictionary code");
      }
      column->strs[at + i] = values[code];
    }
  } else {
    column->strs.insert(column->strs.end(), values.begin(), values.end());
  }
  column->bytes.append(data);
  return Status::Ok();
}

}  // namespace

void ColumnBuilder::Append(const Value& v) {
  null_.push_back(v.null ? 1 : 0);
  switch (type_) {
    case FieldType::kString:
      if (!v.null) bytes_.append(v.s);
      offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
      break;
    case FieldType::kNumber:
      numbers_.push_back(v.null ? 0 : v.d);
      break;
    default:
      ints_.push_back(v.null ? 0 : v.i);
      break;
  }
}

std::string ColumnBuilder::Finish() {
  std::string out;
  const uint32_t count = static_cast<uint32_t>(null_.size());
  uint8_t encoding = type_ == FieldType::kString ? kPlain : kFixed;
  std::string payload;
  if (type_ == FieldType::kString) {
    if (TryDict(bytes_, offsets_, count, &payload)) {
      encoding = kDict;
    } else {
      payload.clear();
      for (uint32_t o : offsets_) Put(&payload, o);
      payload.append(bytes_);
    }
  } else if (type_ == FieldType::kNumber) {
    for (double d : numbers_) Put(&payload, d);
  } else {
    PutInts(&payload, ints_);
  }
  Put(&out, kVersion);
  Put(&out, static_cast<uint8_t>(type_));
  Put(&out, encoding);
  Put(&out, count);
  std::string bitmap((count + 7) / 8, '\0');
  for (uint32_t i = 0; i < count; ++i) {
    if (null_[i]) bitmap[i / 8] = static_cast<char>(bitmap[i / 8] | (1 << (i % 8)));
  }
  out.append(bitmap);
  out.append(payload);
  null_.clear();
  ints_.clear();
  numbers_.clear();
  bytes_.clear();
  offsets_.assign(1, 0);
  return out;
}

Status DecodeChunk(std::string_view blob, Column* column) {
  Reader r(blob);
  uint8_t version = 0, type = 0, encoding = 0;
  uint32_t count = 0;
  if (!r.Get(&version) || !r.Get(&type) || !r.Get(&encoding) || !r.Get(&count))
    return Damaged("header");
  if (version != kVersion) return Damaged("version");
  if (type != static_cast<uint8_t>(column->type)) return Damaged("type differs from the column's");
  if (count > (1u << 24)) return Damaged("row count");
  std::string_view bitmap;
  if (!r.Bytes((count + 7) / 8, &bitmap)) return Damaged("null bitmap");
  // A failed chunk leaves the column as it was: every vector is cut back to these sizes.
  const size_t rows = column->null.size(), ints = column->ints.size(),
               numbers = column->numbers.size(), bytes = column->bytes.size(),
               strs = column->strs.size();
  // Chunks of one column arrive one after another: grow once per chunk (geometrically, so that many
  // chunks do not copy the column over and over), not value by value.
  auto grow = [count](auto& v) {
    if (v.capacity() < v.size() + count) v.reserve(std::max(v.size() + count, 2 * v.capacity()));
  };
  grow(column->null);
  column->null.resize(rows + count);
  uint8_t* null = column->null.data() + rows;
  for (uint32_t i = 0; i < count; ++i)
    null[i] = (static_cast<uint8_t>(bitmap[i / 8]) >> (i % 8)) & 1;
  Status st;
  if (column->type == FieldType::kString) {
    grow(column->strs);
    st = encoding != kPlain && encoding != kDict ? Damaged("encoding")
                                                 : DecodeStrings(&r, encoding, count, column);
  } else if (column->type == FieldType::kNumber) {
    std::string_view data;
    if (!r.Bytes(static_cast<size_t>(count) * sizeof(double), &data)) {
      st = Damaged("numbers");
    } else {
      grow(column->numbers);
      column->numbers.resize(numbers + count);
      std::memcpy(column->numbers.data() + numbers, data.data(), data.size());
    }
  } else {
    grow(column->ints);
    st = DecodeInts(&r, count, column);
  }
  if (st.ok() && !r.done()) st = Damaged("trailing bytes");
  if (!st.ok()) {
    column->null.resize(rows);
    column->ints.resize(ints);
    column->numbers.resize(numbers);
    column->bytes.resize(bytes);
    column->strs.resize(strs);
  }
  return st;
}

}  // namespace jbr
