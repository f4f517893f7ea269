#include "cli/analytics_common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>

#include "cli/snapshot_loader.h"
#include "core/money.h"
#include "rules/thread_pool.h"

namespace ansinh::cli {

Result<std::unique_ptr<AnalyticsSession>> OpenAnalytics(CliContext& ctx,
                                                        const AnalyticsRequest& request) {
  auto session = std::make_unique<AnalyticsSession>();
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, request.db));
  if (!request.unit.empty()) {
    ANSINH_ASSIGN_OR_RETURN(std::optional<AdminUnit> unit, db->units().Find(request.unit));
    if (!unit) {
      return Status::NotFound("unit", request.unit,
                              "không có đơn vị hành chính này trong cơ sở dữ liệu",
                              "no such administrative unit in the database");
    }
  }
  ANSINH_ASSIGN_OR_RETURN(session->registry, rules::StandardRegistry::Create(ctx.home));
  if (request.standard.empty()) {
    ANSINH_ASSIGN_OR_RETURN(
        analytics::StandardCalendar calendar,
        analytics::StandardCalendar::National(*session->registry,
                                              ctx.home + "/config/review-standards.toml"));
    session->calendar = std::make_unique<analytics::StandardCalendar>(std::move(calendar));
  } else {
    ANSINH_ASSIGN_OR_RETURN(const rules::Standard* standard,
                            session->registry->Resolve(request.standard));
    session->calendar = std::make_unique<analytics::StandardCalendar>(
        analytics::StandardCalendar::Fixed(standard));
  }
  ANSINH_ASSIGN_OR_RETURN(analytics::IndicatorSet set,
                          analytics::IndicatorSet::LoadDir(ctx.home + "/config/indicators",
                                                           session->registry->catalogue()));
  session->indicators = std::make_unique<analytics::IndicatorSet>(std::move(set));
  SnapshotRequest load;
  load.last_year = request.last_year;
  load.progress = ctx.err;
  ANSINH_ASSIGN_OR_RETURN(session->snapshot,
                          LoadSnapshot(*db, session->registry->catalogue(), load));
  ANSINH_ASSIGN_OR_RETURN(AdminUnit province, db->units().Province());
  const int threads = request.threads > 0
                          ? request.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  rules::ThreadPool pool(threads);
  analytics::ComputeOptions options;
  options.pool = &pool;
  options.province = std::stoi(province.code);
  ANSINH_ASSIGN_OR_RETURN(analytics::IndicatorResults results,
                          analytics::ComputeIndicators(*session->snapshot, *session->indicators,
                                                       *session->calendar, options));
  session->results.emplace(std::move(results));
  return session;
}

namespace {

// Fixed decimals with Vietnamese separators: 1234.5 with 2 -> "1.234,50".
std::string VietnameseDecimal(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double rounded = std::round(std::fabs(value) * scale);
  const auto whole = static_cast<std::int64_t>(std::floor(rounded / scale));
  const auto fraction = static_cast<std::int64_t>(rounded - static_cast<double>(whole) * scale);
  std::string out = (value < 0 && rounded > 0 ? "-" : "") + FormatVnd(whole);
  if (decimals > 0) {
    std::string digits = std::to_string(fraction);
    out += "," + std::string(static_cast<std::size_t>(decimals) - digits.size(), '0') + digits;
  }
  return out;
}

}  // namespace

std::string FormatIndicatorValue(const std::optional<double>& value, const std::string& unit) {
  if (!value) return "—";
  if (unit == "percent") return VietnameseDecimal(*value, 2) + " %";
  if (unit == "points") return VietnameseDecimal(*value, 2) + " điểm/pp";
  if (unit == "ratio") return VietnameseDecimal(*value, 4);
  if (*value == std::floor(*value)) return VietnameseDecimal(*value, 0);
  return VietnameseDecimal(*value, 2);
}

std::string PlainNumber(const std::optional<double>& value) {
  if (!value) return "";
  if (*value == std::floor(*value) && std::fabs(*value) < 9e15) {
    return std::to_string(static_cast<std::int64_t>(*value));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", *value);
  return buffer;
}

}  // namespace ansinh::cli
