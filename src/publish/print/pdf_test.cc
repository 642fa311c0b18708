#include "publish/print/pdf.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <optional>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/process.h"
#include "common/skip_or_fail.h"
#include "common/testing/temp_dir.h"

namespace jbr::publish {
namespace {
namespace fs = std::filesystem;
using ::testing::HasSubstr;

const char kFixture[] = JBR_SOURCE_DIR "/tests/fixtures/pdf/report.html";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

PdfOptions Options() {
  PdfOptions o;
  o.date = "2021-03-15";
  return o;
}

TEST(MakePdfReproducible, RewritesDatesAndIdKeepingLength) {
  std::string pdf =
      "%PDF-1.4\n1 0 obj <</CreationDate (D:20261129152742+01'00')\n/ModDate (D:20261129152742Z)"
      ">> endobj\ntrailer <</Size 2 /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF"
      "0123456789ABCDEF>] /IDTree (x)>>\n";
  size_t size = pdf.size();
  EXPECT_EQ(MakePdfReproducible(pdf, "2021-03-15"), 4);
  EXPECT_EQ(pdf.size(), size);
  EXPECT_THAT(pdf, HasSubstr("/CreationDate (D:20210315000000+00'00')"));
  EXPECT_THAT(pdf, HasSubstr("/ModDate (D:20210315000000Z)"));
  EXPECT_THAT(pdf, HasSubstr("/IDTree (x)"));
  // The /ID is a hash of the file with the ID zeroed: the same whatever ID Chromium wrote.
  std::string other = pdf;
  other.replace(other.find("/ID [<") + 6, 4, "FFFF");
  MakePdfReproducible(other, "2021-03-15");
  EXPECT_EQ(other, pdf);
  EXPECT_EQ(pdf.find("0123456789ABCDEF"), std::string::npos);
}

TEST(MakePdfReproducible, LeavesLookalikesAlone) {
  // Bytes in a stream that look like keys but are not a date string or an /ID array.
  std::string pdf = "stream /ID <ABCD> /ModDate x /CreationDateX (D:2026) endstream";
  std::string before = pdf;
  EXPECT_EQ(MakePdfReproducible(pdf, "2021-03-15"), 0);
  EXPECT_EQ(pdf, before);
}

// Two numberings of the same structure (as Chromium wrote them for one page, printed twice under
// load) become one: numbered by first appearance, at the same width.
TEST(MakePdfReproducible, RenumbersTableHeaderNodes) {
  std::string a = "/Headers [(node00000003) (node00000024)] /ID (node00000003) (node00000024)";
  std::string b = "/Headers [(node00000021) (node00000024)] /ID (node00000021) (node00000024)";
  const size_t size = a.size();
  EXPECT_EQ(RenumberNodeIds(a), 4);
  EXPECT_EQ(RenumberNodeIds(b), 4);
  EXPECT_EQ(a, "/Headers [(node00000001) (node00000002)] /ID (node00000001) (node00000002)");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.size(), size);
  std::string other = "(node123) (nodeABCDEFGH)";  // not a node name: left alone
  EXPECT_EQ(RenumberNodeIds(other), 0);
  EXPECT_EQ(other, "(node123) (nodeABCDEFGH)");
}

TEST(PdfOptions, RejectsBadDate) {
  PdfOptions o;
  o.date = "15-03-2021";
  EXPECT_EQ(o.Validate().code(), StatusCode::kUsage);
  EXPECT_TRUE(Options().Validate().ok());
}

TEST(FileUrl, PercentEncodes) {
  EXPECT_EQ(FileUrl("/srv/a b/é.html"), "file:///srv/a%20b/%C3%A9.html");
}

TEST(PrintPdf, ChromiumAbsentSaysNoPdf) {
  PdfOptions o = Options();
  o.chromium = "/nonexistent/chromium";
  const TempDir dir = ::jbr::testing::TestDir("jbr-pdf-test-");
  Status s = PrintPdf(kFixture, dir.File("never.pdf"), o);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_THAT(s.message(), HasSubstr("--no-pdf"));
}

class PrintPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    JBR_SKIP_OR_FAIL_UNLESS(ProgramExists("chromium") && ProgramExists("chromium-headless-shell") &&
                                ProgramExists("pdfinfo"),
                            "chromium, chromium-headless-shell or poppler-utils is not installed");
    tmp_.emplace(::jbr::testing::TestDir("jbr-pdf-test-"));
    dir_ = tmp_->path();
  }
  std::optional<TempDir> tmp_;
  fs::path dir_;
};

TEST_F(PrintPdfTest, TwiceGivesTheSameBytesWithTitleAndText) {
  std::string a = (dir_ / "a.pdf").string(), b = (dir_ / "b.pdf").string();
  ASSERT_TRUE(PrintPdf(kFixture, a, Options()).ok());
  ASSERT_TRUE(PrintPdf(kFixture, b, Options()).ok());
  std::string bytes = Slurp(a);
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes, Slurp(b));
  EXPECT_THAT(bytes, HasSubstr("(D:20210315000000"));

  auto info = CaptureOutput({"pdfinfo", a});
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_THAT(*info, HasSubstr("Jaarrapportage Bedrijfsvoering Rijk 2020 (proef)"));
  EXPECT_THAT(*info, HasSubstr("Page size:       594.96 x 841.92 pts (A4)"));
  EXPECT_THAT(*info, ::testing::ContainsRegex("Pages: +2\n"));  // the chapter starts a page
  EXPECT_THAT(*info, HasSubstr("CreationDate:    Mon Mar 15 00:00:00 2021 UTC"));

  auto text = PdfText(a);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_THAT(*text, HasSubstr("130.000 fte"));
  EXPECT_THAT(*text, HasSubstr("Justitie en Veiligheid"));
  // The page counter of print.css ("1 / 2"; pdftotext may drop the narrow spaces).
  EXPECT_THAT(*text, ::testing::ContainsRegex("1 ?/ ?2"));
  EXPECT_THAT(*text, ::testing::ContainsRegex("2 ?/ ?2"));
}

// CheckPdf reads the structure in process: a print passes; a file cut short, a file that is no
// PDF, and one whose cross-reference offset is wrong (qpdf could repair it, with a warning) fail.
TEST_F(PrintPdfTest, CheckPdfRefusesDamagedFiles) {
  const std::string good = (dir_ / "good.pdf").string();
  ASSERT_TRUE(PrintPdf(kFixture, good, Options()).ok());
  EXPECT_TRUE(CheckPdf(good).ok());
  const std::string bytes = Slurp(good);

  const std::string cut = (dir_ / "cut.pdf").string();
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  Status s = CheckPdf(cut);
  EXPECT_EQ(s.code(), StatusCode::kInternal) << s.ToString();
  EXPECT_THAT(s.message(), HasSubstr("cut.pdf"));

  const std::string text = (dir_ / "text.pdf").string();
  std::ofstream(text, std::ios::binary) << "Jaarrapportage Bedrijfsvoering Rijk\n";
  EXPECT_FALSE(CheckPdf(text).ok());

  std::string moved = bytes;
  const size_t at = moved.rfind("startxref");
  ASSERT_NE(at, std::string::npos);
  const size_t digit = moved.find_first_of("0123456789", at);
  moved[digit] = moved[digit] == '1' ? '2' : '1';  // the offset now points elsewhere
  const std::string wrong = (dir_ / "wrong.pdf").string();
  std::ofstream(wrong, std::ios::binary) << moved;
  s = CheckPdf(wrong);
  EXPECT_EQ(s.code(), StatusCode::kInternal) << s.ToString();
}

// The first print of a report (pdf_toc.h) is untagged: the same pages and text, no structure tree.
// Either way the page is printed from a copy hidden on screen, which is removed afterwards, and
// the page itself is left as it was.
TEST_F(PrintPdfTest, UntaggedPrintHasTheSamePagesAndNoStructure) {
  const std::string page = (dir_ / "report.html").string();
  fs::copy_file(kFixture, page);
  const std::string before = Slurp(page);
  std::string tagged = (dir_ / "t.pdf").string(), plain = (dir_ / "u.pdf").string();
  PdfOptions o = Options();
  ASSERT_TRUE(PrintPdf(page, tagged, o).ok());
  o.tagged = false;
  ASSERT_TRUE(PrintPdf(page, plain, o).ok());
  EXPECT_THAT(Slurp(tagged), HasSubstr("/StructTreeRoot"));
  EXPECT_EQ(Slurp(plain).find("/StructTreeRoot"), std::string::npos);
  auto a = PdfText(tagged), b = PdfText(plain);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(Slurp(page), before);
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir_)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"report.html", "t.pdf", "u.pdf"}));
}

// Named explicitly, the full browser prints too (the fallback when the headless shell is absent).
TEST_F(PrintPdfTest, FullChromiumPrintsTheSameText) {
  std::string a = (dir_ / "a.pdf").string(), b = (dir_ / "b.pdf").string();
  PdfOptions o = Options();
  ASSERT_TRUE(PrintPdf(kFixture, a, o).ok());
  o.chromium = "chromium";
  ASSERT_TRUE(PrintPdf(kFixture, b, o).ok());
  auto ta = PdfText(a), tb = PdfText(b);
  ASSERT_TRUE(ta.ok() && tb.ok());
  EXPECT_EQ(*ta, *tb);
}

TEST_F(PrintPdfTest, MissingPageIsNotFound) {
  Status s = PrintPdf((dir_ / "none.html").string(), (dir_ / "x.pdf").string(), Options());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
}

TEST_F(PrintPdfTest, TimeoutKillsChromium) {
  PdfOptions o = Options();
  o.timeout_seconds = 1;
  // A page whose script never ends keeps Chromium from printing.
  std::string html = (dir_ / "loop.html").string();
  std::ofstream(html) << "<!doctype html><title>t</title><script>while(true){}</script>";
  Status s = PrintPdf(html, (dir_ / "loop.pdf").string(), o);
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_THAT(s.message(), HasSubstr("within 1 s"));
}

}  // namespace
}  // namespace jbr::publish
