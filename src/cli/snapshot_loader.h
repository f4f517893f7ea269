// Filling the analytics snapshot from the store: the one place where the columnar world of
// src/analytics meets the database (src/analytics never sees a database handle).
//
// Owns: which years are read (every survey year up to the last one asked for, because
// transitions and year-on-year changes need the years before), the unit tree from the store's
// units, and the progress shown while reading.
#pragma once

#include <memory>
#include <ostream>

#include "analytics/snapshot.h"
#include "core/status.h"
#include "rules/catalogue.h"
#include "store/store.h"

namespace ansinh::cli {

struct SnapshotRequest {
  int last_year = 0;  // 0: every survey year
  int first_year = 0;  // skip survey years before this one (0: from the first on record)
  std::ostream* progress = nullptr;  // where the progress indicator goes; nullptr: none
};

// The snapshot of every survey year from request.first_year up to request.last_year. kNotFound
// ("year") when the store has no survey in request.last_year.
Result<std::unique_ptr<analytics::Snapshot>> LoadSnapshot(store::Store& db,
                                                          const rules::Catalogue& catalogue,
                                                          const SnapshotRequest& request);

}  // namespace ansinh::cli
