#include "store/column_codec.h"

#include <algorithm>
#include <cstring>
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

Status DecodeInts(Reader* r, uint32_t count, Column* column) {
  uint8_t width = 0;
  if (!r->Get(&width) || (width != 1 && width != 2 && width != 4 && width != 8))
    return Damaged("width");
  for (uint32_t i = 0; i < count; ++i) {
    int64_t v = 0;
    bool ok = true;
    switch (width) {
      case 1: {
        int8_t x;
        ok = r->Get(&x);
        v = x;
        break;
      }
      case 2: {
        int16_t x;
        ok = r->Get(&x);
        v = x;
        break;
      }
      case 4: {
        int32_t x;
        ok = r->Get(&x);
        v = x;
        break;
      }
      default:
        ok = r->Get(&v);
        break;
    }
    if (!ok) return Damaged("values");
    column->ints.push_back(v);
  }
  return Status::Ok();
}

Status DecodeStrings(Reader* r, uint8_t encoding, uint32_t count, Column* column) {
  if (column->offsets.empty()) column->offsets.push_back(0);
  auto append = [&](std::string_view s) {
    column->bytes.append(s);
    column->offsets.push_back(static_cast<uint32_t>(column->bytes.size()));
  };
  uint32_t n = count;
  if (encoding == kDict && !r->Get(&n)) return Damaged("dictionary size");
  std::vector<uint32_t> offs(static_cast<size_t>(n) + 1);
  for (auto& o : offs) {
    if (!r->Get(&o)) return Damaged("offsets");
  }
  std::string_view data;
  if (offs.back() < offs.front() || !r->Bytes(offs.back(), &data)) return Damaged("string bytes");
  auto item = [&](uint32_t i) -> std::optional<std::string_view> {
    if (offs[i] > offs[i + 1] || offs[i + 1] > data.size()) return std::nullopt;
    return data.substr(offs[i], offs[i + 1] - offs[i]);
  };
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t index = i;
    if (encoding == kDict) {
      uint16_t code = 0;
      if (!r->Get(&code) || code >= n) return Damaged("dictionary code");
      index = code;
    }
    auto s = item(index);
    if (!s) return Damaged("string offsets");
    append(*s);
  }
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
  // Chunks of one column arrive one after another: grow once per chunk (geometrically, so that many
  // chunks do not copy the column over and over), not value by value.
  auto grow = [count](auto& v) {
    if (v.capacity() < v.size() + count) v.reserve(std::max(v.size() + count, 2 * v.capacity()));
  };
  grow(column->null);
  if (column->type == FieldType::kNumber) grow(column->numbers);
  if (column->type == FieldType::kString) grow(column->offsets);
  for (uint32_t i = 0; i < count; ++i) {
    column->null.push_back((static_cast<uint8_t>(bitmap[i / 8]) >> (i % 8)) & 1);
  }
  Status st;
  if (column->type == FieldType::kString) {
    if (encoding != kPlain && encoding != kDict) return Damaged("encoding");
    st = DecodeStrings(&r, encoding, count, column);
  } else if (column->type == FieldType::kNumber) {
    for (uint32_t i = 0; i < count && st.ok(); ++i) {
      double d = 0;
      if (!r.Get(&d)) st = Damaged("numbers");
      column->numbers.push_back(d);
    }
  } else {
    st = DecodeInts(&r, count, column);
  }
  if (st.ok() && !r.done()) return Damaged("trailing bytes");
  return st;
}

}  // namespace jbr
