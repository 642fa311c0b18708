// The computation behind MakeAbsenceTheme() (absence.cc): sick and employed fte-days, headcount
// days, episodes and zero absence, from the personnel and absence rows of one or more ministries.
//
// Nothing loops over person-days: at 1.3 million persons that is half a billion days a year.
// Every sum is interval arithmetic per employment and per absence segment (OverlapDays), which
// equals the day-by-day definition exactly: a person's part-time factor on a day is the sum of
// hours/36 over the employments in force, so sum over days of (sick x factor x degree) is the sum
// over employments e of (days of segment ∩ e ∩ period) x factor(e) x degree. Rows are grouped
// by person with a counting sort over dense person numbers, so the work is linear in the rows
// (plus a sort of each person's few employment boundaries).
#include <algorithm>
#include <array>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "indicators/core/indicator.h"
#include "indicators/core/period.h"

namespace jbr::absence_detail {

// Declared in absence.cc, the theme that calls it (the directory is header-free per theme).
Result<std::vector<Cell>> ComputeAbsenceCells(int year, double fulltime_hours,
                                              const std::vector<const MinistryInputs*>& inputs);
Result<EachAndPooled> ComputeAbsenceCellsEach(int year, double fulltime_hours,
                                              const std::vector<const MinistryInputs*>& inputs,
                                              const std::vector<bool>& pool);

namespace {

constexpr int kPeriods = 5;  // 0 = the year, 1-4 = its quarters
constexpr std::array<const char*, 4> kDurationClasses = {"1-7", "8-42", "43-365", ">365"};

struct Employment {
  int32_t person;
  Days first, last;  // an open employment runs to the end of the year
  double factor;     // weekly_hours / full-time hours
  int slot;          // unit type slot (1..)
};

struct Segment {
  int32_t person;
  Days first, last;  // an open segment runs to the end of the year
  double degree;     // fraction absent, 0-1
  bool open;         // no end date: still absent at the end of the year
  bool pregnancy;    // the row's flag; AddPerson widens it to the whole episode
  std::string_view episode;
};

struct Episode {
  Days first, last;
  bool open, pregnancy;  // some segment is open; some segment is pregnancy related
};

// The sums of one unit slot: 0 = all units, 1.. = the unit types.
struct Sums {
  std::array<double, kPeriods> sick_fte_days{}, employed_fte_days{}, headcount_days{}, episodes{};
  std::array<int64_t, kPeriods> persons{};  // employed on some day of the period
  double ended_days = 0;
  int64_t ended = 0, ended_persons = 0;
  std::array<int64_t, kDurationClasses.size()> class_count{}, class_persons{};
  int64_t all_year = 0, zero = 0;
};

int DurationClass(int days) {
  if (days <= 7) return 0;
  if (days <= 42) return 1;
  if (days <= 365) return 2;
  return 3;
}

template <typename T>
std::vector<int32_t> GroupByPerson(std::vector<T>* items, size_t persons) {
  std::vector<int32_t> begin(persons + 1, 0);
  for (const T& it : *items) ++begin[it.person + 1];
  for (size_t p = 0; p < persons; ++p) begin[p + 1] += begin[p];
  std::vector<int32_t> next(begin.begin(), begin.end() - 1);
  std::vector<T> sorted(items->size());
  for (const T& it : *items) sorted[next[it.person]++] = it;
  *items = std::move(sorted);
  return begin;
}

// Dense person numbers by person_id: open addressing in one flat array. At a million ids this
// is several times faster than std::unordered_map (no node per id, one probe sequence in
// contiguous memory), and the lookups of every absence row dominate the theme's run time.
class PersonIndex {
 public:
  void Reset(size_t expected) {
    size_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    slots_.assign(capacity, Slot{0, -1});
    ids_.clear();
    ids_.reserve(expected);
  }
  int32_t Insert(std::string_view id) { return Probe(id, true); }
  int32_t Find(std::string_view id) { return Probe(id, false); }  // -1 when unknown
  size_t size() const { return ids_.size(); }

 private:
  struct Slot {
    uint32_t hash;   // the hash's upper half: most mismatches end here, without the id
    int32_t number;  // -1: empty
  };
  int32_t Probe(std::string_view id, bool insert) {
    const uint64_t full = std::hash<std::string_view>()(id);
    const uint32_t hash = static_cast<uint32_t>(full >> 32);
    const size_t mask = slots_.size() - 1;
    for (size_t i = full & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.number < 0) {
        if (!insert) return -1;
        s = Slot{hash, static_cast<int32_t>(ids_.size())};
        ids_.push_back(id);
        return s.number;
      }
      if (s.hash == hash && ids_[s.number] == id) return s.number;
    }
  }
  std::vector<Slot> slots_;  // at most half full: Reset sizes it for every id
  std::vector<std::string_view> ids_;
};

// The sums of the ministries added, each on its own (reset for every ministry) and pooled (those
// added with `pooled`): every term is added to both in the same order, so the pooled sums are
// exactly those of adding the pooled ministries alone.
class Pool {
 public:
  Pool(int year, double fulltime_hours) : fulltime_hours_(fulltime_hours) {
    periods_[0] = YearPeriod(year);
    for (int q = 1; q <= 4; ++q) periods_[q] = QuarterPeriod(year, q);
    sums_.resize(1);
    pooled_.resize(1);
  }

  Status Add(const MinistryInputs& in, bool pooled);
  // The cells of the ministry added last, or of the pooled ministries.
  std::vector<Cell> Cells(bool pooled) const;

 private:
  // Applies `f` to the sums of `slot` of the ministry and, when it is pooled, of the pool.
  template <typename F>
  void Both(size_t slot, F f) {
    f(sums_[slot]);
    if (pooling_) f(pooled_[slot]);
  }
  int Slot(std::string_view unit_type);
  Status ReadPersonnel(const Table& t);
  Status ReadAbsence(const Table& t);
  void AddPerson(std::span<const Employment> emps, std::span<Segment> segs);
  void BuildEpisodes(std::span<Segment> segs);
  void AddSick(std::span<const Employment> emps, std::span<const Segment> segs);
  int64_t AddHeadcount(std::span<const Employment> emps);
  int DominantSlot(std::span<const Employment> emps, Days day);
  void AddEpisodes(std::span<const Employment> emps);

  double fulltime_hours_;
  std::array<Period, kPeriods> periods_;
  std::vector<std::string> units_;  // slot i + 1 is units_[i]
  std::vector<Sums> sums_;          // of the ministry being added
  std::vector<Sums> pooled_;        // of the pooled ministries
  bool pooling_ = false;            // the ministry being added is pooled
  // The ministry being added; person numbers are dense within it.
  PersonIndex person_;
  std::vector<Employment> emps_;
  std::vector<Segment> segs_;
  // Per person, reused so that a million persons cost no allocations.
  std::vector<Episode> episodes_;
  std::vector<uint8_t> employed_;  // [slot * kPeriods + period]: employed in the period
  std::vector<uint8_t> ended_;     // [slot * (classes + 1) + class]; last column: any class
  std::vector<Days> cuts_;
  std::vector<double> slot_factor_;
};

int Pool::Slot(std::string_view unit_type) {
  for (size_t i = 0; i < units_.size(); ++i) {
    if (units_[i] == unit_type) return static_cast<int>(i) + 1;
  }
  units_.emplace_back(unit_type);
  sums_.emplace_back();
  pooled_.emplace_back();
  return static_cast<int>(units_.size());
}

Status Pool::ReadPersonnel(const Table& t) {
  const Column& id = t.col("person_id");
  const Column& unit = t.col("unit_type");
  const Column& start = t.col("start_date");
  const Column& end = t.col("end_date");
  const Column& hours = t.col("weekly_hours");
  for (const Column* c : {&id, &unit, &start, &end, &hours}) {
    if (c->size() != t.rows) return InternalError("absence: personnel columns are incomplete");
  }
  // The schema's order of unit types breaks ties (core before agency, ...) and orders slots.
  if (units_.empty() && t.schema != nullptr) {
    int f = t.schema->FieldIndex("unit_type");
    if (f >= 0) {
      for (const auto& v : t.schema->fields[f].enum_values) Slot(v);
    }
  }
  const Days year_last = periods_[0].last;
  person_.Reset(t.rows);
  emps_.reserve(t.rows);
  for (size_t r = 0; r < t.rows; ++r) {
    if (id.is_null(r) || start.is_null(r)) continue;  // required: the validator rejected these
    Employment e;
    e.person = person_.Insert(id.str(r));
    e.first = static_cast<Days>(start.ints[r]);
    e.last = end.is_null(r) ? year_last : static_cast<Days>(end.ints[r]);
    e.factor = hours.is_null(r) ? 0.0 : hours.numbers[r] / fulltime_hours_;
    e.slot = Slot(unit.is_null(r) ? std::string_view("other") : unit.str(r));
    if (e.last >= e.first) emps_.push_back(e);
  }
  return Status::Ok();
}

Status Pool::ReadAbsence(const Table& t) {
  const Column& episode = t.col("episode_id");
  const Column& id = t.col("person_id");
  const Column& start = t.col("start_date");
  const Column& end = t.col("end_date");
  const Column& degree = t.col("degree");
  const Column& pregnancy = t.col("pregnancy");
  for (const Column* c : {&episode, &id, &start, &end, &degree, &pregnancy}) {
    if (c->size() != t.rows) return InternalError("absence: absence columns are incomplete");
  }
  const Days year_last = periods_[0].last;
  segs_.reserve(t.rows);
  for (size_t r = 0; r < t.rows; ++r) {
    if (id.is_null(r) || start.is_null(r) || episode.is_null(r)) continue;
    Segment s;
    // A person without an employment at the ministry: every day of it counts for nothing.
    s.person = person_.Find(id.str(r));
    if (s.person < 0) continue;
    s.first = static_cast<Days>(start.ints[r]);
    s.open = end.is_null(r);
    s.last = s.open ? year_last : static_cast<Days>(end.ints[r]);
    if (s.last < s.first) continue;  // starts after the year: nothing of it is in the year
    s.degree = degree.is_null(r) ? 1.0 : degree.numbers[r] / 100.0;
    s.pregnancy = !pregnancy.is_null(r) && pregnancy.ints[r] != 0;
    s.episode = episode.str(r);
    segs_.push_back(s);
  }
  return Status::Ok();
}

Status Pool::Add(const MinistryInputs& in, bool pooled) {
  std::fill(sums_.begin(), sums_.end(), Sums{});
  pooling_ = pooled;
  const Table* personnel = in.Get("personnel");
  const Table* absence = in.Get("absence");
  if (personnel == nullptr || absence == nullptr) return Status::Ok();  // the engine reports it
  emps_.clear();
  segs_.clear();
  JBR_RETURN_IF_ERROR(ReadPersonnel(*personnel));
  JBR_RETURN_IF_ERROR(ReadAbsence(*absence));
  const size_t persons = person_.size();
  std::vector<int32_t> emp_at = GroupByPerson(&emps_, persons);
  std::vector<int32_t> seg_at = GroupByPerson(&segs_, persons);
  employed_.assign(sums_.size() * kPeriods, 0);
  ended_.assign(sums_.size() * (kDurationClasses.size() + 1), 0);
  slot_factor_.assign(sums_.size(), 0);
  for (size_t p = 0; p < persons; ++p) {
    AddPerson({emps_.data() + emp_at[p], emps_.data() + emp_at[p + 1]},
              {segs_.data() + seg_at[p], segs_.data() + seg_at[p + 1]});
  }
  return Status::Ok();
}

void Pool::AddPerson(std::span<const Employment> emps, std::span<Segment> segs) {
  std::fill(employed_.begin(), employed_.end(), 0);
  std::fill(ended_.begin(), ended_.end(), 0);
  // Employed fte-days: each employment at its own factor, in its own unit type.
  for (const Employment& e : emps) {
    for (int p = 0; p < kPeriods; ++p) {
      int days = OverlapDays(e.first, e.last, periods_[p].first, periods_[p].last);
      if (days == 0) continue;
      for (int slot : {0, e.slot}) {
        const double v = days * e.factor;
        Both(slot, [&](Sums& s) { s.employed_fte_days[p] += v; });
        employed_[slot * kPeriods + p] = 1;
      }
    }
  }
  BuildEpisodes(segs);
  AddSick(emps, segs);
  const int64_t employed_days = AddHeadcount(emps);
  AddEpisodes(emps);
  // Zero absence: employed every day of the year, placed in its unit type on 31 December.
  if (employed_days == periods_[0].days()) {
    bool absent = false;
    for (const Segment& s : segs) {
      absent =
          absent || (!s.pregnancy && s.first <= periods_[0].last && s.last >= periods_[0].first);
    }
    for (int slot : {0, DominantSlot(emps, periods_[0].last)}) {
      Both(slot, [&](Sums& s) {
        ++s.all_year;
        if (!absent) ++s.zero;
      });
    }
  }
  const size_t classes = kDurationClasses.size();
  for (size_t slot = 0; slot < sums_.size(); ++slot) {
    Both(slot, [&](Sums& s) {
      for (int p = 0; p < kPeriods; ++p) s.persons[p] += employed_[slot * kPeriods + p];
      for (size_t c = 0; c < classes; ++c) s.class_persons[c] += ended_[slot * (classes + 1) + c];
      s.ended_persons += ended_[slot * (classes + 1) + classes];
    });
  }
}

// The person's episodes: the segments sharing an episode_id. One pregnancy-related segment
// makes the whole episode pregnancy related, so that every indicator leaves out the same
// episodes (the rate its days, the frequency and duration the episode).
void Pool::BuildEpisodes(std::span<Segment> segs) {
  std::sort(segs.begin(), segs.end(), [](const Segment& a, const Segment& b) {
    return a.episode != b.episode ? a.episode < b.episode : a.first < b.first;
  });
  episodes_.clear();
  for (size_t i = 0; i < segs.size();) {
    size_t j = i;
    Episode ep{segs[i].first, segs[i].last, false, false};
    for (; j < segs.size() && segs[j].episode == segs[i].episode; ++j) {
      ep.last = std::max(ep.last, segs[j].last);
      ep.open = ep.open || segs[j].open;
      ep.pregnancy = ep.pregnancy || segs[j].pregnancy;
    }
    for (size_t k = i; k < j; ++k) segs[k].pregnancy = ep.pregnancy;
    episodes_.push_back(ep);
    i = j;
  }
}

// Sick fte-days: segment ∩ employment ∩ period, at the employment's factor and the degree.
void Pool::AddSick(std::span<const Employment> emps, std::span<const Segment> segs) {
  for (const Segment& s : segs) {
    if (s.pregnancy) continue;
    for (const Employment& e : emps) {
      Days first = std::max(s.first, e.first);
      Days last = std::min(s.last, e.last);
      if (last < first) continue;
      for (int p = 0; p < kPeriods; ++p) {
        double v =
            OverlapDays(first, last, periods_[p].first, periods_[p].last) * e.factor * s.degree;
        Both(0, [&](Sums& x) { x.sick_fte_days[p] += v; });
        Both(e.slot, [&](Sums& x) { x.sick_fte_days[p] += v; });
      }
    }
  }
}

// Headcount days: one per day employed, split over the unit types by the part-time factors of
// that day's employments (by their number when every factor is 0). Walks the elementary
// intervals between the person's employment boundaries; returns the days employed in the year.
int64_t Pool::AddHeadcount(std::span<const Employment> emps) {
  const Days y_first = periods_[0].first, y_last = periods_[0].last;
  std::vector<Days>& cuts = cuts_;
  cuts.clear();
  for (const Employment& e : emps) {
    Days first = std::max(e.first, y_first), last = std::min(e.last, y_last);
    if (last < first) continue;
    cuts.push_back(first);
    cuts.push_back(last + 1);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  int64_t employed = 0;
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    const Days first = cuts[i], last = cuts[i + 1] - 1;
    double factor = 0;
    int count = 0;
    for (const Employment& e : emps) {
      if (e.first <= first && e.last >= first) {
        factor += e.factor;
        ++count;
      }
    }
    if (count == 0) continue;
    employed += last - first + 1;
    for (int p = 0; p < kPeriods; ++p) {
      int days = OverlapDays(first, last, periods_[p].first, periods_[p].last);
      if (days == 0) continue;
      Both(0, [&](Sums& s) { s.headcount_days[p] += days; });
      for (const Employment& e : emps) {
        if (e.first > first || e.last < first) continue;
        double share = factor > 0 ? e.factor / factor : 1.0 / count;
        const double v = days * share;
        Both(e.slot, [&](Sums& s) { s.headcount_days[p] += v; });
      }
    }
  }
  return employed;
}

// The unit type with the largest part-time factor on `day` (ties: the earlier slot); -1 when the
// person has no employment that day.
int Pool::DominantSlot(std::span<const Employment> emps, Days day) {
  std::vector<double>& factor = slot_factor_;
  std::fill(factor.begin(), factor.end(), -1);
  for (const Employment& e : emps) {
    if (e.first <= day && e.last >= day) factor[e.slot] = std::max(factor[e.slot], 0.0) + e.factor;
  }
  int best = -1;
  for (size_t slot = 1; slot < factor.size(); ++slot) {
    if (factor[slot] >= 0 && (best < 0 || factor[slot] > factor[best])) {
      best = static_cast<int>(slot);
    }
  }
  return best;
}

// Episodes count whole, in the unit type the person worked in on the episode's first day in the
// year (an episode begun last year: on 1 January, since the employments of before the year need
// not be delivered); an episode that starts on a day without an employment at the ministry counts
// for nothing. An episode counts as started in a period only if its first day, over all its
// segments (also those delivered from before the year), falls in the period.
void Pool::AddEpisodes(std::span<const Employment> emps) {
  const size_t classes = kDurationClasses.size();
  for (const Episode& ep : episodes_) {
    if (ep.pregnancy) continue;
    int unit = DominantSlot(emps, std::max(ep.first, periods_[0].first));
    if (unit < 0) continue;
    for (int slot : {0, unit}) {
      Both(slot, [&](Sums& s) {
        for (int p = 0; p < kPeriods; ++p) {
          if (ep.first >= periods_[p].first && ep.first <= periods_[p].last) s.episodes[p] += 1;
        }
      });
      if (ep.open || ep.last < periods_[0].first || ep.last > periods_[0].last) continue;
      int days = ep.last - ep.first + 1;
      int c = DurationClass(days);
      Both(slot, [&](Sums& s) {
        s.ended_days += days;
        ++s.ended;
        ++s.class_count[c];
      });
      ended_[slot * (classes + 1) + c] = 1;
      ended_[slot * (classes + 1) + classes] = 1;
    }
  }
}

std::vector<Cell> Pool::Cells(bool pooled) const {
  std::vector<Cell> out;
  const std::vector<Sums>& sums = pooled ? pooled_ : sums_;
  for (size_t slot = 0; slot < sums.size(); ++slot) {
    const Sums& s = sums[slot];
    if (s.persons[0] == 0) continue;  // nobody of this unit type in the year
    const std::string unit = slot == 0 ? "" : units_[slot - 1];
    auto add = [&](const char* id, const std::string& period, const std::string& category,
                   double num, double den, int64_t persons) {
      out.push_back(Cell{id, unit, period, category, num, den, persons});
    };
    for (int p = 0; p < kPeriods; ++p) {
      const Period& per = periods_[p];
      if (s.employed_fte_days[p] > 0) {
        add("absence.rate", per.label, "", s.sick_fte_days[p], s.employed_fte_days[p],
            s.persons[p]);
      }
      if (s.headcount_days[p] > 0) {
        // Mean headcount = headcount days / days; a quarter's episodes x4 give a year basis.
        add("absence.frequency", per.label, "", s.episodes[p] * (p == 0 ? 1 : 4),
            s.headcount_days[p] / per.days(), s.persons[p]);
      }
    }
    const std::string& year = periods_[0].label;
    if (s.ended > 0) {
      add("absence.duration_mean", year, "", s.ended_days, static_cast<double>(s.ended),
          s.ended_persons);
    }
    for (size_t c = 0; c < kDurationClasses.size(); ++c) {
      add("absence.duration_class", year, kDurationClasses[c],
          static_cast<double>(s.class_count[c]), 1, s.class_persons[c]);
    }
    if (s.all_year > 0) {
      add("absence.zero_share", year, "", static_cast<double>(s.zero),
          static_cast<double>(s.all_year), s.all_year);
    }
  }
  SortCells(&out);
  return out;
}

}  // namespace

Result<std::vector<Cell>> ComputeAbsenceCells(int year, double fulltime_hours,
                                              const std::vector<const MinistryInputs*>& inputs) {
  if (fulltime_hours <= 0) return InternalError("absence: full-time hours must be positive");
  Pool pool(year, fulltime_hours);
  for (const MinistryInputs* in : inputs) {
    if (in != nullptr) JBR_RETURN_IF_ERROR(pool.Add(*in, /*pooled=*/true));
  }
  return pool.Cells(/*pooled=*/true);
}

Result<EachAndPooled> ComputeAbsenceCellsEach(int year, double fulltime_hours,
                                              const std::vector<const MinistryInputs*>& inputs,
                                              const std::vector<bool>& pool) {
  if (fulltime_hours <= 0) return InternalError("absence: full-time hours must be positive");
  Pool sums(year, fulltime_hours);
  EachAndPooled out;
  out.each.resize(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i] == nullptr) continue;
    JBR_RETURN_IF_ERROR(sums.Add(*inputs[i], i < pool.size() && pool[i]));
    out.each[i] = sums.Cells(/*pooled=*/false);
  }
  out.pooled = sums.Cells(/*pooled=*/true);
  return out;
}

}  // namespace jbr::absence_detail
