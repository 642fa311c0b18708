// Sickness absence of one ministry's staff: many short episodes and a long tail (some over a
// year), a winter peak, partial-recovery segments, pregnancy-related episodes, episodes that
// cross year ends. Each year is steered to a chosen absence rate computed exactly as jbr computes
// absence.rate (domain.md section 5), so the calibration holds to the definition, not to luck.
#pragma once

#include <vector>

#include "synth/core/rng.h"
#include "synth/core/table.h"
#include "synth/generate/population.h"

namespace jbr::synth {

struct Segment {
  Days start = 0, end = 0;
  double degree = 100;
};

struct Episode {
  uint32_t person = 0;
  uint32_t serial = 0;
  bool pregnancy = false;
  std::vector<Segment> segments;
  Days first() const { return segments.front().start; }
  Days last() const { return segments.back().end; }
};

class AbsenceModel {
 public:
  AbsenceModel(const Workforce& staff, uint64_t seed);

  // The denominator of absence.rate for the year: employed calendar days x part-time factor.
  double EmployedDays(int year) const;
  // Generates the episodes that start in `year` so that the year's rate comes out at `rate`
  // percent (episodes continuing from earlier years included).
  void Generate(int year, double rate);
  // The absence delivery of `year`: every segment touching the year; a segment running past the
  // year has an empty end date.
  Table AbsenceTable(int year) const;
  // The numerator of absence.rate for the year over the episodes generated so far.
  double SickDays(int year) const;

 private:
  double SickDays(const Episode& ep, int year) const;
  Episode Draw(uint32_t person, Days from, Days to, Days start);
  void EndWithEmployment(int year);

  const Workforce& staff_;
  Rng rng_;
  std::vector<Episode> episodes_;
  std::vector<Days> busy_until_;  // per person: the last day of their latest episode
  // Per person, the employments in force in the year being generated (rebuilt per year).
  std::vector<std::vector<uint32_t>> employments_of_;
  int indexed_year_ = 0;
  uint32_t next_serial_ = 1;
  void Index(int year);
};

}  // namespace jbr::synth
