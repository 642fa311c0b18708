// What a block of a page is built from: the figures, the site's labels and names, the language and
// the page the block is on. The site's blocks and the charts drawn on its pages both take it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/result.h"
#include "indicators/core/indicator.h"

#include "publish/core/figures.h"
#include "publish/core/site_config.h"

namespace jbr::publish {

struct BlockContext {
  const FigureIndex* index = nullptr;
  const SiteConfig* config = nullptr;
  Lang lang = Lang::kNl;
  std::string page;  // the site-relative path of the page the block is on (for links)
};

// Draws the chart view `args` ("::: chart ID VIEW" of the narrative) of an indicator on a block's
// page. The site is handed one by its caller (chart/views.h: ChartDirective), so that it needs no
// chart code of its own.
using ChartDrawer = std::function<Result<std::string>(
    const IndicatorDef& def, const std::vector<std::string>& args, const BlockContext& ctx)>;

// Draws the pictures of a panel of the public version ("::: panel KIND" of hoofdlijnen.md) on a
// block's page: one or more SVGs with their text alternatives. Handed to the site like ChartDrawer
// (chart/highlights.h: HighlightPicture).
using PictureDrawer =
    std::function<Result<std::string>(const std::string& kind, const BlockContext& ctx)>;

}  // namespace jbr::publish
