// A printed table of contents with page numbers, by printing once and writing the numbers in.
//
// Chromium has no target-counter(), so a page cannot print the page number of a heading. Instead:
// render the page with a placeholder of fixed width where each number goes (kTocPlaceholder,
// pdf_toc_fill.h), print it (tagged), find on which PDF page each heading landed (pdftotext, page
// by page, after the table of contents), and write the numbers into that PDF's content stream in
// place of the placeholders. The numbers take the placeholder's width, so nothing moves.
//
// When that cannot be done (the placeholders found are not one per entry, a digit's glyph is not
// in the font), it falls back to printing twice: render with unknown numbers (shown as "-"), print
// untagged (PdfOptions::tagged) only to find the headings' pages, render with those numbers and
// print again, tagged; when the numbers moved the headings it repeats, at most `max_passes` prints
// in all. Either way the PDF left is a tagged print whose numbers are its own.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/result.h"
#include "publish/print/pdf.h"

namespace jbr::publish {

struct TocEntry {
  std::string id;       // the heading's id, for the link in the table of contents
  std::string heading;  // the heading's text exactly as printed (whitespace may differ)
  int page = 0;         // 1-based PDF page; 0 while unknown; kTocPlaceholderPage: to be filled
};

// An entry's page while the print leaves a placeholder for it (filled into the PDF afterwards).
inline constexpr int kTocPlaceholderPage = -1;

// What the table of contents shows for a page: the number, kTocPlaceholder for
// kTocPlaceholderPage, else "-" (unknown). The placeholder is kTocPlaceholderDigits figure spaces;
// to keep the filled number right-aligned its element must be right-aligned.
std::string TocPageLabel(int page);

// Gives the whole HTML page for these entries, showing TocPageLabel(entry.page) after each
// heading's text in the table of contents (a dash keeps the line from being taken for the heading
// itself in the fallback's first print); its length should not depend much on the numbers.
using TocRenderer = std::function<std::string(const std::vector<TocEntry>& entries)>;

// How PrintWithToc made the PDF.
struct TocPrint {
  std::vector<TocEntry> entries;  // with their pages
  int prints = 0;                 // Chromium prints
  bool filled = false;            // the numbers written into the one print (else: the fallback)
};

// Writes render(entries) to `html_path` (it stays there, with the final numbers) and prints it to
// `pdf_path` as PrintPdf does, with the numbers filled in (or by the fallback, printing until the
// numbers are stable). `fill` false takes the fallback at once.
// Errors: those of PrintPdf and PdfText; internal when a heading is not found in the PDF (its
// text is named) or the fallback's numbers do not settle within `max_passes` prints.
Result<TocPrint> PrintWithToc(std::vector<TocEntry> entries, const TocRenderer& render,
                              const std::string& html_path, const std::string& pdf_path,
                              const PdfOptions& options, int max_passes = 3, bool fill = true);

// The page of each heading in `text` (pdftotext output, pages ended by '\f'), searched in order
// from page `first_page` (1-based): each from the page of the one before. A heading matches a
// line, or consecutive lines, whose text with whitespace collapsed equals it.
// Errors: internal naming the first heading not found.
Result<std::vector<int>> FindHeadingPages(const std::string& text,
                                          const std::vector<TocEntry>& entries, int first_page = 1);

}  // namespace jbr::publish
