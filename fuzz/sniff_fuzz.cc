// libFuzzer target: how a delivery's format is told from its bytes (OpenTable's first step): the
// magic numbers of ZIP, OLE2 and bare BIFF files, and what a ZIP archive holds (ODS or another
// OpenDocument file, or something for the XLSX reader). Any bytes must give an answer, never a
// crash, a hang or a leak; another OpenDocument file is named by its mimetype.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/ods_reader.h"
#include "ingest/open_table.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const jbr::Magic magic = jbr::SniffMagic(bytes);
  std::string mimetype;
  const jbr::ZipKind kind = jbr::SniffZipKindBuffer(bytes, &mimetype);
  if (kind == jbr::ZipKind::kOtherOpenDocument && mimetype.empty()) std::abort();
  if (magic == jbr::Magic::kZip && size < 4) std::abort();
  return 0;
}
