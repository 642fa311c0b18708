// Chart views of one indicator, built from the publication and drawn by chart.h: what the
// narrative's "::: chart" directive and the ICT appendix's overview show.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "indicators/core/indicator.h"
#include "publish/core/block_context.h"

namespace jbr::publish {

// "::: chart ID VIEW": VIEW is ministries (this year and last per ministry), categories (per
// category, Rijk), or quarters (per quarter, Rijk, this year and last). Errors: an unknown view,
// or a view the indicator has no values for.
Result<std::string> ChartDirective(const IndicatorDef& def, const std::vector<std::string>& args,
                                   const BlockContext& ctx);

}  // namespace jbr::publish
