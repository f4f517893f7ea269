// The front door of the rules subsystem: parse, type-check and compile a rule of the rule
// language (docs/rule-language.md) into a column program, and run it over a frame.
//
// Owns: the Rule value (source, checked tree, compiled program) and the calls that make and run
// one. Everything else in src/rules is this folder's own business, except the pieces callers
// fill or read directly: catalogue.h (the field registry), frame.h and frame_builder.h (the
// columns), program.h (Run with a Scratch per thread).
// Must stay true: errors come back as values (kParseError, kTypeError with the file, line and
// column; kFailedPrecondition for a frame without a needed column), never as exceptions; a Rule
// is immutable and may be shared by any number of threads.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "rules/ast.h"
#include "rules/catalogue.h"
#include "rules/checker.h"
#include "rules/frame.h"
#include "rules/parser.h"
#include "rules/program.h"

namespace ansinh::rules {

class Rule {
 public:
  const std::string& text() const { return text_; }
  const SourceRef& source() const { return source_; }
  const Node& tree() const { return *tree_; }  // checked: every node typed
  const Program& program() const { return program_; }
  Type type() const { return program_.result_type(); }

 private:
  friend Result<Rule> CompileRule(std::string_view, SourceRef, const Catalogue&,
                                  const CheckOptions&);
  std::string text_;
  SourceRef source_;
  std::unique_ptr<const Node> tree_;
  Program program_;
};

// Parses only (syntax errors; no catalogue needed).
Result<std::unique_ptr<Node>> ParseRule(std::string_view text, const SourceRef& source);

// Parses, checks against `catalogue` and compiles.
Result<Rule> CompileRule(std::string_view text, SourceRef source, const Catalogue& catalogue,
                         const CheckOptions& options);

// One program that computes several compiled rules in one run, with one result per rule in their
// order (RunProgram with one Output each). Each result equals what the rule's own program gives;
// fields are loaded once and work the rules share is done once (docs/rule-language.md).
Result<Program> CompileRuleSet(std::span<const Rule* const> rules, const Catalogue& catalogue);

// Runs a bool rule over every household of `frame` on the calling thread: 1 where it holds.
Result<std::vector<std::uint8_t>> EvaluateBool(const Rule& rule, const Frame& frame);
// Runs an int rule (e.g. a count) over every household.
Result<std::vector<std::int64_t>> EvaluateInt(const Rule& rule, const Frame& frame);

}  // namespace ansinh::rules
