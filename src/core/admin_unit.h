// Administrative units as GSO codes them: province (2 digits), district (3), commune (5), and
// below the commune the hamlets (ấp in a xã, khóm in a phường or thị trấn), which GSO does not
// code and the registry numbers itself. Urban or rural follows the commune type: phường and thị
// trấn are urban, xã rural.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace ansinh {

enum class UnitLevel : int { kProvince = 1, kDistrict = 2, kCommune = 3 };

std::string_view UnitLevelName(UnitLevel level);  // "province", "district", "commune"

struct AdminUnit {
  std::string code;         // "96", "964", "32014"
  std::string name;         // with the type prefix as GSO writes it: "Huyện Đầm Dơi"
  std::string type;         // "Tỉnh", "Huyện", "Thành phố", "Xã", "Phường", "Thị trấn", ...
  UnitLevel level = UnitLevel::kProvince;
  std::string parent_code;  // empty for a province
  bool urban = false;       // communes: phường and thị trấn; districts and provinces: false
};

struct Hamlet {
  std::int64_t id = 0;
  std::string commune_code;
  std::string name;  // "Ấp Ninh Thạnh", "Khóm 3"
};

// True for the commune types GSO counts as urban.
bool IsUrbanCommuneType(std::string_view commune_type);

// Checks that `code` is all digits and as long as its level needs (2, 3 or 5).
Status ValidateUnitCode(std::string_view code, UnitLevel level, std::string_view field);

}  // namespace ansinh
