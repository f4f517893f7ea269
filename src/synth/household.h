// One household as the generator builds it before any year is simulated: who lives there
// (a head, a spouse, children, elders, grandchildren; ages, sexes, names, ID numbers) and the
// persistent draws that make its years hang together (its place on the income ladder, how far
// each child will go in school, who is disabled, ...).
#pragma once

#include <cstdint>
#include <vector>

#include "core/household.h"
#include "synth/geography.h"
#include "synth/model.h"

namespace ansinh::synth {

struct Member {
  Person person;
  int birth_year = 0;
  int leave_grade = 0;      // the grade at which schooling stops, 0..12
  bool university = false;  // goes on after grade 12 (in school to about 22)
  bool severe = false;      // a disability, when it comes, is severe
  double u_trained = 0, u_vocational = 0, u_disabled = 0, u_insurance = 0, u_contract = 0;
};

struct SynthHousehold {
  Household household;
  std::vector<Member> members;
  std::int64_t index = 0;  // 0-based within the commune
  bool urban = false;
  int ethnic = -1;  // index into ProvinceModel::ethnic; -1 = Kinh
  NameGroup group = NameGroup::kViet;
  double persistent = 0;  // the static part of the latent score (place, ethnicity, size, a)
  double u_water = 0, u_latrine = 0, u_telecom = 0, u_info = 0;
  double housing_noise = 0, area_noise = 0;
};

// Builds household `index` (0-based) of the commune, with ages as of 1 January `ref_year`.
// `province_codes`: where members not born in the province come from.
SynthHousehold MakeHousehold(const Model& model, const CommunePlan& plan, std::int64_t index,
                             int ref_year, std::uint64_t seed);

}  // namespace ansinh::synth
