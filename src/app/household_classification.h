// A household's classification in one year computed now, from the registry, by the rules engine:
// what the household page (and any reader) shows when the store holds no classification for that
// year — the demo province and any registry not yet reviewed with `ansinh classify`.
//
// Owns: turning one household's surveyed year (store::SurveyRepository::HouseholdSnapshot) into a
// one-row frame, classifying it under a standard and explaining it (rules/classify.h), as a
// store::Classification that is not stored.
// Must stay true: the category is the one a whole-year classification (`ansinh classify`, the
// analytics) gives the household — a household's result depends on that household alone.
#pragma once

#include <cstdint>
#include <optional>

#include "core/household.h"
#include "core/status.h"
#include "rules/standard.h"
#include "store/store.h"

namespace ansinh::app {

// Classifies a household's year as SurveyRepository::HouseholdSnapshot reads it. `last_year`
// (the household's category the year before, when known) decides the review outcome code.
Result<store::Classification> ClassifySurveyedHousehold(const store::SurveyedHousehold& surveyed,
                                                        const rules::StandardRegistry& registry,
                                                        const rules::Standard& standard,
                                                        std::optional<Category> last_year = std::nullopt);

}  // namespace ansinh::app
