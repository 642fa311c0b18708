// Engine-level tests: real deliveries loaded into a temporary workspace's SQLite store with
// LoadDelivery (or the apparatus-spend importer), then ComputeYear. Every expected value is worked
// out here by hand (see the comments) or by an independent parse of the published file.
#include "indicators/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "common/testing/temp_dir.h"
#include "importers/apparaatskosten.h"
#include "indicators/core/reference.h"
#include "store/load.h"
#include "store/workspace.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

// Splits CSV text into rows: ',' separated, '"' quoted with "" as a quote, rows ended by \n (a \r
// dropped), the last row with or without a newline. Written for these tests, not jbr's reader.
std::vector<std::vector<std::string>> SplitCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, pending = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"')
        field += c;
      else if (i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else
        quoted = false;
    } else if (c == '"') {
      quoted = pending = true;
    } else if (c == ',') {
      row.push_back(field), field.clear(), pending = true;
    } else if (c == '\n') {
      row.push_back(field), field.clear(), rows.push_back(row), row.clear(), pending = false;
    } else if (c != '\r') {
      field += c, pending = true;
    }
  }
  if (pending) row.push_back(field), rows.push_back(row);
  return rows;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void ExpectRel(std::optional<double> actual, double expected, const std::string& what) {
  ASSERT_TRUE(actual.has_value()) << what;
  EXPECT_LE(std::fabs(*actual - expected), 1e-9 * std::max(1.0, std::fabs(expected)))
      << what << ": " << *actual << " vs " << expected;
}

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-engine-"));
    dir_ = tmp_->path();
    auto ws = Workspace::Create((dir_ / "ws").string());
    ASSERT_TRUE(ws.ok()) << ws.status().ToString();
    ws_ = std::move(ws).value();
    auto ref = ReferenceData::Load(std::string(JBR_SOURCE_DIR) + "/data/reference");
    ASSERT_TRUE(ref.ok()) << ref.status().ToString();
    ref_ = std::move(ref).value();
  }
  void TearDown() override {
    ws_.reset();
    tmp_.reset();
  }

  DeliveryRecord Deliver(const std::string& dataset, const std::string& ministry, int year,
                         const std::string& text) {
    const std::string name = dataset + "-" + ministry + "-" + std::to_string(year) + "-" +
                             std::to_string(++files_) + ".csv";
    std::ofstream((dir_ / name).string(), std::ios::binary) << text;
    LoadRequest req;
    req.dataset = dataset;
    req.ministry = ministry;
    req.year = year;
    req.delivered_by = "engine-test";
    req.path = (dir_ / name).string();
    req.display_name = name;
    req.received_at = "2021-02-01T10:00:00Z";
    CollectingSink sink;
    auto r = LoadDelivery(ws_->store(), ws_->schemas(), *ws_->schemas().Find(dataset), req, &sink);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) return {};
    std::string why;
    for (const auto& f : sink.findings()) why += f.code + ": " + f.message + "\n";
    EXPECT_EQ(r->outcome, LoadOutcome::kAccepted) << why;
    return r->delivery;
  }

  ComputeResult Compute(int year, const std::string& pattern) {
    ComputeEnv env{ws_->store(), &ws_->schemas(), &ws_->ministries(), &ref_};
    ComputeOptions o;
    o.year = year;
    o.indicator_pattern = pattern;
    auto r = ComputeYear(env, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value() : ComputeResult{};
  }

  fs::path dir_;
  std::optional<TempDir> tmp_;
  std::unique_ptr<Workspace> ws_;
  ReferenceData ref_;
  int files_ = 0;
};

// Rows of `indicator` for `ministry` (any unit type, period, category).
std::vector<const IndicatorValue*> Rows(const ComputeResult& r, const std::string& indicator,
                                        const std::string& ministry) {
  std::vector<const IndicatorValue*> out;
  for (const auto& v : r.values) {
    if (v.indicator == indicator && v.ministry == ministry) out.push_back(&v);
  }
  return out;
}

// The single all-units, no-category row of `indicator` for `ministry`.
const IndicatorValue& One(const ComputeResult& r, const std::string& indicator,
                          const std::string& ministry) {
  static const IndicatorValue kNone;
  const IndicatorValue* found = nullptr;
  int n = 0;
  for (const auto* v : Rows(r, indicator, ministry)) {
    if (v->unit_type.empty() && v->category.empty()) found = v, ++n;
  }
  EXPECT_EQ(n, 1) << indicator << " " << ministry;
  return found ? *found : kNone;
}

// An external_hire file: own personnel spend and one amount per named hire category, in euros.
std::string HireCsv(int64_t own, const std::vector<std::pair<std::string, int64_t>>& hire) {
  std::string s =
      "organisation_unit,category,amount_eur\nkern,own_personnel," + std::to_string(own) + "\n";
  for (const auto& [category, eur] : hire)
    s += "kern," + category + "," + std::to_string(eur) + "\n";
  return s;
}

// The schema's categories in the budget rules' order 1-8 (domain.md section 5, hire.amount).
const char* const kHireCategories[] = {
    "interim_management", "organisation_advice", "policy_advice",  "communication_advice",
    "legal_advice",       "it_advice",           "finance_advice", "temporary_staff"};

// 1. SZW 2020, the published figure: hire 13.0 of (295.5 + 13.0) million = 4.2%.
TEST_F(EngineTest, SzwExternalHire2020ReproducesThePublishedShare) {
  auto rows = SplitCsv(
      ReadAll(std::string(JBR_SHARED_DIR) + "/reference/inhuur-externen-2020-szw-lnv.csv"));
  ASSERT_FALSE(rows.empty());
  ASSERT_EQ(rows[0], (std::vector<std::string>{"ministerie", "begrotingshoofdstuk", "jaar",
                                               "categorie_nr", "categorie", "bedrag_x1000_eur"}));
  std::string csv = "organisation_unit,category,amount_eur\nSZW,own_personnel,295500000\n";
  int64_t hire_thousands = 0;
  std::set<int> seen;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].size() != 6 || rows[i][0] != "SZW") continue;
    const int nr = std::stoi(rows[i][3]);
    ASSERT_TRUE(nr >= 1 && nr <= 8) << nr;
    seen.insert(nr);
    hire_thousands += std::stoll(rows[i][5]);
    csv += std::string("SZW,") + kHireCategories[nr - 1] + "," +
           std::to_string(std::stoll(rows[i][5]) * 1000) + "\n";
  }
  EXPECT_EQ(seen.size(), 8u);
  // By hand: 381 + 492 + 846 + 1375 + 354 + 4577 + 1869 + 3121 = 13,015 thousand (the "13.0").
  EXPECT_EQ(hire_thousands, 13015);
  const DeliveryRecord d = Deliver("external_hire", "SZW", 2020, csv);

  const ComputeResult r = Compute(2020, "hire.share");
  const IndicatorValue& v = One(r, "hire.share", "SZW");
  EXPECT_EQ(v.status, "published");
  ExpectRel(v.numerator, 13015000.0, "numerator");
  ExpectRel(v.denominator, 295500000.0 + 13015000.0, "denominator");
  // 100 x 13.015 / 308.515 = 4.2186...% -> 4.2 at one decimal, as published.
  ExpectRel(v.value, 100.0 * 13015000.0 / 308515000.0, "value");
  ASSERT_TRUE(v.value);
  EXPECT_NEAR(std::round(*v.value * 10) / 10, 4.2, 1e-12);
  EXPECT_EQ(v.flag, "");  // below the 10% norm
  EXPECT_EQ(v.deliveries, std::vector<int64_t>{d.id});
}

// ---- 2. The apparatus-spend import through hire.share, against an independent parse. ----------

// Cost types the way they are compared here: no-break space as space, the dashes U+2010-U+2015
// and U+2212 as '-', blanks collapsed and trimmed, ASCII letters lower-cased.
std::string Normalise(std::string s) {
  auto replace = [&](const std::string& from, const std::string& to) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
      s.replace(p, from.size(), to);
  };
  replace("\xC2\xA0", " ");
  for (char b = '\x90'; b != '\x96'; ++b) replace(std::string("\xE2\x80") + b, "-");
  replace("\xE2\x88\x92", "-");
  std::string out;
  for (unsigned char c : s) {
    if (std::isspace(c) && c < 128) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += (c < 128) ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "16. interim-management" -> {16, "interim-management"}; {0, s} without a leading number.
std::pair<int, std::string> SplitNumber(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && i < 3 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0 || i >= s.size() || s[i] != '.' || (i + 1 < s.size() && s[i + 1] != ' '))
    return {0, s};
  return {std::stoi(s.substr(0, i)), s.substr(std::min(i + 2, s.size()))};
}

// "16636,16" (EUR thousands, decimal comma) -> 16,636,160 euros, exactly; "" -> 0.
int64_t ThousandsToEuros(const std::string& text) {
  if (text.empty()) return 0;
  const bool neg = text[0] == '-';
  const std::string t = neg ? text.substr(1) : text;
  const size_t comma = t.find(',');
  std::string whole = t.substr(0, comma),
              frac = comma == std::string::npos ? "" : t.substr(comma + 1);
  EXPECT_TRUE(frac.size() <= 2 && !whole.empty()) << text;
  while (frac.size() < 3) frac += '0';
  const int64_t eur = std::stoll(whole) * 1000 + std::stoll(frac);
  return neg ? -eur : eur;
}

TEST_F(EngineTest, ApparaatskostenImportGivesIndependentlyComputedHireShares) {
  const std::string path =
      std::string(JBR_SHARED_DIR) + "/research-data/openstate-minfin/apparaatskosten.csv";
  auto rows = SplitCsv(ReadAll(path));
  ASSERT_GT(rows.size(), 2000u);
  ASSERT_EQ(rows[0][5], "Kostensoort");
  ASSERT_EQ(rows[0][6], "Realisatie (*Eu 1000)");
  // Pass 1: names that occur with a model number somewhere in the file.
  std::map<std::string, int> numbered;
  for (size_t i = 1; i < rows.size(); ++i) {
    auto [nr, name] = SplitNumber(Normalise(rows[i][5]));
    if (nr > 0) numbered[name] = nr;
  }
  // Spellings never numbered in the file, read there and placed by hand:
  const std::map<std::string, int> aliases = {
      // "06. Sociale lasten en" is cut short in the numbered form.
      {"sociale lasten en bijdrage zorgverzekeringswet", 6},
      {"salaris, vakantie- en eindejaarsuitkering eigen personeel", 1},
      // Personnel spend between 07 (pensions) and 09 (moving): the model's 08, absent numbered.
      {"noodzakelijke contributies van personeel (bijv. contributies nivra, vakverenigingen, "
       "nieuwspoort)",
       8},
      {"advisering en eventueel explorerend onderzoek", 18},  // 18 cut short
      {"beleidsadvies", 18},                                  // 18's later name (policy advice)
      {"overige externe inhuur", 23},                         // "other external hire": hire
      {"inhuur deskundigen", 23},                             // "hiring experts": hire
  };
  const std::map<std::string, std::string> chapters = {
      {"III", "AZ"},  {"IIIA", "AZ"},  {"IIIB", "AZ"}, {"IIIC", "AZ"},  {"IV", "BZK"},
      {"VII", "BZK"}, {"V", "BZ"},     {"VI", "VenJ"}, {"VIII", "OCW"}, {"IXB", "FIN"},
      {"X", "DEF"},   {"XII", "IenM"}, {"XIII", "EZ"}, {"XV", "SZW"},   {"XVI", "VWS"}};
  std::map<std::pair<int, std::string>, std::pair<int64_t, int64_t>>
      expect;  // (year, ministry) -> own, hire
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    ASSERT_EQ(row.size(), 7u) << "row " << i;
    auto [nr, name] = SplitNumber(Normalise(row[5]));
    if (nr == 0 && numbered.count(name)) nr = numbered.at(name);
    if (nr == 0 && aliases.count(name)) nr = aliases.at(name);
    ASSERT_TRUE(chapters.count(row[1])) << row[1];
    auto& [own, hire] = expect[{std::stoi(row[0]), chapters.at(row[1])}];
    if (nr >= 1 && nr <= 15) own += ThousandsToEuros(row[6]);
    if (nr >= 16 && nr <= 23) hire += ThousandsToEuros(row[6]);
  }
  // Whether DEF counts in the Rijk for external_hire: decided by data/reference/rijk_scope.csv.
  std::set<std::string> excluded;
  for (const auto& row :
       SplitCsv(ReadAll(std::string(JBR_SOURCE_DIR) + "/data/reference/rijk_scope.csv"))) {
    if (row.size() < 2 || row[0] != "external_hire") continue;
    std::stringstream codes(row[1]);
    for (std::string c; std::getline(codes, c, ';');) excluded.insert(c);
  }
  EXPECT_FALSE(excluded.count("DEF"));

  CollectingSink sink;
  ApparaatskostenOptions options;
  const FixedClock clock("2021-02-01T10:00:00Z");
  options.clock = &clock;
  auto imported = ImportApparaatskosten(ws_.get(), path, options, &sink);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  ASSERT_EQ(sink.errors(), 0) << (sink.findings().empty() ? "" : sink.findings()[0].message);
  EXPECT_EQ(imported->deliveries.size(), expect.size());

  for (int year : {2014, 2015}) {
    const ComputeResult r = Compute(year, "hire.share");
    double num = 0, den = 0, parts_num = 0, parts_den = 0;
    int ministries = 0;
    for (const auto& [key, amounts] : expect) {
      if (key.first != year) continue;
      ++ministries;
      const auto& [own, hire] = amounts;
      const std::string what = std::to_string(year) + " " + key.second;
      const IndicatorValue& v = One(r, "hire.share", key.second);
      EXPECT_EQ(v.status, "published") << what;
      ExpectRel(v.value, 100.0 * hire / (own + hire), what + " value");
      ExpectRel(v.numerator, hire, what + " numerator");
      ExpectRel(v.denominator, own + hire, what + " denominator");
      EXPECT_EQ(v.in_rijk, !excluded.count(key.second)) << what;
      if (!excluded.count(key.second)) {
        num += hire, den += own + hire;
        parts_num += v.numerator.value_or(NAN), parts_den += v.denominator.value_or(NAN);
      }
    }
    EXPECT_EQ(ministries, 11) << year;  // every 2014/2015 ministry is in the file
    const IndicatorValue& rijk = One(r, "hire.share", kRijk);
    EXPECT_EQ(rijk.status, "published");
    ExpectRel(rijk.numerator, num, "Rijk numerator (file)");
    ExpectRel(rijk.denominator, den, "Rijk denominator (file)");
    ExpectRel(rijk.numerator, parts_num, "Rijk numerator (sum of parts)");
    ExpectRel(rijk.denominator, parts_den, "Rijk denominator (sum of parts)");
    ExpectRel(rijk.value, 100.0 * num / den, "Rijk value");
    EXPECT_EQ(rijk.flag.find("incomplete"), std::string::npos) << rijk.flag;
  }
}

// 3. A ministry without a delivery: one "missing" row per indicator; the Rijk is incomplete.
TEST_F(EngineTest, MinistryWithoutDeliveryIsMissingAndRijkIncomplete) {
  Deliver("external_hire", "BZK", 2020,
          HireCsv(900000, {{"it_advice", 60000}, {"temporary_staff", 40000}}));
  const ComputeResult r = Compute(2020, "hire.*");
  ASSERT_FALSE(r.definitions.empty());
  for (const auto& def : r.definitions) {
    const auto fin = Rows(r, def.id, "FIN");
    ASSERT_EQ(fin.size(), 1u) << def.id;
    EXPECT_EQ(fin[0]->status, "missing") << def.id;
    EXPECT_FALSE(fin[0]->value || fin[0]->numerator || fin[0]->denominator) << def.id;
    EXPECT_EQ(fin[0]->period, "2020");
  }
  // BZK: 100,000 / 1,000,000 = 10%; the Rijk is BZK alone, flagged incomplete.
  ExpectRel(One(r, "hire.share", "BZK").value, 10.0, "BZK");
  const IndicatorValue& rijk = One(r, "hire.share", kRijk);
  ExpectRel(rijk.value, 10.0, "Rijk");
  EXPECT_NE(rijk.flag.find("incomplete"), std::string::npos) << rijk.flag;
}

// A run of every indicator lists the definitions as AllDefinitions does, in the same order: the
// run's definition version is a hash over them in order, and publish compares the two.
TEST_F(EngineTest, ARunOfEveryIndicatorHasTheDefinitionsOfAllDefinitions) {
  Deliver("external_hire", "BZK", 2020,
          HireCsv(900000, {{"it_advice", 60000}, {"temporary_staff", 40000}}));
  const ComputeResult r = Compute(2020, "*");
  const std::vector<IndicatorDef> all = AllDefinitions(ref_);
  ASSERT_EQ(r.definitions.size(), all.size());
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(r.definitions[i].id, all[i].id) << i;
  EXPECT_EQ(DefinitionVersion(r.definitions), DefinitionVersion(all));
}

// 4. Last year's value and the change.
TEST_F(EngineTest, PreviousYearAndChange) {
  // 2019: 200,000 / (800,000 + 200,000) = 20%; 2020: 150,000 / (850,000 + 150,000) = 15%.
  Deliver("external_hire", "BZK", 2019, HireCsv(800000, {{"interim_management", 200000}}));
  Deliver("external_hire", "BZK", 2020, HireCsv(850000, {{"interim_management", 150000}}));
  const ComputeResult r2019 = Compute(2019, "hire.share");
  const ComputeResult r2020 = Compute(2020, "hire.share");
  const IndicatorValue& before = One(r2019, "hire.share", "BZK");
  const IndicatorValue& now = One(r2020, "hire.share", "BZK");
  ExpectRel(before.value, 20.0, "2019");
  ExpectRel(now.value, 15.0, "2020");
  ASSERT_TRUE(before.value);
  ExpectRel(now.previous, *before.value, "previous");
  ExpectRel(now.change, 15.0 - 20.0, "change");  // -5 points
  EXPECT_FALSE(before.previous) << "no 2018 delivery";
}

// 5. The 10% norm: above it is flagged; exactly 10% is not.
TEST_F(EngineTest, HireShareAboveNormIsFlagged) {
  Deliver("external_hire", "BZK", 2020, HireCsv(880000, {{"policy_advice", 120000}}));  // 12%
  Deliver("external_hire", "SZW", 2020, HireCsv(900000, {{"policy_advice", 100000}}));  // 10%
  Deliver("external_hire", "AZ", 2020, HireCsv(910000, {{"policy_advice", 90000}}));    // 9%
  const ComputeResult r = Compute(2020, "hire.share");
  EXPECT_EQ(One(r, "hire.share", "BZK").flag, "above_norm");
  EXPECT_EQ(One(r, "hire.share", "SZW").flag, "");
  EXPECT_EQ(One(r, "hire.share", "AZ").flag, "");
  // Rijk: 310,000 / 3,000,000 = 10.33%: above the norm, and incomplete.
  const IndicatorValue& rijk = One(r, "hire.share", kRijk);
  ExpectRel(rijk.value, 100.0 * 310000 / 3000000, "Rijk");
  EXPECT_NE(rijk.flag.find("above_norm"), std::string::npos) << rijk.flag;
  EXPECT_NE(rijk.flag.find("incomplete"), std::string::npos) << rijk.flag;
}

// 6. Traceability, and a newer delivery replacing the superseded one.
TEST_F(EngineTest, ValuesTraceToTheCurrentDeliveryOnly) {
  const DeliveryRecord a =
      Deliver("external_hire", "BZK", 2020, HireCsv(900000, {{"legal_advice", 100000}}));
  ComputeResult r = Compute(2020, "hire.share");
  EXPECT_EQ(One(r, "hire.share", "BZK").deliveries, std::vector<int64_t>{a.id});
  ExpectRel(One(r, "hire.share", "BZK").value, 10.0, "first");

  const DeliveryRecord b =
      Deliver("external_hire", "BZK", 2020, HireCsv(800000, {{"legal_advice", 200000}}));
  EXPECT_EQ(b.supersedes, a.id);
  r = Compute(2020, "hire.share");
  const IndicatorValue& v = One(r, "hire.share", "BZK");
  EXPECT_EQ(v.deliveries, std::vector<int64_t>{b.id});
  ExpectRel(v.value, 20.0, "second");  // 200,000 / 1,000,000, nothing of the first file
  EXPECT_EQ(One(r, "hire.share", kRijk).deliveries, std::vector<int64_t>{b.id});
  for (const auto& d : r.deliveries_used) EXPECT_NE(d.id, a.id);
  ASSERT_EQ(r.deliveries_used.size(), 1u);
  EXPECT_EQ(r.deliveries_used[0].id, b.id);
}

// `n` persons employed on 31 Dec 2020 (ids from `first`), plus `gone` whose employment ended
// mid-year.
std::string PersonnelCsv(int n, int gone = 0, int first = 1) {
  std::string s =
      "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,"
      "birth_year,gender,salary_scale,contract,jobs_agreement\n";
  for (int i = first; i < first + n + gone; ++i) {
    const bool ended = i >= first + n;
    s += "P" + std::to_string(i) + ",E" + std::to_string(i) + ",DG A,core,2015-01-01," +
         (ended ? "2020-06-30" : "") + ",36,1980," + (i % 2 ? "V" : "M") + ",11,vast,nee\n";
  }
  return s;
}

// 7. The Rijk's scope: personnel-type data leaves DEF out; external_hire does not.
TEST_F(EngineTest, RijkScopeLeavesDefOutOfPersonnelOnly) {
  const DeliveryRecord bzk =
      Deliver("personnel", "BZK", 2020, PersonnelCsv(12, 2));  // 12 on 31 Dec
  Deliver("personnel", "DEF", 2020, PersonnelCsv(15));         // 15 on 31 Dec
  ComputeResult r = Compute(2020, "personnel.headcount");
  ExpectRel(One(r, "personnel.headcount", "BZK").value, 12, "BZK");
  ExpectRel(One(r, "personnel.headcount", "DEF").value, 15, "DEF");
  EXPECT_FALSE(One(r, "personnel.headcount", "DEF").in_rijk);
  EXPECT_TRUE(One(r, "personnel.headcount", "BZK").in_rijk);
  const IndicatorValue& rijk = One(r, "personnel.headcount", kRijk);
  EXPECT_EQ(rijk.status, "published");
  ExpectRel(rijk.value, 12, "Rijk headcount = BZK only");
  EXPECT_EQ(rijk.deliveries, std::vector<int64_t>{bzk.id});

  // external_hire is not in rijk_scope.csv: DEF counts. (1,000,000 + 100,000) / (10,000,000 +
  // 2,000,000) = 9.1667%; without DEF it would be 100,000 / 2,000,000 = 5%.
  Deliver("external_hire", "DEF", 2020, HireCsv(9000000, {{"it_advice", 1000000}}));
  Deliver("external_hire", "BZK", 2020, HireCsv(1900000, {{"it_advice", 100000}}));
  r = Compute(2020, "hire.share");
  const IndicatorValue& hire = One(r, "hire.share", kRijk);
  ExpectRel(hire.numerator, 1100000, "Rijk hire numerator");
  ExpectRel(hire.denominator, 12000000, "Rijk hire denominator");
  ExpectRel(hire.value, 100.0 * 1100000 / 12000000, "Rijk hire share");
  EXPECT_TRUE(One(r, "hire.share", "DEF").in_rijk);
}

TEST(EngineMatchesPattern, PrefixesAndExactIds) {
  EXPECT_TRUE(MatchesPattern("hire.share", ""));
  EXPECT_TRUE(MatchesPattern("hire.share", "*"));
  EXPECT_TRUE(MatchesPattern("hire.share", "hire.*"));
  EXPECT_TRUE(MatchesPattern("hire.share", "hire.share"));
  EXPECT_FALSE(MatchesPattern("hire.share_x", "hire.share"));
  EXPECT_FALSE(MatchesPattern("personnel.headcount", "hire.*"));
  EXPECT_FALSE(MatchesPattern("hire", "hire.*"));
}

}  // namespace
}  // namespace jbr
