#include "analytics/year_builder.h"

#include <cassert>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>

namespace ansinh::analytics {
namespace {

// The code of an enum's text, interned the first time it is seen.
template <typename Enum, std::size_t N, typename Intern>
std::int32_t CachedCode(std::array<std::int32_t, N>& codes, Enum value, std::string_view text,
                        Intern intern) {
  std::int32_t& code = codes[static_cast<std::size_t>(value)];
  if (code < 0) code = intern(text);
  return code;
}

// Hands a filled vector to the frame as the column of the named field.
template <typename T>
Status YearBuilderAdopt(rules::Frame& frame, std::string_view name, rules::Scope scope,
                        std::vector<T>& values) {
  const rules::FieldId id = frame.catalogue().Find(scope, name);
  if (id < 0) return Status::Internal("catalogue lacks field " + std::string(name));
  values.shrink_to_fit();  // no copy when Reserve was exact
  if constexpr (std::is_same_v<T, std::int32_t>) {
    return frame.AdoptColumn(
        id, rules::Column(frame.catalogue().field(id).storage, std::move(values)));
  } else {
    return frame.AdoptColumn(id, rules::Column(std::move(values)));
  }
}

// A zero-filled column (created on first use), as BuildFrame makes for its record's zeros.
Status YearBuilderZeros(rules::Frame& frame, std::string_view name) {
  return frame.MutableColumn(rules::Scope::kHousehold, name).status();
}

}  // namespace

YearBuilder::YearBuilder(const rules::Catalogue& catalogue, int year)
    : catalogue_(&catalogue), year_(year), out_(catalogue) {}

void YearBuilder::Reserve(std::size_t households, std::size_t members) {
  household_id_.reserve(households);
  commune_.reserve(households);
  offsets_.reserve(households + 1);
  for (auto* v : {&survey_year_, &area_, &members_, &quality_}) v->reserve(households);
  income_.reserve(households);
  area_m2_.reserve(households);
  for (auto* v : {&urban_, &water_, &latrine_, &telecom_, &info_}) v->reserve(households);
  for (auto* v : {&age_, &sex_, &relation_, &ethnicity_, &grade_, &disability_}) {
    v->reserve(members);
  }
  for (auto* v : {&insurance_, &in_school_, &trained_, &vocational_, &employed_, &sick_,
                  &malnourished_, &no_contract_, &allowance_}) {
    v->reserve(members);
  }
}

void YearBuilder::AddHousehold(std::int64_t id, UnitIndex commune, const HouseholdYear& survey,
                               bool urban) {
  auto intern = [this](std::string_view text) { return Code(text); };
  // The previous household's member count is known now.
  if (!household_id_.empty()) {
    members_.push_back(static_cast<std::int32_t>(age_.size() - offsets_.back()));
    offsets_.push_back(age_.size());
  }
  household_id_.push_back(id);
  commune_.push_back(commune);
  survey_year_.push_back(survey.year);
  area_.push_back(CachedCode(area_codes_, urban ? 1 : 0, urban ? "urban" : "rural", intern));
  urban_.push_back(urban ? 1 : 0);
  income_.push_back(survey.income_month);
  quality_.push_back(CachedCode(quality_codes_, survey.housing_quality,
                                HousingQualityCode(survey.housing_quality), intern));
  area_m2_.push_back(survey.housing_area_m2);
  water_.push_back(survey.clean_water ? 1 : 0);
  latrine_.push_back(survey.hygienic_latrine ? 1 : 0);
  telecom_.push_back(survey.telecom ? 1 : 0);
  info_.push_back(survey.info_assets ? 1 : 0);
}

void YearBuilder::AddMember(const MemberInput& m) {
  assert(!household_id_.empty());
  auto intern = [this](std::string_view text) { return Code(text); };
  age_.push_back(survey_year_.back() - m.birth_year);
  sex_.push_back(CachedCode(sex_codes_, m.sex, SexCode(m.sex), intern));
  relation_.push_back(CachedCode(relation_codes_, m.relation, RelationCode(m.relation), intern));
  if (last_ethnicity_code_ < 0 || m.ethnicity != last_ethnicity_) {
    last_ethnicity_.assign(m.ethnicity);
    last_ethnicity_code_ = Code(m.ethnicity);
  }
  ethnicity_.push_back(last_ethnicity_code_);
  const PersonYear& y = m.year;
  insurance_.push_back(y.health_insurance ? 1 : 0);
  in_school_.push_back(y.in_school ? 1 : 0);
  trained_.push_back(y.trained ? 1 : 0);
  vocational_.push_back(y.vocational_trained ? 1 : 0);
  employed_.push_back(y.employed ? 1 : 0);
  grade_.push_back(y.education_grade);
  disability_.push_back(y.disability);
  sick_.push_back(y.sick_untreated ? 1 : 0);
  malnourished_.push_back(y.malnourished ? 1 : 0);
  no_contract_.push_back(y.wage_no_contract ? 1 : 0);
  allowance_.push_back(y.social_allowance ? 1 : 0);
}

Status YearBuilder::AddMember(const Person& person, const PersonYear& year) {
  ANSINH_ASSIGN_OR_RETURN(int birth_year, rules::BirthYearOf(person.birth_date));
  MemberInput m;
  m.birth_year = birth_year;
  m.sex = person.sex;
  m.relation = person.relation;
  m.ethnicity = person.ethnicity;
  m.year = year;
  AddMember(m);
  return Status::Ok();
}

Result<SurveyYear> YearBuilder::Finish() {
  if (!household_id_.empty()) {
    members_.push_back(static_cast<std::int32_t>(age_.size() - offsets_.back()));
    offsets_.push_back(age_.size());
  }
  if (offsets_.back() > std::numeric_limits<std::uint32_t>::max()) {
    Clear();
    return Status::Internal("too many members for one frame");
  }
  std::vector<std::uint32_t> offsets(offsets_.begin(), offsets_.end());
  offsets_ = {};
  SurveyYear year = std::move(out_);
  out_ = SurveyYear(*catalogue_);
  year.year = year_;
  rules::Frame& f = year.frame;
  ANSINH_RETURN_IF_ERROR(f.SetMemberOffsets(std::move(offsets)));
  // housing_area_pc needs the member counts, known only now.
  std::vector<double> area_pc(members_.size());
  for (std::size_t i = 0; i < members_.size(); ++i) {
    area_pc[i] = members_[i] > 0 ? area_m2_[i] / members_[i] : 0.0;
  }
  const auto h = rules::Scope::kHousehold;
  const auto m = rules::Scope::kMember;
  Status s = Status::Ok();
  auto adopt = [&](std::string_view name, rules::Scope scope, auto& values) {
    if (s.ok()) s = YearBuilderAdopt(f, name, scope, values);
  };
  adopt("year", h, survey_year_);
  adopt("area", h, area_);
  adopt("urban", h, urban_);
  adopt("members", h, members_);
  adopt("income_month", h, income_);
  adopt("housing_quality", h, quality_);
  adopt("housing_area_m2", h, area_m2_);
  adopt("housing_area_pc", h, area_pc);
  adopt("clean_water", h, water_);
  adopt("hygienic_latrine", h, latrine_);
  adopt("telecom", h, telecom_);
  adopt("info_assets", h, info_);
  adopt("age", m, age_);
  adopt("sex", m, sex_);
  adopt("relation", m, relation_);
  adopt("ethnicity", m, ethnicity_);
  adopt("health_insurance", m, insurance_);
  adopt("in_school", m, in_school_);
  adopt("trained", m, trained_);
  adopt("vocational_trained", m, vocational_);
  adopt("employed", m, employed_);
  adopt("education_grade", m, grade_);
  adopt("disability", m, disability_);
  adopt("sick_untreated", m, sick_);
  adopt("malnourished", m, malnourished_);
  adopt("wage_no_contract", m, no_contract_);
  adopt("social_allowance", m, allowance_);
  for (const char* name : {"deprivation_count", "score_a", "score_b"}) {
    if (s.ok()) s = YearBuilderZeros(f, name);
  }
  year.household_id = std::move(household_id_);
  year.commune = std::move(commune_);
  Clear();
  if (!s.ok()) return s;
  return year;
}

// Back to an empty builder (the vectors handed over are left valid but unspecified).
void YearBuilder::Clear() {
  for (auto* v : {&survey_year_, &area_, &members_, &quality_, &age_, &sex_, &relation_,
                  &ethnicity_, &grade_, &disability_}) {
    *v = {};
  }
  for (auto* v : {&urban_, &water_, &latrine_, &telecom_, &info_, &insurance_, &in_school_,
                  &trained_, &vocational_, &employed_, &sick_, &malnourished_, &no_contract_,
                  &allowance_}) {
    *v = {};
  }
  household_id_ = {};
  commune_ = {};
  income_ = {};
  area_m2_ = {};
  offsets_ = {0};
  sex_codes_.fill(-1);
  relation_codes_.fill(-1);
  quality_codes_.fill(-1);
  area_codes_.fill(-1);
  last_ethnicity_.clear();
  last_ethnicity_code_ = -1;
}

}  // namespace ansinh::analytics
