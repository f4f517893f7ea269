// Test helpers for src/store: a temporary directory (mkdtemp under /tmp, removed at the end),
// a fixed clock, a small province, and the bytes of a file.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "core/admin_unit.h"
#include "core/clock.h"
#include "store/store.h"

namespace ansinh::store::testing {

// 2024-06-15T00:00:00Z.
inline constexpr std::int64_t kJune15 = 1718409600;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ansinh-store-XXXXXX").string();
    path_ = mkdtemp(pattern.data()) ? pattern : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Province 96, district 964 with commune 32014 (xã), district 966 with commune 32200 (phường).
inline std::vector<AdminUnit> SmallProvince() {
  return {
      {"96", "Tỉnh Cà Mau", "Tỉnh", UnitLevel::kProvince, "", false},
      {"964", "Huyện Đầm Dơi", "Huyện", UnitLevel::kDistrict, "96", false},
      {"966", "Thành phố Cà Mau", "Thành phố", UnitLevel::kDistrict, "96", false},
      {"32014", "Xã Tạ An Khương", "Xã", UnitLevel::kCommune, "964", false},
      {"32200", "Phường 1", "Phường", UnitLevel::kCommune, "966", true},
  };
}

// A store in a fresh temporary file, with SmallProvince() written.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    path_ = dir_.File("ansinh.db");
    Reopen();
    ASSERT_TRUE(store_->units().InitProvince(SmallProvince(), actor_).ok());
  }
  void Reopen() {
    store_.reset();
    auto opened = Store::Open(path_, clock_);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }
  // The database file's bytes with the store closed (the WAL checkpointed into it).
  std::string ClosedBytes() {
    store_.reset();
    std::string bytes = ReadBytes(path_);
    Reopen();
    return bytes;
  }
  Household NewHousehold(const std::string& hamlet = "Ấp Ninh Thạnh") {
    Household h;
    h.commune_code = "32014";
    h.hamlet_name = hamlet;
    auto added = store_->households().Add(h, actor_);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? added.value() : Household{};
  }
  Person NewPerson(std::int64_t household_id, const std::string& name = "Nguyễn Văn A") {
    Person p;
    p.household_id = household_id;
    p.full_name = name;
    p.birth_date = "1980-05-01";
    p.relation = Relation::kHead;
    auto added = store_->households().AddPerson(p, actor_);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? added.value() : Person{};
  }
  std::vector<AuditEntry> Audit(const std::string& table = "", const std::string& key = "") {
    auto entries = store_->audit().List({table, key, 1000});
    EXPECT_TRUE(entries.ok()) << entries.status().ToString();
    return entries.ok() ? entries.value() : std::vector<AuditEntry>{};
  }

  TempDir dir_;
  std::string path_;
  FixedClock clock_{kJune15};
  Actor actor_{"tester"};
  std::unique_ptr<Store> store_;
};

}  // namespace ansinh::store::testing
