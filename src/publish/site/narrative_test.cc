#include "publish/site/narrative.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace jbr::publish {
namespace {

using ::testing::HasSubstr;

// A two-ministry publication worked by hand: absence 5.2% (last year 5.0%) for the Rijk, 4.8% at
// BZK, suppressed at AZ; hire share 13.3% against a 10% norm.
Publication SmallPublication() {
  Publication p;
  p.run.year = 2021;
  IndicatorDef absence;
  absence.id = "absence.rate";
  absence.unit = "%";
  IndicatorDef hire;
  hire.id = "hire.share";
  hire.unit = "%";
  hire.norm = Norm{Norm::Kind::kMaximum, 10, "above_norm", "Rijksbrede norm"};
  p.definitions = {absence, hire};
  auto value = [](std::string ind, std::string min, std::string status, std::optional<double> v,
                  std::optional<double> prev) {
    PublishedValue x;
    x.indicator = std::move(ind);
    x.ministry = std::move(min);
    x.period = "2021";
    x.unit = "%";
    x.status = std::move(status);
    x.value = v;
    x.previous = prev;
    if (v && prev) x.change = *v - *prev;
    return x;
  };
  p.values = {value("absence.rate", "AZ", "suppressed", std::nullopt, std::nullopt),
              value("absence.rate", "BZK", "published", 4.8, 4.9),
              value("absence.rate", "Rijk", "published", 5.2, 5.0),
              value("hire.share", "Rijk", "published", 13.3, 12.2),
              value("hire.share", "BZK", "missing", std::nullopt, std::nullopt)};
  return p;
}

Result<std::string> Render(const std::string& text, Lang lang = Lang::kNl) {
  static const Publication pub = SmallPublication();
  static const FigureIndex index(pub);
  return RenderNarrative({"werkgever.md", text}, index, lang,
                         [](const Directive& d) -> Result<std::string> {
                           if (d.kind != "chart")
                             return UsageError("unknown directive '" + d.kind + "'");
                           return "<figure>" + d.args.at(0) + "</figure>\n";
                         });
}

TEST(Narrative, FillsFiguresFromThePublication) {
  auto html = Render(
      "# Verzuim\n\nHet verzuim is {{absence.rate direction}} met "
      "{{absence.rate change}} naar **{{absence.rate}}** in {{year}}; bij BZK "
      "{{absence.rate BZK}} (was {{absence.rate BZK previous}}).\n");
  ASSERT_TRUE(html.ok()) << html.status().message();
  EXPECT_THAT(*html, HasSubstr("<h1>Verzuim</h1>"));
  // 5.2 - 5.0 = 0.2 points, risen; BZK 4.8 from 4.9.
  EXPECT_THAT(*html, HasSubstr("Het verzuim is gestegen met 0,2 procentpunt naar "
                               "<strong>5,2%</strong> in 2021; bij BZK 4,8% (was 4,9%)."));
}

TEST(Narrative, EnglishAndLastYearAndNorm) {
  auto html = Render(
      "Hire {{hire.share}} against {{hire.share norm}}; {{previous_year}}: "
      "{{hire.share 2020}}.\n",
      Lang::kEn);
  ASSERT_TRUE(html.ok()) << html.status().message();
  EXPECT_THAT(*html, HasSubstr("Hire 13.3% against 10.0%; 2020: 12.2%."));
}

// Reassessed ICT projects: 1 for the Rijk (last year 2), none at BZK, 3 at FIN; workplaces per
// fte 1.0 at FIN (written "1,0": a decimal, so plural).
Publication Counts() {
  Publication p;
  p.run.year = 2021;
  IndicatorDef n;
  n.id = "ict.reassessments";
  n.unit = "count";
  IndicatorDef w;
  w.id = "housing.workplace_factor";
  w.unit = "workplaces/fte";
  p.definitions = {n, w};
  auto value = [](std::string id, std::string ministry, double v, std::optional<double> prev,
                  std::string unit) {
    PublishedValue x;
    x.indicator = std::move(id);
    x.ministry = std::move(ministry);
    x.period = "2021";
    x.unit = std::move(unit);
    x.status = "published";
    x.value = v;
    x.previous = prev;
    return x;
  };
  p.values = {value("ict.reassessments", "BZK", 0, std::nullopt, "count"),
              value("ict.reassessments", "FIN", 3, std::nullopt, "count"),
              value("ict.reassessments", "Rijk", 1, 2, "count"),
              value("housing.workplace_factor", "FIN", 1, std::nullopt, "workplaces/fte")};
  return p;
}

TEST(Narrative, PluralFollowsTheFigureAsWritten) {
  static const Publication pub = Counts();
  static const FigureIndex index(pub);
  auto render = [](const std::string& text, Lang lang) {
    return RenderNarrative(
        {"hoofdlijnen.md", text}, index, lang,
        [](const Directive&) -> Result<std::string> { return UsageError("none"); });
  };
  const std::string nl =
      "Bij {{ict.reassessments}} {{ict.reassessments plural=project|projecten}} "
      "{{ict.reassessments plural=is|zijn}} het plan herzien, vorig jaar bij {{ict.reassessments "
      "previous}} "
      "{{ict.reassessments previous plural=project|projecten}}. BZK: {{ict.reassessments BZK}} "
      "{{ict.reassessments BZK plural=project|projecten}}, FIN: {{ict.reassessments FIN}} "
      "{{ict.reassessments FIN plural=project|projecten}}; {{housing.workplace_factor FIN}} "
      "{{housing.workplace_factor FIN plural=werkplek|werkplekken}}.\n";
  auto html = render(nl, Lang::kNl);
  ASSERT_TRUE(html.ok()) << html.status().message();
  EXPECT_THAT(
      *html,
      HasSubstr("Bij 1 project is het plan herzien, vorig jaar bij 2 projecten. BZK: 0 projecten, "
                "FIN: 3 projecten; 1,0 werkplekken."));
  auto en = render(
      "For {{ict.reassessments}} {{ict.reassessments plural=project|projects}} the plan was "
      "revised; at BZK {{ict.reassessments BZK}} {{ict.reassessments BZK "
      "plural=project|projects}}.\n",
      Lang::kEn);
  ASSERT_TRUE(en.ok()) << en.status().message();
  EXPECT_THAT(*en, HasSubstr("For 1 project the plan was revised; at BZK 0 projects."));
  // Both words are needed, and a direction has none.
  for (const char* bad :
       {"plural=project", "plural=project|", "plural=|projecten", "plural=a|b|c"}) {
    auto r = render(std::string("a\n{{ict.reassessments ") + bad + "}}\n", Lang::kNl);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_THAT(r.status().message(), HasSubstr("hoofdlijnen.md:2:")) << bad;
    EXPECT_THAT(r.status().message(), HasSubstr("give the singular and the plural")) << bad;
  }
  EXPECT_EQ(CountWord("1", "baan", "banen"), "baan");
  EXPECT_EQ(CountWord("1.000", "baan", "banen"), "banen");
  EXPECT_EQ(CountWord("0,5", "baan", "banen"), "banen");
}

TEST(Narrative, SuppressedFigureStopsTheBuildWithFileAndLine) {
  auto html = Render("Intro.\n\nBij AZ: {{absence.rate AZ}}.\n");
  ASSERT_FALSE(html.ok());
  EXPECT_THAT(html.status().message(), HasSubstr("werkgever.md:3:"));
  EXPECT_THAT(html.status().message(), HasSubstr("suppressed"));
}

TEST(Narrative, MissingAndUnknownStopTheBuild) {
  auto missing = Render("a\n{{hire.share BZK}}\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("werkgever.md:2:"));
  EXPECT_THAT(missing.status().message(), HasSubstr("missing"));
  auto unknown = Render("{{absence.rates}}\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.status().message(), HasSubstr("werkgever.md:1:"));
  EXPECT_THAT(unknown.status().message(), HasSubstr("unknown indicator 'absence.rates'"));
  auto no_norm = Render("{{absence.rate norm}}\n");
  ASSERT_FALSE(no_norm.ok());
  EXPECT_THAT(no_norm.status().message(), HasSubstr("no norm"));
  auto bad_year = Render("{{absence.rate 2018}}\n");
  ASSERT_FALSE(bad_year.ok());
  EXPECT_EQ(bad_year.status().code(), StatusCode::kUsage);
  EXPECT_THAT(bad_year.status().message(), HasSubstr("werkgever.md:1:"));
  EXPECT_THAT(bad_year.status().message(), HasSubstr("year 2018 is not in this report"));
}

TEST(Narrative, TypedNumbersAreRefused) {
  auto html = Render("Het verzuim is 5,2 procent.\n");
  ASSERT_FALSE(html.ok());
  EXPECT_THAT(html.status().message(), HasSubstr("werkgever.md:1: a typed number"));
  // Digits in a link target are not figures.
  EXPECT_TRUE(Render("[bron](https://example.org/kst-31490-1)\n").ok());
  // Nor are digits inside a word.
  EXPECT_TRUE(Render("De CO2-uitstoot.\n").ok());
  auto year = Render("Het jaar 2021.\n");
  ASSERT_FALSE(year.ok());
  EXPECT_THAT(year.status().message(), HasSubstr("werkgever.md:1: a typed number"));
}

TEST(Narrative, DirectivesAndEscaping) {
  auto html = Render("Tekst <script>x</script>\n\n::: chart absence.rate\n\nSlot.\n");
  ASSERT_TRUE(html.ok()) << html.status().message();
  EXPECT_THAT(*html, HasSubstr("<figure>absence.rate</figure>"));
  EXPECT_THAT(*html, HasSubstr("&lt;script&gt;"));
  EXPECT_THAT(*html, ::testing::Not(HasSubstr("<script>")));
  auto bad = Render("a\n::: map absence.rate\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("werkgever.md:2: ::: map"));
}

// A Markdown table is written in its scroll region as it is rendered (no caption in Markdown: the
// region is called "Tabel" / "Table"); text that reads like a table tag is only text.
TEST(Narrative, TablesAreBuiltInTheirScrollRegion) {
  auto html = Render("Voor.\n\n| a | b |\n|---|--:|\n| x | &lt;table&gt; |\n\nNa <table>.\n");
  ASSERT_TRUE(html.ok()) << html.status().message();
  EXPECT_EQ(*html,
            "<p>Voor.</p>\n"
            "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Tabel\">\n"
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n"
            "<tbody>\n<tr>\n<td>x</td>\n<td align=\"right\">&lt;table&gt;</td>\n</tr>\n"
            "</tbody>\n</table>\n</div>\n"
            "<p>Na &lt;table&gt;.</p>\n");
  auto en = Render("| x |\n|---|\n| y |\n\n> | q |\n> |---|\n> | r |\n", Lang::kEn);
  ASSERT_TRUE(en.ok()) << en.status().message();
  const std::string region =
      "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">\n<table>\n";
  EXPECT_EQ(en->find(region), 0u) << *en;
  EXPECT_NE(en->find("<blockquote>\n" + region), std::string::npos) << *en;
  EXPECT_NE(en->find("</table>\n</div>\n</blockquote>\n"), std::string::npos) << *en;
}

TEST(Narrative, UnclosedTagIsAnError) {
  auto html = Render("{{#year}} open\n");
  ASSERT_FALSE(html.ok());
  // The file, and the section left open.
  EXPECT_THAT(html.status().message(), HasSubstr("werkgever.md"));
  EXPECT_THAT(html.status().message(), HasSubstr("Unclosed section \"year\""));
}

}  // namespace
}  // namespace jbr::publish
