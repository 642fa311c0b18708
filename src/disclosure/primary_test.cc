#include "disclosure/primary.h"

#include <gtest/gtest.h>

namespace jbr::sdc {
namespace {

PrimaryStatus Classify(Sensitivity s, int64_t n, const DisclosureRules& rules = {}) {
  Result<PrimaryStatus> r = ClassifyPrimary(s, n, rules);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : PrimaryStatus::kSafe;
}

constexpr PrimaryStatus kSafe = PrimaryStatus::kSafe;
constexpr PrimaryStatus kUnsafe = PrimaryStatus::kUnsafe;

TEST(DisclosureRules, DefaultsAreDomainValues) {
  const DisclosureRules rules;
  EXPECT_EQ(rules.person_threshold, 10);
  EXPECT_EQ(rules.integrity_threshold, 5);
  EXPECT_TRUE(rules.Validate().ok());
}

TEST(DisclosureRules, ThresholdsBelowOneAreRejected) {
  EXPECT_EQ((DisclosureRules{0, 5}.Validate().code()), StatusCode::kInvalidInput);
  EXPECT_EQ((DisclosureRules{10, 0}.Validate().code()), StatusCode::kInvalidInput);
  EXPECT_EQ((DisclosureRules{-3, 5}.Validate().code()), StatusCode::kInvalidInput);
  EXPECT_TRUE((DisclosureRules{1, 1}.Validate().ok()));  // switches the rule off, explicitly
}

// T = 10: 0 safe, 1..9 unsafe, 10 and above safe.
TEST(ClassifyPrimary, PersonCountBoundaries) {
  EXPECT_EQ(Classify(Sensitivity::kPersonCount, 0), kSafe);
  EXPECT_EQ(Classify(Sensitivity::kPersonCount, 1), kUnsafe);
  EXPECT_EQ(Classify(Sensitivity::kPersonCount, 9), kUnsafe);  // T - 1
  EXPECT_EQ(Classify(Sensitivity::kPersonCount, 10), kSafe);   // T
  EXPECT_EQ(Classify(Sensitivity::kPersonCount, 11), kSafe);
  EXPECT_EQ(Classify(Sensitivity::kPersonCount, 125000), kSafe);
}

// A statistic over n persons: unsafe when n < T; over 0 persons there is no value at all.
TEST(ClassifyPrimary, PersonStatisticBoundaries) {
  EXPECT_EQ(Classify(Sensitivity::kPersonStatistic, 0), PrimaryStatus::kNoValue);
  EXPECT_EQ(Classify(Sensitivity::kPersonStatistic, 1), kUnsafe);
  EXPECT_EQ(Classify(Sensitivity::kPersonStatistic, 9), kUnsafe);
  EXPECT_EQ(Classify(Sensitivity::kPersonStatistic, 10), kSafe);
}

// Integrity threshold 5: 0 safe, 1..4 unsafe, 5 safe.
TEST(ClassifyPrimary, IntegrityCountBoundaries) {
  EXPECT_EQ(Classify(Sensitivity::kIntegrityCount, 0), kSafe);
  EXPECT_EQ(Classify(Sensitivity::kIntegrityCount, 1), kUnsafe);
  EXPECT_EQ(Classify(Sensitivity::kIntegrityCount, 4), kUnsafe);
  EXPECT_EQ(Classify(Sensitivity::kIntegrityCount, 5), kSafe);
  EXPECT_EQ(Classify(Sensitivity::kIntegrityCount, 9), kSafe);  // below the person threshold
}

TEST(ClassifyPrimary, ThresholdsAreConfigurable) {
  const DisclosureRules rules{15, 3};
  EXPECT_EQ(Classify(Sensitivity::kPersonCount, 14, rules), kUnsafe);
  EXPECT_EQ(Classify(Sensitivity::kPersonCount, 15, rules), kSafe);
  EXPECT_EQ(Classify(Sensitivity::kPersonStatistic, 14, rules), kUnsafe);
  EXPECT_EQ(Classify(Sensitivity::kIntegrityCount, 2, rules), kUnsafe);
  EXPECT_EQ(Classify(Sensitivity::kIntegrityCount, 3, rules), kSafe);
  // Threshold 1: nothing is unsafe.
  EXPECT_EQ(Classify(Sensitivity::kPersonCount, 1, DisclosureRules{1, 1}), kSafe);
}

TEST(ClassifyPrimary, NotAboutPersonsIsAlwaysSafe) {
  EXPECT_EQ(Classify(Sensitivity::kNone, 1), kSafe);
  EXPECT_EQ(Classify(Sensitivity::kNone, -1), kSafe);  // n is not read
}

TEST(ClassifyPrimary, NegativePersonsAreAnError) {
  EXPECT_EQ(ClassifyPrimary(Sensitivity::kPersonCount, -1, {}).status().code(),
            StatusCode::kInvalidInput);
  EXPECT_EQ(ClassifyPrimary(Sensitivity::kPersonStatistic, -1, {}).status().code(),
            StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace jbr::sdc
