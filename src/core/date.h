// Calendar dates as the registry records them: ISO text in files and the store
// ("2024-03-05", or a bare year "1948" when only the year is known, as on many old forms), and
// dd/mm/yyyy on screen. No time zones: a survey date is a civil date in Vietnam.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace ansinh {

struct Date {
  int year = 0;
  int month = 0;  // 1..12, or 0 when only the year is known
  int day = 0;    // 1..31, or 0 when only the year is known

  bool year_only() const { return month == 0; }
  std::string ToIso() const;      // "2024-03-05" or "1948"
  std::string ToDisplay() const;  // "05/03/2024" or "1948"
  // Orders by (year, month, day); a year-only date sorts before any full date of its year.
  auto operator<=>(const Date&) const = default;
};

// Parses "YYYY-MM-DD" or "YYYY" (years 1800..9999), checking the day exists in the month.
// `field` names the input in the error.
Result<Date> ParseIsoDate(std::string_view text, std::string_view field);

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

// Whole years between `birth` and `on` (a year-only birth counts from 1 January).
int AgeOn(const Date& birth, const Date& on);

}  // namespace ansinh
