#include "io/admin_units.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace ansinh::io {
namespace {

const std::string kList = std::string(ANSINH_SOURCE_DIR) + "/data/vn-admin-units.csv";

int CountLevel(const std::vector<AdminUnit>& units, UnitLevel level) {
  return static_cast<int>(std::count_if(units.begin(), units.end(),
                                        [&](const AdminUnit& u) { return u.level == level; }));
}

TEST(AdminUnitsTest, CaMauHasNineDistrictsAndOneHundredOneCommunes) {
  auto units = LoadProvinceUnits(kList, "96");
  ASSERT_TRUE(units.ok()) << units.status().ToString();
  EXPECT_EQ((*units)[0].name, "Tỉnh Cà Mau");
  EXPECT_EQ(CountLevel(*units, UnitLevel::kDistrict), 9);
  EXPECT_EQ(CountLevel(*units, UnitLevel::kCommune), 101);
  // 10 phường + 9 thị trấn are urban (data/README.md).
  EXPECT_EQ(std::count_if(units->begin(), units->end(), [](const AdminUnit& u) { return u.urban; }),
            19);
}

TEST(AdminUnitsTest, BacLieuAndHanoi) {
  auto bac_lieu = LoadProvinceUnits(kList, "95");
  ASSERT_TRUE(bac_lieu.ok());
  EXPECT_EQ(CountLevel(*bac_lieu, UnitLevel::kDistrict), 7);
  EXPECT_EQ(CountLevel(*bac_lieu, UnitLevel::kCommune), 64);
  auto hanoi = LoadProvinceUnits(kList, "01");
  ASSERT_TRUE(hanoi.ok());
  EXPECT_EQ((*hanoi)[1].code, "001");
  EXPECT_EQ((*hanoi)[1].parent_code, "01");
}

TEST(AdminUnitsTest, IslandDistrictWithoutCommunesIsKept) {
  auto units = LoadProvinceUnits(kList, "77");  // Bà Rịa - Vũng Tàu: Côn Đảo 755
  ASSERT_TRUE(units.ok());
  EXPECT_TRUE(std::any_of(units->begin(), units->end(),
                          [](const AdminUnit& u) { return u.code == "755"; }));
}

TEST(AdminUnitsTest, UnknownProvince) {
  EXPECT_EQ(LoadProvinceUnits(kList, "99").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(LoadProvinceUnits(kList, "9").status().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace ansinh::io
