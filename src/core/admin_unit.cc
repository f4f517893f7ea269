#include "core/admin_unit.h"

namespace ansinh {

std::string_view UnitLevelName(UnitLevel level) {
  switch (level) {
    case UnitLevel::kProvince: return "province";
    case UnitLevel::kDistrict: return "district";
    case UnitLevel::kCommune: return "commune";
  }
  return "unknown";
}

bool IsUrbanCommuneType(std::string_view commune_type) {
  return commune_type == "Phường" || commune_type == "Thị trấn";
}

Status ValidateUnitCode(std::string_view code, UnitLevel level, std::string_view field) {
  const std::size_t want = level == UnitLevel::kProvince ? 2 : level == UnitLevel::kDistrict ? 3 : 5;
  bool digits = !code.empty();
  for (char c : code) digits = digits && c >= '0' && c <= '9';
  if (!digits || code.size() != want) {
    return Status::Invalid(std::string(field), std::string(code),
                           "mã đơn vị hành chính phải có " + std::to_string(want) + " chữ số",
                           "an administrative code of this level has " + std::to_string(want) +
                               " digits");
  }
  return Status::Ok();
}

}  // namespace ansinh
