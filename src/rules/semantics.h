// The arithmetic of the rule language, shared by the column program and the row evaluator so the
// two agree to the bit.
//
// Owns: what every operation means on every input, including the edges: integer arithmetic wraps
// (two's complement, 64-bit); x / 0 is 0; integer division truncates toward zero; comparing money
// per capita with an amount is exact (income OP amount × members, no rounding).
// Must stay true: every function here is total (no undefined behaviour, no error, no allocation),
// which is what lets a checked rule evaluate both branches of if() and run without errors.
#pragma once

#include <cstdint>
#include <limits>

#include "rules/ast.h"

namespace ansinh::rules::semantics {

inline std::int64_t Add(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
inline std::int64_t Sub(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}
inline std::int64_t Mul(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
}
inline std::int64_t Neg(std::int64_t a) { return Sub(0, a); }
inline std::int64_t Div(std::int64_t a, std::int64_t b) {
  if (b == 0) return 0;
  if (b == -1) return Neg(a);  // INT64_MIN / -1 wraps instead of trapping
  return a / b;
}
inline double Div(double a, double b) { return b == 0.0 ? 0.0 : a / b; }

template <typename T>
inline bool Compare(Op op, T a, T b) {
  switch (op) {
    case Op::kEq:
      return a == b;
    case Op::kNe:
      return a != b;
    case Op::kLt:
      return a < b;
    case Op::kLe:
      return a <= b;
    case Op::kGt:
      return a > b;
    case Op::kGe:
      return a >= b;
    default:
      return false;
  }
}

// income / members OP amount, decided exactly as income OP amount × members.
// Per-capita income "from L down" (từ L trở xuống) includes L: income <= L × members.
// When the product leaves the 64-bit range its sign still decides the comparison.
inline bool ComparePerCapita(Op op, std::int64_t income, std::int64_t members,
                             std::int64_t amount) {
  std::int64_t product = 0;
  if (!__builtin_mul_overflow(amount, members, &product)) return Compare(op, income, product);
  const bool product_negative = (amount < 0) != (members < 0);
  // A product beyond the range is below every income when negative, above it when positive.
  const std::int64_t stand_in = product_negative ? std::numeric_limits<std::int64_t>::min()
                                                 : std::numeric_limits<std::int64_t>::max();
  if (income == stand_in)
    return product_negative ? op == Op::kGt || op == Op::kGe || op == Op::kNe
                            : op == Op::kLt || op == Op::kLe || op == Op::kNe;
  return Compare(op, income, stand_in);
}

}  // namespace ansinh::rules::semantics
