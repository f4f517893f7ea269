#include "store/internal.h"

namespace ansinh::store::internal {

namespace {

// The current row's columns from `first` on, as {"column": value, ...}.
Json RowAsJson(const Statement& stmt, int first) {
  Json row = Json::object();
  for (int i = first; i < stmt.ColumnCount(); ++i) {
    Json& cell = row[stmt.ColumnName(i)];
    switch (stmt.ColumnType(i)) {
      case ColumnKind::kNull:
        cell = nullptr;
        break;
      case ColumnKind::kInteger:
        cell = stmt.ColumnInt(i);
        break;
      case ColumnKind::kReal:
        cell = stmt.ColumnDouble(i);
        break;
      case ColumnKind::kText:
        cell = stmt.ColumnText(i);
        break;
    }
  }
  return row;
}

}  // namespace

Result<std::optional<Json>> LoadRow(Database& db, std::string_view sql,
                                    std::initializer_list<SqlValue> values) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(sql, values));
  ANSINH_ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return std::optional<Json>();
  return std::optional<Json>(RowAsJson(stmt, 0));
}

Result<std::vector<std::pair<std::string, Json>>> LoadKeyedRows(
    Database& db, std::string_view sql, std::initializer_list<SqlValue> values) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(sql, values));
  std::vector<std::pair<std::string, Json>> rows;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return rows;
    rows.emplace_back(stmt.ColumnText(0), RowAsJson(stmt, 1));
  }
}

Status DeleteAudited(Database& db, const Clock& clock, const Actor& actor, std::string_view table,
                     std::string_view select_sql, std::string_view delete_sql, std::int64_t id) {
  ANSINH_ASSIGN_OR_RETURN(auto rows, LoadKeyedRows(db, select_sql, {id}));
  for (const auto& [key, row] : rows) {
    ANSINH_RETURN_IF_ERROR(RecordChange(db, clock, actor, table, key, row, std::nullopt).status());
  }
  return db.Execute(delete_sql, {id});
}

std::string DumpJson(const std::optional<Json>& row) {
  if (!row) return {};
  return row->dump(-1, ' ', false, Json::error_handler_t::replace);
}

Status AppendAudit(Database& db, const Clock& clock, const Actor& actor, std::string_view action,
                   std::string_view table, std::string_view key, std::string_view before_json,
                   std::string_view after_json) {
  return db.Execute(
      "INSERT INTO audit_log (at, actor, action, table_name, row_key, before_json, after_json) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      {clock.NowIso(), actor.name, action, table, key, SqlValue::TextOrNull(before_json),
       SqlValue::TextOrNull(after_json)});
}

Result<bool> RecordChange(Database& db, const Clock& clock, const Actor& actor,
                          std::string_view table, std::string_view key,
                          const std::optional<Json>& before, const std::optional<Json>& after) {
  if (before == after) return false;
  const char* action = !before ? "insert" : !after ? "delete" : "update";
  ANSINH_RETURN_IF_ERROR(
      AppendAudit(db, clock, actor, action, table, key, DumpJson(before), DumpJson(after)));
  return true;
}

Status NotFound(std::string_view field, std::string_view value, std::string_view what_vi,
                std::string_view what_en) {
  return Status::NotFound(std::string(field), std::string(value), std::string(what_vi),
                          std::string(what_en));
}

Status NameConflict(Status status, std::string_view field, std::string_view value) {
  if (status.code() != ErrorCode::kAlreadyExists) return status;
  const std::string quoted = "\"" + std::string(value) + "\"";
  return Status::Error(ErrorCode::kAlreadyExists, quoted + " đã được dùng",
                       quoted + " is already taken")
      .WithField(std::string(field));
}

Result<bool> CommuneExists(Database& db, std::string_view code) {
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT 1 FROM admin_units WHERE code = ?1 AND level = 3", {code}));
  return stmt.Step();
}

}  // namespace ansinh::store::internal
