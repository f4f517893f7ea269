#include "analytics/unit_tree.h"

#include <algorithm>
#include <string>
#include <utility>

namespace ansinh::analytics {

Result<UnitTree> UnitTree::Build(std::vector<AdminUnit> units) {
  std::sort(units.begin(), units.end(), [](const AdminUnit& a, const AdminUnit& b) {
    if (a.level != b.level) return static_cast<int>(a.level) < static_cast<int>(b.level);
    return a.code < b.code;
  });
  UnitTree tree;
  tree.units_ = std::move(units);
  tree.parent_.assign(tree.units_.size(), kNoUnit);
  for (std::size_t i = 0; i < tree.units_.size(); ++i) {
    const AdminUnit& u = tree.units_[i];
    if (!tree.by_code_.emplace(u.code, static_cast<UnitIndex>(i)).second) {
      return Status::Invalid("code", u.code, "mã đơn vị hành chính bị trùng",
                             "administrative unit code appears twice");
    }
    if (u.parent_code.empty()) continue;
    UnitIndex p = tree.Find(u.parent_code);
    if (p == kNoUnit) {
      return Status::Invalid("parent_code", u.parent_code,
                             "đơn vị cấp trên của " + u.code + " không có trong danh sách",
                             "the parent of " + u.code + " is not in the list");
    }
    if (static_cast<int>(tree.unit(p).level) + 1 != static_cast<int>(u.level)) {
      return Status::Invalid("parent_code", u.parent_code,
                             "cấp của " + u.code + " không ngay dưới cấp trên",
                             "the level of " + u.code + " is not one below its parent's");
    }
    tree.parent_[i] = p;
  }
  return tree;
}

UnitIndex UnitTree::Find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? kNoUnit : it->second;
}

bool UnitTree::Within(UnitIndex unit, UnitIndex ancestor) const {
  for (UnitIndex u = unit; u != kNoUnit; u = parent(u)) {
    if (u == ancestor) return true;
  }
  return false;
}

}  // namespace ansinh::analytics
