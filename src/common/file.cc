#include "common/file.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace jbr {

Status WriteFileBytes(const std::string& path, std::string_view bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) return IoError(fmt::format("cannot write {}", path));
  return Status::Ok();
}

Result<std::string> ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(fmt::format("cannot read {}", path));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return IoError(fmt::format("cannot read {}", path));
  return s.str();
}

}  // namespace jbr
