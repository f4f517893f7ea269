// Benchmarks of compiled rules over column frames: households per second on one core.
//   cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DANSINH_BENCH=ON
//   cmake --build build/bench --target rules_bench && build/bench/src/rules/rules_bench
// Frames hold only the columns the rules read, filled column by column as the analytics snapshot
// will; 1..7 members per household (about 4 on average), incomes around the 2016-2020 lines.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <random>

#include "rules/rules.h"
#include "rules/rules_testing.h"

namespace ansinh::rules {
namespace {

struct Fixture {
  Catalogue catalogue = testing::CoreCatalogue();
  std::map<std::size_t, std::unique_ptr<Frame>> frames;

  const Frame& FrameOf(std::size_t households) {
    auto& frame = frames[households];
    if (!frame) frame = Build(households);
    return *frame;
  }

  Column& Col(Frame& frame, Scope scope, const char* name) {
    return *frame.MutableColumn(scope, name).value();
  }

  std::unique_ptr<Frame> Build(std::size_t households) {
    std::mt19937_64 rng(2016);
    std::uniform_int_distribution<int> size(1, 7), coin(0, 99), age(0, 90), deprivations(0, 5);
    std::vector<std::uint32_t> offsets{0};
    for (std::size_t h = 0; h < households; ++h) offsets.push_back(offsets.back() + size(rng));
    auto frame = std::make_unique<Frame>(catalogue);
    if (!frame->SetMemberOffsets(std::move(offsets)).ok()) std::abort();
    auto members = Col(*frame, Scope::kHousehold, "members").int32s();
    auto income = Col(*frame, Scope::kHousehold, "income_month").int64s();
    auto poor = Col(*frame, Scope::kHousehold, "line.poor").int64s();
    auto near_poor = Col(*frame, Scope::kHousehold, "line.near_poor").int64s();
    auto count = Col(*frame, Scope::kHousehold, "deprivation_count").int32s();
    const auto off = frame->member_offsets();
    for (std::size_t h = 0; h < households; ++h) {
      const bool urban = coin(rng) < 30;
      members[h] = static_cast<std::int32_t>(off[h + 1] - off[h]);
      poor[h] = urban ? 900'000 : 700'000;  // Decision 59/2015, VND/person/month
      near_poor[h] = urban ? 1'300'000 : 1'000'000;
      income[h] = members[h] * (400'000 + coin(rng) * 12'000) + coin(rng) - 50;
      count[h] = deprivations(rng);
    }
    auto ages = Col(*frame, Scope::kMember, "age").int32s();
    auto insured = Col(*frame, Scope::kMember, "health_insurance").bools();
    for (std::size_t m = 0; m < frame->member_rows(); ++m) {
      ages[m] = age(rng);
      insured[m] = coin(rng) < 90;
    }
    return frame;
  }
};

Fixture& Shared() {
  static Fixture* fixture = new Fixture();
  return *fixture;
}

void RunRule(benchmark::State& state, const char* text) {
  Fixture& f = Shared();
  const Frame& frame = f.FrameOf(static_cast<std::size_t>(state.range(0)));
  Result<Rule> rule =
      CompileRule(text, SourceRef{"bench", {}}, f.catalogue, CheckOptions{.all_contexts = true});
  if (!rule.ok()) {
    state.SkipWithError(rule.status().ToString().c_str());
    return;
  }
  std::vector<std::uint8_t> out(frame.households());
  Scratch scratch;
  std::size_t hits = 0;
  for (auto _ : state) {
    if (!RunProgram(rule->program(), frame, scratch, 0, out.size(), Output{.bools = out}).ok()) {
      state.SkipWithError("run failed");
      return;
    }
    benchmark::DoNotOptimize(out.data());
  }
  for (std::uint8_t v : out) hits += v;
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
  state.counters["households/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(state.range(0)),
      benchmark::Counter::kIsRate);
  state.counters["share"] = static_cast<double>(hits) / static_cast<double>(out.size());
}

void BM_PoorByIncome(benchmark::State& state) { RunRule(state, "income_pc <= line.poor"); }
void BM_Classify2016Poor(benchmark::State& state) {
  RunRule(state,
          "income_pc <= line.poor or (income_pc <= line.near_poor and deprivation_count >= 3)");
}
void BM_HealthInsuranceDeprivation(benchmark::State& state) {
  RunRule(state, "any(members, age >= 6 and not health_insurance)");
}

BENCHMARK(BM_PoorByIncome)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Classify2016Poor)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HealthInsuranceDeprivation)
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ansinh::rules

BENCHMARK_MAIN();
