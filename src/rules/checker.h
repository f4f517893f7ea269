// The type checker of the rule language: resolves names against the field catalogue and gives
// every node of a parsed tree its type.
//
// Owns: the typing rules (docs/rule-language.md, "Types"): int and decimal mix in arithmetic and
// comparison; strings and bools compare only with = and !=, and only with their own type; a string
// compared with a closed field's literal must be one of its values; income_pc (money per capita)
// appears only as a side of a comparison with an int; member fields only inside an aggregate;
// aggregates do not nest; a field with a context is visible only when that context is enabled.
// Must stay true: every failure is a kTypeError located at the offending node, naming the unknown
// name or the types that do not fit; a tree that passes may be compiled and evaluated on any
// frame without any run-time error (all operations are total).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "rules/ast.h"
#include "rules/catalogue.h"
#include "rules/parser.h"

namespace ansinh::rules {

struct CheckOptions {
  // Contexts whose fields the rule may use ("classification", "line.poor", ...).
  std::vector<std::string> contexts = {};
  bool all_contexts = false;  // every field visible (tests, the fuzzer, `ansinh rules check`)
  // The type the rule must produce; int is accepted where decimal is wanted. Unset: bool, int or
  // decimal.
  std::optional<Type> result = {};
};

// Annotates `root` in place (type, field, member_row). `source` locates the errors.
Status CheckExpression(Node& root, const Catalogue& catalogue, const CheckOptions& options,
                       const SourceRef& source);

}  // namespace ansinh::rules
