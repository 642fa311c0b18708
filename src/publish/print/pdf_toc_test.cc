#include "publish/print/pdf_toc.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>

#include <fmt/format.h>

#include "common/file.h"
#include "common/process.h"
#include "common/skip_or_fail.h"
#include "common/testing/temp_dir.h"

namespace jbr::publish {
namespace {
using ::testing::HasSubstr;

std::vector<TocEntry> Chapters() {
  return {{"h1", "1 Rijk als werkgever", 0},
          {"h2", "2 Duurzaamheid in de bedrijfsvoering", 0},
          {"h3", "3 Informatievoorziening", 0}};
}

TEST(FindHeadingPages, FindsHeadingsInOrderAndWrapped) {
  std::string text =
      "Inhoud\n  1 Rijk als werkgever ...... 2\n  2 Duurzaamheid in de bedrijfsvoering  3\n"
      "  3 Informatievoorziening  -\n\f"
      "   1 Rijk als   werkgever\ntekst\n\f2 Duurzaamheid in de\n   bedrijfsvoering\n\f"
      "meer\n\fniets\n\f3 Informatievoorziening\n\f";
  auto pages = FindHeadingPages(text, Chapters());
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  EXPECT_EQ(*pages, (std::vector<int>{2, 3, 6}));
}

// The table of contents as printed with placeholders (blank): its lines are the headings' text.
// Searched from the page after it, the headings are found where they are.
TEST(FindHeadingPages, FromAFirstPage) {
  std::string text =
      "Inhoud\n  1 Rijk als werkgever\n  2 Duurzaamheid in de bedrijfsvoering\n"
      "  3 Informatievoorziening\n\f"
      "1 Rijk als werkgever\n\f2 Duurzaamheid in de bedrijfsvoering\n\f"
      "3 Informatievoorziening\n\f";
  auto from_first = FindHeadingPages(text, Chapters());
  ASSERT_TRUE(from_first.ok());
  EXPECT_EQ(*from_first, (std::vector<int>{1, 1, 1}));
  auto after_toc = FindHeadingPages(text, Chapters(), 2);
  ASSERT_TRUE(after_toc.ok()) << after_toc.status().ToString();
  EXPECT_EQ(*after_toc, (std::vector<int>{2, 3, 4}));
}

TEST(TocPageLabel, NumberPlaceholderOrDash) {
  EXPECT_EQ(TocPageLabel(12), "12");
  EXPECT_EQ(TocPageLabel(0), "-");
  EXPECT_EQ(TocPageLabel(kTocPlaceholderPage), "\xE2\x80\x87\xE2\x80\x87\xE2\x80\x87");
}

TEST(FindHeadingPages, NamesAMissingHeading) {
  auto pages = FindHeadingPages("1 Rijk als werkgever\n\f", Chapters());
  ASSERT_FALSE(pages.ok());
  EXPECT_THAT(pages.status().message(), HasSubstr("2 Duurzaamheid in de bedrijfsvoering"));
}

// A report: a table of contents, then three chapters each starting a page; the second runs over
// three pages, so the third starts on page 5 (table of contents 1, chapters at 2, 3 and 6).
// `placeholders` of the entries show the placeholder when asked for it, the others a dash.
std::string RenderSome(const std::vector<TocEntry>& entries, size_t placeholders) {
  std::string toc, body;
  for (size_t i = 0; i < entries.size(); ++i) {
    const TocEntry& e = entries[i];
    const bool dash = e.page == kTocPlaceholderPage && i >= placeholders;
    std::string page = dash ? "-" : TocPageLabel(e.page);
    toc += fmt::format(
        "<li><a href=\"#{}\">{}</a><span class=\"toc-leader\"></span>"
        "<span class=\"toc-page\">{}</span></li>\n",
        e.id, e.heading, page);
    int paragraphs = e.id == "h2" ? 120 : 3;
    body += fmt::format("<section class=\"chapter\"><h2 id=\"{}\">{}</h2>\n", e.id, e.heading);
    for (int k = 0; k < paragraphs; ++k) body += fmt::format("<p>Alinea {} van {}.</p>\n", k, e.id);
    body += "</section>\n";
  }
  return fmt::format(
      "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Inhoud proef</title>"
      "<link rel=\"stylesheet\" href=\"{}\"></head><body><nav class=\"toc\"><h1>Inhoud</h1>"
      "<ol>\n{}</ol></nav>\n{}</body></html>\n",
      FileUrl(JBR_SOURCE_DIR "/templates/site/print.css"), toc, body);
}

std::string Render(const std::vector<TocEntry>& entries) { return RenderSome(entries, 3); }

// Independently of the search: each entry's page, extracted alone, starts with its heading, and
// the printed table of contents shows that number after the heading.
void ExpectNumbersArePages(const std::string& pdf, const std::vector<TocEntry>& entries) {
  auto toc = CaptureOutput({"pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"});
  ASSERT_TRUE(toc.ok());
  for (const auto& e : entries) {
    auto page = CaptureOutput(
        {"pdftotext", "-f", std::to_string(e.page), "-l", std::to_string(e.page), pdf, "-"});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->substr(0, e.heading.size()), e.heading) << "page " << e.page;
    EXPECT_THAT(*toc, ::testing::ContainsRegex(e.heading + " +" + std::to_string(e.page) + "\n"));
  }
  // The PDF left is tagged.
  auto info = CaptureOutput({"pdfinfo", pdf});
  ASSERT_TRUE(info.ok());
  EXPECT_THAT(*info, ::testing::ContainsRegex("Tagged: +yes"));
}

class PrintWithTocTest : public ::testing::Test {
 protected:
  void SetUp() override {
    JBR_SKIP_OR_FAIL_UNLESS(ProgramExists("chromium-headless-shell") && ProgramExists("pdftotext"),
                            "chromium-headless-shell or poppler-utils is not installed");
    tmp_.emplace(::jbr::testing::TestDir("jbr-toc-test-"));
    options_.date = "2021-03-15";
  }
  std::string File(const std::string& name) const { return tmp_->File(name); }
  std::optional<TempDir> tmp_;
  PdfOptions options_;
};

// One print, the numbers written into it.
TEST_F(PrintWithTocTest, NumbersAreWhereTheHeadingsArePrinted) {
  const std::string pdf = File("r.pdf"), html = File("r.html");
  auto toc = PrintWithToc(Chapters(), Render, html, pdf, options_);
  ASSERT_TRUE(toc.ok()) << toc.status().ToString();
  EXPECT_TRUE(toc->filled);
  EXPECT_EQ(toc->prints, 1);
  ASSERT_EQ(toc->entries.size(), 3u);
  EXPECT_EQ(toc->entries[0].page, 2);
  EXPECT_EQ(toc->entries[1].page, 3);
  EXPECT_GT(toc->entries[2].page, 4);
  ExpectNumbersArePages(pdf, toc->entries);
  // The page left beside it shows the same numbers.
  auto page = ReadFileBytes(html);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(*page, Render(toc->entries));
  // Printed again: the same bytes.
  auto again = PrintWithToc(Chapters(), Render, File("s.html"), File("s.pdf"), options_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*ReadFileBytes(File("s.pdf")), *ReadFileBytes(pdf));
}

// Two placeholders for three entries: the numbers are not written in. It prints the old way after
// that first print (untagged, then tagged with the numbers found, which moved nothing), and the
// PDF is as good.
TEST_F(PrintWithTocTest, FallsBackWhenThePlaceholdersDoNotMatch) {
  const std::string pdf = File("r.pdf");
  auto render = [](const std::vector<TocEntry>& e) { return RenderSome(e, 2); };
  auto toc = PrintWithToc(Chapters(), render, File("r.html"), pdf, options_);
  ASSERT_TRUE(toc.ok()) << toc.status().ToString();
  EXPECT_FALSE(toc->filled);
  EXPECT_EQ(toc->prints, 3);  // the one with placeholders, then the fallback's two
  ASSERT_EQ(toc->entries.size(), 3u);
  EXPECT_EQ(toc->entries[0].page, 2);
  EXPECT_EQ(toc->entries[1].page, 3);
  ExpectNumbersArePages(pdf, toc->entries);
}

// Asked not to fill, it prints the old way at once, to the same pages.
TEST_F(PrintWithTocTest, WithoutFillingPrintsTwice) {
  const std::string pdf = File("r.pdf");
  auto toc = PrintWithToc(Chapters(), Render, File("r.html"), pdf, options_, 3, /*fill=*/false);
  ASSERT_TRUE(toc.ok()) << toc.status().ToString();
  EXPECT_FALSE(toc->filled);
  EXPECT_EQ(toc->prints, 2);
  ExpectNumbersArePages(pdf, toc->entries);
}

}  // namespace
}  // namespace jbr::publish
