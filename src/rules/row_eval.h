// The reference evaluator: walks a checked tree for one household, reading the frame cell by
// cell. It is the specification the column program is tested against (and a way to explain one
// household's result); it is far too slow for bulk work, which is what Program is for.
//
// Owns: nothing but the walk; all arithmetic comes from rules/semantics.h.
// Must stay true: strings are compared by their text (not by codes), so the property test checks
// the compiler's dictionary handling rather than repeating it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/ast.h"
#include "rules/frame.h"

namespace ansinh::rules {

// One value: `i` for int and bool (0/1), `f` for decimal, `s` for string (a view into the frame's
// dictionary or the tree).
struct RowValue {
  std::int64_t i = 0;
  double f = 0;
  std::string_view s;
};

// The tree must have passed CheckExpression, and the frame must have every column it reads.
RowValue EvaluateRow(const Node& root, const Frame& frame, std::size_t household);

// Evaluates the condition inside an aggregate (a member-row expression) for one member row of
// `household`: which members make `any(members, ...)` hold, for explanations.
RowValue EvaluateMemberRow(const Node& condition, const Frame& frame, std::size_t household,
                           std::size_t member_row);

}  // namespace ansinh::rules
