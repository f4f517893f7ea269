// The registry's values as JSON objects, one shape for every edge that shows them (the CLI's
// --json output, the HTTP API). Keys are the interchange format's column names.
#pragma once

#include <nlohmann/json.hpp>

#include "core/household.h"

namespace ansinh::io {

nlohmann::json ToJson(const Household& h);
nlohmann::json ToJson(const Person& p);
nlohmann::json ToJson(const HouseholdYear& y);
nlohmann::json ToJson(const PersonYear& y);

}  // namespace ansinh::io
