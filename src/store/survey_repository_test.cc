#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "store/test_util.h"

namespace ansinh::store {
namespace {

using testing::StoreTest;
using Json = nlohmann::json;

class SurveyRepositoryTest : public StoreTest {
 protected:
  HouseholdYear Survey(std::int64_t household_id, int year) {
    HouseholdYear y;
    y.household_id = household_id;
    y.year = year;
    y.income_month = 4'500'000;
    y.housing_quality = HousingQuality::kSemiPermanent;
    y.housing_area_m2 = 42.5;
    y.clean_water = true;
    y.telecom = true;
    return y;
  }
};

TEST_F(SurveyRepositoryTest, PutAndGetHouseholdYears) {
  Household h = NewHousehold();
  ASSERT_TRUE(store_->surveys().PutHouseholdYear(Survey(h.id, 2024), actor_).ok());
  ASSERT_TRUE(store_->surveys().PutHouseholdYear(Survey(h.id, 2022), actor_).ok());
  auto got = store_->surveys().GetHouseholdYear(h.id, 2024);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->income_month, 4'500'000);
  EXPECT_EQ((*got)->housing_quality, HousingQuality::kSemiPermanent);
  EXPECT_DOUBLE_EQ((*got)->housing_area_m2, 42.5);
  EXPECT_TRUE((*got)->clean_water);
  EXPECT_FALSE((*got)->hygienic_latrine);
  auto years = store_->surveys().HouseholdYears(h.id);
  ASSERT_TRUE(years.ok());
  ASSERT_EQ(years->size(), 2u);
  EXPECT_EQ((*years)[0].year, 2022);
  auto none = store_->surveys().GetHouseholdYear(h.id, 2010);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_F(SurveyRepositoryTest, ReplacingAYearAuditsTheChangeOnlyWhenThereIsOne) {
  Household h = NewHousehold();
  HouseholdYear y = Survey(h.id, 2024);
  ASSERT_TRUE(store_->surveys().PutHouseholdYear(y, actor_).ok());
  const std::string key = std::to_string(h.id) + "/2024";
  const std::string before = ClosedBytes();
  ASSERT_TRUE(store_->surveys().PutHouseholdYear(y, actor_).ok());
  EXPECT_EQ(Audit("household_year", key).size(), 1u);
  EXPECT_EQ(ClosedBytes(), before);
  y.income_month = 1'000'000;
  ASSERT_TRUE(store_->surveys().PutHouseholdYear(y, actor_).ok());
  auto entries = Audit("household_year", key);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "update");
  EXPECT_EQ(Json::parse(entries[0].before_json)["income_month"], 4'500'000);
  EXPECT_EQ(Json::parse(entries[0].after_json)["income_month"], 1'000'000);
}

TEST_F(SurveyRepositoryTest, RejectedSurveysChangeNothing) {
  Household h = NewHousehold();
  const std::string before = ClosedBytes();
  HouseholdYear y = Survey(h.id, 2024);
  y.income_month = -5;
  EXPECT_EQ(store_->surveys().PutHouseholdYear(y, actor_).field(), "income_month");
  y = Survey(h.id, 1980);
  EXPECT_EQ(store_->surveys().PutHouseholdYear(y, actor_).field(), "year");
  y = Survey(h.id, 2024);
  y.housing_area_m2 = 0;
  EXPECT_EQ(store_->surveys().PutHouseholdYear(y, actor_).field(), "housing_area_m2");
  y = Survey(h.id + 100, 2024);
  Status missing = store_->surveys().PutHouseholdYear(y, actor_);
  EXPECT_EQ(missing.code(), ErrorCode::kNotFound);
  EXPECT_EQ(missing.field(), "household");
  PersonYear py;
  py.person_id = 4242;
  py.year = 2024;
  Status no_person = store_->surveys().PutPersonYear(py, actor_);
  EXPECT_EQ(no_person.code(), ErrorCode::kNotFound);
  EXPECT_EQ(no_person.field(), "person");
  py.education_grade = 13;
  EXPECT_EQ(store_->surveys().PutPersonYear(py, actor_).field(), "education_grade");
  EXPECT_EQ(ClosedBytes(), before);
}

TEST_F(SurveyRepositoryTest, PersonYearsRoundTripAndListByHousehold) {
  Household h = NewHousehold();
  Person a = NewPerson(h.id);
  Person b = NewPerson(h.id, "Trần Thị B");
  PersonYear y;
  y.person_id = b.id;
  y.year = 2024;
  y.health_insurance = true;
  y.education_grade = 9;
  y.disability = 1;
  y.wage_no_contract = true;
  ASSERT_TRUE(store_->surveys().PutPersonYear(y, actor_).ok());
  y.person_id = a.id;
  y.social_allowance = true;
  ASSERT_TRUE(store_->surveys().PutPersonYear(y, actor_).ok());
  auto got = store_->surveys().GetPersonYear(b.id, 2024);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_TRUE((*got)->health_insurance);
  EXPECT_EQ((*got)->education_grade, 9);
  EXPECT_EQ((*got)->disability, 1);
  EXPECT_TRUE((*got)->wage_no_contract);
  EXPECT_FALSE((*got)->social_allowance);
  auto list = store_->surveys().PersonYearsOfHousehold(h.id, 2024);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].person_id, a.id);
  EXPECT_TRUE((*list)[0].social_allowance);
  ASSERT_TRUE(store_->surveys().PutPersonYear(y, actor_).ok());
  EXPECT_EQ(Audit("person_year").size(), 2u);
}

}  // namespace
}  // namespace ansinh::store
