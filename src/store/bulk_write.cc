#include "store/bulk_write.h"

namespace ansinh::store::internal {

Result<DeferredIndexes> DeferredIndexes::Drop(Database& db,
                                              std::span<const std::string_view> tables) {
  DeferredIndexes deferred;
  std::vector<std::string> names;
  for (std::string_view table : tables) {
    // sql IS NULL for the automatic indexes of PRIMARY KEY and UNIQUE: those stay.
    ANSINH_ASSIGN_OR_RETURN(
        Statement stmt,
        db.Prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 "
                   "AND sql IS NOT NULL ORDER BY name",
                   {table}));
    for (;;) {
      ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      names.push_back(stmt.ColumnText(0));
      deferred.definitions_.push_back(stmt.ColumnText(1));
    }
  }
  for (const std::string& name : names) {
    ANSINH_RETURN_IF_ERROR(db.Execute("DROP INDEX \"" + name + "\""));
  }
  return deferred;
}

Status DeferredIndexes::Rebuild(Database& db) {
  for (const std::string& definition : definitions_) ANSINH_RETURN_IF_ERROR(db.Execute(definition));
  definitions_.clear();
  return Status::Ok();
}

Status RunOnce(Statement& stmt) {
  Status run = stmt.Run();
  Status reset = stmt.Reset();
  return run.ok() ? reset : run;
}

Status CheckForeignKeys(Database& db) {
  ANSINH_ASSIGN_OR_RETURN(Statement check, db.Prepare("PRAGMA foreign_key_check"));
  ANSINH_ASSIGN_OR_RETURN(bool orphan, check.Step());
  if (!orphan) return Status::Ok();
  const std::string table = check.ColumnText(0), row = check.ColumnText(1);
  return Status::Error(ErrorCode::kFailedPrecondition,
                       "dòng " + row + " của bảng " + table + " trỏ tới dòng không tồn tại",
                       "row " + row + " of " + table + " refers to a row that does not exist");
}

}  // namespace ansinh::store::internal
