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
  // Statistics for the query planner, now that the tables are large: without them SQLite takes
  // one equality index as good as another and may walk a whole year's person_years_by_year
  // for one household's persons. A sampled ANALYZE (1,000 rows an index) costs about a second
  // on the demo province.
  ANSINH_RETURN_IF_ERROR(db.Execute("PRAGMA analysis_limit = 1000"));
  return db.Execute("ANALYZE");
}

std::string MultiRowValues(std::string_view insert, int columns, std::size_t rows) {
  std::string row = "(?";
  for (int c = 1; c < columns; ++c) row += ", ?";
  row += ")";
  std::string sql(insert);
  sql.reserve(sql.size() + rows * (row.size() + 2));
  for (std::size_t r = 0; r < rows; ++r) {
    if (r > 0) sql += ", ";
    sql += row;
  }
  return sql;
}

Result<BatchInsert> BatchInsert::Prepare(Database& db, std::string insert, int columns) {
  ANSINH_ASSIGN_OR_RETURN(Statement full, db.Prepare(MultiRowValues(insert, columns, kRows)));
  BatchInsert batch(std::move(insert), columns, std::move(full));
  batch.values_.reserve(static_cast<std::size_t>(kRows * columns));
  return batch;
}

Status BatchInsert::Write(Statement& stmt, std::size_t rows) {
  const std::size_t n = rows * static_cast<std::size_t>(columns_);
  for (std::size_t i = 0; i < n; ++i) {
    const int at = static_cast<int>(i) + 1;
    const Value& v = values_[i];
    Status bound = Status::Ok();
    if (const auto* x = std::get_if<std::int64_t>(&v)) {
      bound = stmt.Bind(at, *x);
    } else if (const auto* d = std::get_if<double>(&v)) {
      bound = stmt.Bind(at, *d);
    } else if (const auto* t = std::get_if<std::string>(&v)) {
      bound = stmt.Bind(at, std::string_view(*t));
    } else {
      bound = stmt.BindNull(at);
    }
    ANSINH_RETURN_IF_ERROR(bound);
  }
  return RunOnce(stmt);
}

Status BatchInsert::EndRow(Database& /*db*/) {
  if (pending_rows() < static_cast<std::size_t>(kRows)) return Status::Ok();
  Status written = Write(full_, kRows);
  values_.clear();
  return written;
}

Status BatchInsert::Flush(Database& db) {
  const std::size_t rows = pending_rows();
  if (rows == 0) return Status::Ok();
  if (rows == static_cast<std::size_t>(kRows)) return EndRow(db);
  ANSINH_ASSIGN_OR_RETURN(Statement rest, db.Prepare(MultiRowValues(insert_, columns_, rows)));
  Status written = Write(rest, rows);
  values_.clear();
  return written;
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
