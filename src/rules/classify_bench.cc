// Benchmark of classification under the full vn-2016-2020 standard (10 deprivation rules, 4 of
// them over members, then the 3 category rules), from columns, on 1 and 2 threads.
//   cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DANSINH_BENCH=ON
//   cmake --build build/bench --target rules_bench
//   build/bench/src/rules/rules_bench --benchmark_filter=Classify
// The frame holds the columns the standard reads, filled column by column as the analytics
// snapshot will: 1..7 members per household (about 4 on average), incomes around the lines.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <random>

#include "rules/classify.h"
#include "rules/standard.h"

namespace ansinh::rules {
namespace {

struct ClassifyFixture {
  std::unique_ptr<StandardRegistry> registry = StandardRegistry::Create(ANSINH_SOURCE_DIR).value();
  const Standard* standard = registry->Resolve("vn-2016-2020").value();
  std::map<std::size_t, std::unique_ptr<Frame>> frames;

  Column& Col(Frame& frame, Scope scope, const char* name) {
    return *frame.MutableColumn(scope, name).value();
  }

  Frame& FrameOf(std::size_t households) {
    auto& frame = frames[households];
    if (!frame) frame = Build(households);
    return *frame;
  }

  void FillHouseholds(Frame& frame, std::mt19937_64& rng) {
    std::uniform_int_distribution<int> coin(0, 99);
    const std::size_t n = frame.households();
    auto year = Col(frame, Scope::kHousehold, "year").int32s();
    auto urban = Col(frame, Scope::kHousehold, "urban").bools();
    auto members = Col(frame, Scope::kHousehold, "members").int32s();
    auto income = Col(frame, Scope::kHousehold, "income_month").int64s();
    auto quality = Col(frame, Scope::kHousehold, "housing_quality").int32s();
    auto area_pc = Col(frame, Scope::kHousehold, "housing_area_pc").decimals();
    auto water = Col(frame, Scope::kHousehold, "clean_water").bools();
    auto latrine = Col(frame, Scope::kHousehold, "hygienic_latrine").bools();
    auto telecom = Col(frame, Scope::kHousehold, "telecom").bools();
    auto info = Col(frame, Scope::kHousehold, "info_assets").bools();
    std::int32_t grades[4];
    const char* names[4] = {"permanent", "semi_permanent", "less_permanent", "temporary"};
    for (int g = 0; g < 4; ++g) grades[g] = frame.dictionary().Intern(names[g]);
    const auto off = frame.member_offsets();
    for (std::size_t h = 0; h < n; ++h) {
      year[h] = 2018;
      urban[h] = coin(rng) < 30;
      members[h] = static_cast<std::int32_t>(off[h + 1] - off[h]);
      income[h] = members[h] * (400'000 + coin(rng) * 12'000) + coin(rng) - 50;
      quality[h] = grades[coin(rng) % 4];
      area_pc[h] = 4.0 + coin(rng) * 0.3;
      water[h] = coin(rng) < 85;
      latrine[h] = coin(rng) < 70;
      telecom[h] = coin(rng) < 90;
      info[h] = coin(rng) < 80;
    }
  }

  void FillMembers(Frame& frame, std::mt19937_64& rng) {
    std::uniform_int_distribution<int> coin(0, 99), age(0, 90), grade(0, 12);
    auto ages = Col(frame, Scope::kMember, "age").int32s();
    auto insured = Col(frame, Scope::kMember, "health_insurance").bools();
    auto sick = Col(frame, Scope::kMember, "sick_untreated").bools();
    auto school = Col(frame, Scope::kMember, "in_school").bools();
    auto grades = Col(frame, Scope::kMember, "education_grade").int32s();
    for (std::size_t m = 0; m < frame.member_rows(); ++m) {
      ages[m] = age(rng);
      insured[m] = coin(rng) < 90;
      sick[m] = coin(rng) < 5;
      school[m] = coin(rng) < 30;
      grades[m] = grade(rng);
    }
  }

  std::unique_ptr<Frame> Build(std::size_t households) {
    std::mt19937_64 rng(2016);
    std::uniform_int_distribution<int> size(1, 7);
    std::vector<std::uint32_t> offsets{0};
    offsets.reserve(households + 1);
    for (std::size_t h = 0; h < households; ++h) offsets.push_back(offsets.back() + size(rng));
    auto frame = std::make_unique<Frame>(registry->catalogue());
    if (!frame->SetMemberOffsets(std::move(offsets)).ok()) std::abort();
    FillHouseholds(*frame, rng);
    FillMembers(*frame, rng);
    return frame;
  }
};

ClassifyFixture& Shared() {
  static ClassifyFixture* fixture = new ClassifyFixture();
  return *fixture;
}

// range(0): households; range(1): threads.
void BM_Classify2016Full(benchmark::State& state) {
  ClassifyFixture& f = Shared();
  Frame& frame = f.FrameOf(static_cast<std::size_t>(state.range(0)));
  ThreadPool pool(static_cast<int>(state.range(1)));
  ClassifyOptions options;
  options.pool = &pool;
  std::size_t poor = 0;
  for (auto _ : state) {
    Result<ClassifyResult> r = Classify(*f.standard, frame, options);
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      return;
    }
    poor = 0;
    for (Category c : r->category) poor += c == Category::kPoor;
    benchmark::DoNotOptimize(poor);
  }
  state.counters["households/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(state.range(0)),
      benchmark::Counter::kIsRate);
  state.counters["poor_share"] = static_cast<double>(poor) / static_cast<double>(state.range(0));
}

BENCHMARK(BM_Classify2016Full)
    ->Args({1'000'000, 1})
    ->Args({1'000'000, 2})
    ->Args({10'000'000, 1})
    ->Args({10'000'000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace ansinh::rules
