// What a write of many rows at once does differently from the repositories' one-row changes,
// shared by the bulk loader and the import writer, inside the caller's transaction:
//  - the secondary indexes of the tables it fills are set aside and built again before the
//    commit, because sorting every key once costs far less than inserting each into a B-tree in
//    random order (the search keys of names are);
//  - foreign keys are checked once over the whole write instead of once per row;
//  - rows are written many at a time by one multi-row INSERT (BatchInsert), so that SQLite runs one
//    statement for a hundred rows instead of one each.
// All are transactional in SQLite: a write that is not committed leaves the tables and indexes as
// they were.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"
#include "store/sqlite.h"

namespace ansinh::store::internal {

class DeferredIndexes {
 public:
  // Drops the indexes declared with CREATE INDEX on `tables` (not the primary keys and UNIQUE
  // constraints, which the write needs), remembering their definitions from sqlite_master.
  static Result<DeferredIndexes> Drop(Database& db, std::span<const std::string_view> tables);
  // Creates the dropped indexes again and gathers the planner's statistics (ANALYZE). Call once,
  // before the commit.
  Status Rebuild(Database& db);

 private:
  std::vector<std::string> definitions_;
};

// Rows of one table waiting to be written by one multi-row INSERT: values are copied in (text
// included), and every kRows rows go out by one prepared "INSERT ... VALUES (?, ...), (...), ...".
// A constraint that fails is reported by the Add or Flush that wrote the group, for the group.
class BatchInsert {
 public:
  static constexpr int kRows = 128;
  using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

  // `insert` is "INSERT INTO t (a, b, c) VALUES " (or with OR REPLACE, ...); `columns` its count.
  static Result<BatchInsert> Prepare(Database& db, std::string insert, int columns);

  // Appends one value of the current row; a row is complete after `columns` values.
  void Int(std::int64_t v) { values_.emplace_back(v); }
  void Real(double v) { values_.emplace_back(v); }
  void Text(std::string_view v) { values_.emplace_back(std::string(v)); }
  void TextOrNull(std::string_view v) {
    if (v.empty()) {
      values_.emplace_back(nullptr);
    } else {
      Text(v);
    }
  }
  // Call after each complete row: writes the batch when it is full.
  Status EndRow(Database& db);
  // Writes every buffered row.
  Status Flush(Database& db);
  std::size_t pending_rows() const { return values_.size() / static_cast<std::size_t>(columns_); }

 private:
  BatchInsert(std::string insert, int columns, Statement full)
      : insert_(std::move(insert)), columns_(columns), full_(std::move(full)) {}
  Status Write(Statement& stmt, std::size_t rows);

  std::string insert_;
  int columns_;
  Statement full_;  // kRows rows
  std::vector<Value> values_;
};

// "<insert> (?, ?, ...), (...), ..." for `rows` rows of `columns` anonymous parameters, which
// SQLite numbers 1, 2, ... from the left.
std::string MultiRowValues(std::string_view insert, int columns, std::size_t rows);

// Steps a prepared statement that returns no row once and makes it ready for the next one.
Status RunOnce(Statement& stmt);

// kFailedPrecondition naming the first row that refers to a row that does not exist (PRAGMA
// foreign_key_check), for writes made with foreign_keys off.
Status CheckForeignKeys(Database& db);

}  // namespace ansinh::store::internal
