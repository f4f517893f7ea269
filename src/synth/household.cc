#include "synth/household.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/date.h"
#include "synth/citizen_id.h"
#include "synth/names.h"
#include "synth/rng.h"

namespace ansinh::synth {
namespace {

// Age of a head of household, by ten-year band from 20 (a shape like the 2009 census heads').
constexpr double kHeadAgeBands[] = {0.13, 0.29, 0.27, 0.17, 0.08, 0.04, 0.02};

struct Draft {
  Relation relation;
  Sex sex;
  int age;
  int family;  // 0 = the head's family name, 1 = the spouse's, 2 = a name of its own
};

int HeadAge(Rng& rng, int size) {
  if (size == 1 && rng.Bernoulli(0.35)) return rng.UniformInt(60, 88);  // elders living alone
  const int band = rng.Categorical(kHeadAgeBands);
  return 20 + 10 * band + rng.UniformInt(0, 9);
}

// Fills `out` with the head, spouse, elders, children and grandchildren of a household of `size`.
void Compose(const Model& model, int size, Rng& rng, std::vector<Draft>& out) {
  const PersonParams& pp = model.person;
  const int head_age = HeadAge(rng, size);
  const bool female_head = rng.Bernoulli(size == 1 ? 0.55 : pp.female_head_share);
  out.push_back({Relation::kHead, female_head ? Sex::kFemale : Sex::kMale, head_age, 0});
  int left = size - 1;
  int mother_age = female_head ? head_age : -1;
  const double spouse_p = head_age >= 65 ? 0.6 : (female_head ? 0.55 : pp.spouse_p + 0.06);
  if (left > 0 && rng.Bernoulli(spouse_p)) {
    const int gap = std::clamp(static_cast<int>(std::lround(3 + 3 * rng.Normal())), -4, 15);
    const int age = std::max(18, female_head ? head_age + gap : head_age - gap);
    out.push_back({Relation::kSpouse, female_head ? Sex::kMale : Sex::kFemale, age, 2});
    if (!female_head) mother_age = age;
    --left;
  }
  if (mother_age < 0) mother_age = head_age;
  const double elder_p = pp.elder_in_household_p * (size >= 4 ? 1.3 : 0.6);
  if (left > 0 && head_age < 55 && rng.Bernoulli(elder_p)) {
    const int elders = (left >= 2 && rng.Bernoulli(0.35)) ? 2 : 1;
    const int age = std::min(95, head_age + rng.UniformInt(22, 32));
    for (int i = 0; i < elders; ++i) {
      const Sex sex = elders == 2 ? (i == 0 ? Sex::kMale : Sex::kFemale)
                                  : (rng.Bernoulli(0.68) ? Sex::kFemale : Sex::kMale);
      out.push_back({Relation::kParent, sex, std::min(95, age + (i == 0 ? 2 : 0)),
                     sex == Sex::kMale ? 0 : 2});
    }
    left -= elders;
  }
  // Three generations: an adult child with a spouse and children of their own.
  int child_age = mother_age - rng.UniformInt(19, 26);
  if (left >= 3 && head_age >= 50 && rng.Bernoulli(0.55)) {
    const Sex sex = rng.Bernoulli(0.6) ? Sex::kMale : Sex::kFemale;
    const int parent_age = std::max(18, child_age);
    out.push_back({Relation::kChild, sex, parent_age, 1});
    --left;
    if (rng.Bernoulli(0.7)) {
      out.push_back({Relation::kOther, sex == Sex::kMale ? Sex::kFemale : Sex::kMale,
                     std::max(18, parent_age + rng.UniformInt(-4, 3)), 2});
      --left;
    }
    int g_age = std::max(0, parent_age - rng.UniformInt(20, 28));
    for (; left > 0; --left) {
      out.push_back({Relation::kGrandchild, rng.Bernoulli(0.515) ? Sex::kMale : Sex::kFemale,
                     std::max(0, g_age), 2});
      g_age -= rng.UniformInt(1, 4);
    }
    return;
  }
  for (; left > 0; --left) {
    const Sex sex = rng.Bernoulli(0.515) ? Sex::kMale : Sex::kFemale;
    if (child_age >= 0) {
      out.push_back({Relation::kChild, sex, child_age, 1});
      child_age -= rng.UniformInt(1, 4);
    } else {  // no room for another child: a sibling or other relative of the head
      out.push_back({rng.Bernoulli(0.5) ? Relation::kSibling : Relation::kOther, sex,
                     std::max(15, head_age + rng.UniformInt(-12, 8)), 2});
    }
  }
}

std::string BirthDate(int year, Rng& rng) {
  const int month = rng.UniformInt(1, 12);
  const int day = rng.UniformInt(1, DaysInMonth(year, month));
  char buf[40];  // room for any three ints: GCC cannot always see the ranges (-Wformat-truncation)
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// The grade at which a person stops school: later cohorts, richer and urban households go
// further; older Khmer cohorts less far.
int LeaveGrade(int birth_year, double welfare, bool urban, NameGroup group, Rng& rng) {
  double s = 0.35 * (birth_year - 1970) / 10.0 + 0.5 * welfare + (urban ? 0.4 : 0) + rng.Normal();
  if (group == NameGroup::kKhmer) s -= 0.45;
  return std::clamp(static_cast<int>(std::lround(7 + 2.4 * s)), 0, 12);
}

}  // namespace

SynthHousehold MakeHousehold(const Model& model, const CommunePlan& plan, std::int64_t index,
                             int ref_year, std::uint64_t seed) {
  const ProvinceModel& p = model.province;
  const LatentParams& lp = model.latent;
  Rng rng(StreamKey({seed, static_cast<std::uint64_t>(Stream::kHousehold), plan.key,
                     static_cast<std::uint64_t>(index)}));
  SynthHousehold h;
  h.index = index;
  h.urban = plan.unit.urban;
  char code[32];
  std::snprintf(code, sizeof code, "-%05lld", static_cast<long long>(index + 1));
  h.household.id = plan.first_id + index;
  h.household.code = plan.unit.code + code;
  h.household.commune_code = plan.unit.code;
  const int hamlet = rng.Categorical(plan.hamlet_weights);
  h.household.hamlet_id = plan.hamlets[hamlet].id;
  h.household.hamlet_name = plan.hamlets[hamlet].name;
  h.household.address =
      "Số " + std::to_string(rng.UniformInt(1, 400)) + ", " + h.household.hamlet_name;
  // Ethnicity: Kinh takes what the commune's other shares leave.
  std::vector<double> eth = {1.0};
  for (double s : plan.ethnic_share) {
    eth[0] -= s;
    eth.push_back(s);
  }
  eth[0] = std::max(0.0, eth[0]);
  h.ethnic = rng.Categorical(eth) - 1;
  const std::string ethnicity = h.ethnic < 0 ? "Kinh" : p.ethnic[h.ethnic].ethnicity;
  h.group = ethnicity == "Khmer" ? NameGroup::kKhmer
                                 : (ethnicity == "Hoa" ? NameGroup::kHoa : NameGroup::kViet);
  const int size = rng.Categorical(p.size_weights) + 1;
  const double eth_effect = ethnicity == "Kinh"    ? 0
                            : ethnicity == "Khmer" ? lp.khmer
                            : ethnicity == "Hoa"   ? lp.hoa
                                                   : lp.other_minority;
  h.persistent = (h.urban ? lp.urban : 0) + eth_effect + lp.size * (std::min(size, 10) - 4) +
                 plan.effect + std::sqrt(lp.rho) * rng.Normal();
  h.u_water = rng.Uniform();
  h.u_latrine = rng.Uniform();
  h.u_telecom = rng.Uniform();
  h.u_info = rng.Uniform();
  h.housing_noise = rng.Normal();
  h.area_noise = rng.Normal();

  std::vector<Draft> drafts;
  Compose(model, size, rng, drafts);
  Rng nrng(StreamKey({seed, static_cast<std::uint64_t>(Stream::kNames), plan.key,
                      static_cast<std::uint64_t>(index)}));
  const std::string families[2] = {DrawFamilyName(model.names, h.group, nrng),
                                   DrawFamilyName(model.names, h.group, nrng)};
  // The children's family name: the father's (the head's, or the spouse's under a female head).
  const bool female_head = drafts[0].sex == Sex::kFemale;
  const bool has_spouse = drafts.size() > 1 && drafts[1].relation == Relation::kSpouse;
  const std::string spouse_family = DrawFamilyName(model.names, h.group, nrng);
  const std::string& father_line = female_head && has_spouse ? spouse_family : families[0];
  for (std::size_t k = 0; k < drafts.size(); ++k) {
    const Draft& d = drafts[k];
    Member m;
    m.birth_year = ref_year - 1 - d.age;
    Person& person = m.person;
    person.id = h.household.id * 100 + static_cast<std::int64_t>(k + 1);
    person.household_id = h.household.id;
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, "-%02zu", k + 1);
    person.code = h.household.code + suffix;
    person.sex = d.sex;
    person.relation = d.relation;
    person.ethnicity = ethnicity;
    person.birth_date = BirthDate(m.birth_year, nrng);
    const std::string& family =
        d.family == 0 ? families[0]
        : d.family == 1
            ? father_line
            : (d.relation == Relation::kSpouse ? spouse_family
                                               : DrawFamilyName(model.names, h.group, nrng));
    person.full_name = DrawFullName(model.names, h.group, d.sex, family, m.birth_year, nrng);
    if (ref_year - m.birth_year >= 14) {
      const std::string& born = nrng.Bernoulli(model.person.birth_in_province_p)
                                    ? p.code
                                    : model.province_codes[nrng.UniformInt(
                                          0, static_cast<int>(model.province_codes.size()) - 1)];
      person.id_number = CitizenIdPrefix(born, d.sex, m.birth_year);  // serial: generate.cc
    }
    m.leave_grade = LeaveGrade(m.birth_year, h.persistent, h.urban, h.group, rng);
    m.university =
        m.leave_grade == 12 && rng.Bernoulli(model.person.university_p + (h.urban ? 0.1 : 0));
    m.severe = rng.Bernoulli(0.3);
    m.u_trained = rng.Uniform();
    m.u_vocational = rng.Uniform();
    m.u_disabled = rng.Uniform();
    m.u_insurance = rng.Uniform();
    m.u_contract = rng.Uniform();
    h.members.push_back(std::move(m));
  }
  return h;
}

}  // namespace ansinh::synth
