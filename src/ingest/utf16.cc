#include "ingest/utf16.h"

#include <fmt/format.h>

namespace jbr {

void Utf16Decoder::Feed(std::string_view bytes, std::string* out, std::vector<Invalid>* invalid) {
  for (char c : bytes) {
    const auto b = static_cast<uint8_t>(c);
    ++offset_;
    if (have_byte_ == 0) {
      byte_ = b;
      have_byte_ = 1;
      continue;
    }
    have_byte_ = 0;
    const uint16_t unit = big_endian_ ? static_cast<uint16_t>(byte_ << 8 | b)
                                      : static_cast<uint16_t>(b << 8 | byte_);
    Unit(unit, out, invalid);
  }
}

void Utf16Decoder::Unit(uint16_t unit, std::string* out, std::vector<Invalid>* invalid) {
  const uint64_t at = offset_ - 2;
  if (high_ != 0) {
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      Emit(0x10000 + ((uint32_t{high_} - 0xD800) << 10) + (unit - 0xDC00), out);
      high_ = 0;
      return;
    }
    Bad(high_offset_, fmt::format("a high surrogate 0x{:04X} without the low surrogate after it",
                                  high_),
        out, invalid);
    high_ = 0;
  }
  if (unit >= 0xD800 && unit <= 0xDBFF) {
    high_ = unit;
    high_offset_ = at;
    return;
  }
  if (unit >= 0xDC00 && unit <= 0xDFFF) {
    return Bad(at, fmt::format("a low surrogate 0x{:04X} without a high surrogate before it", unit),
               out, invalid);
  }
  Emit(unit, out);
}

void Utf16Decoder::Finish(std::string* out, std::vector<Invalid>* invalid) {
  if (high_ != 0) {
    Bad(high_offset_, fmt::format("a high surrogate 0x{:04X} at the end of the file", high_), out,
        invalid);
    high_ = 0;
  }
  if (have_byte_ != 0) {
    Bad(offset_ - 1, "a single byte at the end of the file, half a UTF-16 code unit", out,
        invalid);
    have_byte_ = 0;
  }
}

void Utf16Decoder::Emit(uint32_t cp, std::string* out) {
  if (cp == '\n') {
    line_ += after_cr_ ? 0 : 1;
  } else if (cp == '\r') {
    ++line_;
  }
  after_cr_ = cp == '\r';
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void Utf16Decoder::Bad(uint64_t offset, std::string what, std::string* out,
                       std::vector<Invalid>* invalid) {
  invalid->push_back({offset, line_, std::move(what)});
  Emit(0xFFFD, out);
}

}  // namespace jbr
