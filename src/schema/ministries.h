// Ministries as reference data (data/ministries.csv), each with the years it existed: the set
// changes with cabinets, so it is never an enum in code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace jbr {

struct Ministry {
  std::string code;
  std::string name_nl;
  std::string name_en;
  int valid_from = 0;  // first year, inclusive
  int valid_to = 0;    // last year, inclusive; 0 = still exists
};

class MinistryRegistry {
 public:
  // Reads a CSV with columns code,name_nl,name_en,valid_from,valid_to.
  static Result<MinistryRegistry> Load(const std::string& path);

  // The ministry with this code (case-insensitive) existing in `year`; nullptr when none.
  const Ministry* Find(std::string_view code, int year) const;
  // Any year.
  const Ministry* FindAnyYear(std::string_view code) const;
  // Ministries existing in `year`, in file order.
  std::vector<const Ministry*> InYear(int year) const;
  const std::vector<Ministry>& all() const { return all_; }

 private:
  std::vector<Ministry> all_;
};

}  // namespace jbr
