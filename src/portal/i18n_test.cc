// The portal's languages: how a request's language is chosen (the query, then the cookie, then
// Accept-Language by weight, else Dutch), and that every text the portal's sources pass to Tr or
// T has its Dutch in the catalogue (the sources are read here, so a new English text without Dutch
// fails this test rather than showing English on a Dutch page).
#include "portal/i18n.h"

#include <gtest/gtest.h>

#include "portal/test_portal.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace jbr::portal {
namespace {

TEST(ChooseLang, QueryThenCookieThenAcceptLanguageElseDutch) {
  EXPECT_EQ(ChooseLang("", "", ""), Lang::kNl);
  EXPECT_EQ(ChooseLang("", "", "en-GB,en;q=0.9"), Lang::kEn);
  EXPECT_EQ(ChooseLang("", "", "de-DE, en;q=0.5, nl;q=0.8"), Lang::kNl);
  EXPECT_EQ(ChooseLang("", "", "de-DE, en;q=0.5, nl;q=0.4"), Lang::kEn);
  EXPECT_EQ(ChooseLang("", "", "fr, de"), Lang::kNl) << "neither: Dutch";
  EXPECT_EQ(ChooseLang("", "", "en;q=0, nl;q=0"), Lang::kNl) << "q=0 means not acceptable";
  EXPECT_EQ(ChooseLang("", "", "EN-us"), Lang::kEn) << "tags are case-insensitive";
  EXPECT_EQ(ChooseLang("", "", "nl-BE;q=0.7, en;q=0.7"), Lang::kNl) << "equal weights: the first";
  EXPECT_EQ(ChooseLang("", "", "english, en;q=x"), Lang::kNl) << "not a language tag; no weight";
  EXPECT_EQ(ChooseLang("", "en", "nl"), Lang::kEn) << "the cookie before the browser";
  EXPECT_EQ(ChooseLang("nl", "en", "en"), Lang::kNl) << "the query before the cookie";
  EXPECT_EQ(ChooseLang("xx", "en", "nl"), Lang::kEn) << "an unknown query is ignored";
  EXPECT_EQ(ChooseLang("en-evil", "", ""), Lang::kNl);
}

TEST(Tr, DutchFromTheCatalogueEnglishAsIs) {
  EXPECT_STREQ(Tr(Lang::kNl, "Log in"), "Inloggen");
  EXPECT_STREQ(Tr(Lang::kEn, "Log in"), "Log in");
  EXPECT_EQ(Tr(Lang::kNl, std::string("Deliveries")), "Leveringen");
}

// Every literal passed as T("...") or Tr(lang, "...") in src/portal/*.cc has Dutch.
TEST(Tr, EveryTextOfThePortalHasDutch) {
  const std::filesystem::path dir = std::filesystem::path(JBR_SOURCE_DIR) / "src" / "portal";
  // A C++ string literal, possibly split over lines ("a" "b"), after T( or Tr(x, .
  static const std::regex kCall(
      R"re(\b(?:T|Tr)\((?:[A-Za-z_.]+,\s*)?((?:"(?:[^"\\]|\\.)*"\s*)+)[,)])re");
  static const std::regex kPiece(R"re("((?:[^"\\]|\\.)*)")re");
  int texts = 0;
  std::vector<std::string> missing;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".cc" || name.find("_test") != std::string::npos) continue;
    std::ifstream in(entry.path());
    std::stringstream s;
    s << in.rdbuf();
    const std::string src = s.str();
    for (std::sregex_iterator it(src.begin(), src.end(), kCall), end; it != end; ++it) {
      std::string text;
      const std::string pieces = (*it)[1];
      for (std::sregex_iterator p(pieces.begin(), pieces.end(), kPiece); p != end; ++p) {
        // Undo the escapes the portal's texts use.
        text += std::regex_replace(std::regex_replace((*p)[1].str(), std::regex(R"(\\")"), "\""),
                                   std::regex(R"(\\n)"), "\n");
      }
      ++texts;
      if (!HasDutch(text)) missing.push_back(name + ": " + text);
    }
  }
  EXPECT_GT(texts, 60) << "the scan found the portal's texts";
  for (const auto& m : missing) ADD_FAILURE() << "no Dutch for " << m;
}

// Over HTTP: Dutch unless the browser prefers English; the switch on every page links to the same
// page in the other language and is remembered in a cookie; an error page and a logged-in
// steward's pages follow the choice; a steward's switch never shows another ministry's data.
TEST_F(PortalTest, PagesAreDutchByDefaultAndEnglishByChoice) {
  httplib::Client plain("127.0.0.1", server_->port());  // no Accept-Language of the fixture's
  auto home = plain.Get("/");
  ASSERT_TRUE(home);
  EXPECT_NE(home->body.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(home->body.find("Naar de inhoud"), std::string::npos);
  EXPECT_NE(home->body.find("<a href=\"/login\">Inloggen</a>"), std::string::npos);
  EXPECT_EQ(home->get_header_value("Content-Language"), "nl");
  EXPECT_NE(home->body.find("href=\"/?lang=en\" hreflang=\"en\" lang=\"en\">English</a>"),
            std::string::npos);
  auto en = plain.Get("/", {{"Accept-Language", "de-DE, en;q=0.8, nl;q=0.5"}});
  EXPECT_NE(en->body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(en->body.find("Skip to content"), std::string::npos);
  EXPECT_NE(en->body.find("hreflang=\"nl\" lang=\"nl\">Nederlands</a>"), std::string::npos);
  // The switch: ?lang=en answers in English and sets the cookie that later pages follow.
  auto chosen = plain.Get("/login?lang=en");
  EXPECT_NE(chosen->body.find("<label for=\"name\">User name</label>"), std::string::npos);
  std::string lang_cookie;
  for (const auto& [k, v] : chosen->headers) {
    if (k == "Set-Cookie" && v.rfind("jbr_lang=", 0) == 0) lang_cookie = v;
  }
  EXPECT_NE(lang_cookie.find("jbr_lang=en; Path=/;"), std::string::npos) << lang_cookie;
  EXPECT_NE(lang_cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(plain.Get("/login", {{"Cookie", "jbr_lang=en"}, {"Accept-Language", "nl"}})
                ->body.find("User name"),
            std::string::npos);
  auto missing = plain.Get("/no/such/page");
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("Deze pagina bestaat niet."), std::string::npos);
  // A steward in Dutch: the report list and the refusal of another ministry's report.
  Browser anna = LogIn("anna");
  Browser fiona = LogIn("fiona");
  auto up = Upload(anna, "personnel", "2020", "uren.csv",
                   std::string("person_id,employment_id,organisation_unit,unit_type,start_date,"
                               "end_date,weekly_hours,birth_year,gender,salary_scale,contract,"
                               "jobs_agreement\n") +
                       "P1,E1,DG Overheidsorganisatie,core,2018-07-03,,44,1961,female,7,permanent,"
                       "nee\n",
                   anna.csrf);
  ASSERT_TRUE(up && up->status == 303);
  const std::string report = up->get_header_value("Location");
  auto page = plain.Get((report + "?page=1").c_str(), anna.Headers());
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Afgewezen: uren.csv heeft 1 fouten"), std::string::npos);
  EXPECT_NE(page->body.find("<th scope=\"col\">Oplossing</th>"), std::string::npos);
  EXPECT_NE(page->body.find("href=\"" + report + "?page=1&amp;lang=en\""), std::string::npos)
      << "the switch keeps the page's parameters";
  auto theirs = plain.Get((report + "?lang=en").c_str(), fiona.Headers());
  EXPECT_EQ(theirs->status, 404);
  EXPECT_NE(theirs->body.find("There is no such report."), std::string::npos);
  EXPECT_EQ(theirs->body.find("uren.csv"), std::string::npos);
  auto list = plain.Get("/reports?lang=nl", fiona.Headers());
  EXPECT_NE(list->body.find("Er zijn nog geen uploads."), std::string::npos);
}

}  // namespace
}  // namespace jbr::portal
