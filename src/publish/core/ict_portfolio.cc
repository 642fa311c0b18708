#include "publish/core/ict_portfolio.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "indicators/core/inputs.h"
#include "publish/core/publication.h"

namespace jbr::publish {
namespace {

std::string StrAt(const Table& t, const char* field, size_t i) {
  const Column& c = t.col(field);
  return c.size() > i && !c.is_null(i) ? std::string(c.str(i)) : std::string();
}

std::optional<double> NumAt(const Table& t, const char* field, size_t i) {
  const Column& c = t.col(field);
  if (c.size() <= i || c.is_null(i)) return std::nullopt;
  return c.numbers[i];
}

std::optional<Days> DateAt(const Table& t, const char* field, size_t i) {
  const Column& c = t.col(field);
  if (c.size() <= i || c.is_null(i)) return std::nullopt;
  return static_cast<Days>(c.ints[i]);
}

bool BoolAt(const Table& t, const char* field, size_t i) {
  const Column& c = t.col(field);
  return c.size() > i && !c.is_null(i) && c.ints[i] != 0;
}

IctCategoryCosts CategoriesAt(const Table& records, size_t row) {
  IctCategoryCosts c;
  c.internal_staff_estimate = NumAt(records, "internal_staff_estimate_eur", row);
  c.internal_staff_spend = NumAt(records, "internal_staff_spend_eur", row);
  c.external_staff_estimate = NumAt(records, "external_staff_estimate_eur", row);
  c.external_staff_spend = NumAt(records, "external_staff_spend_eur", row);
  c.other_material_estimate = NumAt(records, "other_material_estimate_eur", row);
  c.other_material_spend = NumAt(records, "other_material_spend_eur", row);
  return c;
}

// Detail rows of `t` (may be null) for `id`, by `make`.
template <typename T, typename Make>
std::vector<T> DetailsOf(const Table* t, const std::string& id, Make make) {
  std::vector<T> out;
  if (t == nullptr) return out;
  for (size_t i = 0; i < t->rows; ++i) {
    if (StrAt(*t, "activity_id", i) == id) out.push_back(make(*t, i));
  }
  return out;
}

void AddDetails(const MinistryInputs& in, IctActivity* a) {
  const std::string& id = a->figures.activity_id;
  a->milestones =
      DetailsOf<IctMilestone>(in.Get("ict_milestones"), id, [](const Table& t, size_t i) {
        return IctMilestone{StrAt(t, "description", i), DateAt(t, "expected_date", i),
                            DateAt(t, "realised_date", i), BoolAt(t, "achieved", i)};
      });
  a->reviews = DetailsOf<IctReview>(in.Get("ict_reviews"), id, [](const Table& t, size_t i) {
    return IctReview{DateAt(t, "date", i).value_or(0), StrAt(t, "party", i), StrAt(t, "kind", i)};
  });
  a->papers = DetailsOf<IctPaper>(in.Get("ict_papers"), id, [](const Table& t, size_t i) {
    return IctPaper{DateAt(t, "date", i).value_or(0), StrAt(t, "number", i), StrAt(t, "title", i),
                    StrAt(t, "link", i), BoolAt(t, "acict_advice", i)};
  });
  std::stable_sort(a->milestones.begin(), a->milestones.end(),
                   [](const auto& x, const auto& y) { return x.expected < y.expected; });
  std::stable_sort(a->reviews.begin(), a->reviews.end(),
                   [](const auto& x, const auto& y) { return x.date < y.date; });
  std::stable_sort(a->papers.begin(), a->papers.end(),
                   [](const auto& x, const auto& y) { return x.date < y.date; });
}

// The activities of one ministry's tables, figures derived and decisions applied.
void AddMinistry(const MinistryInputs& in, int year, IctPortfolio* out) {
  const Table* activities = in.Get("ict_activities");
  const Table* records = in.Get("ict_records");
  if (activities == nullptr || records == nullptr) return;
  std::vector<IctActivityFigures> figures = DeriveIctFigures(*activities, *records, year);
  if (const Table* inclusion = in.Get("ict_inclusion")) {
    ApplyIctInclusion(IctInclusionDecisions(*inclusion), &figures);
  }
  const auto advised = IctWithAcictAdvice(in.Get("ict_reviews"), in.Get("ict_papers"));
  for (auto& f : figures) {
    IctActivity a;
    a.kind = StrAt(*activities, "kind", f.row);
    a.method = StrAt(*activities, "method", f.row);
    a.subjects = StrAt(*activities, "subjects", f.row);
    a.description = StrAt(*activities, "description", f.row);
    if (f.current) a.current_categories = CategoriesAt(*records, f.current->row);
    a.acict_advice = advised.count(f.activity_id) > 0;
    a.figures = std::move(f);
    AddDetails(in, &a);
    out->activities.push_back(std::move(a));
  }
}

bool IsIctDataset(const std::string& name) {
  return std::any_of(std::begin(kIctDatasets), std::end(kIctDatasets),
                     [&](const char* d) { return name == d; });
}

}  // namespace

bool IctCategoryCosts::any() const {
  return internal_staff_estimate || internal_staff_spend || external_staff_estimate ||
         external_staff_spend || other_material_estimate || other_material_spend;
}

Result<IctPortfolio> LoadIctPortfolio(Store* store, const SchemaRegistry& schemas,
                                      const Publication& pub, const MinistryRegistry* ministries) {
  IctPortfolio out;
  out.year = pub.run.year;
  out.run_at = pub.run.at;
  // ministry -> dataset -> delivery id (the newest id when the run listed several).
  std::map<std::string, std::map<std::string, int64_t>> used;
  for (const auto& d : pub.deliveries) {
    if (d.year != pub.run.year || !IsIctDataset(d.dataset)) continue;
    int64_t& id = used[d.ministry][d.dataset];
    id = std::max(id, d.id);
  }
  for (const auto& [ministry, datasets] : used) {
    MinistryInputs in;
    in.ministry = ministry;
    in.year = pub.run.year;
    for (const auto& [dataset, id] : datasets) {
      const DatasetSchema* schema = schemas.Find(dataset);
      if (schema == nullptr) return NotFound(fmt::format("no schema for dataset {}", dataset));
      JBR_ASSIGN_OR_RETURN(auto record, store->GetDelivery(id));
      if (!record)
        return NotFound(fmt::format("delivery {} ({}) is not in the store", id, dataset));
      JBR_ASSIGN_OR_RETURN(Table t, LoadTable(store, *schema, *record));
      in.tables.emplace(dataset, std::move(t));
    }
    AddMinistry(in, pub.run.year, &out);
    const Ministry* m = ministries ? ministries->Find(ministry, pub.run.year) : nullptr;
    if (m != nullptr) out.ministry_names[ministry] = m->name_nl;
  }
  std::stable_sort(out.activities.begin(), out.activities.end(), [](const auto& x, const auto& y) {
    return std::tie(x.figures.ministry, x.figures.activity_id) <
           std::tie(y.figures.ministry, y.figures.activity_id);
  });
  return out;
}

}  // namespace jbr::publish
