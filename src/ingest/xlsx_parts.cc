// The workbook parts the XLSX reader needs besides the sheet: package relationships, the workbook
// (sheet names), and the shared-string table.

#include <cstring>
#include <string>

#include "ingest/xlsx_internal.h"

namespace jbr::xlsx {
namespace {

// Excel allows as many sheets as memory does; a delivery has a handful. This keeps a hostile
// workbook from making us hold millions of names.

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string_view Folder(std::string_view part) {
  const size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
}

bool ParsePart(ZipArchive* zip, const std::string& path, XmlHandler* handler, Problem* problem) {
  std::unique_ptr<ZipEntry> entry = zip->Open(path, kNotAWorkbook, problem);
  if (entry == nullptr) {
    return false;
  }
  XmlPart part(std::move(entry), handler, kNotAWorkbook);
  return RunToEnd(&part, problem);
}

// Keeps only the relationships asked for, so that a huge .rels part costs no memory. Type URIs
// differ between transitional and strict OOXML but end the same.
class RelsHandler : public XmlHandler {
 public:
  explicit RelsHandler(std::string wanted_id) : wanted_id_(std::move(wanted_id)) {}

  void Start(XmlPart* /*part*/, std::string_view name, const char** attributes) override {
    if (name != "Relationship") {
      return;
    }
    const char* mode = Attribute(attributes, "TargetMode");
    const char* id = Attribute(attributes, "Id");
    const char* type = Attribute(attributes, "Type");
    const char* target = Attribute(attributes, "Target");
    if (target == nullptr || (mode != nullptr && std::strcmp(mode, "External") == 0)) {
      return;
    }
    if (id != nullptr && !wanted_id_.empty() && wanted_id_ == id && by_id.empty()) {
      by_id = target;
    }
    if (type == nullptr) {
      return;
    }
    if (EndsWith(type, "/officeDocument") && office_document.empty()) {
      office_document = target;
    }
    if (EndsWith(type, "/sharedStrings") && shared_strings.empty()) {
      shared_strings = target;
    }
  }
  void End(XmlPart* /*part*/, std::string_view /*name*/) override {}
  void Text(XmlPart* /*part*/, std::string_view /*text*/) override {}

  std::string by_id;
  std::string office_document;
  std::string shared_strings;

 private:
  std::string wanted_id_;
};

class WorkbookHandler : public XmlHandler {
 public:
  WorkbookHandler(std::vector<SheetRef>* sheets, bool* date1904, bool* recalculate)
      : sheets_(sheets), date1904_(date1904), recalculate_(recalculate) {}

  void Start(XmlPart* part, std::string_view name, const char** attributes) override {
    if (name == "calcPr") {
      const char* full = Attribute(attributes, "fullCalcOnLoad");
      *recalculate_ =
          full != nullptr && (std::strcmp(full, "1") == 0 || std::strcmp(full, "true") == 0);
      return;
    }
    if (name == "workbookPr") {
      for (const char** a = attributes; a[0] != nullptr; a += 2) {
        if (std::strcmp(a[0], "date1904") == 0) {
          *date1904_ = std::strcmp(a[1], "1") == 0 || std::strcmp(a[1], "true") == 0;
        }
      }
      return;
    }
    if (name != "sheet") {
      return;
    }
    if (sheets_->size() >= kMaxSheets) {
      part->Fail(Refusal("the workbook has more than " + std::to_string(kMaxSheets) + " sheets",
                         "deliver the sheet on its own"));
      return;
    }
    SheetRef sheet;
    for (const char** a = attributes; a[0] != nullptr; a += 2) {
      const bool prefixed = std::strchr(a[0], ':') != nullptr;
      // r:id, whatever prefix the relationships namespace was given.
      if (prefixed && LocalName(a[0]) == "id") {
        sheet.relationship_id = a[1];
      }
      if (!prefixed && std::strcmp(a[0], "name") == 0) {
        sheet.name = a[1];
      }
    }
    sheets_->push_back(std::move(sheet));
  }
  void End(XmlPart* /*part*/, std::string_view /*name*/) override {}
  void Text(XmlPart* /*part*/, std::string_view /*text*/) override {}

 private:
  std::vector<SheetRef>* sheets_;
  bool* date1904_;
  bool* recalculate_;
};

}  // namespace

// Builds the table straight into one buffer. Elements are matched by depth so that hostile
// nesting (an <si> inside a <t>) cannot make the string boundaries go backwards.
class SharedStringsHandler : public XmlHandler {
 public:
  SharedStringsHandler(SharedStrings* strings, const XlsxOptions& options)
      : strings_(strings), options_(options) {}

  void Start(XmlPart* part, std::string_view name, const char** attributes) override {
    if (si_depth_ == 0) {
      if (name == "si") {
        si_depth_ = part->depth();
        si_start_ = strings_->text_.size();
      }
    } else if (name == "rPh" && rph_depth_ == 0) {
      rph_depth_ = part->depth();  // phonetic reading: not part of the value
    } else if (name == "t" && t_depth_ == 0 && rph_depth_ == 0) {
      t_depth_ = part->depth();
      const char* space = Attribute(attributes, "xml:space");
      preserve_ = space != nullptr && std::strcmp(space, "preserve") == 0;
      t_start_ = strings_->text_.size();
    }
  }

  void End(XmlPart* part, std::string_view /*name*/) override {
    const int depth = part->depth();
    if (depth == t_depth_) {
      t_depth_ = 0;
      if (!preserve_) {
        TrimFrom(t_start_);
      }
      DecodeXstringEscapes(&strings_->text_, t_start_);
    } else if (depth == rph_depth_) {
      rph_depth_ = 0;
    } else if (depth == si_depth_) {
      si_depth_ = 0;
      strings_->ends_.push_back(strings_->text_.size());
      CheckTotal(part);
    }
  }

  void Text(XmlPart* part, std::string_view text) override {
    if (t_depth_ == 0 || rph_depth_ != 0) {
      return;
    }
    strings_->text_.append(text);
    if (strings_->text_.size() - si_start_ > options_.max_cell_bytes) {
      part->Fail(Refusal("a shared string is longer than " +
                             std::to_string(options_.max_cell_bytes) + " bytes (max_cell_bytes)",
                         "a cell this long is not data; export the sheet as CSV"));
      return;
    }
    CheckTotal(part);
  }

 private:
  // Excel drops the blanks around text that is not marked xml:space="preserve"; so do we.
  void TrimFrom(size_t start) {
    std::string& text = strings_->text_;
    while (text.size() > start && kXmlBlanks.find(text.back()) != std::string_view::npos) {
      text.pop_back();
    }
    const size_t first = text.find_first_not_of(kXmlBlanks, start);
    text.erase(start, (first == std::string::npos ? text.size() : first) - start);
  }

  void CheckTotal(XmlPart* part) {
    if (strings_->bytes_held() <= options_.max_shared_string_bytes) {
      return;
    }
    part->Fail(Refusal("the shared strings take more than " +
                           std::to_string(options_.max_shared_string_bytes) +
                           " bytes (max_shared_string_bytes)",
                       "split the delivery into smaller files, or export the sheet as CSV"));
  }

  SharedStrings* strings_;
  const XlsxOptions& options_;
  int si_depth_ = 0;
  int t_depth_ = 0;
  int rph_depth_ = 0;
  bool preserve_ = false;
  size_t si_start_ = 0;
  size_t t_start_ = 0;
};

std::string_view SharedStrings::Get(size_t index) const {
  const uint64_t begin = index == 0 ? 0 : ends_[index - 1];
  return std::string_view(text_).substr(begin, ends_[index] - begin);
}

std::string ResolveTarget(std::string_view source_part, std::string_view target) {
  std::string joined;
  if (!target.empty() && (target[0] == '/' || target[0] == '\\')) {
    joined = target.substr(1);
  } else {
    joined = std::string(Folder(source_part)) + std::string(target);
  }
  std::vector<std::string> segments;
  size_t begin = 0;
  while (begin <= joined.size()) {
    size_t end = joined.find_first_of("/\\", begin);
    if (end == std::string::npos) {
      end = joined.size();
    }
    const std::string segment = joined.substr(begin, end - begin);
    if (segment == "..") {
      if (!segments.empty()) {
        segments.pop_back();
      }
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    begin = end + 1;
  }
  std::string path;
  for (const std::string& segment : segments) {
    path += (path.empty() ? "" : "/") + segment;
  }
  return path;
}

bool ReadWorkbook(ZipArchive* zip, WorkbookLayout* layout, Problem* problem) {
  layout->workbook_path = "xl/workbook.xml";
  if (zip->Has("_rels/.rels")) {
    RelsHandler rels("");
    if (!ParsePart(zip, "_rels/.rels", &rels, problem)) {
      return false;
    }
    const std::string path = ResolveTarget("", rels.office_document);
    if (!rels.office_document.empty() && zip->Has(path)) {
      layout->workbook_path = path;
    }
  }
  WorkbookHandler handler(&layout->sheets, &layout->date1904, &layout->formulas_uncalculated);
  if (!ParsePart(zip, layout->workbook_path, &handler, problem)) {
    return false;
  }
  if (layout->sheets.empty()) {
    *problem = {StatusCode::kInvalidInput, kNotAWorkbook, "the workbook has no sheets",
                "save the file as an Excel workbook (.xlsx) or as CSV", 0};
    return false;
  }
  return true;
}

bool ResolveSheet(ZipArchive* zip, const WorkbookLayout& layout, const SheetRef& sheet,
                  std::string* sheet_path, std::string* shared_strings_path, Problem* problem) {
  const std::string_view workbook = layout.workbook_path;
  const std::string rels_path = std::string(Folder(workbook)) + "_rels/" +
                                std::string(workbook.substr(Folder(workbook).size())) + ".rels";
  RelsHandler rels(sheet.relationship_id);
  if (!ParsePart(zip, rels_path, &rels, problem)) {
    return false;
  }
  if (sheet.relationship_id.empty() || rels.by_id.empty()) {
    *problem = {StatusCode::kInvalidInput, kNotAWorkbook,
                "the workbook does not say where the data of sheet '" + sheet.name + "' is",
                "open the file in Excel and save it again, or export the sheet as CSV", 0};
    return false;
  }
  *sheet_path = ResolveTarget(workbook, rels.by_id);
  shared_strings_path->clear();
  if (!rels.shared_strings.empty()) {
    *shared_strings_path = ResolveTarget(workbook, rels.shared_strings);
  } else if (const std::string guess = std::string(Folder(workbook)) + "sharedStrings.xml";
             zip->Has(guess)) {
    *shared_strings_path = guess;  // some writers forget the relationship
  }
  return true;
}

bool ReadSharedStrings(ZipArchive* zip, const std::string& path, SharedStrings* strings,
                       Problem* problem) {
  SharedStringsHandler handler(strings, zip->options());
  return ParsePart(zip, path, &handler, problem);
}

}  // namespace jbr::xlsx
