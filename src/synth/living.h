// A household's years: its latent welfare score moving over time (a persistent effect, an AR(1)
// yearly component, shocks: illness, crop failure, a member finding a job), the income that the
// fitted curve gives at that score, and the conditions and member answers the survey records,
// all correlated with the score and improving over the years.
#pragma once

#include <cstdint>
#include <vector>

#include "synth/household.h"
#include "synth/synth.h"

namespace ansinh::synth {

// The latent path always starts in kLatentStartYear (or earlier, if asked), so a year's score
// does not depend on the first year of the run.
inline constexpr int kLatentStartYear = 2010;

struct LatentYear {
  int year = 0;
  double z = 0;
  bool job_gain = false;
};

// Scores for first_year..last_year.
std::vector<LatentYear> LatentPath(const Model& model, const CommunePlan& plan,
                                   const SynthHousehold& h, int first_year, int last_year,
                                   std::uint64_t seed);

// Appends the household's HouseholdYear and PersonYear rows for the years of `path`.
void AppendYears(const Model& model, const SynthHousehold& h, const std::vector<LatentYear>& path,
                 std::uint64_t seed, Batch& batch);

// The income-only poverty line of the 2011-2015 standard (also used for 2010; QĐ 09/2011):
// 400,000 VND rural, 500,000 urban per person per month; 700,000 / 900,000 from 2016 (QĐ
// 59/2015). Used only to correlate free health-insurance cards with low income, and by the
// calibration report.
std::int64_t IncomeLineVnd(int year, bool urban);

// The top of the near-poor income band: 520,000 VND rural, 650,000 urban up to 2015 (QĐ 09/2011,
// near-poor = above the poverty line and at most this); from 2016 the minimum living standard of
// QĐ 59/2015, 1,000,000 / 1,300,000, under which deprivations decide between poor and near-poor.
std::int64_t NearPoorLineVnd(int year, bool urban);

// Total household income per month for `members` at score z (rounded as params.toml says).
std::int64_t HouseholdIncome(const Model& model, int year, double z, int members);

}  // namespace ansinh::synth
