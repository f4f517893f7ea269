// Where the households live: the province's real communes (GSO list), hamlets made up for each
// commune (5-15; "Ấp Tân Phong", "Ấp 3" in a xã, "Khóm 2" in a phường or thị trấn), and how many
// households each commune and hamlet gets, so that the urban share is the province's (GSO 2010)
// and Khmer households gather in some communes as they do.
#pragma once

#include <cstdint>
#include <vector>

#include "core/admin_unit.h"
#include "synth/model.h"

namespace ansinh::synth {

struct CommunePlan {
  AdminUnit unit;
  std::uint64_t key = 0;  // the commune's code as a number, for stream keys
  std::int64_t households = 0;
  std::int64_t first_id = 1;         // run-wide id of its first household
  std::vector<double> ethnic_share;  // parallel to ProvinceModel::ethnic; Kinh is the rest
  double effect = 0;                 // commune effect on the latent score (already scaled)
  std::vector<Hamlet> hamlets;       // Hamlet::id = 1.. within the commune
  std::vector<double> hamlet_weights;
};

// Plans the communes of `units` (LoadProvinceUnits' output; districts and the province are
// skipped) for `households` households in all, ids starting at `first_id`. Deterministic in
// `seed`.
std::vector<CommunePlan> PlanProvince(const Model& model, const std::vector<AdminUnit>& units,
                                      std::int64_t households, std::int64_t first_id,
                                      std::uint64_t seed);

}  // namespace ansinh::synth
