// Personnel (personeel): headcount, fte, mean fte, inflow and outflow, age, gender, contract,
// part-time work and salary scale (domain.md section 5), per unit type and in total.
//
// Everything here is additive over ministries: a person is (ministry, person_id), so the Rijk's
// tallies are the sums of the ministries' tallies and every pooled numerator and denominator is
// the sum of the parts.
#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "indicators/core/period.h"
#include "indicators/core/theme_util.h"
#include "indicators/core/themes.h"

// The theme's helpers have a namespace of their own: other themes use the same names (Tally,
// kDataset, Def), and a unity build compiles several themes as one unit.
namespace jbr::personnel_theme {
namespace {

using theme::MakePersonsCell;

using theme::StrOrEmpty;

constexpr const char* kDataset = "personnel";
constexpr Days kOpen = std::numeric_limits<Days>::max();  // an empty end_date: ongoing

constexpr std::array<const char*, 6> kAgeBands = {"<25", "25-34", "35-44", "45-54", "55-59", "60+"};
constexpr std::array<const char*, 5> kScaleBands = {"1-6", "7-9", "10-12", "13-14", "15+"};
constexpr int64_t kSeniorScale = 15;

// One employment as the sums read it. A delivery's employments are read and sorted once (Staff),
// and both years that read the delivery scan that copy.
struct Employment {
  uint64_t person_key = 0;  // PersonKey(person): orders most pairs of persons without the bytes
  std::string_view id;      // employment_id ("" when empty): orders a person's employments
  uint32_t row = 0;         // the row in the delivery, where its person_id is read
  Days start = 0;
  Days end = kOpen;        // inclusive: the last day in force
  uint8_t unit = 0;        // index in Staff::units; 0: no unit type (counts in the total only)
  bool woman = false;      // gender "female"
  bool temporary = false;  // contract "temporary"
  double hours = 0;
  int64_t birth_year = 0;
  int64_t scale = 0;
};

// What the persons of one scope (all units, or one unit type) add up to. Additive throughout.
struct Tally {
  double headcount = 0;            // persons in force on 31 Dec
  double fte = 0;                  // on 31 Dec
  double fte_mean = 0;             // fte-days / days in the year
  double in_year = 0;              // persons with an employment in force on some day of the year
  double inflow = 0, outflow = 0;  // persons with at least one start (end) in the year
  double age_sum = 0, women = 0, senior = 0, senior_women = 0, temporary = 0, parttime = 0;
  std::array<double, kAgeBands.size()> age_band{};
  std::array<double, kScaleBands.size()> scale_band{};
};

struct Year {
  int year = 0;
  Period period;
  double fulltime = 36;
};

// The first 8 bytes of a person id, big-endian and padded with zero bytes: a.key < b.key implies
// a < b as strings, so a sort compares the bytes only when the keys are equal.
uint64_t PersonKey(std::string_view id) {
  uint64_t key = 0;
  for (size_t i = 0; i < 8; ++i) key = key << 8 | (i < id.size() ? static_cast<uint8_t>(id[i]) : 0);
  return key;
}

// A personnel delivery as this theme reads it, made once per delivery (Table::Memo): every row with
// a person and a start date, sorted by person, start and employment id. The year's computation
// reads it as its own delivery, the adjacent year's as the one before or after: reading and
// sorting it once instead of twice is half of what the theme costs (docs/ARCHITECTURE.md).
struct Staff {
  const Column* person = nullptr;
  std::vector<std::string_view> units{""};  // the unit types in order of appearance; 0: none
  std::vector<Employment> emps;

  std::string_view person_of(const Employment& e) const { return person->str(e.row); }
};

// Compares the persons of two employments, of the same delivery or of two, as strings (<0, 0, >0):
// the keys first, the bytes only when the keys are equal.
int ComparePerson(const Staff& sa, const Employment& a, const Staff& sb, const Employment& b) {
  if (a.person_key != b.person_key) return a.person_key < b.person_key ? -1 : 1;
  return sa.person_of(a).compare(sb.person_of(b));
}

// The index of `unit` in `units`, added when new. A delivery has a handful of unit types.
uint8_t UnitIndex(std::string_view unit, std::vector<std::string_view>* units) {
  if (unit.empty()) return 0;
  for (size_t i = 1; i < units->size(); ++i) {
    if ((*units)[i] == unit) return static_cast<uint8_t>(i);
  }
  if (units->size() > std::numeric_limits<uint8_t>::max()) return 0;  // the schema allows few
  units->push_back(unit);
  return static_cast<uint8_t>(units->size() - 1);
}

Staff MakeStaff(const Table& t) {
  const Column& person = t.col("person_id");
  const Column& id = t.col("employment_id");
  const Column& unit = t.col("unit_type");
  const Column& start = t.col("start_date");
  const Column& end = t.col("end_date");
  const Column& hours = t.col("weekly_hours");
  const Column& birth = t.col("birth_year");
  const Column& gender = t.col("gender");
  const Column& scale = t.col("salary_scale");
  const Column& contract = t.col("contract");
  Staff s;
  s.person = &person;
  s.emps.reserve(t.rows);
  for (size_t i = 0; i < t.rows; ++i) {
    if (start.is_null(i) || person.is_null(i)) continue;
    Employment e;
    e.start = static_cast<Days>(start.ints[i]);
    e.end = end.is_null(i) ? kOpen : static_cast<Days>(end.ints[i]);
    e.row = static_cast<uint32_t>(i);
    e.person_key = PersonKey(person.str(i));
    e.id = StrOrEmpty(id, i);
    e.unit = UnitIndex(StrOrEmpty(unit, i), &s.units);
    e.woman = StrOrEmpty(gender, i) == "female";
    e.temporary = StrOrEmpty(contract, i) == "temporary";
    e.hours = hours.is_null(i) ? 0 : hours.numbers[i];
    e.birth_year = birth.is_null(i) ? 0 : birth.ints[i];
    e.scale = scale.is_null(i) ? 0 : scale.ints[i];
    s.emps.push_back(e);
  }
  std::sort(s.emps.begin(), s.emps.end(), [&s](const Employment& a, const Employment& b) {
    if (int c = ComparePerson(s, a, s, b); c != 0) return c < 0;
    return std::tie(a.start, a.id) < std::tie(b.start, b.id);
  });
  return s;
}

const Staff& StaffOf(const Table& t) {
  return t.Memo<Staff>([&t] { return MakeStaff(t); });
}

bool InForceOn(const Employment& e, Days day) { return e.start <= day && e.end >= day; }

size_t AgeBand(int64_t age) {
  if (age < 25) return 0;
  if (age < 35) return 1;
  if (age < 45) return 2;
  if (age < 55) return 3;
  if (age < 60) return 4;
  return 5;
}

size_t ScaleBand(int64_t scale) {
  if (scale <= 6) return 0;
  if (scale <= 9) return 1;
  if (scale <= 12) return 2;
  if (scale <= 14) return 3;
  return 4;
}

// The tallies one person is added to: the ministry's, and the Rijk's when the ministry is pooled
// (null otherwise). Every sum is added to both in the same order, so the Rijk's tallies are exactly
// those of computing the pooled ministries on their own.
struct Tallies {
  Tally* own;
  Tally* pooled;
  template <typename F>
  void Add(F f) const {
    f(*own);
    if (pooled != nullptr) f(*pooled);
  }
};

// Inflow and outflow of one person in one scope. The employments (sorted by start), with those of
// the adjacent years' deliveries that touch the turn of the year, are merged into spells without a
// day off: an employment starting on or before the day after the spell's last day continues it.
// A spell starting in the year is a start (the day before it the person had no employment in the
// scope); one ending in the year an end. The person counts once in the inflow when it has a start,
// once in the outflow when it has an end.
void AddFlows(std::vector<const Employment*>* emps, const Period& y, const Tallies& t) {
  std::sort(emps->begin(), emps->end(), [](const Employment* a, const Employment* b) {
    return std::tie(a->start, a->id) < std::tie(b->start, b->id);
  });
  int in = 0, out = 0;
  auto close = [&](Days first, Days last) {
    if (first >= y.first && first <= y.last) ++in;
    if (last != kOpen && last >= y.first && last <= y.last) ++out;
  };
  Days first = emps->front()->start, last = emps->front()->end;
  for (size_t i = 1; i < emps->size(); ++i) {
    const Employment& e = *(*emps)[i];
    if (last == kOpen || e.start <= last + 1) {
      last = std::max(last, e.end);
      continue;
    }
    close(first, last);
    first = e.start;
    last = e.end;
  }
  close(first, last);
  t.Add([&](Tally& x) {
    x.inflow += in > 0 ? 1 : 0;
    x.outflow += out > 0 ? 1 : 0;
  });
}

// The employment that describes a person with several on 31 Dec: most hours, then lowest id.
const Employment* Dominant(const std::vector<const Employment*>& emps) {
  const Employment* best = emps.front();
  for (const Employment* e : emps) {
    if (e->hours > best->hours || (e->hours == best->hours && e->id < best->id)) best = e;
  }
  return best;
}

// Buffers reused from person to person, so that a million persons cost no allocations.
struct Scratch {
  std::vector<Employment> own, near;  // the person's employments in the year; those around it
  std::vector<const Employment*> flows, on_ref;
};

// Adds one person's employments in one scope. `total_hours` is the person's weekly hours over all
// employments at the ministry on 31 Dec: part-time work is about the person, not the unit.
void AddScope(const std::vector<const Employment*>& emps,
              const std::vector<const Employment*>& around, double total_hours, const Year& y,
              const Tallies& t, Scratch* scratch) {
  const Period& p = y.period;
  t.Add([](Tally& x) { x.in_year += 1; });
  for (const Employment* e : emps) {
    const double fte_days =
        e->hours / y.fulltime * OverlapDays(e->start, e->end, p.first, p.last) / p.days();
    t.Add([&](Tally& x) { x.fte_mean += fte_days; });
  }
  std::vector<const Employment*>& flows = scratch->flows;
  flows.assign(emps.begin(), emps.end());
  flows.insert(flows.end(), around.begin(), around.end());
  AddFlows(&flows, p, t);
  std::vector<const Employment*>& on_ref = scratch->on_ref;
  on_ref.clear();
  for (const Employment* e : emps) {
    if (InForceOn(*e, p.last)) on_ref.push_back(e);
  }
  if (on_ref.empty()) return;
  const Employment& d = *Dominant(on_ref);
  t.Add([](Tally& x) { x.headcount += 1; });
  for (const Employment* e : on_ref) {
    const double fte = e->hours / y.fulltime;
    t.Add([&](Tally& x) { x.fte += fte; });
  }
  const int64_t age = y.year - d.birth_year;
  t.Add([&](Tally& x) {
    x.age_sum += static_cast<double>(age);
    x.age_band[AgeBand(age)] += 1;
    x.scale_band[ScaleBand(d.scale)] += 1;
    x.women += d.woman ? 1 : 0;
    x.temporary += d.temporary ? 1 : 0;
    x.parttime += total_hours < y.fulltime ? 1 : 0;
    if (d.scale >= kSeniorScale) {
      x.senior += 1;
      x.senior_women += d.woman ? 1 : 0;
    }
  });
}

// A scope (all units, or one unit type) of the ministry being added: its tallies and, for the
// person being added, the person's employments in it and those of the adjacent years around the
// turn.
struct Scope {
  Tallies tallies;
  std::vector<const Employment*> emps, near;
};

// The scopes of one ministry's rows by the unit index of its delivery (Staff::units); index 0 is
// the total. A unit type's tally is made when the first employment in it is added.
class Scopes {
 public:
  Scopes(const Staff& staff, std::map<std::string, Tally>* own,
         std::map<std::string, Tally>* pooled)
      : staff_(staff), own_(own), pooled_(pooled), index_(staff.units.size(), -1) {
    Get(0);  // a ministry that delivered has a total, even with no one in it
  }
  Scope& Get(uint8_t unit) {
    int& i = index_[unit];
    if (i < 0) {
      const std::string key(staff_.units[unit]);
      i = static_cast<int>(scopes_.size());
      scopes_.push_back({{&(*own_)[key], pooled_ == nullptr ? nullptr : &(*pooled_)[key]}, {}, {}});
    }
    return scopes_[i];
  }
  // The scope of `unit` if it has been made, else null (no tally is made for it).
  Scope* Find(uint8_t unit) { return index_[unit] < 0 ? nullptr : &scopes_[index_[unit]]; }
  std::vector<Scope>& all() { return scopes_; }

 private:
  const Staff& staff_;
  std::map<std::string, Tally>* own_;
  std::map<std::string, Tally>* pooled_;
  std::vector<int> index_;     // by unit index: the scope's place in scopes_, -1 when not made
  std::vector<Scope> scopes_;  // few: the total and the unit types
};

// Adds one person (all employments of one person_id at one ministry) to the total scope (index 0)
// and to the scope of every unit type the person has an employment in. `around` are the person's
// employments of the adjacent years at the turn of the year (their unit indexes those of this
// year's delivery): they count only for the flows, and only in the scopes the person has an
// employment in this year.
void AddPerson(const std::vector<Employment>& own, const std::vector<Employment>& around,
               const Year& y, Scopes* scopes, Scratch* scratch) {
  for (Scope& s : scopes->all()) {
    s.emps.clear();
    s.near.clear();
  }
  double total_hours = 0;
  for (const Employment& e : own) {
    scopes->Get(0).emps.push_back(&e);
    if (e.unit != 0) scopes->Get(e.unit).emps.push_back(&e);
    if (InForceOn(e, y.period.last)) total_hours += e.hours;
  }
  for (const Employment& e : around) {
    scopes->Get(0).near.push_back(&e);
    if (e.unit == 0) continue;
    if (Scope* s = scopes->Find(e.unit)) s->near.push_back(&e);
  }
  for (const Scope& s : scopes->all()) {
    if (!s.emps.empty()) AddScope(s.emps, s.near, total_hours, y, s.tallies, scratch);
  }
}

// The employments of an adjacent year's delivery that touch the turn of the year, read for the
// persons of this year's delivery in their order: the year before's in force on its last day (cut
// to end there), the year after's in force on its first day (cut to start there).
class Around {
 public:
  // `day` is the adjacent year's day at the turn; `before` says which side it is on.
  Around(const Staff* other, const Staff& now, Days day, bool before)
      : other_(other), now_(now), day_(day), before_(before) {
    if (other_ == nullptr) return;
    // Its unit types as this year's unit indexes: a unit type this year's delivery lacks has no
    // scope this year, so its employments count in the total only (0).
    for (std::string_view u : other_->units) {
      auto it = std::find(now.units.begin(), now.units.end(), u);
      unit_.push_back(it == now.units.end() ? 0 : static_cast<uint8_t>(it - now.units.begin()));
    }
  }
  // Appends the employments of the person of `first` (an employment of this year's delivery) to
  // *out. Persons must come in ascending order.
  void Append(const Employment& first, std::vector<Employment>* out) {
    if (other_ == nullptr) return;
    const std::vector<Employment>& emps = other_->emps;
    while (at_ < emps.size() && ComparePerson(*other_, emps[at_], now_, first) < 0) ++at_;
    for (; at_ < emps.size() && ComparePerson(*other_, emps[at_], now_, first) == 0; ++at_) {
      if (!InForceOn(emps[at_], day_)) continue;
      Employment e = emps[at_];
      (before_ ? e.end : e.start) = day_;
      e.unit = unit_[e.unit];
      out->push_back(e);
    }
  }

 private:
  const Staff* other_;
  const Staff& now_;
  Days day_;
  bool before_;
  std::vector<uint8_t> unit_;
  size_t at_ = 0;
};

const Staff* AdjacentStaff(const MinistryInputs* in) {
  const Table* t = in == nullptr ? nullptr : in->Get(kDataset);
  return t == nullptr ? nullptr : &StaffOf(*t);
}

// Adds a ministry's persons to its own tallies and, when `pooled` is not null, to the Rijk's.
void AddTable(const MinistryInputs& in, const Year& y, std::map<std::string, Tally>* own,
              std::map<std::string, Tally>* pooled) {
  const Staff& staff = StaffOf(*in.Get(kDataset));
  Scopes scopes(staff, own, pooled);
  Scratch scratch;
  Around before(AdjacentStaff(in.year_before), staff, y.period.first - 1, true);
  Around after(AdjacentStaff(in.year_after), staff, y.period.last + 1, false);
  const std::vector<Employment>& emps = staff.emps;
  for (size_t begin = 0, end; begin < emps.size(); begin = end) {
    end = begin + 1;
    while (end < emps.size() && ComparePerson(staff, emps[end], staff, emps[begin]) == 0) ++end;
    scratch.own.clear();
    for (size_t i = begin; i < end; ++i) {
      if (emps[i].start <= y.period.last && emps[i].end >= y.period.first) {
        scratch.own.push_back(emps[i]);
      }
    }
    if (scratch.own.empty()) continue;  // not in force in this year
    scratch.near.clear();
    before.Append(emps[begin], &scratch.near);
    after.Append(emps[begin], &scratch.near);
    AddPerson(scratch.own, scratch.near, y, &scopes, &scratch);
  }
}
void AddCells(const std::string& unit, const Tally& t, const std::string& period,
              std::vector<Cell>* cells) {
  auto count = [&](const char* id, double n, double persons, const std::string& category = "") {
    cells->push_back(MakePersonsCell(id, unit, period, category, n, 1, persons));
  };
  // A share or mean over nobody is no figure: no cell rather than 0/0.
  auto ratio = [&](const char* id, double num, double den) {
    if (den > 0) cells->push_back(MakePersonsCell(id, unit, period, "", num, den, den));
  };
  count("personnel.headcount", t.headcount, t.headcount);
  count("personnel.fte", t.fte, t.headcount);
  count("personnel.fte_mean", t.fte_mean, t.in_year);
  count("personnel.inflow", t.inflow, t.inflow);
  count("personnel.outflow", t.outflow, t.outflow);
  for (size_t b = 0; b < kAgeBands.size(); ++b) {
    count("personnel.age_band", t.age_band[b], t.age_band[b], kAgeBands[b]);
  }
  for (size_t b = 0; b < kScaleBands.size(); ++b) {
    count("personnel.scale_band", t.scale_band[b], t.scale_band[b], kScaleBands[b]);
  }
  ratio("personnel.age_mean", t.age_sum, t.headcount);
  ratio("personnel.women_share", t.women, t.headcount);
  ratio("personnel.women_share_senior", t.senior_women, t.senior);
  ratio("personnel.temporary_share", t.temporary, t.headcount);
  ratio("personnel.parttime_share", t.parttime, t.headcount);
}

// Sentences several definitions share.
constexpr const char* kInForceNl =
    "Een dienstverband loopt op 31 december als de begindatum op of vóór 31 december ligt en de "
    "einddatum leeg is of op of na 31 december ligt (de einddatum is de laatste dag in dienst). ";
constexpr const char* kInForceEn =
    "An employment is in force on 31 December when its start_date is on or before 31 December and "
    "its end_date is empty or on or after 31 December (the end_date is the last day employed). ";
constexpr const char* kPersonNl =
    "Een persoon is een pseudoniem binnen één ministerie: dezelfde code bij twee ministeries zijn "
    "twee personen, dus het Rijk is de som van de ministeries. Per type eenheid (het type eenheid "
    "van het dienstverband) telt een persoon mee bij elk type waarin hij of zij een dienstverband "
    "heeft, in het totaal één keer; de typen samen kunnen dus meer zijn dan het totaal. ";
constexpr const char* kPersonEn =
    "A person is a pseudonym within one ministry: the same code at two ministries is two persons, "
    "so the Rijk is the sum of the ministries. Per unit type (the unit_type of the employment) a "
    "person counts in every unit type he or she has an employment in, and once in the total; the "
    "unit types together can therefore exceed the total. ";
constexpr const char* kDominantNl =
    "Heeft een persoon op 31 december meer dan één dienstverband, dan bepaalt het dienstverband "
    "met de meeste uren per week (bij gelijke uren het laagste employment_id) geboortejaar, "
    "geslacht, salarisschaal en contractsoort; per type eenheid het zwaarste dienstverband in dat "
    "type. ";
constexpr const char* kDominantEn =
    "For a person with more than one employment on 31 December, birth year, gender, salary scale "
    "and contract come from the employment with the most weekly hours (equal hours: the lowest "
    "employment_id); per unit type from the heaviest employment in that unit type. ";

std::string Cat(std::initializer_list<const char*> parts) {
  std::string s;
  for (const char* p : parts) s += p;
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

IndicatorDef Def(const char* id, const char* title_nl, const char* title_en, const char* unit,
                 Disclosure disclosure, std::string def_nl, std::string def_en) {
  IndicatorDef d = theme::Def(id, title_nl, title_en, unit, std::move(def_nl), std::move(def_en),
                              std::vector<std::string>{kDataset}, disclosure);
  d.breakdowns = {"unit_type"};
  return d;
}

IndicatorDef Share(const char* id, const char* title_nl, const char* title_en, std::string def_nl,
                   std::string def_en) {
  IndicatorDef d = Def(id, title_nl, title_en, "%", Disclosure::kPersonStatistic, std::move(def_nl),
                       std::move(def_en));
  d.scale = 100;
  return d;
}

void AddStockDefs(std::vector<IndicatorDef>* defs) {
  defs->push_back(Def(
      "personnel.headcount", "Aantal medewerkers", "Headcount", "persons", Disclosure::kPersonCount,
      Cat({"Aantal verschillende personen met ten minste één dienstverband dat op 31 december "
           "loopt; een persoon met twee dienstverbanden telt één keer. ",
           kInForceNl, kPersonNl}),
      Cat({"Number of distinct persons with at least one employment in force on 31 December; a "
           "person with two employments counts once. ",
           kInForceEn, kPersonEn})));
  defs->push_back(Def(
      "personnel.fte", "Formatie in fte", "Full-time equivalents", "fte", Disclosure::kPersonCount,
      Cat({"Som van uren per week / 36 over alle dienstverbanden die op 31 december lopen; twee "
           "dienstverbanden van 18 uur zijn samen 1,0 fte. ",
           kInForceNl,
           "Per type eenheid de dienstverbanden in dat type. Het aantal personen achter het cijfer "
           "is het aantal medewerkers."}),
      Cat({"Sum of weekly_hours / 36 over all employments in force on 31 December; two "
           "employments of 18 hours make 1.0 fte. ",
           kInForceEn,
           "Per unit type the employments in that unit type. The persons behind the figure are "
           "the headcount."})));
  defs->push_back(Def(
      "personnel.fte_mean", "Gemiddelde formatie in fte", "Mean full-time equivalents", "fte",
      Disclosure::kPersonCount,
      "Jaargemiddelde: som over alle dienstverbanden van (uren per week / 36) x het aantal "
      "kalenderdagen dat het dienstverband in het jaar liep (begin- en einddatum inbegrepen), "
      "gedeeld door het aantal dagen van het jaar (365, of 366 in een schrikkeljaar). Iemand die "
      "een half jaar 36 uur werkt telt voor 0,5. Per type eenheid de dienstverbanden in dat "
      "type. Het aantal personen achter het cijfer zijn de personen met een dienstverband in het "
      "jaar. Het Rijk is de som van de ministeries.",
      "Year mean: sum over all employments of (weekly_hours / 36) x the calendar days the "
      "employment was in force in the year (start and end date included), divided by the days "
      "of the year (365, or 366 in a leap year). Someone working 36 hours for half the year "
      "counts 0.5. Per unit type the employments in that unit type. The persons behind the figure "
      "are those with an employment in the year. The Rijk is the sum of the ministries."));
}

void AddFlowDefs(std::vector<IndicatorDef>* defs) {
  constexpr const char* kSpellNl =
      "De dienstverbanden van een persoon bij het ministerie worden samengevoegd tot periodes "
      "zonder een dag zonder dienstverband (een dienstverband dat begint op of vóór de dag na "
      "het einde van het vorige, of dat overlapt, zet de periode voort). Geteld worden personen, "
      "geen gebeurtenissen: wie in het jaar vertrekt en terugkomt telt één keer bij de uitstroom "
      "en één keer bij de instroom, wie twee keer begint één keer bij de instroom. Over de "
      "jaargrens kijken ook de leveringen van het vorige en het volgende jaar mee (alleen de "
      "dienstverbanden op 31 december van het vorige en 1 januari van het volgende jaar): wie op "
      "31 december uit dienst gaat en op 1 januari een nieuw dienstverband begint, stroomt niet "
      "uit en niet in. Waar zo'n levering ontbreekt, wordt alleen de levering van het jaar "
      "gelezen: dan telt een nieuw dienstverband op 1 januari als instroom en een einde op 31 "
      "december als uitstroom, ook als het dienstverband doorloopt; jbr explain noemt de "
      "ontbrekende levering. Per type eenheid alleen de dienstverbanden in dat type: een overgang "
      "van kerndepartement naar agentschap is uitstroom bij het ene en instroom bij het andere "
      "type, maar geen in- of uitstroom van het ministerie.";
  constexpr const char* kSpellEn =
      "A person's employments at the ministry are merged into spells without a day off (an "
      "employment starting on or before the day after the previous one ends, or overlapping it, "
      "continues the spell). Persons are counted, not events: someone who leaves and returns in "
      "the year counts once in the outflow and once in the inflow, someone who starts twice once "
      "in the inflow. Across the turn of the year the deliveries of the previous and the next "
      "year are read too (only the employments in force on 31 December of the previous and on 1 "
      "January of the next year): someone whose employment ends on 31 December and who starts a "
      "new one on 1 January neither leaves nor joins. Where such a delivery is missing, only the "
      "year's delivery is read: a new employment on 1 January then counts as inflow and an end on "
      "31 December as outflow, even when the employment goes on; jbr explain names the missing "
      "delivery. Per unit type only the employments in that unit type: a move from core ministry "
      "to agency is outflow from one and inflow into the other unit type, but no inflow or "
      "outflow of the ministry.";
  defs->push_back(
      Def("personnel.inflow", "Instroom", "Inflow", "persons", Disclosure::kPersonCount,
          Cat({"Aantal personen dat in het jaar in dienst komt bij het ministerie "
               "terwijl zij daar de dag ervoor geen dienstverband hadden: het begin van "
               "een periode die in het jaar begint. ",
               kSpellNl}),
          Cat({"Number of persons who start at the ministry in the year with no "
               "employment there the day before: the start of a spell that begins in "
               "the year. ",
               kSpellEn})));
  defs->push_back(Def("personnel.outflow", "Uitstroom", "Outflow", "persons",
                      Disclosure::kPersonCount,
                      Cat({"Aantal personen dat in het jaar uit dienst gaat bij het ministerie "
                           "zonder daar de dag erna een dienstverband te hebben: het einde (de "
                           "einddatum, de laatste dag in dienst) van een periode die in "
                           "het jaar eindigt. ",
                           kSpellNl}),
                      Cat({"Number of persons who leave the ministry in the year with no "
                           "employment there the day after: the end (the end_date, the last day "
                           "employed) of a spell that ends in the year. ",
                           kSpellEn})));
}

void AddCompositionDefs(std::vector<IndicatorDef>* defs) {
  constexpr const char* kOverNl = "over de medewerkers op 31 december (personnel.headcount). ";
  constexpr const char* kOverEn = "over the headcount on 31 December (personnel.headcount). ";
  defs->push_back(Def(
      "personnel.age_mean", "Gemiddelde leeftijd", "Mean age", "years",
      Disclosure::kPersonStatistic,
      Cat({"Gemiddelde leeftijd op 31 december, berekend als het jaar min het geboortejaar (alleen "
           "het geboortejaar wordt geleverd), ",
           kOverNl,
           "Teller: som van de leeftijden; noemer: "
           "het aantal medewerkers. ",
           kDominantNl, kInForceNl}),
      Cat({"Mean age on 31 December, taken as the year minus birth_year (only the birth year is "
           "delivered), ",
           kOverEn, "Numerator: sum of the ages; denominator: the headcount. ", kDominantEn,
           kInForceEn})));
  defs->push_back(Def(
      "personnel.age_band", "Medewerkers naar leeftijd", "Headcount by age band", "persons",
      Disclosure::kPersonCount,
      Cat({"Aantal medewerkers op 31 december per leeftijdsklasse <25, 25-34, 35-44, 45-54, 55-59 "
           "en 60+; leeftijd = jaar min geboortejaar. ",
           kDominantNl, kInForceNl}),
      Cat({"Headcount on 31 December by age band <25, 25-34, 35-44, 45-54, 55-59 and 60+; age = "
           "the year minus birth_year. ",
           kDominantEn, kInForceEn})));
  defs->back().breakdowns = {"unit_type", "age_band"};
  defs->push_back(
      Def("personnel.scale_band", "Medewerkers naar salarisschaal",
          "Headcount by salary scale band", "persons", Disclosure::kPersonCount,
          Cat({"Aantal medewerkers op 31 december per schaalgroep 1-6, 7-9, 10-12, 13-14 en 15+. ",
               kDominantNl, kInForceNl}),
          Cat({"Headcount on 31 December by salary scale band 1-6, 7-9, 10-12, 13-14 and 15+. ",
               kDominantEn, kInForceEn})));
  defs->back().breakdowns = {"unit_type", "scale_band"};
  defs->push_back(Share("personnel.women_share", "Aandeel vrouwen", "Share of women",
                        Cat({"100 x aantal vrouwen / aantal medewerkers, ", kOverNl,
                             "Personen met geslacht "
                             "'anders' of 'onbekend' tellen mee in de noemer. ",
                             kDominantNl}),
                        Cat({"100 x women / headcount, ", kOverEn,
                             "Persons of gender 'other' or 'unknown' count in "
                             "the denominator. ",
                             kDominantEn})));
  defs->push_back(Share(
      "personnel.women_share_senior", "Aandeel vrouwen in de (sub)top",
      "Share of women in senior positions",
      Cat({"100 x aantal vrouwen in schaal 15 of hoger / aantal medewerkers in schaal 15 of hoger "
           "op 31 december. Geen waarde als er niemand in schaal 15 of hoger is. ",
           kDominantNl}),
      Cat({"100 x women in salary scale 15 or above / headcount in salary scale 15 or above on 31 "
           "December. No value when nobody is in scale 15 or above. ",
           kDominantEn})));
  defs->back().higher_is_better = true;
  defs->push_back(Share(
      "personnel.temporary_share", "Aandeel tijdelijke contracten", "Share of temporary contracts",
      Cat({"100 x medewerkers met een tijdelijk contract / aantal medewerkers, ", kOverNl,
           kDominantNl}),
      Cat({"100 x headcount on temporary contracts / headcount, ", kOverEn, kDominantEn})));
  defs->push_back(
      Share("personnel.parttime_share", "Aandeel deeltijd", "Share working part time",
            Cat({"100 x medewerkers die minder dan 36 uur per week werken / aantal medewerkers, ",
                 kOverNl,
                 "De uren zijn de som van de uren van alle dienstverbanden van de persoon bij het "
                 "ministerie op 31 december (18 + 18 uur is voltijd), ook in het cijfer per type "
                 "eenheid: deeltijd zegt iets over de persoon, niet over de eenheid."}),
            Cat({"100 x headcount working under 36 hours a week / headcount, ", kOverEn,
                 "The hours are the sum of the weekly hours of all the person's employments at the "
                 "ministry on 31 December (18 + 18 hours is full time), also in the per unit type "
                 "figure: part-time work is about the person, not the unit."})));
}

class PersonnelTheme : public Theme {
 public:
  std::string name() const override { return "personnel"; }

  // Staff growth: the relative change of the fte on 31 December against last year.
  std::vector<DerivedFigure> Derived(const ReferenceData& /*reference*/) const override {
    for (const auto& def : Indicators()) {
      if (def.id == "personnel.fte") {
        return {
            RelativeChange(def, "personnel.fte_growth", "Groei formatie", "Staff growth (fte)")};
      }
    }
    return {};
  }

  std::vector<IndicatorDef> Indicators() const override {
    std::vector<IndicatorDef> defs;
    AddStockDefs(&defs);
    AddFlowDefs(&defs);
    AddCompositionDefs(&defs);
    // Headcount is the total of the age and scale bands and the denominator of the shares and
    // the mean age: disclosure control protects them together.
    for (auto& d : defs) {
      if (d.id == "personnel.inflow" || d.id == "personnel.outflow") {
        d.adjacent_datasets = {kDataset};
        d.adjacent_before =
            d.id == "personnel.inflow";  // whether a person was employed the day before
        d.adjacent_after = d.id == "personnel.outflow";  // ... or is the day after
      }
      if (d.id == "personnel.age_band" || d.id == "personnel.scale_band")
        d.total_of = "personnel.headcount";
      if (d.id == "personnel.age_mean" || d.id == "personnel.women_share" ||
          d.id == "personnel.temporary_share" || d.id == "personnel.parttime_share") {
        d.denominator_of = "personnel.headcount";
      }
      if (d.id == "personnel.women_share_senior") d.denominator_of = "personnel.scale_band/15+";
      // Stock and composition describe the staff; inflow and outflow are populations of their own.
      if (d.id != "personnel.inflow" && d.id != "personnel.outflow") d.population = "staff";
    }
    return defs;
  }

  Result<std::vector<Cell>> Compute(
      const ThemeContext& ctx, int year,
      const std::vector<const MinistryInputs*>& inputs) const override {
    JBR_ASSIGN_OR_RETURN(const double fulltime, FulltimeHours(ctx));
    const Year y{year, YearPeriod(year), fulltime};
    std::map<std::string, Tally> tallies;  // by unit type; "" = all units
    for (const MinistryInputs* in : inputs) {
      const Table* t = in == nullptr ? nullptr : in->Get(kDataset);
      if (t == nullptr) continue;  // not delivered: the engine reports it missing
      AddTable(*in, y, &tallies, nullptr);
    }
    return Cells(tallies, y);
  }

  // Each ministry's rows read once, its persons added to its own tallies and to the Rijk's.
  Result<EachAndPooled> ComputeEach(const ThemeContext& ctx, int year,
                                    const std::vector<const MinistryInputs*>& inputs,
                                    const std::vector<bool>& pool) const override {
    JBR_ASSIGN_OR_RETURN(const double fulltime, FulltimeHours(ctx));
    const Year y{year, YearPeriod(year), fulltime};
    EachAndPooled out;
    out.each.resize(inputs.size());
    std::map<std::string, Tally> pooled;
    for (size_t i = 0; i < inputs.size(); ++i) {
      const MinistryInputs* in = inputs[i];
      const Table* t = in == nullptr ? nullptr : in->Get(kDataset);
      if (t == nullptr) continue;
      std::map<std::string, Tally> own;
      AddTable(*in, y, &own, i < pool.size() && pool[i] ? &pooled : nullptr);
      out.each[i] = Cells(own, y);
    }
    out.pooled = Cells(pooled, y);
    return out;
  }

 private:
  static Result<double> FulltimeHours(const ThemeContext& ctx) {
    std::optional<double> fulltime;
    if (ctx.reference != nullptr) fulltime = ctx.reference->Norm("personnel.fulltime_hours");
    if (!fulltime || *fulltime <= 0) {
      return InvalidInput("norms.csv has no positive personnel.fulltime_hours");
    }
    return *fulltime;
  }

  static std::vector<Cell> Cells(const std::map<std::string, Tally>& tallies, const Year& y) {
    std::vector<Cell> cells;
    for (const auto& [unit, tally] : tallies) AddCells(unit, tally, y.period.label, &cells);
    SortCells(&cells);
    return cells;
  }
};

}  // namespace
}  // namespace jbr::personnel_theme

namespace jbr {

std::unique_ptr<Theme> MakePersonnelTheme() {
  return std::make_unique<personnel_theme::PersonnelTheme>();
}

}  // namespace jbr
