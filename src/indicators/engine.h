// The compute engine: every indicator for a year, per ministry, per unit type and for the Rijk,
// with last year's value, the change, norm flags, traceability and disclosure status.
//
// For each theme it loads the current deliveries of every ministry for the year and the year
// before (and the years before and after of the datasets a definition reads across the turn of
// the year), computes the theme's figures derived across years for the years they need (Theme::
// Derived), computes each ministry alone and the Rijk as the pooled counted ministries (which
// ministries count is data: data/reference/rijk_scope.csv), and turns cells into values. A
// ministry that has not delivered a dataset an indicator needs gets one row with status
// "missing", never a zero; a Rijk figure over ministries of which some are missing carries the
// flag "incomplete".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "indicators/core/indicator.h"
#include "schema/ministries.h"
#include "store/store.h"

namespace jbr {

inline constexpr const char* kRijk = "Rijk";

struct IndicatorValue {
  std::string indicator;
  std::string ministry;   // ministry code or "Rijk"
  std::string unit_type;  // empty: all units
  std::string period;     // "2020" or "2020-Q2"
  std::string category;
  std::string unit;
  std::string status;  // published | suppressed | missing
  std::optional<double> value, numerator, denominator;
  std::optional<double> previous, change;
  std::string flag;  // "", "above_norm", "below_target", "incomplete", ... (';'-joined)
  int64_t persons = -1;
  std::string suppression;                   // "", "primary", "secondary"
  std::vector<int64_t> deliveries;           // the deliveries the figure came from
  std::string previous_status;               // last year's cell: its status, "" when none
  std::vector<int64_t> previous_deliveries;  // and the deliveries it came from
  bool in_rijk = false;                      // this ministry's figure is part of the Rijk total
  // What the figure could not see, for jbr explain (not stored): e.g. an adjacent year's delivery
  // that is not there. Empty when nothing is missing.
  std::string note;
};

struct ComputeOptions {
  int year = 0;
  std::vector<std::string> ministries;  // empty: every ministry existing in the year
  std::string indicator_pattern;        // empty or "*": all; "absence.*", "hire.share"
  int person_threshold = 10;
  int integrity_threshold = 5;
};

// Figures of `year` read across the turn of the year (IndicatorDef::adjacent_datasets) without the
// `dataset` delivery of `other_year` (year - 1 or year + 1) of some ministries.
struct AdjacentGap {
  int year = 0;
  std::string dataset;
  int other_year = 0;
  std::vector<std::string> ministries;  // with a figure of the year, without that delivery
  std::vector<std::string> indicators;  // the indicators computed that read `dataset` across
};

struct ComputeResult {
  int year = 0;
  std::vector<IndicatorDef> definitions;
  std::vector<IndicatorValue>
      values;  // sorted: indicator, ministry (Rijk last), unit type, period, category
  std::vector<DeliveryRecord> deliveries_used;
  std::string factor_vintage;  // the emission-factor vintage assigned to the year
  // The vintage of every year whose figures the run computed: the year, last year (the values'
  // `previous`) and the other years of figures derived across years; "" where none is assigned.
  std::map<int, std::string> factor_vintages;
  // Where this year's and last year's figures had no adjacent year's delivery, by year, dataset
  // and other year.
  std::vector<AdjacentGap> adjacent_gaps;
};

struct ComputeEnv {
  Store* store = nullptr;
  const SchemaRegistry* schemas = nullptr;
  const MinistryRegistry* ministries = nullptr;
  const ReferenceData* reference = nullptr;
};

Result<ComputeResult> ComputeYear(const ComputeEnv& env, const ComputeOptions& options);

// True when `id` matches `pattern` ("" and "*" match all; a trailing ".*" or "*" matches a prefix).
bool MatchesPattern(const std::string& id, const std::string& pattern);

}  // namespace jbr

namespace jbr {

// Stores `result` as a compute run (with the disclosure decision beside each value); returns its
// id.
Result<int64_t> SaveComputation(Store* store, const ComputeResult& result, const std::string& at,
                                const std::string& options_json);

// The run's per-year vintages and adjacent gaps as ComputeRun stores them (store.h:
// ComputeRun::factor_vintages, adjacent_gaps).
std::string FactorVintagesJson(const std::map<int, std::string>& vintages);
std::string AdjacentGapsJson(const std::vector<AdjacentGap>& gaps);

// A short hash of every definition text: changes when any definition changes.
std::string DefinitionVersion(const std::vector<IndicatorDef>& defs);

// Fills the value of every definition's norm from norms.csv (Norm::id), and the norms its texts
// name: "{norm}" is the definition's own norm, "{norm:ID}" row ID of norms.csv, written as the
// file has it ("0.7"; "0,7" in the Dutch text), so that the method text never states another norm
// than the one flagged. Errors: invalid input when norms.csv lacks a norm a definition names;
// internal when a text names "{norm}" of a definition without one.
Status ResolveNorms(const ReferenceData& reference, std::vector<IndicatorDef>* defs);

// Every definition a full compute run has, in its order: per theme its registry, then its figures
// derived across years (whose texts may name reference data, such as a base year); norms resolved
// from `reference` (one that norms.csv lacks is left unresolved: it flags nothing).
std::vector<IndicatorDef> AllDefinitions(const ReferenceData& reference);

}  // namespace jbr
