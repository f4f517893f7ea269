// Classifications, users and the audit log.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "store/test_util.h"

namespace ansinh::store {
namespace {

using testing::StoreTest;
using Json = nlohmann::json;

using ClassificationRepositoryTest = StoreTest;
using UserRepositoryTest = StoreTest;
using AuditLogTest = StoreTest;

Classification Poor(std::int64_t household_id) {
  Classification c;
  c.household_id = household_id;
  c.year = 2024;
  c.standard_id = "vn-2022-2025";
  c.category = Category::kPoor;
  c.income_per_capita = 1'200'000;
  c.deprivation_count = 2;
  c.outcome = "new";
  c.explanation_json = R"({"line":"poor","deprivations":["health","water"]})";
  return c;
}

TEST_F(ClassificationRepositoryTest, PutReplacesAndAuditsOnlyRealChanges) {
  Household h = NewHousehold();
  ASSERT_TRUE(store_->classifications().Put(Poor(h.id), actor_).ok());
  clock_.Advance(3600);
  ASSERT_TRUE(store_->classifications().Put(Poor(h.id), actor_).ok());  // same result
  auto list = store_->classifications().ForHousehold(h.id);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].classified_at, "2024-06-15T00:00:00Z");  // the first one is kept
  EXPECT_EQ((*list)[0].category, Category::kPoor);
  EXPECT_EQ(Json::parse((*list)[0].explanation_json)["line"], "poor");
  EXPECT_EQ(Audit("classification").size(), 1u);

  Classification c = Poor(h.id);
  c.category = Category::kNearPoor;
  ASSERT_TRUE(store_->classifications().Put(c, actor_).ok());
  auto entries = Audit("classification", std::to_string(h.id) + "/2024/vn-2022-2025");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "update");
  EXPECT_EQ(Json::parse(entries[0].after_json)["category"], "near_poor");
}

TEST_F(ClassificationRepositoryTest, RejectsBadInput) {
  Household h = NewHousehold();
  Classification c = Poor(h.id);
  c.explanation_json = "{not json";
  EXPECT_EQ(store_->classifications().Put(c, actor_).field(), "explanation");
  c = Poor(h.id);
  c.standard_id = "";
  EXPECT_EQ(store_->classifications().Put(c, actor_).field(), "standard");
  c = Poor(h.id + 50);
  EXPECT_EQ(store_->classifications().Put(c, actor_).code(), ErrorCode::kNotFound);
}

TEST_F(UserRepositoryTest, AddFindListAndRedactTheHash) {
  User u{0, "cb.taankhuong", "$argon2id$v=19$secret", "commune", "32014", false, ""};
  auto added = store_->users().Add(u, actor_);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_GT(added->id, 0);
  EXPECT_EQ(added->created_at, "2024-06-15T00:00:00Z");
  auto found = store_->users().FindByUsername("cb.taankhuong");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->password_hash, "$argon2id$v=19$secret");
  EXPECT_EQ((*found)->unit_code, "32014");
  auto again = store_->users().Add(u, actor_);
  EXPECT_EQ(again.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.status().field(), "username");
  ASSERT_TRUE(store_->users().SetPasswordHash("cb.taankhuong", "$argon2id$new", actor_).ok());
  EXPECT_EQ(store_->users().FindByUsername("cb.taankhuong")->value().password_hash,
            "$argon2id$new");
  auto entries = Audit("user");
  ASSERT_EQ(entries.size(), 2u);
  for (const AuditEntry& e : entries) {
    EXPECT_EQ(e.before_json.find("argon2id"), std::string::npos);
    EXPECT_EQ(e.after_json.find("argon2id"), std::string::npos);
  }
  EXPECT_EQ(store_->users().SetPasswordHash("nobody", "x", actor_).code(), ErrorCode::kNotFound);
  auto users = store_->users().List();
  ASSERT_TRUE(users.ok());
  EXPECT_EQ(users->size(), 1u);
}

TEST_F(UserRepositoryTest, RejectsBadRolesAndUnits) {
  User u{0, "x", "h", "superuser", "", false, ""};
  EXPECT_EQ(store_->users().Add(u, actor_).status().field(), "role");
  u.role = "viewer";
  u.unit_code = "77";
  EXPECT_EQ(store_->users().Add(u, actor_).status().field(), "unit");
  u.unit_code = "";
  u.username = "";
  EXPECT_EQ(store_->users().Add(u, actor_).status().field(), "username");
}

TEST_F(AuditLogTest, ListsNewestFirstAndFilters) {
  Household a = NewHousehold();
  Household b = NewHousehold();
  auto all = Audit("household");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].key, std::to_string(b.id));
  EXPECT_GT(all[0].id, all[1].id);
  EXPECT_EQ(Audit("household", std::to_string(a.id)).size(), 1u);
  auto limited = store_->audit().List({"", "", 1});
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->size(), 1u);
}

TEST_F(AuditLogTest, RecordsEvents) {
  ASSERT_TRUE(
      store_->audit().RecordEvent({"admin"}, "login", "user", "1", R"({"ip":"10.0.0.1"})").ok());
  auto entries = Audit("user", "1");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "login");
  EXPECT_EQ(entries[0].actor, "admin");
  EXPECT_EQ(entries[0].before_json, "");
  EXPECT_EQ(Json::parse(entries[0].after_json)["ip"], "10.0.0.1");
  EXPECT_EQ(store_->audit().RecordEvent({"admin"}, "login", "user", "1", "{oops").field(),
            "detail");
}

}  // namespace
}  // namespace ansinh::store
