#include "validate/key_set.h"

#include <gtest/gtest.h>

#include <string>

namespace jbr {
namespace {

TEST(KeyMap, FirstRowIsKeptAndDuplicatesFound) {
  KeyMap m;
  EXPECT_EQ(m.InsertOrGet(HashKey("E1"), 2), 0);
  EXPECT_EQ(m.InsertOrGet(HashKey("E2"), 3), 0);
  EXPECT_EQ(m.InsertOrGet(HashKey("E1"), 7), 2);  // the row where E1 was first seen
  EXPECT_TRUE(m.Contains(HashKey("E2")));
  EXPECT_FALSE(m.Contains(HashKey("E3")));
  EXPECT_EQ(m.size(), 2u);
}

TEST(KeyMap, GrowsPastManyKeysWithoutLosingAny) {
  KeyMap m;
  for (int i = 0; i < 200000; ++i)
    ASSERT_EQ(m.InsertOrGet(HashKey("id" + std::to_string(i)), i + 1), 0);
  for (int i = 0; i < 200000; i += 997)
    EXPECT_EQ(m.InsertOrGet(HashKey("id" + std::to_string(i)), 1), i + 1);
  EXPECT_FALSE(m.Contains(HashKey("id200000")));
}

TEST(KeyMap, ReservedForAnOddCountHoldsItWithoutLosingAny) {
  KeyMap m;
  m.Reserve(100003);  // a capacity that is no power of two
  for (int i = 0; i < 150000; ++i)
    ASSERT_EQ(m.InsertOrGet(HashKey("k" + std::to_string(i)), i + 1), 0);
  for (int i = 0; i < 150000; i += 101)
    EXPECT_EQ(m.InsertOrGet(HashKey("k" + std::to_string(i)), 1), i + 1);
  EXPECT_EQ(m.size(), 150000u);
}

TEST(KeyMap, ProbesWrapFromTheLastSlotToTheFirst) {
  // The largest hashes all start at the last slot; the ones after it must wrap to slot 0.
  KeyMap m;
  for (uint64_t k = 0; k < 5; ++k) ASSERT_EQ(m.InsertOrGet(~k, static_cast<int64_t>(k) + 10), 0);
  for (uint64_t k = 0; k < 5; ++k) EXPECT_EQ(m.InsertOrGet(~k, 99), static_cast<int64_t>(k) + 10);
  EXPECT_TRUE(m.Contains(~uint64_t{4}));
  EXPECT_FALSE(m.Contains(~uint64_t{5}));
  m.Prefetch(~uint64_t{5});  // a hint: changes nothing
  EXPECT_EQ(m.size(), 5u);
}

TEST(KeyMap, EmptyMapContainsNothing) {
  const KeyMap m;
  EXPECT_FALSE(m.Contains(HashKey("E1")));
  m.Prefetch(HashKey("E1"));
  EXPECT_EQ(m.size(), 0u);
}

TEST(KeyMap, HashSeparatesSimilarKeys) {
  EXPECT_NE(HashKey("abc"), HashKey("abd"));
  EXPECT_NE(HashKey(""), HashKey(std::string(1, '\0')));
  EXPECT_NE(HashKey("12345678"), HashKey("123456789"));
  EXPECT_NE(HashCombine(HashKey("a"), HashKey("bc")), HashCombine(HashKey("ab"), HashKey("c")));
}

}  // namespace
}  // namespace jbr
