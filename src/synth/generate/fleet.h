// The service vehicles of a ministry (dataset fleet): a stable pool of vehicle places sized by
// staff, each filled by a sequence of vehicles of four to six years, a new one zero-emission more
// often the later it enters service, so that the zero-emission share of passenger cars on 31
// December passes the 20% norm around 2020 (domain.md section 7; chosen, not published).
#pragma once

#include "synth/core/context.h"
#include "synth/core/table.h"

namespace jbr::synth {

// The vehicles in service at any moment of c.year. The same pool and vehicles every year.
Table FleetTable(const MinistryYear& c);

}  // namespace jbr::synth
