#include "rules/checker.h"

#include <algorithm>
#include <utility>

namespace ansinh::rules {
namespace {

bool IsNumber(Type t) { return t == Type::kInt || t == Type::kDecimal; }

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1] ? 1 : 0)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

class Checker {
 public:
  Checker(const Catalogue& catalogue, const CheckOptions& options, const SourceRef& source)
      : catalogue_(catalogue), options_(options), source_(source) {}

  Status Check(Node& node) {
    switch (node.kind) {
      case NodeKind::kInt:
        node.type = Type::kInt;
        return Status::Ok();
      case NodeKind::kDecimal:
        node.type = Type::kDecimal;
        return Status::Ok();
      case NodeKind::kString:
        node.type = Type::kString;
        return Status::Ok();
      case NodeKind::kBool:
        node.type = Type::kBool;
        return Status::Ok();
      case NodeKind::kName:
        return Name(node);
      case NodeKind::kUnary:
        return Unary(node);
      case NodeKind::kBinary:
        return Binary(node);
      case NodeKind::kCall:
        return Call(node);
    }
    return Status::Internal("unknown node kind");
  }

 private:
  Status Error(const Node& node, std::string vi, std::string en) const {
    return RuleError(ErrorCode::kTypeError, source_, node.pos, std::move(vi), std::move(en));
  }

  bool Enabled(const std::string& context) const {
    if (context.empty() || options_.all_contexts) return true;
    return std::find(options_.contexts.begin(), options_.contexts.end(), context) !=
           options_.contexts.end();
  }

  std::string Suggestion(std::string_view name) const {
    std::string best;
    std::size_t best_distance = 3;  // only close names are worth suggesting
    for (FieldId id = 0; id < catalogue_.size(); ++id) {
      const std::string& candidate = catalogue_.field(id).name;
      const std::size_t d = EditDistance(name, candidate);
      if (d < best_distance) {
        best_distance = d;
        best = candidate;
      }
    }
    return best;
  }

  Status Name(Node& node);
  Status Unary(Node& node);
  Status Binary(Node& node);
  Status Compare(Node& node);
  Status CheckStringLiteral(const Node& field_node, const Node& literal);
  Status Call(Node& node);
  Status Aggregate(Node& node);
  Status If(Node& node);

  const Catalogue& catalogue_;
  const CheckOptions& options_;
  const SourceRef& source_;
  bool in_aggregate_ = false;
};

Status Checker::Name(Node& node) {
  FieldId id = in_aggregate_ ? catalogue_.Find(Scope::kMember, node.text) : -1;
  if (id < 0) id = catalogue_.Find(Scope::kHousehold, node.text);
  if (id < 0 && catalogue_.Find(Scope::kMember, node.text) >= 0) {
    return Error(node,
                 "trường thành viên " + Quote(node.text) +
                     " chỉ dùng được trong count/any/all/sum(members, ...)",
                 "member field " + Quote(node.text) +
                     " is only visible inside count/any/all/sum(members, ...)");
  }
  if (id < 0) {
    const std::string hint = Suggestion(node.text);
    return Error(node,
                 "tên không xác định " + Quote(node.text) +
                     (hint.empty() ? "" : "; có phải " + Quote(hint) + "?"),
                 "unknown name " + Quote(node.text) +
                     (hint.empty() ? "" : "; did you mean " + Quote(hint) + "?"));
  }
  const FieldDef& field = catalogue_.field(id);
  if (!Enabled(field.context)) {
    return Error(node,
                 "trường " + Quote(node.text) + " không có trong quy tắc này (cần " +
                     Quote(field.context) + ")",
                 "field " + Quote(node.text) + " is not available in this rule (needs " +
                     Quote(field.context) + ")");
  }
  node.field = id;
  node.type = field.type;
  node.member_row = field.scope == Scope::kMember;
  return Status::Ok();
}

Status Checker::Unary(Node& node) {
  Node& operand = *node.children[0];
  ANSINH_RETURN_IF_ERROR(Check(operand));
  node.member_row = operand.member_row;
  if (node.op == Op::kNot) {
    if (operand.type != Type::kBool) {
      return Error(node, "'not' cần bool, gặp " + std::string(TypeName(operand.type)),
                   "'not' needs a bool, found " + std::string(TypeName(operand.type)));
    }
    node.type = Type::kBool;
    return Status::Ok();
  }
  if (!IsNumber(operand.type)) {
    return Error(node, "dấu '-' cần số, gặp " + std::string(TypeName(operand.type)),
                 "'-' needs a number, found " + std::string(TypeName(operand.type)));
  }
  node.type = operand.type;
  return Status::Ok();
}

Status Checker::Binary(Node& node) {
  Node& a = *node.children[0];
  Node& b = *node.children[1];
  ANSINH_RETURN_IF_ERROR(Check(a));
  ANSINH_RETURN_IF_ERROR(Check(b));
  node.member_row = a.member_row || b.member_row;
  if (IsComparison(node.op)) return Compare(node);
  const std::string op = Quote(OpText(node.op));
  const std::string found = std::string(TypeName(a.type)) + ", " + std::string(TypeName(b.type));
  if (node.op == Op::kAnd || node.op == Op::kOr) {
    if (a.type != Type::kBool || b.type != Type::kBool) {
      return Error(node, op + " cần hai bool, gặp " + found,
                   op + " needs two bools, found " + found);
    }
    node.type = Type::kBool;
    return Status::Ok();
  }
  if (a.type == Type::kMoneyPc || b.type == Type::kMoneyPc) {
    return Error(node, "income_pc chỉ được so sánh với số tiền nguyên (vd. income_pc <= line.poor)",
                 "income_pc can only be compared with a whole VND amount "
                 "(e.g. income_pc <= line.poor)");
  }
  if (!IsNumber(a.type) || !IsNumber(b.type)) {
    return Error(node, op + " cần hai số, gặp " + found, op + " needs two numbers, found " + found);
  }
  node.type = a.type == Type::kInt && b.type == Type::kInt ? Type::kInt : Type::kDecimal;
  return Status::Ok();
}

Status Checker::Compare(Node& node) {
  node.type = Type::kBool;
  Node& a = *node.children[0];
  Node& b = *node.children[1];
  const std::string found = std::string(TypeName(a.type)) + " " + std::string(OpText(node.op)) +
                            " " + std::string(TypeName(b.type));
  const bool ordered = node.op != Op::kEq && node.op != Op::kNe;
  if (a.type == Type::kMoneyPc || b.type == Type::kMoneyPc) {
    const Type other = a.type == Type::kMoneyPc ? b.type : a.type;
    if (other == Type::kInt) return Status::Ok();
    return Error(node, "income_pc chỉ được so sánh với số tiền nguyên (int), gặp " + found,
                 "income_pc can only be compared with a whole VND amount (int), found " + found);
  }
  if (IsNumber(a.type) && IsNumber(b.type)) return Status::Ok();
  if (a.type != b.type) {
    return Error(node, "không so sánh được " + found, "cannot compare " + found);
  }
  if (ordered) {
    return Error(node, std::string(TypeName(a.type)) + " chỉ so sánh bằng '=' hoặc '!='",
                 std::string(TypeName(a.type)) + " values compare only with '=' or '!='");
  }
  if (a.type == Type::kString) {
    ANSINH_RETURN_IF_ERROR(CheckStringLiteral(a, b));
    ANSINH_RETURN_IF_ERROR(CheckStringLiteral(b, a));
  }
  return Status::Ok();
}

// `field_node` = "literal" where the field has a closed set of values: the literal must be one.
Status Checker::CheckStringLiteral(const Node& field_node, const Node& literal) {
  if (field_node.kind != NodeKind::kName || literal.kind != NodeKind::kString) return Status::Ok();
  const FieldDef& field = catalogue_.field(field_node.field);
  if (field.values.empty()) return Status::Ok();
  if (std::find(field.values.begin(), field.values.end(), literal.text) != field.values.end()) {
    return Status::Ok();
  }
  std::string allowed;
  for (const std::string& v : field.values) allowed += (allowed.empty() ? "\"" : ", \"") + v + "\"";
  return Error(literal,
               field.name + " không có giá trị \"" + literal.text + "\"; chỉ có " + allowed,
               field.name + " has no value \"" + literal.text + "\"; it is one of " + allowed);
}

Status Checker::Call(Node& node) {
  const std::string& f = node.text;
  if (f == "count" || f == "any" || f == "all" || f == "sum") return Aggregate(node);
  if (f == "if") return If(node);
  return Error(node, "hàm không xác định " + Quote(f) + "; có: if, count, any, all, sum",
               "unknown function " + Quote(f) + "; known: if, count, any, all, sum");
}

Status Checker::If(Node& node) {
  if (node.children.size() != 3) {
    return Error(node, "if cần 3 đối số: if(điều kiện, a, b)",
                 "if takes 3 arguments: if(condition, a, b)");
  }
  for (auto& child : node.children) {
    ANSINH_RETURN_IF_ERROR(Check(*child));
    node.member_row = node.member_row || child->member_row;
  }
  const Type c = node.children[0]->type;
  const Type a = node.children[1]->type;
  const Type b = node.children[2]->type;
  if (c != Type::kBool) {
    return Error(*node.children[0], "điều kiện của if phải là bool",
                 "the condition of if must be a bool");
  }
  if (a == Type::kMoneyPc || b == Type::kMoneyPc) {
    return Error(node, "income_pc chỉ được so sánh với số tiền nguyên",
                 "income_pc can only be compared with a whole VND amount");
  }
  if (IsNumber(a) && IsNumber(b)) {
    node.type = a == Type::kInt && b == Type::kInt ? Type::kInt : Type::kDecimal;
    return Status::Ok();
  }
  if (a != b) {
    const std::string found = std::string(TypeName(a)) + ", " + std::string(TypeName(b));
    return Error(node, "hai nhánh của if khác kiểu: " + found,
                 "the branches of if differ in type: " + found);
  }
  node.type = a;
  return Status::Ok();
}

Status Checker::Aggregate(Node& node) {
  const std::string& f = node.text;
  if (node.children.size() != 2 || node.children[0]->kind != NodeKind::kName ||
      node.children[0]->text != "members") {
    return Error(node, f + " cần dạng " + f + "(members, ...)",
                 f + " takes the form " + f + "(members, ...)");
  }
  if (in_aggregate_) {
    return Error(node, "không lồng hàm gộp trong hàm gộp", "aggregates do not nest");
  }
  Node& body = *node.children[1];
  in_aggregate_ = true;
  Status status = Check(body);
  in_aggregate_ = false;
  ANSINH_RETURN_IF_ERROR(status);
  node.children[0]->type = Type::kInt;  // the set; never evaluated
  const std::string found(TypeName(body.type));
  if (f == "sum") {
    if (!IsNumber(body.type)) {
      return Error(body, "sum cần số, gặp " + found + " (đếm bằng count)",
                   "sum needs a number, found " + found + " (use count for conditions)");
    }
    node.type = body.type;
  } else {
    if (body.type != Type::kBool) {
      return Error(body, f + " cần điều kiện bool, gặp " + found,
                   f + " needs a bool condition, found " + found);
    }
    node.type = f == "count" ? Type::kInt : Type::kBool;
  }
  node.member_row = false;
  return Status::Ok();
}

}  // namespace

Status CheckExpression(Node& root, const Catalogue& catalogue, const CheckOptions& options,
                       const SourceRef& source) {
  Checker checker(catalogue, options, source);
  ANSINH_RETURN_IF_ERROR(checker.Check(root));
  const Type t = root.type;
  if (t == Type::kString || t == Type::kMoneyPc) {
    return RuleError(
        ErrorCode::kTypeError, source, root.pos,
        "quy tắc phải cho bool, int hoặc decimal, không phải " + std::string(TypeName(t)),
        "a rule must produce a bool, int or decimal, not " + std::string(TypeName(t)));
  }
  if (options.result && *options.result != t &&
      !(*options.result == Type::kDecimal && t == Type::kInt)) {
    return RuleError(ErrorCode::kTypeError, source, root.pos,
                     "quy tắc phải cho " + std::string(TypeName(*options.result)) + ", gặp " +
                         std::string(TypeName(t)),
                     "the rule must produce " + std::string(TypeName(*options.result)) +
                         ", found " + std::string(TypeName(t)));
  }
  return Status::Ok();
}

}  // namespace ansinh::rules
