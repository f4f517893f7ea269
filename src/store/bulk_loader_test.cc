#include "store/bulk_loader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/test_util.h"

namespace ansinh::store {
namespace {

using testing::StoreTest;
using BulkLoaderTest = StoreTest;

Household MakeHousehold(std::int64_t id, std::int64_t hamlet_id) {
  Household h;
  h.id = id;
  h.code = "32014-" + std::to_string(id);
  h.commune_code = "32014";
  h.hamlet_id = hamlet_id;
  return h;
}

Person MakePerson(std::int64_t id, std::int64_t household_id, const char* name) {
  Person p;
  p.id = id;
  p.household_id = household_id;
  p.code = "P" + std::to_string(id);
  p.full_name = name;
  p.birth_date = "1975";
  p.relation = Relation::kHead;
  return p;
}

TEST_F(BulkLoaderTest, LoadsEverythingWithOneAuditRow) {
  auto loader = BulkLoader::Begin(*store_, actor_, "test load");
  ASSERT_TRUE(loader.ok()) << loader.status().ToString();
  auto hamlet = (*loader)->AddHamlet("32014", "Ấp Tân Phong");
  ASSERT_TRUE(hamlet.ok());
  ASSERT_TRUE((*loader)->AddHousehold(MakeHousehold(7, *hamlet)).ok());
  ASSERT_TRUE((*loader)->AddPerson(MakePerson(701, 7, "Thạch Sa Rết")).ok());
  HouseholdYear y;
  y.household_id = 7;
  y.year = 2014;
  y.income_month = 1'600'000;
  y.housing_area_m2 = 30;
  ASSERT_TRUE((*loader)->AddHouseholdYear(y).ok());
  PersonYear py;
  py.person_id = 701;
  py.year = 2014;
  py.health_insurance = true;
  ASSERT_TRUE((*loader)->AddPersonYear(py).ok());
  ASSERT_TRUE((*loader)->Commit().ok());
  EXPECT_EQ((*loader)->counts().person_years, 1);
  loader->reset();

  auto members = store_->households().Members(7);
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->size(), 1u);
  EXPECT_EQ((*members)[0].full_name, "Thạch Sa Rết");
  auto survey = store_->surveys().GetHouseholdYear(7, 2014);
  ASSERT_TRUE(survey.ok() && survey->has_value());
  EXPECT_EQ((*survey)->income_month, 1'600'000);

  auto rows = Audit("registry");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].action, "bulk_load");
  auto detail = nlohmann::json::parse(rows[0].after_json);
  EXPECT_EQ(detail["households"], 1);
  EXPECT_EQ(detail["person_years"], 1);
  EXPECT_TRUE(Audit("person").empty());
}

TEST_F(BulkLoaderTest, AnUncommittedLoadLeavesTheFileAsItWas) {
  const std::string before = ClosedBytes();
  {
    auto loader = BulkLoader::Begin(*store_, actor_, "abandoned");
    ASSERT_TRUE(loader.ok());
    auto hamlet = (*loader)->AddHamlet("32014", "Ấp 1");
    ASSERT_TRUE(hamlet.ok());
    ASSERT_TRUE((*loader)->AddHousehold(MakeHousehold(1, *hamlet)).ok());
  }
  EXPECT_EQ(ClosedBytes(), before);
}

TEST_F(BulkLoaderTest, OrphanRowsAreFoundAtCommitAndNothingIsWritten) {
  const std::string before = ClosedBytes();
  {
    auto loader = BulkLoader::Begin(*store_, actor_, "orphan");
    ASSERT_TRUE(loader.ok());
    PersonYear py;
    py.person_id = 999;  // no such person
    py.year = 2014;
    ASSERT_TRUE((*loader)->AddPersonYear(py).ok());
    Status s = (*loader)->Commit();
    EXPECT_EQ(s.code(), ErrorCode::kFailedPrecondition);
  }
  EXPECT_EQ(ClosedBytes(), before);
  // Foreign keys are enforced again for ordinary calls.
  PersonYear py;
  py.person_id = 999;
  py.year = 2014;
  EXPECT_FALSE(store_->surveys().PutPersonYear(py, actor_).ok());
}

TEST_F(BulkLoaderTest, RejectsBadRowsAndNonEmptyRegistries) {
  auto loader = BulkLoader::Begin(*store_, actor_, "bad rows");
  ASSERT_TRUE(loader.ok());
  EXPECT_EQ((*loader)->AddHamlet("99999", "Ấp 1").status().code(), ErrorCode::kNotFound);
  HouseholdYear y;
  y.household_id = 1;
  y.year = 2014;
  y.income_month = -1;
  y.housing_area_m2 = 30;
  Status s = (*loader)->AddHouseholdYear(y);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "income_month");
  loader->reset();

  NewHousehold();
  EXPECT_EQ(BulkLoader::Begin(*store_, actor_, "second").status().code(),
            ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace ansinh::store
