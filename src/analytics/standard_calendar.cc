#include "analytics/standard_calendar.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <toml++/toml.h>

#include "rules/toml_reader.h"

namespace ansinh::analytics {

Result<StandardCalendar> StandardCalendar::National(rules::StandardRegistry& registry,
                                                    const std::string& exceptions_file) {
  ANSINH_RETURN_IF_ERROR(registry.LoadAll());
  StandardCalendar calendar;
  calendar.registry_ = &registry;
  if (!std::filesystem::exists(exceptions_file)) return calendar;
  std::ifstream in(exceptions_file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    return Status::Error(ErrorCode::kIoError, "không đọc được " + exceptions_file,
                         "cannot read " + exceptions_file);
  }
  const std::string body = text.str();
  rules::internal::TomlReader reader(body, exceptions_file);
  ANSINH_ASSIGN_OR_RETURN(toml::table root, reader.Parse());
  ANSINH_RETURN_IF_ERROR(reader.OnlyKeys(root, {"year"}));
  ANSINH_ASSIGN_OR_RETURN(auto years, reader.Tables(root, "year"));
  for (const toml::table* t : years) {
    ANSINH_RETURN_IF_ERROR(reader.OnlyKeys(*t, {"year", "standard", "reason"}));
    ANSINH_ASSIGN_OR_RETURN(std::int64_t year, reader.Int(*t, "year"));
    ANSINH_ASSIGN_OR_RETURN(std::string id, reader.String(*t, "standard"));
    ANSINH_ASSIGN_OR_RETURN(std::string reason, reader.String(*t, "reason"));
    Result<const rules::Standard*> standard = registry.Resolve(id);
    if (!standard.ok()) {
      return reader.Error(*t->get("standard"), "không có chuẩn '" + id + "'",
                          "no standard '" + id + "'")
          .WithField("standard");
    }
    calendar.exceptions_[static_cast<int>(year)] = *standard;
  }
  return calendar;
}

StandardCalendar StandardCalendar::Fixed(const rules::Standard* standard) {
  StandardCalendar calendar;
  calendar.fixed_ = standard;
  return calendar;
}

Result<const rules::Standard*> StandardCalendar::For(int year) const {
  if (fixed_ != nullptr) return fixed_;
  auto it = exceptions_.find(year);
  if (it != exceptions_.end()) return it->second;
  if (registry_ == nullptr) return Status::Internal("StandardCalendar without a registry");
  return registry_->NationalInForce(year);
}

}  // namespace ansinh::analytics
