#include "rules/parser.h"

#include <algorithm>
#include <utility>

#include "rules/lexer.h"

namespace ansinh::rules {

Status RuleError(ErrorCode code, const SourceRef& source, SourcePos pos, std::string vi,
                 std::string en) {
  return Status::Error(code, std::move(vi), std::move(en))
      .WithLocation(InputLocation{source.file, pos.line, pos.column});
}

namespace {

using NodePtr = std::unique_ptr<Node>;

std::string Describe(const Token& token) {
  if (token.kind == TokenKind::kEnd) return "end of rule";
  return "'" + std::string(token.spelling) + "'";
}

class Parser {
 public:
  Parser(std::string_view text, const SourceRef& source)
      : lexer_(text, source.first), source_(source) {
    Bump();
  }

  Result<NodePtr> Rule() {
    NodePtr node = OrExpr();
    if (node && current_.kind != TokenKind::kEnd) Expected("an operator or end of rule");
    if (!error_.ok()) return error_;
    return node;
  }

 private:
  void Bump() { current_ = lexer_.Next(); }

  // Records the first error; the parse then unwinds returning nullptr.
  NodePtr Fail(SourcePos pos, std::string vi, std::string en) {
    if (error_.ok()) {
      error_ = RuleError(ErrorCode::kParseError, source_, pos, std::move(vi), std::move(en));
    }
    return nullptr;
  }

  NodePtr Expected(std::string_view what) {
    if (current_.kind == TokenKind::kError) {
      return Fail(current_.pos, current_.text_vi, current_.text);
    }
    const std::string found = Describe(current_);
    return Fail(current_.pos, "cần " + std::string(what) + ", gặp " + found,
                "expected " + std::string(what) + ", found " + found);
  }

  NodePtr Make(NodeKind kind, Op op, SourcePos pos, NodePtr a, NodePtr b = nullptr) {
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->op = op;
    node->pos = pos;
    node->depth = a->depth + 1;
    if (b) node->depth = std::max(node->depth, b->depth + 1);
    node->children.push_back(std::move(a));
    if (b) node->children.push_back(std::move(b));
    if (node->depth > kMaxDepth) {
      return Fail(pos, "biểu thức lồng quá sâu", "expression nested too deeply");
    }
    return node;
  }

  // Left-associative binary levels share this loop; `next` parses the operand level.
  template <typename Next, typename OpOf>
  NodePtr BinaryLevel(Next next, OpOf op_of) {
    NodePtr left = (this->*next)();
    while (left) {
      const Op op = op_of(current_.kind);
      if (op == Op::kNone) break;
      const SourcePos pos = current_.pos;
      Bump();
      NodePtr right = (this->*next)();
      if (!right) return nullptr;
      left = Make(NodeKind::kBinary, op, pos, std::move(left), std::move(right));
    }
    return left;
  }

  NodePtr OrExpr() {
    return BinaryLevel(&Parser::AndExpr,
                       [](TokenKind k) { return k == TokenKind::kOr ? Op::kOr : Op::kNone; });
  }
  NodePtr AndExpr() {
    return BinaryLevel(&Parser::NotExpr,
                       [](TokenKind k) { return k == TokenKind::kAnd ? Op::kAnd : Op::kNone; });
  }
  NodePtr NotExpr();
  NodePtr Compare();
  NodePtr Sum() {
    return BinaryLevel(&Parser::Product, [](TokenKind k) {
      return k == TokenKind::kPlus ? Op::kAdd : k == TokenKind::kMinus ? Op::kSub : Op::kNone;
    });
  }
  NodePtr Product() {
    return BinaryLevel(&Parser::Unary, [](TokenKind k) {
      return k == TokenKind::kStar ? Op::kMul : k == TokenKind::kSlash ? Op::kDiv : Op::kNone;
    });
  }
  NodePtr Unary();
  NodePtr Primary();
  NodePtr NameOrCall();

  // Guards recursion through parentheses, 'not', '-' and calls (chains are bounded by Make).
  bool Enter() {
    if (++nesting_ > kMaxDepth) {
      Fail(current_.pos, "biểu thức lồng quá sâu", "expression nested too deeply");
      return false;
    }
    return true;
  }

  Lexer lexer_;
  const SourceRef& source_;
  Token current_;
  Status error_;
  int nesting_ = 0;
};

Op ComparisonOp(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEq:
      return Op::kEq;
    case TokenKind::kNe:
      return Op::kNe;
    case TokenKind::kLt:
      return Op::kLt;
    case TokenKind::kLe:
      return Op::kLe;
    case TokenKind::kGt:
      return Op::kGt;
    case TokenKind::kGe:
      return Op::kGe;
    default:
      return Op::kNone;
  }
}

NodePtr Parser::NotExpr() {
  if (current_.kind != TokenKind::kNot) return Compare();
  const SourcePos pos = current_.pos;
  Bump();
  if (!Enter()) return nullptr;
  NodePtr operand = NotExpr();
  --nesting_;
  if (!operand) return nullptr;
  return Make(NodeKind::kUnary, Op::kNot, pos, std::move(operand));
}

NodePtr Parser::Compare() {
  NodePtr left = Sum();
  if (!left) return nullptr;
  const Op op = ComparisonOp(current_.kind);
  if (op == Op::kNone) return left;
  const SourcePos pos = current_.pos;
  Bump();
  NodePtr right = Sum();
  if (!right) return nullptr;
  if (ComparisonOp(current_.kind) != Op::kNone) {
    return Fail(current_.pos, "không so sánh liên tiếp; dùng 'and' (a < b and b < c)",
                "comparisons do not chain; use 'and' (a < b and b < c)");
  }
  return Make(NodeKind::kBinary, op, pos, std::move(left), std::move(right));
}

NodePtr Parser::Unary() {
  if (current_.kind != TokenKind::kMinus) return Primary();
  const SourcePos pos = current_.pos;
  Bump();
  if (!Enter()) return nullptr;
  NodePtr operand = Unary();
  --nesting_;
  if (!operand) return nullptr;
  return Make(NodeKind::kUnary, Op::kNeg, pos, std::move(operand));
}

NodePtr Parser::Primary() {
  auto leaf = [&](NodeKind kind) {
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->pos = current_.pos;
    node->int_value = current_.int_value;
    node->decimal_value = current_.decimal_value;
    node->text = current_.text;
    Bump();
    return node;
  };
  switch (current_.kind) {
    case TokenKind::kInt:
      return leaf(NodeKind::kInt);
    case TokenKind::kDecimal:
      return leaf(NodeKind::kDecimal);
    case TokenKind::kString:
      return leaf(NodeKind::kString);
    case TokenKind::kTrue:
    case TokenKind::kFalse: {
      NodePtr node = leaf(NodeKind::kBool);
      node->int_value = node->text == "true" ? 1 : 0;
      return node;
    }
    case TokenKind::kName:
      return NameOrCall();
    case TokenKind::kLParen: {
      Bump();
      if (!Enter()) return nullptr;
      NodePtr inner = OrExpr();
      --nesting_;
      if (!inner) return nullptr;
      if (current_.kind != TokenKind::kRParen) return Expected("')'");
      Bump();
      return inner;
    }
    default:
      return Expected("an expression");
  }
}

NodePtr Parser::NameOrCall() {
  auto node = std::make_unique<Node>();
  node->kind = NodeKind::kName;
  node->pos = current_.pos;
  node->text = current_.text;
  Bump();
  if (current_.kind != TokenKind::kLParen) return node;
  node->kind = NodeKind::kCall;
  Bump();
  if (!Enter()) return nullptr;
  if (current_.kind != TokenKind::kRParen) {
    while (true) {
      NodePtr arg = OrExpr();
      if (!arg) return nullptr;
      node->depth = std::max(node->depth, arg->depth + 1);
      node->children.push_back(std::move(arg));
      if (node->depth > kMaxDepth) {
        return Fail(node->pos, "biểu thức lồng quá sâu", "expression nested too deeply");
      }
      if (current_.kind == TokenKind::kComma) {
        Bump();
        continue;
      }
      if (current_.kind != TokenKind::kRParen) return Expected("',' or ')'");
      break;
    }
  }
  --nesting_;
  Bump();
  return node;
}

}  // namespace

Result<std::unique_ptr<Node>> ParseExpression(std::string_view text, const SourceRef& source) {
  Parser parser(text, source);
  return parser.Rule();
}

}  // namespace ansinh::rules
