#include "publish/core/messages.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include "common/testing/temp_dir.h"

namespace jbr::publish {
namespace {

using ::testing::HasSubstr;

const std::string kTemplates = std::string(JBR_SOURCE_DIR) + "/templates";

nlohmann::json ReadJson(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::set<std::string> Keys(const nlohmann::json& j) {
  std::set<std::string> out;
  for (const auto& [k, v] : j.items()) out.insert(k);
  return out;
}

// Both languages of jbr's own catalogue have every key the code names, and no other.
TEST(Messages, BothLanguagesHaveEveryKey) {
  const auto nl = ReadJson(kTemplates + "/messages/nl.json");
  const auto en = ReadJson(kTemplates + "/messages/en.json");
  std::set<std::string> code;
  for (size_t i = 0; i < static_cast<size_t>(Msg::kCount); ++i) {
    code.insert(std::string(MessageKey(static_cast<Msg>(i))));
  }
  EXPECT_EQ(Keys(nl), code);
  EXPECT_EQ(Keys(en), code);
  for (const auto& [k, v] : nl.items()) {
    EXPECT_TRUE(v.is_string() && !v.get<std::string>().empty()) << "nl " << k;
  }
  for (const auto& [k, v] : en.items()) {
    EXPECT_TRUE(v.is_string() && !v.get<std::string>().empty()) << "en " << k;
  }
  ASSERT_TRUE(Messages::Load({kTemplates}).ok());
}

// The texts as the report has always shown them (from the pages before the catalogue existed).
TEST(Messages, TextsOfEachLanguage) {
  EXPECT_EQ(Tr(Msg::kDeliveriesUsed, Lang::kNl), "Gebruikte leveringen");
  EXPECT_EQ(Tr(Msg::kDeliveriesUsed, Lang::kEn), "Deliveries used");
  EXPECT_EQ(Tr(Msg::kChapters, Lang::kNl), "Hoofdstukken");
  EXPECT_EQ(Tr(Msg::kContents, Lang::kEn), "Contents");
}

class MessagesOverride : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-messages-test-"));
    dir_ = tmp_->path();
    std::filesystem::create_directories(dir_ / "messages");
  }
  void TearDown() override { tmp_.reset(); }
  // Writes the workspace's nl.json: jbr's own with `edit` applied.
  template <typename F>
  void WriteNl(F edit) {
    auto j = ReadJson(kTemplates + "/messages/nl.json");
    edit(j);
    std::ofstream(dir_ / "messages" / "nl.json") << j.dump(2);
  }
  std::optional<TempDir> tmp_;
  std::filesystem::path dir_;
};

TEST_F(MessagesOverride, WorkspaceCatalogueComesFirstAndIsUsedInScope) {
  WriteNl([](nlohmann::json& j) { j["deliveries_used"] = "Leveringen in dit rapport"; });
  auto m = Messages::Load({dir_.string(), kTemplates});
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->Get(Msg::kDeliveriesUsed, Lang::kNl), "Leveringen in dit rapport");
  // en.json comes from jbr's templates, the next directory.
  EXPECT_EQ(m->Get(Msg::kDeliveriesUsed, Lang::kEn), "Deliveries used");
  {
    const UseMessages use(*m);
    EXPECT_EQ(Tr(Msg::kDeliveriesUsed, Lang::kNl), "Leveringen in dit rapport");
  }
  EXPECT_EQ(Tr(Msg::kDeliveriesUsed, Lang::kNl), "Gebruikte leveringen");
}

TEST_F(MessagesOverride, MissingKeyIsAnErrorNamingFileAndKey) {
  WriteNl([](nlohmann::json& j) { j.erase("deliveries_used"); });
  auto m = Messages::Load({dir_.string(), kTemplates});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.status().message(), HasSubstr("nl.json"));
  EXPECT_THAT(m.status().message(), HasSubstr("\"deliveries_used\" is missing"));
}

TEST_F(MessagesOverride, UnknownKeyIsAnError) {
  WriteNl([](nlohmann::json& j) { j["deliveries_usd"] = "x"; });
  auto m = Messages::Load({dir_.string(), kTemplates});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.status().message(), HasSubstr("\"deliveries_usd\" is no message"));
}

TEST_F(MessagesOverride, FormatFieldsMustBeKept) {
  // rijk_by_category_in_the: "Rijk {}: per categorie in de tabel."
  WriteNl([](nlohmann::json& j) { j["rijk_by_category_in_the"] = "Rijk: per categorie."; });
  auto m = Messages::Load({dir_.string(), kTemplates});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.status().message(), HasSubstr("must keep the fields {}"));
}

TEST_F(MessagesOverride, NotAnObjectOrNotTextIsAnError) {
  std::ofstream(dir_ / "messages" / "nl.json") << "[1, 2]";
  EXPECT_FALSE(Messages::Load({dir_.string(), kTemplates}).ok());
  WriteNl([](nlohmann::json& j) { j["chapters"] = 3; });
  auto m = Messages::Load({dir_.string(), kTemplates});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.status().message(), HasSubstr("\"chapters\" must be a text"));
}

TEST(Messages, NoCatalogueFoundIsAnError) {
  auto m = Messages::Load({"/nonexistent-jbr-templates"});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.status().message(), HasSubstr("messages/nl.json not found"));
}

}  // namespace
}  // namespace jbr::publish
