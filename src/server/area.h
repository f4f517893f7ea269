// The administrative units as the server's access rules see them: the province's tree, read once
// from the store at start (it changes only with `ansinh init`), and the one question every
// request asks of it — is this unit inside the user's area (the subtree of the user's unit)?
// Immutable after construction, so shared by every worker thread without a lock.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/admin_unit.h"
#include "core/status.h"
#include "store/store.h"

namespace ansinh::server {

class UnitDirectory {
 public:
  static Result<UnitDirectory> Load(store::Store& store);

  const AdminUnit* Find(const std::string& code) const;
  const AdminUnit& root() const { return units_.at(root_); }
  // Children in code order.
  const std::vector<std::string>& Children(const std::string& code) const;
  // True when `code` is `area` or lies below it. An empty area is the whole province.
  bool Contains(const std::string& area, const std::string& code) const;
  // The communes at or below `code`, in code order.
  std::vector<std::string> CommunesUnder(const std::string& code) const;

 private:
  std::map<std::string, AdminUnit> units_;
  std::map<std::string, std::vector<std::string>> children_;
  std::string root_;
};

}  // namespace ansinh::server
