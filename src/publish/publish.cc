#include "publish/publish.h"
#include "publish/core/messages.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "publish/audit_gate.h"
#include "publish/chart/highlights.h"
#include "publish/chart/views.h"
#include "publish/core/html.h"
#include "publish/core/ict_portfolio.h"
#include "publish/core/page.h"
#include "publish/core/publication.h"
#include "publish/ict/ict_dashboard.h"
#include "publish/ict/ict_pages.h"
#include "publish/opendata/annex.h"
#include "publish/opendata/opendata.h"
#include "publish/print/site_print.h"
#include "publish/site/site.h"

namespace jbr::publish {

Status PublishOptions::Validate() const {
  if (year <= 0) return UsageError("publish needs a year");
  if (out_dir.empty()) return UsageError("publish needs an output directory");
  if (template_dirs.empty()) return UsageError("publish needs the template directories");
  if (schemas == nullptr || ministries == nullptr) {
    return UsageError("publish needs the workspace's schemas and ministries");
  }
  return Status::Ok();
}

std::string ManifestJson(int year, int64_t run_id, const std::string& run_at,
                         const std::vector<WrittenFile>& files) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : files) {
    list.push_back({{"path", f.path}, {"bytes", f.digest.size}, {"sha256", f.digest.sha256}});
  }
  const nlohmann::json j = {
      {"year", year}, {"run", run_id}, {"computed_at", run_at}, {"files", list}};
  return j.dump(1) + "\n";
}

namespace {

// Charts of the appendix's overview: the ict.* figures of the run by status, cost class, slip class
// and reassessment reason (those the run has).
std::string IctCharts(const Publication& pub, const SiteConfig& config, Lang lang) {
  const FigureIndex index(pub);
  BlockContext ctx{&index, &config, lang, SitePath(lang, "ict/index.html")};
  std::string charts;
  for (const char* id :
       {"ict.activities", "ict.by_cost_class", "ict.by_slip_class", "ict.reassessment_reasons"}) {
    const IndicatorDef* def = index.Definition(id);
    if (def == nullptr) continue;
    Result<std::string> chart = ChartDirective(*def, {id, "categories"}, ctx);
    if (chart.ok()) charts += *chart;  // a figure without categories this year: no chart
  }
  if (charts.empty()) return "";
  return fmt::format("<section id=\"grafieken\">\n<h2>{}</h2>\n{}</section>\n",
                     Tr(Msg::kCharts, lang), charts);
}

// The ICT appendix pages in the site's shell, the overview with the charts of the ict.* figures.
void AddIctPages(const Publication& pub, const SiteConfig& config, std::vector<SitePage>* pages) {
  for (Lang lang : {Lang::kNl, Lang::kEn}) {
    for (auto& p : IctPages(pub.ict, lang)) {
      std::string body = std::move(p.body_html);
      if (p.path == "ict/index.html") body += IctCharts(pub, config, lang);
      pages->push_back(SitePage{lang, SitePath(lang, p.path), p.title, std::move(body), false});
    }
  }
}

}  // namespace

Result<PublishSummary> Publish(Store* store, const std::vector<IndicatorDef>& registry,
                               const PublishOptions& options) {
  JBR_RETURN_IF_ERROR(options.Validate());
  // Everything is read and checked before the directory is touched.
  JBR_ASSIGN_OR_RETURN(Publication pub, LoadPublication(store, registry, options.year,
                                                        options.run_id, options.series_runs));
  JBR_ASSIGN_OR_RETURN(pub.restatements, LoadRestatements(store, pub, options.before_release));
  JBR_ASSIGN_OR_RETURN(pub.ict, LoadIctPortfolio(store, *options.schemas, pub, options.ministries));
  JBR_ASSIGN_OR_RETURN(SiteConfig config,
                       SiteConfig::Load(options.template_dirs, options.ministries));
  const UseMessages use_messages(config.messages());
  JBR_ASSIGN_OR_RETURN(
      std::vector<SitePage> pages,
      BuildReportPages(pub, config, options.pdf, ChartDirective, HighlightPicture));
  AddIctPages(pub, config, &pages);
  if (options.audit) JBR_RETURN_IF_ERROR(AuditBeforeWriting(pub, options.earlier_releases));
  JBR_ASSIGN_OR_RETURN(OutputDir out, OutputDir::Prepare(options.out_dir));
  JBR_RETURN_IF_ERROR(WriteSite(pages, pub, config, &out));
  JBR_RETURN_IF_ERROR(WriteOpenData(pub, &out));
  JBR_RETURN_IF_ERROR(WriteAnnex(pub, &out));
  JBR_RETURN_IF_ERROR(WriteIctDashboard(pub.ict, &out));
  if (options.pdf) {
    PdfOptions pdf;
    pdf.date = pub.modified;
    JBR_RETURN_IF_ERROR(WritePdfs(pages, pub, config, pdf, &out));
  }
  PublishSummary summary{pub.run.id, out.files(), "", pub.restatements.size(), SeriesRunIds(pub)};
  // The manifest goes last and lists every other file; it does not list itself.
  summary.manifest = ManifestJson(pub.run.year, pub.run.id, pub.run.at, summary.files);
  JBR_RETURN_IF_ERROR(out.Write(kManifestName, summary.manifest));
  return summary;
}

}  // namespace jbr::publish
