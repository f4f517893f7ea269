// The syntax tree of a rule, as the parser builds it and the type checker annotates it.
//
// Owns: the node kinds and operators of the rule language and their source positions.
// Must stay true: a tree's depth is at most kMaxDepth (the parser refuses deeper input), so every
// recursive walk over it is bounded; children are owned by their parent; `type` and `field` are
// filled only by the type checker (CheckRule), and a checked tree is never changed afterwards.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rules/catalogue.h"

namespace ansinh::rules {

inline constexpr int kMaxDepth = 128;

struct SourcePos {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in characters (UTF-8 code points)
};

enum class NodeKind : std::uint8_t {
  kInt,      // int_value
  kDecimal,  // decimal_value
  kString,   // text
  kBool,     // int_value 0 or 1
  kName,     // text: a field name, possibly dotted ("line.poor")
  kUnary,    // op, children[0]
  kBinary,   // op, children[0], children[1]
  kCall,     // text: function name; children: arguments
};

enum class Op : std::uint8_t {
  kNone,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kNeg,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kAnd,
  kOr,
  kNot,
};
std::string_view OpText(Op op);  // "+", "<=", "and", ...
bool IsComparison(Op op);

struct Node {
  NodeKind kind = NodeKind::kInt;
  Op op = Op::kNone;
  SourcePos pos;
  std::int64_t int_value = 0;
  double decimal_value = 0;
  std::string text;
  std::vector<std::unique_ptr<Node>> children;
  int depth = 1;  // 1 for a leaf

  // Filled by the type checker.
  Type type = Type::kBool;
  FieldId field = -1;       // kName: the catalogue field it resolved to
  bool member_row = false;  // evaluated once per member (inside an aggregate, depends on a member)
};

}  // namespace ansinh::rules

namespace ansinh::rules {
// The tree fully parenthesised, for tests and debugging: "(income_pc <= line.poor)".
std::string PrintTree(const Node& node);
}  // namespace ansinh::rules
