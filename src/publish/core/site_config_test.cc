// The shipped chapters (templates/report/chapters.json) against the registry: the report shows
// every indicator jbr computes, so that a new figure (the share of staff at the office, the fleet,
// the jobs-agreement inflow) is not computed and then left out of the report.
#include "publish/core/site_config.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "indicators/core/reference.h"
#include "indicators/engine.h"

namespace jbr::publish {
namespace {

TEST(SiteConfig, ShippedChaptersShowEveryIndicator) {
  auto ref = ReferenceData::Load(std::string(JBR_SOURCE_DIR) + "/data/reference");
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  auto config = SiteConfig::Load({std::string(JBR_SOURCE_DIR) + "/templates"}, nullptr);
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  std::set<std::string> shown;
  for (const Chapter& c : config->chapters())
    shown.insert(c.indicators.begin(), c.indicators.end());
  std::set<std::string> defined;
  for (const IndicatorDef& d : AllDefinitions(*ref)) {
    defined.insert(d.id);
    EXPECT_TRUE(shown.count(d.id))
        << d.id << " is computed but no chapter of chapters.json shows it";
  }
  // The hybrid-working figures the report speaks of are among them (issue: working from home).
  EXPECT_TRUE(defined.count("housing.office_share"));
  EXPECT_TRUE(shown.count("housing.office_share"));
  // And no chapter names an indicator jbr does not compute.
  for (const std::string& id : shown)
    EXPECT_TRUE(defined.count(id)) << id << " in chapters.json is unknown";
}

}  // namespace
}  // namespace jbr::publish
