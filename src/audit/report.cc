// The intruder's report as text and as JSON (intruder.h).
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "audit/intruder.h"

namespace jbr::audit {
namespace {

std::string Interval(const QuantityBounds& b) {
  return fmt::format("[{}, {}]", BoundText(b.lo), BoundText(b.hi));
}

std::string Line(const QuantityBounds& b) {
  return fmt::format("{} {} ({}) {}", b.key.ToString(), QuantityName(b.quantity), b.release,
                     Interval(b));
}

nlohmann::json Number(double v) {
  return v == sdc::kInfinity ? nlohmann::json(nullptr) : nlohmann::json(v);
}

nlohmann::json ToJson(const QuantityBounds& b) {
  return {{"release", b.release},
          {"indicator", b.key.indicator},
          {"ministry", b.key.ministry},
          {"unit_type", b.key.unit_type},
          {"period", b.key.period},
          {"category", b.key.category},
          {"quantity", QuantityName(b.quantity)},
          {"integer", b.integer},
          {"lo", Number(b.lo)},
          {"hi", Number(b.hi)},
          {"exact", b.exact},
          {"protectable", b.protectable},
          {"reason", b.reason}};
}

nlohmann::json ToJson(const FamilyReport& f) {
  return {{"kind", f.kind},         {"label", f.label},         {"instances", f.instances},
          {"checked", f.checked},   {"confirmed", f.confirmed}, {"contradicted", f.contradicted},
          {"accepted", f.accepted}, {"dropped", f.dropped},     {"note", f.note}};
}

}  // namespace

std::string FormatReportText(const IntruderReport& r) {
  std::string out;
  std::string names;
  for (const auto& n : r.releases) names += (names.empty() ? "" : ", ") + n;
  out += fmt::format("intruder's audit of {} (releases read: {})\n", r.releases.back(), names);
  out += fmt::format("suppressed cells: {}; quantities audited: {}\n", r.suppressed_cells,
                     r.audited_quantities);
  out += fmt::format(
      "relation families: {} accepted, {} rejected ({} of them chance candidates: equal values, "
      "quarterly pairs), {} "
      "dropped; instances: {} ({} with a hidden cell), components solved: {}, programs: {}\n",
      r.families_accepted, r.families_rejected, r.rejected_coincidences, r.families_dropped,
      r.relation_instances, r.equations, r.components, r.lp_solves);
  out += fmt::format("exact recoveries: {}; under their protection level: {}\n", r.exact_recoveries,
                     r.under_protection);
  if (r.narrowest_absolute) {
    out += "narrowest interval: " + Line(*r.narrowest_absolute) + "\n";
  }
  if (r.narrowest_relative) {
    out += fmt::format("narrowest relative to its midpoint: {} (width {:.3g} of the midpoint)\n",
                       Line(*r.narrowest_relative), r.narrowest_relative->relative_width());
  }
  std::map<std::string, int> accepted;
  for (const FamilyReport& f : r.families) {
    if (f.accepted && !f.dropped) ++accepted[f.kind];
  }
  std::string kinds;
  for (const auto& [k, n] : accepted)
    kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", n, k);
  out += "accepted by kind: " + (kinds.empty() ? std::string("none") : kinds) + "\n";
  for (const std::string& n : r.notes) out += "note: " + n + "\n";
  for (const FamilyReport& f : r.families) {
    if (f.dropped)
      out += fmt::format("dropped {} {}: it made a program infeasible\n", f.kind, f.label);
  }
  for (const FamilyReport& f : r.families) {
    if (f.accepted || f.kind == "identity" || f.kind == "cross") continue;
    out += fmt::format("rejected {} {}: {}\n", f.kind, f.label, f.note);
  }
  for (const QuantityBounds& b : r.failures) {
    out += fmt::format("FAIL {}: {}\n", Line(b), b.reason);
  }
  out += r.safe() ? "verdict: safe\n"
                  : fmt::format("verdict: unsafe ({} quantities fail)\n", r.failures.size());
  return out;
}

std::string FormatReportJson(const IntruderReport& r) {
  nlohmann::json failures = nlohmann::json::array(), families = nlohmann::json::array(),
                 all = nlohmann::json::array();
  for (const auto& b : r.failures) failures.push_back(ToJson(b));
  for (const auto& f : r.families) families.push_back(ToJson(f));
  for (const auto& b : r.all) all.push_back(ToJson(b));
  const nlohmann::json j = {
      {"releases", r.releases},
      {"safe", r.safe()},
      {"suppressed_cells", r.suppressed_cells},
      {"audited_quantities", r.audited_quantities},
      {"families_accepted", r.families_accepted},
      {"families_rejected", r.families_rejected},
      {"families_dropped", r.families_dropped},
      {"rejected_coincidences", r.rejected_coincidences},
      {"relation_instances", r.relation_instances},
      {"equations", r.equations},
      {"components", r.components},
      {"lp_solves", r.lp_solves},
      {"exact_recoveries", r.exact_recoveries},
      {"under_protection", r.under_protection},
      {"narrowest_absolute",
       r.narrowest_absolute ? ToJson(*r.narrowest_absolute) : nlohmann::json()},
      {"narrowest_relative",
       r.narrowest_relative ? ToJson(*r.narrowest_relative) : nlohmann::json()},
      {"notes", r.notes},
      {"failures", failures},
      {"families", families},
      {"quantities", all},
  };
  return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace jbr::audit
