// A printed table of contents with page numbers, by printing twice.
//
// Chromium has no target-counter(), so a page cannot print the page number of a heading. Instead:
// render the page with a table of contents whose numbers are unknown (0), print it, find on which
// PDF page each heading landed (pdftotext, page by page), render again with those numbers and
// print again. When the numbers moved the headings (a longer table of contents), it repeats, at
// most `max_passes` prints in all. The first print, read only for the headings' pages, is untagged
// (PdfOptions::tagged); the PDF left is always a tagged print whose numbers are its own.
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
  int page = 0;         // 1-based PDF page; 0 while unknown
};

// Gives the whole HTML page for these entries. The table of contents must print something after
// each heading's text (the page number, a dash while it is 0), so that its line is never taken
// for the heading itself; and its length should not depend much on the numbers.
using TocRenderer = std::function<std::string(const std::vector<TocEntry>& entries)>;

// Writes render(entries) to `html_path` (it stays there, with the final numbers), prints it to
// `pdf_path` as PrintPdf does, until the numbers are stable; returns the entries with their pages.
// Errors: those of PrintPdf and PdfText; internal when a heading is not found in the PDF (its
// text is named) or the numbers do not settle within `max_passes` prints.
Result<std::vector<TocEntry>> PrintWithToc(std::vector<TocEntry> entries, const TocRenderer& render,
                                           const std::string& html_path,
                                           const std::string& pdf_path, const PdfOptions& options,
                                           int max_passes = 3);

// The page of each heading in `text` (pdftotext output, pages ended by '\f'), searched in order:
// each from the page of the one before. A heading matches a line, or consecutive lines, whose
// text with whitespace collapsed equals it. Errors: internal naming the first heading not found.
Result<std::vector<int>> FindHeadingPages(const std::string& text,
                                          const std::vector<TocEntry>& entries);

}  // namespace jbr::publish
