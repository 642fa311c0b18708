// The themes of the report, one file each, in people/ and operations/. AllThemes() (themes.cc, on
// top) lists them in report order.
#pragma once

#include <memory>

#include "indicators/core/indicator.h"

namespace jbr {

std::unique_ptr<Theme> MakePersonnelTheme();      // people/personnel.cc: personnel.*
std::unique_ptr<Theme> MakeJobsAgreementTheme();  // people/jobs_agreement.cc: jobs_agreement.*
std::unique_ptr<Theme> MakeAbsenceTheme();        // people/absence.cc: absence.*
std::unique_ptr<Theme> MakeVacanciesTheme();      // people/vacancies.cc: vacancies.*
std::unique_ptr<Theme> MakeInternshipsTheme();    // people/internships.cc: internships.*
std::unique_ptr<Theme> MakeHireTheme();           // people/hire.cc: hire.*
std::unique_ptr<Theme> MakeIntegrityTheme();      // people/integrity.cc: integrity.*
std::unique_ptr<Theme> MakeInformationTheme();    // operations/information.cc: information.*
std::unique_ptr<Theme> MakeProcurementTheme();    // operations/procurement.cc: procurement.*
std::unique_ptr<Theme>
MakeSustainabilityTheme();  // operations/sustainability.cc: co2.*, energy.*, housing.*
std::unique_ptr<Theme> MakeFleetTheme();  // operations/fleet.cc: fleet.*
std::unique_ptr<Theme> MakeIctTheme();    // operations/ict.cc: ict.*

}  // namespace jbr
