// Information management (informatiehuishouding): Woo requests and decisions on time, data
// breaches reported, and in-control statements (domain.md section 5). The delivery is one row per
// ministry (the schema allows at most one), so the Rijk's figures are sums over ministries and the
// in-control statements are a count of ministries per status. Nothing here is about persons.
#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "indicators/core/period.h"
#include "indicators/core/theme_util.h"
#include "indicators/core/themes.h"

// The theme's helpers have a namespace of their own: other themes use the same names (Tally,
// kDataset, Def), and a unity build compiles several themes as one unit.
namespace jbr::information_theme {
namespace {

using theme::IntOrZero;
using theme::MakeCell;

constexpr const char* kDataset = "information";
constexpr std::array<const char*, 3> kStatuses = {"yes", "partial", "no"};

struct Tally {
  double received = 0, decided = 0, on_time = 0, breaches = 0;
  std::map<std::string, double> in_control;  // by status; "" all ministries with a statement
};

void AddTable(const Table& t, Tally* tally) {
  const Column& received = t.col("woo_requests_received");
  const Column& decided = t.col("woo_decided");
  const Column& on_time = t.col("woo_decided_on_time");
  const Column& breaches = t.col("data_breaches_reported");
  const Column& status = t.col("in_control_statement");
  for (size_t i = 0; i < t.rows; ++i) {
    tally->received += IntOrZero(received, i);
    tally->decided += IntOrZero(decided, i);
    tally->on_time += IntOrZero(on_time, i);
    tally->breaches += IntOrZero(breaches, i);
    if (status.is_null(i)) continue;
    tally->in_control[""] += 1;
    tally->in_control[std::string(status.str(i))] += 1;
  }
}

std::vector<Cell> CellsOf(const Tally& t, const std::string& y) {
  std::vector<Cell> cells;
  // No decisions: no share rather than 0/0.
  if (t.decided > 0)
    cells.push_back(MakeCell("information.woo_on_time", y, "", t.on_time, t.decided));
  cells.push_back(MakeCell("information.woo_requests", y, "", t.received));
  cells.push_back(MakeCell("information.data_breaches", y, "", t.breaches));
  for (const auto& [status, n] : t.in_control) {
    cells.push_back(MakeCell("information.in_control", y, status, n));
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

class InformationTheme : public Theme {
 public:
  std::string name() const override { return "information"; }

  std::vector<IndicatorDef> Indicators() const override {
    std::vector<IndicatorDef> defs;
    defs.push_back(Def(
        "information.woo_on_time", "Tijdige Woo-besluiten", "Woo decisions on time", "%",
        "100 x Woo-besluiten genomen binnen de wettelijke termijn / alle Woo-besluiten genomen in "
        "het jaar. Geen waarde als er geen besluiten zijn genomen.",
        "100 x Woo (Open Government Act) decisions taken within the legal term / all Woo decisions "
        "taken in the year. No value when no decision was taken."));
    defs.back().scale = 100;
    defs.back().higher_is_better = true;
    defs.push_back(Def("information.woo_requests", "Ontvangen Woo-verzoeken",
                       "Woo requests received", "requests",
                       "Aantal Woo-verzoeken ontvangen in het jaar.",
                       "Number of Woo (Open Government Act) requests received in the year."));
    defs.push_back(
        Def("information.data_breaches", "Gemelde datalekken", "Data breaches reported", "breaches",
            "Aantal datalekken gemeld bij de Autoriteit Persoonsgegevens in het jaar.",
            "Number of data breaches reported to the data protection authority (Autoriteit "
            "Persoonsgegevens) in the year."));
    defs.push_back(Def(
        "information.in_control", "In-controlverklaringen informatiehuishouding",
        "In-control statements on information management", "ministries",
        "Aantal ministeries naar de status van hun in-controlverklaring over de "
        "informatiehuishouding: yes (ja), partial (gedeeltelijk), no (nee); het totaal (categorie "
        "zonder naam) is het aantal ministeries met een verklaring. Voor een ministerie is het 1 "
        "in zijn eigen categorie en 0 in de andere.",
        "Number of ministries by the status of their in-control statement on information "
        "management: yes, partial, no; the total (the unnamed category) is the number of "
        "ministries with a statement. For one ministry it is 1 in its own category and 0 in the "
        "others."));
    defs.back().breakdowns = {"status"};
    return defs;
  }

  Result<std::vector<Cell>> Compute(
      const ThemeContext& /*ctx*/, int year,
      const std::vector<const MinistryInputs*>& inputs) const override {
    Tally tally;
    for (const char* s : kStatuses) tally.in_control[s] = 0;
    tally.in_control[""] = 0;
    bool any = false;
    for (const MinistryInputs* in : inputs) {
      const Table* t = in == nullptr ? nullptr : in->Get(kDataset);
      // Not delivered, or delivered without its one row: no figures (the engine reports missing).
      if (t == nullptr || t->rows == 0) continue;
      any = true;
      AddTable(*t, &tally);
    }
    if (!any) return std::vector<Cell>{};
    return CellsOf(tally, YearPeriod(year).label);
  }
};

}  // namespace
}  // namespace jbr::information_theme

namespace jbr {

std::unique_ptr<Theme> MakeInformationTheme() {
  return std::make_unique<information_theme::InformationTheme>();
}

}  // namespace jbr
