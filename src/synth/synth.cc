#include "synth/synth.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "common/file.h"
#include "common/paths.h"
#include "common/sha256.h"
#include "ingest/csv_reader.h"
#include "schema/ministries.h"
#include "schema/schema.h"
#include "synth/generate/absence.h"
#include "synth/generate/fleet.h"
#include "synth/generate/flows.h"
#include "synth/generate/footprint.h"
#include "synth/generate/ict.h"
#include "synth/generate/organisation.h"
#include "synth/generate/population.h"
#include "synth/write/defects.h"
#include "synth/write/writer.h"

namespace jbr::synth {
namespace {

namespace fs = std::filesystem;

// Everything generated for one ministry across the years.
struct MinistryState {
  const MinistryProfile* profile;
  std::unique_ptr<Workforce> staff;
  std::unique_ptr<AbsenceModel> absence;
  VacancyModel vacancies;
  InternshipModel internships;
};

class Generator {
 public:
  Generator(const SynthOptions& o, Profiles p, SchemaRegistry s, ReferenceData r,
            std::map<int, Factors> f, std::vector<DefectRequest> defects)
      : o_(o),
        profiles_(std::move(p)),
        schemas_(std::move(s)),
        ref_(std::move(r)),
        factors_(std::move(f)),
        defects_(std::move(defects)),
        defects_done_(defects_.size(), false) {}

  Result<std::vector<SynthFile>> Run();

 private:
  double Target(const std::string& measure, int year) const {
    return profiles_.Target(measure, year).value_or(0);
  }
  bool InRijk(const std::string& dataset, const std::string& ministry) const;
  double JobsTarget(const std::string& ministry, int year, double ministry_fte) const;
  YearTargets TargetsFor(const MinistryProfile& m, int year) const;
  Style StyleFor(const MinistryProfile& m, const std::string& dataset, int year) const;
  Status Write(const Table& t, const MinistryProfile& m, int year, const std::string& as = "");
  Status WriteDefects(const Table& t, const DatasetSchema& schema, const Style& style,
                      const std::string& ministry, int year);
  Status WriteDefect(const DefectRequest& d, const Table& t, const DatasetSchema& schema,
                     const Style& style);
  Status WriteAnswerKey();
  Status Year(int year);
  Status BaseYear(int year, const std::map<std::string, std::string>& codes);

  const SynthOptions& o_;
  Profiles profiles_;
  SchemaRegistry schemas_;
  ReferenceData ref_;
  std::map<int, Factors> factors_;  // by year: each year its own vintage
  std::vector<MinistryState> states_;
  std::unique_ptr<IctPortfolio> ict_;
  std::vector<SynthFile> files_;
  std::vector<DefectRequest> defects_;
  std::vector<bool> defects_done_;
  std::vector<DefectFile> defect_files_;
  std::map<std::string, int> defect_names_;

 public:
  // The CO2 goal's base year to deliver mobility for (0: none) and each ministry's code then.
  int base_year_ = 0;
  std::map<std::string, std::string> base_codes_;
};

bool Generator::InRijk(const std::string& dataset, const std::string& ministry) const {
  const RefTable* scope = ref_.Get("rijk_scope");
  return scope == nullptr || scope->Find({{"dataset", dataset}, {"exclude", ministry}}).empty();
}

// The jobs-agreement jobs of a ministry in a year: the Rijk's realised jobs, shared out by the
// ministries' targets (reference data), each realising a little more or less than the Rijk.
double Generator::JobsTarget(const std::string& ministry, int year, double ministry_fte) const {
  const RefTable* targets = ref_.Get("jobs_agreement_targets");
  const double realised = Target("jobs_realised", year) * o_.scale;
  if (targets == nullptr || !InRijk("personnel", ministry)) return ministry_fte * 0.012 * 36 / 25.5;
  double total = 0, mine = 0, weighted = 0;
  for (const auto& m : profiles_.ministries()) {
    // Before the first generated year the ministries' shares are those of the first year (the
    // targets file lists predecessor ministries there).
    const int share_year = std::max(year, o_.first_year);
    auto t =
        targets->Number({{"ministry", m.code}, {"year", std::to_string(share_year)}}, "target");
    if (!t || !InRijk("personnel", m.code)) continue;
    const double spread =
        0.8 + 0.4 * static_cast<double>(Rng::For(o_.seed, "ja/" + m.code).Next() % 1000) / 1000.0;
    total += *t;
    weighted += *t * spread;
    if (m.code == ministry) mine = *t * spread;
  }
  if (total <= 0) return ministry_fte * 0.012 * 36 / 25.5;
  return realised * mine / weighted;
}

YearTargets Generator::TargetsFor(const MinistryProfile& m, int year) const {
  YearTargets t;
  t.fte = Target("fte_rijk", year) * m.fte_share * o_.scale;
  t.ja_jobs = JobsTarget(m.code, year, t.fte);
  return t;
}

Style Generator::StyleFor(const MinistryProfile& m, const std::string& dataset, int year) const {
  // Mostly the ministry's own habit; now and then a file made another way.
  Rng rng = Rng::For(o_.seed, fmt::format("style/{}/{}/{}", m.code, dataset, year));
  static const char* kStyles[] = {"utf8-comma", "utf8bom-semicolon", "cp1252-semicolon", "xlsx"};
  std::string name = rng.Chance(0.15) ? kStyles[rng.Next() % 4] : m.style;
  if (!o_.style.empty()) return StyleNamed(o_.style, false);
  return StyleNamed(name, m.dutch);
}

// `as`: the ministry code the file is delivered under, when not the profile's own.
Status Generator::Write(const Table& t, const MinistryProfile& m, int year, const std::string& as) {
  const DatasetSchema* schema = schemas_.Find(t.dataset);
  if (schema == nullptr) return InternalError("synth: no schema for " + t.dataset);
  const Style style = StyleFor(m, t.dataset, year);
  const std::string stem =
      style.dutch && !schema->aliases.empty() ? schema->aliases.front() : t.dataset;
  const std::string& code = as.empty() ? m.code : as;
  SynthFile f;
  f.file = fmt::format("{}/{}/{}-{}-{}.{}", year, code, stem, code, year, Extension(style));
  f.dataset = t.dataset;
  f.ministry = code;
  f.year = year;
  f.rows = t.rows.size();
  const fs::path path = fs::path(o_.out_dir) / f.file;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    return IoError(fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message()));
  JBR_RETURN_IF_ERROR(WriteTable(t, *schema, style, path.string()));
  JBR_ASSIGN_OR_RETURN(auto digest, DigestFile(path.string()));
  f.sha256 = digest.sha256;
  files_.push_back(std::move(f));
  return defects_.empty() && o_.defect_rate <= 0 ? Status::Ok()
                                                 : WriteDefects(t, *schema, style, code, year);
}

// The spoilt copies asked for of this delivery, from the same table the clean file was written
// from.
Status Generator::WriteDefects(const Table& t, const DatasetSchema& schema, const Style& style,
                               const std::string& ministry, int year) {
  for (size_t i = 0; i < defects_.size(); ++i) {
    const DefectRequest& d = defects_[i];
    if (d.dataset != t.dataset || d.ministry != ministry || d.year != year) continue;
    JBR_RETURN_IF_ERROR(WriteDefect(d, t, schema, style));
    defects_done_[i] = true;
  }
  Rng rng = Rng::For(o_.seed, fmt::format("defect-rate/{}/{}/{}", t.dataset, ministry, year));
  if (o_.defect_rate <= 0 || !rng.Chance(o_.defect_rate)) return Status::Ok();
  std::vector<DefectKind> kinds;
  for (const auto& name : DefectKindNames()) {
    const DefectKind k = *DefectKindNamed(name);
    if (DefectUnsupported(k, schema).empty()) kinds.push_back(k);
  }
  const DefectKind kind =
      kinds[static_cast<size_t>(rng.Int(0, static_cast<int64_t>(kinds.size()) - 1))];
  const Status st = WriteDefect({kind, t.dataset, ministry, year, std::nullopt}, t, schema, style);
  // A random mix passes over a table without a row the kind can use (e.g. no end dates to move).
  return st.code() == StatusCode::kInvalidInput ? Status::Ok() : st;
}

Status Generator::WriteDefect(const DefectRequest& d, const Table& t, const DatasetSchema& schema,
                              const Style& style) {
  std::string name =
      fmt::format("defects/{}-{}-{}-{}", DefectKindName(d.kind), d.dataset, d.ministry, d.year);
  const int n = ++defect_names_[name];
  if (n > 1) name += fmt::format("-{}", n);
  JBR_ASSIGN_OR_RETURN(auto file, ApplyDefect(d, t, schema, style, o_.seed, o_.out_dir, name));
  defect_files_.push_back(std::move(file));
  return Status::Ok();
}

Status Generator::WriteAnswerKey() {
  for (size_t i = 0; i < defects_.size(); ++i) {
    if (defects_done_[i]) continue;
    const DefectRequest& d = defects_[i];
    return InvalidInput(
        fmt::format("defect spec: defects[{}]: no {} delivery of {} {} was generated", i, d.dataset,
                    d.ministry, d.year));
  }
  const fs::path path = fs::path(o_.out_dir) / "defects" / "answer-key.json";
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    return IoError(fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message()));
  JBR_RETURN_IF_ERROR(WriteFileBytes(path.string(), AnswerKeyJson(defect_files_)));
  if (o_.progress)
    o_.progress(
        fmt::format("{} defective deliveries and defects/answer-key.json", defect_files_.size()));
  return Status::Ok();
}

Status Generator::Year(int y) {
  // Staff first: every other dataset is sized by it.
  for (auto& s : states_) s.staff->Simulate(y, TargetsFor(*s.profile, y));
  std::vector<MinistryYear> ctx(states_.size());
  double fte_all = 0, fte_rijk = 0;
  for (size_t i = 0; i < states_.size(); ++i) {
    auto& c = ctx[i];
    c.ministry = states_[i].profile;
    c.year = y;
    c.seed = o_.seed;
    c.scale = o_.scale;
    c.unit_fte = states_[i].staff->MeanFteByUnit(y);
    for (double v : c.unit_fte) c.fte += v;
    fte_all += c.fte;
    if (InRijk("personnel", c.ministry->code)) fte_rijk += c.fte;
  }
  for (auto& c : ctx) c.fte_share = c.fte / fte_all;

  // Absence: each ministry at its own level, the Rijk (pooled days) at the chosen rate.
  const double rate = Target("absence_rate", y);
  double days = 0, weighted = 0;
  std::vector<double> employed(states_.size());
  for (size_t i = 0; i < states_.size(); ++i) {
    employed[i] = states_[i].absence->EmployedDays(y);
    if (!InRijk("absence", states_[i].profile->code)) continue;
    days += employed[i];
    weighted += employed[i] * states_[i].profile->absence_factor;
  }
  for (size_t i = 0; i < states_.size(); ++i) {
    const double f = states_[i].profile->absence_factor;
    states_[i].absence->Generate(
        y, InRijk("absence", states_[i].profile->code) ? rate * f * days / weighted : rate * f);
  }

  // External hire: own spend per fte, then one factor on every ministry's hire level so that the
  // Rijk's share is the target. 2020 is fixed by its published amount.
  const double share = Target("hire_share", y) / 100.0;
  double own_per_fte = Target("personnel_cost_per_fte", y);
  double hire_fte = 0, hire_weighted = 0;
  for (const auto& c : ctx) {
    if (!InRijk("external_hire", c.ministry->code)) continue;
    hire_fte += c.fte;
    hire_weighted += c.fte * c.ministry->hire_factor;
  }
  if (auto amount = profiles_.TargetExact("hire_amount_eur", y)) {
    own_per_fte = *amount * o_.scale * (1 - share) / share / hire_fte;
  }
  const double kappa = share / (1 - share) * hire_fte / hire_weighted;

  // CO2: the Rijk's tonnes per group shared out by size and habits.
  std::map<std::string, double> group_weight_sum;
  auto group_weight = [](const MinistryYear& c, const std::string& g) {
    if (g == "flights") return c.fte * c.ministry->flight_factor;
    if (g == "service_cars") return c.fte * c.ministry->service_car_factor;
    return c.fte;
  };
  for (const auto& c : ctx) {
    for (const char* g : kMobilityGroups) {
      if (InRijk("mobility", c.ministry->code)) group_weight_sum[g] += group_weight(c, g);
    }
  }
  double building_fte = 0;
  for (const auto& c : ctx) building_fte += InRijk("buildings", c.ministry->code) ? c.fte : 0;

  for (size_t i = 0; i < states_.size(); ++i) {
    auto& s = states_[i];
    const auto& c = ctx[i];
    const MinistryProfile& m = *s.profile;
    const double rijk_part =
        c.fte / fte_rijk;  // of the Rijk's staff (outside ministries add on top)
    s.vacancies.Open(c,
                     static_cast<int>(std::lround(Target("vacancies", y) * o_.scale * rijk_part)));
    s.internships.Start(
        c, static_cast<int>(std::lround(Target("internships", y) * o_.scale * rijk_part)));
    std::map<std::string, double> tonnes;
    for (const char* g : kMobilityGroups) {
      tonnes[g] = Target(fmt::format("co2_{}_t", g), y) * o_.scale * group_weight(c, g) /
                  group_weight_sum[g];
    }
    const double building_tonnes = Target("co2_buildings_t", y) * o_.scale * c.fte / building_fte;

    JBR_RETURN_IF_ERROR(Write(s.staff->PersonnelTable(y), m, y));
    JBR_RETURN_IF_ERROR(Write(s.absence->AbsenceTable(y), m, y));
    JBR_RETURN_IF_ERROR(Write(s.vacancies.VacancyTable(y), m, y));
    JBR_RETURN_IF_ERROR(Write(s.internships.InternshipTable(y), m, y));
    JBR_RETURN_IF_ERROR(Write(HireTable(c, own_per_fte, m.hire_factor * kappa), m, y));
    JBR_RETURN_IF_ERROR(Write(MobilityTable(c, tonnes, factors_.at(y)), m, y));
    JBR_RETURN_IF_ERROR(Write(
        BuildingsTable(c, building_tonnes, Target("occupancy_pct", y), factors_.at(y)), m, y));
    JBR_RETURN_IF_ERROR(Write(FleetTable(c), m, y));
    JBR_RETURN_IF_ERROR(Write(ProcurementTable(c), m, y));
    JBR_RETURN_IF_ERROR(Write(IntegrityTable(c), m, y));
    JBR_RETURN_IF_ERROR(Write(InformationTable(c), m, y));
    for (const auto& t : ict_->Tables(m.code, y)) JBR_RETURN_IF_ERROR(Write(t, m, y));
  }
  if (o_.progress) o_.progress(fmt::format("{}: {} files", y, files_.size()));
  return Status::Ok();
}

// The mobility of the CO2 goal's base year: the Rijk's tonnes per group of that year
// (targets.csv) shared out as in Year(), by the ministries' fte of that year from their shares.
// Ministries delivered under one code then (`codes`: EZK and LNV as EZ) make one file together.
Status Generator::BaseYear(int y, const std::map<std::string, std::string>& codes) {
  JBR_ASSIGN_OR_RETURN(const Factors factors, LoadFactors(ref_, y));
  std::vector<MinistryYear> ctx(states_.size());
  std::map<std::string, double> weight_sum;
  auto weight = [](const MinistryYear& c, const std::string& g) {
    if (g == "flights") return c.fte * c.ministry->flight_factor;
    if (g == "service_cars") return c.fte * c.ministry->service_car_factor;
    return c.fte;
  };
  for (size_t i = 0; i < states_.size(); ++i) {
    auto& c = ctx[i];
    c.ministry = states_[i].profile;
    c.year = y;
    c.seed = o_.seed;
    c.scale = o_.scale;
    c.fte = Target("fte_rijk", y) * c.ministry->fte_share * o_.scale;
    for (const char* g : kMobilityGroups)
      weight_sum[g] += InRijk("mobility", c.ministry->code) ? weight(c, g) : 0;
  }
  std::map<std::string, std::pair<const MinistryProfile*, Table>>
      by_code;  // in code order: same bytes
  for (const auto& c : ctx) {
    std::map<std::string, double> tonnes;
    for (const char* g : kMobilityGroups) {
      tonnes[g] = Target(fmt::format("co2_{}_t", g), y) * o_.scale * weight(c, g) / weight_sum[g];
    }
    Table t = MobilityTable(c, tonnes, factors);
    const std::string& code = codes.at(c.ministry->code);
    auto it = by_code.find(code);
    if (it == by_code.end()) {
      by_code.emplace(code, std::make_pair(c.ministry, std::move(t)));
    } else {
      auto& rows = it->second.second.rows;
      rows.insert(rows.end(), t.rows.begin(), t.rows.end());
    }
  }
  for (const auto& [code, made] : by_code)
    JBR_RETURN_IF_ERROR(Write(made.second, *made.first, y, code));
  if (o_.progress) o_.progress(fmt::format("{} (the CO2 goal's base year): mobility only", y));
  return Status::Ok();
}

Result<std::vector<SynthFile>> Generator::Run() {
  for (const auto& m : profiles_.ministries()) {
    MinistryState s{&m, std::make_unique<Workforce>(m, o_.seed), nullptr, {}, {}};
    s.staff->Start(o_.first_year - 1, TargetsFor(m, o_.first_year - 1));
    s.absence = std::make_unique<AbsenceModel>(*s.staff, o_.seed);
    states_.push_back(std::move(s));
  }
  IctTargets t;
  t.active = Target("ict_active", o_.last_year);
  t.cost_current = Target("ict_cost_current_eur", o_.last_year) * o_.scale;
  t.cost_change_pct = Target("ict_cost_change_pct", o_.last_year);
  ict_ =
      std::make_unique<IctPortfolio>(profiles_, o_.first_year, o_.last_year, t, o_.scale, o_.seed);
  if (base_year_ != 0) JBR_RETURN_IF_ERROR(BaseYear(base_year_, base_codes_));
  for (int y = o_.first_year; y <= o_.last_year; ++y) JBR_RETURN_IF_ERROR(Year(y));

  std::string manifest = "file,dataset,ministry,year,sha256,rows\n";
  for (const auto& f : files_) {
    manifest +=
        fmt::format("{},{},{},{},{},{}\n", f.file, f.dataset, f.ministry, f.year, f.sha256, f.rows);
  }
  JBR_RETURN_IF_ERROR(WriteFileBytes((fs::path(o_.out_dir) / "manifest.csv").string(), manifest));
  if (!o_.defects_file.empty() || o_.defect_rate > 0) JBR_RETURN_IF_ERROR(WriteAnswerKey());
  return files_;
}

}  // namespace

Result<std::vector<SynthFile>> Synthesise(const SynthOptions& o) {
  if (o.first_year > o.last_year) return UsageError("--years: the first year is after the last");
  if (!(o.scale > 0 && o.scale <= 100))
    return UsageError("--scale must be above 0 and at most 100");
  if (o.out_dir.empty()) return UsageError("--out is required");
  if (!o.style.empty() && StyleNamed(o.style, false).name != o.style) {
    return UsageError("--style: one of utf8-comma, utf8bom-semicolon, cp1252-semicolon, xlsx");
  }
  if (!(o.defect_rate >= 0 && o.defect_rate <= 1))
    return UsageError("--defect-rate must be between 0 and 1");
  const std::string data = o.data_dir.empty() ? DefaultDataDir() : o.data_dir;
  JBR_ASSIGN_OR_RETURN(auto profiles, Profiles::Load(data));
  JBR_ASSIGN_OR_RETURN(auto schemas,
                       SchemaRegistry::LoadDirectory((fs::path(data) / "schemas").string()));
  JBR_ASSIGN_OR_RETURN(auto ministries,
                       MinistryRegistry::Load((fs::path(data) / "ministries.csv").string()));
  JBR_ASSIGN_OR_RETURN(auto ref, ReferenceData::Load((fs::path(data) / "reference").string()));
  std::map<int, Factors> factors;
  for (int y = o.first_year; y <= o.last_year; ++y) {
    JBR_ASSIGN_OR_RETURN(factors[y], LoadFactors(ref, y));
  }
  // The synthetic Rijk has one cabinet's ministries: every year asked for must have exactly them.
  for (int y = o.first_year; y <= o.last_year; ++y) {
    const auto existing = ministries.InYear(y);
    bool same = existing.size() == profiles.ministries().size();
    for (const auto& m : profiles.ministries())
      same = same && ministries.Find(m.code, y) != nullptr;
    if (!same || !profiles.TargetExact("fte_rijk", y)) {
      return UsageError(
          fmt::format("--years: {} is outside what the synthetic Rijk covers (the ministries of "
                      "data/synth/ministries.csv "
                      "and the targets of data/synth/targets.csv: 2018-2023)",
                      y));
    }
  }
  // The spec is checked before anything is written: a typo costs no generation run.
  std::vector<DefectRequest> defects;
  if (!o.defects_file.empty()) {
    DefectScope scope{&schemas, {}, o.first_year, o.last_year};
    for (const auto& m : profiles.ministries()) scope.ministries.push_back(m.code);
    JBR_ASSIGN_OR_RETURN(defects, ReadDefectSpec(o.defects_file, scope));
  }
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  if (ec) return IoError(fmt::format("cannot create {}: {}", o.out_dir, ec.message()));
  // The base year of the CO2 goal, with the code each ministry delivered under then.
  int base_year = 0;
  std::map<std::string, std::string> base_codes;
  if (auto base = ref.Norm("co2.mobility.base_year"); o.base_year && base && *base < o.first_year) {
    base_year = static_cast<int>(*base);
    if (!profiles.TargetExact("fte_rijk", base_year)) {
      return UsageError(fmt::format(
          "the CO2 goal's base year {} has no fte_rijk in data/synth/targets.csv", base_year));
    }
    for (const auto& m : profiles.ministries()) {
      const std::string& code = ministries.Find(m.code, base_year) ? m.code : m.predecessor;
      if (code.empty() || ministries.Find(code, base_year) == nullptr) {
        return UsageError(fmt::format(
            "ministry {} did not exist in {}, the CO2 goal's base year, and has no predecessor "
            "then in data/synth/ministries.csv",
            m.code, base_year));
      }
      base_codes[m.code] = code;
    }
  }
  Generator g(o, std::move(profiles), std::move(schemas), std::move(ref), factors,
              std::move(defects));
  g.base_year_ = base_year;
  g.base_codes_ = std::move(base_codes);
  return g.Run();
}

Result<std::vector<SynthFile>> ReadManifest(const std::string& dir) {
  CollectingSink sink;
  JBR_ASSIGN_OR_RETURN(auto src, OpenCsv((fs::path(dir) / "manifest.csv").string(), "manifest.csv",
                                         CsvOptions{}, &sink));
  std::vector<SynthFile> out;
  RawRow row;
  while (true) {
    JBR_ASSIGN_OR_RETURN(bool more, src->Next(&row));
    if (!more) break;
    if (row.IsBlank()) continue;
    auto year = row.cells.size() >= 4 ? ParseInt(row.cells[3]) : std::nullopt;
    if (!year)
      return InvalidInput(
          fmt::format("manifest.csv:{}: expected file,dataset,ministry,year", row.row_number));
    SynthFile f;
    f.file = row.cells[0];
    f.dataset = row.cells[1];
    f.ministry = row.cells[2];
    f.year = static_cast<int>(*year);
    if (row.cells.size() >= 5) f.sha256 = row.cells[4];
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace jbr::synth
