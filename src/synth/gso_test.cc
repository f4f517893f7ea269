#include "synth/gso.h"

#include <gtest/gtest.h>

namespace ansinh::synth {
namespace {

TEST(GsoTableTest, ReadsBomTitleRepeatedHeadersAndMissing) {
  const std::string text =
      "\xEF\xBB\xBF\"Poverty rate by province\"\n\n"
      "\"Cities, provincies\";\"2010\";\"2012\";\"Pre. 2016\"\n"
      "\" WHOLE COUNTRY\";14.2;11.1;5.8\n"
      "\"Quang  Nam\";24.0;..;8.4\n"
      "\"Cities, provincies\";\"2013\"\n"
      "\"Ca Mau\";6.6\n"
      "\"Quang Nam\";99;99;99\n";
  auto table = GsoTable::Parse(text, "t.csv");
  ASSERT_TRUE(table.ok());
  EXPECT_DOUBLE_EQ(*table->Get("Whole country", "2010"), 14.2);
  EXPECT_DOUBLE_EQ(*table->Get("Quang Nam", "2010"), 24.0);   // spaces collapsed; first row wins
  EXPECT_FALSE(table->Get("Quang Nam", "2012").has_value());  // ".."
  EXPECT_DOUBLE_EQ(*table->Get("Quang Nam", "2016"), 8.4);    // "Pre. 2016"
  EXPECT_DOUBLE_EQ(*table->Get("Ca Mau", "2013"), 6.6);
  EXPECT_FALSE(table->Get("Ha Tay", "2010").has_value());
}

TEST(GsoTableTest, RejectsTextWithoutHeader) {
  EXPECT_EQ(GsoTable::Parse("title\n1;2\n", "x").status().code(), ErrorCode::kParseError);
}

TEST(GsoTableTest, ReadsTheShippedTables) {
  auto t = GsoTable::Read(std::string(ANSINH_SOURCE_DIR) +
                          "/data/synth/gso/poverty_rate_by_province.csv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_DOUBLE_EQ(*t->Get("Ca Mau", "2010"), 12.3);
  EXPECT_DOUBLE_EQ(*t->Get("Soc Trang", "2014"), 15.6);
}

}  // namespace
}  // namespace ansinh::synth
