// The store's schema as a numbered list of forward-only migrations.
//
// Migration N is a list of SQL statements; Migrate() applies every migration the database has
// not seen, each in its own transaction together with its row in schema_version (version,
// applied_at). A shipped migration never changes: a new column or table is a new migration at the
// end. A database whose version is newer than the program's is refused, never downgraded.
#pragma once

#include <span>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"
#include "store/sqlite.h"

namespace ansinh::store {

struct Migration {
  int version;                   // 1, 2, ... with no gaps
  std::string_view description;  // what it adds, for docs and errors
  std::span<const std::string_view> statements;
  // A step SQL statements alone cannot express, run after them in the same transaction.
  Status (*step)(Database& db) = nullptr;
};

// Every migration, in order.
std::span<const Migration> Migrations();

// The schema version this program writes.
int LatestSchemaVersion();

// The highest version recorded in schema_version; 0 for an empty database.
Result<int> CurrentSchemaVersion(Database& db);

// Applies the migrations after the current version up to `target_version` (tests stop early to
// build an older database). kFailedPrecondition when the database is newer than the program.
Status Migrate(Database& db, const Clock& clock, int target_version);
inline Status Migrate(Database& db, const Clock& clock) {
  return Migrate(db, clock, LatestSchemaVersion());
}

}  // namespace ansinh::store
