#include "rules/rules.h"

#include <utility>

#include "rules/compiler.h"

namespace ansinh::rules {

Result<std::unique_ptr<Node>> ParseRule(std::string_view text, const SourceRef& source) {
  return ParseExpression(text, source);
}

Result<Rule> CompileRule(std::string_view text, SourceRef source, const Catalogue& catalogue,
                         const CheckOptions& options) {
  ANSINH_ASSIGN_OR_RETURN(std::unique_ptr<Node> tree, ParseExpression(text, source));
  ANSINH_RETURN_IF_ERROR(CheckExpression(*tree, catalogue, options, source));
  ANSINH_ASSIGN_OR_RETURN(Program program, CompileProgram(*tree, catalogue, source));
  Rule rule;
  rule.text_ = std::string(text);
  rule.source_ = std::move(source);
  rule.tree_ = std::move(tree);
  rule.program_ = std::move(program);
  return rule;
}

Result<Program> CompileRuleSet(std::span<const Rule* const> rules, const Catalogue& catalogue) {
  std::vector<const Node*> roots;
  roots.reserve(rules.size());
  for (const Rule* rule : rules) roots.push_back(&rule->tree());
  const SourceRef source = rules.empty() ? SourceRef{} : rules.front()->source();
  return CompileProgramSet(roots, catalogue, source);
}

Result<std::vector<std::uint8_t>> EvaluateBool(const Rule& rule, const Frame& frame) {
  if (rule.type() != Type::kBool) {
    return Status::Error(ErrorCode::kTypeError, "quy tắc không cho giá trị đúng/sai",
                         "the rule does not produce a bool");
  }
  std::vector<std::uint8_t> out(frame.households());
  Scratch scratch;
  ANSINH_RETURN_IF_ERROR(
      RunProgram(rule.program(), frame, scratch, 0, out.size(), Output{.bools = out}));
  return out;
}

Result<std::vector<std::int64_t>> EvaluateInt(const Rule& rule, const Frame& frame) {
  if (rule.type() != Type::kInt) {
    return Status::Error(ErrorCode::kTypeError, "quy tắc không cho số nguyên",
                         "the rule does not produce an int");
  }
  std::vector<std::int64_t> out(frame.households());
  Scratch scratch;
  ANSINH_RETURN_IF_ERROR(
      RunProgram(rule.program(), frame, scratch, 0, out.size(), Output{.ints = out}));
  return out;
}

}  // namespace ansinh::rules
