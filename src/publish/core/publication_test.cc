#include "publish/core/publication.h"

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "publish/testing/test_store.h"

namespace jbr::publish {
namespace {

using ::testing::HasSubstr;

TEST(Disclose, SuppressedCellKeepsStatusNeverItsFigures) {
  StoredValue v = Value("personnel.headcount", "FIN", "", "suppressed", 7, 1, 7, "persons");
  v.change = 2;
  v.previous = 5;
  v.flag = "above_norm;incomplete";
  const PublishedValue p = Disclose(v);
  EXPECT_EQ(p.status, "suppressed");
  EXPECT_FALSE(p.value);
  EXPECT_FALSE(p.numerator);
  EXPECT_FALSE(p.denominator);
  EXPECT_FALSE(p.change);
  EXPECT_EQ(p.previous, 5);         // last year's figure was published then
  EXPECT_EQ(p.flag, "incomplete");  // above_norm would bound the hidden value
}

TEST(Disclose, PublishedCellKeepsEverything) {
  StoredValue v = Value("hire.share", "BZK", "", "published", 25, 500, 5, "%");
  v.flag = "above_norm";
  v.change = 0.5;
  const PublishedValue p = Disclose(v);
  EXPECT_EQ(p.value, 5);
  EXPECT_EQ(p.numerator, 25);
  EXPECT_EQ(p.denominator, 500);
  EXPECT_EQ(p.change, 0.5);
  EXPECT_EQ(p.flag, "above_norm");
}

// The age bands and absence duration classes of domain.md in their published order; the
// alphabetical order would put "<25" last and "8-42" after "43-365".
TEST(CategoryLess, NumberedClassesByTheirNumber) {
  std::vector<std::string> ages = {"60+", "<25", "45-54", "25-34", "55-59", "35-44"};
  std::sort(ages.begin(), ages.end(), CategoryLess);
  EXPECT_EQ(ages, (std::vector<std::string>{"<25", "25-34", "35-44", "45-54", "55-59", "60+"}));
  std::vector<std::string> durations = {">365", "8-42", "43-365", "1-7"};
  std::sort(durations.begin(), durations.end(), CategoryLess);
  EXPECT_EQ(durations, (std::vector<std::string>{"1-7", "8-42", "43-365", ">365"}));
  std::vector<std::string> words = {"trains", "1-7", "flights", ""};
  std::sort(words.begin(), words.end(), CategoryLess);
  EXPECT_EQ(words, (std::vector<std::string>{"", "1-7", "flights", "trains"}));  // the total first
}

TEST_F(PublishTest, NoRunIsAUsageError) {
  auto pub = LoadPublication(ws_->store(), TestRegistry(), 2020);
  ASSERT_FALSE(pub.ok());
  EXPECT_EQ(pub.status().code(), StatusCode::kUsage);
  EXPECT_THAT(pub.status().message(), HasSubstr("run jbr compute --year 2020 first"));
}

TEST_F(PublishTest, ChangedDefinitionsAreAUsageError) {
  SaveRun();
  auto registry = TestRegistry();
  registry[1].definition_en = "A new text";
  auto pub = LoadPublication(ws_->store(), registry, 2020);
  ASSERT_FALSE(pub.ok());
  EXPECT_EQ(pub.status().code(), StatusCode::kUsage);
  EXPECT_THAT(pub.status().message(), HasSubstr("definitions changed since compute run"));
}

TEST_F(PublishTest, LoadsTheRunSortedWithItsDefinitionsAndDeliveries) {
  const int64_t run = SaveRun();
  auto pub = LoadPublication(ws_->store(), TestRegistry(), 2020);
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  EXPECT_EQ(pub->run.id, run);
  EXPECT_EQ(pub->modified, "2021-03-01");
  ASSERT_EQ(pub->definitions.size(), 2u);  // absence.rate is not in the run
  EXPECT_EQ(pub->definitions[0].id, "personnel.headcount");
  EXPECT_EQ(pub->definitions[1].id, "hire.share");
  std::vector<std::string> order;
  for (const auto& v : pub->values)
    order.push_back(v.indicator + " " + v.ministry + " " + v.unit_type);
  EXPECT_EQ(order,
            (std::vector<std::string>{"hire.share BZK ", "hire.share FIN ", "hire.share Rijk ",
                                      "personnel.headcount BZK ", "personnel.headcount BZK core",
                                      "personnel.headcount FIN ", "personnel.headcount Rijk "}));
  ASSERT_EQ(pub->deliveries.size(), 1u);
  EXPECT_EQ(pub->deliveries[0].dataset, "personnel");
  EXPECT_EQ(pub->deliveries[0].ministry, "BZK");
  EXPECT_EQ(pub->deliveries[0].sha256.size(), 64u);
}

}  // namespace
}  // namespace jbr::publish
