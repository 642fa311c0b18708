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
  for (int i = 0; i < 200000; ++i) ASSERT_EQ(m.InsertOrGet(HashKey("id" + std::to_string(i)), i + 1), 0);
  for (int i = 0; i < 200000; i += 997) EXPECT_EQ(m.InsertOrGet(HashKey("id" + std::to_string(i)), 1), i + 1);
  EXPECT_FALSE(m.Contains(HashKey("id200000")));
}

TEST(KeyMap, HashSeparatesSimilarKeys) {
  EXPECT_NE(HashKey("abc"), HashKey("abd"));
  EXPECT_NE(HashKey(""), HashKey(std::string(1, '\0')));
  EXPECT_NE(HashKey("12345678"), HashKey("123456789"));
  EXPECT_NE(HashCombine(HashKey("a"), HashKey("bc")), HashCombine(HashKey("ab"), HashKey("c")));
}

}  // namespace
}  // namespace jbr
