#include "store/schema.h"

#include <gtest/gtest.h>

#include "store/test_util.h"

namespace ansinh::store {
namespace {

using testing::TempDir;

class SchemaTest : public ::testing::Test {
 protected:
  std::unique_ptr<Database> Open() {
    auto db = Database::Open(dir_.File("s.db"), {});
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }
  bool HasObject(Database& db, const char* name) {
    auto stmt = db.Prepare("SELECT 1 FROM sqlite_master WHERE name = ?1", {name});
    if (!stmt.ok()) return false;
    auto row = stmt->Step();
    return row.ok() && *row;
  }
  TempDir dir_;
  FixedClock clock_{testing::kJune15};
};

TEST_F(SchemaTest, MigrationsAreNumberedWithoutGaps) {
  int expected = 1;
  for (const Migration& m : Migrations()) {
    EXPECT_EQ(m.version, expected++);
    EXPECT_TRUE(!m.statements.empty() || m.step != nullptr) << m.version;
  }
  EXPECT_EQ(LatestSchemaVersion(), expected - 1);
  EXPECT_GE(LatestSchemaVersion(), 2);
}

// Every version, built from an empty database by applying the migrations up to it.
TEST_F(SchemaTest, EachVersionAppliesToAnEmptyDatabase) {
  for (int version = 1; version <= LatestSchemaVersion(); ++version) {
    TempDir dir;
    auto db = Database::Open(dir.File("e.db"), {});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(**db, clock_, version).ok()) << version;
    auto current = CurrentSchemaVersion(**db);
    ASSERT_TRUE(current.ok());
    EXPECT_EQ(*current, version);
    auto check = (*db)->Prepare("PRAGMA foreign_key_check");
    ASSERT_TRUE(check.ok());
    auto row = check->Step();
    ASSERT_TRUE(row.ok());
    EXPECT_FALSE(*row);
  }
}

// Version N-1 (with data in it) migrates to N, and the data survives.
TEST_F(SchemaTest, EachVersionMigratesFromTheVersionBefore) {
  for (int version = 2; version <= LatestSchemaVersion(); ++version) {
    TempDir dir;
    {
      auto db = Database::Open(dir.File("m.db"), {});
      ASSERT_TRUE(db.ok());
      ASSERT_TRUE(Migrate(**db, clock_, version - 1).ok());
      ASSERT_TRUE((*db)
                      ->Execute("INSERT INTO admin_units (code, name, type, level) "
                                "VALUES ('96', 'Tỉnh Cà Mau', 'Tỉnh', 1)")
                      .ok());
    }
    auto db = Database::Open(dir.File("m.db"), {});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(**db, clock_, version).ok()) << version;
    EXPECT_EQ(*CurrentSchemaVersion(**db), version);
    auto unit = (*db)->Prepare("SELECT name FROM admin_units WHERE code = '96'");
    ASSERT_TRUE(unit.ok());
    ASSERT_TRUE(*unit->Step());
    EXPECT_EQ(unit->ColumnText(0), "Tỉnh Cà Mau");
    auto versions = (*db)->Prepare("SELECT COUNT(*), MIN(applied_at) FROM schema_version");
    ASSERT_TRUE(versions.ok());
    ASSERT_TRUE(*versions->Step());
    EXPECT_EQ(versions->ColumnInt(0), version);
    EXPECT_EQ(versions->ColumnText(1), "2024-06-15T00:00:00Z");
  }
}

TEST_F(SchemaTest, StoreOpenMigratesAnOlderFile) {
  {
    auto db = Open();
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(Migrate(*db, clock_, LatestSchemaVersion() - 1).ok());
  }
  auto store = Store::Open(dir_.File("s.db"), clock_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->schema_version(), LatestSchemaVersion());
  EXPECT_TRUE((*store)->audit().List({}).ok());
}

TEST_F(SchemaTest, MigratingTwiceIsANoOp) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(Migrate(*db, clock_).ok());
  ASSERT_TRUE(Migrate(*db, clock_).ok());
  EXPECT_EQ(*CurrentSchemaVersion(*db), LatestSchemaVersion());
  EXPECT_TRUE(HasObject(*db, "audit_log"));
  EXPECT_TRUE(HasObject(*db, "persons_by_search_key"));
  EXPECT_TRUE(HasObject(*db, "persons_by_id_number"));
}

TEST_F(SchemaTest, RefusesADatabaseNewerThanTheProgram) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(Migrate(*db, clock_).ok());
  ASSERT_TRUE(db->Execute("INSERT INTO schema_version (version, applied_at) VALUES (?1, ?2)",
                          {LatestSchemaVersion() + 1, "2030-01-01T00:00:00Z"})
                  .ok());
  Status status = Migrate(*db, clock_);
  EXPECT_EQ(status.code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(status.message_en().find("newer"), std::string::npos) << status.ToString();
  db.reset();
  auto store = Store::Open(dir_.File("s.db"), clock_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kFailedPrecondition);
}

TEST_F(SchemaTest, AuditLogIsAppendOnly) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(Migrate(*db, clock_).ok());
  ASSERT_TRUE(db->Execute("INSERT INTO audit_log (at, actor, action, table_name, row_key) "
                          "VALUES ('t', 'a', 'insert', 'household', '1')")
                  .ok());
  EXPECT_EQ(db->Execute("UPDATE audit_log SET actor = 'someone else'").code(),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(db->Execute("DELETE FROM audit_log").code(), ErrorCode::kFailedPrecondition);
  auto count = db->Prepare("SELECT actor FROM audit_log");
  ASSERT_TRUE(count.ok() && *count->Step());
  EXPECT_EQ(count->ColumnText(0), "a");
}

TEST_F(SchemaTest, ChecksRejectBadValuesEvenWithoutTheRepositories) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(Migrate(*db, clock_).ok());
  EXPECT_EQ(db->Execute("INSERT INTO admin_units (code, name, type, level) "
                        "VALUES ('96', 'x', 'Tỉnh', 4)")
                .code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(db->Execute("INSERT INTO users (username, password_hash, role, created_at) "
                        "VALUES ('a', 'h', 'superuser', 't')")
                .code(),
            ErrorCode::kInvalidArgument);
}

// Version 4 rewrote the value-list constraints as `=` chains: they still refuse what they
// refused, and accept what they accepted.
TEST_F(SchemaTest, ValueListConstraintsHoldAfterTheirRewrite) {
  TempDir dir;
  auto db = Database::Open(dir.File("v.db"), {});
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(Migrate(**db, clock_).ok());
  Database& d = **db;
  ASSERT_TRUE(d.Execute("PRAGMA foreign_keys = OFF").ok());
  auto person = [&d](const char* relation) {
    return d.Execute(
        "INSERT INTO persons (household_id, code, full_name, search_key, sex, birth_date, "
        "relation) VALUES (1, ?1, 'A', 'a', 'M', '1990', ?2)",
        {std::string("P-") + relation, relation});
  };
  for (const char* ok : {"head", "spouse", "child", "parent", "grandchild", "sibling", "other"}) {
    EXPECT_TRUE(person(ok).ok()) << ok;
  }
  EXPECT_FALSE(person("boss").ok());
  auto survey = [&d](int year, const char* quality) {
    return d.Execute("INSERT INTO household_years VALUES (1, ?1, 0, ?2, 20, 0, 0, 0, 0)",
                     {year, quality});
  };
  EXPECT_TRUE(survey(2011, "permanent").ok());
  EXPECT_TRUE(survey(2012, "temporary").ok());
  EXPECT_FALSE(survey(2013, "tent").ok());
  auto classification = [&d](const char* category) {
    return d.Execute(
        "INSERT INTO classifications (household_id, year, standard_id, category, "
        "income_per_capita, deprivation_count, classified_at) "
        "VALUES (1, 2014, ?1, ?1, 0, 0, 'now')",
        {category});
  };
  EXPECT_TRUE(classification("near_poor").ok());
  EXPECT_FALSE(classification("rich").ok());
}

}  // namespace
}  // namespace ansinh::store
