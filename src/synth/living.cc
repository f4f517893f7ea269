#include "synth/living.h"

#include <algorithm>
#include <cmath>

#include "synth/rng.h"

namespace ansinh::synth {
namespace {

double Condition(const ConditionParams& c, double z, int year, bool urban, double shift) {
  return Logistic(c.base + c.welfare * z + c.trend * (year - 2010) + (urban ? c.urban : 0) +
                  shift);
}

HousingQuality Housing(const HousingParams& hp, double latent) {
  if (latent < hp.cut_less) return HousingQuality::kTemporary;
  if (latent < hp.cut_semi) return HousingQuality::kLessPermanent;
  if (latent < hp.cut_permanent) return HousingQuality::kSemiPermanent;
  return HousingQuality::kPermanent;
}

HouseholdYear MakeHouseholdYear(const Model& m, const SynthHousehold& h, const LatentYear& y,
                                std::int64_t income) {
  const HousingParams& hp = m.housing;
  const int n = static_cast<int>(h.members.size());
  const double t = y.year - 2010;
  const double shift = m.province.conditions_shift;
  HouseholdYear out;
  out.household_id = h.household.id;
  out.year = y.year;
  out.income_month = income;
  out.housing_quality = Housing(
      hp, hp.base + hp.welfare * y.z + hp.trend * t + (h.urban ? hp.urban : 0) + h.housing_noise +
              shift);
  const double area_pc = hp.area_pc_median * std::exp(hp.area_welfare * y.z + hp.area_trend * t +
                                                      hp.area_sd * h.area_noise);
  // Floor area grows less than proportionally with members (shared rooms).
  out.housing_area_m2 = std::max(6.0, std::round(area_pc * std::pow(n, 0.8)));
  out.clean_water = h.u_water < Condition(m.water, y.z, y.year, h.urban, shift);
  out.hygienic_latrine = h.u_latrine < Condition(m.latrine, y.z, y.year, h.urban, shift);
  out.telecom = h.u_telecom < Condition(m.telecom, y.z, y.year, h.urban, shift);
  out.info_assets = h.u_info < Condition(m.info_assets, y.z, y.year, h.urban, shift);
  return out;
}

struct HouseholdContext {
  int year;
  double z;
  bool urban;
  bool khmer;
  bool low_income;  // income per person under 1.3 x the line
  bool job_gain;
  int members;
  bool has_adult_child;
};

PersonYear MakePersonYear(const Model& m, const Member& mb, const HouseholdContext& c, Rng& rng) {
  const PersonParams& pp = m.person;
  const int age = c.year - mb.birth_year;
  const double t = c.year - 2010;
  PersonYear out;
  out.person_id = mb.person.id;
  out.year = c.year;
  const bool school_age = age >= 6 && age <= 18 && age - 6 < mb.leave_grade;
  out.in_school = school_age || (mb.university && age >= 18 && age <= 22);
  out.education_grade = std::clamp(std::min(mb.leave_grade, age - 6), 0, 12);
  const double p_dis = age < 18   ? 0.012
                       : age < 60 ? pp.disability_adult_p
                                  : pp.disability_elder_p * (1 + (age - 60) / 20.0);
  out.disability = mb.u_disabled < p_dis ? (mb.severe ? 2 : 1) : 0;
  if (age >= 20) {
    const double p_trained =
        Logistic(-1.7 + 0.3 * (mb.leave_grade - 9) + 0.13 * t + (c.urban ? 0.5 : 0) + 0.2 * c.z);
    out.trained = mb.u_trained < p_trained;
    out.vocational_trained = out.trained && mb.u_vocational < 0.72;
  }
  double p_work = 0;
  if (age >= 15 && age < 60 && !out.in_school) {
    p_work = mb.person.sex == Sex::kMale ? 0.88 : 0.76;
  } else if (age >= 60 && age < 75) {
    p_work = 0.4;
  }
  if (out.disability == 2) p_work *= 0.3;
  if (c.job_gain) p_work = std::min(0.98, p_work + 0.15);
  out.employed = rng.Bernoulli(p_work);
  out.wage_no_contract = out.employed && age < 60 && mb.u_contract < pp.wage_no_contract_p;
  // Free cards: children under 6, people 80 and over, the poor, Khmer in difficult communes.
  const bool free = age < 6 || age >= 80 || c.low_income || (c.khmer && rng.Bernoulli(0.5));
  const double p_card = free ? Logistic(pp.health_insurance_poor_bonus)
                             : Logistic(pp.health_insurance_base + pp.health_insurance_trend * t +
                                        0.4 * c.z + (age >= 60 ? 0.8 : 0) +
                                        m.province.conditions_shift);
  out.health_insurance = mb.u_insurance < p_card;
  out.sick_untreated =
      rng.Bernoulli(pp.sick_untreated_p * std::exp(-0.5 * c.z) * std::max(0.3, 1 - 0.06 * t));
  if (age < 16) {
    const double base = pp.malnourished_p * std::exp(-0.6 * c.z) * std::pow(0.93, t);
    out.malnourished = rng.Bernoulli(age < 5 ? base : 0.4 * base);
  }
  // Monthly allowance (NĐ 136/2013): 80 and over without pension, elders alone and poor, the
  // severely disabled, children without parents at home.
  const bool orphan = age < 16 && mb.person.relation == Relation::kGrandchild && !c.has_adult_child;
  double p_allow = 0;
  if (age >= 80)
    p_allow = 0.85;
  else if (age >= 60 && c.members == 1 && c.low_income)
    p_allow = 0.7;
  if (out.disability == 2) p_allow = std::max(p_allow, 0.8);
  if (orphan) p_allow = std::max(p_allow, 0.5);
  out.social_allowance = rng.Bernoulli(p_allow);
  return out;
}

}  // namespace

std::int64_t IncomeLineVnd(int year, bool urban) {
  if (year >= 2016) return urban ? 900'000 : 700'000;
  return urban ? 500'000 : 400'000;
}

std::int64_t NearPoorLineVnd(int year, bool urban) {
  if (year >= 2016) return urban ? 1'300'000 : 1'000'000;
  return urban ? 650'000 : 520'000;
}

std::int64_t HouseholdIncome(const Model& model, int year, double z, int members) {
  const ProvinceModel& p = model.province;
  const double pc = std::exp(LogIncomeAt(p, model.growth_after, model.growth_before, year, z));
  const double total = pc * 1000.0 * members;
  const auto r = static_cast<double>(model.rounding_vnd);
  return static_cast<std::int64_t>(std::llround(total / r)) * model.rounding_vnd;
}

std::vector<LatentYear> LatentPath(const Model& model, const CommunePlan& plan,
                                   const SynthHousehold& h, int first_year, int last_year,
                                   std::uint64_t seed) {
  const LatentParams& lp = model.latent;
  Rng rng(StreamKey({seed, static_cast<std::uint64_t>(Stream::kLatent), plan.key,
                     static_cast<std::uint64_t>(h.index)}));
  const double yearly_sd = std::sqrt(1 - lp.rho);
  const double innovation_sd = std::sqrt(1 - lp.phi * lp.phi);
  double e = rng.Normal();
  double transient = 0, permanent = 0;
  std::vector<LatentYear> path;
  for (int year = std::min(first_year, kLatentStartYear); year <= last_year; ++year) {
    if (year > std::min(first_year, kLatentStartYear))
      e = lp.phi * e + innovation_sd * rng.Normal();
    transient *= lp.shock_carry;
    if (rng.Bernoulli(lp.illness_p)) transient += lp.illness_effect;
    if (rng.Bernoulli(lp.crop_failure_p) && !h.urban) transient += lp.crop_failure_effect;
    const bool job = rng.Bernoulli(lp.job_gain_p);
    if (job) permanent += lp.job_gain_effect;
    if (year >= first_year) {
      path.push_back({year, h.persistent + yearly_sd * e + transient + permanent, job});
    }
  }
  return path;
}

void AppendYears(const Model& model, const SynthHousehold& h, const std::vector<LatentYear>& path,
                 std::uint64_t seed, Batch& batch) {
  const int n = static_cast<int>(h.members.size());
  bool has_adult_child = false;
  for (const Member& m : h.members) {
    has_adult_child |= m.person.relation == Relation::kChild;
  }
  for (const LatentYear& y : path) {
    const std::int64_t income = HouseholdIncome(model, y.year, y.z, n);
    batch.household_years.push_back(MakeHouseholdYear(model, h, y, income));
    Rng rng(StreamKey({seed, static_cast<std::uint64_t>(Stream::kYear),
                       static_cast<std::uint64_t>(h.household.id),
                       static_cast<std::uint64_t>(y.year)}));
    const HouseholdContext c{y.year,
                             y.z,
                             h.urban,
                             h.group == NameGroup::kKhmer,
                             income * 10 <= IncomeLineVnd(y.year, h.urban) * 13 * n,
                             y.job_gain,
                             n,
                             has_adult_child};
    for (const Member& m : h.members)
      batch.person_years.push_back(MakePersonYear(model, m, c, rng));
  }
}

}  // namespace ansinh::synth
