// Hand-made publication directories for the audit's tests: the open data files as jbr publish
// writes them (the same columns), written into a temporary directory.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "common/testing/temp_dir.h"

namespace jbr::audit::testing {

namespace fs = std::filesystem;

// A fresh temporary directory for a test named `name` (common/testing/temp_dir.h).
inline ::jbr::TempDir AuditDir(const std::string& name) {
  return ::jbr::testing::TestDir("jbr-audit-" + name + "-");
}

class PubDir {
 public:
  // A publication in `dir`, which the caller keeps.
  explicit PubDir(fs::path dir) : dir_(std::move(dir)) {}
  // A publication in a temporary directory of its own, removed with the PubDir.
  static PubDir Temporary(const std::string& name) {
    PubDir p(fs::path{});
    p.tmp_.emplace(AuditDir(name));
    p.dir_ = p.tmp_->path();
    return p;
  }

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
  std::optional<::jbr::TempDir> tmp_;
  fs::path dir_;
  std::string defs_, rows_, series_, restated_;
  std::map<std::string, double> scale_;
};

}  // namespace jbr::audit::testing
