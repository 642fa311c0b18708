// Vacancies and internships of one ministry: each opens in one year and may close in the next, so
// it appears in every yearly delivery it touches. 2020 shows a dip in vacancies in the second
// quarter and fewer internships.
#pragma once

#include <vector>

#include "synth/core/context.h"
#include "synth/core/table.h"

namespace jbr::synth {

class VacancyModel {
 public:
  // Opens `count` vacancies in the year (2020: fewer in the second quarter).
  void Open(const MinistryYear& c, int count);
  Table VacancyTable(int year) const;

 private:
  struct Vacancy {
    uint32_t serial;
    Days opened, closed;  // closed: the day filled or withdrawn
    bool filled, external;
    int scale;
    double fte;
  };
  std::vector<Vacancy> all_;
};

class InternshipModel {
 public:
  void Start(const MinistryYear& c, int count);
  Table InternshipTable(int year) const;

 private:
  struct Internship {
    uint32_t serial;
    Days start, end;
    const char* kind;
    const char* level;
    bool paid;
  };
  std::vector<Internship> all_;
};

}  // namespace jbr::synth
