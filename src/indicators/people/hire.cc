// External hire (inhuur externen): spend by budget-rule category and group, the hire share held
// against the 10% norm ("Roemernorm"), and hires above the maximum hourly rate (domain.md
// section 5). The dataset holds yearly totals per organisation unit; organisation units are not
// unit types, so there is no unit-type breakdown. Amounts are not about persons.
#include <algorithm>
#include <array>
#include <map>
#include <string_view>
#include <tuple>

#include "indicators/core/period.h"
#include "indicators/core/theme_util.h"
#include "indicators/core/themes.h"

// The theme's helpers have a namespace of their own: other themes use the same names (Tally,
// kDataset, Def), and a unity build compiles several themes as one unit.
namespace jbr::hire_theme {
namespace {

using theme::MakeCell;

constexpr const char* kDataset = "external_hire";
constexpr const char* kOwn = "own_personnel";

struct Category {
  const char* name;   // the schema's canonical value
  const char* group;  // the budget rules' group of categories
};

// The eight budget-rule categories in their official order (1-8).
constexpr std::array<Category, 8> kCategories = {{
    {"interim_management", "beleidsgevoelig"},
    {"organisation_advice", "beleidsgevoelig"},
    {"policy_advice", "beleidsgevoelig"},
    {"communication_advice", "beleidsgevoelig"},
    {"legal_advice", "ondersteunend"},
    {"it_advice", "ondersteunend"},
    {"finance_advice", "ondersteunend"},
    {"temporary_staff", "ondersteuning_bedrijfsvoering"},
}};

const Category* FindCategory(std::string_view name) {
  for (const auto& c : kCategories) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

// One ministry's delivery, summed over its organisation units.
struct MinistryHire {
  std::map<std::string, double> amount;  // by category, group and "" (all hire); not own
  double own = 0;
  bool has_own = false;  // at least one own_personnel row
  double exceedances = 0;
  bool has_exceedances = false;  // at least one row reports hires_above_max_rate
};

MinistryHire ReadTable(const Table& t) {
  MinistryHire m;
  for (const auto& c : kCategories) {
    m.amount[c.name] = 0;
    m.amount[c.group] = 0;
  }
  m.amount[""] = 0;
  const Column& category = t.col("category");
  const Column& amount = t.col("amount_eur");
  const Column& above = t.col("hires_above_max_rate");
  for (size_t i = 0; i < t.rows; ++i) {
    if (!above.is_null(i)) {
      m.has_exceedances = true;
      m.exceedances += static_cast<double>(above.ints[i]);
    }
    if (category.is_null(i) || amount.is_null(i)) continue;
    std::string_view name = category.str(i);
    // Negative amounts are corrections of earlier years' bookings: summed as they are.
    const double eur = amount.numbers[i];
    if (name == kOwn) {
      m.has_own = true;
      m.own += eur;
      continue;
    }
    // The schema's enum admits only the nine categories; anything else cannot reach here.
    const Category* c = FindCategory(name);
    if (c == nullptr) continue;
    m.amount[c->name] += eur;
    m.amount[c->group] += eur;
    m.amount[""] += eur;
  }
  return m;
}

// The pooled figures: sums of the ministries' figures.
struct Pooled {
  std::map<std::string, double> amount;
  double own = 0;
  bool has_own = false;
  double share_hire = 0, share_base = 0;  // over ministries that report own personnel spend
  double exceedances = 0;
  bool has_exceedances = false;
};

void Add(const MinistryHire& m, Pooled* p) {
  for (const auto& [cat, eur] : m.amount) p->amount[cat] += eur;
  if (m.has_own) {
    // A ministry without an own_personnel row has no share: its hire would count against a
    // personnel spend of 0. It still counts in the amounts.
    p->has_own = true;
    p->own += m.own;
    p->share_hire += m.amount.at("");
    p->share_base += m.own + m.amount.at("");
  }
  if (m.has_exceedances) {
    p->has_exceedances = true;
    p->exceedances += m.exceedances;
  }
}

std::vector<Cell> CellsOf(const Pooled& p, const std::string& year) {
  std::vector<Cell> cells;
  for (const auto& [cat, eur] : p.amount) cells.push_back(MakeCell("hire.amount", year, cat, eur));
  if (p.has_own) cells.push_back(MakeCell("hire.amount", year, kOwn, p.own));
  // A share of nothing is no figure: no cell rather than 0/0.
  if (p.has_own && p.share_base != 0) {
    cells.push_back(MakeCell("hire.share", year, "", p.share_hire, p.share_base));
  }
  if (p.has_exceedances) {
    cells.push_back(MakeCell("hire.rate_exceedances", year, "", p.exceedances));
  }
  SortCells(&cells);
  return cells;
}

IndicatorDef Def(const char* id, const char* title_nl, const char* title_en, const char* unit,
                 const char* def_nl, const char* def_en) {
  IndicatorDef d =
      theme::Def(id, title_nl, title_en, unit, def_nl, def_en, std::vector<std::string>{kDataset});
  return d;
}

class HireTheme : public Theme {
 public:
  std::string name() const override { return "hire"; }

  // The relative change of the hire spend (categories 1-8 together) against last year.
  std::vector<DerivedFigure> Derived(const ReferenceData& /*reference*/) const override {
    for (const auto& def : Indicators()) {
      if (def.id == "hire.amount") {
        return {RelativeChange(def, "hire.amount_growth", "Verandering uitgaven externe inhuur",
                               "Change in external hire spend")};
      }
    }
    return {};
  }

  std::vector<IndicatorDef> Indicators() const override {
    std::vector<IndicatorDef> defs;
    defs.push_back(Def(
        "hire.amount", "Uitgaven externe inhuur", "External hire spend", "EUR",
        "Uitgaven in het jaar in euro, opgeteld over de organisatieonderdelen, per categorie van "
        "de begrotingsvoorschriften (1 interim_management, 2 organisation_advice, 3 policy_advice, "
        "4 communication_advice, 5 legal_advice, 6 it_advice, 7 finance_advice, 8 "
        "temporary_staff), per groep (beleidsgevoelig: 1-4; ondersteunend: 5-7; "
        "ondersteuning_bedrijfsvoering: 8) en in totaal (categorie zonder naam: 1-8, zonder eigen "
        "personeel). Categorie own_personnel: de uitgaven aan eigen personeel, alleen als die zijn "
        "geleverd. Negatieve correcties tellen mee zoals geleverd.",
        "Spend in the year in euros, summed over organisation units, per budget-rule category (1 "
        "interim_management, 2 organisation_advice, 3 policy_advice, 4 communication_advice, 5 "
        "legal_advice, 6 it_advice, 7 finance_advice, 8 temporary_staff), per group "
        "(beleidsgevoelig: 1-4; ondersteunend: 5-7; ondersteuning_bedrijfsvoering: 8) and in "
        "total (the unnamed category: 1-8, own personnel excluded). Category own_personnel: the "
        "spend on own personnel, only when delivered. Negative corrections count as delivered."));
    defs.back().breakdowns = {"category", "group"};
    defs.push_back(Def(
        "hire.share", "Aandeel externe inhuur", "External hire share", "%",
        "100 x uitgaven externe inhuur (categorieën 1-8) / (uitgaven eigen personeel + uitgaven "
        "externe inhuur). Norm: ten hoogste {norm}% (Roemernorm, norms.csv: hire.share.max); "
        "daarboven wordt de waarde "
        "gemarkeerd. Een ministerie dat geen uitgaven eigen personeel levert, heeft geen waarde en "
        "telt voor het Rijk niet mee in dit aandeel (wel in de bedragen).",
        "100 x external hire spend (categories 1-8) / (own personnel spend + external hire "
        "spend). Norm: at most {norm}% (Roemernorm, norms.csv: hire.share.max); a value above it "
        "is flagged. A ministry that "
        "delivers no own personnel spend has no value and is left out of the Rijk's share (not of "
        "the amounts)."));
    defs.back().scale = 100;
    defs.back().norm = NormFromFile(Norm::Kind::kMaximum, "hire.share.max", "above_norm");
    defs.push_back(Def(
        "hire.rate_exceedances", "Inhuur boven het maximumuurtarief",
        "Hires above the maximum hourly rate", "hires",
        "Aantal inhuurovereenkomsten boven het maximumuurtarief van EUR 225 exclusief btw "
        "(norms.csv: hire.max_hourly_rate), de som van hires_above_max_rate over de "
        "organisatieonderdelen. Lege waarden zijn niet opgegeven; een ministerie dat het voor geen "
        "enkel onderdeel opgeeft, heeft geen waarde.",
        "Number of hires above the maximum hourly rate of EUR 225 excluding VAT (norms.csv: "
        "hire.max_hourly_rate), the sum of hires_above_max_rate over organisation units. Empty "
        "values are not reported; a ministry that reports it for no unit has no value."));
    return defs;
  }

  Result<std::vector<Cell>> Compute(
      const ThemeContext& /*ctx*/, int year,
      const std::vector<const MinistryInputs*>& inputs) const override {
    Pooled pooled;
    bool any = false;
    for (const MinistryInputs* in : inputs) {
      const Table* t = in == nullptr ? nullptr : in->Get(kDataset);
      if (t == nullptr) continue;  // not delivered: the engine reports it missing
      any = true;
      Add(ReadTable(*t), &pooled);
    }
    if (!any) return std::vector<Cell>{};
    return CellsOf(pooled, YearPeriod(year).label);
  }
};

}  // namespace
}  // namespace jbr::hire_theme

namespace jbr {

std::unique_ptr<Theme> MakeHireTheme() { return std::make_unique<hire_theme::HireTheme>(); }

}  // namespace jbr
