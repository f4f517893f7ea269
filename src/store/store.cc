// Store: opening the database, migrating it, and handing out the repositories.
#include "store/store.h"

#include "store/schema.h"
#include "store/sqlite.h"

namespace ansinh::store {

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const Clock& clock,
                                           const OpenOptions& options) {
  DatabaseOptions db_options;
  db_options.create_if_missing = options.create_if_missing;
  db_options.busy_timeout_ms = options.busy_timeout_ms;
  ANSINH_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path, db_options));
  ANSINH_RETURN_IF_ERROR(Migrate(*db, clock));
  ANSINH_ASSIGN_OR_RETURN(int version, CurrentSchemaVersion(*db));
  std::unique_ptr<Store> store(new Store(std::move(db), clock));
  store->schema_version_ = version;
  return store;
}

Store::Store(std::unique_ptr<Database> db, const Clock& clock)
    : db_(std::move(db)),
      clock_(&clock),
      units_(db_.get(), &clock),
      households_(db_.get(), &clock),
      surveys_(db_.get(), &clock),
      classifications_(db_.get(), &clock),
      users_(db_.get(), &clock),
      audit_(db_.get(), &clock) {}

Store::~Store() = default;

int Store::schema_version() const { return schema_version_; }

Result<std::unique_ptr<Store>> Store::OpenAnother() const {
  const std::string& path = db_->path();
  if (path.empty() || path == ":memory:" || path.starts_with("file::memory:")) {
    return Status::Error(ErrorCode::kFailedPrecondition,
                         "cơ sở dữ liệu trong bộ nhớ không mở được lần nữa",
                         "an in-memory database cannot be opened again");
  }
  OpenOptions options;
  options.create_if_missing = false;
  return Open(path, *clock_, options);
}

}  // namespace ansinh::store
