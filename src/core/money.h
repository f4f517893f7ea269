// Money is integer VND (đồng), never floating point. Rates are computed from integer counts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ansinh {

using Vnd = std::int64_t;

// "1.234.567" — Vietnamese thousands separator; negative amounts keep their sign. English text
// passes ',' ("1,234,567").
std::string FormatVnd(Vnd amount, char thousands = '.');

// Parses a whole, non-negative amount: digits only ("1500000"); `field` names it in the error.
Result<Vnd> ParseVnd(std::string_view text, std::string_view field);

}  // namespace ansinh
