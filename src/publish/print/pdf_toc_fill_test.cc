#include "publish/print/pdf_toc_fill.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "common/file.h"
#include "common/process.h"
#include "common/skip_or_fail.h"
#include "common/testing/temp_dir.h"
#include "publish/print/pdf.h"

namespace jbr::publish {
namespace {
using ::testing::HasSubstr;

// A table of contents of three lines laid out as the report's (print.css): heading, leader,
// number; `pages` are what each line shows, written into the page. The text below prints every
// digit, so the font's subset has them all, unless `digits` is false (then only 1 and 2).
std::string TocPage(const std::vector<std::string>& pages, bool digits = true) {
  const char* headings[] = {"Rijk als werkgever", "Duurzaamheid", "Informatievoorziening"};
  std::string toc;
  for (size_t i = 0; i < pages.size(); ++i) {
    toc += fmt::format(
        "<li><a href=\"#h{}\">{}</a><span class=\"toc-leader\"></span>"
        "<span class=\"toc-page\">{}</span></li>\n",
        i, headings[i], pages[i]);
  }
  // No page counter: the only digits are the body's.
  return fmt::format(
      "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Proef</title>"
      "<link rel=\"stylesheet\" href=\"{}\"><style>@page {{ @bottom-center {{ content: none }} }}"
      "</style></head><body><nav class=\"toc\"><h1>Inhoud</h1><ol>\n{}</ol></nav>\n"
      "<section class=\"chapter\"><h2 id=\"h0\">Tekst</h2><p>{}</p></section></body></html>\n",
      FileUrl(JBR_SOURCE_DIR "/templates/site/print.css"), toc,
      digits ? "Getallen 1234567890." : "Getallen 1 en 2.");
}

// Each word of pdftotext -bbox on page 1 that is a number: its text and right edge.
std::vector<std::pair<std::string, double>> NumbersOnFirstPage(const std::string& pdf) {
  auto html = CaptureOutput({"pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-"});
  EXPECT_TRUE(html.ok()) << html.status().ToString();
  std::vector<std::pair<std::string, double>> out;
  if (!html.ok()) return out;
  const std::regex word(R"re(<word xMin="[0-9.]+" yMin="[0-9.]+" xMax="([0-9.]+)" [^>]*>(\d+)<)re");
  for (std::sregex_iterator it(html->begin(), html->end(), word), end; it != end; ++it) {
    out.emplace_back((*it)[2].str(), std::stod((*it)[1].str()));
  }
  return out;
}

class TocFillTest : public ::testing::Test {
 protected:
  void SetUp() override {
    JBR_SKIP_OR_FAIL_UNLESS(ProgramExists("chromium-headless-shell") && ProgramExists("pdftotext"),
                            "chromium-headless-shell or poppler-utils is not installed");
    tmp_.emplace(::jbr::testing::TestDir("jbr-toc-fill-test-"));
  }
  // The PDF of `html`, printed as the report is (tagged).
  std::string Print(const std::string& name, const std::string& html) {
    const std::string page = tmp_->File(name + ".html"), pdf = tmp_->File(name + ".pdf");
    EXPECT_TRUE(WriteFileBytes(page, html).ok());
    PdfOptions o;
    o.date = "2021-03-15";
    Status s = PrintPdf(page, pdf, o);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return pdf;
  }
  std::optional<TempDir> tmp_;
};

// The numbers written in are where Chromium prints the same numbers typed into the page: the same
// text, each ending at the same x (right-aligned), to a hundredth of a point.
TEST_F(TocFillTest, NumbersEndWhereTypedNumbersEnd) {
  const std::string p = kTocPlaceholder;
  const std::string blank = Print("blank", TocPage({p, p, p}));
  const std::string typed = Print("typed", TocPage({"7", "42", "123"}));
  auto bytes = ReadFileBytes(blank);
  ASSERT_TRUE(bytes.ok());
  auto found = TocPlaceholders::Find(*bytes);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->count(), 3u);
  EXPECT_EQ(found->last_page(), 1);
  auto filled = found->Fill({7, 42, 123});
  ASSERT_TRUE(filled.ok()) << filled.status().ToString();
  // The print is kept byte for byte; the numbers are an update after it.
  EXPECT_EQ(filled->substr(0, bytes->size()), *bytes);
  const std::string out = tmp_->File("filled.pdf");
  ASSERT_TRUE(WriteFileBytes(out, *filled).ok());
  EXPECT_TRUE(CheckPdf(out).ok());

  const auto want = NumbersOnFirstPage(typed), got = NumbersOnFirstPage(out);
  ASSERT_EQ(want.size(), 3u);
  ASSERT_EQ(got.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(got[i].first, want[i].first);
    EXPECT_NEAR(got[i].second, want[i].second, 0.01) << want[i].first;
  }
  EXPECT_TRUE(NumbersOnFirstPage(blank).empty());
  // The text is the typed page's: the numbers alone, no placeholder left.
  auto raw = CaptureOutput({"pdftotext", out, "-"}),
       typed_raw = CaptureOutput({"pdftotext", typed, "-"});
  ASSERT_TRUE(raw.ok() && typed_raw.ok());
  EXPECT_EQ(*raw, *typed_raw);
  // Still tagged, the links kept.
  auto info = CaptureOutput({"pdfinfo", out});
  ASSERT_TRUE(info.ok());
  EXPECT_THAT(*info, ::testing::ContainsRegex("Tagged: +yes"));
  EXPECT_THAT(*filled, HasSubstr("/StructTreeRoot"));
  EXPECT_THAT(*filled, HasSubstr("/Link"));
}

TEST_F(TocFillTest, FillingTwiceGivesTheSameBytes) {
  const std::string p = kTocPlaceholder;
  auto bytes = ReadFileBytes(Print("blank", TocPage({p, p})));
  ASSERT_TRUE(bytes.ok());
  auto a = TocPlaceholders::Find(*bytes), b = TocPlaceholders::Find(*bytes);
  ASSERT_TRUE(a.ok() && b.ok());
  auto fa = a->Fill({3, 9}), fb = b->Fill({3, 9});
  ASSERT_TRUE(fa.ok() && fb.ok());
  EXPECT_EQ(*fa, *fb);
}

TEST_F(TocFillTest, RefusesNumbersItCannotWrite) {
  const std::string p = kTocPlaceholder;
  auto bytes = ReadFileBytes(Print("blank", TocPage({p, p})));
  ASSERT_TRUE(bytes.ok());
  auto found = TocPlaceholders::Find(*bytes);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->Fill({2}).status().code(), StatusCode::kUsage);
  EXPECT_EQ(found->Fill({2, 1000}).status().code(), StatusCode::kUsage);
  EXPECT_EQ(found->Fill({0, 2}).status().code(), StatusCode::kUsage);
  EXPECT_TRUE(found->Fill({2, 999}).ok());
}

// A digit that the page never prints is not in the font's subset: there is no glyph to draw.
TEST_F(TocFillTest, DigitNotInTheFontIsNotFound) {
  const std::string p = kTocPlaceholder;
  auto bytes = ReadFileBytes(Print("few", TocPage({p}, /*digits=*/false)));
  ASSERT_TRUE(bytes.ok());
  auto found = TocPlaceholders::Find(*bytes);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_TRUE(found->Fill({12}).ok());
  auto three = found->Fill({3});
  EXPECT_EQ(three.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(three.status().message(), HasSubstr("digit 3"));
}

TEST_F(TocFillTest, NoPlaceholderIsNotFound) {
  auto bytes = ReadFileBytes(Print("typed", TocPage({"1", "2"})));
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(TocPlaceholders::Find(*bytes).status().code(), StatusCode::kNotFound);
}

TEST(TocPlaceholders, NotAPdfIsInvalidInput) {
  auto found = TocPlaceholders::Find("%PDF-1.4\nnot really\n");
  EXPECT_EQ(found.status().code(), StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace jbr::publish
