// The report as a static site, in Dutch and English (publication.md): a title page with the key
// figures, the chapters (narrative from templates/ plus a block per indicator), a page per
// ministry, the tables annex, the method page (definitions, deliveries, factor vintage,
// disclosure rules, restatements) and the public two-page version. Charts, the ICT appendix and
// print pages are added by their own writers through the same page shell.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "publish/core/block_context.h"
#include "publish/core/output_dir.h"
#include "publish/core/page.h"
#include "publish/core/publication.h"
#include "publish/core/site_config.h"

namespace jbr::publish {

// Builds every report page of `pub` in both languages; `pdf`: the downloads list the PDFs; `chart`
// draws the narrative's charts, `picture` the public version's pictures (highlights.h). Errors: a
// narrative error (file:line), a template missing.
Result<std::vector<SitePage>> BuildReportPages(const Publication& pub, const SiteConfig& config,
                                               bool pdf, const ChartDrawer& chart,
                                               const PictureDrawer& picture);

// Wraps pages in the shell (navigation of `lang`), writes them and the stylesheet, and the root
// index.html that lets a reader pick a language.
Status WriteSite(const std::vector<SitePage>& pages, const Publication& pub,
                 const SiteConfig& config, OutputDir* out);

}  // namespace jbr::publish
