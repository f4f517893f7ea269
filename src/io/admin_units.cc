#include "io/admin_units.h"

#include <set>

#include "io/csv_reader.h"

namespace ansinh::io {

Result<std::vector<AdminUnit>> LoadProvinceUnits(const std::string& csv_path,
                                                 const std::string& province_code) {
  ANSINH_RETURN_IF_ERROR(ValidateUnitCode(province_code, UnitLevel::kProvince, "province"));
  std::vector<AdminUnit> province, districts, communes;
  std::set<std::string> seen_districts;
  Status status = ReadCsvFile(
      csv_path,
      {"province_code", "province_name", "province_type", "district_code", "district_name",
       "district_type", "commune_code", "commune_name", "commune_type"},
      [&](const CsvRow& row) -> Status {
        if (row.Get("province_code") != province_code) return Status::Ok();
        if (province.empty()) {
          province.push_back({std::string(row.Get("province_code")),
                              std::string(row.Get("province_name")),
                              std::string(row.Get("province_type")), UnitLevel::kProvince, "",
                              false});
        }
        const std::string district_code(row.Get("district_code"));
        if (seen_districts.insert(district_code).second) {
          districts.push_back({district_code, std::string(row.Get("district_name")),
                               std::string(row.Get("district_type")), UnitLevel::kDistrict,
                               province_code, false});
        }
        if (!row.Get("commune_code").empty()) {
          const std::string type(row.Get("commune_type"));
          communes.push_back({std::string(row.Get("commune_code")),
                              std::string(row.Get("commune_name")), type, UnitLevel::kCommune,
                              district_code, IsUrbanCommuneType(type)});
        }
        return Status::Ok();
      });
  ANSINH_RETURN_IF_ERROR(status);
  if (province.empty()) {
    return Status::NotFound("province", province_code,
                            "danh mục hành chính không có tỉnh này",
                            "no such province in the administrative list");
  }
  std::vector<AdminUnit> out = std::move(province);
  out.insert(out.end(), districts.begin(), districts.end());
  out.insert(out.end(), communes.begin(), communes.end());
  return out;
}

}  // namespace ansinh::io
