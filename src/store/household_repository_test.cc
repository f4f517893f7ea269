#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "store/test_util.h"

namespace ansinh::store {
namespace {

using testing::StoreTest;
using Json = nlohmann::json;

using HouseholdRepositoryTest = StoreTest;

TEST_F(HouseholdRepositoryTest, AddGeneratesTheCodeAndAuditsTheInsert) {
  Household h = NewHousehold();
  EXPECT_GT(h.id, 0);
  EXPECT_EQ(h.code, "32014-" + std::to_string(h.id));
  EXPECT_EQ(h.hamlet_name, "Ấp Ninh Thạnh");
  EXPECT_GT(h.hamlet_id, 0);
  auto entries = Audit("household", std::to_string(h.id));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "insert");
  EXPECT_EQ(entries[0].actor, "tester");
  EXPECT_EQ(entries[0].at, "2024-06-15T00:00:00Z");
  EXPECT_EQ(entries[0].before_json, "");
  Json after = Json::parse(entries[0].after_json);
  EXPECT_EQ(after["code"], h.code);
  EXPECT_EQ(after["commune_code"], "32014");
  EXPECT_EQ(after["hamlet_id"], h.hamlet_id);
}

TEST_F(HouseholdRepositoryTest, AddKeepsAGivenCodeAndRejectsATakenOne) {
  Household h;
  h.code = "HN-001";
  h.commune_code = "32014";
  h.hamlet_name = "Ấp 1";
  auto added = store_->households().Add(h, actor_);
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->code, "HN-001");
  const std::string before = ClosedBytes();
  auto again = store_->households().Add(h, actor_);
  EXPECT_EQ(again.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.status().field(), "code");
  EXPECT_EQ(ClosedBytes(), before);
  auto found = store_->households().FindByCode("HN-001");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->id, added->id);
}

TEST_F(HouseholdRepositoryTest, UnknownCommuneIsNotFoundAndChangesNothing) {
  const std::string before = ClosedBytes();
  Household h;
  h.commune_code = "32999";
  h.hamlet_name = "Ấp 1";
  auto added = store_->households().Add(h, actor_);
  EXPECT_EQ(added.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(added.status().field(), "commune");
  h.commune_code = "abc";
  EXPECT_EQ(store_->households().Add(h, actor_).status().field(), "commune");
  EXPECT_EQ(ClosedBytes(), before);
}

TEST_F(HouseholdRepositoryTest, GetOfAMissingHouseholdIsNotFound) {
  auto h = store_->households().Get(12345);
  EXPECT_EQ(h.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(h.status().field(), "household");
}

TEST_F(HouseholdRepositoryTest, ListFiltersByCommuneDistrictAndProvince) {
  Household a = NewHousehold();
  Household b;
  b.commune_code = "32200";
  b.hamlet_name = "Khóm 3";
  ASSERT_TRUE(store_->households().Add(b, actor_).ok());
  auto count = [&](const std::string& unit) {
    auto list = store_->households().List({unit, 100, 0});
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    return list.ok() ? list->size() : 0u;
  };
  EXPECT_EQ(count(""), 2u);
  EXPECT_EQ(count("96"), 2u);
  EXPECT_EQ(count("964"), 1u);
  EXPECT_EQ(count("32014"), 1u);
  EXPECT_EQ(count("966"), 1u);
  auto paged = store_->households().List({"", 1, 1});
  ASSERT_TRUE(paged.ok());
  ASSERT_EQ(paged->size(), 1u);
  EXPECT_NE((*paged)[0].id, a.id);
  auto unknown = store_->households().List({"77", 10, 0});
  EXPECT_EQ(unknown.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(unknown.status().field(), "unit");
}

TEST_F(HouseholdRepositoryTest, UpdateAuditsBeforeAndAfter) {
  Household h = NewHousehold();
  h.address = "Số 5, đường 3/2";
  h.hamlet_name = "Ấp Mới";
  ASSERT_TRUE(store_->households().Update(h, actor_).ok());
  auto stored = store_->households().Get(h.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->address, "Số 5, đường 3/2");
  EXPECT_EQ(stored->hamlet_name, "Ấp Mới");
  auto entries = Audit("household", std::to_string(h.id));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "update");
  EXPECT_EQ(Json::parse(entries[0].before_json)["address"], "");
  EXPECT_EQ(Json::parse(entries[0].after_json)["address"], "Số 5, đường 3/2");
}

TEST_F(HouseholdRepositoryTest, UpdateThatChangesNothingWritesNothing) {
  Household h = NewHousehold();
  const std::string before = ClosedBytes();
  ASSERT_TRUE(store_->households().Update(h, actor_).ok());
  EXPECT_EQ(Audit("household").size(), 1u);
  EXPECT_EQ(ClosedBytes(), before);
}

TEST_F(HouseholdRepositoryTest, RejectedUpdateChangesNothing) {
  Household h = NewHousehold();
  Household other = NewHousehold();
  const std::string before = ClosedBytes();
  Household bad = h;
  bad.code = other.code;  // taken
  EXPECT_EQ(store_->households().Update(bad, actor_).code(), ErrorCode::kAlreadyExists);
  bad = h;
  bad.commune_code = "32999";
  EXPECT_EQ(store_->households().Update(bad, actor_).field(), "commune");
  bad = h;
  bad.id = 999;
  EXPECT_EQ(store_->households().Update(bad, actor_).field(), "household");
  EXPECT_EQ(ClosedBytes(), before);
}

TEST_F(HouseholdRepositoryTest, RemoveCascadesAndAuditsEveryRow) {
  Household h = NewHousehold();
  Person p = NewPerson(h.id);
  HouseholdYear y;
  y.household_id = h.id;
  y.year = 2024;
  y.income_month = 2'000'000;
  y.housing_area_m2 = 30;
  ASSERT_TRUE(store_->surveys().PutHouseholdYear(y, actor_).ok());
  PersonYear py;
  py.person_id = p.id;
  py.year = 2024;
  ASSERT_TRUE(store_->surveys().PutPersonYear(py, actor_).ok());
  Classification c;
  c.household_id = h.id;
  c.year = 2024;
  c.standard_id = "vn-2022-2025";
  c.category = Category::kPoor;
  ASSERT_TRUE(store_->classifications().Put(c, actor_).ok());

  ASSERT_TRUE(store_->households().Remove(h.id, actor_).ok());
  EXPECT_EQ(store_->households().Get(h.id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->households().GetPerson(p.id).status().code(), ErrorCode::kNotFound);
  auto years = store_->surveys().HouseholdYears(h.id);
  ASSERT_TRUE(years.ok());
  EXPECT_TRUE(years->empty());
  auto classes = store_->classifications().ForHousehold(h.id);
  ASSERT_TRUE(classes.ok());
  EXPECT_TRUE(classes->empty());
  int deletes = 0;
  for (const AuditEntry& e : Audit()) {
    if (e.action != "delete") continue;
    ++deletes;
    EXPECT_FALSE(e.before_json.empty());
    EXPECT_EQ(e.after_json, "");
  }
  EXPECT_EQ(deletes, 5);  // person_year, person, household_year, classification, household
  EXPECT_EQ(Audit("person_year", std::to_string(p.id) + "/2024").front().action, "delete");
  EXPECT_EQ(Audit("household", std::to_string(h.id)).front().action, "delete");
  EXPECT_EQ(store_->households().Remove(h.id, actor_).field(), "household");
}

TEST_F(HouseholdRepositoryTest, IdsAreNeverReused) {
  Household a = NewHousehold();
  ASSERT_TRUE(store_->households().Remove(a.id, actor_).ok());
  Household b = NewHousehold();
  EXPECT_GT(b.id, a.id);
  EXPECT_NE(b.code, a.code);
}

}  // namespace
}  // namespace ansinh::store
