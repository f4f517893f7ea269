// Transitions between two survey years: the matrix of categories (poor, near-poor, middle,
// other, and households that appear or leave) for every unit, and the households behind a cell.
//
// Owns: the states of a household across two years and the per-unit matrices, rolled up the
// unit tree like the indicators.
// Must stay true: every household surveyed in either year is in exactly one cell; a household
// counts in the commune it is in in the later year (or, when it left, in the earlier one); a
// district's matrix is the sum of its communes'.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analytics/indicators.h"
#include "analytics/snapshot.h"

namespace ansinh::analytics {

// A household's state in one of the two years; kAbsent is "new" in the first and "left" in the
// second.
enum class State : std::uint8_t { kPoor, kNearPoor, kMiddle, kOther, kAbsent };
inline constexpr int kStates = 5;
std::string_view StateCode(State s, bool later);    // "poor", ..., "new" / "left"
std::string_view StateNameVi(State s, bool later);  // "hộ nghèo", ..., "mới" / "ra khỏi"
// "poor" -> kPoor ...; "new" and "left" -> kAbsent. kInvalidArgument otherwise.
Result<State> ParseState(std::string_view text, std::string_view field);

class TransitionTable {
 public:
  int from() const { return from_; }
  int to() const { return to_; }
  std::int64_t cell(UnitIndex unit, State a, State b) const {
    return cells_[static_cast<std::size_t>(unit)][static_cast<std::size_t>(a) * kStates +
                                                  static_cast<std::size_t>(b)];
  }

 private:
  friend Result<TransitionTable> ComputeTransitions(const Snapshot&, const IndicatorResults&, int,
                                                    int);
  int from_ = 0, to_ = 0;
  std::vector<std::array<std::int64_t, kStates * kStates>> cells_;  // [unit][a * 5 + b]
};

// The matrix between years `from` < `to`, both computed in `results` over `snapshot`.
Result<TransitionTable> ComputeTransitions(const Snapshot& snapshot,
                                           const IndicatorResults& results, int from, int to);

// The registry ids of the households of `unit` (or below it) in cell (a, b), ascending.
Result<std::vector<std::int64_t>> HouseholdsInCell(const Snapshot& snapshot,
                                                   const IndicatorResults& results, int from,
                                                   int to, UnitIndex unit, State a, State b);

}  // namespace ansinh::analytics
