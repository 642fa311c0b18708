#include "synth/core/profile.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "common/parse.h"

namespace jbr::synth {
namespace {

Result<double> Number(const RefTable& t, const std::vector<std::string>& row, const char* column) {
  const int c = t.Column(column);
  if (c < 0 || static_cast<size_t>(c) >= row.size()) {
    return InvalidInput(fmt::format("data/synth/{}.csv: no column {}", t.name, column));
  }
  auto v = ParseDecimal(row[static_cast<size_t>(c)], DecimalMark::kPoint);
  if (!v)
    return InvalidInput(fmt::format("data/synth/{}.csv: {} is not a number: '{}'", t.name, column,
                                    row[static_cast<size_t>(c)]));
  return *v;
}

std::string Text(const RefTable& t, const std::vector<std::string>& row, const char* column) {
  const int c = t.Column(column);
  return c < 0 || static_cast<size_t>(c) >= row.size() ? std::string()
                                                       : row[static_cast<size_t>(c)];
}

}  // namespace

Result<Profiles> Profiles::Load(const std::string& data_dir) {
  JBR_ASSIGN_OR_RETURN(auto ref,
                       ReferenceData::Load((std::filesystem::path(data_dir) / "synth").string()));
  const RefTable* m = ref.Get("ministries");
  const RefTable* u = ref.Get("units");
  const RefTable* t = ref.Get("targets");
  if (m == nullptr || u == nullptr || t == nullptr) {
    return InvalidInput("data/synth needs ministries.csv, units.csv and targets.csv");
  }
  Profiles p;
  for (const auto& row : m->rows) {
    MinistryProfile mp;
    mp.code = Text(*m, row, "ministry");
    JBR_ASSIGN_OR_RETURN(mp.fte_share, Number(*m, row, "fte_share"));
    JBR_ASSIGN_OR_RETURN(mp.absence_factor, Number(*m, row, "absence_factor"));
    JBR_ASSIGN_OR_RETURN(mp.hire_factor, Number(*m, row, "hire_factor"));
    JBR_ASSIGN_OR_RETURN(mp.flight_factor, Number(*m, row, "flight_factor"));
    JBR_ASSIGN_OR_RETURN(mp.service_car_factor, Number(*m, row, "service_car_factor"));
    JBR_ASSIGN_OR_RETURN(mp.ict_share, Number(*m, row, "ict_share"));
    mp.style = Text(*m, row, "style");
    mp.dutch = Text(*m, row, "header_language") == "nl";
    mp.predecessor = Text(*m, row, "predecessor");
    p.ministries_.push_back(std::move(mp));
  }
  for (const auto& row : u->rows) {
    const std::string code = Text(*u, row, "ministry");
    auto it = std::find_if(p.ministries_.begin(), p.ministries_.end(),
                           [&](const auto& x) { return x.code == code; });
    if (it == p.ministries_.end())
      return InvalidInput(fmt::format("data/synth/units.csv: unknown ministry {}", code));
    Unit unit{Text(*u, row, "unit"), Text(*u, row, "unit_type"), Text(*u, row, "municipality"), 0};
    JBR_ASSIGN_OR_RETURN(unit.share, Number(*u, row, "share"));
    it->units.push_back(std::move(unit));
  }
  for (const auto& mp : p.ministries_) {
    if (mp.units.empty())
      return InvalidInput(fmt::format("data/synth/units.csv: ministry {} has no units", mp.code));
  }
  for (const auto& row : t->rows) {
    JBR_ASSIGN_OR_RETURN(double year, Number(*t, row, "year"));
    JBR_ASSIGN_OR_RETURN(double value, Number(*t, row, "value"));
    p.targets_[Text(*t, row, "measure")][static_cast<int>(year)] = value;
  }
  return p;
}

const MinistryProfile* Profiles::Find(const std::string& code) const {
  for (const auto& m : ministries_) {
    if (m.code == code) return &m;
  }
  return nullptr;
}

std::optional<double> Profiles::TargetExact(const std::string& measure, int year) const {
  auto it = targets_.find(measure);
  if (it == targets_.end()) return std::nullopt;
  auto y = it->second.find(year);
  if (y == it->second.end()) return std::nullopt;
  return y->second;
}

std::optional<double> Profiles::Target(const std::string& measure, int year) const {
  auto it = targets_.find(measure);
  if (it == targets_.end() || it->second.empty()) return std::nullopt;
  if (auto all = it->second.find(0); all != it->second.end()) return all->second;
  const auto& years = it->second;
  int best = years.begin()->first;
  for (const auto& [y, v] : years) {
    if (std::abs(y - year) < std::abs(best - year)) best = y;
  }
  return years.at(best);
}

}  // namespace jbr::synth
