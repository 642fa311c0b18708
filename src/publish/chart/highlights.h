// The pictures of the public version's panels ("::: panel KIND" in hoofdlijnen.md), built from the
// Rijk's figures of the publication and drawn by pictures.h. Each comes with its text alternative
// (the <title> of its SVG) stating the figure and what it is measured against.
//
//   staff        a unit chart of the staff (a person per 1.000) and the headcount by year
//   people       women in the senior scales (a bar against half)
//   jobs         the jobs agreement: a square per 100 jobs, outlined up to the target
//   absence      sickness absence by year
//   hire         external hire on a gauge against the 10% norm
//   co2          CO2 by source and year (stacked), and mobility CO2 on the path to the 2030 goal
//   ict          the large ICT activities (a square each) and their cost, initial and now
//   procurement  the shares of procurement: SME, sustainable, social return
//   housing      the workplace factor against its norm and the occupancy of the offices
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "publish/core/block_context.h"

namespace jbr::publish {

// The panel kinds HighlightPicture draws, in the order above.
const std::vector<std::string>& HighlightKinds();

// The HTML of the pictures of panel `kind` (one or two <svg>s in <div class="hl-pictures">).
// Figures the run lacks are drawn as their mark ("." or "n.g."), never left out silently.
// Errors (usage): an unknown kind, naming the known ones.
Result<std::string> HighlightPicture(const std::string& kind, const BlockContext& ctx);

}  // namespace jbr::publish
