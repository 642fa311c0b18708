#include "ingest/open_table.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

namespace jbr {

Result<std::unique_ptr<RowSource>> OpenTable(const std::string& path,
                                             const std::string& display_name,
                                             const TableOptions& options, FindingSink* sink) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return IoError(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  char magic[4] = {};
  ssize_t n;
  do {
    n = pread(fd, magic, sizeof magic, 0);
  } while (n < 0 && errno == EINTR);
  const int read_errno = errno;
  close(fd);
  if (n < 0) {
    return IoError(fmt::format("cannot read {}: {}", path, std::strerror(read_errno)));
  }
  // The ZIP local-file-header signature: an .xlsx whatever its name, since people rename files.
  if (n == sizeof magic &&
      std::string_view(magic, sizeof magic) == std::string_view("PK\x03\x04", 4)) {
    return OpenXlsx(path, display_name, options.xlsx, sink);
  }
  return OpenCsv(path, display_name, options.csv, sink);
}

}  // namespace jbr
