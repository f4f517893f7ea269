#include "cli/analytics_common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "cli/progress.h"
#include "core/money.h"

namespace ansinh::cli {

Result<std::unique_ptr<AnalyticsSession>> OpenAnalytics(CliContext& ctx,
                                                        const AnalyticsRequest& request) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, request.db));
  if (!request.unit.empty()) {
    ANSINH_ASSIGN_OR_RETURN(std::optional<AdminUnit> unit, db->units().Find(request.unit));
    if (!unit) {
      return Status::NotFound("unit", request.unit,
                              "không có đơn vị hành chính này trong cơ sở dữ liệu",
                              "no such administrative unit in the database");
    }
  }
  app::SessionOptions options;
  options.home = ctx.home;
  options.last_year = request.last_year;
  options.standard = request.standard;
  options.threads = request.threads;
  options.on_year = YearProgress(ctx);
  return app::OpenAnalytics(*db, options);
}

std::function<void(int, int)> YearProgress(CliContext& ctx) {
  if (ctx.err == nullptr) return {};
  // The bar is made when the number of years is known (the first call) and shared by the copies
  // of the function.
  auto progress = std::make_shared<std::unique_ptr<Progress>>();
  std::ostream* out = ctx.err;
  return [progress, out](int done, int total) {
    if (!*progress) {
      ProgressOptions options;
      options.terminal = IsTerminal(*out);
      *progress = std::make_unique<Progress>(*out, "đọc năm khảo sát / reading survey years",
                                             static_cast<std::int64_t>(total), options);
    }
    if (done > 0) {
      (*progress)->Advance();
      (*progress)->Tick();  // a year is a long step: report now rather than every 1,024 steps
    }
  };
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
