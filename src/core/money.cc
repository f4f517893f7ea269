#include "core/money.h"

#include <limits>

namespace ansinh {

std::string FormatVnd(Vnd amount, char thousands) {
  const bool negative = amount < 0;
  // Work on the unsigned magnitude so that the most negative value formats too.
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(amount)
                                     : static_cast<std::uint64_t>(amount);
  std::string digits = std::to_string(magnitude);
  std::string out;
  const int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += thousands;
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

Result<Vnd> ParseVnd(std::string_view text, std::string_view field) {
  if (text.empty()) {
    return Status::Invalid(std::string(field), "", "thiếu số tiền", "the amount is missing");
  }
  if (text[0] == '-') {
    return Status::Invalid(std::string(field), std::string(text), "số tiền không được âm",
                           "the amount must not be negative");
  }
  Vnd value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return Status::Invalid(std::string(field), std::string(text),
                             "số tiền phải là số nguyên đồng", "the amount must be whole đồng");
    }
    if (value > (std::numeric_limits<Vnd>::max() - (c - '0')) / 10) {
      return Status::Invalid(std::string(field), std::string(text), "số tiền quá lớn",
                             "the amount is too large");
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace ansinh
