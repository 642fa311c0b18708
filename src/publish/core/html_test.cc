#include "publish/core/html.h"

#include <gtest/gtest.h>

namespace jbr::publish {
namespace {

TEST(Html, EscapesMarkup) {
  EXPECT_EQ(HtmlEscape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
}

TEST(Html, FormatsByLanguage) {
  EXPECT_EQ(FormatDecimal(142677, 0, Lang::kNl), "142.677");
  EXPECT_EQ(FormatDecimal(142677, 0, Lang::kEn), "142,677");
  EXPECT_EQ(FormatDecimal(5.26, 1, Lang::kNl), "5,3");
  EXPECT_EQ(FormatDecimal(-1234.56, 1, Lang::kEn), "-1,234.6");
  EXPECT_EQ(FormatDecimal(-0.01, 1, Lang::kEn), "0.0");  // no "-0.0"
  EXPECT_EQ(FormatDecimal(999, 0, Lang::kNl), "999");
  EXPECT_EQ(FormatDecimal(1000, 0, Lang::kNl), "1.000");
}

TEST(Html, FiguresCarryTheirUnit) {
  EXPECT_EQ(FormatFigure(5.2, "%", Lang::kNl), "5,2%");
  EXPECT_EQ(FormatFigure(1994.0e6, "EUR", Lang::kNl), "€ 1.994,0 mln");
  EXPECT_EQ(FormatFigure(136277.4, "t CO2", Lang::kEn), "136,277 t");
  // "persons" holds "per" but is a count: no decimals (DisplayDecimals' contract).
  EXPECT_EQ(FormatFigure(142677, "persons", Lang::kNl), "142.677");
  EXPECT_EQ(FormatFigure(12.34, "m2/fte", Lang::kNl), "12,3");
  EXPECT_EQ(FormatSigned(1.1, 1, Lang::kNl), "+1,1");
  EXPECT_EQ(FormatSigned(-3.0, 1, Lang::kEn), "-3.0");
  EXPECT_EQ(FormatSigned(0.0, 1, Lang::kEn), "0.0");
  EXPECT_EQ(FormatSigned(0.04, 1, Lang::kNl), "0,0");   // rounds to zero: no sign
  EXPECT_EQ(FormatSigned(-0.04, 1, Lang::kNl), "0,0");  // not "-0,0"
  EXPECT_EQ(FormatSigned(-0.06, 1, Lang::kNl), "-0,1");
  // The same rule for a figure with its unit (a change in tonnes, euros, persons).
  EXPECT_EQ(WithSign("1.008 t", 1008), "+1.008 t");
  EXPECT_EQ(WithSign("-0 t", -0.2), "0 t");
  EXPECT_EQ(WithSign("€ -1,2 mln", -1.2e6), "€ -1,2 mln");
}

TEST(Html, CellsShowTheMarks) {
  PublishedValue v;
  v.unit = "%";
  v.status = "suppressed";
  EXPECT_EQ(CellText(v, Lang::kNl), ".");
  v.status = "missing";
  EXPECT_EQ(CellText(v, Lang::kNl), "n.g.");
  EXPECT_EQ(CellText(v, Lang::kEn), "n.a.");
  v.status = "published";
  v.value = 13.3;
  EXPECT_EQ(CellText(v, Lang::kEn), "13.3%");
}

}  // namespace
}  // namespace jbr::publish
