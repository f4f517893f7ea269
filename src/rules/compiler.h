// The compiler from a type-checked tree to a column program.
//
// Owns: instruction selection (int/decimal promotion, exact per-capita comparisons, broadcasts of
// household values into aggregates), register allocation (temporaries reused, field loads and
// constants kept), and the program's constant pools.
// Must stay true: the input tree passed CheckExpression; the program computes exactly what the row
// evaluator computes on the same tree (the property test holds them to it); constants are filled
// once per run in the prologue, never per chunk.
#pragma once

#include <span>

#include "core/status.h"
#include "rules/ast.h"
#include "rules/catalogue.h"
#include "rules/parser.h"
#include "rules/program.h"

namespace ansinh::rules {

// Errors: a rule that needs more than kMaxRegisters registers (kInvalidArgument, located).
Result<Program> CompileProgram(const Node& root, const Catalogue& catalogue,
                               const SourceRef& source);

// One program for several checked trees, with one result per tree in their order, each equal to
// what CompileProgram's program of that tree computes. Fields are loaded once and a subtree that
// occurs more than once is computed once, so rules that share work (the indicators of one pass)
// cost less together than apart.
Result<Program> CompileProgramSet(std::span<const Node* const> roots, const Catalogue& catalogue,
                                  const SourceRef& source);

}  // namespace ansinh::rules
