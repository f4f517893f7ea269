// Builds a Frame from the core domain structs: the easy way for tests and small callers to get
// columns. The analytics snapshot and `ansinh classify` fill frames column by column instead.
//
// Owns: how each catalogue field of RegisterCoreFields is derived from a HouseholdYear, the
// members' Person and PersonYear, the area and the standard's lines.
// Must stay true: members = number of member records; age = survey year - birth year;
// housing_area_pc = housing_area_m2 / members (0 without members); a line column exists only when
// every household has that line (some with and some without is an error).
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/household.h"
#include "core/money.h"
#include "core/status.h"
#include "rules/catalogue.h"
#include "rules/frame.h"

namespace ansinh::rules {

struct MemberRecord {
  Person person;
  PersonYear year;
};

struct HouseholdRecord {
  HouseholdYear survey;
  bool urban = false;
  // The standard's lines for the household's area (VND per person per month).
  std::optional<Vnd> line_poor;
  std::optional<Vnd> line_near_poor;
  std::optional<Vnd> line_middle;
  int score_a = 0;  // form B1 / A
  int score_b = 0;  // form B2 / B
  int deprivation_count = 0;
  std::vector<MemberRecord> members;
};

// The birth year a frame derives ages from: the first four digits of a birth date ("YYYY" or
// "YYYY-MM-DD"); kInvalidArgument ("birth_date") otherwise. Every frame filler uses this one.
Result<int> BirthYearOf(std::string_view birth_date);

// A frame over `catalogue` (which must hold RegisterCoreFields and outlive the frame).
Result<Frame> BuildFrame(const Catalogue& catalogue, std::span<const HouseholdRecord> households);

}  // namespace ansinh::rules
