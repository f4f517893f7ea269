// UserRepository: the accounts that sign in to the server. The password hash is stored but
// never copied into the audit log, which shows "[redacted]" in its place.
#include "core/text.h"
#include "store/internal.h"

namespace ansinh::store {
namespace {

using internal::Json;

constexpr std::string_view kSelectUser =
    "SELECT id, username, password_hash, role, unit_code, disabled, created_at FROM users ";

constexpr std::string_view kRoles[] = {"administrator", "province", "district", "commune",
                                       "viewer"};

User ReadUser(const Statement& s) {
  User u;
  u.id = s.ColumnInt(0);
  u.username = s.ColumnText(1);
  u.password_hash = s.ColumnText(2);
  u.role = s.ColumnText(3);
  u.unit_code = s.ColumnText(4);
  u.disabled = s.ColumnInt(5) != 0;
  u.created_at = s.ColumnText(6);
  return u;
}

std::optional<Json> Redacted(std::optional<Json> row) {
  if (row) (*row)["password_hash"] = "[redacted]";
  return row;
}

Status Validate(const User& u) {
  if (u.username.empty() || !IsValidUtf8(u.username) || Trim(u.username) != u.username) {
    return Status::Invalid("username", u.username, "tên đăng nhập trống hoặc có khoảng trắng thừa",
                           "the username is empty or has surrounding spaces");
  }
  bool role_ok = false;
  for (std::string_view role : kRoles) role_ok = role_ok || u.role == role;
  if (!role_ok) {
    return Status::Invalid("role", u.role,
                           "vai trò phải là administrator, province, district, commune hoặc viewer",
                           "the role must be administrator, province, district, commune or viewer");
  }
  if (u.password_hash.empty()) {
    return Status::Invalid("password_hash", "", "cần mật khẩu", "a password is required");
  }
  return Status::Ok();
}

Status CheckUnit(Database& db, std::string_view unit_code) {
  if (unit_code.empty()) return Status::Ok();
  ANSINH_ASSIGN_OR_RETURN(
      auto row, internal::LoadRow(db, "SELECT 1 FROM admin_units WHERE code = ?1", {unit_code}));
  if (row) return Status::Ok();
  return internal::NotFound("unit", unit_code, "không có đơn vị hành chính này",
                            "no such administrative unit");
}

}  // namespace

Result<User> UserRepository::Add(const User& user, const Actor& actor) {
  ANSINH_RETURN_IF_ERROR(Validate(user));
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  ANSINH_RETURN_IF_ERROR(CheckUnit(*db_, user.unit_code));
  ANSINH_RETURN_IF_ERROR(internal::NameConflict(
      db_->Execute("INSERT INTO users (username, password_hash, role, unit_code, disabled, "
                   "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                   {user.username, user.password_hash, user.role,
                    SqlValue::TextOrNull(user.unit_code), user.disabled, clock_->NowIso()}),
      "username", user.username));
  const std::int64_t id = db_->LastInsertRowId();
  ANSINH_ASSIGN_OR_RETURN(auto after,
                          internal::LoadRow(*db_, "SELECT * FROM users WHERE id = ?1", {id}));
  ANSINH_RETURN_IF_ERROR(internal::RecordChange(*db_, *clock_, actor, "user", std::to_string(id),
                                                std::nullopt, Redacted(after))
                             .status());
  ANSINH_RETURN_IF_ERROR(tx.Commit());
  ANSINH_ASSIGN_OR_RETURN(auto added, FindByUsername(user.username));
  if (!added) return Status::Internal("user vanished after insert");
  return *std::move(added);
}

Result<std::optional<User>> UserRepository::FindByUsername(std::string_view username) {
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt, db_->Prepare(std::string(kSelectUser) + "WHERE username = ?1", {username}));
  ANSINH_ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return std::optional<User>();
  return std::optional<User>(ReadUser(stmt));
}

Result<std::vector<User>> UserRepository::List() {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt,
                          db_->Prepare(std::string(kSelectUser) + "ORDER BY username"));
  std::vector<User> users;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return users;
    users.push_back(ReadUser(stmt));
  }
}

Status UserRepository::SetPasswordHash(std::string_view username, std::string_view hash,
                                       const Actor& actor) {
  if (hash.empty()) {
    return Status::Invalid("password_hash", "", "cần mật khẩu", "a password is required");
  }
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  constexpr std::string_view kSelect = "SELECT * FROM users WHERE username = ?1";
  ANSINH_ASSIGN_OR_RETURN(auto before, internal::LoadRow(*db_, kSelect, {username}));
  if (!before) {
    return internal::NotFound("username", username, "không có người dùng này", "no such user");
  }
  if ((*before)["password_hash"] == hash) return Status::Ok();
  ANSINH_RETURN_IF_ERROR(
      db_->Execute("UPDATE users SET password_hash = ?2 WHERE username = ?1", {username, hash}));
  ANSINH_ASSIGN_OR_RETURN(auto after, internal::LoadRow(*db_, kSelect, {username}));
  // Both sides read "[redacted]", so the row is written directly rather than through
  // RecordChange, which would see no difference.
  ANSINH_RETURN_IF_ERROR(internal::AppendAudit(
      *db_, *clock_, actor, "update", "user", std::to_string((*before)["id"].get<std::int64_t>()),
      internal::DumpJson(Redacted(before)), internal::DumpJson(Redacted(after))));
  return tx.Commit();
}

}  // namespace ansinh::store
