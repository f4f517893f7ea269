// SurveyRepository::YearSnapshot, HouseholdSnapshot and ClassificationRepository::PutAll / ForYear.
#include <gtest/gtest.h>

#include "store/store.h"
#include "store/test_util.h"

namespace ansinh::store {
namespace {

using testing::StoreTest;

class SnapshotTest : public StoreTest {
 protected:
  void Survey(std::int64_t household_id, int year, Vnd income) {
    HouseholdYear y;
    y.household_id = household_id;
    y.year = year;
    y.income_month = income;
    y.housing_area_m2 = 30;
    ASSERT_TRUE(store_->surveys().PutHouseholdYear(y, actor_).ok());
  }
  void SurveyPerson(std::int64_t person_id, int year, bool insured) {
    PersonYear y;
    y.person_id = person_id;
    y.year = year;
    y.health_insurance = insured;
    ASSERT_TRUE(store_->surveys().PutPersonYear(y, actor_).ok());
  }
};

TEST_F(SnapshotTest, HouseholdsOfAYearWithTheirSurveyedMembers) {
  Household a = NewHousehold();
  Household b = NewHousehold();
  Household town;
  town.commune_code = "32200";  // a phường: urban
  town.hamlet_name = "Khóm 1";
  town = store_->households().Add(town, actor_).value();
  Person a_child = NewPerson(a.id, "Nguyễn Văn Con");
  ASSERT_TRUE(store_->households()
                  .UpdatePerson(
                      [&] {
                        Person p = a_child;
                        p.relation = Relation::kChild;
                        return p;
                      }(),
                      actor_)
                  .ok());
  Person a_head = NewPerson(a.id, "Nguyễn Văn Cha");
  Person b_head = NewPerson(b.id, "Trần Văn B");
  Person town_head = NewPerson(town.id, "Lê Thị C");
  Survey(a.id, 2024, 3'000'000);
  Survey(town.id, 2024, 9'000'000);
  Survey(b.id, 2023, 1'000'000);  // another year only
  SurveyPerson(a_child.id, 2024, false);
  SurveyPerson(a_head.id, 2024, true);
  SurveyPerson(b_head.id, 2024, true);     // household b has no 2024 survey: left out
  SurveyPerson(town_head.id, 2023, true);  // not surveyed in 2024: not a member that year

  auto snapshot = store_->surveys().YearSnapshot(2024);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  ASSERT_EQ(snapshot->size(), 2u);
  const SurveyedHousehold& first = (*snapshot)[0];
  EXPECT_EQ(first.household.id, a.id);
  EXPECT_FALSE(first.urban);
  EXPECT_EQ(first.survey.income_month, 3'000'000);
  ASSERT_EQ(first.members.size(), 2u);
  EXPECT_EQ(first.members[0].person.full_name, "Nguyễn Văn Cha");  // head first
  EXPECT_TRUE(first.members[0].year.health_insurance);
  EXPECT_EQ(first.members[1].person.full_name, "Nguyễn Văn Con");
  EXPECT_FALSE(first.members[1].year.health_insurance);
  EXPECT_EQ((*snapshot)[1].household.id, town.id);
  EXPECT_TRUE((*snapshot)[1].urban);
  EXPECT_TRUE((*snapshot)[1].members.empty());

  // One household read alone is its entry of the year; b has no 2024 survey.
  for (const SurveyedHousehold& whole : *snapshot) {
    auto one = store_->surveys().HouseholdSnapshot(whole.household.id, 2024);
    ASSERT_TRUE(one.ok()) << one.status().ToString();
    ASSERT_TRUE(one->has_value());
    EXPECT_EQ((*one)->household.code, whole.household.code);
    EXPECT_EQ((*one)->urban, whole.urban);
    EXPECT_EQ((*one)->survey.income_month, whole.survey.income_month);
    ASSERT_EQ((*one)->members.size(), whole.members.size());
    for (std::size_t m = 0; m < whole.members.size(); ++m) {
      EXPECT_EQ((*one)->members[m].person.full_name, whole.members[m].person.full_name);
      EXPECT_EQ((*one)->members[m].year.health_insurance, whole.members[m].year.health_insurance);
    }
  }
  auto none = store_->surveys().HouseholdSnapshot(b.id, 2024);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_F(SnapshotTest, PutAllIsOneTransactionAuditedPerRealChange) {
  Household a = NewHousehold();
  Household b = NewHousehold();
  Classification c;
  c.year = 2024;
  c.standard_id = "vn-2022-2025";
  c.category = Category::kPoor;
  c.explanation_json = "{\"text_en\":\"poor\"}";
  std::vector<Classification> list = {c, c};
  list[0].household_id = a.id;
  list[1].household_id = b.id;
  ASSERT_TRUE(store_->classifications().PutAll(list, actor_).ok());
  EXPECT_EQ(Audit("classification").size(), 2u);
  // The same results again change nothing; one changed result is one audit row.
  const std::string bytes = ClosedBytes();
  ASSERT_TRUE(store_->classifications().PutAll(list, actor_).ok());
  EXPECT_EQ(Audit("classification").size(), 2u);
  EXPECT_EQ(ClosedBytes(), bytes);
  list[1].category = Category::kNearPoor;
  ASSERT_TRUE(store_->classifications().PutAll(list, actor_).ok());
  EXPECT_EQ(Audit("classification").size(), 3u);
  // A bad row refuses the whole batch.
  list[0].category = Category::kOther;
  list[1].household_id = 999;
  EXPECT_EQ(store_->classifications().PutAll(list, actor_).code(), ErrorCode::kNotFound);
  auto year = store_->classifications().ForYear(2024);
  ASSERT_TRUE(year.ok());
  ASSERT_EQ(year->size(), 2u);
  EXPECT_EQ((*year)[0].category, Category::kPoor);
  EXPECT_EQ((*year)[1].category, Category::kNearPoor);
}

}  // namespace
}  // namespace ansinh::store
