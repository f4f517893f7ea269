// A small RAII wrapper over the SQLite C API, private to src/store.
//
// Database owns one connection, configured the way the whole store relies on: WAL journal,
// foreign keys enforced, a busy timeout, synchronous=NORMAL. Statement owns one prepared
// statement; values are always bound, never spliced into SQL text. Transaction is BEGIN IMMEDIATE
// (the write lock is taken up front, so two writers wait instead of deadlocking) and rolls back in
// its destructor unless Commit() succeeded.
//
// Every failure is a Status: a UNIQUE violation is kAlreadyExists, a foreign-key or CHECK violation
// kFailedPrecondition, a file that cannot be opened kIoError. Nothing here throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace ansinh::store {

struct DatabaseOptions {
  bool create_if_missing = true;
  bool read_only = false;
  int busy_timeout_ms = 5000;
};

class Statement;

enum class ColumnKind { kNull, kInteger, kReal, kText };

// One value to bind: NULL, an integer (bool binds 0 or 1), a real or text. Text is not copied:
// it must outlive the Bind call.
class SqlValue {
 public:
  SqlValue(std::nullptr_t) {}                                      // NOLINT: implicit on purpose
  SqlValue(std::int64_t v) : value_(v) {}                          // NOLINT
  SqlValue(int v) : value_(std::int64_t{v}) {}                     // NOLINT
  SqlValue(bool v) : value_(std::int64_t{v ? 1 : 0}) {}            // NOLINT
  SqlValue(double v) : value_(v) {}                                // NOLINT
  SqlValue(std::string_view v) : value_(v) {}                      // NOLINT
  SqlValue(const std::string& v) : value_(std::string_view(v)) {}  // NOLINT
  SqlValue(const char* v) : value_(std::string_view(v)) {}         // NOLINT
  // Text, or NULL when empty (optional columns and foreign keys).
  static SqlValue TextOrNull(std::string_view v) {
    return v.empty() ? SqlValue(nullptr) : SqlValue(v);
  }

  const std::variant<std::nullptr_t, std::int64_t, double, std::string_view>& get() const {
    return value_;
  }

 private:
  std::variant<std::nullptr_t, std::int64_t, double, std::string_view> value_;
};

class Database {
 public:
  // Opens `path`; a missing file is kNotFound unless create_if_missing.
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                const DatabaseOptions& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Prepares one statement; `sql` holds placeholders (?1, :name), never values.
  Result<Statement> Prepare(std::string_view sql);
  // Prepares `sql` and binds `values` to ?1, ?2, ...
  Result<Statement> Prepare(std::string_view sql, std::initializer_list<SqlValue> values);
  // Runs one statement that returns no rows, with `values` bound to ?1, ?2, ...
  Status Execute(std::string_view sql, std::initializer_list<SqlValue> values = {});

  std::int64_t LastInsertRowId() const;
  int Changes() const;  // rows changed by the last INSERT, UPDATE or DELETE
  const std::string& path() const { return path_; }

  // The Status for SQLite result code `rc` on this connection, with its message.
  Status ErrorFor(int rc, std::string_view context) const;

 private:
  Database(sqlite3* handle, std::string path) : handle_(handle), path_(std::move(path)) {}
  sqlite3* handle_;
  std::string path_;
};

class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binding: `index` is 1-based; `name` includes its prefix (":code").
  Status Bind(int index, std::int64_t value);
  Status Bind(int index, double value);
  Status Bind(int index, std::string_view value);
  Status BindNull(int index);
  Status Bind(std::string_view name, std::int64_t value);
  Status Bind(std::string_view name, double value);
  Status Bind(std::string_view name, std::string_view value);
  Status BindNull(std::string_view name);
  // Binds the text, or NULL when empty (optional foreign keys, optional columns).
  Status BindTextOrNull(int index, std::string_view value);
  Status BindTextOrNull(std::string_view name, std::string_view value);
  // Binds `values` to ?1, ?2, ... in order.
  Status BindAll(std::initializer_list<SqlValue> values);
  // Avoids the int/bool ambiguity: binds 0 or 1.
  Status BindBool(int index, bool value) { return Bind(index, std::int64_t{value ? 1 : 0}); }
  Status BindBool(std::string_view name, bool value) {
    return Bind(name, std::int64_t{value ? 1 : 0});
  }

  // Steps once: true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion, expecting no rows.
  Status Run();
  Status Reset();  // ready to step again; bindings are kept

  int ColumnCount() const;
  ColumnKind ColumnType(int column) const;  // BLOBs, which the store never writes, read as text
  bool ColumnIsNull(int column) const;
  std::int64_t ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;  // "" for NULL
  // The same text without a copy: valid until the next Step, Reset or the statement's end.
  std::string_view ColumnView(int column) const;
  std::string ColumnName(int column) const;

 private:
  friend class Database;
  Statement(const Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Status CheckBind(int rc, int index) const;
  Result<int> IndexOf(std::string_view name) const;

  const Database* db_;
  sqlite3_stmt* stmt_;
};

class Transaction {
 public:
  // BEGIN IMMEDIATE on `db`.
  static Result<Transaction> Begin(Database* db);
  ~Transaction();  // rolls back unless committed
  Transaction(Transaction&& other) noexcept : db_(other.db_), done_(other.done_) {
    other.done_ = true;
  }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
  bool done_ = false;
};

}  // namespace ansinh::store
