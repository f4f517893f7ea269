#include "rules/compiler.h"

#include <algorithm>
#include <bit>
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <tuple>
#include <utility>
#include <vector>

namespace ansinh::rules {

struct Reg {
  Domain domain = Domain::kHousehold;
  RegisterFile file = RegisterFile::kInt;
  std::uint16_t index = 0;
  bool pinned = false;  // a field load, a constant or a shared subtree: kept for the whole program
  bool decimal() const { return file == RegisterFile::kDecimal; }
  bool boolean() const { return file == RegisterFile::kBool; }
};

namespace {
RegisterFile RegisterFileOf(Type type) {
  if (type == Type::kBool) return RegisterFile::kBool;
  if (type == Type::kDecimal) return RegisterFile::kDecimal;
  return RegisterFile::kInt;
}
constexpr int FileIndex(RegisterFile f) { return static_cast<int>(f); }
}  // namespace

class ProgramBuilder {
 public:
  ProgramBuilder(const Catalogue& catalogue, const SourceRef& source)
      : catalogue_(catalogue), source_(source) {}

  // One result per root. A subtree that occurs more than once among the roots (or within one) is
  // computed once and its register kept for the rest of the program.
  Result<Program> Build(std::span<const Node* const> roots) {
    for (const Node* root : roots) CountSubtrees(*root);
    for (const Node* root : roots) {
      // A result is never an operand of a later instruction (unless it is a shared subtree, whose
      // register is kept anyway), so it is never released and no later root reuses it.
      const Reg result = Emit(*root, Domain::kHousehold);
      if (!error_.ok()) return error_;
      program_.result_types_.push_back(root->type);
      program_.result_registers_.push_back(result.index);
    }
    return std::move(program_);
  }

 private:
  // What makes two subtrees compute the same column: kind, operator, type, field and literal,
  // recursively. Leaves are left out (fields and constants have their own caches).
  static std::string Key(const Node& node) {
    std::string key = std::to_string(static_cast<int>(node.kind)) + ":" +
                      std::to_string(static_cast<int>(node.op)) + ":" +
                      std::to_string(static_cast<int>(node.type)) + ":" +
                      std::to_string(node.field) + ":" + std::to_string(node.int_value) + ":" +
                      std::to_string(std::bit_cast<std::uint64_t>(node.decimal_value)) + ":" +
                      std::to_string(node.text.size()) + ":" + node.text + "(";
    for (const auto& child : node.children) key += Key(*child) + ",";
    return key + ")";
  }
  static bool Shareable(const Node& node) {
    return node.kind == NodeKind::kUnary || node.kind == NodeKind::kBinary ||
           node.kind == NodeKind::kCall;
  }
  void CountSubtrees(const Node& node) {
    if (!Shareable(node)) return;
    ++occurrences_[Key(node)];
    for (const auto& child : node.children) CountSubtrees(*child);
  }
  Reg EmitUnshared(const Node& node, Domain d);
  Reg Emit(const Node& node, Domain d);
  Reg EmitLiteral(const Node& node, Domain d);
  Reg EmitField(FieldId id, Domain d);
  Reg EmitBinary(const Node& node, Domain d);
  Reg EmitCompare(const Node& node, Domain d);
  Reg EmitCall(const Node& node, Domain d);

  // `fresh`: a register no instruction has used, as constants need: the prologue fills them
  // before the body runs, so a temporary must never have lived in one.
  Reg Alloc(Domain d, RegisterFile file, const Node& node, bool fresh = false) {
    auto& free = free_[static_cast<int>(d)][FileIndex(file)];
    Reg r{d, file, 0, false};
    if (!free.empty() && !fresh) {
      r.index = free.back();
      free.pop_back();
      return r;
    }
    std::uint16_t& count = program_.registers_[static_cast<int>(d)][FileIndex(file)];
    if (count >= kMaxRegisters && error_.ok()) {
      error_ = RuleError(ErrorCode::kInvalidArgument, source_, node.pos,
                         "quy tắc quá lớn (quá nhiều giá trị trung gian)",
                         "rule too large (too many intermediate values)");
    }
    r.index = count < kMaxRegisters ? count++ : 0;
    return r;
  }
  void Release(Reg r) {
    if (!r.pinned) free_[static_cast<int>(r.domain)][FileIndex(r.file)].push_back(r.index);
  }
  Reg Emit1(OpCode op, Reg a, RegisterFile file, const Node& node, std::int32_t arg = 0) {
    Release(a);
    Reg dst = Alloc(a.domain, file, node);
    program_.body_.push_back({op, a.domain, dst.index, a.index, 0, 0, arg});
    return dst;
  }
  Reg Emit2(OpCode op, Reg a, Reg b, RegisterFile file, const Node& node, std::int32_t arg = 0) {
    Release(a);
    Release(b);
    Reg dst = Alloc(a.domain, file, node);
    program_.body_.push_back({op, a.domain, dst.index, a.index, b.index, 0, arg});
    return dst;
  }
  Reg Emit3(OpCode op, Reg a, Reg b, Reg c, RegisterFile file, const Node& node,
             std::int32_t arg = 0) {
    Release(a);
    Release(b);
    Release(c);
    Reg dst = Alloc(a.domain, file, node);
    program_.body_.push_back({op, a.domain, dst.index, a.index, b.index, c.index, arg});
    return dst;
  }
  // The program reads field `id`'s column (RunProgram checks it exists); listed once.
  void ReadsColumn(FieldId id) {
    auto& fields = program_.fields_;
    if (std::find(fields.begin(), fields.end(), id) == fields.end()) fields.push_back(id);
  }
  // `node` is an integer or code field whose rows are those of domain `d` (not a household field
  // among members, which needs a broadcast), so it can be read in place.
  bool InOwnColumn(const Node& node, Domain d) const {
    if (node.kind != NodeKind::kName) return false;
    const FieldDef& field = catalogue_.field(node.field);
    const bool own_rows = (field.scope == Scope::kMember) == (d == Domain::kMember);
    return own_rows && (field.storage == Storage::kInt32 || field.storage == Storage::kInt64 ||
                        field.storage == Storage::kCode);
  }
  Reg ToDecimal(Reg r, const Node& node) {
    return r.decimal() ? r : Emit1(OpCode::kIntToDecimal, r, RegisterFile::kDecimal, node);
  }
  Reg PinnedConstant(OpCode op, Domain d, RegisterFile file, std::int32_t arg, const Node& node) {
    auto key = std::make_tuple(static_cast<int>(op), static_cast<int>(d), arg);
    auto it = constants_.find(key);
    if (it != constants_.end()) return it->second;
    Reg r = Alloc(d, file, node, /*fresh=*/true);
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
  std::vector<std::uint16_t> free_[2][kRegisterFiles];
  std::map<std::tuple<int, int, std::int32_t>, Reg> constants_;  // (op, domain, pool index)
  std::map<std::pair<FieldId, int>, Reg> fields_;                // (field, domain)
  std::unordered_map<std::string, int> occurrences_;             // Key -> subtrees with it
  std::map<std::pair<std::string, int>, Reg> shared_;            // (Key, domain) -> kept result
};

namespace {

OpCode BroadcastOp(RegisterFile file) {
  switch (file) {
    case RegisterFile::kDecimal:
      return OpCode::kBroadcastF;
    case RegisterFile::kBool:
      return OpCode::kBroadcastB;
    default:
      return OpCode::kBroadcastI;
  }
}

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
  if (!Shareable(node)) return EmitUnshared(node, d);
  std::string key = Key(node);
  auto count = occurrences_.find(key);
  if (count == occurrences_.end() || count->second < 2) return EmitUnshared(node, d);
  auto at = std::make_pair(std::move(key), static_cast<int>(d));
  auto it = shared_.find(at);
  if (it != shared_.end()) return it->second;
  Reg r = EmitUnshared(node, d);
  r.pinned = true;
  shared_.emplace(std::move(at), r);
  return r;
}

Reg ProgramBuilder::EmitUnshared(const Node& node, Domain d) {
  // A household value used among member values: compute once per household, then broadcast.
  if (d == Domain::kMember && !node.member_row && !IsLiteral(node)) {
    const Reg h = Emit(node, Domain::kHousehold);
    Release(h);
    const Reg m = Alloc(Domain::kMember, h.file, node);
    program_.body_.push_back({BroadcastOp(h.file), Domain::kMember, m.index, h.index, 0, 0, 0});
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
      if (node.op == Op::kNot) return Emit1(OpCode::kNot, a, RegisterFile::kBool, node);
      return Emit1(a.decimal() ? OpCode::kNegF : OpCode::kNegI, a, a.file, node);
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
      return PinnedConstant(OpCode::kConstDecimal, d, RegisterFile::kDecimal,
                            Pool(program_.decimal_constants_, node.decimal_value), node);
    case NodeKind::kString:
      return PinnedConstant(OpCode::kConstString, d, RegisterFile::kInt,
                            Pool(program_.string_constants_, node.text), node);
    case NodeKind::kBool:
      return PinnedConstant(OpCode::kConstBool, d, RegisterFile::kBool,
                            Pool(program_.int_constants_, node.int_value), node);
    default:
      return PinnedConstant(OpCode::kConstInt, d, RegisterFile::kInt,
                            Pool(program_.int_constants_, node.int_value), node);
  }
}

Reg ProgramBuilder::EmitField(FieldId id, Domain d) {
  auto key = std::make_pair(id, static_cast<int>(d));
  auto it = fields_.find(key);
  if (it != fields_.end()) return it->second;
  const FieldDef& field = catalogue_.field(id);
  const RegisterFile file = RegisterFileOf(field.type);  // the catalogue ties type to storage
  Reg r = Alloc(d, file, Node{});
  r.pinned = true;
  if (field.scope == Scope::kHousehold && d == Domain::kMember) {
    // A household field among member values (income_pc compared with a member's amount).
    const Reg h = EmitField(id, Domain::kHousehold);
    program_.body_.push_back({BroadcastOp(file), Domain::kMember, r.index, h.index, 0, 0, 0});
  } else {
    program_.body_.push_back({LoadOp(field.storage), d, r.index, 0, 0, 0, id});
    ReadsColumn(id);
  }
  fields_.emplace(key, r);
  return r;
}

Reg ProgramBuilder::EmitBinary(const Node& node, Domain d) {
  if (IsComparison(node.op)) return EmitCompare(node, d);
  Reg a = Emit(*node.children[0], d);
  Reg b = Emit(*node.children[1], d);
  if (node.op == Op::kAnd) return Emit2(OpCode::kAnd, a, b, RegisterFile::kBool, node);
  if (node.op == Op::kOr) return Emit2(OpCode::kOr, a, b, RegisterFile::kBool, node);
  const bool decimal = node.type == Type::kDecimal;
  if (decimal) {
    a = ToDecimal(a, node);
    b = ToDecimal(b, node);
  }
  static constexpr OpCode kInt[] = {OpCode::kAddI, OpCode::kSubI, OpCode::kMulI, OpCode::kDivI};
  static constexpr OpCode kDec[] = {OpCode::kAddF, OpCode::kSubF, OpCode::kMulF, OpCode::kDivF};
  const int i = static_cast<int>(node.op) - static_cast<int>(Op::kAdd);
  return Emit2(decimal ? kDec[i] : kInt[i], a, b, decimal ? RegisterFile::kDecimal : RegisterFile::kInt,
               node);
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
    return Emit3(OpCode::kCmpPerCapita, income, members, x, RegisterFile::kBool, node,
                 static_cast<int>(op));
  }
  const bool decimal = left->type == Type::kDecimal || right->type == Type::kDecimal;
  if (!decimal && IsLiteral(*left) && !IsLiteral(*right)) {
    std::swap(left, right);
    op = Flip(op);
  }
  const bool text = right->kind == NodeKind::kString;
  const std::int32_t pool =
      decimal || !IsLiteral(*right) || right->kind == NodeKind::kDecimal ? -1
      : text ? Pool(program_.string_constants_, right->text)
             : Pool(program_.int_constants_, right->int_value);
  if (pool >= 0 && pool <= 0xFFFF) {
    const auto kind = static_cast<std::uint16_t>(text ? 1 : 0);
    const auto index = static_cast<std::uint16_t>(pool);
    if (InOwnColumn(*left, d)) {
      // A field against a literal: compared straight from its column (no widening load).
      ReadsColumn(left->field);
      const Reg dst = Alloc(d, RegisterFile::kBool, node);
      program_.body_.push_back({OpCode::kCmpFieldImm, d, dst.index, static_cast<std::uint16_t>(op),
                                kind, index, left->field});
      return dst;
    }
    const Reg a = Emit(*left, d);
    Release(a);
    const Reg dst = Alloc(a.domain, RegisterFile::kBool, node);
    program_.body_.push_back({a.boolean() ? OpCode::kCmpImmB : OpCode::kCmpImm, a.domain,
                              dst.index, a.index, kind, index, static_cast<int>(op)});
    return dst;
  }
  Reg a = Emit(*left, d);
  Reg b = Emit(*right, d);
  if (decimal) {
    a = ToDecimal(a, node);
    b = ToDecimal(b, node);
  }
  const OpCode code = decimal ? OpCode::kCmpF : a.boolean() ? OpCode::kCmpB : OpCode::kCmpI;
  return Emit2(code, a, b, RegisterFile::kBool, node, static_cast<int>(op));
}

Reg ProgramBuilder::EmitCall(const Node& node, Domain d) {
  if (node.text == "if") {
    const Reg c = Emit(*node.children[0], d);
    Reg a = Emit(*node.children[1], d);
    Reg b = Emit(*node.children[2], d);
    const RegisterFile file = RegisterFileOf(node.type);
    if (file == RegisterFile::kDecimal) {
      a = ToDecimal(a, node);
      b = ToDecimal(b, node);
    }
    const OpCode code = file == RegisterFile::kDecimal ? OpCode::kSelectF
                        : file == RegisterFile::kBool  ? OpCode::kSelectB
                                                       : OpCode::kSelectI;
    return Emit3(code, c, a, b, file, node);
  }
  // An aggregate: the body runs over the chunk's members, then reduces per household.
  const Reg body = Emit(*node.children[1], Domain::kMember);
  OpCode op = OpCode::kCount;
  if (node.text == "any") op = OpCode::kAny;
  if (node.text == "all") op = OpCode::kAll;
  if (node.text == "sum") op = body.decimal() ? OpCode::kSumF : OpCode::kSumI;
  Release(body);
  const Reg dst = Alloc(Domain::kHousehold, RegisterFileOf(node.type), node);
  program_.body_.push_back({op, Domain::kHousehold, dst.index, body.index, 0, 0, 0});
  (void)d;
  return dst;
}

Result<Program> CompileProgram(const Node& root, const Catalogue& catalogue,
                               const SourceRef& source) {
  const Node* roots[] = {&root};
  return CompileProgramSet(roots, catalogue, source);
}

Result<Program> CompileProgramSet(std::span<const Node* const> roots, const Catalogue& catalogue,
                                  const SourceRef& source) {
  ProgramBuilder builder(catalogue, source);
  return builder.Build(roots);
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
      "any",       "all",       "sum_i",      "sum_f",       "cmp_imm",     "cmp_imm_b",
      "const_bool", "cmp_b",    "select_b",   "broadcast_b", "cmp_field_imm"};
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
  for (std::size_t i = 0; i < results(); ++i) {
    out += "result: r" + std::to_string(result_registers_[i]) + " (" +
           std::string(TypeName(result_types_[i])) + ")\n";
  }
  return out;
}

}  // namespace ansinh::rules
