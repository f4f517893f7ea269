// The generator's model: every table and parameter it reads from data/synth/ (README.md there
// gives each table's source), loaded once per province and then only read, by many threads.
//
// Nothing here draws random numbers; the draws live in geography, household and living.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace ansinh::synth {

// Naming conventions: Kinh (and the minorities the tables do not name separately), Khmer, Hoa.
enum class NameGroup : int { kViet = 0, kKhmer = 1, kHoa = 2 };

struct WeightedName {
  std::string name;
  double weight = 0;
};

struct NameTables {
  std::array<std::vector<WeightedName>, 3> family;                 // by NameGroup
  std::array<std::array<std::vector<WeightedName>, 2>, 3> middle;  // by NameGroup, sex (M=0)
  std::array<std::array<std::vector<WeightedName>, 2>, 3> given;   // Hoa uses the Viet list
};

struct EthnicShare {
  std::string ethnicity;  // "Khmer", "Hoa", "Tày", ...; Kinh takes the rest
  double share = 0;       // of the population, 0..1
};

// P = Logistic(base + welfare * z + trend * (year - 2010) + urban * u).
struct ConditionParams {
  double base = 0, welfare = 0, trend = 0, urban = 0;
};

struct LatentParams {
  double urban = 0, khmer = 0, hoa = 0, other_minority = 0, size = 0, commune_sd = 0;
  double rho = 0.5, phi = 0.5;
  double illness_p = 0, illness_effect = 0, crop_failure_p = 0, crop_failure_effect = 0;
  double job_gain_p = 0, job_gain_effect = 0, shock_carry = 0;
};

struct HousingParams {
  double base = 0, welfare = 0, trend = 0, urban = 0;
  double cut_less = 0, cut_semi = 0, cut_permanent = 0;
  double area_pc_median = 15, area_welfare = 0, area_trend = 0, area_sd = 0;
};

struct PersonParams {
  double female_head_share = 0.27, spouse_p = 0.86, elder_in_household_p = 0.2;
  double birth_in_province_p = 0.9;
  double health_insurance_base = 0, health_insurance_trend = 0, health_insurance_poor_bonus = 0;
  double sick_untreated_p = 0, malnourished_p = 0, wage_no_contract_p = 0;
  double disability_adult_p = 0, disability_elder_p = 0, university_p = 0;
};

// The fitted map from the latent score z to log income per person per month (thousand VND):
// piecewise linear through (z[i], log_income[i]), z ascending, extended linearly past the ends.
struct IncomeCurve {
  int year = 0;
  std::vector<double> z;
  std::vector<double> log_income;
};

struct ProvinceModel {
  std::string code;      // "96"
  std::string gso_name;  // "Ca Mau"
  std::string region;    // "MRD"
  std::string region_gso_name;
  std::int64_t households_2010 = 0;        // default household count
  double urban_share_2010 = 0;             // of the population, GSO
  std::string hamlet_rural, hamlet_urban;  // "Ấp", "Khóm"
  bool south = false;                      // Huỳnh/Võ rather than Hoàng/Vũ
  std::vector<double> size_weights;        // index 0 = 1 member
  std::vector<EthnicShare> ethnic;         // besides Kinh
  std::vector<IncomeCurve> income;         // by year, ascending; may be empty before fitting
  // Added to the logit of every household condition, the housing latent and the health-insurance
  // logit: how much better (> 0) or worse the province's living conditions are than its income
  // alone says. Fitted so that 2016 lands on its multidimensional rate (conditions_shift.csv,
  // synth_fit_conditions); 0 when the file has no row for the province.
  double conditions_shift = 0;
};

struct Model {
  ProvinceModel province;
  NameTables names;
  std::vector<std::string> hamlet_words;
  std::vector<std::string> province_codes;  // all of provinces.csv: birthplaces of migrants
  LatentParams latent;
  HousingParams housing;
  PersonParams person;
  ConditionParams water, latrine, telecom, info_assets;
  double khmer_concentration = 1.5, khmer_cap = 0.9, khmer_urban_factor = 0.35;
  double growth_after = 0.075, growth_before = 0.1;
  std::int64_t rounding_vnd = 1000;
};

// Reads data/synth/ under `home` for one province. kNotFound when the province is not in
// provinces.csv; kParseError for a malformed file. `need_income`: fail when income_knots.csv has
// no curve for the province (the latent dump used for fitting does not need one).
Result<Model> LoadModel(const std::string& home, const std::string& province_code,
                        bool need_income);

// All province codes of provinces.csv, in order.
Result<std::vector<std::string>> ListProvinces(const std::string& home);

// Log income per person per month (thousand VND) at latent score z in `year`.
double LogIncomeAt(const ProvinceModel& province, double growth_after, double growth_before,
                   int year, double z);

}  // namespace ansinh::synth
