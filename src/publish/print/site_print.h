// The PDFs: print pages of the site (the full report with a numbered table of contents, the
// two-page highlights, the ICT appendix) printed by headless Chromium (pdf.h). A print page sits
// beside the pages it gathers, so that their relative links stay valid, and is part of the site.
#pragma once

#include <vector>

#include "common/result.h"
#include "publish/core/output_dir.h"
#include "publish/core/page.h"
#include "publish/core/publication.h"
#include "publish/core/site_config.h"
#include "publish/print/pdf.h"

namespace jbr::publish {

// Writes LANG/print-rapport.html, LANG/print-hoofdlijnen.html and LANG/ict/print.html for both
// languages and prints them to pdf/jbr-YEAR-LANG.pdf, pdf/jbr-YEAR-hoofdlijnen-LANG.pdf and
// pdf/jbr-YEAR-ict-LANG.pdf. `pages` are the site's pages (before the shell). Errors: those of
// PrintPdf (Chromium absent: not found, naming --no-pdf).
Status WritePdfs(const std::vector<SitePage>& pages, const Publication& pub,
                 const SiteConfig& config, const PdfOptions& options, OutputDir* out);

}  // namespace jbr::publish
