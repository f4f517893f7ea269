// What a reader of the analytics (a sub-command, the HTTP server) opens once and computes from:
// the standards, the calendar that says which standard classifies each year, the indicator
// definitions, the snapshot of the registry and every indicator of every year read.
//
// Owns: the objects the results point into, kept alive together and never moved apart.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "analytics/indicators.h"
#include "analytics/snapshot.h"
#include "analytics/standard_calendar.h"
#include "core/status.h"
#include "rules/standard.h"
#include "store/store.h"

namespace ansinh::app {

struct AnalyticsSession {
  std::unique_ptr<rules::StandardRegistry> registry;
  std::unique_ptr<analytics::StandardCalendar> calendar;
  std::unique_ptr<analytics::IndicatorSet> indicators;
  std::unique_ptr<analytics::Snapshot> snapshot;
  std::optional<analytics::IndicatorResults> results;
  std::string province_code;  // the registry's province (GSO code)
};

struct SessionOptions {
  std::string home;      // the folder holding config/ (standards, indicators, review calendar)
  int last_year = 0;     // read every survey year up to this one (0: all)
  std::string standard;  // classify every year with this standard; empty: the national calendar
  int threads = 0;       // reading years and computing; 0: every core
  // Progress of the slow part, reading the survey years (done, total); may be empty.
  std::function<void(int done, int total)> on_year;
};

// Loads the standards, the calendar (<home>/config/review-standards.toml) or the fixed standard,
// the indicators (<home>/config/indicators), the snapshot of `db`, and computes every indicator
// of every year read. Errors name the file, year or standard at fault.
Result<std::unique_ptr<AnalyticsSession>> OpenAnalytics(store::Store& db,
                                                        const SessionOptions& options);

}  // namespace ansinh::app
