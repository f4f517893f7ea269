// Which poverty standard classifies each survey year.
//
// Owns: the choice of standard per year — one standard for every year (--standard), or the
// national standard in force that year with the exceptions of config/review-standards.toml (the
// year-end review that opens a period is made under the new period's standard).
// Must stay true: every year maps to exactly one loaded standard or to a kNotFound error naming
// the year; the registry outlives the calendar.
#pragma once

#include <map>
#include <string>

#include "analytics/indicators.h"
#include "rules/standard.h"

namespace ansinh::analytics {

class StandardCalendar : public StandardChooser {
 public:
  // The national calendar: `registry` with every standard loaded, and the exceptions read from
  // `exceptions_file` (a missing file means no exception).
  static Result<StandardCalendar> National(rules::StandardRegistry& registry,
                                           const std::string& exceptions_file);
  // One standard for every year.
  static StandardCalendar Fixed(const rules::Standard* standard);

  Result<const rules::Standard*> For(int year) const override;

 private:
  rules::StandardRegistry* registry_ = nullptr;
  const rules::Standard* fixed_ = nullptr;
  std::map<int, const rules::Standard*> exceptions_;
};

}  // namespace ansinh::analytics
