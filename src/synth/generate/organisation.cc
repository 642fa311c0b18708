#include "synth/generate/organisation.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace jbr::synth {

Table HireTable(const MinistryYear& c, double own_per_fte, double hire_ratio) {
  static constexpr const char* kCategories[] = {
      "interim_management", "organisation_advice", "policy_advice",  "communication_advice",
      "legal_advice",       "it_advice",           "finance_advice", "temporary_staff"};
  // A typical mix: IT advice and temporary staff carry most of the spend.
  static constexpr std::array<double, 8> kMix = {0.07, 0.06, 0.08, 0.04, 0.04, 0.38, 0.08, 0.25};
  Rng rng = c.RngFor("external_hire");
  Table t("external_hire", {"organisation_unit", "category", "amount_eur", "hires_above_max_rate"});
  for (size_t u = 0; u < c.ministry->units.size(); ++u) {
    const double own = c.unit_fte[u] * own_per_fte;
    if (own <= 0) continue;
    auto& r = t.AddRow();
    r = {c.ministry->units[u].name, "own_personnel", Money(own), ""};
    std::array<double, 8> mix{};
    double total = 0;
    for (size_t k = 0; k < mix.size(); ++k) total += mix[k] = kMix[k] * rng.LogNormal(1.0, 0.35);
    const double hire = own * hire_ratio;
    for (size_t k = 0; k < mix.size(); ++k) {
      const double amount = hire * mix[k] / total;
      const int above = k == 0 || k == 5 ? rng.Poisson(amount / 4e6) : 0;
      t.AddRow() = {c.ministry->units[u].name, kCategories[k], Money(amount),
                    above > 0 ? std::to_string(above) : ""};
    }
  }
  return t;
}

Table ProcurementTable(const MinistryYear& c) {
  static constexpr const char* kCategories[] = {
      "ict",    "facilities", "consultancy",     "construction",
      "travel", "energy",     "temporary_staff", "other"};
  static constexpr std::array<double, 8> kMix = {0.28, 0.16, 0.10, 0.14, 0.03, 0.06, 0.08, 0.15};
  static constexpr std::array<double, 8> kSustainable = {0.55, 0.80, 0.40, 0.85,
                                                         0.50, 0.95, 0.30, 0.45};
  static constexpr std::array<double, 8> kSocialReturn = {0.10, 0.25, 0.05, 0.30,
                                                          0.02, 0.05, 0.10, 0.08};
  static constexpr const char* kStems[] = {"Noord", "Delta",       "Polder", "Rijn", "Maas",
                                           "Kust",  "Hof",         "Duin",   "Veen", "Gracht",
                                           "Zuid",  "Lage Landen", "IJssel", "Eem",  "Vecht"};
  static constexpr const char* kTrades[] = {"ICT",      "Facilitair", "Advies",  "Bouw",
                                            "Reizen",   "Energie",    "Uitzend", "Groep",
                                            "Techniek", "Diensten"};
  static constexpr const char* kForms[] = {"B.V.", "N.V.", "V.O.F.", "B.V."};
  Rng rng = c.RngFor("procurement");
  // Suppliers persist over the years: the pool comes from a stream that does not depend on the
  // year.
  Rng pool = Rng::For(c.seed, "suppliers/" + c.ministry->code);
  const int n = std::max(8, static_cast<int>(c.Fte() / 12.0));
  const double spend = c.Fte() * 55000.0 * (c.year == 2020 ? 1.06 : 1.0);
  Table t("procurement", {"supplier_id", "supplier_name", "sme", "category", "amount_eur",
                          "sustainable_criteria", "social_return"});
  std::vector<double> weights(static_cast<size_t>(n));
  double total = 0;
  for (auto& w : weights) total += w = rng.LogNormal(1.0, 1.4);
  for (int i = 0; i < n; ++i) {
    const uint64_t kvk = 10000000 + pool.Next() % 89999999;
    const size_t cat = pool.Pick(kMix);
    const bool sme = pool.Chance(0.65);
    const std::string name =
        fmt::format("{} {} {}", kStems[pool.Next() % 15], kTrades[cat == 6 ? 6 : pool.Next() % 10],
                    kForms[pool.Next() % 4]);
    const double amount = spend * weights[static_cast<size_t>(i)] / total * (sme ? 0.6 : 1.4);
    t.AddRow() = {std::to_string(kvk),
                  name,
                  Bool(sme),
                  kCategories[cat],
                  Money(amount),
                  Bool(rng.Chance(kSustainable[cat])),
                  Bool(rng.Chance(kSocialReturn[cat]))};
  }
  return t;
}

Table IntegrityTable(const MinistryYear& c) {
  static constexpr const char* kTypes[] = {
      "financial",          "conflict_of_interest", "information_leak",
      "abuse_of_power",     "use_of_force",         "undesirable_behaviour",
      "private_misconduct", "misuse_of_resources",  "whistleblower_abuse"};
  // Reports per 1,000 fte a year (chosen; the JBR publishes only Rijk totals of a few hundred).
  static constexpr std::array<double, 9> kRate = {0.6, 0.5, 0.45, 0.25, 0.3, 1.6, 0.35, 0.9, 0.02};
  Rng rng = c.RngFor("integrity");
  Table t("integrity", {"type", "reports", "confirmed", "dismissal", "reprimand", "transfer",
                        "other_measure", "no_measure"});
  for (size_t k = 0; k < 9; ++k) {
    double rate = kRate[k] * (c.ministry->code == "JenV" && k == 4 ? 4.0 : 1.0);
    const int reports = rng.Poisson(std::min(25.0, rate * c.Fte() / 1000.0)) +
                        static_cast<int>(std::max(0.0, rate * c.Fte() / 1000.0 - 25.0));
    int confirmed = 0;
    for (int i = 0; i < reports; ++i) confirmed += rng.Chance(0.45) ? 1 : 0;
    // Each confirmed breach gets at most one measure; some are still pending.
    std::array<int, 5> measures{};
    static constexpr std::array<double, 6> kMeasure = {0.14, 0.30, 0.05, 0.28, 0.15, 0.08};
    for (int i = 0; i < confirmed; ++i) {
      const size_t m = rng.Pick(kMeasure);
      if (m < 5) ++measures[m];
    }
    t.AddRow() = {kTypes[k],
                  std::to_string(reports),
                  std::to_string(confirmed),
                  std::to_string(measures[0]),
                  std::to_string(measures[1]),
                  std::to_string(measures[2]),
                  std::to_string(measures[3]),
                  std::to_string(measures[4])};
  }
  return t;
}

Table InformationTable(const MinistryYear& c) {
  Rng rng = c.RngFor("information");
  const double load = c.year >= 2020 ? 1.15 : 1.0;  // more requests since 2020
  const int received =
      std::max(3, static_cast<int>(c.Fte() * 0.035 * load * rng.LogNormal(1.0, 0.3)));
  const int decided = static_cast<int>(received * (0.85 + 0.1 * rng.Uniform()));
  const int on_time = static_cast<int>(decided * (0.35 + 0.35 * rng.Uniform()));
  const int breaches = rng.Poisson(c.Fte() * 0.004);
  static constexpr std::array<double, 3> kStatement = {0.5, 0.4, 0.1};
  static constexpr const char* kStatements[] = {"yes", "partial", "no"};
  Table t("information", {"woo_requests_received", "woo_decided", "woo_decided_on_time",
                          "data_breaches_reported", "in_control_statement"});
  t.AddRow() = {std::to_string(received), std::to_string(decided), std::to_string(on_time),
                std::to_string(breaches), kStatements[rng.Pick(kStatement)]};
  return t;
}

}  // namespace jbr::synth
