// Fuzzes the XLSX reader over bytes in memory: open with small limits, then drain every row.
// Any input must end in rows or findings, never a crash, a leak or a hang.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/finding.h"
#include "ingest/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jbr::XlsxOptions options;
  // Small enough that a limit is reached within a run's time budget, large enough that the seed
  // workbooks pass.
  options.max_uncompressed_bytes = 4 << 20;
  options.max_compression_ratio = 100;
  options.max_cells = 100'000;
  options.max_columns = 256;
  options.max_xml_depth = 32;
  options.max_shared_string_bytes = 1 << 20;
  options.max_cell_bytes = 64 << 10;
  jbr::CollectingSink sink(16);
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto source = jbr::OpenXlsxBuffer(bytes, "fuzz.xlsx", options, &sink);
  if (!source.ok()) {
    return 0;
  }
  (void)(*source)->header();
  (void)(*source)->info();
  jbr::RawRow row;
  for (;;) {
    jbr::Result<bool> more = (*source)->Next(&row);
    if (!more.ok() || !*more) {
      break;
    }
    if (row.cells.size() != row.kinds.size()) {
      __builtin_trap();
    }
    // A run of rows is blank: every other row is handed out once.
    if (row.blank_run < 1 || (row.blank_run > 1 && !row.IsBlank())) {
      __builtin_trap();
    }
    (void)(*source)->bytes_read();
  }
  return 0;
}
