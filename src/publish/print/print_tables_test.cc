#include "publish/print/print_tables.h"

#include <gtest/gtest.h>

namespace jbr::publish {
namespace {

std::string Table(int columns, const std::string& lead_td = "") {
  std::string t = "<table>\n<caption>Cap</caption>\n<thead><tr>";
  if (!lead_td.empty()) t += "<th scope=\"col\">Id</th>";
  t += "<th scope=\"col\">M</th>";
  for (int c = 1; c <= columns; ++c) t += "<th scope=\"col\">c" + std::to_string(c) + "</th>";
  t += "</tr></thead>\n<tbody>\n";
  for (const char* row : {"AZ", "Rijk"}) {
    t += "<tr>";
    if (!lead_td.empty()) t += "<td>" + lead_td + "</td>";
    t += std::string("<th scope=\"row\">") + row + "</th>";
    for (int c = 1; c <= columns; ++c)
      t += "<td data-cell=\"x|" + std::string(row) + "|" + std::to_string(c) + "||\">" +
           std::to_string(c) + "</td>";
    t += "</tr>\n";
  }
  return t + "</tbody>\n</table>";
}

int Count(const std::string& s, const std::string& what) {
  int n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST(SplitWideTables, NarrowTablesStayAsTheyAre) {
  const std::string html = "<p>a</p>\n" + Table(7) + "\n<p>b</p>";
  EXPECT_EQ(SplitWideTables(html, Lang::kNl, 7), html);
}

// 16 columns at 7 a page: 7 + 7 + 2, each part with the row headings; every cell once.
TEST(SplitWideTables, WideTablesBecomePartsWithTheRowHeadings) {
  const std::string out = SplitWideTables("<p>a</p>\n" + Table(16) + "\n<p>b</p>", Lang::kNl, 7);
  EXPECT_EQ(Count(out, "<table>"), 3);
  EXPECT_EQ(Count(out, "<caption>Cap</caption>"), 1);
  EXPECT_EQ(Count(out, "<caption>Cap (vervolg)</caption>"), 2);
  EXPECT_EQ(Count(out, "<th scope=\"row\">AZ</th>"), 3);
  EXPECT_EQ(Count(out, "data-cell="), 32);
  EXPECT_EQ(Count(out, ">c8</th>"), 1);
  // The second part starts at column 8 for both the header and the rows.
  const size_t second = out.find("(vervolg)");
  EXPECT_LT(out.find(">c8</th>", second), out.find("x|AZ|8||", second));
  EXPECT_EQ(out.find("x|AZ|7||", second), std::string::npos);
  EXPECT_EQ(out.substr(0, 9), "<p>a</p>\n");
  EXPECT_EQ(out.substr(out.size() - 9), "\n<p>b</p>");
  EXPECT_NE(SplitWideTables(Table(9), Lang::kEn, 7).find("Cap (continued)"), std::string::npos);
}

// A table built in its scroll region keeps it for its first part; every further part is put in
// a region of its own, named after its caption, so that no region holds two tables.
TEST(SplitWideTables, EveryPartIsInAScrollRegionOfItsOwn) {
  const std::string region = "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=";
  const std::string out = SplitWideTables(
      "<p>a</p>\n" + region + "\"Cap\">\n" + Table(9) + "\n</div>\n<p>b</p>", Lang::kNl, 7);
  const std::string first = Table(9).substr(0, Table(9).find("<th scope=\"col\">c8</th>"));
  EXPECT_EQ(out.substr(0, 9 + region.size() + 7 + first.size()),
            "<p>a</p>\n" + region + "\"Cap\">\n" + first);
  EXPECT_EQ(Count(out, "<div class=\"scroll\""), 2);
  EXPECT_EQ(Count(out, "</table>\n</div>\n"), 2);
  EXPECT_NE(out.find("</table>\n</div>\n" + region +
                     "\"Cap (vervolg)\">\n<table>\n<caption>Cap "
                     "(vervolg)</caption>"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.substr(out.size() - 24), "</table>\n</div>\n<p>b</p>");
}

// Four columns, each headed by a word of 30 letters: with the row headings (longest word "Rijk",
// 4 letters) and 2 characters of padding a cell, 6 + 32 + 32 = 70 fit the 88 characters of a
// printed line and a third column (102) does not, so the table prints as two parts of two
// columns, though it has fewer than seven. Words break at a space or after a hyphen, and an entity
// or a two-byte letter is one character.
TEST(SplitWideTables, ColumnsWhoseLongestWordsDoNotFitArePrintedInParts) {
  const std::string word(30, 'x');
  std::string t = Table(4);
  for (int c = 1; c <= 4; ++c) {
    const std::string head = ">c" + std::to_string(c) + "</th>";
    t.replace(t.find(head), head.size(), ">" + word + "</th>");
  }
  const std::string out = SplitWideTables(t, Lang::kNl, 7);
  EXPECT_EQ(Count(out, "<table>"), 2) << out;
  EXPECT_EQ(Count(out, ">" + word + "</th>"), 4);
  EXPECT_EQ(Count(out, "(vervolg)"), 1);
  // The same width in words that may break between them stays one table.
  std::string spaced = Table(4);
  for (int c = 1; c <= 4; ++c) {
    const std::string head = ">c" + std::to_string(c) + "</th>";
    spaced.replace(spaced.find(head), head.size(),
                   ">xxxxxxxxxx xxxxxxxxx-xxxxxxxxx &amp;&amp;&amp;&amp;&amp; éééé</th>");
  }
  EXPECT_EQ(SplitWideTables(spaced, Lang::kNl, 7), spaced);
}

TEST(SplitWideTables, LeadingCellsBeforeTheRowHeadingRepeatToo) {
  const std::string out = SplitWideTables(Table(9, "ID-1"), Lang::kNl, 7);
  EXPECT_EQ(Count(out, "<td>ID-1</td>"), 4);  // two rows, two parts
  EXPECT_EQ(Count(out, ">Id</th>"), 2);
}

TEST(SplitWideTables, OtherShapesAreLeftAlone) {
  std::string spans = Table(9);
  spans.replace(spans.find("<th scope=\"col\">c1</th>"), 23, "<th colspan=\"2\">c1</th>");
  EXPECT_EQ(SplitWideTables(spans, Lang::kNl, 7), spans);
  const std::string unclosed = Table(9).substr(0, 80);
  EXPECT_EQ(SplitWideTables(unclosed, Lang::kNl, 7), unclosed);
}

}  // namespace
}  // namespace jbr::publish
