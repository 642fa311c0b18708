#include "publish/print/pdf_toc.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include <fmt/format.h>

#include "common/process.h"
#include "common/skip_or_fail.h"
#include "common/testing/temp_dir.h"

namespace jbr::publish {
namespace {
namespace fs = std::filesystem;
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

TEST(FindHeadingPages, NamesAMissingHeading) {
  auto pages = FindHeadingPages("1 Rijk als werkgever\n\f", Chapters());
  ASSERT_FALSE(pages.ok());
  EXPECT_THAT(pages.status().message(), HasSubstr("2 Duurzaamheid in de bedrijfsvoering"));
}

// A report: a table of contents, then three chapters each starting a page; the second runs over
// three pages, so the third starts on page 5 (table of contents 1, chapters at 2, 3 and 6).
std::string Render(const std::vector<TocEntry>& entries) {
  std::string toc, body;
  for (const auto& e : entries) {
    std::string page = e.page == 0 ? "–" : std::to_string(e.page);
    toc += fmt::format(
        "<li><a href=\"#{}\">{}</a><span class=\"toc-leader\"></span>"
        "<span class=\"toc-page\">{}</span></li>\n",
        e.id, e.heading, page);
    int paragraphs = e.id == "h2" ? 120 : 3;
    body += fmt::format("<section class=\"chapter\"><h2 id=\"{}\">{}</h2>\n", e.id, e.heading);
    for (int i = 0; i < paragraphs; ++i) body += fmt::format("<p>Alinea {} van {}.</p>\n", i, e.id);
    body += "</section>\n";
  }
  return fmt::format(
      "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Inhoud proef</title>"
      "<link rel=\"stylesheet\" href=\"{}\"></head><body><nav class=\"toc\"><h1>Inhoud</h1>"
      "<ol>\n{}</ol></nav>\n{}</body></html>\n",
      FileUrl(JBR_SOURCE_DIR "/templates/site/print.css"), toc, body);
}

TEST(PrintWithToc, NumbersAreWhereTheHeadingsArePrinted) {
  JBR_SKIP_OR_FAIL_UNLESS(ProgramExists("chromium") && ProgramExists("pdftotext"),
                          "chromium or poppler-utils is not installed");
  const TempDir tmp = ::jbr::testing::TestDir("jbr-toc-test-");
  const fs::path dir = tmp.path();
  PdfOptions o;
  o.date = "2021-03-15";
  std::string pdf = (dir / "r.pdf").string();
  auto entries = PrintWithToc(Chapters(), Render, (dir / "r.html").string(), pdf, o);
  ASSERT_TRUE(entries.ok()) << entries.status().ToString();
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].page, 2);
  EXPECT_EQ((*entries)[1].page, 3);
  EXPECT_GT((*entries)[2].page, 4);
  // Independently of the search: each claimed page, extracted alone, starts with its heading,
  // and the printed table of contents shows the numbers.
  for (const auto& e : *entries) {
    auto page = CaptureOutput(
        {"pdftotext", "-f", std::to_string(e.page), "-l", std::to_string(e.page), pdf, "-"});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->substr(0, e.heading.size()), e.heading) << "page " << e.page;
  }
  // The PDF left is the final print, tagged (the first, untagged print only gave the pages).
  auto info = CaptureOutput({"pdfinfo", pdf});
  ASSERT_TRUE(info.ok());
  EXPECT_THAT(*info, ::testing::ContainsRegex("Tagged: +yes"));
  auto first = CaptureOutput({"pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"});
  ASSERT_TRUE(first.ok());
  EXPECT_THAT(*first, ::testing::ContainsRegex("Informatievoorziening +" +
                                               std::to_string((*entries)[2].page)));
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace jbr::publish
