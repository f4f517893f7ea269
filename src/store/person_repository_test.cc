#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "store/store.h"
#include "store/test_util.h"

namespace ansinh::store {
namespace {

using testing::StoreTest;
using Json = nlohmann::json;

using PersonRepositoryTest = StoreTest;

TEST_F(PersonRepositoryTest, AddStoresNfcNameAndSearchKey) {
  Household h = NewHousehold();
  Person p;
  p.household_id = h.id;
  p.full_name = "  Nguye\xcc\x82\xcc\x83n Va\xcc\x86n A ";  // decomposed, as some imports bring it
  p.sex = Sex::kFemale;
  p.birth_date = "1948";
  p.relation = Relation::kParent;
  p.id_number = "096123456789";
  auto added = store_->households().AddPerson(p, actor_);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->full_name, "Nguyễn Văn A");
  EXPECT_EQ(added->sex, Sex::kFemale);
  EXPECT_EQ(added->relation, Relation::kParent);
  EXPECT_EQ(added->birth_date, "1948");
  EXPECT_EQ(added->code, "");
  auto entries = Audit("person", std::to_string(added->id));
  ASSERT_EQ(entries.size(), 1u);
  Json after = Json::parse(entries[0].after_json);
  EXPECT_EQ(after["search_key"], SearchKey("Nguyễn Văn A"));
  EXPECT_EQ(after["sex"], "F");
  EXPECT_TRUE(after["code"].is_null());
}

TEST_F(PersonRepositoryTest, PersonInAMissingHouseholdIsNotFound) {
  const std::string before = ClosedBytes();
  Person p;
  p.household_id = 77;
  p.full_name = "Lê Văn C";
  p.birth_date = "1990-01-01";
  auto added = store_->households().AddPerson(p, actor_);
  EXPECT_EQ(added.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(added.status().field(), "household");
  EXPECT_EQ(ClosedBytes(), before);
}

TEST_F(PersonRepositoryTest, InvalidPersonIsRejectedBeforeAnyWrite) {
  Household h = NewHousehold();
  const std::string before = ClosedBytes();
  Person p;
  p.household_id = h.id;
  p.full_name = "Lê Văn C";
  p.birth_date = "2030-01-01";
  EXPECT_EQ(store_->households().AddPerson(p, actor_).status().field(), "birth_date");
  p.birth_date = "1990-01-01";
  p.id_number = "12345";
  EXPECT_EQ(store_->households().AddPerson(p, actor_).status().field(), "id_number");
  p.id_number = "";
  p.full_name = " ";
  EXPECT_EQ(store_->households().AddPerson(p, actor_).status().field(), "full_name");
  EXPECT_EQ(ClosedBytes(), before);
}

TEST_F(PersonRepositoryTest, DuplicatePersonCodeIsAlreadyExists) {
  Household h = NewHousehold();
  Person p;
  p.household_id = h.id;
  p.full_name = "Lê Văn C";
  p.birth_date = "1990-01-01";
  p.code = "NK-1";
  ASSERT_TRUE(store_->households().AddPerson(p, actor_).ok());
  auto again = store_->households().AddPerson(p, actor_);
  EXPECT_EQ(again.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.status().field(), "code");
}

TEST_F(PersonRepositoryTest, MembersListTheHeadFirst) {
  Household h = NewHousehold();
  Person child;
  child.household_id = h.id;
  child.full_name = "Nguyễn Văn Con";
  child.birth_date = "2015-03-01";
  child.relation = Relation::kChild;
  ASSERT_TRUE(store_->households().AddPerson(child, actor_).ok());
  Person head = NewPerson(h.id);
  auto members = store_->households().Members(h.id);
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->size(), 2u);
  EXPECT_EQ((*members)[0].id, head.id);
}

TEST_F(PersonRepositoryTest, UpdateAuditsOnlyRealChanges) {
  Household h = NewHousehold();
  Person p = NewPerson(h.id);
  ASSERT_TRUE(store_->households().UpdatePerson(p, actor_).ok());
  EXPECT_EQ(Audit("person").size(), 1u);
  p.full_name = "Nguyễn Văn Ánh";
  ASSERT_TRUE(store_->households().UpdatePerson(p, actor_).ok());
  auto entries = Audit("person", std::to_string(p.id));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "update");
  EXPECT_EQ(Json::parse(entries[0].after_json)["search_key"], "nguyen van anh");
  EXPECT_EQ(store_->households().GetPerson(p.id)->full_name, "Nguyễn Văn Ánh");
}

TEST_F(PersonRepositoryTest, UpdateIntoAMissingHouseholdChangesNothing) {
  Household h = NewHousehold();
  Person p = NewPerson(h.id);
  const std::string before = ClosedBytes();
  p.household_id = 999;
  Status status = store_->households().UpdatePerson(p, actor_);
  EXPECT_EQ(status.code(), ErrorCode::kNotFound);
  EXPECT_EQ(status.field(), "household");
  EXPECT_EQ(ClosedBytes(), before);
}

TEST_F(PersonRepositoryTest, RemovePersonTakesTheirSurveys) {
  Household h = NewHousehold();
  Person p = NewPerson(h.id);
  PersonYear y;
  y.person_id = p.id;
  y.year = 2023;
  ASSERT_TRUE(store_->surveys().PutPersonYear(y, actor_).ok());
  ASSERT_TRUE(store_->households().RemovePerson(p.id, actor_).ok());
  auto gone = store_->surveys().GetPersonYear(p.id, 2023);
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
  EXPECT_EQ(Audit("person", std::to_string(p.id)).front().action, "delete");
  EXPECT_EQ(store_->households().RemovePerson(p.id, actor_).field(), "person");
}

}  // namespace
}  // namespace ansinh::store
