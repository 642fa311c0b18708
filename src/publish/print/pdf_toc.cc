#include "publish/print/pdf_toc.h"

#include <cctype>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "common/file.h"
#include "publish/print/pdf_toc_fill.h"

namespace jbr::publish {
namespace {

std::string Collapse(const std::string& s) {
  std::string out;
  bool space = false;
  for (unsigned char c : s) {
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

// Pages of lines, whitespace collapsed, empty lines dropped.
std::vector<std::vector<std::string>> PageLines(const std::string& text) {
  std::vector<std::vector<std::string>> pages(1);
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    size_t ff;
    while ((ff = line.find('\f')) != std::string::npos) {
      std::string before = Collapse(line.substr(0, ff));
      if (!before.empty()) pages.back().push_back(before);
      pages.emplace_back();
      line = line.substr(ff + 1);
    }
    std::string c = Collapse(line);
    if (!c.empty()) pages.back().push_back(c);
  }
  return pages;
}

// Whether lines[i..] start with `heading`, a wrapped heading spanning several lines.
bool MatchesAt(const std::vector<std::string>& lines, size_t i, const std::string& heading) {
  std::string acc;
  for (size_t j = i; j < lines.size() && acc.size() < heading.size(); ++j) {
    acc += (acc.empty() ? "" : " ") + lines[j];
    if (heading.compare(0, acc.size(), acc) != 0) return false;
  }
  return acc == heading;
}

int FindFrom(const std::vector<std::vector<std::string>>& pages, size_t first,
             const std::string& heading) {
  for (size_t p = first; p < pages.size(); ++p) {
    for (size_t i = 0; i < pages[p].size(); ++i) {
      if (MatchesAt(pages[p], i, heading)) return static_cast<int>(p);
    }
  }
  return -1;
}

}  // namespace

std::string TocPageLabel(int page) {
  if (page == kTocPlaceholderPage) return kTocPlaceholder;
  return page > 0 ? std::to_string(page) : "-";
}

Result<std::vector<int>> FindHeadingPages(const std::string& text,
                                          const std::vector<TocEntry>& entries, int first_page) {
  auto pages = PageLines(text);
  std::vector<int> out;
  size_t from = first_page > 1 ? static_cast<size_t>(first_page - 1) : 0;
  for (const auto& e : entries) {
    int p = FindFrom(pages, from, Collapse(e.heading));
    if (p < 0) {
      return InternalError(fmt::format("heading '{}' is not in the printed PDF (from page {} on)",
                                       e.heading, from + 1));
    }
    out.push_back(p + 1);
    from = static_cast<size_t>(p);
  }
  return out;
}

namespace {

// One tagged print with placeholders, the numbers written in. Nullopt (the PDF left to be
// replaced) when they cannot be: not one placeholder per entry, a digit not in the font.
Result<std::optional<TocPrint>> PrintOnceAndFill(std::vector<TocEntry> entries,
                                                 const TocRenderer& render,
                                                 const std::string& html_path,
                                                 const std::string& pdf_path,
                                                 const PdfOptions& options) {
  for (auto& e : entries) e.page = kTocPlaceholderPage;
  JBR_RETURN_IF_ERROR(WriteFileBytes(html_path, render(entries)));
  PdfOptions unchecked = options;
  unchecked.check = false;  // checked once filled
  JBR_RETURN_IF_ERROR(PrintPdf(html_path, pdf_path, unchecked));
  JBR_ASSIGN_OR_RETURN(std::string pdf, ReadFileBytes(pdf_path));
  auto found = TocPlaceholders::Find(std::move(pdf));
  if (!found.ok() || found->count() != entries.size()) return std::optional<TocPrint>();
  // The table of contents repeats the headings: they are searched after it.
  JBR_ASSIGN_OR_RETURN(std::string text, PdfText(pdf_path, options.timeout_seconds));
  JBR_ASSIGN_OR_RETURN(std::vector<int> pages,
                       FindHeadingPages(text, entries, found->last_page() + 1));
  auto filled = found->Fill(pages);
  if (!filled.ok()) return std::optional<TocPrint>();
  MakePdfReproducible(*filled, options.date);
  JBR_RETURN_IF_ERROR(WriteFileBytes(pdf_path, *filled));
  if (options.check) JBR_RETURN_IF_ERROR(CheckPdf(pdf_path));
  for (size_t i = 0; i < entries.size(); ++i) entries[i].page = pages[i];
  JBR_RETURN_IF_ERROR(WriteFileBytes(html_path, render(entries)));
  return std::optional<TocPrint>(TocPrint{std::move(entries), 1, true});
}

// The fallback: print until the numbers printed are the pages found.
Result<TocPrint> PrintUntilStable(std::vector<TocEntry> entries, const TocRenderer& render,
                                  const std::string& html_path, const std::string& pdf_path,
                                  const PdfOptions& options, int max_passes, int prints) {
  for (auto& e : entries) e.page = 0;
  // The first print only tells where the headings fall: untagged and unchecked, which lays out
  // the same pages faster. Every later print is the real one, and the last must be stable.
  PdfOptions first = options;
  first.tagged = false;
  first.check = false;
  for (int pass = 1; pass <= max_passes; ++pass) {
    JBR_RETURN_IF_ERROR(WriteFileBytes(html_path, render(entries)));
    JBR_RETURN_IF_ERROR(PrintPdf(html_path, pdf_path, pass == 1 ? first : options));
    ++prints;
    JBR_ASSIGN_OR_RETURN(std::string text, PdfText(pdf_path, options.timeout_seconds));
    JBR_ASSIGN_OR_RETURN(std::vector<int> pages, FindHeadingPages(text, entries));
    bool stable = pass > 1;
    for (size_t i = 0; i < entries.size(); ++i) {
      stable = stable && entries[i].page == pages[i];
      entries[i].page = pages[i];
    }
    if (stable) return TocPrint{std::move(entries), prints, false};
  }
  return InternalError(
      fmt::format("table of contents page numbers did not settle within {} prints of {}",
                  max_passes, html_path));
}

}  // namespace

Result<TocPrint> PrintWithToc(std::vector<TocEntry> entries, const TocRenderer& render,
                              const std::string& html_path, const std::string& pdf_path,
                              const PdfOptions& options, int max_passes, bool fill) {
  int prints = 0;
  if (fill && !entries.empty()) {
    JBR_ASSIGN_OR_RETURN(std::optional<TocPrint> once,
                         PrintOnceAndFill(entries, render, html_path, pdf_path, options));
    if (once) return std::move(*once);
    prints = 1;
  }
  return PrintUntilStable(std::move(entries), render, html_path, pdf_path, options, max_passes,
                          prints);
}

}  // namespace jbr::publish
