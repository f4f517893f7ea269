// The workbook an official hands over (`ansinh report`, GET /api/v1/units/{code}/report.xlsx):
// where a unit stands against the resolution's targets, the key indicators by district and by
// commune, and the transitions from the year before — built from a computed AnalyticsSession,
// written through io/report_workbook.h (Vietnamese headers, number formats, frozen headers).
//
// The report covers one unit's subtree. For the province it is the four sheets "Mục tiêu",
// "Theo huyện", "Theo xã", "Chuyển dịch"; below the province "Theo huyện" is left out (a
// district is the total row of its communes), and a commune's sheets hold the commune alone.
// Must stay true: every figure is the session's own (the same as `ansinh indicators` and the
// indicators endpoint), a missing value an empty cell.
#pragma once

#include <string>

#include "analytics/targets.h"
#include "app/analytics_session.h"
#include "core/date.h"
#include "core/status.h"

namespace ansinh::app {

struct ReportOptions {
  int year = 0;          // a year the session computed
  std::string unit;      // GSO code of the report's unit; empty: the province
  std::string source;    // what the subtitle says the figures come from ("demo.db")
  Date made_on;          // the date the subtitle names
};

// Writes the report to `path` (through `<path>.tmp`, renamed when complete). kInvalidArgument
// naming "year" when the session has no such year, naming "unit" for a unit it lacks.
Status WriteReport(const AnalyticsSession& session, const analytics::TargetSet& targets,
                   const ReportOptions& options, const std::string& path);

// The same workbook as bytes, for an HTTP answer: written in a private temporary folder, read
// back and removed (libxlsxwriter writes only files).
Result<std::string> ReportBytes(const AnalyticsSession& session, const analytics::TargetSet& targets,
                                const ReportOptions& options);

}  // namespace ansinh::app
