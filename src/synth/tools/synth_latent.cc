// synth_latent: prints the latent welfare scores the generator draws for a sample of a
// province's households, one line per household and year (year,urban,members,z), for
// scripts/fit-synth, which fits the map from score to income (data/synth/income_knots.csv).
// Usage: synth_latent HOME PROVINCE HOUSEHOLDS FIRST_YEAR LAST_YEAR [SEED]
#include <cstdio>
#include <cstdlib>
#include <string>

#include "io/admin_units.h"
#include "synth/geography.h"
#include "synth/household.h"
#include "synth/living.h"
#include "synth/synth.h"

int main(int argc, char** argv) {
  using namespace ansinh::synth;
  if (argc < 6) {
    std::fprintf(stderr, "usage: synth_latent HOME PROVINCE HOUSEHOLDS FIRST LAST [SEED]\n");
    return 2;
  }
  const std::string home = argv[1], province = argv[2];
  const long long households = std::atoll(argv[3]);
  const int first = std::atoi(argv[4]), last = std::atoi(argv[5]);
  const std::uint64_t seed = argc > 6 ? std::strtoull(argv[6], nullptr, 10) : kDefaultSeed;
  auto model = LoadModel(home, province, false);
  if (!model.ok()) {
    std::fprintf(stderr, "%s\n", model.status().ToString().c_str());
    return 1;
  }
  auto units = ansinh::io::LoadProvinceUnits(home + "/data/vn-admin-units.csv", province);
  if (!units.ok()) {
    std::fprintf(stderr, "%s\n", units.status().ToString().c_str());
    return 1;
  }
  std::printf("year,urban,members,z\n");
  for (const CommunePlan& plan : PlanProvince(*model, *units, households, 1, seed)) {
    for (std::int64_t i = 0; i < plan.households; ++i) {
      const SynthHousehold h = MakeHousehold(*model, plan, i, first, seed);
      for (const LatentYear& y : LatentPath(*model, plan, h, first, last, seed)) {
        std::printf("%d,%d,%zu,%.6f\n", y.year, h.urban ? 1 : 0, h.members.size(), y.z);
      }
    }
  }
  return 0;
}
