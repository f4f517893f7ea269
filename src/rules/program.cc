#include "rules/program.h"

#include <algorithm>
#include <string>

#include "rules/semantics.h"

namespace ansinh::rules {

namespace {

constexpr int D(Domain d) { return static_cast<int>(d); }

template <typename T>
void CompareLoop(Op op, std::int64_t* dst, const T* a, const T* b, std::size_t n) {
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

template <Op kOp>
void PerCapitaLoop(std::int64_t* dst, const std::int64_t* income, const std::int64_t* members,
                   const std::int64_t* amount, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    dst[i] = semantics::ComparePerCapita(kOp, income[i], members[i], amount[i]);
  }
}

void PerCapita(Op op, std::int64_t* dst, const std::int64_t* income, const std::int64_t* members,
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
void Map(D* dst, const A* a, std::size_t n, F f) {
  for (std::size_t i = 0; i < n; ++i) dst[i] = f(a[i]);
}
template <typename D, typename A, typename B, typename F>
void Map(D* dst, const A* a, const B* b, std::size_t n, F f) {
  for (std::size_t i = 0; i < n; ++i) dst[i] = f(a[i], b[i]);
}

}  // namespace

// Runs a program's instructions over one chunk at a time. Lives only for one Run call.
void Scratch::Reserve(const std::uint16_t (&registers)[2][2], std::size_t member_capacity) {
  const std::size_t want[2] = {kChunkRows, member_capacity};
  for (int d = 0; d < 2; ++d) {
    if (capacity_[d] >= want[d] && ints_[d].size() >= registers[d][0] * capacity_[d] &&
        decimals_[d].size() >= registers[d][1] * capacity_[d]) {
      continue;
    }
    capacity_[d] = std::max(capacity_[d], want[d]);
    ints_[d].assign(registers[d][0] * capacity_[d], 0);
    decimals_[d].assign(registers[d][1] * capacity_[d], 0.0);
  }
}

class Executor {
 public:
  Executor(const Program& program, const Frame& frame, Scratch& scratch)
      : p_(program), frame_(frame), s_(scratch), offsets_(frame.member_offsets().data()) {}

  void Prologue();
  void Chunk(std::size_t h0, std::size_t h1);
  const std::int64_t* IntResult() { return I(Domain::kHousehold, p_.result_register_); }
  const double* DecimalResult() { return F(Domain::kHousehold, p_.result_register_); }

 private:
  std::int64_t* I(Domain d, std::uint16_t r) {
    return s_.ints_[D(d)].data() + r * s_.capacity_[D(d)];
  }
  double* F(Domain d, std::uint16_t r) {
    return s_.decimals_[D(d)].data() + r * s_.capacity_[D(d)];
  }
  void Load(const Instruction& in, std::size_t n);
  void Arithmetic(const Instruction& in, std::size_t n);
  void Aggregate(const Instruction& in);
  void Broadcast(const Instruction& in);

  const Program& p_;
  const Frame& frame_;
  Scratch& s_;
  const std::uint32_t* offsets_;
  std::size_t h0_ = 0;  // first household of the chunk
  std::size_t n_[2] = {0, 0};
};

void Executor::Prologue() {
  const Dictionary& dictionary = frame_.dictionary();
  for (const Instruction& in : p_.prologue_) {
    const std::size_t n = s_.capacity_[D(in.domain)];
    if (in.op == OpCode::kConstDecimal) {
      std::fill_n(F(in.domain, in.dst), n, p_.decimal_constants_[in.arg]);
      continue;
    }
    std::int64_t value = 0;
    if (in.op == OpCode::kConstInt) {
      value = p_.int_constants_[in.arg];
    } else {
      // A literal the frame never saw gets its own negative code, so it equals nothing stored
      // and no other literal.
      const std::int32_t code = dictionary.Find(p_.string_constants_[in.arg]);
      value = code >= 0 ? code : -1 - in.arg;
    }
    std::fill_n(I(in.domain, in.dst), n, value);
  }
}

void Executor::Load(const Instruction& in, std::size_t n) {
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
      std::copy_n(column.bools().data() + first, n, dst);
      break;
    case OpCode::kLoadFloat64:
      std::copy_n(column.decimals().data() + first, n, F(in.domain, in.dst));
      break;
    default:
      break;
  }
}

void Executor::Arithmetic(const Instruction& in, std::size_t n) {
  const Domain d = in.domain;
  std::int64_t* di = I(d, in.dst);
  double* df = F(d, in.dst);
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
      CompareLoop(static_cast<Op>(in.arg), di, I(d, in.a), I(d, in.b), n);
      break;
    case OpCode::kCmpF:
      CompareLoop(static_cast<Op>(in.arg), di, F(d, in.a), F(d, in.b), n);
      break;
    case OpCode::kCmpPerCapita:
      PerCapita(static_cast<Op>(in.arg), di, I(d, in.a), I(d, in.b), I(d, in.c), n);
      break;
    case OpCode::kAnd:
      Map(di, I(d, in.a), I(d, in.b), n, [](std::int64_t x, std::int64_t y) { return x & y; });
      break;
    case OpCode::kOr:
      Map(di, I(d, in.a), I(d, in.b), n, [](std::int64_t x, std::int64_t y) { return x | y; });
      break;
    case OpCode::kNot:
      Map(di, I(d, in.a), n, [](std::int64_t x) { return x ^ 1; });
      break;
    case OpCode::kSelectI: {
      const std::int64_t *c = I(d, in.a), *t = I(d, in.b), *e = I(d, in.c);
      for (std::size_t i = 0; i < n; ++i) di[i] = c[i] ? t[i] : e[i];
      break;
    }
    case OpCode::kSelectF: {
      const std::int64_t* c = I(d, in.a);
      const double *t = F(d, in.b), *e = F(d, in.c);
      for (std::size_t i = 0; i < n; ++i) df[i] = c[i] ? t[i] : e[i];
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
    } else {
      std::fill(F(Domain::kMember, in.dst) + b, F(Domain::kMember, in.dst) + e,
                F(Domain::kHousehold, in.a)[h]);
    }
  }
}

// Member register -> household register, one reduction per household's member range.
void Executor::Aggregate(const Instruction& in) {
  const std::uint32_t* off = offsets_ + h0_;
  const std::uint32_t base = off[0];
  std::int64_t* di = I(Domain::kHousehold, in.dst);
  const std::int64_t* ai = I(Domain::kMember, in.a);
  const std::size_t n = n_[0];
  switch (in.op) {
    case OpCode::kCount:
    case OpCode::kSumI:
      for (std::size_t h = 0; h < n; ++h) {
        std::int64_t sum = 0;
        for (std::size_t m = off[h] - base, e = off[h + 1] - base; m < e; ++m) {
          sum = semantics::Add(sum, ai[m]);
        }
        di[h] = sum;
      }
      break;
    case OpCode::kAny:
    case OpCode::kAll: {
      const std::int64_t empty = in.op == OpCode::kAll ? 1 : 0;
      for (std::size_t h = 0; h < n; ++h) {
        std::int64_t acc = empty;
        for (std::size_t m = off[h] - base, e = off[h + 1] - base; m < e; ++m) {
          acc = empty ? (acc & ai[m]) : (acc | ai[m]);
        }
        di[h] = acc;
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
        Load(in, n);
        break;
      case OpCode::kBroadcastI:
      case OpCode::kBroadcastF:
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

Status CheckOutput(const Program& program, std::size_t rows, const Output& out) {
  std::size_t size = 0;
  switch (program.result_type()) {
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
                  std::size_t end, Output out) {
  if (begin > end || end > frame.households()) {
    return Status::Internal("household range outside the frame");
  }
  ANSINH_RETURN_IF_ERROR(CheckOutput(program, end - begin, out));
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
    switch (program.result_type()) {
      case Type::kBool:
        std::copy_n(executor.IntResult(), n, out.bools.data() + at);
        break;
      case Type::kInt:
        std::copy_n(executor.IntResult(), n, out.ints.data() + at);
        break;
      default:
        std::copy_n(executor.DecimalResult(), n, out.decimals.data() + at);
        break;
    }
  }
  return Status::Ok();
}

}  // namespace ansinh::rules
