// Hamlet lookup shared by UnitRepository and HouseholdRepository, inside the caller's transaction.
#pragma once

#include <string_view>

#include "core/admin_unit.h"
#include "core/clock.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace ansinh::store::internal {

// The hamlet `name` (trimmed, NFC) of `commune_code`, inserted and audited when new.
// kNotFound ("commune") for an unknown commune; kInvalidArgument ("hamlet") for an empty name.
Result<Hamlet> FindOrCreateHamlet(Database& db, const Clock& clock, const Actor& actor,
                                  std::string_view commune_code, std::string_view name);

}  // namespace ansinh::store::internal
