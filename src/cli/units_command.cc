// ansinh units: the administrative tree with household and person counts.
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/cli.h"

namespace ansinh::cli {
namespace {

struct UnitsOptions {
  std::string db = "ansinh.db";
  bool json = false;
};

Status RunUnits(CliContext& ctx, const UnitsOptions& opts) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, opts.db));
  ANSINH_ASSIGN_OR_RETURN(auto units, db->units().All());
  ANSINH_ASSIGN_OR_RETURN(auto by_commune, db->units().CountsByCommune());

  // Roll commune counts up to districts and the province.
  std::map<std::string, store::UnitCounts> counts = by_commune;
  std::map<std::string, std::string> parent;
  for (const auto& u : units) parent[u.code] = u.parent_code;
  for (const auto& [code, c] : by_commune) {
    for (std::string up = parent[code]; !up.empty(); up = parent[up]) {
      counts[up].hamlets += c.hamlets;
      counts[up].households += c.households;
      counts[up].persons += c.persons;
    }
  }
  // Children listed under their parent: the store orders by code, so group by parent.
  std::map<std::string, std::vector<const AdminUnit*>> children;
  const AdminUnit* root = nullptr;
  for (const auto& u : units) {
    if (u.parent_code.empty()) root = &u;
    else children[u.parent_code].push_back(&u);
  }
  if (!root) return Status::Error(ErrorCode::kFailedPrecondition, "cơ sở dữ liệu chưa có tỉnh",
                                  "the database holds no province");
  if (opts.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& u : units) {
      const auto& c = counts[u.code];
      list.push_back({{"code", u.code}, {"name", u.name}, {"type", u.type},
                      {"level", UnitLevelName(u.level)}, {"parent_code", u.parent_code},
                      {"urban", u.urban}, {"hamlets", c.hamlets}, {"households", c.households},
                      {"persons", c.persons}});
    }
    *ctx.out << list.dump(2) << "\n";
    return Status::Ok();
  }
  auto print = [&](const AdminUnit& u, int depth, auto&& self) -> void {
    const auto& c = counts[u.code];
    *ctx.out << std::string(2 * depth, ' ') << u.code << "  " << u.name << "  (" << c.households
             << " hộ/households, " << c.persons << " nhân khẩu/persons)\n";
    for (const AdminUnit* child : children[u.code]) self(*child, depth + 1, self);
  };
  print(*root, 0, print);
  return Status::Ok();
}

}  // namespace

void RegisterUnitsCommand(CLI::App& app, CliContext& ctx) {
  auto opts = std::make_shared<UnitsOptions>();
  CLI::App* cmd = AddCommand(&app, ctx, opts, "units", "Cây đơn vị hành chính với số hộ và nhân khẩu / the administrative tree with "
               "household and person counts",
                              RunUnits);
  cmd->add_flag("--json", opts->json, "Xuất JSON / print JSON");
}

}  // namespace ansinh::cli
