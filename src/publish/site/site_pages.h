// The report's pages besides the chapters: the tables annex, the method page, the ministries.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/result.h"
#include "publish/site/site.h"
#include "publish/site/site_blocks.h"

namespace jbr::publish {

// The tables annex: the full table of every indicator of the run.
SitePage TablesPage(const FigureIndex& index, const SiteConfig& config, Lang lang);

// The method page: every definition (anchor = its id), the deliveries used, the factor vintage,
// the disclosure rules and the restatements.
SitePage MethodPage(const Publication& pub, const FigureIndex& index, const SiteConfig& config,
                    Lang lang);

// ministeries/index.html and a page per ministry of the run: each indicator's figure for the
// ministry next to the Rijk's, with last year and the change.
std::vector<SitePage> MinistryPages(const FigureIndex& index, const SiteConfig& config, Lang lang);

// The navigation of a language: the home page, the chapters, the annexes that exist.
std::vector<NavLink> Navigation(const SiteConfig& config, Lang lang,
                                const std::map<std::string, bool>& exists);

}  // namespace jbr::publish
