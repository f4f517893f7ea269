// Removing a person with the surveys that name them, shared by RemovePerson and by the removal
// of a whole household; inside the caller's transaction.
#pragma once

#include <cstdint>

#include "core/clock.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace ansinh::store::internal {

// Deletes the person's yearly surveys and then the person, auditing each row.
Status DeletePerson(Database& db, const Clock& clock, const Actor& actor, std::int64_t person_id);

}  // namespace ansinh::store::internal
