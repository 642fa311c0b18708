#include "indicators/themes.h"

namespace jbr {

std::vector<std::unique_ptr<Theme>> AllThemes() {
  std::vector<std::unique_ptr<Theme>> out;
  out.push_back(MakePersonnelTheme());
  out.push_back(MakeJobsAgreementTheme());
  out.push_back(MakeAbsenceTheme());
  out.push_back(MakeVacanciesTheme());
  out.push_back(MakeInternshipsTheme());
  out.push_back(MakeHireTheme());
  out.push_back(MakeIntegrityTheme());
  out.push_back(MakeSustainabilityTheme());
  out.push_back(MakeFleetTheme());
  out.push_back(MakeInformationTheme());
  out.push_back(MakeIctTheme());
  out.push_back(MakeProcurementTheme());
  return out;
}

const char* DisclosureName(Disclosure d) {
  switch (d) {
    case Disclosure::kNone: return "none";
    case Disclosure::kPersonCount: return "person-count";
    case Disclosure::kPersonStatistic: return "person-statistic";
    case Disclosure::kIntegrityCount: return "integrity-count";
  }
  return "?";
}

}  // namespace jbr
