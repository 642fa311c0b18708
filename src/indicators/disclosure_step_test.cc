// The disclosure step on hand-made values: what a suppressed value keeps.
#include "indicators/disclosure_step.h"

#include <gtest/gtest.h>

namespace jbr {
namespace {

IndicatorValue PersonShare(const std::string& ministry, int64_t persons, const std::string& flag) {
  IndicatorValue v;
  v.indicator = "test.share";
  v.ministry = ministry;
  v.period = "2020";
  v.unit = "%";
  v.status = "published";
  v.numerator = 1;
  v.denominator = static_cast<double>(persons);
  v.value = 100.0 / static_cast<double>(persons);
  v.persons = persons;
  v.flag = flag;
  return v;
}

TEST(DisclosureStep, SuppressedValuesLoseTheirNormFlagsButNotIncomplete) {
  IndicatorDef def;
  def.id = "test.share";
  def.unit = "%";
  def.disclosure = Disclosure::kPersonStatistic;
  // Fewer than 10 persons: unsafe. "above_norm" would say the hidden share is above the norm.
  std::vector<IndicatorValue> values = {PersonShare("AZ", 4, "above_norm"),
                                        PersonShare("BZ", 6, "above_norm;incomplete"),
                                        PersonShare("FIN", 40, "above_norm")};
  ASSERT_TRUE(ApplyDisclosure({def}, DisclosureSettings{}, &values).ok());
  EXPECT_EQ(values[0].status, "suppressed");
  EXPECT_EQ(values[0].flag, "");
  EXPECT_EQ(values[1].status, "suppressed");
  EXPECT_EQ(values[1].flag, "incomplete");
  EXPECT_EQ(values[2].status, "published");
  EXPECT_EQ(values[2].flag, "above_norm");
}

}  // namespace
}  // namespace jbr
