#include "indicators/core/themes.h"

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

Result<EachAndPooled> Theme::ComputeEach(const ThemeContext& ctx, int year,
                                         const std::vector<const MinistryInputs*>& inputs,
                                         const std::vector<bool>& pool) const {
  EachAndPooled out;
  std::vector<const MinistryInputs*> pooled;
  for (size_t i = 0; i < inputs.size(); ++i) {
    JBR_ASSIGN_OR_RETURN(auto cells, Compute(ctx, year, {inputs[i]}));
    out.each.push_back(std::move(cells));
    if (i < pool.size() && pool[i]) pooled.push_back(inputs[i]);
  }
  if (!pooled.empty()) {
    JBR_ASSIGN_OR_RETURN(out.pooled, Compute(ctx, year, pooled));
  }
  return out;
}

const char* DisclosureName(Disclosure d) {
  switch (d) {
    case Disclosure::kNone:
      return "none";
    case Disclosure::kPersonCount:
      return "person-count";
    case Disclosure::kPersonStatistic:
      return "person-statistic";
    case Disclosure::kIntegrityCount:
      return "integrity-count";
  }
  return "?";
}

}  // namespace jbr
