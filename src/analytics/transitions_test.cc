// Transitions between two years on hand-made households: every household in one cell, new and
// left households, roll-up, and the households behind a cell.
#include "analytics/transitions.h"

#include <gtest/gtest.h>

#include "analytics/standard_calendar.h"

namespace ansinh::analytics {
namespace {

AdminUnit TrUnit(std::string code, UnitLevel level, std::string parent) {
  AdminUnit u;
  u.code = code;
  u.name = code;
  u.level = level;
  u.parent_code = std::move(parent);
  return u;
}

// One member; income per month decides: 100,000 poor, 450,000 near-poor, 2,000,000 other
// (rural lines of 2011–2015: 400,000 and 520,000).
rules::HouseholdRecord Hh(int year, Vnd income) {
  rules::HouseholdRecord r;
  r.survey.year = year;
  r.survey.income_month = income;
  rules::MemberRecord head;
  head.person.relation = Relation::kHead;
  head.person.birth_date = "1970";
  head.year.year = year;
  r.members.push_back(head);
  return r;
}

TEST(TransitionsTest, EveryHouseholdInOneCell) {
  auto registry = std::move(rules::StandardRegistry::Create(ANSINH_SOURCE_DIR)).value();
  auto set = IndicatorSet::LoadDir(std::string(ANSINH_SOURCE_DIR) + "/config/indicators",
                                   registry->catalogue());
  ASSERT_TRUE(set.ok());
  auto tree = UnitTree::Build({TrUnit("96", UnitLevel::kProvince, ""),
                               TrUnit("964", UnitLevel::kDistrict, "96"),
                               TrUnit("966", UnitLevel::kDistrict, "96"),
                               TrUnit("32002", UnitLevel::kCommune, "964"),
                               TrUnit("32003", UnitLevel::kCommune, "966")});
  ASSERT_TRUE(tree.ok());
  Snapshot snapshot(registry->catalogue(), std::move(tree).value());
  const UnitIndex c2 = snapshot.units().Find("32002"), c3 = snapshot.units().Find("32003");
  const Vnd poor = 100000, near = 450000, rich = 2000000;
  // id: 2013 -> 2014.  1 poor->poor  2 poor->near  3 near->other  4 poor->(left)
  // 5 (new)->poor  6 other->poor (moves from 32002 to 32003: counts in 32003)
  ASSERT_TRUE(snapshot.AddYear(2013, std::vector<std::int64_t>{1, 2, 3, 4, 6},
                               std::vector<UnitIndex>{c2, c2, c3, c3, c2},
                               std::vector{Hh(2013, poor), Hh(2013, poor), Hh(2013, near),
                                           Hh(2013, poor), Hh(2013, rich)})
                  .ok());
  ASSERT_TRUE(snapshot.AddYear(2014, std::vector<std::int64_t>{1, 2, 3, 5, 6},
                               std::vector<UnitIndex>{c2, c2, c3, c3, c3},
                               std::vector{Hh(2014, poor), Hh(2014, near), Hh(2014, rich),
                                           Hh(2014, poor), Hh(2014, poor)})
                  .ok());
  auto standard = registry->Resolve("vn-2011-2015");
  ASSERT_TRUE(standard.ok());
  StandardCalendar calendar = StandardCalendar::Fixed(*standard);
  auto results = ComputeIndicators(snapshot, *set, calendar);
  ASSERT_TRUE(results.ok()) << results.status().ToString();
  auto table = ComputeTransitions(snapshot, *results, 2013, 2014);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  const UnitIndex province = 0, d964 = snapshot.units().Find("964");
  EXPECT_EQ(table->cell(province, State::kPoor, State::kPoor), 1);
  EXPECT_EQ(table->cell(province, State::kPoor, State::kNearPoor), 1);
  EXPECT_EQ(table->cell(province, State::kNearPoor, State::kOther), 1);
  EXPECT_EQ(table->cell(province, State::kPoor, State::kAbsent), 1);
  EXPECT_EQ(table->cell(province, State::kAbsent, State::kPoor), 1);
  EXPECT_EQ(table->cell(province, State::kOther, State::kPoor), 1);
  std::int64_t total = 0, d964_total = 0;
  for (int a = 0; a < kStates; ++a) {
    for (int b = 0; b < kStates; ++b) {
      total += table->cell(province, static_cast<State>(a), static_cast<State>(b));
      d964_total += table->cell(d964, static_cast<State>(a), static_cast<State>(b));
    }
  }
  EXPECT_EQ(total, 6);       // every household of either year, once
  EXPECT_EQ(d964_total, 2);  // 1 and 2; household 6 moved to 32003
  EXPECT_EQ(table->cell(c3, State::kOther, State::kPoor), 1);
  // The escaped households of the indicators are the poor -> not poor cells.
  const int escaped = set->Find("escaped_households");
  EXPECT_EQ(*results->Value(2014, escaped, province).value,
            table->cell(province, State::kPoor, State::kNearPoor) +
                table->cell(province, State::kPoor, State::kOther));
  auto ids = HouseholdsInCell(snapshot, *results, 2013, 2014, province, State::kPoor,
                              State::kAbsent);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, std::vector<std::int64_t>{4});
  auto none = HouseholdsInCell(snapshot, *results, 2013, 2014, d964, State::kOther, State::kPoor);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_FALSE(ComputeTransitions(snapshot, *results, 2014, 2013).ok());
  EXPECT_EQ(ComputeTransitions(snapshot, *results, 2012, 2014).status().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(ParseState("left", "cell").value(), State::kAbsent);
  EXPECT_FALSE(ParseState("rich", "cell").ok());
}

}  // namespace
}  // namespace ansinh::analytics
