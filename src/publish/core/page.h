// The page shell every HTML page of the site shares: language, title, landmarks (header, nav,
// main, footer), a skip link, the language switch and the stylesheet. Pages work without
// JavaScript; links are relative, so the site works from a file system, a static server or a
// sub-path.
#pragma once

#include <string>
#include <vector>

#include "publish/core/html.h"

namespace jbr::publish {

struct NavLink {
  std::string path;  // site-relative, e.g. "nl/werkgever.html"
  std::string label;
};

struct PageSpec {
  Lang lang = Lang::kNl;
  std::string path;       // site-relative path of this page, e.g. "nl/ministeries/BZK.html"
  std::string title;      // the h1 and <title> (the site name is appended to <title>)
  std::string body;       // the content of <main>, without the h1; tables in ScrollTable (html.h)
  std::string alternate;  // the same page in the other language ("" when none)
  std::string site_name;  // e.g. "Jaarrapportage Bedrijfsvoering Rijk 2021"
  std::vector<NavLink> nav;
  bool print = false;  // a page made for printing: no navigation, print stylesheet rules
};

// "../" repeated for the depth of `path` ("nl/a.html" -> "../").
std::string RootPrefix(const std::string& path);
// A link from `from` to the site-relative `to`.
std::string RelativeLink(const std::string& from, const std::string& to);

// The whole HTML document.
std::string RenderPage(const PageSpec& page);

// A page before it is wrapped in the shell, so that other writers (ICT, print) can add pages and
// the navigation stays one list.
struct SitePage {
  Lang lang = Lang::kNl;
  std::string path;  // site-relative
  std::string title;
  std::string body;
  bool print = false;
};

// The site-relative path of a page in a language: SitePath(kEn, "werkgever.html") =
// "en/werkgever.html".
std::string SitePath(Lang lang, const std::string& page);
std::string SiteName(int year, Lang lang);

}  // namespace jbr::publish
