#include "core/clock.h"

#include <fmt/format.h>

#include <chrono>

namespace ansinh {
namespace {

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
void CivilFromDays(std::int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yy + (*m <= 2));
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Date Clock::Today() const {
  constexpr std::int64_t kVietnamOffset = 7 * 3600;
  Date d;
  CivilFromDays(FloorDiv(NowUnixSeconds() + kVietnamOffset, 86400), &d.year, &d.month, &d.day);
  return d;
}

std::string Clock::NowIso() const {
  const std::int64_t t = NowUnixSeconds();
  const std::int64_t secs = t - FloorDiv(t, 86400) * 86400;
  int y, m, d;
  CivilFromDays(FloorDiv(t, 86400), &y, &m, &d);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z", y, m, d, secs / 3600,
                     secs / 60 % 60, secs % 60);
}

std::int64_t SystemClock::NowUnixSeconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace ansinh
