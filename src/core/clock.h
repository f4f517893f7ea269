// The clock, passed in (no global "now"): the CLI and server use the system clock, tests a fixed
// one, so that "a birth date in the future" and audit timestamps are testable.
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"

namespace ansinh {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual std::int64_t NowUnixSeconds() const = 0;
  // Today's civil date in Vietnam (UTC+7).
  Date Today() const;
  // "2026-11-29T02:43:47Z"
  std::string NowIso() const;
};

class SystemClock final : public Clock {
 public:
  std::int64_t NowUnixSeconds() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::int64_t unix_seconds) : now_(unix_seconds) {}
  std::int64_t NowUnixSeconds() const override { return now_; }
  void Advance(std::int64_t seconds) { now_ += seconds; }

 private:
  std::int64_t now_;
};

}  // namespace ansinh
