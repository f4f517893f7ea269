#include "rules/program.h"

#include <gtest/gtest.h>

#include <limits>

#include "rules/frame_builder.h"
#include "rules/rules.h"
#include "rules/rules_testing.h"

namespace ansinh::rules {
namespace {

class RulesProgramTest : public ::testing::Test {
 protected:
  Rule Compile(std::string_view text) {
    Result<Rule> rule =
        CompileRule(text, SourceRef{"t.rule", {}}, catalogue_, CheckOptions{.all_contexts = true});
    EXPECT_TRUE(rule.ok()) << text << ": " << rule.status().ToString();
    return std::move(rule).value();
  }
  std::vector<std::uint8_t> Bools(std::string_view text, const Frame& frame) {
    Result<std::vector<std::uint8_t>> out = EvaluateBool(Compile(text), frame);
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    return out.ok() ? *out : std::vector<std::uint8_t>{};
  }
  std::vector<std::int64_t> Ints(std::string_view text, const Frame& frame) {
    Result<std::vector<std::int64_t>> out = EvaluateInt(Compile(text), frame);
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    return out.ok() ? *out : std::vector<std::int64_t>{};
  }
  static HouseholdRecord Household(int members, Vnd income, Vnd line_poor) {
    HouseholdRecord h;
    h.survey.year = 2018;
    h.survey.income_month = income;
    h.line_poor = line_poor;
    h.line_near_poor = line_poor + 300'000;
    for (int i = 0; i < members; ++i) {
      MemberRecord m;
      m.person.birth_date = std::to_string(2018 - 10 * i);
      m.year.health_insurance = i % 2 == 0;
      h.members.push_back(m);
    }
    return h;
  }
  Frame Build(const std::vector<HouseholdRecord>& records) {
    Result<Frame> frame = BuildFrame(catalogue_, records);
    EXPECT_TRUE(frame.ok()) << frame.status().ToString();
    return std::move(frame).value();
  }

  Catalogue catalogue_ = testing::CoreCatalogue();
};

// Per-capita income is compared exactly: I <= L × n, "from L down" includes L.
TEST_F(RulesProgramTest, IncomePerCapitaAtTheLine) {
  const Vnd line = 700'000;
  Frame frame = Build({Household(3, 3 * line, line), Household(3, 3 * line + 1, line),
                       Household(3, 3 * line - 1, line), Household(7, 7 * line + 6, line)});
  EXPECT_EQ(Bools("income_pc <= line.poor", frame), (std::vector<std::uint8_t>{1, 0, 1, 0}));
  EXPECT_EQ(Bools("income_pc < line.poor", frame), (std::vector<std::uint8_t>{0, 0, 1, 0}));
  EXPECT_EQ(Bools("line.poor >= income_pc", frame), (std::vector<std::uint8_t>{1, 0, 1, 0}));
  EXPECT_EQ(Bools("income_pc = line.poor", frame), (std::vector<std::uint8_t>{1, 0, 0, 0}));
  // 4,900,006 / 7 rounds to 700,000 in floating point and in integer division, but is above it.
  EXPECT_EQ(Bools("income_pc > 700000", frame), (std::vector<std::uint8_t>{0, 1, 0, 1}));
}

TEST_F(RulesProgramTest, IncomePerCapitaBeyondSixtyFourBits) {
  const Vnd max = std::numeric_limits<Vnd>::max();
  Frame frame = Build({Household(4, max, 0), Household(4, 0, 0)});
  EXPECT_EQ(Bools("income_pc <= 4611686018427387904", frame),  // 2^62 × 4 overflows
            (std::vector<std::uint8_t>{1, 1}));
  EXPECT_EQ(Bools("income_pc > -4611686018427387904", frame), (std::vector<std::uint8_t>{1, 1}));
  EXPECT_EQ(Bools("income_pc >= 2305843009213693951", frame), (std::vector<std::uint8_t>{1, 0}));
}

TEST_F(RulesProgramTest, Aggregates) {
  Frame frame = Build({Household(0, 0, 1), Household(1, 0, 1), Household(4, 0, 1)});
  // Ages 0, 10, 20, 30; insured at even indexes.
  EXPECT_EQ(Ints("count(members, age >= 6 and not health_insurance)", frame),
            (std::vector<std::int64_t>{0, 0, 2}));
  EXPECT_EQ(Bools("any(members, age >= 6)", frame), (std::vector<std::uint8_t>{0, 0, 1}));
  EXPECT_EQ(Bools("all(members, health_insurance)", frame), (std::vector<std::uint8_t>{1, 1, 0}));
  EXPECT_EQ(Ints("sum(members, age) + members", frame), (std::vector<std::int64_t>{0, 1, 64}));
  EXPECT_EQ(Ints("sum(members, age * members)", frame), (std::vector<std::int64_t>{0, 0, 240}));
  EXPECT_EQ(Ints("count(members, line.poor = 1)", frame), (std::vector<std::int64_t>{0, 1, 4}));
}

TEST_F(RulesProgramTest, StringsCompareByCodeIncludingUnseenLiterals) {
  std::vector<HouseholdRecord> records = {Household(2, 0, 1), Household(1, 0, 1)};
  records[0].members[1].person.ethnicity = "Khmer";
  records[1].urban = true;
  Frame frame = Build(records);
  EXPECT_EQ(Bools("any(members, ethnicity = \"Khmer\")", frame), (std::vector<std::uint8_t>{1, 0}));
  EXPECT_EQ(Bools("any(members, ethnicity = \"Tày\")", frame), (std::vector<std::uint8_t>{0, 0}));
  EXPECT_EQ(Bools("if(urban, \"Tày\", \"Hoa\") = \"Hoa\"", frame),
            (std::vector<std::uint8_t>{1, 0}));
  EXPECT_EQ(Bools("area = \"urban\"", frame), (std::vector<std::uint8_t>{0, 1}));
}

TEST_F(RulesProgramTest, ArithmeticIsTotal) {
  Frame frame = Build({Household(0, 7, 1), Household(2, -7, 1)});
  EXPECT_EQ(Ints("income_month / members", frame), (std::vector<std::int64_t>{0, -3}));
  EXPECT_EQ(Ints("9223372036854775807 + members", frame),
            (std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::max(),
                                       std::numeric_limits<std::int64_t>::min() + 1}));
  EXPECT_EQ(Ints("if(members > 0, 1, 2)", frame), (std::vector<std::int64_t>{2, 1}));
}

TEST_F(RulesProgramTest, ManyChunksAndSubRanges) {
  std::mt19937_64 rng(7);
  Frame frame = Build(testing::RandomHouseholds(rng, 3 * static_cast<int>(kChunkRows) + 17));
  Rule rule = Compile("income_pc <= line.poor or count(members, age < 16) >= 3");
  std::vector<std::uint8_t> whole = *EvaluateBool(rule, frame);
  Scratch scratch;
  std::vector<std::uint8_t> part(2500);
  ASSERT_TRUE(RunProgram(rule.program(), frame, scratch, 1000, 3500, Output{.bools = part}).ok());
  EXPECT_TRUE(std::equal(part.begin(), part.end(), whole.begin() + 1000));
  EXPECT_FALSE(RunProgram(rule.program(), frame, scratch, 0, 10, Output{.bools = part}).ok());
  EXPECT_FALSE(
      RunProgram(rule.program(), frame, scratch, 0, frame.households() + 1, Output{.bools = part})
          .ok());
}

TEST_F(RulesProgramTest, MissingColumnIsReportedNotRead) {
  Frame frame(catalogue_);
  ASSERT_TRUE(frame.SetMemberOffsets({0, 0}).ok());
  const Status s = EvaluateBool(Compile("income_pc <= line.poor"), frame).status();
  EXPECT_EQ(s.code(), ErrorCode::kFailedPrecondition);
  EXPECT_FALSE(s.field().empty());
}

TEST_F(RulesProgramTest, ConstantsAndLoadsAreNotRepeated) {
  Rule rule = Compile("income_pc <= line.poor or (income_pc <= line.near_poor and 3 <= 3)");
  int loads = 0;
  for (const Instruction& in : rule.program().body()) {
    loads += in.op == OpCode::kLoadInt64 || in.op == OpCode::kLoadInt32;
  }
  EXPECT_EQ(loads, 4) << rule.program().Disassemble();  // income, members, two lines
  EXPECT_EQ(rule.program().prologue().size(), 1u) << rule.program().Disassemble();
}

}  // namespace
}  // namespace ansinh::rules
