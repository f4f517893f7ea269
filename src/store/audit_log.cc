// AuditLog: reading the append-only log, and recording events that are not row changes.
#include <nlohmann/json.hpp>

#include "store/internal.h"

namespace ansinh::store {

Result<std::vector<AuditEntry>> AuditLog::List(const AuditQuery& query) {
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare(
          "SELECT id, at, actor, action, table_name, row_key, before_json, after_json "
          "FROM audit_log WHERE (?1 = '' OR table_name = ?1) AND (?2 = '' OR row_key = ?2) "
          "ORDER BY id DESC LIMIT ?3",
          {query.table, query.key, query.limit}));
  std::vector<AuditEntry> entries;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return entries;
    entries.push_back({stmt.ColumnInt(0), stmt.ColumnText(1), stmt.ColumnText(2),
                       stmt.ColumnText(3), stmt.ColumnText(4), stmt.ColumnText(5),
                       stmt.ColumnText(6), stmt.ColumnText(7)});
  }
}

Status AuditLog::RecordEvent(const Actor& actor, std::string_view action, std::string_view table,
                             std::string_view key, std::string_view detail_json) {
  if (action.empty()) {
    return Status::Invalid("action", "", "cần tên sự kiện", "an event name is required");
  }
  if (!detail_json.empty() &&
      nlohmann::json::parse(detail_json, nullptr, /*allow_exceptions=*/false).is_discarded()) {
    return Status::Invalid("detail", std::string(detail_json), "chi tiết không phải JSON hợp lệ",
                           "the detail is not valid JSON");
  }
  // One INSERT is atomic on its own; no transaction needed.
  return internal::AppendAudit(*db_, *clock_, actor, action, table, key, "", detail_json);
}

Result<AuditLog::Changes> AuditLog::ChangesSince(std::int64_t after) {
  Changes changes;
  if (after < 0) {
    ANSINH_ASSIGN_OR_RETURN(Statement newest,
                            db_->Prepare("SELECT coalesce(max(id), 0) FROM audit_log"));
    ANSINH_ASSIGN_OR_RETURN(bool row, newest.Step());
    changes.last_id = row ? newest.ColumnInt(0) : 0;
    return changes;
  }
  // id > ?1 is a range of the rowid: the entries since, however long the log.
  ANSINH_ASSIGN_OR_RETURN(
      Statement since,
      db_->Prepare("SELECT coalesce(max(id), ?1), "
                   "coalesce(max(table_name NOT IN ('user', 'classification')), 0) "
                   "FROM audit_log WHERE id > ?1",
                   {after}));
  ANSINH_ASSIGN_OR_RETURN(bool row, since.Step());
  changes.last_id = row ? since.ColumnInt(0) : after;
  changes.registry_changed = row && since.ColumnInt(1) != 0;
  return changes;
}

}  // namespace ansinh::store
