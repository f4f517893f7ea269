// What a write of many rows at once does differently from the repositories' one-row changes,
// shared by the bulk loader and the import writer, inside the caller's transaction:
//  - the secondary indexes of the tables it fills are set aside and built again before the
//    commit, because sorting every key once costs far less than inserting each into a B-tree in
//    random order (the search keys of names are);
//  - foreign keys are checked once over the whole write instead of once per row.
// Both are transactional in SQLite: a write that is not committed leaves the indexes as they were.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/sqlite.h"

namespace ansinh::store::internal {

class DeferredIndexes {
 public:
  // Drops the indexes declared with CREATE INDEX on `tables` (not the primary keys and UNIQUE
  // constraints, which the write needs), remembering their definitions from sqlite_master.
  static Result<DeferredIndexes> Drop(Database& db, std::span<const std::string_view> tables);
  // Creates the dropped indexes again. Call once, before the commit.
  Status Rebuild(Database& db);

 private:
  std::vector<std::string> definitions_;
};

// Steps a prepared statement that returns no row once and makes it ready for the next one.
Status RunOnce(Statement& stmt);

// kFailedPrecondition naming the first row that refers to a row that does not exist (PRAGMA
// foreign_key_check), for writes made with foreign_keys off.
Status CheckForeignKeys(Database& db);

}  // namespace ansinh::store::internal
