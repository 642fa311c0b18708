#include "publish/print/pdf.h"

#include <stdlib.h>

#include <cctype>
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include "common/file.h"
#include "common/process.h"
#include "common/sha256.h"
#include "common/temp_dir.h"

namespace jbr::publish {
namespace fs = std::filesystem;
namespace {

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

size_t SkipSpace(const std::string& s, size_t i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// The [begin, end) ranges of the values of `key` (a literal string "(...)" for dates, the hex
// strings "<...>" of an /ID array).
std::vector<std::pair<size_t, size_t>> ValueRanges(const std::string& pdf, const std::string& key,
                                                   char open, char close) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1)) {
    size_t i = at + key.size();
    if (i < pdf.size() && IsNameChar(pdf[i])) continue;  // a longer name, e.g. /IDTree
    i = SkipSpace(pdf, i);
    bool array = open == '<' && i < pdf.size() && pdf[i] == '[';
    if (open == '<' && !array) continue;  // an /ID is always an array of two strings
    if (array) i = SkipSpace(pdf, i + 1);
    for (int n = 0; n < (array ? 2 : 1); ++n) {
      if (i >= pdf.size() || pdf[i] != open) break;
      size_t end = pdf.find(close, i + 1);
      if (end == std::string::npos) break;
      out.emplace_back(i + 1, end);
      i = SkipSpace(pdf, end + 1);
    }
  }
  return out;
}

void FixDate(std::string& pdf, size_t begin, size_t end, const std::string& fixed) {
  for (size_t i = begin; i < end; ++i) {
    size_t k = i - begin;
    if (k < fixed.size()) {
      pdf[i] = fixed[k];
    } else if (std::isdigit(static_cast<unsigned char>(pdf[i]))) {
      pdf[i] = '0';  // the time-zone offset: +00'00' keeps its shape
    }
  }
}

constexpr char kHeadlessShell[] = "chromium-headless-shell";

Status RunChromium(const std::string& url, const std::string& pdf_path, const PdfOptions& o) {
  if (o.chromium.empty()) {
    PdfOptions shell = o;
    shell.chromium = kHeadlessShell;
    Status s = RunChromium(url, pdf_path, shell);
    if (s.code() != StatusCode::kNotFound) return s;
    shell.chromium = "chromium";
    return RunChromium(url, pdf_path, shell);
  }
  // A private profile, removed when it goes out of scope.
  JBR_ASSIGN_OR_RETURN(TempDir profile, TempDir::Make("jbr-chromium-"));
  std::vector<std::string> argv = {o.chromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--disable-extensions",
                                   "--no-pdf-header-footer",
                                   "--user-data-dir=" + profile.path(),
                                   "--print-to-pdf=" + pdf_path};
  if (!o.tagged) argv.push_back("--disable-pdf-tagging");
  argv.push_back(url);
  ProcessOptions po;
  po.timeout_seconds = o.timeout_seconds;
  po.stdout_path = o.log_path;
  po.stderr_path = o.log_path;
  auto run = RunProcess(argv, po);
  if (!run.ok() && run.status().code() == StatusCode::kNotFound) {
    return NotFound(
        fmt::format("{} is not installed: PDFs need it or {} (scripts/install-deps.sh), or publish "
                    "with --no-pdf",
                    o.chromium, kHeadlessShell));
  }
  JBR_ASSIGN_OR_RETURN(ProcessResult r, std::move(run));
  std::string log = o.log_path.empty() ? "" : fmt::format(" (log: {})", o.log_path);
  if (r.timed_out) {
    return InternalError(
        fmt::format("{} did not print {} within {} s{}", o.chromium, url, o.timeout_seconds, log));
  }
  std::error_code ec;
  if (r.exit_code != 0 || !fs::exists(pdf_path, ec) || fs::file_size(pdf_path, ec) == 0) {
    return InternalError(
        fmt::format("{} failed to print {} (exit code {}){}", o.chromium, url, r.exit_code, log));
  }
  return Status::Ok();
}

// The page as printed: a copy beside it that shows nothing on screen (pdf.h), or the page itself
// when it has no </head> to put the rule before. Removed when it goes out of scope.
class PrintCopy {
 public:
  static Result<PrintCopy> Make(const std::string& html_path) {
    JBR_ASSIGN_OR_RETURN(std::string html, ReadFileBytes(html_path));
    const size_t head = html.find("</head>");
    if (head == std::string::npos) return PrintCopy(html_path, false);
    html.insert(head, "<style media=\"screen\">html { display: none; }</style>");
    PrintCopy copy(html_path + ".jbr-print.html", true);
    JBR_RETURN_IF_ERROR(WriteFileBytes(copy.path_, html));
    return copy;
  }
  PrintCopy(PrintCopy&& o) noexcept : path_(std::move(o.path_)), owned_(o.owned_) {
    o.owned_ = false;
  }
  PrintCopy(const PrintCopy&) = delete;
  PrintCopy& operator=(const PrintCopy&) = delete;
  PrintCopy& operator=(PrintCopy&&) = delete;
  ~PrintCopy() {
    std::error_code ec;
    if (owned_) fs::remove(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  PrintCopy(std::string path, bool owned) : path_(std::move(path)), owned_(owned) {}
  std::string path_;
  bool owned_;
};

}  // namespace

Status PdfOptions::Validate() const {
  bool date_ok = date.size() == 10 && date[4] == '-' && date[7] == '-';
  for (size_t i = 0; date_ok && i < date.size(); ++i) {
    date_ok = (i == 4 || i == 7) || std::isdigit(static_cast<unsigned char>(date[i]));
  }
  if (!date_ok) return UsageError(fmt::format("PDF date must be YYYY-MM-DD, not '{}'", date));
  if (timeout_seconds <= 0) return UsageError("PDF timeout must be positive");
  return Status::Ok();
}

// Chromium names the structure elements of a tagged PDF's table headers "(nodeNNNNNNNN)" after the
// page's accessibility nodes, whose numbers depend on timing (seen under load: the same page gave
// two numberings). Renumbering them by first appearance, at the same width, gives the same bytes
// for the same structure.
int RenumberNodeIds(std::string& pdf) {
  constexpr std::string_view kPrefix = "(node";
  constexpr size_t kDigits = 8;
  std::map<std::string, std::string> renamed;
  int n = 0;
  for (size_t at = pdf.find(kPrefix); at != std::string::npos; at = pdf.find(kPrefix, at + 1)) {
    const size_t digits = at + kPrefix.size();
    if (digits + kDigits >= pdf.size() || pdf[digits + kDigits] != ')') continue;
    const std::string old = pdf.substr(digits, kDigits);
    if (old.find_first_not_of("0123456789") != std::string::npos) continue;
    auto [it, added] = renamed.emplace(old, fmt::format("{:08d}", renamed.size() + 1));
    pdf.replace(digits, kDigits, it->second);
    ++n;
  }
  return n;
}

int MakePdfReproducible(std::string& pdf, const std::string& date) {
  RenumberNodeIds(pdf);
  std::string fixed = "D:" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) + "000000";
  int n = 0;
  for (const char* key : {"/CreationDate", "/ModDate"}) {
    for (auto [b, e] : ValueRanges(pdf, key, '(', ')')) {
      FixDate(pdf, b, e, fixed);
      ++n;
    }
  }
  auto ids = ValueRanges(pdf, "/ID", '<', '>');
  if (ids.empty()) return n;
  for (auto [b, e] : ids) std::fill(pdf.begin() + b, pdf.begin() + e, '0');
  Sha256 sha;
  sha.Update(pdf);
  std::string hex = sha.HexDigest();
  for (auto [b, e] : ids) {
    for (size_t i = b; i < e; ++i) pdf[i] = hex[(i - b) % hex.size()];
    ++n;
  }
  return n;
}

Status PrintPdf(const std::string& html_path, const std::string& pdf_path, const PdfOptions& o) {
  JBR_RETURN_IF_ERROR(o.Validate());
  std::error_code ec;
  if (!fs::is_regular_file(html_path, ec)) return NotFound(fmt::format("no page {}", html_path));
  fs::remove(pdf_path, ec);  // never mistake an old PDF for a new one
  std::string out = fs::absolute(pdf_path, ec).string();
  {
    JBR_ASSIGN_OR_RETURN(PrintCopy copy, PrintCopy::Make(html_path));
    JBR_RETURN_IF_ERROR(RunChromium(FileUrl(copy.path()), out, o));
  }
  JBR_ASSIGN_OR_RETURN(std::string pdf, ReadFileBytes(out));
  MakePdfReproducible(pdf, o.date);
  JBR_RETURN_IF_ERROR(WriteFileBytes(out, pdf));
  return o.check ? CheckPdf(out) : Status::Ok();
}

// In process with libqpdf, and not `qpdf --check`, which also inflates and parses every content
// stream: 2 of the 9 CPU seconds of the Dutch report's print went to it, for streams Chromium
// wrote. The one stream jbr changes (the contents' page: each placeholder's text show replaced by
// the number's) is tested against Chromium's own prints (pdf_toc_fill_test.cc).
Status CheckPdf(const std::string& pdf_path) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(pdf_path.c_str());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    if (pages.empty()) return InternalError(fmt::format("{} has no pages", pdf_path));
    for (size_t i = 0; i < pages.size(); ++i) {
      QPDFObjectHandle contents = pages[i].getObjectHandle().getKey("/Contents");
      if (!contents.isStream() && !contents.isArray()) {
        return InternalError(fmt::format("{}: page {} has no contents", pdf_path, i + 1));
      }
    }
    // qpdf repairs a damaged cross-reference table or object with a warning: for a file just
    // printed and rewritten here, any repair is a fault.
    if (pdf.anyWarnings()) {
      const std::vector<QPDFExc> warnings = pdf.getWarnings();
      return InternalError(fmt::format("{} is damaged: {}", pdf_path, warnings.front().what()));
    }
  } catch (const std::exception& e) {
    return InternalError(fmt::format("{} does not parse: {}", pdf_path, e.what()));
  }
  return Status::Ok();
}

Result<std::string> PdfText(const std::string& pdf_path, int timeout_seconds) {
  return CaptureOutput({"pdftotext", "-layout", "-enc", "UTF-8", pdf_path, "-"}, timeout_seconds);
}

std::string FileUrl(const std::string& path) {
  std::error_code ec;
  std::string abs = fs::absolute(path, ec).lexically_normal().string();
  std::string url = "file://";
  for (unsigned char c : abs) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      url += static_cast<char>(c);
    } else {
      url += fmt::format("%{:02X}", c);
    }
  }
  return url;
}

}  // namespace jbr::publish
