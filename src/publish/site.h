// The report as a static site, in Dutch and English (publication.md): a title page with the key
// figures, the chapters (narrative from templates/ plus a block per indicator), a page per
// ministry, the tables annex, the method page (definitions, deliveries, factor vintage,
// disclosure rules, restatements) and the public two-page version. Charts, the ICT appendix and
// print pages are added by their own writers through the same page shell.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "publish/output_dir.h"
#include "publish/publication.h"
#include "publish/site_config.h"
#include "publish/site_page.h"

namespace jbr::publish {

// A page before it is wrapped in the shell, so that other writers (ICT, print) can add pages and
// the navigation stays one list.
struct SitePage {
  Lang lang = Lang::kNl;
  std::string path;   // site-relative
  std::string title;
  std::string body;
  bool print = false;
};

// The site-relative path of a page in a language: SitePath(kEn, "werkgever.html") = "en/werkgever.html".
std::string SitePath(Lang lang, const std::string& page);
std::string SiteName(int year, Lang lang);

// Builds every report page of `pub` in both languages; `pdf`: the downloads list the PDFs.
// Errors: a narrative error (file:line), a template missing.
Result<std::vector<SitePage>> BuildReportPages(const Publication& pub, const SiteConfig& config,
                                               bool pdf);

// Wraps pages in the shell (navigation of `lang`), writes them and the stylesheet, and the root
// index.html that lets a reader pick a language.
Status WriteSite(const std::vector<SitePage>& pages, const Publication& pub,
                 const SiteConfig& config, OutputDir* out);

}  // namespace jbr::publish
