#include "core/date.h"

#include <gtest/gtest.h>

#include "core/clock.h"

namespace ansinh {
namespace {

TEST(DateTest, ParsesFullAndYearOnlyDates) {
  auto d = ParseIsoDate("2024-02-29", "birth_date");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ToIso(), "2024-02-29");
  EXPECT_EQ(d->ToDisplay(), "29/02/2024");
  auto y = ParseIsoDate("1948", "birth_date");
  ASSERT_TRUE(y.ok());
  EXPECT_TRUE(y->year_only());
  EXPECT_EQ(y->ToDisplay(), "1948");
}

TEST(DateTest, RejectsImpossibleDates) {
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-04-31", "24-01-01", "2024/01/01",
                          "abcd", "", "1700", "2024-1-1"}) {
    auto d = ParseIsoDate(bad, "birth_date");
    EXPECT_FALSE(d.ok()) << bad;
    if (!d.ok()) {
      EXPECT_EQ(d.status().field(), "birth_date");
      EXPECT_EQ(d.status().value(), bad);
    }
  }
}

TEST(DateTest, AgeCountsBirthdays) {
  Date birth = *ParseIsoDate("1990-06-15", "b");
  EXPECT_EQ(AgeOn(birth, *ParseIsoDate("2020-06-14", "d")), 29);
  EXPECT_EQ(AgeOn(birth, *ParseIsoDate("2020-06-15", "d")), 30);
  EXPECT_EQ(AgeOn(*ParseIsoDate("1990", "b"), *ParseIsoDate("2020-01-01", "d")), 30);
}

TEST(ClockTest, TodayIsTheVietnameseCivilDate) {
  // 2026-11-28T17:30:00Z is already 29/11/2026 00:30 in Vietnam (UTC+7).
  FixedClock clock(1795887000);
  EXPECT_EQ(clock.NowIso(), "2026-11-28T17:30:00Z");
  EXPECT_EQ(clock.Today().ToIso(), "2026-11-29");
}

}  // namespace
}  // namespace ansinh
