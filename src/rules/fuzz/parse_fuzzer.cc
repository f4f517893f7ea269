// libFuzzer target: parses and type-checks arbitrary text as a rule; whatever compiles is run over
// a small fixed frame and must agree with the row evaluator. Any crash, sanitizer report or
// disagreement is a bug. Build with -DANSINH_FUZZ=ON (clang); seeds in src/rules/fuzz/corpus.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "rules/frame_builder.h"
#include "rules/row_eval.h"
#include "rules/rules.h"
#include "rules/rules_testing.h"

namespace {

using namespace ansinh::rules;  // NOLINT: a fuzzer's one translation unit

struct Fixture {
  Catalogue catalogue = testing::CoreCatalogue();
  Frame frame = Build(catalogue);

  static Frame Build(const Catalogue& catalogue) {
    std::mt19937_64 rng(42);
    auto frame = BuildFrame(catalogue, testing::RandomHouseholds(rng, 64));
    if (!frame.ok()) std::abort();
    return std::move(frame).value();
  }
};

bool Same(Type type, std::size_t h, const std::vector<std::uint8_t>& b,
          const std::vector<std::int64_t>& i, const std::vector<double>& d, const RowValue& v) {
  if (type == Type::kBool) return b[h] == v.i;
  if (type == Type::kInt) return i[h] == v.i;
  if (std::isnan(d[h]) && std::isnan(v.f)) return true;
  return std::memcmp(&d[h], &v.f, sizeof(double)) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Fixture* fixture = new Fixture();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ansinh::Result<Rule> rule = CompileRule(text, SourceRef{"fuzz", {}}, fixture->catalogue,
                                          CheckOptions{.all_contexts = true});
  if (!rule.ok()) {
    if (rule.status().location().row <= 0) std::abort();  // every rule error is located
    return 0;
  }
  const std::size_t n = fixture->frame.households();
  std::vector<std::uint8_t> bools(n);
  std::vector<std::int64_t> ints(n);
  std::vector<double> decimals(n);
  Output out;
  if (rule->type() == Type::kBool) out.bools = bools;
  if (rule->type() == Type::kInt) out.ints = ints;
  if (rule->type() == Type::kDecimal) out.decimals = decimals;
  Scratch scratch;
  if (!RunProgram(rule->program(), fixture->frame, scratch, 0, n, out).ok()) std::abort();
  for (std::size_t h = 0; h < n; ++h) {
    const RowValue want = EvaluateRow(rule->tree(), fixture->frame, h);
    if (!Same(rule->type(), h, bools, ints, decimals, want)) std::abort();
  }
  return 0;
}
