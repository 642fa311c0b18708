// The XML driver of the XLSX reader: expat's push parser fed from a ZIP entry in chunks, with
// suspension so that a worksheet is parsed only as far as its rows are taken.

#include <cstring>
#include <string>

#include "ingest/xlsx_internal.h"

namespace jbr::xlsx {
namespace {

constexpr size_t kChunkBytes = 64 << 10;
// Expat buffers an unfinished token (a tag with its attributes, a comment) whole. Text is handed
// over in pieces, so besides cell text nothing legitimate comes near this.
constexpr uint64_t kTokenSlackBytes = 1 << 20;

}  // namespace

std::string_view LocalName(const char* name) {
  const char* separator = std::strrchr(name, kNamespaceSeparator);
  if (separator != nullptr) {
    return std::string_view(separator + 1);
  }
  const char* colon = std::strrchr(name, ':');
  return colon == nullptr ? std::string_view(name) : std::string_view(colon + 1);
}

const char* Attribute(const char** attributes, std::string_view name) {
  for (const char** a = attributes; a[0] != nullptr; a += 2) {
    if (name == a[0]) {
      return a[1];
    }
  }
  return nullptr;
}

XmlPart::XmlPart(std::unique_ptr<ZipEntry> entry, XmlHandler* handler, const char* syntax_code,
                 bool namespaces)
    : entry_(std::move(entry)),
      handler_(handler),
      syntax_code_(syntax_code),
      parser_(namespaces ? XML_ParserCreateNS(nullptr, kNamespaceSeparator)
                         : XML_ParserCreate(nullptr)),
      buffer_(kChunkBytes) {
  if (parser_ == nullptr) {
    failed_ = true;
    problem_ = {StatusCode::kInternal, "", "out of memory creating an XML parser", "", 0};
    return;
  }
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser_, OnText);
  XML_SetStartDoctypeDeclHandler(parser_, OnDoctype);
  XML_SetEntityDeclHandler(parser_, OnEntity);
}

XmlPart::~XmlPart() {
  if (parser_ != nullptr) {
    XML_ParserFree(parser_);
  }
}

XmlPart::Step XmlPart::Run() {
  for (;;) {
    if (failed_) {
      return Step::kFailed;
    }
    if (finished_) {
      return Step::kDone;
    }
    XML_Status status;
    if (suspended_) {
      suspended_ = false;
      status = XML_ResumeParser(parser_);
    } else if (!FeedChunk(&status)) {
      return Step::kFailed;
    }
    const Step step = AfterParse(status);
    if (step != Step::kDone || finished_) {
      return step;
    }
  }
}

bool XmlPart::FeedChunk(XML_Status* status) {
  const int64_t n = entry_->Read(buffer_.data(), buffer_.size(), syntax_code_, &problem_);
  if (n < 0) {
    failed_ = true;
    return false;
  }
  // zip_fread fills the buffer unless the entry ends, but only an empty read proves the end.
  final_fed_ = n == 0;
  fed_ += static_cast<uint64_t>(n);
  *status = XML_Parse(parser_, buffer_.data(), static_cast<int>(n), final_fed_);
  return true;
}

// Returns kDone with finished_ unset to mean "feed the next chunk".
XmlPart::Step XmlPart::AfterParse(XML_Status status) {
  if (failed_) {
    return Step::kFailed;  // a handler or a limit stopped the parser
  }
  if (status == XML_STATUS_SUSPENDED) {
    suspended_ = true;
    return Step::kSuspended;
  }
  if (status == XML_STATUS_ERROR) {
    failed_ = true;
    problem_ = {
        StatusCode::kInvalidInput, syntax_code_,
        "malformed XML in " + entry_->name() + " at line " +
            std::to_string(XML_GetCurrentLineNumber(parser_)) + ": " +
            XML_ErrorString(XML_GetErrorCode(parser_)),
        "open the file in Excel or LibreOffice and save it again, or export the sheet as CSV", 0};
    return Step::kFailed;
  }
  if (final_fed_) {
    finished_ = true;
    return Step::kDone;
  }
  const uint64_t max_token = entry_->options().max_cell_bytes + kTokenSlackBytes;
  if (fed_ - last_event_ > max_token) {
    failed_ = true;
    problem_ = Refusal(entry_->name() + " has a single XML token longer than " +
                           std::to_string(max_token) + " bytes (max_cell_bytes)",
                       "export the sheet as CSV");
    return Step::kFailed;
  }
  return Step::kDone;
}

void XmlPart::Suspend() {
  if (!failed_ && !finished_) {
    XML_StopParser(parser_, XML_TRUE);
  }
}

void XmlPart::Fail(Problem problem) {
  if (failed_ || finished_) {
    return;
  }
  failed_ = true;
  problem_ = std::move(problem);
  XML_StopParser(parser_, XML_FALSE);
}

void XmlPart::NoteEvent() {
  const XML_Index index = XML_GetCurrentByteIndex(parser_);
  if (index >= 0) {
    last_event_ = static_cast<uint64_t>(index);
  }
}

void XmlPart::OnStart(void* self, const char* name, const char** attributes) {
  auto* part = static_cast<XmlPart*>(self);
  // Expat may deliver an event or two after a stop; they must not reach the handler.
  if (part->failed_ || part->finished_) {
    return;
  }
  part->NoteEvent();
  const int max_depth = part->entry_->options().max_xml_depth;
  if (++part->depth_ > max_depth) {
    part->Fail(Refusal(part->entry_->name() + " nests XML elements deeper than " +
                           std::to_string(max_depth) + " levels (max_xml_depth)",
                       "a real workbook does not nest this deep; export the sheet as CSV"));
    return;
  }
  part->element_name_ = name;
  part->handler_->Start(part, LocalName(name), attributes);
  part->element_name_ = "";
}

void XmlPart::OnEnd(void* self, const char* name) {
  auto* part = static_cast<XmlPart*>(self);
  if (part->failed_ || part->finished_) {
    return;
  }
  part->NoteEvent();
  part->handler_->End(part, LocalName(name));
  --part->depth_;
}

void XmlPart::OnText(void* self, const char* text, int length) {
  auto* part = static_cast<XmlPart*>(self);
  if (part->failed_ || part->finished_) {
    return;
  }
  part->NoteEvent();
  part->handler_->Text(part, std::string_view(text, static_cast<size_t>(length)));
}

// A DOCTYPE is the only way to declare entities; workbooks never have one. Refusing it outright
// blocks entity expansion bombs and external entities without trusting expat's own defences.
void XmlPart::OnDoctype(void* self, const char* /*name*/, const char* /*sysid*/,
                        const char* /*pubid*/, int /*has_internal_subset*/) {
  auto* part = static_cast<XmlPart*>(self);
  part->Fail(
      Refusal(part->entry_->name() + " has a DOCTYPE declaration, which workbooks never have",
              "export the sheet as CSV"));
}

void XmlPart::OnEntity(void* self, const char* /*name*/, int /*is_parameter*/,
                       const char* /*value*/, int /*length*/, const char* /*base*/,
                       const char* /*sysid*/, const char* /*pubid*/, const char* /*notation*/) {
  auto* part = static_cast<XmlPart*>(self);
  part->Fail(Refusal(part->entry_->name() + " declares an XML entity", "export the sheet as CSV"));
}

bool RunToEnd(XmlPart* part, Problem* problem) {
  XmlPart::Step step;
  while ((step = part->Run()) == XmlPart::Step::kSuspended) {
  }
  if (step == XmlPart::Step::kFailed) {
    *problem = part->problem();
    return false;
  }
  return true;
}

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of an escape _xHHHH_ at text[at], or -1 when there is none.
int32_t EscapeAt(const std::string& text, size_t at) {
  if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') {
    return -1;
  }
  int32_t unit = 0;
  for (size_t i = at + 2; i < at + 6; ++i) {
    const int digit = HexDigit(text[i]);
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

// Writes the UTF-8 of `cp` at text[*write]; never past what the escape it replaces took.
void PutUtf8(uint32_t cp, std::string* text, size_t* write) {
  char* out = text->data() + *write;
  size_t n = 0;
  if (cp < 0x80) {
    out[n++] = static_cast<char>(cp);
  } else if (cp < 0x800) {
    out[n++] = static_cast<char>(0xC0 | (cp >> 6));
    out[n++] = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out[n++] = static_cast<char>(0xE0 | (cp >> 12));
    out[n++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[n++] = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out[n++] = static_cast<char>(0xF0 | (cp >> 18));
    out[n++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[n++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[n++] = static_cast<char>(0x80 | (cp & 0x3F));
  }
  *write += n;
}

}  // namespace

void DecodeXstringEscapes(std::string* text, size_t start) {
  if (text->find("_x", start) == std::string::npos) {
    return;
  }
  size_t write = start;
  size_t read = start;
  while (read < text->size()) {
    const int32_t unit = EscapeAt(*text, read);
    if (unit < 0) {
      (*text)[write++] = (*text)[read++];
      continue;
    }
    read += 7;
    uint32_t cp = static_cast<uint32_t>(unit);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const int32_t low = EscapeAt(*text, read);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + static_cast<uint32_t>(low - 0xDC00);
        read += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      cp = 0xFFFD;
    }
    PutUtf8(cp, text, &write);  // at most 4 bytes for the 7 or 14 read
  }
  text->resize(write);
}

}  // namespace jbr::xlsx
