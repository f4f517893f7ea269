#include "analytics/transitions.h"

#include <algorithm>
#include <string>

namespace ansinh::analytics {

// A category converts to the state of the same name.
static_assert(static_cast<int>(State::kPoor) == static_cast<int>(Category::kPoor) &&
              static_cast<int>(State::kNearPoor) == static_cast<int>(Category::kNearPoor) &&
              static_cast<int>(State::kMiddle) == static_cast<int>(Category::kMiddle) &&
              static_cast<int>(State::kOther) == static_cast<int>(Category::kOther));

std::string_view StateCode(State s, bool later) {
  switch (s) {
    case State::kPoor: return "poor";
    case State::kNearPoor: return "near_poor";
    case State::kMiddle: return "middle";
    case State::kOther: return "other";
    case State::kAbsent: return later ? "left" : "new";
  }
  return "other";
}

std::string_view StateNameVi(State s, bool later) {
  switch (s) {
    case State::kPoor: return "hộ nghèo";
    case State::kNearPoor: return "hộ cận nghèo";
    case State::kMiddle: return "hộ trung bình";
    case State::kOther: return "hộ khác";
    case State::kAbsent: return later ? "ra khỏi danh sách" : "mới vào danh sách";
  }
  return "hộ khác";
}

Result<State> ParseState(std::string_view text, std::string_view field) {
  for (State s : {State::kPoor, State::kNearPoor, State::kMiddle, State::kOther}) {
    if (text == StateCode(s, false)) return s;
  }
  if (text == "new" || text == "left") return State::kAbsent;
  return Status::Invalid(std::string(field), std::string(text),
                         "phải là poor, near_poor, middle, other, new hoặc left",
                         "must be poor, near_poor, middle, other, new or left");
}

namespace {

// Each household of either year: its state in both and its commune.
struct Move {
  std::int64_t id;
  UnitIndex commune;
  State a, b;
};

Result<std::vector<Move>> Moves(const Snapshot& snapshot, const IndicatorResults& results,
                                int from, int to) {
  if (from >= to) {
    return Status::Invalid("from", std::to_string(from), "năm đầu phải trước năm cuối",
                           "the first year must come before the second");
  }
  const SurveyYear* first = snapshot.Year(from);
  const SurveyYear* second = snapshot.Year(to);
  for (auto [year, data] : {std::pair{from, first}, std::pair{to, second}}) {
    if (data == nullptr || results.categories(year).size() != data->household_id.size()) {
      return Status::NotFound(year == from ? "from" : "to", std::to_string(year),
                              "không có số liệu khảo sát năm này",
                              "no survey data for this year");
    }
  }
  std::span<const Category> ca = results.categories(from), cb = results.categories(to);
  std::vector<Move> moves;
  moves.reserve(std::max(first->household_id.size(), second->household_id.size()));
  // Both years' rows ascend by id: one merge.
  std::size_t i = 0, j = 0;
  while (i < first->household_id.size() || j < second->household_id.size()) {
    const bool take_a = i < first->household_id.size() &&
                        (j >= second->household_id.size() ||
                         first->household_id[i] <= second->household_id[j]);
    const bool take_b = j < second->household_id.size() &&
                        (i >= first->household_id.size() ||
                         second->household_id[j] <= first->household_id[i]);
    Move m{};
    m.a = take_a ? static_cast<State>(ca[i]) : State::kAbsent;
    m.b = take_b ? static_cast<State>(cb[j]) : State::kAbsent;
    m.id = take_a ? first->household_id[i] : second->household_id[j];
    m.commune = take_b ? second->commune[j] : first->commune[i];
    moves.push_back(m);
    if (take_a) ++i;
    if (take_b) ++j;
  }
  return moves;
}

}  // namespace

Result<TransitionTable> ComputeTransitions(const Snapshot& snapshot,
                                           const IndicatorResults& results, int from, int to) {
  ANSINH_ASSIGN_OR_RETURN(std::vector<Move> moves, Moves(snapshot, results, from, to));
  TransitionTable table;
  table.from_ = from;
  table.to_ = to;
  const UnitTree& units = snapshot.units();
  table.cells_.assign(static_cast<std::size_t>(units.size()), {});
  for (const Move& m : moves) {
    ++table.cells_[static_cast<std::size_t>(m.commune)]
                  [static_cast<std::size_t>(m.a) * kStates + static_cast<std::size_t>(m.b)];
  }
  for (UnitIndex u = units.size() - 1; u >= 0; --u) {
    UnitIndex p = units.parent(u);
    if (p == kNoUnit) continue;
    auto& parent = table.cells_[static_cast<std::size_t>(p)];
    const auto& child = table.cells_[static_cast<std::size_t>(u)];
    for (std::size_t k = 0; k < parent.size(); ++k) parent[k] += child[k];
  }
  return table;
}

Result<std::vector<std::int64_t>> HouseholdsInCell(const Snapshot& snapshot,
                                                   const IndicatorResults& results, int from,
                                                   int to, UnitIndex unit, State a, State b) {
  ANSINH_ASSIGN_OR_RETURN(std::vector<Move> moves, Moves(snapshot, results, from, to));
  std::vector<std::int64_t> ids;
  for (const Move& m : moves) {
    if (m.a == a && m.b == b && snapshot.units().Within(m.commune, unit)) ids.push_back(m.id);
  }
  return ids;
}

}  // namespace ansinh::analytics
