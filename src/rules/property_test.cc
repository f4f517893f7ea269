// The column program against the row-by-row reference evaluator, on random rules over random
// households: they must agree on every household, to the bit.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <optional>

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

// CompileRuleSet: random rules, with copies and compositions of each other so that subtrees
// repeat, computed by one program, must equal each rule's own program on every household.
TEST(RulesPropertyTest, RuleSetEqualsEachRuleAlone) {
  std::mt19937_64 rng(2026);
  const Catalogue catalogue = testing::CoreCatalogue();
  Result<Frame> frame = BuildFrame(
      catalogue, testing::RandomHouseholds(rng, static_cast<int>(kChunkRows) + 211));
  ASSERT_TRUE(frame.ok()) << frame.status().ToString();
  const std::size_t n = frame->households();
  auto compile = [&](const std::string& text) -> std::optional<Rule> {
    Result<Rule> rule =
        CompileRule(text, SourceRef{"random", {}}, catalogue, CheckOptions{.all_contexts = true});
    if (!rule.ok()) return std::nullopt;
    return std::move(rule).value();
  };
  int shared_instructions = 0;
  for (int batch = 0; batch < 40; ++batch) {
    std::vector<Rule> rules;
    std::vector<std::string> bools;  // texts of the batch's bool rules, to compose
    while (rules.size() < 12) {
      static constexpr Type kTypes[] = {Type::kBool, Type::kBool, Type::kInt, Type::kDecimal};
      const Type type = kTypes[std::uniform_int_distribution<int>(0, 3)(rng)];
      std::string text = testing::RandomRule(rng, type, std::uniform_int_distribution<int>(1, 5)(rng));
      if (!bools.empty() && std::uniform_int_distribution<int>(0, 2)(rng) == 0) {
        // A copy, a negation or a conjunction of earlier rules: repeated subtrees.
        const std::string& a = bools[std::uniform_int_distribution<std::size_t>(0, bools.size() - 1)(rng)];
        const std::string& b = bools[std::uniform_int_distribution<std::size_t>(0, bools.size() - 1)(rng)];
        const int form = std::uniform_int_distribution<int>(0, 2)(rng);
        text = form == 0 ? a : form == 1 ? "not (" + a + ")" : "(" + a + ") and (" + b + ")";
      }
      std::optional<Rule> rule = compile(text);
      if (!rule) continue;
      if (rule->type() == Type::kBool) bools.push_back(text);
      rules.push_back(std::move(*rule));
    }
    std::vector<const Rule*> pointers;
    std::size_t alone = 0;
    for (const Rule& r : rules) {
      pointers.push_back(&r);
      alone += r.program().body().size();
    }
    Result<Program> set = CompileRuleSet(pointers, catalogue);
    ASSERT_TRUE(set.ok()) << set.status().ToString();
    ASSERT_EQ(set->results(), rules.size());
    shared_instructions += static_cast<int>(alone) - static_cast<int>(set->body().size());
    std::vector<std::vector<std::uint8_t>> b(rules.size(), std::vector<std::uint8_t>(n));
    std::vector<std::vector<std::int64_t>> i(rules.size(), std::vector<std::int64_t>(n));
    std::vector<std::vector<double>> f(rules.size(), std::vector<double>(n));
    std::vector<Output> outs(rules.size());
    for (std::size_t k = 0; k < rules.size(); ++k) {
      if (rules[k].type() == Type::kBool) outs[k].bools = b[k];
      if (rules[k].type() == Type::kInt) outs[k].ints = i[k];
      if (rules[k].type() == Type::kDecimal) outs[k].decimals = f[k];
    }
    Scratch scratch;
    ASSERT_TRUE(RunProgram(*set, *frame, scratch, 0, n, outs).ok());
    for (std::size_t k = 0; k < rules.size(); ++k) {
      std::vector<std::uint8_t> b1(n);
      std::vector<std::int64_t> i1(n);
      std::vector<double> f1(n);
      Output one{.bools = {}, .ints = {}, .decimals = {}};
      if (rules[k].type() == Type::kBool) one.bools = b1;
      if (rules[k].type() == Type::kInt) one.ints = i1;
      if (rules[k].type() == Type::kDecimal) one.decimals = f1;
      Scratch own;
      ASSERT_TRUE(RunProgram(rules[k].program(), *frame, own, 0, n, one).ok());
      bool same = b1 == b[k] && i1 == i[k];
      for (std::size_t h = 0; same && h < n; ++h) same = SameDecimal(f1[h], f[k][h]);
      ASSERT_TRUE(same) << "rule " << k << ": " << rules[k].text() << "\n" << set->Disassemble();
    }
  }
  EXPECT_GT(shared_instructions, 100);  // the set did share work
}

}  // namespace
}  // namespace ansinh::rules
