// Test helpers for the XLSX reader: real workbooks written with libxlsxwriter, hand-made ZIPs
// written with libzip, and a drain that collects everything a RowSource yields.
#pragma once

#include <xlsxwriter.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "common/testing/temp_dir.h"
#include "ingest/xlsx_reader.h"

namespace jbr::xlsx_test {

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Writes a workbook at `path` with libxlsxwriter; `fill` adds sheets and cells.
inline void WriteXlsx(const std::string& path, const std::function<void(lxw_workbook*)>& fill,
                      bool constant_memory = false) {
  lxw_workbook_options options = {};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  fill(workbook);
  if (workbook_close(workbook) != LXW_NO_ERROR) {
    throw std::runtime_error("workbook_close failed");
  }
}

struct Part {
  std::string name;
  std::string data;
  zip_int32_t method = ZIP_CM_DEFLATE;
};

// A ZIP archive in memory holding `parts`.
inline std::string MakeZip(const std::vector<Part>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* zip = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  zip_source_keep(out);
  for (const Part& part : parts) {
    zip_source_t* source = zip_source_buffer(zip, part.data.data(), part.data.size(), 0);
    const zip_int64_t index = zip_file_add(zip, part.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), part.method, 9);
  }
  if (zip_close(zip) != 0) {
    throw std::runtime_error("zip_close failed");
  }
  zip_source_open(out);
  zip_source_seek(out, 0, SEEK_END);
  std::string bytes(static_cast<size_t>(zip_source_tell(out)), '\0');
  zip_source_seek(out, 0, SEEK_SET);
  zip_source_read(out, bytes.data(), bytes.size());
  zip_source_close(out);
  zip_source_free(out);
  zip_error_fini(&error);
  return bytes;
}

inline const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

inline std::string Rels(const std::vector<std::string>& relationships) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (const std::string& r : relationships) {
    xml += r;
  }
  return xml + "</Relationships>";
}

inline std::string Rel(const std::string& id, const std::string& type, const std::string& target) {
  return "<Relationship Id=\"" + id + "\" Type=\"" + kRelNs + "/" + type + "\" Target=\"" + target +
         "\"/>";
}

// <worksheet><sheetData>rows</sheetData></worksheet>
inline std::string SheetXml(const std::string& rows) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"") +
         kMainNs + "\"><sheetData>" + rows + "</sheetData></worksheet>";
}

inline std::string SharedStringsXml(const std::string& items) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"") + kMainNs + "\">" +
         items + "</sst>";
}

// The parts of a one-sheet workbook named "Blad1" around hand-written sheet XML.
inline std::vector<Part> HandMade(const std::string& sheet_xml, const std::string& shared = "",
                                  const std::string& target = "worksheets/sheet1.xml") {
  std::vector<Part> parts;
  parts.push_back({"_rels/.rels", Rels({Rel("rId1", "officeDocument", "xl/workbook.xml")})});
  parts.push_back({"xl/workbook.xml", std::string("<workbook xmlns=\"") + kMainNs +
                                          "\" xmlns:r=\"" + kRelNs +
                                          "\"><sheets><sheet name=\"Blad1\" sheetId=\"1\" "
                                          "r:id=\"rId1\"/></sheets></workbook>"});
  std::vector<std::string> rels = {Rel("rId1", "worksheet", target)};
  if (!shared.empty()) {
    rels.push_back(Rel("rId2", "sharedStrings", "sharedStrings.xml"));
  }
  parts.push_back({"xl/_rels/workbook.xml.rels", Rels(rels)});
  parts.push_back({"xl/worksheets/sheet1.xml", sheet_xml});
  if (!shared.empty()) {
    parts.push_back({"xl/sharedStrings.xml", shared});
  }
  return parts;
}

inline Part* FindPart(std::vector<Part>* parts, const std::string& name) {
  for (Part& part : *parts) {
    if (part.name == name) {
      return &part;
    }
  }
  return nullptr;
}

// Everything a source gave: the open status, the header, the rows, the findings.
struct Drained {
  Status status;
  Status next_status;
  RawRow header;
  std::vector<RawRow> rows;
  SourceInfo info;
  CollectingSink sink;
  std::vector<uint64_t> progress;  // bytes_read() after the header and after each row

  bool Has(const std::string& code) const {
    return std::any_of(sink.findings().begin(), sink.findings().end(),
                       [&](const Finding& f) { return f.code == code; });
  }
  const Finding* Get(const std::string& code) const {
    for (const Finding& f : sink.findings()) {
      if (f.code == code) {
        return &f;
      }
    }
    return nullptr;
  }
};

inline void DrainSource(Result<std::unique_ptr<RowSource>> opened, Drained* out) {
  out->status = opened.status();
  if (!opened.ok()) {
    return;
  }
  RowSource& source = **opened;
  out->header = source.header();
  out->info = source.info();
  out->progress.push_back(source.bytes_read());
  RawRow row;
  for (;;) {
    Result<bool> more = source.Next(&row);
    if (!more.ok()) {
      out->next_status = more.status();
      return;
    }
    if (!*more) {
      break;
    }
    out->rows.push_back(row);
    out->progress.push_back(source.bytes_read());
  }
  out->progress.push_back(source.bytes_read());
}

inline void DrainBuffer(std::string_view data, const XlsxOptions& options, Drained* out) {
  DrainSource(OpenXlsxBuffer(data, "levering.xlsx", options, &out->sink), out);
}

inline void DrainFile(const std::string& path, const XlsxOptions& options, Drained* out) {
  DrainSource(OpenXlsx(path, "levering.xlsx", options, &out->sink), out);
}

inline std::vector<std::string> Cells(std::initializer_list<std::string> cells) { return cells; }

}  // namespace jbr::xlsx_test
