// A compiled rule: a flat sequence of vector instructions over typed registers, run over a frame
// chunk by chunk (kChunkRows households at a time), with the members of a chunk as one more range.
//
// Owns: the instruction set, the Program (immutable once compiled), the per-run Scratch, and Run.
// Must stay true: a Program is never changed after CompileProgram returns, so one program may run
// on many threads at once, each with its own Scratch. Run allocates only when a Scratch must grow
// (never per row), makes no virtual call and walks no tree: per chunk it executes each
// instruction once as a tight loop over arrays. Registers come in two files (int64 for int, bool
// and string codes; double for decimal) and two domains (one row per household of the chunk, one
// row per member of the chunk); broadcasts and aggregates cross between the domains through the
// frame's member offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "rules/ast.h"
#include "rules/catalogue.h"
#include "rules/frame.h"

namespace ansinh::rules {

inline constexpr std::size_t kChunkRows = 2048;
// Registers per file and domain; a rule that needs more is refused as too large.
inline constexpr int kMaxRegisters = 1024;

class Scratch;
class ProgramBuilder;
class Executor;

enum class OpCode : std::uint8_t {
  // Loads of a field column (arg = field id) into a register of the instruction's domain.
  kLoadInt64,
  kLoadInt32,
  kLoadBool,
  kLoadCode,
  kLoadFloat64,
  // Prologue only: fill a register with a constant (arg = index into the constant pools).
  kConstInt,
  kConstDecimal,
  kConstString,
  kIntToDecimal,
  kAddI,
  kSubI,
  kMulI,
  kDivI,
  kNegI,
  kAddF,
  kSubF,
  kMulF,
  kDivF,
  kNegF,
  kCmpI,
  kCmpF,          // arg = Op; result 0/1 in an int register
  kCmpPerCapita,  // a = income, b = members, c = amount; arg = Op
  kAnd,
  kOr,
  kNot,
  kSelectI,
  kSelectF,  // a = condition, b = then, c = else
  kBroadcastI,
  kBroadcastF,  // household register a -> member register dst
  kCount,
  kAny,
  kAll,
  kSumI,
  kSumF,  // member register a -> household register dst
};

enum class Domain : std::uint8_t { kHousehold, kMember };

struct Instruction {
  OpCode op = OpCode::kConstInt;
  Domain domain = Domain::kHousehold;  // of dst
  std::uint16_t dst = 0;
  std::uint16_t a = 0;
  std::uint16_t b = 0;
  std::uint16_t c = 0;
  std::int32_t arg = 0;
};

// Where the result of a rule goes: the span that matches the program's result type, with one
// entry per household of the range run (bool -> bools, int -> ints, decimal -> decimals).
struct Output {
  std::span<std::uint8_t> bools = {};
  std::span<std::int64_t> ints = {};
  std::span<double> decimals = {};
};

class Program {
 public:
  Type result_type() const { return result_type_; }
  const std::vector<Instruction>& prologue() const { return prologue_; }
  const std::vector<Instruction>& body() const { return body_; }
  // The fields whose columns Run reads (it checks they exist).
  const std::vector<FieldId>& fields() const { return fields_; }
  // One instruction a line, for tests and `--explain`.
  std::string Disassemble() const;

 private:
  friend class ProgramBuilder;
  friend class Executor;
  friend Status RunProgram(const Program&, const Frame&, Scratch&, std::size_t, std::size_t,
                           Output);

  Type result_type_ = Type::kBool;
  std::vector<Instruction> prologue_;
  std::vector<Instruction> body_;
  std::vector<FieldId> fields_;
  std::vector<std::int64_t> int_constants_;
  std::vector<double> decimal_constants_;
  std::vector<std::string> string_constants_;
  std::uint16_t result_register_ = 0;
  // Register counts per file and domain: [domain][0 = int64, 1 = double].
  std::uint16_t registers_[2][2] = {{0, 0}, {0, 0}};
};

// The mutable state of one run: register buffers. One per thread; reusable across runs.
class Scratch {
 public:
  Scratch() = default;

 private:
  friend Status RunProgram(const Program&, const Frame&, Scratch&, std::size_t, std::size_t,
                           Output);
  friend class Executor;
  // Grows the buffers to hold `registers` ([domain][file]) of kChunkRows households and
  // member_capacity members; never shrinks.
  void Reserve(const std::uint16_t (&registers)[2][2], std::size_t member_capacity);

  std::vector<std::int64_t> ints_[2];  // per domain: registers × capacity
  std::vector<double> decimals_[2];
  std::size_t capacity_[2] = {0, 0};
};

// Evaluates `program` for households [begin, end) of `frame` into `out`. Errors: a missing column,
// a range outside the frame, an output span of the wrong type or size.
Status RunProgram(const Program& program, const Frame& frame, Scratch& scratch, std::size_t begin,
                  std::size_t end, Output out);

}  // namespace ansinh::rules
