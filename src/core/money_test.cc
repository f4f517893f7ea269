#include "core/money.h"

#include <gtest/gtest.h>

#include <limits>

namespace ansinh {
namespace {

TEST(MoneyTest, FormatsWithDots) {
  EXPECT_EQ(FormatVnd(0), "0");
  EXPECT_EQ(FormatVnd(999), "999");
  EXPECT_EQ(FormatVnd(1000), "1.000");
  EXPECT_EQ(FormatVnd(1234567, ','), "1,234,567");  // English text
  EXPECT_EQ(FormatVnd(-1000, ','), "-1,000");
  EXPECT_EQ(FormatVnd(1234567), "1.234.567");
  EXPECT_EQ(FormatVnd(-400000), "-400.000");
  EXPECT_EQ(FormatVnd(std::numeric_limits<Vnd>::min()), "-9.223.372.036.854.775.808");
}

TEST(MoneyTest, ParsesWholeNonNegativeAmounts) {
  EXPECT_EQ(*ParseVnd("1500000", "income_month"), 1500000);
  EXPECT_EQ(ParseVnd("-5", "income_month").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseVnd("1.5", "income_month").status().value(), "1.5");
  EXPECT_FALSE(ParseVnd("", "income_month").ok());
  EXPECT_FALSE(ParseVnd("99999999999999999999", "income_month").ok());
}

}  // namespace
}  // namespace ansinh
