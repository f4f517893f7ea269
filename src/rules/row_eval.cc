#include "rules/row_eval.h"

#include <cassert>

#include "rules/semantics.h"

namespace ansinh::rules {
namespace {

class RowEvaluator {
 public:
  RowEvaluator(const Frame& frame, std::size_t household, std::size_t member = 0)
      : frame_(frame), household_(household), member_(member) {}

  RowValue Eval(const Node& node) {
    RowValue v;
    switch (node.kind) {
      case NodeKind::kInt:
      case NodeKind::kBool:
        v.i = node.int_value;
        return v;
      case NodeKind::kDecimal:
        v.f = node.decimal_value;
        return v;
      case NodeKind::kString:
        v.s = node.text;
        return v;
      case NodeKind::kName:
        return Field(node.field);
      case NodeKind::kUnary: {
        const RowValue a = Eval(*node.children[0]);
        if (node.op == Op::kNot) v.i = a.i ^ 1;
        if (node.op == Op::kNeg && node.type == Type::kInt) v.i = semantics::Neg(a.i);
        if (node.op == Op::kNeg && node.type == Type::kDecimal) v.f = -a.f;
        return v;
      }
      case NodeKind::kBinary:
        return Binary(node);
      case NodeKind::kCall:
        return Call(node);
    }
    return v;
  }

 private:
  static double AsDecimal(const Node& node, const RowValue& v) {
    return node.type == Type::kDecimal ? v.f : static_cast<double>(v.i);
  }

  RowValue Field(FieldId id) const {
    const FieldDef& def = frame_.catalogue().field(id);
    const Column* column = frame_.column(id);
    assert(column != nullptr);
    const std::size_t row = def.scope == Scope::kMember ? member_ : household_;
    RowValue v;
    switch (def.storage) {
      case Storage::kInt64:
        v.i = column->int64s()[row];
        break;
      case Storage::kInt32:
        v.i = column->int32s()[row];
        break;
      case Storage::kBool:
        v.i = column->bools()[row];
        break;
      case Storage::kCode:
        v.s = frame_.dictionary().text(column->int32s()[row]);
        break;
      case Storage::kFloat64:
        v.f = column->decimals()[row];
        break;
      case Storage::kVirtual:
        break;
    }
    return v;
  }

  RowValue Binary(const Node& node);
  RowValue Compare(const Node& node);
  RowValue Call(const Node& node);

  const Frame& frame_;
  std::size_t household_;
  std::size_t member_;
};

RowValue RowEvaluator::Binary(const Node& node) {
  if (IsComparison(node.op)) return Compare(node);
  const Node& l = *node.children[0];
  const Node& r = *node.children[1];
  const RowValue a = Eval(l);
  const RowValue b = Eval(r);
  RowValue v;
  if (node.op == Op::kAnd) v.i = a.i & b.i;
  if (node.op == Op::kOr) v.i = a.i | b.i;
  if (node.type == Type::kInt) {
    switch (node.op) {
      case Op::kAdd:
        v.i = semantics::Add(a.i, b.i);
        break;
      case Op::kSub:
        v.i = semantics::Sub(a.i, b.i);
        break;
      case Op::kMul:
        v.i = semantics::Mul(a.i, b.i);
        break;
      case Op::kDiv:
        v.i = semantics::Div(a.i, b.i);
        break;
      default:
        break;
    }
  } else if (node.type == Type::kDecimal) {
    const double x = AsDecimal(l, a), y = AsDecimal(r, b);
    switch (node.op) {
      case Op::kAdd:
        v.f = x + y;
        break;
      case Op::kSub:
        v.f = x - y;
        break;
      case Op::kMul:
        v.f = x * y;
        break;
      case Op::kDiv:
        v.f = semantics::Div(x, y);
        break;
      default:
        break;
    }
  }
  return v;
}

RowValue RowEvaluator::Compare(const Node& node) {
  const Node& l = *node.children[0];
  const Node& r = *node.children[1];
  RowValue v;
  if (l.type == Type::kMoneyPc || r.type == Type::kMoneyPc) {
    const bool left_pc = l.type == Type::kMoneyPc;
    const FieldDef& pc = frame_.catalogue().field(left_pc ? l.field : r.field);
    const std::int64_t income = Field(frame_.catalogue().Find(Scope::kHousehold, pc.numerator)).i;
    const std::int64_t n = Field(frame_.catalogue().Find(Scope::kHousehold, pc.denominator)).i;
    const std::int64_t amount = Eval(left_pc ? r : l).i;
    // amount OP income/n is income/n (flipped OP) amount.
    Op op = node.op;
    if (!left_pc) {
      op = op == Op::kLt   ? Op::kGt
           : op == Op::kLe ? Op::kGe
           : op == Op::kGt ? Op::kLt
           : op == Op::kGe ? Op::kLe
                           : op;
    }
    v.i = semantics::ComparePerCapita(op, income, n, amount);
    return v;
  }
  const RowValue a = Eval(l);
  const RowValue b = Eval(r);
  if (l.type == Type::kString) {
    v.i = semantics::Compare(node.op, a.s, b.s);
  } else if (l.type == Type::kDecimal || r.type == Type::kDecimal) {
    v.i = semantics::Compare(node.op, AsDecimal(l, a), AsDecimal(r, b));
  } else {
    v.i = semantics::Compare(node.op, a.i, b.i);
  }
  return v;
}

RowValue RowEvaluator::Call(const Node& node) {
  RowValue v;
  if (node.text == "if") {
    const RowValue c = Eval(*node.children[0]);
    const Node& branch = *node.children[c.i ? 1 : 2];
    v = Eval(branch);
    if (node.type == Type::kDecimal) v.f = AsDecimal(branch, v);
    return v;
  }
  const Node& body = *node.children[1];
  const auto offsets = frame_.member_offsets();
  const bool all = node.text == "all";
  v.i = all ? 1 : 0;
  for (member_ = offsets[household_]; member_ < offsets[household_ + 1]; ++member_) {
    const RowValue x = Eval(body);
    if (node.text == "count") v.i = semantics::Add(v.i, x.i);
    if (node.text == "any") v.i |= x.i;
    if (all) v.i &= x.i;
    if (node.text == "sum" && body.type == Type::kInt) v.i = semantics::Add(v.i, x.i);
    if (node.text == "sum" && body.type == Type::kDecimal) v.f += x.f;
  }
  return v;
}

}  // namespace

RowValue EvaluateRow(const Node& root, const Frame& frame, std::size_t household) {
  RowEvaluator evaluator(frame, household);
  return evaluator.Eval(root);
}

}  // namespace ansinh::rules

namespace ansinh::rules {

RowValue EvaluateMemberRow(const Node& condition, const Frame& frame, std::size_t household,
                           std::size_t member_row) {
  RowEvaluator evaluator(frame, household, member_row);
  return evaluator.Eval(condition);
}

}  // namespace ansinh::rules
