#include "io/key_table.h"

#include <gtest/gtest.h>

#include <string>

namespace ansinh::io {
namespace {

TEST(KeyTableTest, GivesDenseIdsInTheOrderFirstSeenAndFindsThemAgain) {
  KeyTable table;
  bool added = false;
  EXPECT_EQ(table.Intern("H2", &added), 0u);
  EXPECT_TRUE(added);
  EXPECT_EQ(table.Intern("H1", &added), 1u);
  EXPECT_EQ(table.Intern("H2", &added), 0u);
  EXPECT_FALSE(added);
  EXPECT_EQ(table.Intern("", &added), 2u);  // the empty code is a key like any other
  EXPECT_TRUE(added);
  EXPECT_EQ(table.Find("H1"), 1u);
  EXPECT_EQ(table.Find("H3"), KeyTable::kNone);
  EXPECT_EQ(table.Key(1), "H1");
  EXPECT_EQ(table.size(), 3u);
}

TEST(KeyTableTest, StaysExactThroughManyKeysAndGrowth) {
  KeyTable table;
  constexpr int kKeys = 200000;
  for (int i = 0; i < kKeys; ++i) {
    ASSERT_EQ(table.Intern("32014-" + std::to_string(i)), static_cast<std::uint32_t>(i));
  }
  for (int i = 0; i < kKeys; i += 997) {
    EXPECT_EQ(table.Find("32014-" + std::to_string(i)), static_cast<std::uint32_t>(i));
    EXPECT_EQ(table.Key(static_cast<std::uint32_t>(i)), "32014-" + std::to_string(i));
  }
  // Prefixes and extensions of stored keys are other keys.
  EXPECT_EQ(table.Find("32014-"), KeyTable::kNone);
  EXPECT_EQ(table.Find("32014-1999990"), KeyTable::kNone);
  // About 24 bytes a key besides its text (the text here is 6 to 11 bytes).
  EXPECT_LT(table.MemoryBytes(), static_cast<std::size_t>(kKeys) * 64);
}

TEST(U64MapTest, KeepsTheFirstValueOfAKey) {
  U64Map map;
  EXPECT_EQ(map.InsertOrFind(7, 1), nullptr);
  EXPECT_EQ(map.InsertOrFind(0, 2), nullptr);  // key 0 is a key
  const std::uint32_t* first = map.InsertOrFind(7, 3);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(*first, 1u);
  for (std::uint64_t k = 100; k < 100000; ++k) ASSERT_EQ(map.InsertOrFind(k << 20, 9), nullptr);
  ASSERT_NE(map.Find(0), nullptr);
  EXPECT_EQ(*map.Find(0), 2u);
  EXPECT_EQ(map.Find(5), nullptr);
  EXPECT_EQ(map.size(), 2u + 99900u);
}

}  // namespace
}  // namespace ansinh::io
