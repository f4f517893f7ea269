// The GSO list of administrative units (data/vn-admin-units.csv; data/README.md says where it
// comes from): one row per commune with its district and province. This unit reads one province's
// tree out of it.
#pragma once

#include <string>
#include <vector>

#include "core/admin_unit.h"
#include "core/status.h"

namespace ansinh::io {

// The province, then its districts, then its communes, each in the list's order. kNotFound with
// field "province" when the list has no such province. Island districts without communes are
// kept as districts.
Result<std::vector<AdminUnit>> LoadProvinceUnits(const std::string& csv_path,
                                                 const std::string& province_code);

}  // namespace ansinh::io
