// Fuzzes the CSV reader over bytes in memory: whatever the input, opening and draining it must
// not crash, must give valid UTF-8 within the limits, and must not depend on how the input is cut
// into read buffers. Seeds: fuzz/corpus/csv_fuzz/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/csv_reader.h"

namespace {

void Check(bool ok) {
  if (!ok) {
    std::abort();
  }
}

// An independent UTF-8 check (RFC 3629), so a reader bug cannot hide behind its own decoder.
bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    if (len == 0 || i + len > s.size()) {
      return false;
    }
    uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) {
        return false;
      }
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

class CheckingSink : public jbr::FindingSink {
 public:
  void Add(jbr::Finding f) override {
    Check(!f.code.empty() && !f.message.empty() && f.file == "fuzz.csv" && f.row >= 0);
    Check(f.severity == jbr::Severity::kError);
    log += f.code + "@" + std::to_string(f.row) + "/" + f.column + "\n";
  }
  std::string log;
};

// Reads everything and returns a transcript of rows and findings.
std::string Drain(std::string_view data, const jbr::CsvOptions& options) {
  CheckingSink sink;
  auto source = jbr::OpenCsvBuffer(data, "fuzz.csv", options, &sink);
  if (!source.ok()) {
    Check(source.status().code() == jbr::StatusCode::kInvalidInput);
    return "refused\n" + sink.log;
  }
  std::string out;
  jbr::RawRow row;
  int64_t last_row = 1;
  for (;;) {
    jbr::Result<bool> more = (*source)->Next(&row);
    Check(more.ok());  // memory never fails
    if (!*more) {
      break;
    }
    Check(row.row_number > last_row && row.cells.size() == row.kinds.size());
    Check(!row.cells.empty() && row.cells.size() <= options.max_columns);
    last_row = row.row_number;
    out += std::to_string(row.row_number) + ":";
    for (const std::string& cell : row.cells) {
      // Decoding grows a byte to at most three (U+FFFD, or a cp1252 character such as the euro).
      Check(cell.size() <= 3 * options.max_field_bytes && ValidUtf8(cell));
      out += cell + "|";
    }
    out += "\n";
  }
  Check((*source)->bytes_read() == data.size());
  return out + sink.log;
}

// The same input in one buffer and in tiny ones must read the same.
void DrainBothWays(std::string_view data, jbr::CsvOptions options) {
  const std::string whole = Drain(data, options);
  options.buffer_bytes = 1 + data.size() % 5;
  Check(Drain(data, options) == whole);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  jbr::CsvOptions sniffed;  // small limits, so that the fuzzer reaches them
  sniffed.max_field_bytes = 16;
  sniffed.max_columns = 6;
  DrainBothWays(text, sniffed);
  jbr::CsvOptions stated;
  stated.delimiter = ';';
  stated.encoding = jbr::Encoding::kWindows1252;
  stated.max_field_bytes = 8;
  DrainBothWays(text, stated);
  jbr::CsvOptions utf8;
  utf8.encoding = jbr::Encoding::kUtf8;
  Drain(text, utf8);
  return 0;
}
