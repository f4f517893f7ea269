#include "rules/ast.h"

namespace ansinh::rules {

std::string_view OpText(Op op) {
  switch (op) {
    case Op::kNone:
      return "";
    case Op::kAdd:
      return "+";
    case Op::kSub:
      return "-";
    case Op::kMul:
      return "*";
    case Op::kDiv:
      return "/";
    case Op::kNeg:
      return "-";
    case Op::kEq:
      return "=";
    case Op::kNe:
      return "!=";
    case Op::kLt:
      return "<";
    case Op::kLe:
      return "<=";
    case Op::kGt:
      return ">";
    case Op::kGe:
      return ">=";
    case Op::kAnd:
      return "and";
    case Op::kOr:
      return "or";
    case Op::kNot:
      return "not";
  }
  return "";
}

bool IsComparison(Op op) {
  return op == Op::kEq || op == Op::kNe || op == Op::kLt || op == Op::kLe || op == Op::kGt ||
         op == Op::kGe;
}

}  // namespace ansinh::rules

namespace ansinh::rules {

std::string PrintTree(const Node& node) {
  switch (node.kind) {
    case NodeKind::kInt:
      return std::to_string(node.int_value);
    case NodeKind::kDecimal:
      return std::to_string(node.decimal_value);
    case NodeKind::kString:
      return "\"" + node.text + "\"";
    case NodeKind::kBool:
      return node.int_value ? "true" : "false";
    case NodeKind::kName:
      return node.text;
    case NodeKind::kUnary:
      return "(" + std::string(OpText(node.op)) + " " + PrintTree(*node.children[0]) + ")";
    case NodeKind::kBinary:
      return "(" + PrintTree(*node.children[0]) + " " + std::string(OpText(node.op)) + " " +
             PrintTree(*node.children[1]) + ")";
    case NodeKind::kCall: {
      std::string out = node.text + "(";
      for (std::size_t i = 0; i < node.children.size(); ++i) {
        out += (i ? ", " : "") + PrintTree(*node.children[i]);
      }
      return out + ")";
    }
  }
  return "";
}

}  // namespace ansinh::rules
