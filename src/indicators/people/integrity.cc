// Integrity (integriteit): suspected breaches reported, breaches confirmed, by breach type, and
// the measures taken (domain.md section 5). The delivery holds one row of counts per breach
// type. Every case concerns a person, so the counts are protected with the integrity threshold
// (persons = the count).
#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "indicators/core/period.h"
#include "indicators/core/theme_util.h"
#include "indicators/core/themes.h"

// The theme's helpers have a namespace of their own: other themes use the same names (Tally,
// kDataset, Def), and a unity build compiles several themes as one unit.
namespace jbr::integrity_theme {
namespace {

using theme::IntOrZero;

constexpr const char* kDataset = "integrity";

// The measure columns, which are also the categories of integrity.measures.
constexpr std::array<const char*, 5> kMeasures = {"dismissal", "reprimand", "transfer",
                                                  "other_measure", "no_measure"};

using Counts = std::map<std::string, double>;  // by category; "" is the total

struct Tally {
  Counts reports, confirmed, measures;
};

// Every breach type of the schema's enum gets a cell, zero or not, so tables have a fixed shape.
void SeedTypes(const Table& t, Counts* counts) {
  counts->emplace("", 0);
  int f = t.schema == nullptr ? -1 : t.schema->FieldIndex("type");
  if (f < 0) return;
  for (const auto& v : t.schema->fields[f].enum_values) counts->emplace(v, 0);
}

void Add(const std::string& category, double n, Counts* counts) {
  (*counts)[""] += n;
  (*counts)[category] += n;
}

void AddTable(const Table& t, Tally* tally) {
  SeedTypes(t, &tally->reports);
  SeedTypes(t, &tally->confirmed);
  tally->measures.emplace("", 0);
  for (const char* m : kMeasures) tally->measures.emplace(m, 0);
  const Column& type = t.col("type");
  const Column& reports = t.col("reports");
  const Column& confirmed = t.col("confirmed");
  for (size_t i = 0; i < t.rows; ++i) {
    if (type.is_null(i)) continue;
    const std::string name(type.str(i));
    Add(name, IntOrZero(reports, i), &tally->reports);
    Add(name, IntOrZero(confirmed, i), &tally->confirmed);
    for (const char* m : kMeasures) Add(m, IntOrZero(t.col(m), i), &tally->measures);
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

IndicatorDef Def(const char* id, const char* title_nl, const char* title_en, const char* unit,
                 const char* def_nl, const char* def_en, const char* breakdown) {
  IndicatorDef d = theme::Def(id, title_nl, title_en, unit, def_nl, def_en,
                              std::vector<std::string>{kDataset}, Disclosure::kIntegrityCount);
  d.breakdowns = {breakdown};
  return d;
}

class IntegrityTheme : public Theme {
 public:
  std::string name() const override { return "integrity"; }

  std::vector<IndicatorDef> Indicators() const override {
    std::vector<IndicatorDef> defs = {
        Def("integrity.reports", "Meldingen van vermoedelijke integriteitsschendingen",
            "Suspected integrity breaches reported", "cases",
            "Aantal meldingen van een vermoedelijke integriteitsschending in het jaar, per soort "
            "schending en in totaal (categorie zonder naam).",
            "Number of suspected integrity breaches reported in the year, per breach type and in "
            "total (the unnamed category).",
            "type"),
        Def("integrity.confirmed", "Vastgestelde integriteitsschendingen",
            "Integrity breaches confirmed", "cases",
            "Aantal in het jaar vastgestelde integriteitsschendingen (een deel van de meldingen), "
            "per soort schending en in totaal (categorie zonder naam).",
            "Number of integrity breaches confirmed in the year (a subset of the reports), per "
            "breach type and in total (the unnamed category).",
            "type"),
        Def("integrity.measures", "Maatregelen na integriteitsschendingen",
            "Measures after integrity breaches", "cases",
            "Aantal vastgestelde schendingen naar de genomen maatregel: dismissal (ontslag), "
            "reprimand (berisping), transfer (overplaatsing), other_measure (andere maatregel), "
            "no_measure (geen maatregel), opgeteld over de soorten schending; het totaal "
            "(categorie zonder naam) is de som van de vijf. Schendingen waarover nog niet is "
            "beslist, tellen niet mee.",
            "Number of confirmed breaches by the measure taken: dismissal, reprimand, transfer, "
            "other_measure, no_measure, summed over breach types; the total (the unnamed "
            "category) is the sum of the five. Breaches not yet decided on are not counted.",
            "measure"),
    };
    // Measures are counted over the confirmed breaches: the two totals are one figure.
    for (auto& d : defs) {
      if (d.id == "integrity.confirmed" || d.id == "integrity.measures") {
        d.population = "integrity.confirmed";
      }
    }
    return defs;
  }

  Result<std::vector<Cell>> Compute(
      const ThemeContext& /*ctx*/, int year,
      const std::vector<const MinistryInputs*>& inputs) const override {
    Tally tally;
    bool any = false;
    for (const MinistryInputs* in : inputs) {
      const Table* t = in == nullptr ? nullptr : in->Get(kDataset);
      if (t == nullptr) continue;  // not delivered: the engine reports it missing
      any = true;
      AddTable(*t, &tally);
    }
    std::vector<Cell> cells;
    if (!any) return cells;
    const std::string y = YearPeriod(year).label;
    Emit("integrity.reports", y, tally.reports, &cells);
    Emit("integrity.confirmed", y, tally.confirmed, &cells);
    Emit("integrity.measures", y, tally.measures, &cells);
    SortCells(&cells);
    return cells;
  }
};

}  // namespace
}  // namespace jbr::integrity_theme

namespace jbr {

std::unique_ptr<Theme> MakeIntegrityTheme() {
  return std::make_unique<integrity_theme::IntegrityTheme>();
}

}  // namespace jbr
