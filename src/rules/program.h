// A compiled rule: a flat sequence of vector instructions over typed registers, run over a frame
// chunk by chunk (kChunkRows households at a time), with the members of a chunk as one more range.
//
// Owns: the instruction set, the Program (immutable once compiled), the per-run Scratch, and Run.
// Must stay true: a Program is never changed after CompileProgram returns, so one program may run
// on many threads at once, each with its own Scratch. Run allocates only when a Scratch must grow
// (never per row), makes no virtual call and walks no tree: per chunk it executes each
// instruction once as a tight loop over arrays. Registers come in three files (one byte for bool,
// int64 for int and string codes, double for decimal) and two domains (one row per household of
// the chunk, one row per member of the chunk); broadcasts and aggregates cross between the
// domains through the frame's member offsets.
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
  // dst = a OP constant, without a constant register: b = 0 for int_constants[c], 1 for the
  // frame's code of string_constants[c]; arg = Op. kCmpImmB: a is a bool register.
  kCmpImm,
  kCmpImmB,
  kConstBool,   // prologue: a bool register filled with int_constants[arg]
  kCmpB,        // two bool registers, = or != (arg = Op)
  kSelectB,     // a = condition, b = then, c = else, all bool
  kBroadcastB,  // household bool register a -> member bool register dst
  // dst = column OP constant, read from the field's column without loading it into a register:
  // arg = field id, a = Op, b and c as for kCmpImm.
  kCmpFieldImm,
};

// Register files: one byte for bool (0 or 1), int64 for int and string codes, double for decimal.
// Bools are most of a rule's work (comparisons, and, or, the bodies of count), and a byte per row
// keeps eight times more rows in the cache than an int64 would.
enum class RegisterFile : std::uint8_t { kInt, kDecimal, kBool };
inline constexpr int kRegisterFiles = 3;

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
  // A program compiled from one rule has one result; CompileProgramSet's has one per rule.
  std::size_t results() const { return result_types_.size(); }
  Type result_type(std::size_t i = 0) const { return result_types_[i]; }
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
                           std::span<const Output>);

  std::vector<Type> result_types_;
  std::vector<Instruction> prologue_;
  std::vector<Instruction> body_;
  std::vector<FieldId> fields_;
  std::vector<std::int64_t> int_constants_;
  std::vector<double> decimal_constants_;
  std::vector<std::string> string_constants_;
  std::vector<std::uint16_t> result_registers_;  // household registers, in each result's file
  // Register counts per domain and file: [domain][RegisterFile].
  std::uint16_t registers_[2][kRegisterFiles] = {{0, 0, 0}, {0, 0, 0}};
};

// The mutable state of one run: register buffers. One per thread; reusable across runs.
class Scratch {
 public:
  Scratch() = default;

 private:
  friend Status RunProgram(const Program&, const Frame&, Scratch&, std::size_t, std::size_t,
                           std::span<const Output>);
  friend class Executor;
  // Grows the buffers to hold `registers` ([domain][file]) of kChunkRows households and
  // member_capacity members; never shrinks.
  void Reserve(const std::uint16_t (&registers)[2][kRegisterFiles], std::size_t member_capacity);

  std::vector<std::int64_t> ints_[2];  // per domain: registers × capacity
  std::vector<double> decimals_[2];
  std::vector<std::uint8_t> bools_[2];
  std::size_t capacity_[2] = {0, 0};
  std::vector<std::int64_t> string_codes_;  // the frame's code of each string constant
};

// Evaluates `program` for households [begin, end) of `frame` into `outs`, one Output per result.
// Errors: a missing column, a range outside the frame, an output span of the wrong type or size,
// a number of outputs other than the program's results.
Status RunProgram(const Program& program, const Frame& frame, Scratch& scratch, std::size_t begin,
                  std::size_t end, std::span<const Output> outs);
// The same for a program of one result.
inline Status RunProgram(const Program& program, const Frame& frame, Scratch& scratch,
                         std::size_t begin, std::size_t end, Output out) {
  return RunProgram(program, frame, scratch, begin, end, std::span<const Output>(&out, 1));
}

}  // namespace ansinh::rules
