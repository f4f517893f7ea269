#include "rules/program.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "core/vector_loops.h"
#include "rules/semantics.h"

namespace ansinh::rules {

namespace {

constexpr int D(Domain d) { return static_cast<int>(d); }

template <typename T>
ANSINH_LOOP_INLINE void CompareLoop(Op op, std::uint8_t* dst, const T* a, const T* b, std::size_t n) {
  switch (op) {
    case Op::kEq:
      for (std::size_t i = 0; i < n; ++i) dst[i] = a[i] == b[i];
      break;
    case Op::kNe:
      for (std::size_t i = 0; i < n; ++i) dst[i] = a[i] != b[i];
      break;
    case Op::kLt:
      for (std::size_t i = 0; i < n; ++i) dst[i] = a[i] < b[i];
      break;
    case Op::kLe:
      for (std::size_t i = 0; i < n; ++i) dst[i] = a[i] <= b[i];
      break;
    case Op::kGt:
      for (std::size_t i = 0; i < n; ++i) dst[i] = a[i] > b[i];
      break;
    case Op::kGe:
      for (std::size_t i = 0; i < n; ++i) dst[i] = a[i] >= b[i];
      break;
    default:
      break;
  }
}

// a OP k for one constant k: one array read per row instead of two.
template <typename T>
ANSINH_LOOP_INLINE void CompareImmediate(Op op, std::uint8_t* dst, const T* a, std::int64_t k, std::size_t n) {
  switch (op) {
    case Op::kEq:
      for (std::size_t i = 0; i < n; ++i) dst[i] = a[i] == k;
      break;
    case Op::kNe:
      for (std::size_t i = 0; i < n; ++i) dst[i] = a[i] != k;
      break;
    case Op::kLt:
      for (std::size_t i = 0; i < n; ++i) dst[i] = a[i] < k;
      break;
    case Op::kLe:
      for (std::size_t i = 0; i < n; ++i) dst[i] = a[i] <= k;
      break;
    case Op::kGt:
      for (std::size_t i = 0; i < n; ++i) dst[i] = a[i] > k;
      break;
    case Op::kGe:
      for (std::size_t i = 0; i < n; ++i) dst[i] = a[i] >= k;
      break;
    default:
      break;
  }
}

template <Op kOp>
ANSINH_LOOP_INLINE void PerCapitaLoop(std::uint8_t* dst, const std::int64_t* income, const std::int64_t* members,
                   const std::int64_t* amount, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    dst[i] = semantics::ComparePerCapita(kOp, income[i], members[i], amount[i]);
  }
}

ANSINH_LOOP_INLINE void PerCapita(Op op, std::uint8_t* dst, const std::int64_t* income, const std::int64_t* members,
               const std::int64_t* amount, std::size_t n) {
  switch (op) {
    case Op::kEq:
      PerCapitaLoop<Op::kEq>(dst, income, members, amount, n);
      break;
    case Op::kNe:
      PerCapitaLoop<Op::kNe>(dst, income, members, amount, n);
      break;
    case Op::kLt:
      PerCapitaLoop<Op::kLt>(dst, income, members, amount, n);
      break;
    case Op::kLe:
      PerCapitaLoop<Op::kLe>(dst, income, members, amount, n);
      break;
    case Op::kGt:
      PerCapitaLoop<Op::kGt>(dst, income, members, amount, n);
      break;
    case Op::kGe:
      PerCapitaLoop<Op::kGe>(dst, income, members, amount, n);
      break;
    default:
      break;
  }
}

template <typename D, typename A, typename F>
ANSINH_LOOP_INLINE void Map(D* dst, const A* a, std::size_t n, F f) {
  for (std::size_t i = 0; i < n; ++i) dst[i] = f(a[i]);
}
template <typename D, typename A, typename B, typename F>
ANSINH_LOOP_INLINE void Map(D* dst, const A* a, const B* b, std::size_t n, F f) {
  for (std::size_t i = 0; i < n; ++i) dst[i] = f(a[i], b[i]);
}

}  // namespace

// Runs a program's instructions over one chunk at a time. Lives only for one Run call.
void Scratch::Reserve(const std::uint16_t (&registers)[2][kRegisterFiles],
                      std::size_t member_capacity) {
  const std::size_t want[2] = {kChunkRows, member_capacity};
  constexpr int kI = static_cast<int>(RegisterFile::kInt);
  constexpr int kF = static_cast<int>(RegisterFile::kDecimal);
  constexpr int kB = static_cast<int>(RegisterFile::kBool);
  for (int d = 0; d < 2; ++d) {
    if (capacity_[d] >= want[d] && ints_[d].size() >= registers[d][kI] * capacity_[d] &&
        decimals_[d].size() >= registers[d][kF] * capacity_[d] &&
        bools_[d].size() >= registers[d][kB] * capacity_[d] + 8) {
      continue;
    }
    capacity_[d] = std::max(capacity_[d], want[d]);
    ints_[d].assign(std::max<std::size_t>(ints_[d].size(), registers[d][kI] * capacity_[d]), 0);
    decimals_[d].assign(
        std::max<std::size_t>(decimals_[d].size(), registers[d][kF] * capacity_[d]), 0.0);
    // Aggregate reads a household's members eight bytes at a time.
    bools_[d].assign(
        std::max<std::size_t>(bools_[d].size(), registers[d][kB] * capacity_[d] + 8), 0);
  }
}

class Executor {
 public:
  Executor(const Program& program, const Frame& frame, Scratch& scratch)
      : p_(program), frame_(frame), s_(scratch), offsets_(frame.member_offsets().data()) {}

  void Prologue();
  void Chunk(std::size_t h0, std::size_t h1);
  const std::int64_t* IntResult(std::size_t i) {
    return I(Domain::kHousehold, p_.result_registers_[i]);
  }
  const double* DecimalResult(std::size_t i) {
    return F(Domain::kHousehold, p_.result_registers_[i]);
  }
  const std::uint8_t* BoolResult(std::size_t i) {
    return B(Domain::kHousehold, p_.result_registers_[i]);
  }

 private:
  std::int64_t* I(Domain d, std::uint16_t r) {
    return s_.ints_[D(d)].data() + r * s_.capacity_[D(d)];
  }
  double* F(Domain d, std::uint16_t r) {
    return s_.decimals_[D(d)].data() + r * s_.capacity_[D(d)];
  }
  std::uint8_t* B(Domain d, std::uint16_t r) {
    return s_.bools_[D(d)].data() + r * s_.capacity_[D(d)];
  }
  void Load(const Instruction& in, std::size_t n);
  void Arithmetic(const Instruction& in, std::size_t n);
  void Aggregate(const Instruction& in);
  void Broadcast(const Instruction& in);

  // The constant of kCmpImm, kCmpImmB and kCmpFieldImm: b = 0 for int_constants[c], 1 for the
  // frame's code of string_constants[c].
  std::int64_t Immediate(const Instruction& in) const {
    return in.b == 0 ? p_.int_constants_[in.c] : s_.string_codes_[in.c];
  }
  // A string literal's code in this frame; one the frame never saw gets its own negative code,
  // so it equals nothing stored and no other literal.
  std::int64_t StringCode(std::int32_t pool_index) const {
    const std::int32_t code = frame_.dictionary().Find(p_.string_constants_[pool_index]);
    return code >= 0 ? code : -1 - pool_index;
  }

  const Program& p_;
  const Frame& frame_;
  Scratch& s_;
  const std::uint32_t* offsets_;
  std::size_t h0_ = 0;  // first household of the chunk
  std::size_t n_[2] = {0, 0};
};

void Executor::Prologue() {
  s_.string_codes_.resize(p_.string_constants_.size());
  for (std::size_t k = 0; k < s_.string_codes_.size(); ++k) {
    s_.string_codes_[k] = StringCode(static_cast<std::int32_t>(k));
  }
  for (const Instruction& in : p_.prologue_) {
    const std::size_t n = s_.capacity_[D(in.domain)];
    if (in.op == OpCode::kConstDecimal) {
      std::fill_n(F(in.domain, in.dst), n, p_.decimal_constants_[in.arg]);
      continue;
    }
    if (in.op == OpCode::kConstBool) {
      std::fill_n(B(in.domain, in.dst), n, static_cast<std::uint8_t>(p_.int_constants_[in.arg] != 0));
      continue;
    }
    const std::int64_t value = in.op == OpCode::kConstInt
                                   ? p_.int_constants_[in.arg]
                                   : s_.string_codes_[static_cast<std::size_t>(in.arg)];
    std::fill_n(I(in.domain, in.dst), n, value);
  }
}

ANSINH_VECTOR_LOOPS void Executor::Load(const Instruction& in, std::size_t n) {
  const Column& column = *frame_.column(in.arg);
  const std::size_t first = in.domain == Domain::kHousehold ? h0_ : offsets_[h0_];
  std::int64_t* dst = I(in.domain, in.dst);
  switch (in.op) {
    case OpCode::kLoadInt64:
      std::copy_n(column.int64s().data() + first, n, dst);
      break;
    case OpCode::kLoadInt32:
    case OpCode::kLoadCode:
      std::copy_n(column.int32s().data() + first, n, dst);
      break;
    case OpCode::kLoadBool:
      std::copy_n(column.bools().data() + first, n, B(in.domain, in.dst));
      break;
    case OpCode::kLoadFloat64:
      std::copy_n(column.decimals().data() + first, n, F(in.domain, in.dst));
      break;
    case OpCode::kCmpFieldImm: {
      const Op op = static_cast<Op>(in.a);
      const std::int64_t k = Immediate(in);
      if (column.storage() == Storage::kInt64) {
        CompareImmediate(op, B(in.domain, in.dst), column.int64s().data() + first, k, n);
      } else {
        CompareImmediate(op, B(in.domain, in.dst), column.int32s().data() + first, k, n);
      }
      break;
    }
    default:
      break;
  }
}

ANSINH_VECTOR_LOOPS void Executor::Arithmetic(const Instruction& in, std::size_t n) {
  const Domain d = in.domain;
  std::int64_t* di = I(d, in.dst);
  double* df = F(d, in.dst);
  std::uint8_t* db = B(d, in.dst);
  namespace sem = semantics;
  switch (in.op) {
    case OpCode::kIntToDecimal:
      Map(df, I(d, in.a), n, [](std::int64_t x) { return static_cast<double>(x); });
      break;
    case OpCode::kAddI:
      Map(di, I(d, in.a), I(d, in.b), n, sem::Add);
      break;
    case OpCode::kSubI:
      Map(di, I(d, in.a), I(d, in.b), n, sem::Sub);
      break;
    case OpCode::kMulI:
      Map(di, I(d, in.a), I(d, in.b), n, sem::Mul);
      break;
    case OpCode::kDivI:
      Map(di, I(d, in.a), I(d, in.b), n,
          [](std::int64_t x, std::int64_t y) { return sem::Div(x, y); });
      break;
    case OpCode::kNegI:
      Map(di, I(d, in.a), n, sem::Neg);
      break;
    case OpCode::kAddF:
      Map(df, F(d, in.a), F(d, in.b), n, [](double x, double y) { return x + y; });
      break;
    case OpCode::kSubF:
      Map(df, F(d, in.a), F(d, in.b), n, [](double x, double y) { return x - y; });
      break;
    case OpCode::kMulF:
      Map(df, F(d, in.a), F(d, in.b), n, [](double x, double y) { return x * y; });
      break;
    case OpCode::kDivF:
      Map(df, F(d, in.a), F(d, in.b), n, [](double x, double y) { return sem::Div(x, y); });
      break;
    case OpCode::kNegF:
      Map(df, F(d, in.a), n, [](double x) { return -x; });
      break;
    case OpCode::kCmpI:
      CompareLoop(static_cast<Op>(in.arg), db, I(d, in.a), I(d, in.b), n);
      break;
    case OpCode::kCmpF:
      CompareLoop(static_cast<Op>(in.arg), db, F(d, in.a), F(d, in.b), n);
      break;
    case OpCode::kCmpB:
      CompareLoop(static_cast<Op>(in.arg), db, B(d, in.a), B(d, in.b), n);
      break;
    case OpCode::kCmpImm:
      CompareImmediate(static_cast<Op>(in.arg), db, I(d, in.a), Immediate(in), n);
      break;
    case OpCode::kCmpImmB:
      CompareImmediate(static_cast<Op>(in.arg), db, B(d, in.a), Immediate(in), n);
      break;
    case OpCode::kCmpPerCapita:
      PerCapita(static_cast<Op>(in.arg), db, I(d, in.a), I(d, in.b), I(d, in.c), n);
      break;
    case OpCode::kAnd:
      Map(db, B(d, in.a), B(d, in.b), n, [](std::uint8_t x, std::uint8_t y) -> std::uint8_t { return x & y; });
      break;
    case OpCode::kOr:
      Map(db, B(d, in.a), B(d, in.b), n, [](std::uint8_t x, std::uint8_t y) -> std::uint8_t { return x | y; });
      break;
    case OpCode::kNot:
      Map(db, B(d, in.a), n, [](std::uint8_t x) -> std::uint8_t { return x ^ 1; });
      break;
    case OpCode::kSelectI: {
      const std::uint8_t* c = B(d, in.a);
      const std::int64_t *t = I(d, in.b), *e = I(d, in.c);
      for (std::size_t i = 0; i < n; ++i) di[i] = c[i] ? t[i] : e[i];
      break;
    }
    case OpCode::kSelectF: {
      const std::uint8_t* c = B(d, in.a);
      const double *t = F(d, in.b), *e = F(d, in.c);
      for (std::size_t i = 0; i < n; ++i) df[i] = c[i] ? t[i] : e[i];
      break;
    }
    case OpCode::kSelectB: {
      const std::uint8_t *c = B(d, in.a), *t = B(d, in.b), *e = B(d, in.c);
      for (std::size_t i = 0; i < n; ++i) db[i] = c[i] ? t[i] : e[i];
      break;
    }
    default:
      break;
  }
}

void Executor::Broadcast(const Instruction& in) {
  const std::uint32_t* off = offsets_ + h0_;
  const std::uint32_t base = off[0];
  for (std::size_t h = 0; h < n_[0]; ++h) {
    const std::size_t b = off[h] - base, e = off[h + 1] - base;
    if (in.op == OpCode::kBroadcastI) {
      std::fill(I(Domain::kMember, in.dst) + b, I(Domain::kMember, in.dst) + e,
                I(Domain::kHousehold, in.a)[h]);
    } else if (in.op == OpCode::kBroadcastB) {
      std::fill(B(Domain::kMember, in.dst) + b, B(Domain::kMember, in.dst) + e,
                B(Domain::kHousehold, in.a)[h]);
    } else {
      std::fill(F(Domain::kMember, in.dst) + b, F(Domain::kMember, in.dst) + e,
                F(Domain::kHousehold, in.a)[h]);
    }
  }
}

// Member register -> household register, one reduction per household's member range.
ANSINH_VECTOR_LOOPS void Executor::Aggregate(const Instruction& in) {
  const std::uint32_t* off = offsets_ + h0_;
  const std::uint32_t base = off[0];
  const std::size_t n = n_[0];
  switch (in.op) {
    case OpCode::kCount:
    case OpCode::kAny:
    case OpCode::kAll: {
      // The body is a bool (a 0 or 1 byte) per member. A household's first eight members are
      // counted at once: their bytes read as one word, those past the household masked off, and
      // the bytes summed by one multiplication (each sum fits a byte). Only households of more
      // than eight members loop. The bool file has eight bytes of slack past its last register.
      const std::uint8_t* ab = B(Domain::kMember, in.a);
      std::int64_t* di = in.op == OpCode::kCount ? I(Domain::kHousehold, in.dst) : nullptr;
      std::uint8_t* db = in.op == OpCode::kCount ? nullptr : B(Domain::kHousehold, in.dst);
      for (std::size_t h = 0; h < n; ++h) {
        const std::size_t b = off[h] - base, e = off[h + 1] - base, size = e - b;
        std::uint64_t word;
        std::memcpy(&word, ab + b, sizeof word);
        const std::uint64_t keep = size >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * size)) - 1;
        auto count = static_cast<std::int64_t>(((word & keep) * 0x0101010101010101ULL) >> 56);
        for (std::size_t m = b + 8; m < e; ++m) count += ab[m];
        if (di != nullptr) {
          di[h] = count;
        } else {
          db[h] = in.op == OpCode::kAny ? count > 0 : count == static_cast<std::int64_t>(size);
        }
      }
      break;
    }
    case OpCode::kSumI: {
      std::int64_t* di = I(Domain::kHousehold, in.dst);
      const std::int64_t* ai = I(Domain::kMember, in.a);
      for (std::size_t h = 0; h < n; ++h) {
        std::int64_t sum = 0;
        for (std::size_t m = off[h] - base, e = off[h + 1] - base; m < e; ++m) {
          sum = semantics::Add(sum, ai[m]);
        }
        di[h] = sum;
      }
      break;
    }
    case OpCode::kSumF: {
      double* df = F(Domain::kHousehold, in.dst);
      const double* af = F(Domain::kMember, in.a);
      for (std::size_t h = 0; h < n; ++h) {
        double sum = 0;
        for (std::size_t m = off[h] - base, e = off[h + 1] - base; m < e; ++m) sum += af[m];
        df[h] = sum;
      }
      break;
    }
    default:
      break;
  }
}

void Executor::Chunk(std::size_t h0, std::size_t h1) {
  h0_ = h0;
  n_[0] = h1 - h0;
  n_[1] = offsets_[h1] - offsets_[h0];
  for (const Instruction& in : p_.body_) {
    const std::size_t n = n_[D(in.domain)];
    switch (in.op) {
      case OpCode::kLoadInt64:
      case OpCode::kLoadInt32:
      case OpCode::kLoadBool:
      case OpCode::kLoadCode:
      case OpCode::kLoadFloat64:
      case OpCode::kCmpFieldImm:
        Load(in, n);
        break;
      case OpCode::kBroadcastI:
      case OpCode::kBroadcastF:
      case OpCode::kBroadcastB:
        Broadcast(in);
        break;
      case OpCode::kCount:
      case OpCode::kAny:
      case OpCode::kAll:
      case OpCode::kSumI:
      case OpCode::kSumF:
        Aggregate(in);
        break;
      default:
        Arithmetic(in, n);
        break;
    }
  }
}

namespace {

Status CheckOutput(Type type, std::size_t rows, const Output& out) {
  std::size_t size = 0;
  switch (type) {
    case Type::kBool:
      size = out.bools.size();
      break;
    case Type::kInt:
      size = out.ints.size();
      break;
    case Type::kDecimal:
      size = out.decimals.size();
      break;
    default:
      return Status::Internal("program with a non-value result type");
  }
  if (size != rows) return Status::Internal("output span does not match the range run");
  return Status::Ok();
}

// The most members any chunk of households [begin, end) has (at least 1).
std::size_t MemberCapacity(const Frame& frame, std::size_t begin, std::size_t end) {
  std::size_t capacity = 1;
  const std::uint32_t* off = frame.member_offsets().data();
  for (std::size_t h = begin; h < end; h += kChunkRows) {
    const std::size_t h1 = std::min(end, h + kChunkRows);
    capacity = std::max<std::size_t>(capacity, off[h1] - off[h]);
  }
  return capacity;
}

}  // namespace

Status RunProgram(const Program& program, const Frame& frame, Scratch& scratch, std::size_t begin,
                  std::size_t end, std::span<const Output> outs) {
  if (begin > end || end > frame.households()) {
    return Status::Internal("household range outside the frame");
  }
  if (outs.size() != program.results()) {
    return Status::Internal("one output per result of the program expected");
  }
  for (std::size_t i = 0; i < outs.size(); ++i) {
    ANSINH_RETURN_IF_ERROR(CheckOutput(program.result_type(i), end - begin, outs[i]));
  }
  for (FieldId id : program.fields()) {
    if (frame.column(id) == nullptr) {
      const std::string& name = frame.catalogue().field(id).name;
      return Status::Error(ErrorCode::kFailedPrecondition, "thiếu cột dữ liệu: " + name,
                           "the frame has no column for " + name)
          .WithField(name);
    }
  }
  scratch.Reserve(program.registers_, MemberCapacity(frame, begin, end));
  Executor executor(program, frame, scratch);
  executor.Prologue();
  for (std::size_t h = begin; h < end; h += kChunkRows) {
    const std::size_t h1 = std::min(end, h + kChunkRows);
    executor.Chunk(h, h1);
    const std::size_t at = h - begin, n = h1 - h;
    for (std::size_t i = 0; i < outs.size(); ++i) {
      switch (program.result_type(i)) {
        case Type::kBool:
          std::copy_n(executor.BoolResult(i), n, outs[i].bools.data() + at);
          break;
        case Type::kInt:
          std::copy_n(executor.IntResult(i), n, outs[i].ints.data() + at);
          break;
        default:
          std::copy_n(executor.DecimalResult(i), n, outs[i].decimals.data() + at);
          break;
      }
    }
  }
  return Status::Ok();
}

}  // namespace ansinh::rules
