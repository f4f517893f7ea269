#include "synth/geography.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "synth/rng.h"

namespace ansinh::synth {
namespace {

// Splits `total` into integers proportional to `weights` (largest remainder; ties by index).
std::vector<std::int64_t> Apportion(std::int64_t total, const std::vector<double>& weights) {
  std::vector<std::int64_t> out(weights.size(), 0);
  double sum = 0;
  for (double w : weights) sum += w;
  if (sum <= 0 || total <= 0) return out;
  std::vector<std::pair<double, std::size_t>> remainders;
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = total * weights[i] / sum;
    out[i] = static_cast<std::int64_t>(std::floor(exact));
    given += out[i];
    remainders.push_back({exact - out[i], i});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < total; ++k, ++given) ++out[remainders[k % out.size()].second];
  return out;
}

std::vector<Hamlet> MakeHamlets(const Model& model, const CommunePlan& plan, int count, Rng& rng) {
  const ProvinceModel& p = model.province;
  const std::string& word = plan.unit.urban ? p.hamlet_urban : p.hamlet_rural;
  // Urban units and half of the rural communes number their hamlets; the rest name them.
  const bool numbered = plan.unit.urban || rng.Bernoulli(0.5) || model.hamlet_words.size() < 4;
  std::vector<Hamlet> hamlets;
  std::set<std::string> used;
  for (int i = 1; i <= count; ++i) {
    std::string name = word + " " + std::to_string(i);
    while (!numbered) {
      const auto& words = model.hamlet_words;
      const int a = rng.UniformInt(0, static_cast<int>(words.size()) - 1);
      const int b = rng.UniformInt(0, static_cast<int>(words.size()) - 1);
      if (a == b) continue;
      name = word + " " + words[a] + " " + words[b];
      if (used.insert(name).second) break;
    }
    hamlets.push_back({i, plan.unit.code, name});
  }
  return hamlets;
}

// Commune shares of one ethnicity: proportional to a lognormal weight (concentration), scaled so
// that the household-weighted mean is the province share, capped.
void SpreadEthnicity(std::vector<CommunePlan>& plans, std::size_t e, double share,
                     double concentration, double urban_factor, double cap, Rng& rng) {
  std::vector<double> weight(plans.size());
  double total_households = 0;
  for (std::size_t c = 0; c < plans.size(); ++c) {
    weight[c] = std::exp(concentration * rng.Normal()) * (plans[c].unit.urban ? urban_factor : 1);
    total_households += static_cast<double>(plans[c].households);
  }
  auto mean_at = [&](double scale) {
    double sum = 0;
    for (std::size_t c = 0; c < plans.size(); ++c) {
      sum += std::min(cap, scale * weight[c]) * static_cast<double>(plans[c].households);
    }
    return total_households > 0 ? sum / total_households : 0.0;
  };
  double lo = 0, hi = 1;
  while (mean_at(hi) < share && hi < 1e9) hi *= 2;
  for (int i = 0; i < 60; ++i) ((mean_at((lo + hi) / 2) < share) ? lo : hi) = (lo + hi) / 2;
  for (std::size_t c = 0; c < plans.size(); ++c) {
    plans[c].ethnic_share[e] = std::min(cap, hi * weight[c]);
  }
}

}  // namespace

std::vector<CommunePlan> PlanProvince(const Model& model, const std::vector<AdminUnit>& units,
                                      std::int64_t households, std::int64_t first_id,
                                      std::uint64_t seed) {
  const ProvinceModel& p = model.province;
  Rng rng(StreamKey({seed, static_cast<std::uint64_t>(Stream::kProvince), std::stoull(p.code)}));
  std::vector<CommunePlan> plans;
  std::vector<double> urban_w, rural_w;
  for (const AdminUnit& u : units) {
    if (u.level != UnitLevel::kCommune) continue;
    CommunePlan plan;
    plan.unit = u;
    plan.key = std::stoull(u.code);
    plan.ethnic_share.assign(p.ethnic.size(), 0);
    const double w = rng.LogNormal(0, 0.35);
    (u.urban ? urban_w : rural_w).push_back(w);
    plans.push_back(std::move(plan));
  }
  if (plans.empty()) return plans;
  // Urban households by the GSO urban share of the population; all rural when no urban units.
  const double urban_share = urban_w.empty() ? 0 : (rural_w.empty() ? 1 : p.urban_share_2010);
  const auto n_urban = static_cast<std::int64_t>(std::llround(households * urban_share));
  const auto urban_n = Apportion(n_urban, urban_w);
  const auto rural_n = Apportion(households - n_urban, rural_w);
  const auto full_urban = Apportion(std::llround(p.households_2010 * urban_share), urban_w);
  const auto full_rural =
      Apportion(p.households_2010 - std::llround(p.households_2010 * urban_share), rural_w);
  std::size_t ui = 0, ri = 0;
  std::int64_t next_id = first_id;
  for (CommunePlan& plan : plans) {
    const bool urban = plan.unit.urban;
    const std::int64_t full = urban ? full_urban[ui] : full_rural[ri];
    plan.households = urban ? urban_n[ui++] : rural_n[ri++];
    plan.first_id = next_id;
    next_id += plan.households;
    Rng crng(StreamKey({seed, static_cast<std::uint64_t>(Stream::kCommune), plan.key}));
    plan.effect = model.latent.commune_sd * crng.Normal();
    // Hamlets by the commune's real size (not the sample's): about one per 600 households.
    const int count = std::clamp(static_cast<int>(5 + full / 600 + crng.UniformInt(-1, 2)), 5, 15);
    plan.hamlets = MakeHamlets(model, plan, count, crng);
    for (int i = 0; i < count; ++i) plan.hamlet_weights.push_back(crng.LogNormal(0, 0.3));
  }
  for (std::size_t e = 0; e < p.ethnic.size(); ++e) {
    const std::string& name = p.ethnic[e].ethnicity;
    const bool khmer = name == "Khmer", hoa = name == "Hoa";
    SpreadEthnicity(plans, e, p.ethnic[e].share,
                    khmer ? model.khmer_concentration : (hoa ? 0.5 : 1.2),
                    khmer ? model.khmer_urban_factor : (hoa ? 3.0 : 0.3), model.khmer_cap, rng);
  }
  return plans;
}

}  // namespace ansinh::synth
