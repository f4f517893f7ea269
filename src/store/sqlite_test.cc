#include "store/sqlite.h"

#include <gtest/gtest.h>

#include "store/test_util.h"

namespace ansinh::store {
namespace {

using testing::TempDir;

std::unique_ptr<Database> OpenOrDie(const std::string& path) {
  auto db = Database::Open(path, {});
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : nullptr;
}

std::string PragmaText(Database& db, const char* pragma) {
  auto stmt = db.Prepare(pragma);
  EXPECT_TRUE(stmt.ok());
  auto row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row);
  return stmt->ColumnText(0);
}

TEST(DatabaseTest, ConfiguresWalForeignKeysAndSynchronous) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("a.db"));
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(PragmaText(*db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(PragmaText(*db, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(PragmaText(*db, "PRAGMA synchronous"), "1");  // NORMAL
}

TEST(DatabaseTest, MissingFileIsNotFoundWithoutCreate) {
  TempDir dir;
  DatabaseOptions options;
  options.create_if_missing = false;
  auto db = Database::Open(dir.File("missing.db"), options);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), ErrorCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir.File("missing.db")));
}

TEST(DatabaseTest, UnopenablePathIsIoError) {
  TempDir dir;
  auto db = Database::Open(dir.File("no/such/dir/a.db"), {});
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), ErrorCode::kIoError) << db.status().ToString();
}

TEST(DatabaseTest, NotADatabaseIsCorruption) {
  TempDir dir;
  {
    std::ofstream out(dir.File("text.db"));
    out << "this is not a database, just a text file that is long enough to have a header\n";
  }
  auto db = Database::Open(dir.File("text.db"), {});
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), ErrorCode::kCorruption) << db.status().ToString();
}

TEST(StatementTest, BindsByIndexAndNameAndReadsColumns) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("a.db"));
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT)").ok());
  auto insert = db->Prepare("INSERT INTO t VALUES (?1, :r, :s, ?4)");
  ASSERT_TRUE(insert.ok());
  ASSERT_TRUE(insert->Bind(1, std::int64_t{42}).ok());
  ASSERT_TRUE(insert->Bind(":r", 2.5).ok());
  ASSERT_TRUE(insert->Bind(":s", std::string_view("Nguyễn 'x'; DROP TABLE t")).ok());
  ASSERT_TRUE(insert->BindNull(4).ok());
  ASSERT_TRUE(insert->Run().ok());
  EXPECT_EQ(db->Changes(), 1);
  EXPECT_FALSE(insert->Bind(":nope", std::int64_t{1}).ok());

  auto select = db->Prepare("SELECT i, r, s, n FROM t WHERE i = ?1", {42});
  ASSERT_TRUE(select.ok());
  auto row = select->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(select->ColumnInt(0), 42);
  EXPECT_DOUBLE_EQ(select->ColumnDouble(1), 2.5);
  EXPECT_EQ(select->ColumnText(2), "Nguyễn 'x'; DROP TABLE t");
  EXPECT_TRUE(select->ColumnIsNull(3));
  EXPECT_EQ(select->ColumnType(3), ColumnKind::kNull);
  EXPECT_EQ(select->ColumnName(2), "s");
  row = select->Step();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);
  ASSERT_TRUE(select->Reset().ok());
  row = select->Step();
  EXPECT_TRUE(row.ok() && *row);
}

TEST(StatementTest, ConstraintViolationsMapToStableCodes) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("a.db"));
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Execute("CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT UNIQUE, "
                          "n INTEGER CHECK (n >= 0))")
                  .ok());
  ASSERT_TRUE(db->Execute("CREATE TABLE c (p_id INTEGER REFERENCES p (id))").ok());
  ASSERT_TRUE(db->Execute("INSERT INTO p (name, n) VALUES (?1, ?2)", {"a", 1}).ok());
  EXPECT_EQ(db->Execute("INSERT INTO p (name, n) VALUES (?1, ?2)", {"a", 1}).code(),
            ErrorCode::kAlreadyExists);
  EXPECT_EQ(db->Execute("INSERT INTO p (name, n) VALUES (?1, ?2)", {"b", -1}).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(db->Execute("INSERT INTO c (p_id) VALUES (?1)", {99}).code(),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(db->Prepare("SELEC nonsense").status().code(), ErrorCode::kInternal);
}

TEST(TransactionTest, RollsBackUnlessCommitted) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("a.db"));
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Execute("CREATE TABLE t (i INTEGER)").ok());
  {
    auto tx = Transaction::Begin(db.get());
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db->Execute("INSERT INTO t VALUES (1)").ok());
  }  // rolled back
  {
    auto tx = Transaction::Begin(db.get());
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db->Execute("INSERT INTO t VALUES (2)").ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto count = db->Prepare("SELECT group_concat(i) FROM t");
  ASSERT_TRUE(count.ok());
  ASSERT_TRUE(count->Step().ok());
  EXPECT_EQ(count->ColumnText(0), "2");
}

TEST(TransactionTest, SecondWriterTimesOutAsConflict) {
  TempDir dir;
  auto a = OpenOrDie(dir.File("a.db"));
  ASSERT_NE(a, nullptr);
  ASSERT_TRUE(a->Execute("CREATE TABLE t (i INTEGER)").ok());
  DatabaseOptions quick;
  quick.busy_timeout_ms = 10;
  auto b = Database::Open(dir.File("a.db"), quick);
  ASSERT_TRUE(b.ok());
  auto held = Transaction::Begin(a.get());
  ASSERT_TRUE(held.ok());
  auto blocked = Transaction::Begin(b->get());
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.status().code(), ErrorCode::kConflict);
}

}  // namespace
}  // namespace ansinh::store
