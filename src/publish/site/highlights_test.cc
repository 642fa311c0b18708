#include "publish/site/highlights.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace jbr::publish {
namespace {

using ::testing::HasSubstr;

// The Rijk's absence 5.2% (last year 5.0%), worked by hand.
Publication OneFigure() {
  Publication p;
  p.run.year = 2021;
  IndicatorDef absence;
  absence.id = "absence.rate";
  absence.unit = "%";
  p.definitions = {absence};
  PublishedValue v;
  v.indicator = "absence.rate";
  v.ministry = "Rijk";
  v.period = "2021";
  v.unit = "%";
  v.status = "published";
  v.value = 5.2;
  v.previous = 5.0;
  v.change = 0.2;
  p.values = {v};
  return p;
}

Result<std::string> Render(const std::string& text) {
  static const Publication pub = OneFigure();
  static const FigureIndex index(pub);
  BlockContext ctx{&index, nullptr, Lang::kNl, "nl/hoofdlijnen.html"};
  DirectiveRenderer other = [](const Directive& d) -> Result<std::string> {
    return UsageError("no " + d.kind + " here");
  };
  PictureDrawer picture = [](const std::string& kind, const BlockContext&) -> Result<std::string> {
    return "<div class=\"hl-pictures\"><svg id=\"pic-" + kind + "\"></svg></div>\n";
  };
  auto icons = [](const std::string& kind) -> Result<std::string> {
    return "<?xml version=\"1.0\"?>\n<svg id=\"icon-" + kind + "\"></svg>\n";
  };
  return RenderHighlights({"hoofdlijnen.md", text}, ctx, other, picture, icons);
}

const char kTwoPages[] =
    "::: page Werkgever\n\n::: panel absence Ziekteverzuim\n\n{{absence.rate}} verzuim\n\n"
    "Het verzuim is {{absence.rate direction}}.\n\n::: page Bedrijfsvoering\n\n"
    "::: panel ict ICT\n\nGrote projecten.\n";

TEST(RenderHighlights, LaysOutTwoPagesOfPanelsWithTheirPictures) {
  auto html = Render(kTwoPages);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_THAT(*html, HasSubstr("<section class=\"hl-page hl-page-1\""));
  EXPECT_THAT(*html, HasSubstr("<section class=\"hl-page hl-page-2\""));
  // The panel's text, then its own pictures; the icon without its XML prolog, hidden from readers.
  const size_t text = html->find("5,2% verzuim");
  const size_t pic = html->find("pic-absence");
  const size_t next = html->find("hl-panel hl-ict");
  EXPECT_LT(text, pic);
  EXPECT_LT(pic, next);
  EXPECT_THAT(*html, HasSubstr("aria-hidden=\"true\"><svg id=\"icon-absence\">"));
  EXPECT_EQ(html->find("<?xml"), std::string::npos);
  // Every section that opens closes: two pages and two panels.
  size_t open = 0, close = 0;
  for (size_t at = html->find("<section"); at != std::string::npos;
       at = html->find("<section", at + 1))
    ++open;
  for (size_t at = html->find("</section>"); at != std::string::npos;
       at = html->find("</section>", at + 1))
    ++close;
  EXPECT_EQ(open, 4u);
  EXPECT_EQ(close, 4u);
}

TEST(RenderHighlights, RefusesAnythingButTwoPages) {
  auto one = Render("::: page Werkgever\n\n::: panel absence Verzuim\n\nTekst.\n");
  ASSERT_FALSE(one.ok());
  EXPECT_THAT(one.status().message(), HasSubstr("exactly two pages"));
  auto three = Render(std::string(kTwoPages) + "\n::: page Nog een\n");
  ASSERT_FALSE(three.ok());
  EXPECT_THAT(three.status().message(), HasSubstr("hoofdlijnen.md:15"));
  EXPECT_THAT(three.status().message(), HasSubstr("a third page"));
}

TEST(RenderHighlights, RefusesTextOutsidePanelsUnknownKindsAndTypedNumbers) {
  EXPECT_THAT(Render(std::string("Inleiding.\n\n") + kTwoPages).status().message(),
              HasSubstr("text before the first"));
  EXPECT_THAT(Render("::: page A\n\nLos.\n\n::: panel absence B\n\n::: page C\n\n::: panel ict D\n")
                  .status()
                  .message(),
              HasSubstr("between a '::: page' and its first"));
  EXPECT_THAT(Render("::: page A\n\n::: panel weather B\n").status().message(),
              HasSubstr("unknown panel 'weather'"));
  EXPECT_THAT(Render("::: page Top 10\n").status().message(), HasSubstr("typed number"));
  // A digit inside a word is no number.
  EXPECT_TRUE(
      Render("::: page CO2 en meer\n\n::: panel co2 CO2\n\n::: page B\n\n::: panel ict C\n").ok());
}

TEST(RenderHighlights, HoldsEachPanelToItsTextBudget) {
  // Exactly the budget fits; one character more is refused, naming the panel's line.
  const size_t budget = PanelTextBudget("ict");
  ASSERT_GT(budget, 0u);
  auto with = [](size_t n) {
    return "::: page A\n\n::: panel absence B\n\n::: page C\n\n::: panel ict D\n\n" +
           std::string(n, 'x') + "\n";
  };
  EXPECT_TRUE(Render(with(budget)).ok());
  auto over = Render(with(budget + 1));
  ASSERT_FALSE(over.ok());
  EXPECT_THAT(over.status().message(), HasSubstr("hoofdlijnen.md:7: panel 'ict' has"));
  EXPECT_THAT(over.status().message(), HasSubstr(std::to_string(budget + 1) + " characters"));
  // Characters as read: an entity and a multi-byte letter count once.
  EXPECT_TRUE(Render(with(budget - 2) + "é&\n").ok());
  EXPECT_EQ(PanelTextBudget("weather"), 0u);
}

}  // namespace
}  // namespace jbr::publish
