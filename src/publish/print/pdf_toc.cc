#include "publish/print/pdf_toc.h"

#include <cctype>
#include <sstream>

#include <fmt/format.h>

#include "common/file.h"

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

Result<std::vector<int>> FindHeadingPages(const std::string& text,
                                          const std::vector<TocEntry>& entries) {
  auto pages = PageLines(text);
  std::vector<int> out;
  size_t from = 0;
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

Result<std::vector<TocEntry>> PrintWithToc(std::vector<TocEntry> entries, const TocRenderer& render,
                                           const std::string& html_path,
                                           const std::string& pdf_path, const PdfOptions& options,
                                           int max_passes) {
  for (auto& e : entries) e.page = 0;
  // The first print only tells where the headings fall: untagged and unchecked, which lays out
  // the same pages faster. Every later print is the real one, and the last must be stable.
  PdfOptions first = options;
  first.tagged = false;
  first.check = false;
  for (int pass = 1; pass <= max_passes; ++pass) {
    JBR_RETURN_IF_ERROR(WriteFileBytes(html_path, render(entries)));
    JBR_RETURN_IF_ERROR(PrintPdf(html_path, pdf_path, pass == 1 ? first : options));
    JBR_ASSIGN_OR_RETURN(std::string text, PdfText(pdf_path, options.timeout_seconds));
    JBR_ASSIGN_OR_RETURN(std::vector<int> pages, FindHeadingPages(text, entries));
    bool stable = pass > 1;
    for (size_t i = 0; i < entries.size(); ++i) {
      stable = stable && entries[i].page == pages[i];
      entries[i].page = pages[i];
    }
    if (stable) return entries;  // this print already shows the numbers it has
  }
  return InternalError(
      fmt::format("table of contents page numbers did not settle within {} prints of {}",
                  max_passes, html_path));
}

}  // namespace jbr::publish
