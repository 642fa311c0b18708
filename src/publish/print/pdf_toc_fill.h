// The table of contents' page numbers written into a PDF after it was printed, so that a report
// is printed once (pdf_toc.h).
//
// The report is printed with kTocPlaceholder where each number goes: three U+2007 FIGURE SPACEs,
// blank on paper. Chromium (Skia) writes each as a text show of its own, `<gid gid gid> Tj` in a
// Type0 font with 2-byte glyph ids (Identity-H), in the same font as the rest of the line. Filling
// a number replaces that show by one of the digits' glyphs of the same font, found through its
// /ToUnicode map, moved right by what the placeholder's width exceeds theirs (/W), so the number
// ends where the placeholder ended: right-aligned, and nothing else on the page moves. A digit the
// font's subset lacks (no /ToUnicode entry or no width), a number wider than the placeholder, or
// any other surprise is an error, never a wrong PDF: the caller then prints the old way.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/result.h"

namespace jbr::publish {

inline constexpr int kTocPlaceholderDigits = 3;  // numbers up to 999
// kTocPlaceholderDigits U+2007 FIGURE SPACE, UTF-8.
inline constexpr char kTocPlaceholder[] = "\u2007\u2007\u2007";

class TocPlaceholders {
 public:
  // Reads `pdf` (a whole PDF file) and finds the placeholders, page by page from the first: on the
  // first pages that have any and up to the first page after them that has none (the table of
  // contents comes first and is never interrupted). Errors: invalid input when the PDF does not
  // parse; not found when it has no placeholder.
  static Result<TocPlaceholders> Find(std::string pdf);

  TocPlaceholders(TocPlaceholders&&) noexcept;
  TocPlaceholders& operator=(TocPlaceholders&&) noexcept;
  ~TocPlaceholders();

  size_t count() const;   // placeholders found, in the order they are drawn
  int last_page() const;  // the 1-based page of the last one

  // The PDF with placeholder i showing numbers[i]: the PDF as printed, byte for byte, and an
  // incremental update after it that replaces the contents of the placeholders' pages (the same
  // numbers give the same bytes); each call starts from the PDF as printed. Errors: usage when
  // there are not count() numbers or one is not in 1..999; not found when a digit's glyph is not in
  // the placeholder's font; invalid input when the PDF's last cross-reference section is not a
  // table (no update can follow it).
  Result<std::string> Fill(const std::vector<int>& numbers);

 private:
  struct Impl;
  explicit TocPlaceholders(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace jbr::publish
