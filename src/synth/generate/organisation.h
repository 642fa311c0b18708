// The yearly datasets of a ministry that are not about single persons or trips: external hire
// (spend per unit and budget-rule category), procurement, integrity and information management.
#pragma once

#include "synth/core/context.h"
#include "synth/core/table.h"

namespace jbr::synth {

// Spend on own personnel (own_per_fte x mean fte per unit) and on hire (hire_ratio x own spend,
// split over the eight budget-rule categories), one row per unit and category.
Table HireTable(const MinistryYear& c, double own_per_fte, double hire_ratio);
Table ProcurementTable(const MinistryYear& c);
Table IntegrityTable(const MinistryYear& c);
Table InformationTable(const MinistryYear& c);

}  // namespace jbr::synth
