// The column program against the row-by-row reference evaluator, on random rules over random
// households: they must agree on every household, to the bit.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "rules/frame_builder.h"
#include "rules/row_eval.h"
#include "rules/rules.h"
#include "rules/rules_testing.h"

namespace ansinh::rules {
namespace {

bool SameDecimal(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::memcmp(&a, &b, sizeof a) == 0;
}

// Returns the number of rules that compiled and were compared.
int CheckRules(std::uint64_t seed, int households, int rules, int max_depth) {
  std::mt19937_64 rng(seed);
  const Catalogue catalogue = testing::CoreCatalogue();
  Result<Frame> frame = BuildFrame(catalogue, testing::RandomHouseholds(rng, households));
  EXPECT_TRUE(frame.ok()) << frame.status().ToString();
  if (!frame.ok()) return 0;
  const std::size_t n = frame->households();
  std::vector<std::uint8_t> bools(n);
  std::vector<std::int64_t> ints(n);
  std::vector<double> decimals(n);
  Scratch scratch;  // reused across programs, as a worker thread would
  int compared = 0;
  for (int i = 0; i < rules; ++i) {
    static constexpr Type kTypes[] = {Type::kBool, Type::kBool, Type::kInt, Type::kDecimal};
    const Type type = kTypes[std::uniform_int_distribution<int>(0, 3)(rng)];
    const int depth = std::uniform_int_distribution<int>(1, max_depth)(rng);
    const std::string text = testing::RandomRule(rng, type, depth);
    Result<Rule> rule =
        CompileRule(text, SourceRef{"random", {}}, catalogue, CheckOptions{.all_contexts = true});
    if (!rule.ok()) {
      // The generator writes valid syntax; it may still pair a closed field with a wrong value.
      EXPECT_EQ(rule.status().code(), ErrorCode::kTypeError) << text << "\n"
                                                             << rule.status().ToString();
      continue;
    }
    Output out;
    if (rule->type() == Type::kBool) out.bools = bools;
    if (rule->type() == Type::kInt) out.ints = ints;
    if (rule->type() == Type::kDecimal) out.decimals = decimals;
    const Status status = RunProgram(rule->program(), *frame, scratch, 0, n, out);
    EXPECT_TRUE(status.ok()) << status.ToString();
    ++compared;
    for (std::size_t h = 0; h < n; ++h) {
      const RowValue want = EvaluateRow(rule->tree(), *frame, h);
      bool same = true;
      if (rule->type() == Type::kBool) same = bools[h] == want.i;
      if (rule->type() == Type::kInt) same = ints[h] == want.i;
      if (rule->type() == Type::kDecimal) same = SameDecimal(decimals[h], want.f);
      if (!same) {
        ADD_FAILURE() << "rule: " << text << "\nhousehold " << h << "\n"
                      << rule->program().Disassemble();
        return compared;
      }
    }
  }
  return compared;
}

TEST(RulesPropertyTest, ColumnProgramEqualsRowEvaluatorOnSmallFrames) {
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) compared += CheckRules(seed, 300, 300, 6);
  EXPECT_GT(compared, 1200);  // most generated rules type-check
}

TEST(RulesPropertyTest, ColumnProgramEqualsRowEvaluatorAcrossChunks) {
  EXPECT_GT(CheckRules(99, 2 * static_cast<int>(kChunkRows) + 333, 120, 5), 80);
}

}  // namespace
}  // namespace ansinh::rules
