// The themes of the report, one file each. AllThemes() (themes.cc) lists them in report order.
#pragma once

#include <memory>

#include "indicators/indicator.h"

namespace jbr {

std::unique_ptr<Theme> MakePersonnelTheme();       // personnel.cc: personnel.*
std::unique_ptr<Theme> MakeJobsAgreementTheme();   // jobs_agreement.cc: jobs_agreement.*
std::unique_ptr<Theme> MakeAbsenceTheme();         // absence.cc: absence.*
std::unique_ptr<Theme> MakeVacanciesTheme();       // vacancies.cc: vacancies.*
std::unique_ptr<Theme> MakeInternshipsTheme();     // internships.cc: internships.*
std::unique_ptr<Theme> MakeHireTheme();            // hire.cc: hire.*
std::unique_ptr<Theme> MakeIntegrityTheme();       // integrity.cc: integrity.*
std::unique_ptr<Theme> MakeInformationTheme();     // information.cc: information.*
std::unique_ptr<Theme> MakeProcurementTheme();     // procurement.cc: procurement.*
std::unique_ptr<Theme> MakeSustainabilityTheme();  // sustainability.cc: co2.*, energy.*, housing.*
std::unique_ptr<Theme> MakeFleetTheme();           // fleet.cc: fleet.*
std::unique_ptr<Theme> MakeIctTheme();             // ict.cc: ict.*

}  // namespace jbr
