#include "cli/cli.h"

#include <unistd.h>

#include <filesystem>
#include <ostream>

namespace ansinh::cli {

int ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return 0;
    case ErrorCode::kIoError:
    case ErrorCode::kCorruption:
    case ErrorCode::kInternal: return kExitSystem;
    default: return kExitRefused;
  }
}

void ReportError(CliContext& ctx, const Status& status) {
  *ctx.err << "ansinh: " << status.ToString() << "\n";
  ctx.exit_code = ExitCodeFor(status.code());
}

Result<std::unique_ptr<store::Store>> OpenExistingStore(const CliContext& ctx,
                                                        const std::string& db_path) {
  if (!std::filesystem::exists(db_path)) {
    return Status::NotFound("db", db_path,
                            "chưa có cơ sở dữ liệu; hãy chạy: ansinh init --db " + db_path,
                            "no such database; create it with: ansinh init --db " + db_path);
  }
  store::OpenOptions options;
  options.create_if_missing = false;
  return store::Store::Open(db_path, *ctx.clock, options);
}

store::Actor CliActor() {
  // The operating-system user who ran the command, so the log says who changed what.
  const char* user = getenv("USER");
  return {std::string("cli:") + (user && *user ? user : std::to_string(getuid()))};
}

Status CheckChoice(std::string_view field, const std::string& value,
                   std::initializer_list<std::string_view> allowed) {
  std::string vi, en;
  std::size_t i = 0;
  for (std::string_view choice : allowed) {
    if (choice == value) return Status::Ok();
    const bool last = ++i == allowed.size();
    const char* vi_sep = i == 1 ? "" : last ? " hoặc " : ", ";
    const char* en_sep = i == 1 ? "" : last ? " or " : ", ";
    vi += vi_sep + std::string(choice);
    en += en_sep + std::string(choice);
  }
  return Status::Invalid(std::string(field), value, "phải là " + vi, "must be " + en);
}

void AddDbOption(CLI::App* command, std::string* db_path) {
  command->add_option("--db", *db_path, "Tệp cơ sở dữ liệu / database file")
      ->capture_default_str();
}

}  // namespace ansinh::cli

namespace ansinh::cli {

Result<std::int64_t> ParseId(const std::string& text, std::string_view field) {
  std::int64_t id = 0;
  bool ok = !text.empty() && text.size() <= 18;
  for (char c : text) {
    ok = ok && c >= '0' && c <= '9';
    if (ok) id = id * 10 + (c - '0');
  }
  if (!ok || id == 0) {
    return Status::Invalid(std::string(field), text, "số thứ tự phải là số nguyên dương",
                           "an id must be a positive whole number");
  }
  return id;
}

Result<Household> ResolveHousehold(store::Store& db, const std::string& ref) {
  const bool digits = !ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos;
  if (digits) {
    ANSINH_ASSIGN_OR_RETURN(std::int64_t id, ParseId(ref, "household"));
    return db.households().Get(id);
  }
  ANSINH_ASSIGN_OR_RETURN(auto found, db.households().FindByCode(ref));
  if (!found) {
    return Status::NotFound("household", ref, "không có hộ này", "no such household");
  }
  return *found;
}

}  // namespace ansinh::cli
