#include "rules/compiler.h"

#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace ansinh::rules {

struct Reg {
  Domain domain = Domain::kHousehold;
  bool decimal = false;
  std::uint16_t index = 0;
  bool pinned = false;  // a field load or a constant: kept for the whole program
};

class ProgramBuilder {
 public:
  ProgramBuilder(const Catalogue& catalogue, const SourceRef& source)
      : catalogue_(catalogue), source_(source) {}

  Result<Program> Build(const Node& root) {
    program_.result_type_ = root.type;
    const Reg result = Emit(root, Domain::kHousehold);
    if (!error_.ok()) return error_;
    program_.result_register_ = result.index;
    return std::move(program_);
  }

 private:
  Reg Emit(const Node& node, Domain d);
  Reg EmitLiteral(const Node& node, Domain d);
  Reg EmitField(FieldId id, Domain d);
  Reg EmitBinary(const Node& node, Domain d);
  Reg EmitCompare(const Node& node, Domain d);
  Reg EmitCall(const Node& node, Domain d);

  // `fresh`: a register no instruction has used, as constants need: the prologue fills them
  // before the body runs, so a temporary must never have lived in one.
  Reg Alloc(Domain d, bool decimal, const Node& node, bool fresh = false) {
    auto& free = free_[static_cast<int>(d)][decimal];
    Reg r{d, decimal, 0, false};
    if (!free.empty() && !fresh) {
      r.index = free.back();
      free.pop_back();
      return r;
    }
    std::uint16_t& count = program_.registers_[static_cast<int>(d)][decimal];
    if (count >= kMaxRegisters && error_.ok()) {
      error_ = RuleError(ErrorCode::kInvalidArgument, source_, node.pos,
                         "quy tắc quá lớn (quá nhiều giá trị trung gian)",
                         "rule too large (too many intermediate values)");
    }
    r.index = count < kMaxRegisters ? count++ : 0;
    return r;
  }
  void Release(Reg r) {
    if (!r.pinned) free_[static_cast<int>(r.domain)][r.decimal].push_back(r.index);
  }
  Reg Emit1(OpCode op, Reg a, bool decimal, const Node& node, std::int32_t arg = 0) {
    Release(a);
    Reg dst = Alloc(a.domain, decimal, node);
    program_.body_.push_back({op, a.domain, dst.index, a.index, 0, 0, arg});
    return dst;
  }
  Reg Emit2(OpCode op, Reg a, Reg b, bool decimal, const Node& node, std::int32_t arg = 0) {
    Release(a);
    Release(b);
    Reg dst = Alloc(a.domain, decimal, node);
    program_.body_.push_back({op, a.domain, dst.index, a.index, b.index, 0, arg});
    return dst;
  }
  Reg Emit3(OpCode op, Reg a, Reg b, Reg c, bool decimal, const Node& node, std::int32_t arg = 0) {
    Release(a);
    Release(b);
    Release(c);
    Reg dst = Alloc(a.domain, decimal, node);
    program_.body_.push_back({op, a.domain, dst.index, a.index, b.index, c.index, arg});
    return dst;
  }
  Reg ToDecimal(Reg r, const Node& node) {
    return r.decimal ? r : Emit1(OpCode::kIntToDecimal, r, true, node);
  }
  Reg PinnedConstant(OpCode op, Domain d, bool decimal, std::int32_t arg, const Node& node) {
    auto key = std::make_tuple(static_cast<int>(op), static_cast<int>(d), arg);
    auto it = constants_.find(key);
    if (it != constants_.end()) return it->second;
    Reg r = Alloc(d, decimal, node, /*fresh=*/true);
    r.pinned = true;
    program_.prologue_.push_back({op, d, r.index, 0, 0, 0, arg});
    constants_.emplace(key, r);
    return r;
  }
  template <typename T>
  std::int32_t Pool(std::vector<T>& pool, const T& value) {
    for (std::size_t i = 0; i < pool.size(); ++i) {
      if (pool[i] == value) return static_cast<std::int32_t>(i);
    }
    pool.push_back(value);
    return static_cast<std::int32_t>(pool.size() - 1);
  }

  const Catalogue& catalogue_;
  const SourceRef& source_;
  Program program_;
  Status error_;
  std::vector<std::uint16_t> free_[2][2];
  std::map<std::tuple<int, int, std::int32_t>, Reg> constants_;  // (op, domain, pool index)
  std::map<std::pair<FieldId, int>, Reg> fields_;                // (field, domain)
};

namespace {

bool IsLiteral(const Node& node) {
  return node.kind == NodeKind::kInt || node.kind == NodeKind::kDecimal ||
         node.kind == NodeKind::kString || node.kind == NodeKind::kBool;
}

OpCode LoadOp(Storage storage) {
  switch (storage) {
    case Storage::kInt64:
      return OpCode::kLoadInt64;
    case Storage::kInt32:
      return OpCode::kLoadInt32;
    case Storage::kBool:
      return OpCode::kLoadBool;
    case Storage::kCode:
      return OpCode::kLoadCode;
    default:
      return OpCode::kLoadFloat64;
  }
}

Op Flip(Op op) {
  switch (op) {
    case Op::kLt:
      return Op::kGt;
    case Op::kLe:
      return Op::kGe;
    case Op::kGt:
      return Op::kLt;
    case Op::kGe:
      return Op::kLe;
    default:
      return op;
  }
}

}  // namespace

Reg ProgramBuilder::Emit(const Node& node, Domain d) {
  if (!error_.ok()) return Reg{};
  // A household value used among member values: compute once per household, then broadcast.
  if (d == Domain::kMember && !node.member_row && !IsLiteral(node)) {
    const Reg h = Emit(node, Domain::kHousehold);
    Release(h);
    const Reg m = Alloc(Domain::kMember, h.decimal, node);
    program_.body_.push_back({h.decimal ? OpCode::kBroadcastF : OpCode::kBroadcastI,
                              Domain::kMember, m.index, h.index, 0, 0, 0});
    return m;
  }
  switch (node.kind) {
    case NodeKind::kInt:
    case NodeKind::kDecimal:
    case NodeKind::kString:
    case NodeKind::kBool:
      return EmitLiteral(node, d);
    case NodeKind::kName:
      return EmitField(node.field, d);
    case NodeKind::kUnary: {
      const Reg a = Emit(*node.children[0], d);
      if (node.op == Op::kNot) return Emit1(OpCode::kNot, a, false, node);
      return Emit1(a.decimal ? OpCode::kNegF : OpCode::kNegI, a, a.decimal, node);
    }
    case NodeKind::kBinary:
      return EmitBinary(node, d);
    case NodeKind::kCall:
      return EmitCall(node, d);
  }
  return Reg{};
}

Reg ProgramBuilder::EmitLiteral(const Node& node, Domain d) {
  switch (node.kind) {
    case NodeKind::kDecimal:
      return PinnedConstant(OpCode::kConstDecimal, d, true,
                            Pool(program_.decimal_constants_, node.decimal_value), node);
    case NodeKind::kString:
      return PinnedConstant(OpCode::kConstString, d, false,
                            Pool(program_.string_constants_, node.text), node);
    default:
      return PinnedConstant(OpCode::kConstInt, d, false,
                            Pool(program_.int_constants_, node.int_value), node);
  }
}

Reg ProgramBuilder::EmitField(FieldId id, Domain d) {
  auto key = std::make_pair(id, static_cast<int>(d));
  auto it = fields_.find(key);
  if (it != fields_.end()) return it->second;
  const FieldDef& field = catalogue_.field(id);
  const bool decimal = field.storage == Storage::kFloat64;
  Reg r = Alloc(d, decimal, Node{});
  r.pinned = true;
  if (field.scope == Scope::kHousehold && d == Domain::kMember) {
    // A household field among member values (income_pc compared with a member's amount).
    const Reg h = EmitField(id, Domain::kHousehold);
    program_.body_.push_back({decimal ? OpCode::kBroadcastF : OpCode::kBroadcastI, Domain::kMember,
                              r.index, h.index, 0, 0, 0});
  } else {
    program_.body_.push_back({LoadOp(field.storage), d, r.index, 0, 0, 0, id});
    program_.fields_.push_back(id);
  }
  fields_.emplace(key, r);
  return r;
}

Reg ProgramBuilder::EmitBinary(const Node& node, Domain d) {
  if (IsComparison(node.op)) return EmitCompare(node, d);
  Reg a = Emit(*node.children[0], d);
  Reg b = Emit(*node.children[1], d);
  if (node.op == Op::kAnd) return Emit2(OpCode::kAnd, a, b, false, node);
  if (node.op == Op::kOr) return Emit2(OpCode::kOr, a, b, false, node);
  const bool decimal = node.type == Type::kDecimal;
  if (decimal) {
    a = ToDecimal(a, node);
    b = ToDecimal(b, node);
  }
  static constexpr OpCode kInt[] = {OpCode::kAddI, OpCode::kSubI, OpCode::kMulI, OpCode::kDivI};
  static constexpr OpCode kDec[] = {OpCode::kAddF, OpCode::kSubF, OpCode::kMulF, OpCode::kDivF};
  const int i = static_cast<int>(node.op) - static_cast<int>(Op::kAdd);
  return Emit2(decimal ? kDec[i] : kInt[i], a, b, decimal, node);
}

Reg ProgramBuilder::EmitCompare(const Node& node, Domain d) {
  const Node* left = node.children[0].get();
  const Node* right = node.children[1].get();
  Op op = node.op;
  if (right->type == Type::kMoneyPc) {
    std::swap(left, right);
    op = Flip(op);
  }
  if (left->type == Type::kMoneyPc) {
    // income_pc OP x  <=>  numerator OP x × denominator, exactly (semantics::ComparePerCapita).
    const FieldDef& field = catalogue_.field(left->field);
    const Reg x = Emit(*right, d);
    const Reg income = EmitField(catalogue_.Find(Scope::kHousehold, field.numerator), d);
    const Reg members = EmitField(catalogue_.Find(Scope::kHousehold, field.denominator), d);
    return Emit3(OpCode::kCmpPerCapita, income, members, x, false, node, static_cast<int>(op));
  }
  Reg a = Emit(*left, d);
  Reg b = Emit(*right, d);
  const bool decimal = left->type == Type::kDecimal || right->type == Type::kDecimal;
  if (decimal) {
    a = ToDecimal(a, node);
    b = ToDecimal(b, node);
  }
  return Emit2(decimal ? OpCode::kCmpF : OpCode::kCmpI, a, b, false, node, static_cast<int>(op));
}

Reg ProgramBuilder::EmitCall(const Node& node, Domain d) {
  if (node.text == "if") {
    const Reg c = Emit(*node.children[0], d);
    Reg a = Emit(*node.children[1], d);
    Reg b = Emit(*node.children[2], d);
    const bool decimal = node.type == Type::kDecimal;
    if (decimal) {
      a = ToDecimal(a, node);
      b = ToDecimal(b, node);
    }
    return Emit3(decimal ? OpCode::kSelectF : OpCode::kSelectI, c, a, b, decimal, node);
  }
  // An aggregate: the body runs over the chunk's members, then reduces per household.
  const Reg body = Emit(*node.children[1], Domain::kMember);
  OpCode op = OpCode::kCount;
  if (node.text == "any") op = OpCode::kAny;
  if (node.text == "all") op = OpCode::kAll;
  if (node.text == "sum") op = body.decimal ? OpCode::kSumF : OpCode::kSumI;
  Release(body);
  const Reg dst = Alloc(Domain::kHousehold, body.decimal && op == OpCode::kSumF, node);
  program_.body_.push_back({op, Domain::kHousehold, dst.index, body.index, 0, 0, 0});
  (void)d;
  return dst;
}

Result<Program> CompileProgram(const Node& root, const Catalogue& catalogue,
                               const SourceRef& source) {
  ProgramBuilder builder(catalogue, source);
  return builder.Build(root);
}

}  // namespace ansinh::rules

namespace ansinh::rules {

namespace {

std::string_view OpCodeName(OpCode op) {
  static constexpr std::string_view kNames[] = {
      "load_i64",  "load_i32",  "load_bool",  "load_code",      "load_f64",    "const_int",
      "const_dec", "const_str", "int_to_dec", "add_i",          "sub_i",       "mul_i",
      "div_i",     "neg_i",     "add_f",      "sub_f",          "mul_f",       "div_f",
      "neg_f",     "cmp_i",     "cmp_f",      "cmp_per_capita", "and",         "or",
      "not",       "select_i",  "select_f",   "broadcast_i",    "broadcast_f", "count",
      "any",       "all",       "sum_i",      "sum_f"};
  return kNames[static_cast<int>(op)];
}

void DisassembleOne(const Instruction& in, std::string& out) {
  out += in.domain == Domain::kHousehold ? "h " : "m ";
  out += OpCodeName(in.op);
  out += " r" + std::to_string(in.dst) + " <- r" + std::to_string(in.a) + " r" +
         std::to_string(in.b) + " r" + std::to_string(in.c) + " #" + std::to_string(in.arg);
  out += '\n';
}

}  // namespace

std::string Program::Disassemble() const {
  std::string out = "prologue:\n";
  for (const Instruction& in : prologue_) DisassembleOne(in, out);
  out += "body:\n";
  for (const Instruction& in : body_) DisassembleOne(in, out);
  out += "result: r" + std::to_string(result_register_) + " (" +
         std::string(TypeName(result_type_)) + ")\n";
  return out;
}

}  // namespace ansinh::rules
