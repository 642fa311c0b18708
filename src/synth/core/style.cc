#include "synth/core/style.h"

namespace jbr::synth {

Style StyleNamed(const std::string& name, bool dutch) {
  Style s;
  s.name = name;
  s.dutch = dutch;
  if (name == "xlsx") {
    s.format = FileFormat::kXlsx;
  } else if (name == "utf8bom-semicolon") {
    s.encoding = Encoding::kUtf8Bom;
    s.delimiter = ';';
    s.decimal_comma = true;
    s.crlf = true;
  } else if (name == "cp1252-semicolon") {
    s.encoding = Encoding::kCp1252;
    s.delimiter = ';';
    s.decimal_comma = true;
    s.dmy_dates = true;
    s.crlf = true;
  } else {
    s.name = "utf8-comma";
  }
  return s;
}

const char* Extension(const Style& s) { return s.format == FileFormat::kXlsx ? "xlsx" : "csv"; }

}  // namespace jbr::synth
