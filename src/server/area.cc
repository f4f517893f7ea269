#include "server/area.h"

namespace ansinh::server {

Result<UnitDirectory> UnitDirectory::Load(store::Store& store) {
  UnitDirectory dir;
  ANSINH_ASSIGN_OR_RETURN(std::vector<AdminUnit> all, store.units().All());
  for (AdminUnit& u : all) {
    if (u.parent_code.empty()) {
      dir.root_ = u.code;
    } else {
      dir.children_[u.parent_code].push_back(u.code);
    }
    std::string code = u.code;
    dir.units_.emplace(std::move(code), std::move(u));
  }
  if (dir.root_.empty()) {
    return Status::Error(ErrorCode::kFailedPrecondition,
                         "cơ sở dữ liệu chưa có tỉnh; hãy chạy ansinh init",
                         "the database holds no province; run ansinh init");
  }
  return dir;
}

const AdminUnit* UnitDirectory::Find(const std::string& code) const {
  auto it = units_.find(code);
  return it == units_.end() ? nullptr : &it->second;
}

const std::vector<std::string>& UnitDirectory::Children(const std::string& code) const {
  static const std::vector<std::string> kNone;  // immutable; not state
  auto it = children_.find(code);
  return it == children_.end() ? kNone : it->second;
}

bool UnitDirectory::Contains(const std::string& area, const std::string& code) const {
  if (area.empty() || area == root_) return units_.count(code) > 0;
  for (const AdminUnit* u = Find(code); u != nullptr; u = Find(u->parent_code)) {
    if (u->code == area) return true;
    if (u->parent_code.empty()) break;
  }
  return false;
}

std::vector<std::string> UnitDirectory::CommunesUnder(const std::string& code) const {
  std::vector<std::string> out;
  const AdminUnit* unit = Find(code);
  if (unit == nullptr) return out;
  if (unit->level == UnitLevel::kCommune) return {code};
  for (const std::string& child : Children(code)) {
    for (std::string& c : CommunesUnder(child)) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace ansinh::server
