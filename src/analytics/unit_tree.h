// The administrative hierarchy as dense indexes, for counters that roll up.
//
// Owns: the units (province, district, commune) in an order where every parent comes before its
// children, each unit's parent index, and the lookup from a GSO code to an index.
// Must stay true: index order is (level, code), so a loop from the last unit to the first visits
// every child before its parent — the roll-up of additive counters is one such loop. A tree may
// hold several provinces (the national snapshot); a unit without a parent is a root.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/admin_unit.h"
#include "core/status.h"

namespace ansinh::analytics {

using UnitIndex = std::int32_t;
inline constexpr UnitIndex kNoUnit = -1;

class UnitTree {
 public:
  // Units in any order. Every parent_code must name a unit of the list and a unit's level must be
  // one below its parent's; codes are unique.
  static Result<UnitTree> Build(std::vector<AdminUnit> units);

  UnitIndex size() const { return static_cast<UnitIndex>(units_.size()); }
  const AdminUnit& unit(UnitIndex i) const { return units_[static_cast<std::size_t>(i)]; }
  UnitIndex parent(UnitIndex i) const { return parent_[static_cast<std::size_t>(i)]; }
  UnitIndex Find(std::string_view code) const;  // kNoUnit when absent
  // Whether `unit` is `ancestor` or lies below it.
  bool Within(UnitIndex unit, UnitIndex ancestor) const;

 private:
  std::vector<AdminUnit> units_;
  std::vector<UnitIndex> parent_;
  std::unordered_map<std::string, UnitIndex> by_code_;
};

}  // namespace ansinh::analytics
