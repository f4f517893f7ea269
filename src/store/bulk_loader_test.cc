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
  p.code = "P";
  p.code += std::to_string(id);  // not "P" + ...: GCC 12 at -O3 warns falsely (stringop-overflow)
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

// The registry's own indexes (not those of constraints), as a second connection sees them.
std::string IndexNames(const std::string& path) {
  auto db = Database::Open(path, {});
  if (!db.ok()) return db.status().ToString();
  auto list = (*db)->Prepare(
      "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master "
      "WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)");
  if (!list.ok() || !list->Step().ok()) return "?";
  return list->ColumnText(0);
}

std::int64_t CountRows(const std::string& path, const std::string& table) {
  auto db = Database::Open(path, {});
  if (!db.ok()) return -1;
  auto count = (*db)->Prepare("SELECT count(*) FROM " + table);
  if (!count.ok() || !count->Step().ok()) return -1;
  return count->ColumnInt(0);
}

TEST_F(BulkLoaderTest, SurveyRowsInGroupsAndTheIndexesComeBack) {
  const std::string indexes = IndexNames(path_);
  EXPECT_NE(indexes.find("persons_by_household"), std::string::npos) << indexes;
  auto loader = BulkLoader::Begin(*store_, actor_, "groups");
  ASSERT_TRUE(loader.ok());
  auto hamlet = (*loader)->AddHamlet("32014", "Ấp 1");
  ASSERT_TRUE(hamlet.ok());
  // 3 households and 6 persons over 50 years: 150 and 300 survey rows, which are two and four
  // full groups of 64 and a rest.
  for (std::int64_t h = 1; h <= 3; ++h) {
    ASSERT_TRUE((*loader)->AddHousehold(MakeHousehold(h, *hamlet)).ok());
    for (std::int64_t k = 1; k <= 2; ++k) {
      ASSERT_TRUE((*loader)->AddPerson(MakePerson(h * 100 + k, h, "Lê Thị Hoa")).ok());
    }
    for (int year = 2000; year < 2050; ++year) {
      HouseholdYear y;
      y.household_id = h;
      y.year = year;
      y.income_month = 1000 * year + h;
      y.housing_area_m2 = 30;
      ASSERT_TRUE((*loader)->AddHouseholdYear(y).ok());
      for (std::int64_t k = 1; k <= 2; ++k) {
        PersonYear py;
        py.person_id = h * 100 + k;
        py.year = year;
        py.education_grade = static_cast<int>(k);
        ASSERT_TRUE((*loader)->AddPersonYear(py).ok());
      }
    }
  }
  ASSERT_TRUE((*loader)->Commit().ok());
  loader->reset();
  EXPECT_EQ(CountRows(path_, "household_years"), 150);
  EXPECT_EQ(CountRows(path_, "person_years"), 300);
  auto survey = store_->surveys().GetHouseholdYear(3, 2049);
  ASSERT_TRUE(survey.ok() && survey->has_value());
  EXPECT_EQ((*survey)->income_month, 2049003);
  EXPECT_EQ(IndexNames(path_), indexes);
}

TEST_F(BulkLoaderTest, ARowGivenTwiceFailsTheLoadAndTheIndexesStay) {
  const std::string before = ClosedBytes();
  const std::string indexes = IndexNames(path_);
  {
    auto loader = BulkLoader::Begin(*store_, actor_, "twice");
    ASSERT_TRUE(loader.ok());
    auto hamlet = (*loader)->AddHamlet("32014", "Ấp 1");
    ASSERT_TRUE(hamlet.ok());
    ASSERT_TRUE((*loader)->AddHousehold(MakeHousehold(1, *hamlet)).ok());
    HouseholdYear y;
    y.household_id = 1;
    y.year = 2014;
    y.housing_area_m2 = 30;
    ASSERT_TRUE((*loader)->AddHouseholdYear(y).ok());
    ASSERT_TRUE((*loader)->AddHouseholdYear(y).ok());  // buffered: found when written
    EXPECT_FALSE((*loader)->Commit().ok());
  }
  EXPECT_EQ(ClosedBytes(), before);
  EXPECT_EQ(IndexNames(path_), indexes);
}

TEST_F(BulkLoaderTest, HouseholdsAndPersonsInGroups) {
  {
    auto loader = BulkLoader::Begin(*store_, actor_, "groups of households");
    ASSERT_TRUE(loader.ok());
    auto hamlet = (*loader)->AddHamlet("32014", "Ấp 1");
    ASSERT_TRUE(hamlet.ok());
    // 70 households of 2: a full group of 64 households and two of persons, and rests.
    for (std::int64_t h = 1; h <= 70; ++h) {
      ASSERT_TRUE((*loader)->AddHousehold(MakeHousehold(h, *hamlet)).ok());
      for (std::int64_t k = 1; k <= 2; ++k) {
        ASSERT_TRUE((*loader)->AddPerson(MakePerson(h * 100 + k, h, "Lê Thị Hoa")).ok());
      }
    }
    ASSERT_TRUE((*loader)->Commit().ok());
  }
  EXPECT_EQ(CountRows(path_, "households"), 70);
  EXPECT_EQ(CountRows(path_, "persons"), 140);
  auto members = store_->households().Members(70);
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->size(), 2u);
  EXPECT_EQ((*members)[1].full_name, "Lê Thị Hoa");
}

TEST_F(BulkLoaderTest, AHouseholdCodeGivenTwiceFailsTheLoad) {
  const std::string before = ClosedBytes();
  {
    auto loader = BulkLoader::Begin(*store_, actor_, "code twice");
    ASSERT_TRUE(loader.ok());
    auto hamlet = (*loader)->AddHamlet("32014", "Ấp 1");
    ASSERT_TRUE(hamlet.ok());
    ASSERT_TRUE((*loader)->AddHousehold(MakeHousehold(1, *hamlet)).ok());
    Household again = MakeHousehold(2, *hamlet);
    again.code = MakeHousehold(1, *hamlet).code;
    ASSERT_TRUE((*loader)->AddHousehold(again).ok());  // buffered: found when written
    const Status s = (*loader)->Commit();
    EXPECT_EQ(s.code(), ErrorCode::kAlreadyExists) << s.ToString();
    EXPECT_EQ(s.field(), "code");
  }
  EXPECT_EQ(ClosedBytes(), before);
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
