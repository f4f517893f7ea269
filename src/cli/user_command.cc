// ansinh user add|passwd|list: the accounts that sign in to `ansinh serve`. A password is read
// from a file (--password-file; "-" for standard input), never from the command line, where
// other users of the machine could read it; it is stored only as an argon2id hash.
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/cli.h"
#include "server/password.h"

namespace ansinh::cli {
namespace {

struct UserOptions {
  std::string db = "ansinh.db";
  std::string username, role, unit, password_file;
  bool json = false;
  bool fast_hash = false;  // tests only: libsodium's minimum argon2id cost
};

// The password in the file, without the line break an editor or `echo` leaves at its end.
Result<std::string> ReadPassword(const std::string& file) {
  std::string text;
  if (file == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      return Status::NotFound("password-file", file, "không đọc được tệp mật khẩu",
                              "cannot read the password file");
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// A role sees one level's unit: a commune user a commune, and so on; the administrator and the
// viewer any unit (the administrator, with no unit, the whole province).
Status CheckRoleAndUnit(store::Store& db, const UserOptions& o) {
  if (o.unit.empty()) {
    if (o.role == "administrator") return Status::Ok();
    return Status::Invalid("unit", "", "cần đơn vị (--unit) cho vai trò " + o.role,
                           "the role " + o.role + " needs a unit (--unit)");
  }
  ANSINH_ASSIGN_OR_RETURN(auto unit, db.units().Find(o.unit));
  if (!unit) {
    return Status::NotFound("unit", o.unit, "không có đơn vị hành chính này",
                            "no such administrative unit");
  }
  const std::string_view level = UnitLevelName(unit->level);
  if ((o.role == "province" || o.role == "district" || o.role == "commune") && level != o.role) {
    return Status::Invalid("unit", o.unit,
                           "vai trò " + o.role + " cần đơn vị cấp " + o.role + ", đây là cấp " +
                               std::string(level),
                           "the role " + o.role + " needs a " + o.role + ", this unit is a " +
                               std::string(level));
  }
  return Status::Ok();
}

server::HashCost CostOf(const UserOptions& o) {
  return o.fast_hash ? server::HashCost::kTestOnly : server::HashCost::kInteractive;
}

Status RunAdd(CliContext& ctx, const UserOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  store::User user;
  user.username = o.username;
  user.role = o.role;
  user.unit_code = o.unit;
  user.password_hash = "-";  // checked by the repository below; replaced before writing
  ANSINH_RETURN_IF_ERROR(CheckRoleAndUnit(*db, o));
  ANSINH_ASSIGN_OR_RETURN(std::string password, ReadPassword(o.password_file));
  ANSINH_ASSIGN_OR_RETURN(user.password_hash, server::HashPassword(password, CostOf(o)));
  ANSINH_ASSIGN_OR_RETURN(store::User added, db->users().Add(user, CliActor()));
  *ctx.out << "Đã thêm người dùng / added user " << added.username << " (" << added.role << ", "
           << (added.unit_code.empty() ? "-" : added.unit_code) << ")\n";
  return Status::Ok();
}

Status RunPasswd(CliContext& ctx, const UserOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  ANSINH_ASSIGN_OR_RETURN(auto user, db->users().FindByUsername(o.username));
  if (!user) {
    return Status::NotFound("username", o.username, "không có người dùng này", "no such user");
  }
  ANSINH_ASSIGN_OR_RETURN(std::string password, ReadPassword(o.password_file));
  ANSINH_ASSIGN_OR_RETURN(std::string hash, server::HashPassword(password, CostOf(o)));
  ANSINH_RETURN_IF_ERROR(db->users().SetPasswordHash(o.username, hash, CliActor()));
  *ctx.out << "Đã đổi mật khẩu / password changed for " << o.username << "\n";
  return Status::Ok();
}

Status RunList(CliContext& ctx, const UserOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  ANSINH_ASSIGN_OR_RETURN(auto users, db->users().List());
  if (o.json) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& u : users) {
      j.push_back({{"username", u.username}, {"role", u.role}, {"unit", u.unit_code},
                   {"disabled", u.disabled}, {"created_at", u.created_at}});
    }
    *ctx.out << j.dump(2) << "\n";
    return Status::Ok();
  }
  for (const auto& u : users) {
    *ctx.out << u.username << "  " << u.role << "  " << (u.unit_code.empty() ? "-" : u.unit_code)
             << (u.disabled ? "  (khóa / disabled)" : "") << "\n";
  }
  return Status::Ok();
}

}  // namespace

void RegisterUserCommand(CLI::App& app, CliContext& ctx) {
  CLI::App* user = app.add_subcommand("user", "Tài khoản đăng nhập máy chủ / server accounts");
  user->require_subcommand(1);
  auto o = std::make_shared<UserOptions>();
  auto password_options = [&o](CLI::App* c) {
    c->add_option("--username", o->username, "Tên đăng nhập / username")->required();
    c->add_option("--password-file", o->password_file,
                  "Tệp chứa mật khẩu (- = đầu vào chuẩn) / file holding the password (- = stdin)")
        ->required();
    c->add_flag("--fast-hash", o->fast_hash,
                "Chỉ để kiểm thử: băm nhanh, yếu / tests only: a fast, weak hash");
  };
  CLI::App* add = AddCommand(user, ctx, o, "add", "Thêm người dùng / add a user", RunAdd);
  password_options(add);
  add->add_option("--role", o->role,
                  "administrator, province, district, commune, viewer")->required();
  add->add_option("--unit", o->unit, "Mã đơn vị được xem / GSO code of the unit the user sees");
  CLI::App* passwd = AddCommand(user, ctx, o, "passwd", "Đổi mật khẩu / change a password", RunPasswd);
  password_options(passwd);
  CLI::App* list = AddCommand(user, ctx, o, "list", "Danh sách người dùng / list users", RunList);
  list->add_flag("--json", o->json, "Xuất JSON / print JSON");
}

}  // namespace ansinh::cli
