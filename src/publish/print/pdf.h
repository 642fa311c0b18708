// PDF printing: an HTML page printed by headless Chromium, made byte-reproducible.
//
// Chromium (Debian's `chromium-headless-shell`, else `chromium --headless`) is run without a shell,
// with a private profile directory that is removed afterwards, and killed with its helpers after a
// timeout. The print layout comes from the page's own print stylesheet (templates/site/print.css:
// A4, margins, "page / pages" at the bottom). Chromium stamps /CreationDate and /ModDate (and a
// document /ID when it writes one) that differ per run; PrintPdf overwrites them in place with
// values of the same length, derived from the publication's date and the file's own content, so
// that xref offsets stay valid and the same page printed twice gives the same bytes.
//
// Chromium lays a page out for the screen while it loads it, and again after printing; for a
// report of hundreds of pages those two layouts cost about a fifth of the print. PrintPdf therefore
// prints a copy beside the page (same directory, so relative links hold) that shows nothing on
// screen, and removes it; the print layout is the same, and so is the PDF.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"

namespace jbr::publish {

struct PdfOptions {
  std::string chromium;       // program name (PATH) or path; empty: Debian's
                              // chromium-headless-shell (no browser around the page:
                              // about half the start-up), else chromium when that is absent
  int timeout_seconds = 120;  // Chromium is killed (with its process group) after this
  std::string date;           // YYYY-MM-DD written as creation and modification date,
                              // e.g. the compute run's day; required
  std::string log_path;       // Chromium's stdout and stderr; empty: /dev/null
  bool check = true;          // check the result's structure afterwards (CheckPdf)
  bool tagged = true;         // a tagged PDF (structure tree: headings, tables); false
                              // prints the same pages about a third faster, for a print
                              // that is only read for where things fall (pdf_toc.h)
  Status Validate() const;    // a date YYYY-MM-DD, a positive timeout
};

// Prints `html_path` (a local file) to `pdf_path` (replaced) and makes it reproducible.
// Errors: usage for invalid options; not found when Chromium is absent (the message says to
// install it or to publish with --no-pdf); internal when Chromium fails, times out or writes no
// PDF, or the rewritten PDF does not parse; I/O when reading or writing fails.
Status PrintPdf(const std::string& html_path, const std::string& pdf_path,
                const PdfOptions& options);

// Rewrites, in `pdf`, every /CreationDate and /ModDate literal string to `date` (YYYY-MM-DD) at
// midnight UTC, keeping each string's length (the time-zone part keeps its shape, digits zeroed),
// then every /ID hex string to the SHA-256 of the file with those strings zeroed, truncated to
// their length. Returns how many values were rewritten. Never changes the length of `pdf`.
// Also renumbers the "(nodeNNNNNNNN)" names of tagged table headers by first appearance
// (RenumberNodeIds), which Chromium numbers by timing.
int RenumberNodeIds(std::string& pdf);
int MakePdfReproducible(std::string& pdf, const std::string& date);

// Checks that a PDF file parses (libqpdf): its cross-reference sections and trailer, its page tree,
// every page's contents present, and nothing qpdf had to repair. Content streams are not decoded.
// Errors: internal naming the file and the fault.
Status CheckPdf(const std::string& pdf_path);

// The text of a PDF by `pdftotext -layout`: each page ends with a form feed ('\f').
// Errors: not found without poppler-utils; internal when pdftotext fails.
Result<std::string> PdfText(const std::string& pdf_path, int timeout_seconds = 60);

// A local path as a file:// URL (made absolute, reserved characters percent-encoded).
std::string FileUrl(const std::string& path);

}  // namespace jbr::publish
