// The words of the report's interface (captions, headings, column heads, notes) in one catalogue
// per language: templates/messages/nl.json and en.json, a JSON object of key -> text. A
// workspace's templates/messages/ overrides a language's whole file, as any other template. Code
// names a message by its Msg value, so a key the code uses is known to the compiler; a catalogue
// without one of them, or with a key no code uses, is refused when it is loaded. A text used as a
// format string keeps the default's {} fields.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "publish/core/html.h"

namespace jbr::publish {

// X(enumerator, key) for every message, in the order of the catalogue's keys.
#define JBR_MESSAGES(X)                                                                \
  X(kCategory, "category")                                                             \
  X(kNumber, "number")                                                                 \
  X(kKeyFigures, "key_figures")                                                        \
  X(kActivitiesInTheReport, "activities_in_the_report")                                \
  X(kInitialWholeLifeEstimate, "initial_whole_life_estimate")                          \
  X(kCurrentWholeLifeEstimate, "current_whole_life_estimate")                          \
  X(kActualCostToDate, "actual_cost_to_date")                                          \
  X(kChangeInEstimatedCost, "change_in_estimated_cost")                                \
  X(kReassessmentsInTheYear, "reassessments_in_the_year")                              \
  X(kActivitiesWithAcictAdvice, "activities_with_acict_advice")                        \
  X(kStaleActivitiesNoRecordIn, "stale_activities_no_record_in")                       \
  X(kStale, "stale")                                                                   \
  X(kUpToDate, "up_to_date")                                                           \
  X(kMinistry, "ministry")                                                             \
  X(kIctActivity, "ict_activity")                                                      \
  X(kStatus, "status")                                                                 \
  X(kInitialCost, "initial_cost")                                                      \
  X(kCurrentCost, "current_cost")                                                      \
  X(kInitialEndDate, "initial_end_date")                                               \
  X(kCurrentEndDate, "current_end_date")                                               \
  X(kReferenceDate, "reference_date")                                                  \
  X(kUpToDate2, "up_to_date_2")                                                        \
  X(kAllActivitiesInTheReport, "all_activities_in_the_report")                         \
  X(kLargeIctActivities, "large_ict_activities")                                       \
  X(kActivitiesByStatus, "activities_by_status")                                       \
  X(kActivitiesByCurrentCostClass, "activities_by_current_cost_class")                 \
  X(kActivitiesByChangeOfEnd, "activities_by_change_of_end")                           \
  X(kActivitiesByChangeOfDuration, "activities_by_change_of_duration")                 \
  X(kReasonsForReassessmentsInThe, "reasons_for_reassessments_in_the")                 \
  X(kOverview, "overview")                                                             \
  X(kNotGiven, "not_given")                                                            \
  X(kGeneralData, "general_data")                                                      \
  X(kNumber2, "number_2")                                                              \
  X(kOrganisation, "organisation")                                                     \
  X(kKind, "kind")                                                                     \
  X(kMethod, "method")                                                                 \
  X(kSubjects, "subjects")                                                             \
  X(kDescription, "description")                                                       \
  X(kAcictAdvice, "acict_advice")                                                      \
  X(kYes, "yes")                                                                       \
  X(kNo, "no")                                                                         \
  X(kStaleNoRecordIn, "stale_no_record_in")                                            \
  X(kWholeLifeCostEstimateInitial, "whole_life_cost_estimate_initial")                 \
  X(kInitialEstimate, "initial_estimate")                                              \
  X(kCurrentEstimate, "current_estimate")                                              \
  X(kDifference, "difference")                                                         \
  X(kSpentToDate, "spent_to_date")                                                     \
  X(kForecastRemainingCost, "forecast_remaining_cost")                                 \
  X(kCurrentCostClass, "current_cost_class")                                           \
  X(kEstimate, "estimate")                                                             \
  X(kSpent, "spent")                                                                   \
  X(kCurrentCostByCategory, "current_cost_by_category")                                \
  X(kInternalStaff, "internal_staff")                                                  \
  X(kExternalStaff, "external_staff")                                                  \
  X(kOtherMaterial, "other_material")                                                  \
  X(kYears, "years")                                                                   \
  X(kMonths, "months")                                                                 \
  X(kDurationInitialNextToCurrent, "duration_initial_next_to_current")                 \
  X(kStartDate, "start_date")                                                          \
  X(kChangeOfEndDate, "change_of_end_date")                                            \
  X(kInitialDuration, "initial_duration")                                              \
  X(kCurrentDuration, "current_duration")                                              \
  X(kEndDateChangeClass, "end_date_change_class")                                      \
  X(kDurationChangeClass, "duration_change_class")                                     \
  X(kNoReassessmentIn, "no_reassessment_in")                                           \
  X(kReassessmentsIn, "reassessments_in")                                              \
  X(kDate, "date")                                                                     \
  X(kReasons, "reasons")                                                               \
  X(kCostEstimate, "cost_estimate")                                                    \
  X(kEndDateEstimate, "end_date_estimate")                                             \
  X(kMilestones, "milestones")                                                         \
  X(kMilestone, "milestone")                                                           \
  X(kExpected, "expected")                                                             \
  X(kRealised, "realised")                                                             \
  X(kAchieved, "achieved")                                                             \
  X(kQualityReviews, "quality_reviews")                                                \
  X(kParty, "party")                                                                   \
  X(kKind2, "kind_2")                                                                  \
  X(kParliamentaryPapers, "parliamentary_papers")                                      \
  X(kTitle, "title")                                                                   \
  X(kStale2, "stale_2")                                                                \
  X(kTheNewestRecordPredates, "the_newest_record_predates")                            \
  X(kGeneral, "general")                                                               \
  X(kCosts, "costs")                                                                   \
  X(kDuration, "duration")                                                             \
  X(kReassessments, "reassessments")                                                   \
  X(kItem, "item")                                                                     \
  X(kValue, "value")                                                                   \
  X(kUnknown, "unknown")                                                               \
  X(kCharts, "charts")                                                                 \
  X(kFigures, "figures")                                                               \
  X(kAnnexTables, "annex_tables")                                                      \
  X(kAnnexLargeIctActivities, "annex_large_ict_activities")                            \
  X(kByMinistry, "by_ministry")                                                        \
  X(kMethodAndSources, "method_and_sources")                                           \
  X(kTheFullReport, "the_full_report")                                                 \
  X(kHighlights, "highlights")                                                         \
  X(kAnnexOnLargeIctActivities, "annex_on_large_ict_activities")                       \
  X(kAllTables, "all_tables")                                                          \
  X(kContents, "contents")                                                             \
  X(kIndicator, "indicator")                                                           \
  X(kChange, "change")                                                                 \
  X(kThisMinistrySFiguresNext, "this_ministry_s_figures_next")                         \
  X(kAllTablesByMinistryThe, "all_tables_by_ministry_the")                             \
  X(kTables, "tables")                                                                 \
  X(kHome, "home")                                                                     \
  X(kIctActivities, "ict_activities")                                                  \
  X(kMethod2, "method_2")                                                              \
  X(kACountOfPersonsSuppressed, "a_count_of_persons_suppressed")                       \
  X(kAFigureOverPersonsSuppressed, "a_figure_over_persons_suppressed")                 \
  X(kIntegrityCasesSuppressedAt1, "integrity_cases_suppressed_at_1")                   \
  X(kNoneNotAboutPersons, "none_not_about_persons")                                    \
  X(kDefinition, "definition")                                                         \
  X(kUnit, "unit")                                                                     \
  X(kDatasets, "datasets")                                                             \
  X(kDisclosureControl, "disclosure_control")                                          \
  X(kNorm, "norm")                                                                     \
  X(kDeliveriesUsed, "deliveries_used")                                                \
  X(kDelivery, "delivery")                                                             \
  X(kDataset, "dataset")                                                               \
  X(kYear, "year")                                                                     \
  X(kReceived, "received")                                                             \
  X(kFromThisComputation, "from_this_computation")                                     \
  X(kComputation, "computation")                                                       \
  X(kNoEarlierYears, "no_earlier_years")                                               \
  X(kTimeSeries, "time_series")                                                        \
  X(kNotInTheTimeSeries, "not_in_the_time_series")                                     \
  X(kComputation2, "computation_2")                                                    \
  X(kDefinitionVersion, "definition_version")                                          \
  X(kEmissionFactors, "emission_factors")                                              \
  X(kNoneEveryFigureForLast, "none_every_figure_for_last")                             \
  X(kTheseFiguresForLastYear, "these_figures_for_last_year")                           \
  X(kRestatements, "restatements")                                                     \
  X(kRestatedFigures, "restated_figures")                                              \
  X(kCell, "cell")                                                                     \
  X(kBefore, "before")                                                                 \
  X(kNow, "now")                                                                       \
  X(kRelease, "release")                                                               \
  X(kCause, "cause")                                                                   \
  X(kComputationAndDeliveries, "computation_and_deliveries")                           \
  X(kProtectingPersons, "protecting_persons")                                          \
  X(kDefinitions, "definitions")                                                       \
  X(kRestated, "restated")                                                             \
  X(kFullTable, "full_table")                                                          \
  X(kByPeriod, "by_period")                                                            \
  X(kPeriod, "period")                                                                 \
  X(kSuppressedToProtectPersonsN, "suppressed_to_protect_persons_n")                   \
  X(kNoFigureForTheRijk, "no_figure_for_the_rijk")                                     \
  X(kRijk, "rijk")                                                                     \
  X(kChange2, "change_2")                                                              \
  X(kNotMet, "not_met")                                                                \
  X(kMet, "met")                                                                       \
  X(kByMinistry2, "by_ministry_2")                                                     \
  X(kByMinistry3, "by_ministry_3")                                                     \
  X(kVs, "vs")                                                                         \
  X(kContinued, "continued")                                                           \
  X(kSkipToContent, "skip_to_content")                                                 \
  X(kNl, "nl")                                                                         \
  X(kNederlands, "nederlands")                                                         \
  X(kChapters, "chapters")                                                             \
  X(kMadeWithJbrFromThe, "made_with_jbr_from_the")                                     \
  X(kAnnualReportOnCentralGovernment, "annual_report_on_central_government")           \
  X(kRisen, "risen")                                                                   \
  X(kFallen, "fallen")                                                                 \
  X(kUnchanged, "unchanged")                                                           \
  X(kPercentagePoints, "percentage_points")                                            \
  X(kMln, "mln")                                                                       \
  X(kNA, "n_a")                                                                        \
  X(kADotMeansNotPublished, "a_dot_means_not_published")                               \
  X(kNAMeansNotAvailable, "n_a_means_not_available")                                   \
  X(kTable, "table")                                                                   \
  X(kByMinistryIn, "by_ministry_in")                                                   \
  X(kByQuarter, "by_quarter")                                                          \
  X(kAgainst, "against")                                                               \
  X(kAnd, "and")                                                                       \
  X(kQuarter, "quarter")                                                               \
  X(kByQuarterAndMinistry, "by_quarter_and_ministry")                                  \
  X(kLineChart, "line_chart")                                                          \
  X(kBarChart, "bar_chart")                                                            \
  X(kSameAsIn, "same_as_in")                                                           \
  X(kHigherThanIn, "higher_than_in")                                                   \
  X(kLowerThanIn, "lower_than_in")                                                     \
  X(kComputationUsedOtherDefinitionsCompu, "computation_used_other_definitions_compu") \
  X(kRijkByCategoryInThe, "rijk_by_category_in_the")                                   \
  X(kSmallLineChartsOnePer, "small_line_charts_one_per")                               \
  X(kLineChartForTheRijk, "line_chart_for_the_rijk")                                   \
  X(kBarChartByMinistry, "bar_chart_by_ministry")                                      \
  X(kDottedLineIsTheRijk, "dotted_line_is_the_rijk")                                   \
  X(kForTheRijkNextTo, "for_the_rijk_next_to")                                         \
  X(kProtectionRules, "protection_rules")                                              \
  X(kReadWithoutAnAdjacentYear, "read_without_an_adjacent_year")                       \
  X(kReadWithoutAnAdjacentYearText, "read_without_an_adjacent_year_text")              \
  X(kYearOfTheFigure, "year_of_the_figure")                                            \
  X(kDeliveryNotThere, "delivery_not_there")                                           \
  X(kMinistries, "ministries")                                                         \
  X(kAxisEndsAtNotAtZero, "axis_ends_at_not_at_zero")                                  \
  X(kAxisStartsAtNotAtZero, "axis_starts_at_not_at_zero")                              \
  X(kNormAtMost, "norm_at_most")                                                       \
  X(kNormAtLeast, "norm_at_least")                                                     \
  X(kHlStaffLegend, "hl_staff_legend")                                                 \
  X(kHlStaffMessage, "hl_staff_message")                                               \
  X(kHlStaffByYear, "hl_staff_by_year")                                                \
  X(kHlHalf, "hl_half")                                                                \
  X(kHlWomenMessage, "hl_women_message")                                               \
  X(kHlJobsLegend, "hl_jobs_legend")                                                   \
  X(kHlJobsOpenSquare, "hl_jobs_open_square")                                          \
  X(kHlJobsMessage, "hl_jobs_message")                                                 \
  X(kHlAbsenceByYear, "hl_absence_by_year")                                            \
  X(kHlNorm, "hl_norm")                                                                \
  X(kHlHireMessage, "hl_hire_message")                                                 \
  X(kHlAbove, "hl_above")                                                              \
  X(kHlWithin, "hl_within")                                                            \
  X(kHlCo2Buildings, "hl_co2_buildings")                                               \
  X(kHlCo2Cars, "hl_co2_cars")                                                         \
  X(kHlCo2Flights, "hl_co2_flights")                                                   \
  X(kHlCo2TransitOther, "hl_co2_transit_other")                                        \
  X(kHlCo2Message, "hl_co2_message")                                                   \
  X(kHlCo2BaseLabel, "hl_co2_base_label")                                              \
  X(kHlCo2GoalLabel, "hl_co2_goal_label")                                              \
  X(kHlCo2GoalLower, "hl_co2_goal_lower")                                              \
  X(kHlCo2AimHalf, "hl_co2_aim_half")                                                  \
  X(kHlCo2AimLower, "hl_co2_aim_lower")                                                \
  X(kHlCo2BaseMissing, "hl_co2_base_missing")                                          \
  X(kHlCo2Path, "hl_co2_path")                                                         \
  X(kHlCo2Measured, "hl_co2_measured")                                                 \
  X(kHlWordFigure, "hl_word_figure")                                                   \
  X(kHlWordFigures, "hl_word_figures")                                                 \
  X(kHlWordEmployee, "hl_word_employee")                                               \
  X(kHlWordEmployees, "hl_word_employees")                                             \
  X(kHlWordFilledSquare, "hl_word_filled_square")                                      \
  X(kHlWordFilledSquares, "hl_word_filled_squares")                                    \
  X(kHlWordJob, "hl_word_job")                                                         \
  X(kHlWordJobs, "hl_word_jobs")                                                       \
  X(kHlWordIctProject, "hl_word_ict_project")                                          \
  X(kHlWordIctProjects, "hl_word_ict_projects")                                        \
  X(kHlIctLegendOne, "hl_ict_legend_one")                                              \
  X(kHlIctLegend, "hl_ict_legend")                                                     \
  X(kHlIctMessage, "hl_ict_message")                                                   \
  X(kHlFirstEstimate, "hl_first_estimate")                                             \
  X(kHlNow, "hl_now")                                                                  \
  X(kHlIctCostMessage, "hl_ict_cost_message")                                          \
  X(kHlFromSmes, "hl_from_smes")                                                       \
  X(kHlSustainable, "hl_sustainable")                                                  \
  X(kHlWithSocialReturn, "hl_with_social_return")                                      \
  X(kHlProcurementMessage, "hl_procurement_message")                                   \
  X(kHlProcurementByYear, "hl_procurement_by_year")                                    \
  X(kHlWorkplacesMessage, "hl_workplaces_message")                                     \
  X(kHlOccupancyByYear, "hl_occupancy_by_year")
enum class Msg {
#define JBR_MESSAGE_ENUM(name, key) name,
  JBR_MESSAGES(JBR_MESSAGE_ENUM)
#undef JBR_MESSAGE_ENUM
      kCount
};

// The key of `m` in the catalogue files ("deliveries_used").
std::string_view MessageKey(Msg m);

class Messages {
 public:
  // The catalogues built into jbr: templates/messages/ as it was when jbr was built.
  static const Messages& Default();
  // templates/messages/LANG.json from the first of `template_dirs` that has it, per language.
  // Errors: usage naming the file when it is not a JSON object of strings, lacks a key, has a key
  // no code uses, or changes the {} fields of a text.
  static Result<Messages> Load(const std::vector<std::string>& template_dirs);
  // Parses the two catalogues (as Load, from text); the files name them in errors.
  static Result<Messages> Parse(const std::string& nl_json, const std::string& nl_file,
                                const std::string& en_json, const std::string& en_file);

  const std::string& Get(Msg m, Lang lang) const {
    return texts_[lang == Lang::kNl ? 0 : 1][static_cast<size_t>(m)];
  }

 private:
  // `defaults` (null for the built-in ones): whose {} fields each text must keep.
  static Result<Messages> FromJson(const std::string& nl_json, const std::string& nl_file,
                                   const std::string& en_json, const std::string& en_file,
                                   const Messages* defaults);
  std::array<std::vector<std::string>, 2> texts_;
};

// The text of `m` in `lang` from the catalogue in use: the one a UseMessages on this thread put
// in place, else Messages::Default().
const std::string& Tr(Msg m, Lang lang);

// Puts `messages` in use on this thread while it lives (Publish does, with the workspace's).
class UseMessages {
 public:
  explicit UseMessages(const Messages& messages);
  ~UseMessages();
  UseMessages(const UseMessages&) = delete;
  UseMessages& operator=(const UseMessages&) = delete;

 private:
  const Messages* previous_;
};

}  // namespace jbr::publish
