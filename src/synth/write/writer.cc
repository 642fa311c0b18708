#include "synth/write/writer.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "common/csv_write.h"
#include "common/file.h"

namespace jbr::synth {
namespace {

// The Dutch word for an English enum value: the first alias in the schema that means it.
std::string DutchEnum(const FieldSchema& f, const std::string& canonical) {
  for (const auto& [alias, value] : f.enum_aliases) {
    if (value == canonical && !alias.empty() && !(alias[0] >= '0' && alias[0] <= '9')) return alias;
  }
  return canonical;
}

}  // namespace

std::string StyledText(const FieldSchema* f, const std::string& v, const Style& style) {
  if (f == nullptr || v.empty()) return v;
  switch (f->type) {
    case FieldType::kNumber:
      if (style.decimal_comma) {
        std::string s = v;
        for (char& c : s) {
          if (c == '.') c = ',';
        }
        return s;
      }
      return v;
    case FieldType::kDate:
      if (style.dmy_dates && v.size() == 10) {
        return v.substr(8, 2) + "-" + v.substr(5, 2) + "-" + v.substr(0, 4);
      }
      return v;
    case FieldType::kBoolean:
      if (style.dutch) return v == "true" ? "ja" : "nee";
      return v;
    case FieldType::kString:
      if (style.dutch && !f->enum_aliases.empty() && f->separators.empty()) return DutchEnum(*f, v);
      return v;
    default:
      return v;
  }
}

std::string StyledHeader(const FieldSchema* f, const std::string& column, const Style& style) {
  if (f != nullptr && style.dutch && !f->aliases.empty()) return f->aliases.front();
  return column;
}

std::string ToCp1252(std::string_view in) {
  // Code points 0x80-0x9F of Windows-1252 that are not Latin-1.
  static const struct {
    uint32_t cp;
    char byte;
  } kExtra[] = {{0x20AC, '\x80'}, {0x201A, '\x82'}, {0x0192, '\x83'}, {0x201E, '\x84'},
                {0x2026, '\x85'}, {0x2020, '\x86'}, {0x2021, '\x87'}, {0x02C6, '\x88'},
                {0x2030, '\x89'}, {0x0160, '\x8A'}, {0x2039, '\x8B'}, {0x0152, '\x8C'},
                {0x017D, '\x8E'}, {0x2018, '\x91'}, {0x2019, '\x92'}, {0x201C, '\x93'},
                {0x201D, '\x94'}, {0x2022, '\x95'}, {0x2013, '\x96'}, {0x2014, '\x97'},
                {0x02DC, '\x98'}, {0x2122, '\x99'}, {0x0161, '\x9A'}, {0x203A, '\x9B'},
                {0x0153, '\x9C'}, {0x017E, '\x9E'}, {0x0178, '\x9F'}};
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    uint32_t cp = c;
    size_t len = 1;
    if (c >= 0xC0 && c < 0xE0 && i + 1 < in.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(in[i + 1]) & 0x3Fu);
      len = 2;
    } else if (c >= 0xE0 && c < 0xF0 && i + 2 < in.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(in[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(in[i + 2]) & 0x3Fu);
      len = 3;
    } else if (c >= 0xF0) {
      cp = 0xFFFD;
      len = 4;
    }
    i += len;
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    char byte = '?';
    for (const auto& e : kExtra) {
      if (e.cp == cp) byte = e.byte;
    }
    out.push_back(byte);
  }
  return out;
}

std::string RenderCsv(const Table& t, const DatasetSchema& schema, const Style& style) {
  std::vector<const FieldSchema*> fields;
  for (const auto& c : t.columns) {
    const int i = schema.FieldIndex(c);
    fields.push_back(i < 0 ? nullptr : &schema.fields[static_cast<size_t>(i)]);
  }
  const char* eol = style.crlf ? "\r\n" : "\n";
  std::string out;
  out.reserve(64 + t.rows.size() * t.columns.size() * 10);
  if (style.encoding == Encoding::kUtf8Bom) out += "\xEF\xBB\xBF";
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (c > 0) out.push_back(style.delimiter);
    AppendCsvField(&out, StyledHeader(fields[c], t.columns[c], style), style.delimiter);
  }
  out += eol;
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out.push_back(style.delimiter);
      AppendCsvField(&out, StyledText(fields[c], row[c], style), style.delimiter);
    }
    out += eol;
  }
  if (style.encoding == Encoding::kCp1252) return ToCp1252(out);
  return out;
}

namespace {

// One typed cell of a workbook: numbers, dates and booleans as Excel stores them.
void WriteXlsxCell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const FieldSchema* f,
                   const std::string& v, const Style& style, lxw_format* date_format) {
  if (v.empty()) return;
  if (f != nullptr) {
    switch (f->type) {
      case FieldType::kInteger:
      case FieldType::kNumber:
        if (auto d = ParseDecimal(v, DecimalMark::kPoint)) {
          worksheet_write_number(ws, r, c, *d, nullptr);
          return;
        }
        break;
      case FieldType::kDate:
        if (auto d = ParseDate(v)) {
          // Excel's 1900 system: serial 25569 is 1970-01-01.
          worksheet_write_number(ws, r, c, static_cast<double>(*d) + 25569.0, date_format);
          return;
        }
        break;
      case FieldType::kBoolean:
        if (!style.dutch) {
          worksheet_write_boolean(ws, r, c, v == "true" ? 1 : 0, nullptr);
          return;
        }
        break;
      default:
        break;
    }
  }
  worksheet_write_string(ws, r, c, StyledText(f, v, style).c_str(), nullptr);
}

}  // namespace

Status WriteTable(const Table& t, const DatasetSchema& schema, const Style& style,
                  const std::string& path, const std::vector<std::string>& sheets_before) {
  if (style.format == FileFormat::kCsv) return WriteFileBytes(path, RenderCsv(t, schema, style));

  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;  // rows stream to a temporary file: memory stays flat
  const std::string tmpdir = std::filesystem::temp_directory_path().string();
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return IoError(fmt::format("cannot create workbook {}", path));
  // A fixed creation time: the same seed gives the same bytes.
  lxw_doc_properties props = {};
  props.created = 946684800;  // 2000-01-01
  props.author = const_cast<char*>("jbr synth");
  workbook_set_properties(wb, &props);
  for (const auto& name : sheets_before) {
    lxw_worksheet* note = workbook_add_worksheet(wb, name.c_str());
    worksheet_write_string(note, 0, 0, std::string(kNotesSheetText).c_str(), nullptr);
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, style.sheet.c_str());
  lxw_format* date_format = workbook_add_format(wb);
  format_set_num_format(date_format, "dd-mm-yyyy");
  std::vector<const FieldSchema*> fields;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    const int i = schema.FieldIndex(t.columns[c]);
    fields.push_back(i < 0 ? nullptr : &schema.fields[static_cast<size_t>(i)]);
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c),
                           StyledHeader(fields[c], t.columns[c], style).c_str(), nullptr);
  }
  for (size_t r = 0; r < t.rows.size(); ++r) {
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      WriteXlsxCell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), fields[c],
                    t.rows[r][c], style, date_format);
    }
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR)
    return IoError(fmt::format("cannot write workbook {}: {}", path, lxw_strerror(err)));
  return Status::Ok();
}

}  // namespace jbr::synth
