// Procurement (inkoop): spend by purchase category, and the shares of spend with SMEs, with
// sustainability criteria and with social return (domain.md section 5). Shares are of euros, not
// of suppliers or contracts. Nothing here is about persons.
#include <algorithm>
#include <map>
#include <tuple>

#include "indicators/core/period.h"
#include "indicators/core/theme_util.h"
#include "indicators/core/themes.h"

// The theme's helpers have a namespace of their own: other themes use the same names (Tally,
// kDataset, Def), and a unity build compiles several themes as one unit.
namespace jbr::procurement_theme {
namespace {

using theme::IsTrue;
using theme::MakeCell;

constexpr const char* kDataset = "procurement";

struct Tally {
  std::map<std::string, double> spend;  // by category; "" all spend
  double sme = 0, sustainable = 0, social_return = 0;
};

// Every category of the schema's enum gets a cell, zero or not, so tables have a fixed shape.
void SeedCategories(const Table& t, Tally* tally) {
  tally->spend.emplace("", 0);
  int f = t.schema == nullptr ? -1 : t.schema->FieldIndex("category");
  if (f < 0) return;
  for (const auto& v : t.schema->fields[f].enum_values) tally->spend.emplace(v, 0);
}

void AddTable(const Table& t, Tally* tally) {
  SeedCategories(t, tally);
  const Column& category = t.col("category");
  const Column& amount = t.col("amount_eur");
  const Column& sme = t.col("sme");
  const Column& sustainable = t.col("sustainable_criteria");
  const Column& social = t.col("social_return");
  for (size_t i = 0; i < t.rows; ++i) {
    if (amount.is_null(i)) continue;
    // Credit notes (negative amounts) are summed as they are.
    const double eur = amount.numbers[i];
    tally->spend[""] += eur;
    if (!category.is_null(i)) tally->spend[std::string(category.str(i))] += eur;
    if (IsTrue(sme, i)) tally->sme += eur;
    if (IsTrue(sustainable, i)) tally->sustainable += eur;
    if (IsTrue(social, i)) tally->social_return += eur;
  }
}

std::vector<Cell> CellsOf(const Tally& t, const std::string& y) {
  std::vector<Cell> cells;
  for (const auto& [category, eur] : t.spend) {
    cells.push_back(MakeCell("procurement.spend", y, category, eur));
  }
  // A share of no (or of net negative) spend is no figure.
  const double total = t.spend.at("");
  if (total > 0) {
    cells.push_back(MakeCell("procurement.sme_share", y, "", t.sme, total));
    cells.push_back(MakeCell("procurement.sustainable_share", y, "", t.sustainable, total));
    cells.push_back(MakeCell("procurement.social_return_share", y, "", t.social_return, total));
  }
  SortCells(&cells);
  return cells;
}

IndicatorDef Def(const char* id, const char* title_nl, const char* title_en, const char* unit,
                 std::string def_nl, std::string def_en) {
  IndicatorDef d = theme::Def(id, title_nl, title_en, unit, std::move(def_nl), std::move(def_en),
                              std::vector<std::string>{kDataset});
  if (d.unit == "%") {
    d.scale = 100;
    d.higher_is_better = true;
  }
  return d;
}

// The definition of a share of spend whose rows have `what` (Dutch and English).
IndicatorDef Share(const char* id, const char* title_nl, const char* title_en, const char* what_nl,
                   const char* what_en) {
  return Def(id, title_nl, title_en, "%",
             std::string("100 x inkoopuitgaven ") + what_nl +
                 " / alle inkoopuitgaven in het jaar, in euro (niet naar aantal leveranciers of "
                 "contracten). Creditnota's tellen mee zoals geleverd. Geen waarde als de "
                 "uitgaven samen niet positief zijn.",
             std::string("100 x procurement spend ") + what_en +
                 " / all procurement spend in the year, in euros (not by number of suppliers or "
                 "contracts). Credit notes count as delivered. No value when the spend adds up to "
                 "zero or less.");
}

class ProcurementTheme : public Theme {
 public:
  std::string name() const override { return "procurement"; }

  std::vector<IndicatorDef> Indicators() const override {
    std::vector<IndicatorDef> defs;
    defs.push_back(Def(
        "procurement.spend", "Inkoopuitgaven", "Procurement spend", "EUR",
        "Inkoopuitgaven in het jaar in euro, per inkoopcategorie (ict, facilities, consultancy, "
        "construction, travel, energy, temporary_staff, other) en in totaal (categorie zonder "
        "naam). Creditnota's (negatieve bedragen) tellen mee zoals geleverd.",
        "Procurement spend in the year in euros, per purchase category (ict, facilities, "
        "consultancy, construction, travel, energy, temporary_staff, other) and in total (the "
        "unnamed category). Credit notes (negative amounts) count as delivered."));
    defs.back().breakdowns = {"category"};
    defs.push_back(Share("procurement.sme_share", "Aandeel inkoop bij mkb",
                         "Share of spend with SMEs", "bij leveranciers uit het mkb",
                         "with small and medium-sized enterprises (sme)"));
    defs.push_back(Share("procurement.sustainable_share", "Aandeel duurzaam ingekocht",
                         "Share of spend with sustainability criteria",
                         "waarbij duurzaamheidscriteria zijn toegepast",
                         "where sustainability criteria were applied"));
    defs.push_back(Share("procurement.social_return_share", "Aandeel met social return",
                         "Share of spend with social return", "waarbij social return is toegepast",
                         "where social return was applied"));
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
    if (!any) return std::vector<Cell>{};
    return CellsOf(tally, YearPeriod(year).label);
  }
};

}  // namespace
}  // namespace jbr::procurement_theme

namespace jbr {

std::unique_ptr<Theme> MakeProcurementTheme() {
  return std::make_unique<procurement_theme::ProcurementTheme>();
}

}  // namespace jbr
