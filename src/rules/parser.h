// The recursive-descent parser of the rule language.
//
// Owns: the grammar (docs/rule-language.md):
//   rule    := or_expr END
//   or_expr := and_expr ('or' and_expr)*
//   and_expr:= not_expr ('and' not_expr)*
//   not_expr:= 'not' not_expr | compare
//   compare := sum (('=' | '!=' | '<' | '<=' | '>' | '>=') sum)?     -- not chainable
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := '-' unary | primary
//   primary := INT | DECIMAL | STRING | 'true' | 'false' | '(' or_expr ')'
//            | NAME | NAME '(' [or_expr (',' or_expr)*] ')'
// Must stay true: every error is a kParseError Status whose location is the file, line and
// column of the offending token and whose message says what was expected; no input makes the
// parser crash, loop or recurse deeper than kMaxDepth.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "rules/ast.h"

namespace ansinh::rules {

// Where a rule's text comes from: the file (or a name such as "<command line>") and the position
// of its first character in that file.
struct SourceRef {
  std::string file;
  SourcePos first;
};

Result<std::unique_ptr<Node>> ParseExpression(std::string_view text, const SourceRef& source);

// A kParseError or kTypeError Status located at `pos` in `source`.
Status RuleError(ErrorCode code, const SourceRef& source, SourcePos pos, std::string vi,
                 std::string en);

}  // namespace ansinh::rules
