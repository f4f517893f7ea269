// Filling the analytics snapshot from the store: the one place where the columnar world of
// src/analytics meets the database (src/analytics never sees a database handle).
//
// Owns: which years are read (every survey year up to the last one asked for, because
// transitions and year-on-year changes need the years before), the unit tree from the store's
// units, and the column-by-column read of each year (store::SurveyRepository::ScanYear into an
// analytics::YearBuilder: no record or string per row on the way), several years at once.
// Must stay true: a year read here equals, column for column, rules::BuildFrame of the store's
// YearSnapshot of that year (snapshot_loader_test.cc).
#pragma once

#include <functional>
#include <memory>

#include "analytics/snapshot.h"
#include "core/status.h"
#include "rules/catalogue.h"
#include "store/store.h"

namespace ansinh::app {

struct SnapshotRequest {
  int last_year = 0;   // 0: every survey year
  int first_year = 0;  // skip survey years before this one (0: from the first on record)
  // Years read at once, each on its own thread and connection (Store::OpenAnother); 1 reads on
  // the calling thread only, as does a database no second connection can open.
  int threads = 1;
  // Called on the calling thread with (0, years to read) before the first year, then as years
  // are done (may be empty).
  std::function<void(int done, int total)> on_year;
};

// The snapshot of every survey year from request.first_year up to request.last_year. kNotFound
// ("year") when the store has no survey in request.last_year.
Result<std::unique_ptr<analytics::Snapshot>> LoadSnapshot(store::Store& db,
                                                          const rules::Catalogue& catalogue,
                                                          const SnapshotRequest& request);

}  // namespace ansinh::app
