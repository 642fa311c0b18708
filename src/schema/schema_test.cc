#include "schema/schema.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "schema/ministries.h"

namespace jbr {
namespace {

std::string DataDirForTests() { return std::string(JBR_SOURCE_DIR) + "/data"; }

TEST(SchemaRegistry, ShipsEveryDatasetOfTheDomain) {
  auto reg = SchemaRegistry::LoadDirectory(DataDirForTests() + "/schemas");
  ASSERT_TRUE(reg.ok()) << reg.status().ToString();
  // domain.md section 4 and ict-projects.md.
  for (const char* name :
       {"personnel", "absence", "vacancies", "internships", "external_hire", "mobility",
        "buildings", "procurement", "integrity", "information", "ict_activities", "ict_records"}) {
    EXPECT_NE(reg->Find(name), nullptr) << name;
  }
  EXPECT_EQ(reg->Find("Personeel"), reg->Find("personnel"));  // Dutch alias, any case
  EXPECT_EQ(reg->Find("staff"), nullptr);
}

TEST(SchemaRegistry, PersonnelMatchesTheDomainDefinition) {
  auto reg = SchemaRegistry::LoadDirectory(DataDirForTests() + "/schemas");
  ASSERT_TRUE(reg.ok());
  const DatasetSchema* p = reg->Find("personnel");
  const FieldSchema& hours = p->fields[p->FieldIndex("weekly_hours")];
  EXPECT_EQ(hours.type, FieldType::kNumber);
  EXPECT_EQ(*hours.minimum, 0);
  EXPECT_EQ(*hours.maximum, 40);
  const FieldSchema& gender = p->fields[p->FieldIndex("gender")];
  EXPECT_EQ(gender.CanonicalEnum("V"), "female");
  EXPECT_EQ(gender.CanonicalEnum("m"), "male");
  EXPECT_EQ(gender.CanonicalEnum("X"), "other");
  EXPECT_EQ(gender.CanonicalEnum("O"), "unknown");
  EXPECT_EQ(gender.CanonicalEnum("Female"), "female");
  EXPECT_FALSE(gender.CanonicalEnum("f").has_value());
  EXPECT_TRUE(p->fields[p->FieldIndex("employment_id")].unique);
  EXPECT_FALSE(p->fields[p->FieldIndex("end_date")].required);
}

TEST(SchemaParse, RefusesUnknownTypesRulesAndFieldNames) {
  auto bad_type =
      ParseDatasetSchema(R"({"name":"x","fields":[{"name":"a","type":"money"}]})", "x.json");
  ASSERT_FALSE(bad_type.ok());
  EXPECT_EQ(bad_type.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(bad_type.status().message().find("unknown field type 'money'"), std::string::npos);
  auto bad_rule = ParseDatasetSchema(
      R"({"name":"x","fields":[{"name":"a","type":"date"}],"rules":[{"rule":"not-before","field":"a","reference":"b"}]})",
      "x.json");
  ASSERT_FALSE(bad_rule.ok());
  EXPECT_EQ(bad_rule.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(bad_rule.status().message().find("names unknown field 'b'"), std::string::npos);
  auto bad_alias = ParseDatasetSchema(
      R"({"name":"x","fields":[{"name":"a","constraints":{"enum":["p"]},"enumAliases":{"q":"r"}}]})",
      "x.json");
  ASSERT_FALSE(bad_alias.ok());
  EXPECT_EQ(bad_alias.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(
      bad_alias.status().message().find("field a: enum alias 'q' maps to 'r', not in the enum"),
      std::string::npos)
      << bad_alias.status().message();
  auto not_json = ParseDatasetSchema("{not json", "x.json");
  ASSERT_FALSE(not_json.ok());
  EXPECT_EQ(not_json.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(not_json.status().message().find("schema x.json: "), std::string::npos)
      << not_json.status().message();
}

TEST(SchemaParse, AddingAColumnIsAnEditToData) {
  auto s = ParseDatasetSchema(
      R"({"name":"x","fields":[{"name":"a","aliases":["aa"],"type":"int","constraints":{"required":true,"minimum":1}},
          {"name":"new_column","type":"bool"}]})",
      "x.json");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->fields.size(), 2u);
  EXPECT_EQ(s->fields[1].type, FieldType::kBoolean);
  EXPECT_TRUE(s->fields[0].required);
}

TEST(NormaliseHeader, IgnoresCaseBlanksAndDashes) {
  EXPECT_EQ(NormaliseHeader("  Start Date "), "start_date");
  EXPECT_EQ(NormaliseHeader("SOORT_ICT-ACTIVITEIT"), "soort_ict_activiteit");
}

TEST(MinistryRegistry, ValidityYearsFollowCabinets) {
  auto reg = MinistryRegistry::Load(DataDirForTests() + "/ministries.csv");
  ASSERT_TRUE(reg.ok()) << reg.status().ToString();
  EXPECT_NE(reg->Find("BZK", 2020), nullptr);
  EXPECT_NE(reg->Find("bzk", 2020), nullptr);
  EXPECT_EQ(reg->Find("VenJ", 2020), nullptr);  // renamed JenV in 2017
  EXPECT_NE(reg->Find("VenJ", 2015), nullptr);
  EXPECT_NE(reg->Find("EZK", 2020), nullptr);
  EXPECT_EQ(reg->Find("EZK", 2025), nullptr);  // split into EZ and KGG in 2024
  EXPECT_EQ(reg->Find("LNV", 2020)->name_nl, "Landbouw, Natuur en Voedselkwaliteit");
  EXPECT_EQ(reg->InYear(2020).size(), 12u);  // the twelve ministries of the 2020 cabinet
}

}  // namespace
}  // namespace jbr
