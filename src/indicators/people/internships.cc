// Internships (stages): internships started in the year and active on 31 December, by kind and
// by education level (domain.md section 5).
//
// The two breakdowns are separate indicators (internships.started by kind, and
// internships.started_by_level by education level; the same for .active), each with its total in
// category "". One indicator with both breakdowns in it would hold two overlapping partitions of
// the same total, and the disclosure step protects a table as categories that add up to the total.
// Each internship is one intern: the count is the number of persons (the dataset has no person id,
// so an intern with two internships counts twice).
#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

#include "indicators/core/period.h"
#include "indicators/core/theme_util.h"
#include "indicators/core/themes.h"

// The theme's helpers have a namespace of their own: other themes use the same names (Tally,
// kDataset, Def), and a unity build compiles several themes as one unit.
namespace jbr::internships_theme {
namespace {

using theme::StrOrEmpty;

constexpr const char* kDataset = "internships";

using Counts = std::map<std::string, double>;  // by category; "" is the total

struct Tally {
  Counts started_kind, started_level, active_kind, active_level;
};

// Every category of the schema's enum gets a cell, zero or not, so tables have a fixed shape.
void Seed(const Table& t, const char* field, Counts* counts) {
  counts->emplace("", 0);
  int f = t.schema == nullptr ? -1 : t.schema->FieldIndex(field);
  if (f < 0) return;
  for (const auto& v : t.schema->fields[f].enum_values) counts->emplace(v, 0);
}

void Add(std::string_view category, Counts* counts) {
  (*counts)[""] += 1;
  if (!category.empty()) (*counts)[std::string(category)] += 1;
}

void AddTable(const Table& t, const Period& year, Tally* tally) {
  Seed(t, "kind", &tally->started_kind);
  Seed(t, "kind", &tally->active_kind);
  Seed(t, "education_level", &tally->started_level);
  Seed(t, "education_level", &tally->active_level);
  const Column& start = t.col("start_date");
  const Column& end = t.col("end_date");
  const Column& kind = t.col("kind");
  const Column& level = t.col("education_level");
  for (size_t i = 0; i < t.rows; ++i) {
    if (start.is_null(i)) continue;
    const Days s = static_cast<Days>(start.ints[i]);
    if (s >= year.first && s <= year.last) {
      Add(StrOrEmpty(kind, i), &tally->started_kind);
      Add(StrOrEmpty(level, i), &tally->started_level);
    }
    // Active on the reference date: start <= 31 Dec <= end (both days included).
    const bool ends_after = end.is_null(i) || end.ints[i] >= year.last;
    if (s <= year.last && ends_after) {
      Add(StrOrEmpty(kind, i), &tally->active_kind);
      Add(StrOrEmpty(level, i), &tally->active_level);
    }
  }
}

void Emit(const char* indicator, const std::string& period, const Counts& counts,
          std::vector<Cell>* cells) {
  for (const auto& [category, n] : counts) {
    Cell c;
    c.indicator = indicator;
    c.period = period;
    c.category = category;
    c.numerator = n;
    c.persons = static_cast<int64_t>(n);
    cells->push_back(std::move(c));
  }
}

IndicatorDef Def(const char* id, const char* title_nl, const char* title_en, std::string def_nl,
                 std::string def_en, const char* breakdown) {
  IndicatorDef d =
      theme::Def(id, title_nl, title_en, "persons", std::move(def_nl), std::move(def_en),
                 std::vector<std::string>{kDataset}, Disclosure::kPersonCount);
  d.breakdowns = {breakdown};
  d.higher_is_better = true;
  return d;
}

// The definition texts: what is counted, then the breakdown.
constexpr const char* kStartedNl =
    "Aantal stages met een begindatum (start_date) in het jaar. Elke stage telt als één "
    "stagiair. Uitgesplitst naar ";
constexpr const char* kStartedEn =
    "Number of internships whose start_date falls in the year. Each internship counts as one "
    "intern. Broken down by ";
constexpr const char* kActiveNl =
    "Aantal stages dat loopt op 31 december: begindatum op of voor 31 december en einddatum op of "
    "na 31 december. Elke stage telt als één stagiair. Uitgesplitst naar ";
constexpr const char* kActiveEn =
    "Number of internships running on 31 December: start_date on or before and end_date on or "
    "after 31 December. Each internship counts as one intern. Broken down by ";
constexpr const char* kKindNl =
    "soort stage (meeloop, snuffel, afstudeer, werk, other), met het totaal als categorie zonder "
    "naam.";
constexpr const char* kKindEn =
    "kind (meeloop, snuffel, afstudeer, werk, other), with the total as the unnamed category.";
constexpr const char* kLevelNl =
    "opleidingsniveau (vmbo, mbo, hbo, wo, other), met het totaal als categorie zonder naam.";
constexpr const char* kLevelEn =
    "education level (vmbo, mbo, hbo, wo, other), with the total as the unnamed category.";

class InternshipsTheme : public Theme {
 public:
  std::string name() const override { return "internships"; }

  std::vector<IndicatorDef> Indicators() const override {
    const std::string s_nl = kStartedNl, s_en = kStartedEn, a_nl = kActiveNl, a_en = kActiveEn;
    std::vector<IndicatorDef> defs = {
        Def("internships.started", "Gestarte stages naar soort", "Internships started by kind",
            s_nl + kKindNl, s_en + kKindEn, "kind"),
        Def("internships.started_by_level", "Gestarte stages naar opleidingsniveau",
            "Internships started by education level", s_nl + kLevelNl, s_en + kLevelEn,
            "education_level"),
        Def("internships.active", "Lopende stages op 31 december naar soort",
            "Internships active on 31 December by kind", a_nl + kKindNl, a_en + kKindEn, "kind"),
        Def("internships.active_by_level", "Lopende stages op 31 december naar opleidingsniveau",
            "Internships active on 31 December by education level", a_nl + kLevelNl,
            a_en + kLevelEn, "education_level"),
    };
    // By kind and by level are two breakdowns of the same interns: their totals are one figure.
    for (auto& d : defs) {
      d.population =
          d.id.rfind("internships.started", 0) == 0 ? "internships.started" : "internships.active";
    }
    return defs;
  }

  Result<std::vector<Cell>> Compute(
      const ThemeContext& /*ctx*/, int year,
      const std::vector<const MinistryInputs*>& inputs) const override {
    const Period y = YearPeriod(year);
    Tally tally;
    bool any = false;
    for (const MinistryInputs* in : inputs) {
      const Table* t = in == nullptr ? nullptr : in->Get(kDataset);
      if (t == nullptr) continue;  // not delivered: the engine reports it missing
      any = true;
      AddTable(*t, y, &tally);
    }
    std::vector<Cell> cells;
    if (!any) return cells;
    Emit("internships.started", y.label, tally.started_kind, &cells);
    Emit("internships.started_by_level", y.label, tally.started_level, &cells);
    Emit("internships.active", y.label, tally.active_kind, &cells);
    Emit("internships.active_by_level", y.label, tally.active_level, &cells);
    SortCells(&cells);
    return cells;
  }
};

}  // namespace
}  // namespace jbr::internships_theme

namespace jbr {

std::unique_ptr<Theme> MakeInternshipsTheme() {
  return std::make_unique<internships_theme::InternshipsTheme>();
}

}  // namespace jbr
