// ansinh summary: what the database holds, in a few lines (the main job of `make run` until the
// web server lands).
#include <memory>
#include <ostream>

#include "cli/cli.h"
#include "core/money.h"

namespace ansinh::cli {
namespace {

struct SummaryOptions {
  std::string db = "ansinh.db";
};

Status RunSummary(CliContext& ctx, const SummaryOptions& opts) {
  const std::string& db_path = opts.db;
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, db_path));
  ANSINH_ASSIGN_OR_RETURN(AdminUnit province, db->units().Province());
  ANSINH_ASSIGN_OR_RETURN(auto units, db->units().All());
  ANSINH_ASSIGN_OR_RETURN(auto counts, db->units().CountsByCommune());
  std::int64_t districts = 0, communes = 0;
  for (const auto& u : units) {
    districts += u.level == UnitLevel::kDistrict;
    communes += u.level == UnitLevel::kCommune;
  }
  store::UnitCounts total;
  for (const auto& [code, c] : counts) {
    total.hamlets += c.hamlets;
    total.households += c.households;
    total.persons += c.persons;
  }
  auto& out = *ctx.out;
  out << "An Sinh — " << db_path << " (schema " << db->schema_version() << ")\n";
  out << "Tỉnh / province:        " << province.name << " (" << province.code << ")\n";
  out << "Huyện / districts:      " << FormatVnd(districts) << "\n";
  out << "Xã / communes:          " << FormatVnd(communes) << "\n";
  out << "Ấp, khóm / hamlets:     " << FormatVnd(total.hamlets) << "\n";
  out << "Hộ / households:        " << FormatVnd(total.households) << "\n";
  out << "Nhân khẩu / persons:    " << FormatVnd(total.persons) << "\n";
  return Status::Ok();
}

}  // namespace

void RegisterSummaryCommand(CLI::App& app, CliContext& ctx) {
  AddCommand(&app, ctx, std::make_shared<SummaryOptions>(), "summary",
             "Tóm tắt cơ sở dữ liệu / summary of the database (units, households, persons)",
             RunSummary);
}

}  // namespace ansinh::cli
