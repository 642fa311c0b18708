// Hand-made publication directories for the audit's tests: the open data files as jbr publish
// writes them (the same columns), written into a temporary directory.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <fmt/format.h>

namespace jbr::audit::testing {

namespace fs = std::filesystem;

inline fs::path TempDir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / fmt::format("jbr-audit-{}-{}", getpid(), name);
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

class PubDir {
 public:
  explicit PubDir(fs::path dir) : dir_(std::move(dir)) {}

  // An indicator; `scale` makes published values (value = numerator / denominator * scale).
  PubDir& Def(const std::string& id, const std::string& disclosure, double scale = 1) {
    defs_ += fmt::format("{},{} nl,{} en,persons,,,personnel,{}\n", id, id, id, disclosure);
    scale_[id] = scale;
    return *this;
  }
  // A published row (denominator 1 for a count).
  PubDir& Pub(const std::string& ind, const std::string& min, const std::string& unit,
              const std::string& period, const std::string& cat, double num, double den = 1,
              const std::string& previous = "") {
    rows_ += fmt::format("{},{},{},{},{},{},{},{},persons,published,{},,\n", ind, min, unit, period,
                         cat, num / den * scale_[ind], num, den, previous);
    return *this;
  }
  PubDir& Hide(const std::string& ind, const std::string& min, const std::string& unit,
               const std::string& period, const std::string& cat,
               const std::string& previous = "") {
    rows_ += fmt::format("{},{},{},{},{},,,,persons,suppressed,{},,\n", ind, min, unit, period, cat,
                         previous);
    return *this;
  }
  // series.csv: an earlier year's value, or its suppression (value empty).
  PubDir& Series(const std::string& ind, const std::string& min, const std::string& unit,
                 const std::string& period, const std::string& cat, const std::string& value) {
    series_ += fmt::format("{},{},{},{},{},persons,{},{},7\n", ind, min, unit, period, cat,
                           value.empty() ? "suppressed" : "published", value);
    return *this;
  }
  PubDir& Restated(const std::string& ind, const std::string& min, const std::string& unit,
                   const std::string& period, const std::string& cat, const std::string& first) {
    restated_ += fmt::format("{},{},{},{},{},1,2,published,published,{},late delivery\n", ind, min,
                             unit, period, cat, first);
    return *this;
  }

  std::string Write() const {
    fs::create_directories(dir_ / "opendata");
    Put("indicators.csv",
        "indicator,ministry,unit_type,period,category,value,numerator,denominator,unit,status,"
        "previous,change,flag\n" +
            rows_);
    Put("definitions.csv",
        "id,title_nl,title_en,unit,definition_nl,definition_en,datasets,disclosure\n" + defs_);
    Put("series.csv",
        "indicator,ministry,unit_type,period,category,unit,status,value,run\n" + series_);
    Put("restatements.csv",
        "indicator,ministry,unit_type,period,category,old_value,new_value,old_status,new_status,"
        "first_release,cause\n" +
            restated_);
    return dir_.string();
  }

  void Put(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / "opendata" / name, std::ios::binary) << text;
  }

 private:
  fs::path dir_;
  std::string defs_, rows_, series_, restated_;
  std::map<std::string, double> scale_;
};

}  // namespace jbr::audit::testing
