// GET /api/v1/units/{code} (a unit with its parent, children and survey years) and
// GET /api/v1/units/{code}/geo (the boundaries of the unit's districts, data/geo).
#include <fstream>

#include "server/api.h"

namespace ansinh::server {
namespace {

Result<ApiReply> Unit(ServerContext& ctx, ApiRequest& request) {
  const AdminUnit& unit = *request.unit;
  nlohmann::json children = nlohmann::json::array();
  for (const std::string& code : ctx.units->Children(unit.code)) {
    children.push_back(UnitRef(*ctx.units->Find(code), true));
  }
  const AdminUnit* parent = unit.parent_code.empty() ? nullptr : ctx.units->Find(unit.parent_code);
  ApiReply reply;
  reply.body = UnitRef(unit, true);
  // A parent outside the user's area is still named: the user's own unit's parent is context,
  // not data, and the parent's own page answers 403.
  reply.body["parent"] = parent != nullptr ? UnitRef(*parent) : nlohmann::json(nullptr);
  reply.body["children"] = std::move(children);
  reply.body["years"] = ctx.survey_years;
  return reply;
}

Result<ApiReply> Geo(ServerContext& ctx, ApiRequest& request) {
  const std::string path = ctx.home + "/data/geo/vn-districts-simplified.geojson";
  std::ifstream in(path);
  const auto all = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!all.is_object() || !all.contains("features")) {
    return Status::Error(ErrorCode::kIoError, "không đọc được " + path, "cannot read " + path);
  }
  const AdminUnit& unit = *request.unit;
  nlohmann::json features = nlohmann::json::array();
  for (const auto& f : all["features"]) {
    const auto& p = f["properties"];
    const bool take = (unit.level == UnitLevel::kProvince && p.value("province_code", "") == unit.code) ||
                      (unit.level == UnitLevel::kDistrict && p.value("district_code", "") == unit.code);
    if (take) features.push_back(f);
  }
  ApiReply reply;
  reply.body = {{"type", "FeatureCollection"}, {"features", std::move(features)}};
  return reply;
}

}  // namespace

void AddUnitRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/units/{code}", Access::kSession, Scope::kUnitPath,
                    "a unit, its parent, children and survey years", Unit});
  routes.push_back({"GET", "/api/v1/units/{code}/geo", Access::kSession, Scope::kUnitPath,
                    "district boundaries of a unit (GeoJSON)", Geo});
}

}  // namespace ansinh::server
