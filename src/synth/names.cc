#include "synth/names.h"

#include <vector>

namespace ansinh::synth {
namespace {

const WeightedName& Draw(const std::vector<WeightedName>& table, Rng& rng,
                         bool fewer_classic = false) {
  std::vector<double> weights;
  weights.reserve(table.size());
  for (const auto& n : table) {
    const bool classic = n.name == "Văn" || n.name == "Thị";
    weights.push_back(classic && fewer_classic ? n.weight / 2 : n.weight);
  }
  return table[rng.Categorical(weights)];
}

}  // namespace

const std::string& DrawFamilyName(const NameTables& names, NameGroup group, Rng& rng) {
  return Draw(names.family[static_cast<int>(group)], rng).name;
}

std::string DrawFullName(const NameTables& names, NameGroup group, Sex sex,
                         const std::string& family, int birth_year, Rng& rng) {
  const int g = static_cast<int>(group);
  const int s = sex == Sex::kFemale ? 1 : 0;
  std::string out = family;
  const auto& middles = names.middle[g][s];
  if (!middles.empty()) {
    const std::string& middle = Draw(middles, rng, birth_year >= 1990).name;
    if (!middle.empty()) out += " " + middle;
  }
  // Younger Khmer often carry a Vietnamese given name.
  const bool viet_given = group == NameGroup::kKhmer && birth_year >= 1985 && rng.Bernoulli(0.35);
  const auto& givens = names.given[viet_given ? 0 : g][s];
  if (!givens.empty()) out += " " + Draw(givens, rng).name;
  return out;
}

}  // namespace ansinh::synth
