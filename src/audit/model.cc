#include "audit/model.h"

#include <algorithm>
#include <cmath>

namespace jbr::audit::internal {
namespace {

bool Whole(double v) { return std::fabs(v - std::round(v)) <= 1e-9 * std::max(1.0, std::fabs(v)); }

std::string DisclosureOf(const std::vector<const PublishedRelease*>& releases,
                         const std::string& indicator) {
  // The newest definition wins; an indicator without one is treated as about persons.
  for (auto it = releases.rbegin(); it != releases.rend(); ++it) {
    auto d = (*it)->definitions.find(indicator);
    if (d != (*it)->definitions.end()) return d->second.disclosure;
  }
  return "person-statistic";
}

// What the published rows of all releases say about each indicator's quantities.
struct Evidence {
  int published_n = 0, published_d = 0;
  bool all_d_one = true, all_n_whole = true, all_d_whole = true;
  std::vector<double> scales;
};

class Builder {
 public:
  explicit Builder(const std::vector<const PublishedRelease*>& releases) : releases_(releases) {}

  Model Build() {
    for (const PublishedRelease* r : releases_) m_.release_names.push_back(r->name);
    Var one;
    one.known = true;
    one.value = 1;
    m_.vars.push_back(one);
    GatherEvidence();
    for (int r = 0; r < static_cast<int>(releases_.size()); ++r) AddRelease(r);
    for (Var& v : m_.vars) {
      v.integer = IsInteger(v.key.indicator, v.quantity);
      v.audited = v.release == m_.current() && v.suppressed && !v.known &&
                  DisclosureOf(releases_, v.key.indicator) != "none";
    }
    for (int i = Model::kOne + 1; i < static_cast<int>(m_.vars.size()); ++i) {
      const Var& v = m_.vars[i];
      m_.series[{v.key.indicator, v.key.category, v.quantity}]
               [{v.release, v.key.ministry, v.key.unit_type, v.key.period}] = i;
    }
    return std::move(m_);
  }

 private:
  void GatherEvidence() {
    for (const PublishedRelease* r : releases_) {
      for (const IndicatorRow& row : r->indicators) {
        if (row.status != CellStatus::kPublished) continue;
        Evidence& e = evidence_[row.key.indicator];
        const double n = *row.numerator, d = *row.denominator;
        ++e.published_n;
        ++e.published_d;
        e.all_d_one = e.all_d_one && d == 1;
        e.all_n_whole = e.all_n_whole && Whole(n);
        e.all_d_whole = e.all_d_whole && Whole(d);
        if (row.value && n > 0 && d > 0) e.scales.push_back(*row.value * d / n);
      }
    }
    for (auto& [id, e] : evidence_) {
      if (e.published_d > 0 && e.all_d_one) m_.count_like.insert(id);
      if (e.scales.empty()) continue;
      std::sort(e.scales.begin(), e.scales.end());
      const double s = e.scales[e.scales.size() / 2];
      const bool consistent = std::all_of(e.scales.begin(), e.scales.end(), [&](double x) {
        return std::fabs(x - s) <= 1e-6 * std::fabs(s);
      });
      if (consistent && s > 0) {
        m_.scale[id] = s;
        m_.scale_confirmations[id] = static_cast<int>(e.scales.size());
      }
    }
  }

  bool IsInteger(const std::string& indicator, Quantity q) const {
    const std::string disclosure = DisclosureOf(releases_, indicator);
    if (disclosure == "none") return false;
    auto it = evidence_.find(indicator);
    if (it == evidence_.end()) return false;
    const Evidence& e = it->second;
    const bool count = disclosure == "person-count" || disclosure == "integrity-count";
    if (q == Quantity::kNumerator) {
      return e.all_n_whole && e.published_n > 0 && (count || e.published_n >= 10);
    }
    return e.all_d_whole && e.published_d >= 10;
  }

  int Get(int release, const CellKey& key, Quantity q) {
    auto [it, inserted] = m_.index.try_emplace({release, key, q}, 0);
    if (inserted) {
      it->second = static_cast<int>(m_.vars.size());
      Var v;
      v.release = release;
      v.key = key;
      v.quantity = q;
      m_.vars.push_back(std::move(v));
    }
    return it->second;
  }

  void Know(int var, double value) {
    m_.vars[var].known = true;
    m_.vars[var].value = value;
  }

  bool CountLike(const std::string& indicator) const { return m_.count_like.count(indicator) > 0; }

  // A cell whose numbers are hidden (or, for earlier years of ratios, never published).
  void AddHidden(int r, const CellKey& key, bool suppressed) {
    const int n = Get(r, key, Quantity::kNumerator);
    m_.vars[n].suppressed = m_.vars[n].suppressed || suppressed;
    if (CountLike(key.indicator)) return;
    const int d = Get(r, key, Quantity::kDenominator);
    m_.vars[d].suppressed = m_.vars[d].suppressed || suppressed;
  }

  // A cell of which only the value is published (series.csv, the "previous" column).
  void AddValueOnly(int r, const CellKey& key, double value) {
    const int existing = m_.Find(r, key, Quantity::kNumerator);
    if (existing >= 0 && m_.vars[existing].known) return;
    if (CountLike(key.indicator)) {
      if (existing >= 0) {
        // Hidden in one file, published in another: the value is out, whatever the status says.
        m_.definitional.push_back({{existing, 1.0}, {Model::kOne, -value}});
      } else {
        Know(Get(r, key, Quantity::kNumerator), value);
      }
      return;
    }
    AddHidden(r, key, false);
    auto s = m_.scale.find(key.indicator);
    if (s == m_.scale.end()) return;
    m_.value_only_ratio[{r, key}] = value / s->second;
    m_.ratio_equations[key.indicator].push_back(
        {{m_.Find(r, key, Quantity::kNumerator), 1.0},
         {m_.Find(r, key, Quantity::kDenominator), -value / s->second}});
  }

  void AddRelease(int r) {
    const PublishedRelease& rel = *releases_[r];
    const bool current = r + 1 == static_cast<int>(releases_.size());
    for (const IndicatorRow& row : rel.indicators) {
      if (row.status == CellStatus::kPublished) {
        Know(Get(r, row.key, Quantity::kNumerator), *row.numerator);
        if (!CountLike(row.key.indicator)) {
          Know(Get(r, row.key, Quantity::kDenominator), *row.denominator);
        }
      } else if (row.status == CellStatus::kSuppressed) {
        AddHidden(r, row.key, true);
        if (current) CountSuppressed(row.key.indicator);
      }
    }
    for (const SeriesRow& row : rel.series) {
      if (row.status == CellStatus::kPublished && row.value) {
        AddValueOnly(r, row.key, *row.value);
      } else if (row.status == CellStatus::kSuppressed) {
        AddHidden(r, row.key, true);
        if (current) CountSuppressed(row.key.indicator);
      }
    }
    for (const IndicatorRow& row : rel.indicators) {
      if (!row.previous) continue;
      CellKey before = row.key;
      before.period = YearBefore(row.key.period);
      AddValueOnly(r, before, *row.previous);
    }
    for (const RestatementRow& row : rel.restatements) m_.restated.insert({r, row.key});
  }

  void CountSuppressed(const std::string& indicator) {
    if (DisclosureOf(releases_, indicator) != "none") ++m_.suppressed_cells;
  }

  const std::vector<const PublishedRelease*>& releases_;
  std::map<std::string, Evidence> evidence_;
  Model m_;
};

}  // namespace

int Model::Find(int release, const CellKey& key, Quantity q) const {
  auto it = index.find({release, key, q});
  return it == index.end() ? -1 : it->second;
}

std::string YearBefore(const std::string& period) {
  const int year = std::stoi(period.substr(0, 4));
  return std::to_string(year - 1) + period.substr(4);
}

Model BuildModel(const std::vector<const PublishedRelease*>& releases) {
  return Builder(releases).Build();
}

}  // namespace jbr::audit::internal
