// ansinh audit: the audit log, newest first.
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/cli.h"

namespace ansinh::cli {
namespace {

struct AuditOptions {
  std::string db = "ansinh.db";
  std::string table, key;
  std::int64_t limit = 50;
  bool json = false;
};

Status RunAudit(CliContext& ctx, const AuditOptions& o) {
  if (o.limit < 1) {
    return Status::Invalid("limit", std::to_string(o.limit), "phải ≥ 1", "must be ≥ 1");
  }
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  ANSINH_ASSIGN_OR_RETURN(auto entries, db->audit().List({o.table, o.key, o.limit}));
  if (o.json) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& e : entries) {
      auto parse = [](const std::string& s) {
        return s.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(s, nullptr, false);
      };
      j.push_back({{"id", e.id}, {"at", e.at}, {"actor", e.actor}, {"action", e.action},
                   {"table", e.table}, {"key", e.key}, {"before", parse(e.before_json)},
                   {"after", parse(e.after_json)}});
    }
    *ctx.out << j.dump(2) << "\n";
    return Status::Ok();
  }
  for (const auto& e : entries) {
    *ctx.out << e.id << "  " << e.at << "  " << e.actor << "  " << e.action << "  " << e.table
             << " " << e.key << "\n";
    if (!e.before_json.empty()) *ctx.out << "    trước / before: " << e.before_json << "\n";
    if (!e.after_json.empty()) *ctx.out << "    sau / after:    " << e.after_json << "\n";
  }
  return Status::Ok();
}

}  // namespace

void RegisterAuditCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<AuditOptions>();
  CLI::App* cmd = AddCommand(&app, ctx, o, "audit", "Nhật ký thay đổi, mới nhất trước / the audit log, newest first",
                              RunAudit);
  cmd->add_option("--table", o->table, "Chỉ bảng này / only this table (household, person, ...)");
  cmd->add_option("--key", o->key, "Chỉ khóa này / only this key");
  cmd->add_option("--limit", o->limit, "Số dòng tối đa / at most this many")->capture_default_str();
  cmd->add_flag("--json", o->json, "Xuất JSON / print JSON");
}

}  // namespace ansinh::cli
