#include "publish/ict/ict_pages.h"

#include <expat.h>
#include <gtest/gtest.h>

#include "publish/testing/ict_test_portfolio.h"

namespace jbr::publish {
namespace {

using testing::HandMadePortfolio;

// Parses the fragment inside one root element; "" when well-formed, else expat's message.
std::string XmlError(const std::string& fragment) {
  const std::string doc = "<main>" + fragment + "</main>";
  XML_Parser p = XML_ParserCreate("UTF-8");
  const bool ok = XML_Parse(p, doc.data(), static_cast<int>(doc.size()), 1) == XML_STATUS_OK;
  std::string error = ok ? "" : XML_ErrorString(XML_GetErrorCode(p));
  if (!ok) error += " at line " + std::to_string(XML_GetCurrentLineNumber(p));
  XML_ParserFree(p);
  return error;
}

bool Has(const std::string& html, const std::string& text) {
  return html.find(text) != std::string::npos;
}

const IctPage* Find(const std::vector<IctPage>& pages, const std::string& path) {
  for (const auto& p : pages) {
    if (p.path == path) return &p;
  }
  return nullptr;
}

TEST(IctKeyFigures, SumsAndCountsOfTheHandMadePortfolio) {
  const IctKeyFigures k = ComputeIctKeyFigures(HandMadePortfolio());
  EXPECT_EQ(k.included, 4);
  EXPECT_EQ(k.by_status.at("in_progress"), 4);
  EXPECT_DOUBLE_EQ(k.cost_initial, 188e6);    // 40 + 8 + 120 + 20
  EXPECT_DOUBLE_EQ(k.cost_current, 194.5e6);  // 55 + 9.5 + 110 + 20
  EXPECT_DOUBLE_EQ(k.cost_actual, 119e6);     // 30 + 4 + 70 + 15
  ASSERT_TRUE(k.cost_change_pct.has_value());
  EXPECT_NEAR(*k.cost_change_pct, 6.5 / 188 * 100, 1e-9);  // 3.457...
  EXPECT_EQ(k.by_slip.at("Ongewijzigd"), 2);
  EXPECT_EQ(k.by_slip.at("Later >1 jaar"), 1);
  EXPECT_EQ(k.by_slip.count("Doorlooptijd onbekend"), 0u);  // left out of the counts
  EXPECT_EQ(k.by_duration.at("Later < 50%"), 1);
  EXPECT_EQ(k.by_cost.at("100+ mln."), 1);
  EXPECT_EQ(k.reassessments, 1);
  EXPECT_EQ(k.by_reason.at("Prijsontwikkeling"), 1);
  EXPECT_EQ(k.by_reason.at("Tegenvallers binnen project"), 1);
  EXPECT_EQ(k.acict_advice, 1);
  EXPECT_EQ(k.stale, 1);
}

TEST(IctPages, OverviewFirstThenOnePagePerIncludedActivityWithFileSafeNames) {
  IctPortfolio p = HandMadePortfolio();
  p.activities[1].figures.included = false;  // BZK-2 left out: no page, no row
  const auto pages = IctPages(p, Lang::kNl);
  ASSERT_EQ(pages.size(), 4u);
  EXPECT_EQ(pages[0].path, "ict/index.html");
  EXPECT_EQ(pages[1].path, "ict/BZK-1.html");
  EXPECT_EQ(pages[2].path, "ict/FIN-7.html");
  EXPECT_EQ(pages[3].path, "ict/FIN_8.html");  // '/' is not file-safe
  EXPECT_FALSE(Has(pages[0].body_html, "Digitale post"));
  // A leading dot is replaced (never "." or ".."), a later one kept; '/' and blanks replaced.
  EXPECT_EQ(IctActivityPath("../x y"), "ict/_._x_y.html");
}

// The shell gives the page its <h1> (the title); every table sits in a region of its own that
// scrolls, labelled with the page's title, so that a wide table does not widen the page.
TEST(IctPages, EveryFragmentIsWellFormedLeavesTheH1ToTheShellAndScrollsEveryTable) {
  for (Lang lang : {Lang::kNl, Lang::kEn}) {
    for (const auto& page : IctPages(HandMadePortfolio(), lang)) {
      EXPECT_EQ(XmlError(page.body_html), "") << page.path;
      EXPECT_FALSE(Has(page.body_html, "<h1")) << page.path;
      EXPECT_FALSE(page.title.empty());
      const std::string region =
          "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" +
          HtmlEscape(page.title) + "\">";
      size_t tables = 0;
      for (size_t at = 0; (at = page.body_html.find("<table", at)) != std::string::npos; ++at) {
        ++tables;
        ASSERT_GE(at, region.size()) << page.path;
        EXPECT_EQ(page.body_html.compare(at - region.size(), region.size(), region), 0)
            << page.path;
        // A plain table, or a table of facts (words and figures, read from the left).
        const size_t caption = page.body_html.find(">\n<caption>", at);
        EXPECT_TRUE(caption == at + 6 || caption == at + 6 + std::string(" class=\"facts\"").size())
            << page.path;
      }
      size_t closed = 0;
      for (size_t at = 0; (at = page.body_html.find("</table></div>\n", at)) != std::string::npos;
           ++at) {
        ++closed;
      }
      EXPECT_GT(tables, 0u) << page.path;
      EXPECT_EQ(closed, tables) << page.path;
      EXPECT_TRUE(Has(page.body_html, "<th scope=\"col\">")) << page.path;
      EXPECT_TRUE(Has(page.body_html, "<th scope=\"row\">")) << page.path;
    }
  }
}

TEST(IctPages, OverviewShowsTheHandWorkedKeyFiguresInDutch) {
  const IctPage overview = IctPages(HandMadePortfolio(), Lang::kNl)[0];
  const std::string& html = overview.body_html;
  EXPECT_EQ(overview.title, "Grote ICT-activiteiten 2024");
  EXPECT_TRUE(Has(html, "€ 188,0 mln"));
  EXPECT_TRUE(Has(html, "€ 194,5 mln"));
  EXPECT_TRUE(Has(html, "€ 119,0 mln"));
  EXPECT_TRUE(Has(html, "+3,5%"));  // (194.5 - 188) / 188 = 3.457%
  EXPECT_TRUE(Has(html, "<th scope=\"row\">Later &gt;1 jaar</th><td>1</td>"));
  EXPECT_TRUE(Has(html, "<th scope=\"row\">Ongewijzigd</th><td>2</td>"));
  EXPECT_TRUE(Has(html, "<th scope=\"row\">Prijsontwikkeling</th><td>1</td>"));
  EXPECT_TRUE(Has(html, "<th scope=\"row\">In uitvoering</th><td>4</td>"));
  // Classes in their own order, not by label ("100+" sorts before "20-30"), with zero rows.
  EXPECT_TRUE(Has(html, "<th scope=\"row\">20-30 mln.</th><td>0</td>"));
  EXPECT_LT(html.find(">50-100 mln.</th>"), html.find(">100+ mln.</th>"));
  EXPECT_LT(html.find(">10-20 mln.</th>"), html.find(">20-30 mln.</th>"));
  EXPECT_TRUE(Has(html, "<th scope=\"row\">Afgerond</th><td>0</td>"));
  // The overview row: linked name (escaped), status, costs and end dates, reference date, stale.
  EXPECT_TRUE(Has(html, "<a href=\"BZK-1.html\">Burgerzaken &amp; Identiteit</a>"));
  EXPECT_TRUE(Has(html,
                  "<td>€ 40,0 mln</td><td>€ 55,0 mln</td><td>31-12-2023</td>"
                  "<td>30-06-2025</td><td>1</td><td>31-12-2024</td><td>actueel</td>"));
  EXPECT_TRUE(Has(html, "<a href=\"FIN_8.html\">Oud systeem</a>"));
  EXPECT_TRUE(Has(html, "<td>31-12-2023</td><td>verouderd</td>"));  // a text flag, not a colour
  EXPECT_TRUE(Has(html, "<td>onbekend</td>"));                      // BZK-2's end dates
}

TEST(IctPages, EnglishPagesUseIsoDatesPointDecimalsAndTranslateInBrackets) {
  const std::string html = IctPages(HandMadePortfolio(), Lang::kEn)[0].body_html;
  EXPECT_TRUE(Has(html, "€ 188.0 mln"));
  EXPECT_TRUE(Has(html, "+3.5%"));
  EXPECT_TRUE(Has(html, "<td>2023-12-31</td><td>2025-06-30</td>"));
  EXPECT_TRUE(Has(html, "Later &gt;1 jaar (later, over 1 year)"));
  EXPECT_TRUE(Has(html, "In uitvoering (in progress)"));
  EXPECT_TRUE(Has(html, "Prijsontwikkeling"));  // reasons verbatim
  EXPECT_TRUE(Has(html, "<td>stale</td>"));
}

TEST(IctPages, ActivityPageShowsBaselineNextToLatestAndTheReassessment) {
  const auto pages = IctPages(HandMadePortfolio(), Lang::kNl);
  const IctPage* page = Find(pages, "ict/BZK-1.html");
  ASSERT_NE(page, nullptr);
  const std::string& html = page->body_html;
  EXPECT_EQ(page->title, "Burgerzaken & Identiteit");
  EXPECT_TRUE(Has(html, "aria-label=\"Burgerzaken &amp; Identiteit\"><table>"));
  EXPECT_TRUE(Has(html, "Initiële schatting (01-01-2020)</th><td>€ 40,0 mln</td>"));
  EXPECT_TRUE(Has(html, "Actuele schatting (30-06-2024)</th><td>€ 55,0 mln</td>"));
  EXPECT_TRUE(Has(html, "€ 15,0 mln (+37,5%)"));  // 55 - 40 = 15, 15 / 40 = 37.5%
  EXPECT_TRUE(Has(html, "Gerealiseerd tot nu</th><td>€ 30,0 mln"));
  EXPECT_TRUE(Has(html, "Prognose toekomstige kosten</th><td>€ 25,0 mln"));  // 55 - 30
  EXPECT_TRUE(Has(html, "Intern personeel</th><td>€ 15,0 mln"));
  EXPECT_TRUE(Has(html, "Initiële einddatum</th><td>31-12-2023"));
  EXPECT_TRUE(Has(html, "Actuele einddatum</th><td>30-06-2025"));
  EXPECT_TRUE(Has(html, "+18 maanden"));                             // 1.5 years
  EXPECT_TRUE(Has(html, "Doorlooptijd initieel</th><td>4,0 jaar"));  // 3.999
  EXPECT_TRUE(Has(html, "Actuele doorlooptijd</th><td>5,5 jaar"));   // 5.496
  EXPECT_TRUE(Has(html, "30-06-2024</th><td>Prijsontwikkeling; Tegenvallers binnen project"));
  EXPECT_TRUE(Has(html, "Pilot &lt;gemeente&gt;"));
  EXPECT_TRUE(Has(html, "<a href=\"https://example.org/k?a=1&amp;b=2\">Brief over herijking</a>"));
  EXPECT_FALSE(Has(html, "Verouderd"));
}

TEST(IctPages, StaleActivitySaysSoInWordsAndUnknownEndDatesAreNamed) {
  const auto pages = IctPages(HandMadePortfolio(), Lang::kNl);
  const IctPage* stale = Find(pages, "ict/FIN_8.html");
  ASSERT_NE(stale, nullptr);
  EXPECT_TRUE(Has(stale->body_html,
                  "<strong>Verouderd:</strong> de nieuwste registratie is van "
                  "voor 2024."));
  const IctPage* open = Find(pages, "ict/BZK-2.html");
  ASSERT_NE(open, nullptr);
  EXPECT_TRUE(Has(open->body_html, "Actuele einddatum</th><td>onbekend"));
  EXPECT_TRUE(Has(open->body_html, "Doorlooptijd onbekend"));
  EXPECT_TRUE(Has(open->body_html, "Geen herijking in 2024."));
  const IctPage* acict = Find(pages, "ict/FIN-7.html");
  ASSERT_NE(acict, nullptr);
  EXPECT_TRUE(Has(acict->body_html, "AcICT-advies</th><td>ja"));
}

}  // namespace
}  // namespace jbr::publish
