#include "ingest/row_source.h"

#include <array>

#include "common/parse.h"

namespace jbr {
namespace {

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    if (x >= 'A' && x <= 'Z') {
      x = static_cast<char>(x - 'A' + 'a');
    }
    if (x != b[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool RawRow::IsBlank() const {
  for (const std::string& cell : cells) {
    if (!Trim(cell).empty()) {
      return false;
    }
  }
  for (CellKind kind : kinds) {
    if (kind == CellKind::kUnread) {
      return false;  // a value the file does not hold is still a value
    }
  }
  return true;
}

const char* EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kWindows1252:
      return "windows-1252";
    case Encoding::kUtf16Le:
      return "utf-16le";
    case Encoding::kUtf16Be:
      return "utf-16be";
    case Encoding::kUtf8:
      break;
  }
  return "utf-8";
}

std::optional<Encoding> ParseEncodingName(std::string_view name) {
  static constexpr std::array<std::string_view, 2> kUtf8 = {"utf-8", "utf8"};
  // Latin-1 and Windows-1252 differ only in 0x80-0x9F, where Latin-1 has unused control codes;
  // files labelled Latin-1 are in practice Windows-1252 (as the WHATWG Encoding Standard rules).
  static constexpr std::array<std::string_view, 4> kCp1252 = {"windows-1252", "cp1252", "latin1",
                                                              "iso-8859-1"};
  const std::string_view t = Trim(name);
  for (std::string_view n : kUtf8) {
    if (EqualsIgnoreAsciiCase(t, n)) {
      return Encoding::kUtf8;
    }
  }
  for (std::string_view n : kCp1252) {
    if (EqualsIgnoreAsciiCase(t, n)) {
      return Encoding::kWindows1252;
    }
  }
  if (EqualsIgnoreAsciiCase(t, "utf-16le")) {
    return Encoding::kUtf16Le;
  }
  if (EqualsIgnoreAsciiCase(t, "utf-16be")) {
    return Encoding::kUtf16Be;
  }
  return std::nullopt;
}

}  // namespace jbr
