// ansinh init: creates a database holding one province's administrative tree.
#include <filesystem>
#include <memory>
#include <ostream>

#include "cli/cli.h"
#include "io/admin_units.h"

namespace ansinh::cli {
namespace {

struct InitOptions {
  std::string db = "ansinh.db";
  std::string province = "96";
};

Status RunInit(CliContext& ctx, const InitOptions& opts) {
  // Read and check the province first, so a bad code leaves no file behind.
  ANSINH_ASSIGN_OR_RETURN(
      auto units, io::LoadProvinceUnits(ctx.home + "/data/vn-admin-units.csv", opts.province));
  const bool existed = std::filesystem::exists(opts.db);
  ANSINH_ASSIGN_OR_RETURN(auto db, store::Store::Open(opts.db, *ctx.clock));
  Status status = db->units().InitProvince(units, CliActor());
  if (!status.ok()) {
    db.reset();
    if (!existed) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(opts.db + suffix);
    }
    return status;
  }
  int districts = 0, communes = 0;
  for (const auto& u : units) {
    districts += u.level == UnitLevel::kDistrict;
    communes += u.level == UnitLevel::kCommune;
  }
  *ctx.out << "Đã tạo / created " << opts.db << ": " << units[0].name << " (" << units[0].code
           << "), " << districts << " huyện / districts, " << communes << " xã / communes\n";
  return Status::Ok();
}

}  // namespace

void RegisterInitCommand(CLI::App& app, CliContext& ctx) {
  auto opts = std::make_shared<InitOptions>();
  CLI::App* cmd = AddCommand(&app, ctx, opts, "init",
      "Tạo cơ sở dữ liệu với cây đơn vị hành chính của một tỉnh / create a database holding a "
      "province's administrative units",
                              RunInit);
  cmd->add_option("--province", opts->province, "Mã tỉnh GSO / GSO province code (2 digits)")
      ->capture_default_str();
}

}  // namespace ansinh::cli
