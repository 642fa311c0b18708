#include "publish/chart/chart.h"

#include <expat.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>

namespace jbr::publish {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct Element {
  std::string name;
  std::map<std::string, std::string> attrs;
  std::string text;  // own character data
  size_t parent = SIZE_MAX;
};

struct Doc {
  bool ok = false;
  std::string error;
  std::vector<Element> elements;  // document order
  std::vector<size_t> open;       // parse stack

  std::vector<const Element*> All(const std::string& name) const {
    std::vector<const Element*> out;
    for (const Element& e : elements) {
      if (e.name == name) out.push_back(&e);
    }
    return out;
  }
  // Whether element i lies inside a <g class="cls">.
  bool InGroup(size_t i, const std::string& cls) const {
    for (size_t p = elements[i].parent; p != SIZE_MAX; p = elements[p].parent) {
      auto it = elements[p].attrs.find("class");
      if (elements[p].name == "g" && it != elements[p].attrs.end() && it->second == cls)
        return true;
    }
    return false;
  }
};

// The fragment parsed with expat as a whole XML document: well-formed or an error with the line.
Doc Parse(const std::string& xml) {
  Doc doc;
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &doc);
  XML_SetElementHandler(
      p,
      [](void* d, const XML_Char* name, const XML_Char** atts) {
        auto* self = static_cast<Doc*>(d);
        Element e{name, {}, "", self->open.empty() ? SIZE_MAX : self->open.back()};
        for (int i = 0; atts[i]; i += 2) e.attrs[atts[i]] = atts[i + 1];
        self->open.push_back(self->elements.size());
        self->elements.push_back(std::move(e));
      },
      [](void* d, const XML_Char*) { static_cast<Doc*>(d)->open.pop_back(); });
  XML_SetCharacterDataHandler(p, [](void* d, const XML_Char* s, int len) {
    auto* self = static_cast<Doc*>(d);
    if (!self->open.empty()) self->elements[self->open.back()].text.append(s, len);
  });
  doc.ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  if (!doc.ok) {
    doc.error = std::string(XML_ErrorString(XML_GetErrorCode(p))) + " at line " +
                std::to_string(XML_GetCurrentLineNumber(p));
  }
  XML_ParserFree(p);
  return doc;
}

// Two series over 2020 and 2021: Mannen 50 and 100, Vrouwen 25 and suppressed; persons.
ChartSpec Grouped() {
  ChartSpec spec;
  spec.kind = ChartKind::kGroupedBars;
  spec.id = "instroom";
  spec.title = "Instroom verdubbelt";
  spec.description = "Instroom van mannen en vrouwen in 2020 en 2021.";
  spec.unit = "persons";
  spec.category_heading = "Jaar";
  spec.categories = {"2020", "2021"};
  spec.series = {{"Mannen", {Figure(50), Figure(100)}, "", Mark::kAuto},
                 {"Vrouwen", {Figure(25), Suppressed()}, "", Mark::kAuto}};
  spec.opendata_href = "opendata/instroom.csv";
  return spec;
}

std::string Render(const ChartSpec& spec) {
  auto r = RenderChart(spec);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r.value() : "";
}

// The chart's table of figures is built in a scroll region named after the chart, inside its
// disclosure.
TEST(ChartRender, TableIsInAScrollRegionNamedAfterTheChart) {
  const std::string html = Render(Grouped());
  EXPECT_THAT(html, ::testing::HasSubstr(
                        "<details><summary>Tabel</summary>\n<div class=\"scroll\" tabindex=\"0\" "
                        "role=\"region\" aria-label=\"Instroom verdubbelt\">\n<table "
                        "class=\"chart-data\">\n<caption>Instroom verdubbelt</caption>"));
  EXPECT_THAT(html, ::testing::HasSubstr("</tbody>\n</table>\n</div>\n</details>\n"));
}

// The rects inside <g class="bars"> as "x y width height" (not legend swatches, not pattern tiles).
std::vector<std::string> Bars(const Doc& doc) {
  std::vector<std::string> out;
  for (size_t i = 0; i < doc.elements.size(); ++i) {
    const Element& e = doc.elements[i];
    if (e.name != "rect" || !doc.InGroup(i, "bars")) continue;
    out.push_back(e.attrs.at("x") + " " + e.attrs.at("y") + " " + e.attrs.at("width") + " " +
                  e.attrs.at("height"));
  }
  return out;
}

// Worked out from the geometry in chart.h: axis 0..100 (step 20), plot 200 high on y=224, two
// bands of (624-80)/2 = 272, the group 0.7*272 = 190.4 wide starting 40.8 into the band, bars
// 190.4/2 - 2 = 93.2 wide and 2 apart. 50 -> 100 high at y 124; 100 -> 200 at y 24; 25 -> 50 at
// y 174. Band 2 starts at 352, its first bar at 392.8.
TEST(SvgBars, GroupedBarHeightsFollowTheDocumentedScale) {
  const Doc doc = Parse(Render(Grouped()));
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_THAT(Bars(doc), ::testing::ElementsAre("120.8 124.0 93.2 100.0", "216.0 174.0 93.2 50.0",
                                                "392.8 24.0 93.2 200.0"));
}

TEST(SvgBars, SuppressedCellHasNoBarButADotAtTheBaseline) {
  const std::string html = Render(Grouped());
  const Doc doc = Parse(html);
  ASSERT_TRUE(doc.ok) << doc.error;
  // The dot stands centred where Vrouwen's 2021 bar would be (488.0 + 93.2/2 = 534.6), 5 above 224.
  bool dot = false;
  for (const Element* t : doc.All("text")) {
    if (t->text == ".") {
      dot = true;
      EXPECT_EQ(t->attrs.at("x"), "534.6");
      EXPECT_EQ(t->attrs.at("y"), "219.0");
    }
  }
  EXPECT_TRUE(dot);
  // The table shows the mark; the text alternative explains it.
  EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">2021</th><td>100</td><td>.</td></tr>"));
  EXPECT_THAT(doc.All("desc").at(0)->text, HasSubstr("Een punt (.) betekent"));
}

TEST(ChartRender, IsWellFormedWithAccessibleNames) {
  const Doc doc = Parse(Render(Grouped()));
  ASSERT_TRUE(doc.ok) << doc.error;
  ASSERT_EQ(doc.elements.at(0).name, "figure");
  const auto svgs = doc.All("svg");
  ASSERT_EQ(svgs.size(), 1u);
  EXPECT_EQ(svgs[0]->attrs.at("role"), "img");
  EXPECT_EQ(svgs[0]->attrs.at("aria-labelledby"), "instroom-title instroom-desc");
  EXPECT_EQ(doc.All("title").at(0)->attrs.at("id"), "instroom-title");
  EXPECT_EQ(doc.All("title").at(0)->text, "Instroom verdubbelt");
  EXPECT_EQ(doc.All("desc").at(0)->attrs.at("id"), "instroom-desc");
  EXPECT_EQ(doc.All("figcaption").at(0)->text, "Instroom verdubbelt");
  EXPECT_EQ(doc.All("caption").at(0)->text, "Instroom verdubbelt");
  EXPECT_EQ(doc.All("summary").at(0)->text, "Tabel");
  EXPECT_EQ(doc.All("a").at(0)->attrs.at("href"), "opendata/instroom.csv");
  EXPECT_EQ(doc.All("a").at(0)->text, "Open data (CSV)");
  // Header scopes: the corner and two series as columns, a row header per year.
  std::vector<std::string> scopes;
  for (const Element* th : doc.All("th")) scopes.push_back(th->attrs.at("scope") + ":" + th->text);
  EXPECT_THAT(scopes, ::testing::ElementsAre("col:Jaar", "col:Mannen", "col:Vrouwen", "row:2020",
                                             "row:2021"));
  std::vector<std::string> cells;
  for (const Element* td : doc.All("td")) cells.push_back(td->text);
  EXPECT_THAT(cells, ::testing::ElementsAre("50", "25", "100", "."));
}

TEST(ChartRender, EveryTextIsEscaped) {
  ChartSpec spec = Grouped();
  spec.title = "A < B & \"C\"";
  spec.series[0].label = "<script>";
  spec.lang = Lang::kEn;
  const std::string html = Render(spec);
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  const Doc doc = Parse(html);
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_EQ(doc.All("title").at(0)->text, "A < B & \"C\"");
  EXPECT_EQ(doc.All("summary").at(0)->text, "Table");
}

// Eight cost classes side by side: a band is 544 / 8 = 68 units. At the largest chart font (22
// units on phones) and 0.58 em a letter, 68 x 0.95 / 12.76 = 5 letters fit a line, so
// "(Geen kosten bekend)" is three lines ("(Geen", "kosten", "bekend)"), "0-10 mln." two, and
// "100+" one; the drawing grows by two lines of 1.15 x 22 units. Read whole, each label is its
// category.
// The category labels of a bar chart: each label's whole text -> its lines (a text and its tspans).
std::map<std::string, std::vector<std::string>> CategoryLabels(const Doc& doc) {
  std::map<std::string, std::vector<std::string>> labels;
  for (size_t i = 0; i < doc.elements.size(); ++i) {
    const Element& e = doc.elements[i];
    if (e.name != "text" || !doc.InGroup(i, "bars")) continue;
    std::vector<std::string> lines = {e.text};
    std::string whole = e.text;
    for (size_t j = i + 1; j < doc.elements.size() && doc.elements[j].parent == i; ++j) {
      lines.push_back(doc.elements[j].text);
      whole += doc.elements[j].text;
    }
    labels[whole] = lines;
  }
  return labels;
}

TEST(SvgBars, LongCategoryLabelsWrapWithinTheirBand) {
  ChartSpec spec = Grouped();
  spec.categories = {"0-10 mln.",  "10-20 mln.",  "20-30 mln.", "30-40 mln.",
                     "40-50 mln.", "50-100 mln.", "100+",       "(Geen kosten bekend)"};
  for (auto& series : spec.series) series.cells.assign(8, Figure(3));
  const Doc doc = Parse(Render(spec));
  ASSERT_TRUE(doc.ok) << doc.error;
  auto labels = CategoryLabels(doc);  // operator[]: a missing label is an empty list
  EXPECT_EQ(labels["(Geen kosten bekend)"],
            (std::vector<std::string>{"(Geen", " kosten", " bekend)"}));
  EXPECT_EQ(labels["0-10 mln."], (std::vector<std::string>{"0-10", " mln."}));
  EXPECT_EQ(labels["100+"], (std::vector<std::string>{"100+"}));
  const Doc two = Parse(Render(Grouped()));  // 2020 and 2021: one line each
  const auto height = [](const Doc& d) {     // the viewBox's last number
    const std::string box = d.All("svg").at(0)->attrs.at("viewBox");
    return std::stod(box.substr(box.rfind(' ') + 1));
  };
  EXPECT_NEAR(height(doc) - height(two), 2 * 1.15 * 22, 1e-6);
}

// A word of more than one and a half times the letters its band holds is broken, after a hyphen
// of its own where one falls within the line, else with one added; a shorter one stays whole.
// Six bands (the CO2 of mobility by mode) hold 544 / 6 x 0.95 / (22 x 0.58) = 6.75, so 6 letters
// a line, and words of more than 9 are broken.
TEST(SvgBars, WordsLongerThanTheirBandAreBroken) {
  ChartSpec spec = Grouped();
  spec.categories = {
      "vliegreizen",      "overig",      "eigen auto (dienstreizen)", "eigen auto (woon-werk)",
      "openbaar vervoer", "dienstauto's"};
  for (auto& series : spec.series) series.cells.assign(6, Figure(3));
  const Doc doc = Parse(Render(spec));
  ASSERT_TRUE(doc.ok) << doc.error;
  auto labels = CategoryLabels(doc);  // operator[]: a missing label is an empty list
  EXPECT_EQ(labels["eigen auto (dien-strei-zen)"],
            (std::vector<std::string>{"eigen", " auto", " (dien-", "strei-", "zen)"}));
  EXPECT_EQ(labels["eigen auto (woon-werk)"],
            (std::vector<std::string>{"eigen", " auto", " (woon-", "werk)"}));
  EXPECT_EQ(labels["vlieg-reizen"], (std::vector<std::string>{"vlieg-", "reizen"}));
  EXPECT_EQ(labels["diens-tauto-'s"], (std::vector<std::string>{"diens-", "tauto-", "'s"}));
  EXPECT_EQ(labels["openbaar vervoer"], (std::vector<std::string>{"openbaar", " vervoer"}));
  for (const auto& [whole, lines] : labels) {
    for (const auto& line : lines) {
      const std::string text = line.starts_with(" ") ? line.substr(1) : line;
      EXPECT_LE(text.size(), 9u) << "'" << text << "' of '" << whole << "'";
    }
  }
}

TEST(ChartRender, SameSpecSameBytes) { EXPECT_EQ(Render(Grouped()), Render(Grouped())); }

TEST(ChartRender, RefusesWhatTheCheckRejects) {
  ChartSpec spec = Grouped();
  spec.series[1].color = "#ffd700";
  auto r = RenderChart(spec);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("chart instroom: colour #ffd700"));
  spec = Grouped();
  for (int i = 0; i < 4; ++i) spec.series.push_back({"S", {Figure(1), Figure(2)}, "", Mark::kAuto});
  r = RenderChart(spec);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("use small multiples"));
}

ChartSpec Base(ChartKind kind, std::string unit, std::vector<std::string> categories) {
  ChartSpec spec;
  spec.kind = kind;
  spec.id = "c1";
  spec.title = "Titel";
  spec.description = "Beschrijving.";
  spec.unit = std::move(unit);
  spec.categories = std::move(categories);
  spec.opendata_href = "c1.csv";
  return spec;
}

std::vector<std::string> Attr(const Doc& doc, const std::string& element, const std::string& attr) {
  std::vector<std::string> out;
  for (const Element* e : doc.All(element)) {
    if (e->attrs.count(attr)) out.push_back(e->attrs.at(attr));
  }
  return out;
}

// Lines: values 3..6 give the axis 3..6 (raw step 0.6 -> 1); plot x 80..500 in four bands of 105,
// points at their centres 132.5 .. 447.5; y = 224 - 200 * (v - 3) / 3.
TEST(SvgLine, BreaksAtGapsAndLabelsLineEnds) {
  ChartSpec spec = Base(ChartKind::kTimeSeries, "%", {"2018", "2019", "2020", "2021"});
  spec.series = {{"Rijk", {Figure(4), Figure(5), Suppressed(), Figure(6)}, "", Mark::kAuto},
                 {"BZK", {Figure(3), Figure(3.5), Figure(4), Missing()}, "", Mark::kAuto}};
  const Doc doc = Parse(Render(spec));
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_THAT(Attr(doc, "path", "d"),
              ::testing::IsSupersetOf(
                  {"M132.5 157.3L237.5 90.7M447.5 24.0", "M132.5 224.0L237.5 190.7L342.5 157.3"}));
  // Direct labels right of the plot; the gap marks for both series; distinct marker shapes.
  std::vector<std::string> texts;
  for (const Element* t : doc.All("text")) texts.push_back(t->attrs.at("x") + ":" + t->text);
  EXPECT_THAT(texts, ::testing::IsSupersetOf({"526.0:Rijk", "526.0:BZK", "344.5:.", "449.5:n.g."}));
  EXPECT_EQ(doc.All("circle").size(), 3u + 2u);  // Rijk: 3 points, its end label and its gap mark
  EXPECT_THAT(doc.All("desc").at(0)->text, HasSubstr("n.g. betekent: niet geleverd."));
}

// Horizontal: axis 0..80 (raw 16 -> 20) over x 184..540 (356 wide); rows of 32 from y 8, bars 20
// high 6 into their row. 40 -> 178 wide; 80 -> 356.
TEST(SvgBars, HorizontalBarsWithNormAndMissingCell) {
  ChartSpec spec = Base(ChartKind::kHorizontalBars, "persons", {"BZK", "FIN", "JenV"});
  spec.series = {{"Instroom", {Figure(40), Missing(), Figure(80)}, "", Mark::kAuto}};
  spec.norm = NormLine{60, "Norm"};
  const Doc doc = Parse(Render(spec));
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_THAT(Bars(doc), ::testing::ElementsAre("184.0 14.0 178.0 20", "184.0 78.0 356.0 20"));
  std::vector<std::string> texts;
  for (const Element* t : doc.All("text")) texts.push_back(t->text);
  EXPECT_THAT(texts, ::testing::IsSupersetOf({"BZK", "40", "n.g.", "80", "Norm 60"}));
  // The norm line at 60: 184 + 356 * 0.75 = 451, dashed.
  EXPECT_THAT(Attr(doc, "line", "stroke-dasharray"), ::testing::ElementsAre("6 4"));
  EXPECT_THAT(Attr(doc, "line", "x1"), ::testing::Contains("451.0"));
}

// What the element with data-cell="key" draws: the names of the elements inside it and their
// text, in document order ("rect", "text:40").
std::vector<std::string> CellDrawing(const Doc& doc, const std::string& key) {
  std::vector<std::string> out;
  for (size_t i = 0; i < doc.elements.size(); ++i) {
    bool inside = false;
    for (size_t p = doc.elements[i].parent; p != SIZE_MAX && !inside; p = doc.elements[p].parent) {
      auto it = doc.elements[p].attrs.find("data-cell");
      inside =
          it != doc.elements[p].attrs.end() && it->second == key && doc.elements[p].name == "g";
    }
    if (!inside) continue;
    const Element& e = doc.elements[i];
    out.push_back(e.text.empty() ? e.name : e.name + ":" + e.text);
  }
  return out;
}

// The privacy test finds a chart's cells by their keys: in the table beside the figure, and on the
// SVG mark that shows it. A suppressed cell's mark draws no bar and no number, only ".".
TEST(ChartCells, KeyedCellsCarryTheirKeyInTableAndSvg) {
  ChartSpec spec = Base(ChartKind::kHorizontalBars, "persons", {"BZK", "FIN", "JenV", "OCW"});
  spec.series = {{"2021",
                  {Figure(40, "instroom|BZK|2021||"), Suppressed("instroom|FIN|2021||"),
                   Missing("instroom|JenV|2021||"), Figure(80)},
                  "",
                  Mark::kAuto}};
  const std::string html = Render(spec);
  const Doc doc = Parse(html);
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_THAT(html,
              HasSubstr("<th scope=\"row\">BZK</th><td data-cell=\"instroom|BZK|2021||\">40</td>"));
  EXPECT_THAT(html,
              HasSubstr("<th scope=\"row\">FIN</th><td data-cell=\"instroom|FIN|2021||\">.</td>"));
  EXPECT_THAT(html, HasSubstr("<td data-cell=\"instroom|JenV|2021||\">n.g.</td>"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"row\">OCW</th><td>80</td>"));  // no key: none shown
  EXPECT_THAT(CellDrawing(doc, "instroom|BZK|2021||"), ::testing::ElementsAre("rect", "text:40"));
  EXPECT_THAT(CellDrawing(doc, "instroom|FIN|2021||"), ::testing::ElementsAre("text:."));
  EXPECT_THAT(CellDrawing(doc, "instroom|JenV|2021||"), ::testing::ElementsAre("text:n.g."));
  EXPECT_EQ(Bars(doc).size(), 2u);  // BZK and OCW
}

// Lines and stacks: a published point's marker is in its cell's group; a suppressed point has no
// marker there, only its mark in the strip below the plot (lines) or above the stack (stacks).
TEST(ChartCells, LinesAndStacksKeyTheirMarks) {
  ChartSpec line = Base(ChartKind::kTimeSeries, "%", {"Q1", "Q2"});
  line.series = {
      {"Rijk", {Figure(4, "a|Rijk|2021-Q1||"), Suppressed("a|Rijk|2021-Q2||")}, "", Mark::kAuto}};
  Doc doc = Parse(Render(line));
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_THAT(CellDrawing(doc, "a|Rijk|2021-Q1||"), ::testing::ElementsAre("circle"));
  EXPECT_THAT(CellDrawing(doc, "a|Rijk|2021-Q2||"), ::testing::ElementsAre("text:."));

  ChartSpec stack = Base(ChartKind::kStackedBars, "persons", {"2021"});
  stack.series = {{"Mannen", {Figure(30, "b|Rijk|2021||M")}, "", Mark::kAuto},
                  {"Vrouwen", {Suppressed("b|Rijk|2021||V")}, "", Mark::kAuto}};
  const std::string html = Render(stack);
  doc = Parse(html);
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_THAT(CellDrawing(doc, "b|Rijk|2021||M"), ::testing::ElementsAre("rect"));
  EXPECT_THAT(html, HasSubstr("<tspan data-cell=\"b|Rijk|2021||V\">.</tspan>"));
}

// Stacked: 30 + 20 = 50 tops the axis 0..50 (raw 10 -> 10); one band of 544, the stack 0.6 of it
// (326.4) from 80 + 0.2 * 544 = 188.8; 30 -> 120 high from 224, then 20 -> 80 high above it.
TEST(SvgBars, StackedSegmentsAreSeparatedByAWhiteGap) {
  ChartSpec spec = Base(ChartKind::kStackedBars, "persons", {"2021"});
  spec.series = {{"Vast", {Figure(30)}, "", Mark::kAuto},
                 {"Tijdelijk", {Figure(20)}, "", Mark::kAuto}};
  const Doc doc = Parse(Render(spec));
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_THAT(Bars(doc),
              ::testing::ElementsAre("188.8 104.0 326.4 120.0", "188.8 24.0 326.4 80.0"));
  for (size_t i = 0; i < doc.elements.size(); ++i) {
    if (doc.elements[i].name == "rect" && doc.InGroup(i, "bars")) {
      EXPECT_EQ(doc.elements[i].attrs.at("stroke"), "#ffffff");
      EXPECT_EQ(doc.elements[i].attrs.at("stroke-width"), "2");
    }
  }
  // The second series is hatched, and the legend shows the same pattern.
  EXPECT_THAT(Attr(doc, "pattern", "id"), ::testing::ElementsAre("c1-p2"));
  const std::vector<std::string> fills = Attr(doc, "rect", "fill");
  EXPECT_EQ(std::count(fills.begin(), fills.end(), "url(#c1-p2)"), 2);  // the bar and its swatch
}

TEST(ChartTiles, ChangeIsArrowAndWordsNotColour) {
  ChartSpec spec = Base(ChartKind::kKeyFigures, "%", {"2020", "2021"});
  spec.series = {{"Ziekteverzuim", {Figure(5.0), Figure(5.2)}, "", Mark::kAuto},
                 {"Externe inhuur", {Figure(11.0), Figure(10.5)}, "", Mark::kAuto},
                 {"Vrouwen in de top", {Figure(38.0), Suppressed()}, "", Mark::kAuto}};
  const std::string html = Render(spec);
  ASSERT_TRUE(Parse(html).ok) << Parse(html).error;
  EXPECT_THAT(
      html, HasSubstr("<p class=\"kf-value\">5,2%</p><p class=\"kf-label\">Ziekteverzuim, 2021</p>"
                      "<p class=\"kf-change\"><span aria-hidden=\"true\">▲</span> +0,2 pt "
                      "<span class=\"kf-change-text\">hoger dan in 2020</span></p>"));
  EXPECT_THAT(html, HasSubstr("▼</span> -0,5 pt <span class=\"kf-change-text\">lager dan in 2020"));
  EXPECT_THAT(
      html,
      HasSubstr(
          "<p class=\"kf-value\">.</p><p class=\"kf-label\">Vrouwen in de top, 2021</p></li>"));
}

TEST(ChartMultiples, PanelsShareOneScale) {
  ChartSpec spec = Base(ChartKind::kSmallMultiples, "%", {"2020", "2021"});
  const char* names[] = {"AZ", "BZ", "BZK", "EZK"};
  const double values[] = {2, 4, 8, 10};
  for (int i = 0; i < 4; ++i) {
    spec.series.push_back({names[i], {Figure(values[i] - 1), Figure(values[i])}, "", Mark::kAuto});
  }
  const Doc doc = Parse(Render(spec));
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_THAT(Attr(doc, "g", "transform"),
              ::testing::ElementsAre("translate(0.0 0.0)", "translate(213.3 0.0)",
                                     "translate(426.7 0.0)", "translate(0.0 150.0)"));
  // Axis 0..10 (raw 2 -> 2) in every panel: the top tick reads 10% four times.
  std::vector<std::string> texts;
  for (const Element* t : doc.All("text")) texts.push_back(t->text);
  EXPECT_EQ(std::count(texts.begin(), texts.end(), "10%"), 4);
  EXPECT_THAT(texts, ::testing::IsSupersetOf({"AZ", "BZ", "BZK", "EZK"}));
  // The table has a row per ministry, as the panels do.
  spec.series_heading = "Ministerie";
  const std::string table = RenderDataTable(spec);
  EXPECT_THAT(table, HasSubstr("<th scope=\"col\">Ministerie</th><th scope=\"col\">2020</th>"));
  EXPECT_THAT(table, HasSubstr("<tr><th scope=\"row\">AZ</th><td>1,0%</td><td>2,0%</td></tr>"));
}

TEST(ChartRender, EveryKindIsWellFormedAndStable) {
  for (ChartKind k : {ChartKind::kBars, ChartKind::kGroupedBars, ChartKind::kStackedBars,
                      ChartKind::kTimeSeries, ChartKind::kSmallMultiples, ChartKind::kKeyFigures}) {
    ChartSpec spec = Grouped();
    spec.kind = k;
    if (k == ChartKind::kBars) spec.series.pop_back();
    spec.norm = NormLine{60, "Norm"};
    const std::string html = Render(spec);
    const Doc doc = Parse(html);
    EXPECT_TRUE(doc.ok) << static_cast<int>(k) << ": " << doc.error;
    EXPECT_EQ(html, Render(spec));
  }
}

TEST(ChartRender, EdgeCasesStayWellFormed) {
  std::vector<ChartSpec> specs;
  ChartSpec none = Base(ChartKind::kBars, "%", {"AZ", "BZ"});  // nothing published: axis 0..1
  none.series = {{"Verzuim", {Suppressed(), Missing()}, "", Mark::kAuto}};
  specs.push_back(none);
  ChartSpec negative = Base(ChartKind::kBars, "%", {"2020", "2021"});
  negative.series = {{"Verandering", {Figure(-3.5), Figure(2)}, "", Mark::kAuto}};
  specs.push_back(negative);
  ChartSpec one = Base(ChartKind::kTimeSeries, "EUR", {"2021"});
  one.series = {{"Uitgaven", {Figure(1994e6)}, "", Mark::kAuto}};
  specs.push_back(one);
  ChartSpec tile = Base(ChartKind::kKeyFigures, "persons", {"2021"});
  tile.series = {{"Personeel", {Figure(142677)}, "", Mark::kAuto}};
  specs.push_back(tile);
  ChartSpec stack = Base(ChartKind::kStackedBars, "fte", {"2021"});
  stack.series = {{"Vast", {Figure(10)}, "", Mark::kAuto},
                  {"Tijdelijk", {Suppressed()}, "", Mark::kAuto}};
  specs.push_back(stack);
  for (const ChartSpec& spec : specs) {
    const std::string html = Render(spec);
    const Doc doc = Parse(html);
    EXPECT_TRUE(doc.ok) << doc.error << "\n" << html;
    EXPECT_THAT(html, Not(HasSubstr("nan")));
    EXPECT_THAT(html, Not(HasSubstr("inf")));
  }
  EXPECT_THAT(Render(tile), HasSubstr("<p class=\"kf-value\">142.677</p>"));
  // One value, 1994 mln: widened by 10% to 1794.6..2193.4, raw step 79.8 -> 100, ticks 1.700 to
  // 2.200 in millions with the unit once above them.
  EXPECT_THAT(Render(one), HasSubstr(">2.200</text>"));
  EXPECT_THAT(Render(one), HasSubstr(">€ mln</text>"));
}

// A line whose axis does not start at zero says so under the plot and in its text alternative, and
// marks the break on the axis; one that starts at zero says nothing of the kind.
TEST(ChartAxis, ALineNotStartingAtZeroSaysSoVisibly) {
  ChartSpec spec = Base(ChartKind::kTimeSeries, "persons", {"2020", "2021"});
  spec.series = {{"Rijk", {Figure(95), Figure(105)}, "", Mark::kAuto}};
  const std::string html = Render(spec);
  EXPECT_THAT(html, HasSubstr(">Let op: de as begint bij 94, niet bij 0.</text>"));
  EXPECT_THAT(html, HasSubstr("class=\"axis-break\""));
  EXPECT_THAT(ChartDescription(spec), HasSubstr("de as begint bij 94, niet bij 0."));
  spec.series = {{"Rijk", {Figure(5), Figure(105)}, "", Mark::kAuto}};
  EXPECT_EQ(Render(spec).find("niet bij 0"), std::string::npos);
}

// The Rijk's figure on a chart of ministries is a dotted reference line with its label, at its
// place on the axis: 50 on an axis 0..100 (bars of 40 and 100) is halfway the plot 184..540, 362.
TEST(ChartAxis, TheRijkIsAReferenceLineOnAChartOfMinistries) {
  ChartSpec spec = Base(ChartKind::kHorizontalBars, "persons", {"BZK", "FIN"});
  spec.series = {{"2021", {Figure(40), Figure(100)}, "", Mark::kAuto}};
  spec.reference = NormLine{50, "Rijk"};
  const std::string html = Render(spec);
  EXPECT_THAT(html, HasSubstr("<g class=\"reference\"><line x1=\"362.0\""));
  EXPECT_THAT(html, HasSubstr(">Rijk 50</text>"));
}

}  // namespace
}  // namespace jbr::publish
