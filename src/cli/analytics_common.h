// What the analytics sub-commands (indicators, targets) share: opening the standards, the
// indicator definitions and the snapshot of a database, computing every indicator, and showing a
// value the way a Vietnamese reader expects it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/analytics_session.h"
#include "cli/cli.h"

namespace ansinh::cli {

// Everything an analytics command computes from (src/app, shared with the server).
using AnalyticsSession = app::AnalyticsSession;

struct AnalyticsRequest {
  std::string db;
  int last_year = 0;      // read every survey year up to this one (0: all)
  std::string standard;   // empty: the national calendar
  int threads = 0;        // 0: every core
  std::string unit;       // a unit code the command will ask for: checked before any work
};

// Opens the database, checks request.unit, then app::OpenAnalytics with progress on ctx.err.
Result<std::unique_ptr<AnalyticsSession>> OpenAnalytics(CliContext& ctx,
                                                        const AnalyticsRequest& request);

// "12,14" (percent and points: two decimals), "1.234" (counts), "0,0512" (ratios: four
// decimals), "—" when absent: Vietnamese separators, for screens.
std::string FormatIndicatorValue(const std::optional<double>& value, const std::string& unit);
// The same for files (CSV, JSON): a plain number, full precision for non-integers; empty if absent.
std::string PlainNumber(const std::optional<double>& value);

// Shows the reading of survey years on ctx.err: a bar on a terminal, plain lines otherwise.
std::function<void(int done, int total)> YearProgress(CliContext& ctx);

}  // namespace ansinh::cli
