#include "publish/chart/palette.h"

#include <gtest/gtest.h>

namespace jbr::publish {
namespace {

double Ratio(std::string_view a, std::string_view b) {
  return ContrastRatio(*ParseHexColor(a), *ParseHexColor(b));
}

TEST(Palette, ParsesOnlySixDigitHex) {
  auto c = ParseHexColor("#E17000");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->r, 225);
  EXPECT_EQ(c->g, 112);
  EXPECT_EQ(c->b, 0);
  EXPECT_FALSE(ParseHexColor("#fff").has_value());
  EXPECT_FALSE(ParseHexColor("orange").has_value());
  EXPECT_FALSE(ParseHexColor("#12345g").has_value());
}

// Expected ratios from the WCAG 2.1 definition and WebAIM's contrast checker.
TEST(Palette, ContrastOfKnownPairs) {
  EXPECT_DOUBLE_EQ(Ratio("#000000", "#ffffff"), 21.0);
  EXPECT_DOUBLE_EQ(Ratio("#ffffff", "#000000"), 21.0);
  EXPECT_DOUBLE_EQ(Ratio("#154273", "#154273"), 1.0);
  EXPECT_NEAR(Ratio("#767676", "#ffffff"), 4.54, 0.01);  // WebAIM: 4.54:1
  EXPECT_NEAR(Ratio("#e17000", "#ffffff"), 3.2, 0.05);   // publication.md: 3.2:1
  EXPECT_NEAR(Ratio("#ffd700", "#ffffff"), 1.4, 0.05);   // gold: WebAIM 1.4:1
}

TEST(Palette, DefaultColoursMeetTheRules) {
  for (auto c : kSeriesColors) EXPECT_GE(Ratio(c, kBackground), kMinMarkContrast) << c;
  for (size_t i = 0; i + 1 < 4; ++i) {
    EXPECT_GE(Ratio(kSeriesColors[i], kSeriesColors[i + 1]), kMinMarkContrast) << i;
  }
  EXPECT_GE(Ratio(kTextColor, kBackground), kMinTextContrast);
  EXPECT_GE(Ratio(kAxisColor, kBackground), kMinTextContrast);
  EXPECT_GE(Ratio(kNormColor, kBackground), kMinTextContrast);
}

}  // namespace
}  // namespace jbr::publish
