#include "core/date.h"

#include <fmt/format.h>

namespace ansinh {
namespace {

bool ParseDigits(std::string_view text, int* out) {
  if (text.empty()) return false;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

Status BadDate(std::string_view field, std::string_view text, const char* vi, const char* en) {
  return Status::Invalid(std::string(field), std::string(text), vi, en);
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

std::string Date::ToIso() const {
  if (year_only()) return fmt::format("{:04d}", year);
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

std::string Date::ToDisplay() const {
  if (year_only()) return fmt::format("{:04d}", year);
  return fmt::format("{:02d}/{:02d}/{:04d}", day, month, year);
}

Result<Date> ParseIsoDate(std::string_view text, std::string_view field) {
  Date d;
  if (text.size() == 4) {
    if (!ParseDigits(text, &d.year)) {
      return BadDate(field, text, "năm phải là 4 chữ số", "a year must be 4 digits");
    }
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (!ParseDigits(text.substr(0, 4), &d.year) || !ParseDigits(text.substr(5, 2), &d.month) ||
        !ParseDigits(text.substr(8, 2), &d.day)) {
      return BadDate(field, text, "ngày phải có dạng YYYY-MM-DD", "a date must be YYYY-MM-DD");
    }
    if (d.month < 1 || d.month > 12) {
      return BadDate(field, text, "tháng phải từ 1 đến 12", "month must be 1 to 12");
    }
    if (d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
      return BadDate(field, text, "ngày không có trong tháng", "no such day in that month");
    }
  } else {
    return BadDate(field, text, "ngày phải có dạng YYYY-MM-DD hoặc YYYY",
                   "a date must be YYYY-MM-DD or YYYY");
  }
  if (d.year < 1800) {
    return BadDate(field, text, "năm phải từ 1800 trở đi", "the year must be 1800 or later");
  }
  return d;
}

int AgeOn(const Date& birth, const Date& on) {
  int age = on.year - birth.year;
  int bm = birth.year_only() ? 1 : birth.month;
  int bd = birth.year_only() ? 1 : birth.day;
  int om = on.year_only() ? 1 : on.month;
  int od = on.year_only() ? 1 : on.day;
  if (om < bm || (om == bm && od < bd)) --age;
  return age;
}

}  // namespace ansinh
