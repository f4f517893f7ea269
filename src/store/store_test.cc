// Store::Open and the unit repository.
#include "store/store.h"

#include <gtest/gtest.h>

#include "store/schema.h"
#include "store/test_util.h"

namespace ansinh::store {
namespace {

using testing::StoreTest;
using testing::TempDir;

TEST(StoreOpenTest, CreatesAndMigratesANewFile) {
  TempDir dir;
  FixedClock clock(testing::kJune15);
  auto store = Store::Open(dir.File("new.db"), clock);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->schema_version(), LatestSchemaVersion());
}

TEST(StoreOpenTest, MissingFileWithoutCreateIsNotFound) {
  TempDir dir;
  FixedClock clock(testing::kJune15);
  OpenOptions options;
  options.create_if_missing = false;
  auto store = Store::Open(dir.File("missing.db"), clock, options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kNotFound);
}

TEST(StoreOpenTest, UnopenablePathIsIoError) {
  TempDir dir;
  FixedClock clock(testing::kJune15);
  auto store = Store::Open(dir.File("no-such-dir/a.db"), clock);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kIoError);
}

TEST_F(StoreTest, InitProvinceWritesTheTreeAndAuditsEachUnit) {
  auto province = store_->units().Province();
  ASSERT_TRUE(province.ok());
  EXPECT_EQ(province->code, "96");
  auto all = store_->units().All();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 5u);
  EXPECT_EQ((*all)[0].code, "32014");  // ordered by code
  auto children = store_->units().Children("96");
  ASSERT_TRUE(children.ok());
  ASSERT_EQ(children->size(), 2u);
  EXPECT_EQ((*children)[0].code, "964");
  auto ward = store_->units().Find("32200");
  ASSERT_TRUE(ward.ok() && ward->has_value());
  EXPECT_TRUE((*ward)->urban);
  EXPECT_EQ((*ward)->level, UnitLevel::kCommune);
  auto none = store_->units().Find("99999");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  EXPECT_EQ(Audit("admin_unit").size(), 5u);
}

TEST_F(StoreTest, InitProvinceTwiceIsAlreadyExistsAndChangesNothing) {
  const std::string before = ClosedBytes();
  Status status = store_->units().InitProvince(testing::SmallProvince(), actor_);
  EXPECT_EQ(status.code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(ClosedBytes(), before);
}

TEST(StoreInitTest, ProvinceOfAnEmptyDatabaseIsFailedPrecondition) {
  TempDir dir;
  FixedClock clock(testing::kJune15);
  auto store = Store::Open(dir.File("e.db"), clock);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->units().Province().status().code(), ErrorCode::kFailedPrecondition);
}

TEST(StoreInitTest, ARejectedTreeWritesNoUnitAtAll) {
  TempDir dir;
  FixedClock clock(testing::kJune15);
  auto store = Store::Open(dir.File("e.db"), clock);
  ASSERT_TRUE(store.ok());
  auto units = testing::SmallProvince();
  units.push_back({"32999", "Xã Mồ Côi", "Xã", UnitLevel::kCommune, "999", false});
  Status status = (*store)->units().InitProvince(units, {"cli"});
  EXPECT_EQ(status.code(), ErrorCode::kNotFound);
  EXPECT_EQ(status.field(), "parent_code");
  auto all = (*store)->units().All();
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty());
  units.pop_back();
  units[3].code = "3201";
  EXPECT_EQ((*store)->units().InitProvince(units, {"cli"}).field(), "code");
}

TEST_F(StoreTest, FindOrCreateHamletCreatesOnceAndChecksTheCommune) {
  auto a = store_->units().FindOrCreateHamlet("32014", " Ấp Ninh  Thạnh", actor_);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto b = store_->units().FindOrCreateHamlet("32014", "Ấp Ninh  Thạnh", actor_);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->id, b->id);
  EXPECT_EQ(Audit("hamlet").size(), 1u);
  auto missing = store_->units().FindOrCreateHamlet("32999", "Ấp 1", actor_);
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(missing.status().field(), "commune");
  auto district = store_->units().FindOrCreateHamlet("964", "Ấp 1", actor_);
  EXPECT_EQ(district.status().field(), "commune");
  auto empty = store_->units().FindOrCreateHamlet("32014", "  ", actor_);
  EXPECT_EQ(empty.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(empty.status().field(), "hamlet");
  auto hamlets = store_->units().Hamlets("32014");
  ASSERT_TRUE(hamlets.ok());
  EXPECT_EQ(hamlets->size(), 1u);
}

TEST_F(StoreTest, CountsByCommune) {
  Household h1 = NewHousehold("Ấp 1");
  NewHousehold("Ấp 2");
  NewPerson(h1.id);
  NewPerson(h1.id, "Trần Thị B");
  auto counts = store_->units().CountsByCommune();
  ASSERT_TRUE(counts.ok());
  ASSERT_EQ(counts->size(), 1u);
  const UnitCounts& c = counts->at("32014");
  EXPECT_EQ(c.hamlets, 2);
  EXPECT_EQ(c.households, 2);
  EXPECT_EQ(c.persons, 2);
}

TEST_F(StoreTest, DataSurvivesReopening) {
  Household h = NewHousehold();
  Reopen();
  auto again = store_->households().Get(h.id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->code, h.code);
}

// The server's question to the log: anything since what I loaded that changes the registry? A
// sign-in or a stored classification does not; a household does.
TEST_F(StoreTest, ChangesSinceTellsRegistryChangesFromOthers) {
  auto start = store_->audit().ChangesSince(-1);
  ASSERT_TRUE(start.ok()) << start.status().ToString();
  EXPECT_GT(start->last_id, 0);  // the units of InitProvince
  EXPECT_FALSE(start->registry_changed);
  auto none = store_->audit().ChangesSince(start->last_id);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->last_id, start->last_id);
  EXPECT_FALSE(none->registry_changed);

  ASSERT_TRUE(store_->audit().RecordEvent(actor_, "login", "user", "tinh", "{}").ok());
  auto login = store_->audit().ChangesSince(start->last_id);
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(login->last_id, start->last_id + 1);
  EXPECT_FALSE(login->registry_changed);

  NewHousehold();
  auto household = store_->audit().ChangesSince(login->last_id);
  ASSERT_TRUE(household.ok());
  EXPECT_GT(household->last_id, login->last_id);
  EXPECT_TRUE(household->registry_changed);
  EXPECT_FALSE(store_->audit().ChangesSince(household->last_id)->registry_changed);
}

}  // namespace
}  // namespace ansinh::store
