#include "store/sqlite.h"

#include <sqlite3.h>

#include <cassert>
#include <filesystem>
#include <system_error>
#include <type_traits>

namespace ansinh::store {
namespace {

// Maps an (extended) SQLite result code to the one table of stable codes.
ErrorCode CodeFor(int rc) {
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return ErrorCode::kAlreadyExists;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return ErrorCode::kInvalidArgument;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
    case SQLITE_CONSTRAINT_TRIGGER:
      return ErrorCode::kFailedPrecondition;
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return ErrorCode::kFailedPrecondition;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ErrorCode::kConflict;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ErrorCode::kCorruption;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_NOLFS:
      return ErrorCode::kIoError;
    default:
      return ErrorCode::kInternal;
  }
}

std::string VietnameseFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kAlreadyExists:
      return "giá trị đã tồn tại";
    case ErrorCode::kInvalidArgument:
      return "giá trị không hợp lệ";
    case ErrorCode::kFailedPrecondition:
      return "dữ liệu không cho phép thay đổi này";
    case ErrorCode::kConflict:
      return "cơ sở dữ liệu đang bận";
    case ErrorCode::kCorruption:
      return "tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu";
    case ErrorCode::kIoError:
      return "không đọc/ghi được cơ sở dữ liệu";
    default:
      return "lỗi cơ sở dữ liệu";
  }
}

Status StatusFor(int rc, std::string_view context, const char* detail) {
  const ErrorCode code = CodeFor(rc);
  std::string en = std::string(context) + ": " + (detail ? detail : sqlite3_errstr(rc));
  return Status::Error(code, VietnameseFor(code) + " (" + en + ")", en);
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                 const DatabaseOptions& options) {
  std::error_code ec;
  if (!options.create_if_missing && !std::filesystem::exists(path, ec)) {
    return Status::NotFound("db", path, "không có tệp cơ sở dữ liệu", "no database file");
  }
  // SQLite counts every allocation under one process-wide mutex unless told not to, before its
  // first use: the server's threads, each on its own connection, queued on it. The library's
  // configuration is process state by nature; it is set once, here, before any connection.
  [[maybe_unused]] static const int memstatus_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create_if_missing && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;  // one thread per connection (store.h)
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string en = "cannot open database " + path + ": " +
                     (handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
    sqlite3_close(handle);
    return Status::Error(ErrorCode::kIoError, "không mở được cơ sở dữ liệu " + path, en);
  }
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, options.busy_timeout_ms);
  std::unique_ptr<Database> db(new Database(handle, path));
  // journal_mode returns a row, so it is stepped like a query; the others return nothing.
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
    if (options.read_only && std::string_view(pragma).starts_with("PRAGMA journal")) continue;
    ANSINH_ASSIGN_OR_RETURN(Statement stmt, db->Prepare(pragma));
    ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
    (void)row;
  }
  return db;
}

Database::~Database() { sqlite3_close_v2(handle_); }

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc =
      sqlite3_prepare_v2(handle_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return ErrorFor(rc, "prepare");
  return Statement(this, stmt);
}

Result<Statement> Database::Prepare(std::string_view sql, std::initializer_list<SqlValue> values) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql));
  ANSINH_RETURN_IF_ERROR(stmt.BindAll(values));
  return stmt;
}

Status Database::Execute(std::string_view sql, std::initializer_list<SqlValue> values) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql, values));
  return stmt.Run();
}

std::int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(handle_); }

int Database::Changes() const { return sqlite3_changes(handle_); }

Status Database::ErrorFor(int rc, std::string_view context) const {
  return StatusFor(rc, context, sqlite3_errmsg(handle_));
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Status Statement::CheckBind(int rc, int index) const {
  if (rc == SQLITE_OK) return Status::Ok();  // the common case formats nothing
  return db_->ErrorFor(rc, "bind " + std::to_string(index));
}

Result<int> Statement::IndexOf(std::string_view name) const {
  const int index = sqlite3_bind_parameter_index(stmt_, std::string(name).c_str());
  if (index == 0) return Status::Internal("no SQL parameter named " + std::string(name));
  return index;
}

Status Statement::Bind(int index, std::int64_t value) {
  return CheckBind(sqlite3_bind_int64(stmt_, index, value), index);
}

Status Statement::Bind(int index, double value) {
  return CheckBind(sqlite3_bind_double(stmt_, index, value), index);
}

Status Statement::Bind(int index, std::string_view value) {
  return CheckBind(
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
      index);
}

Status Statement::BindNull(int index) { return CheckBind(sqlite3_bind_null(stmt_, index), index); }

Status Statement::BindTextOrNull(int index, std::string_view value) {
  return value.empty() ? BindNull(index) : Bind(index, value);
}

Status Statement::Bind(std::string_view name, std::int64_t value) {
  ANSINH_ASSIGN_OR_RETURN(int index, IndexOf(name));
  return Bind(index, value);
}

Status Statement::Bind(std::string_view name, double value) {
  ANSINH_ASSIGN_OR_RETURN(int index, IndexOf(name));
  return Bind(index, value);
}

Status Statement::Bind(std::string_view name, std::string_view value) {
  ANSINH_ASSIGN_OR_RETURN(int index, IndexOf(name));
  return Bind(index, value);
}

Status Statement::BindNull(std::string_view name) {
  ANSINH_ASSIGN_OR_RETURN(int index, IndexOf(name));
  return BindNull(index);
}

Status Statement::BindTextOrNull(std::string_view name, std::string_view value) {
  ANSINH_ASSIGN_OR_RETURN(int index, IndexOf(name));
  return BindTextOrNull(index, value);
}

Status Statement::BindAll(std::initializer_list<SqlValue> values) {
  int index = 1;
  for (const SqlValue& value : values) {
    Status status = std::visit(
        [&](const auto& v) -> Status {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            return BindNull(index);
          } else {
            return Bind(index, v);
          }
        },
        value.get());
    ANSINH_RETURN_IF_ERROR(status);
    ++index;
  }
  return Status::Ok();
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status status = db_->ErrorFor(rc, "step");
  sqlite3_reset(stmt_);
  return status;
}

Status Statement::Run() {
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status::Ok();
  }
}

Status Statement::Reset() {
  // sqlite3_reset repeats the last step's error, which Step() already reported.
  sqlite3_reset(stmt_);
  return Status::Ok();
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

ColumnKind Statement::ColumnType(int column) const {
  switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_NULL:
      return ColumnKind::kNull;
    case SQLITE_INTEGER:
      return ColumnKind::kInteger;
    case SQLITE_FLOAT:
      return ColumnKind::kReal;
    default:
      return ColumnKind::kText;
  }
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::ColumnText(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string_view Statement::ColumnView(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string_view(reinterpret_cast<const char*>(text),
                          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::ColumnName(int column) const {
  const char* name = sqlite3_column_name(stmt_, column);
  return name ? name : "";
}

Result<Transaction> Transaction::Begin(Database* db) {
  ANSINH_RETURN_IF_ERROR(db->Execute("BEGIN IMMEDIATE"));
  return Transaction(db);
}

Transaction::~Transaction() {
  if (!done_) (void)db_->Execute("ROLLBACK");
}

Status Transaction::Commit() {
  assert(!done_);
  Status status = db_->Execute("COMMIT");
  // A failed COMMIT leaves the transaction open; the destructor then rolls it back.
  if (status.ok()) done_ = true;
  return status;
}

}  // namespace ansinh::store
