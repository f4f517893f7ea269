#include "rules/frame_builder.h"

#include <string>

namespace ansinh::rules {
namespace {

// Looks fields up by name once; a missing one means RegisterCoreFields was not called.
class Filler {
 public:
  explicit Filler(Frame& frame) : frame_(frame) {}

  Result<Column*> Get(Scope scope, const char* name) {
    Result<Column*> column = frame_.MutableColumn(scope, name);
    if (!column.ok()) return Status::Internal(std::string("catalogue lacks field ") + name);
    return column;
  }

 private:
  Frame& frame_;
};

Status FillLine(Frame& frame, std::span<const HouseholdRecord> households, const char* name,
                std::optional<Vnd> HouseholdRecord::*line) {
  std::size_t present = 0;
  for (const HouseholdRecord& h : households) present += (h.*line).has_value() ? 1 : 0;
  if (present == 0) return Status::Ok();
  if (present != households.size()) {
    return Status::Invalid(name, "", "chỉ một số hộ có chuẩn này",
                           "only some households have this line");
  }
  ANSINH_ASSIGN_OR_RETURN(Column * column, frame.MutableColumn(Scope::kHousehold, name));
  for (std::size_t i = 0; i < households.size(); ++i) column->int64s()[i] = *(households[i].*line);
  return Status::Ok();
}

Status FillHouseholds(Frame& frame, std::span<const HouseholdRecord> households) {
  Filler f(frame);
  const auto h = Scope::kHousehold;
  ANSINH_ASSIGN_OR_RETURN(Column * year, f.Get(h, "year"));
  ANSINH_ASSIGN_OR_RETURN(Column * area, f.Get(h, "area"));
  ANSINH_ASSIGN_OR_RETURN(Column * urban, f.Get(h, "urban"));
  ANSINH_ASSIGN_OR_RETURN(Column * members, f.Get(h, "members"));
  ANSINH_ASSIGN_OR_RETURN(Column * income, f.Get(h, "income_month"));
  ANSINH_ASSIGN_OR_RETURN(Column * quality, f.Get(h, "housing_quality"));
  ANSINH_ASSIGN_OR_RETURN(Column * area_m2, f.Get(h, "housing_area_m2"));
  ANSINH_ASSIGN_OR_RETURN(Column * area_pc, f.Get(h, "housing_area_pc"));
  ANSINH_ASSIGN_OR_RETURN(Column * water, f.Get(h, "clean_water"));
  ANSINH_ASSIGN_OR_RETURN(Column * latrine, f.Get(h, "hygienic_latrine"));
  ANSINH_ASSIGN_OR_RETURN(Column * telecom, f.Get(h, "telecom"));
  ANSINH_ASSIGN_OR_RETURN(Column * info, f.Get(h, "info_assets"));
  ANSINH_ASSIGN_OR_RETURN(Column * deprivations, f.Get(h, "deprivation_count"));
  ANSINH_ASSIGN_OR_RETURN(Column * score_a, f.Get(h, "score_a"));
  ANSINH_ASSIGN_OR_RETURN(Column * score_b, f.Get(h, "score_b"));
  Dictionary& dict = frame.dictionary();
  for (std::size_t i = 0; i < households.size(); ++i) {
    const HouseholdRecord& r = households[i];
    const int n = static_cast<int>(r.members.size());
    year->int32s()[i] = r.survey.year;
    area->int32s()[i] = dict.Intern(r.urban ? "urban" : "rural");
    urban->bools()[i] = r.urban ? 1 : 0;
    members->int32s()[i] = n;
    income->int64s()[i] = r.survey.income_month;
    quality->int32s()[i] = dict.Intern(HousingQualityCode(r.survey.housing_quality));
    area_m2->decimals()[i] = r.survey.housing_area_m2;
    area_pc->decimals()[i] = n > 0 ? r.survey.housing_area_m2 / n : 0.0;
    water->bools()[i] = r.survey.clean_water ? 1 : 0;
    latrine->bools()[i] = r.survey.hygienic_latrine ? 1 : 0;
    telecom->bools()[i] = r.survey.telecom ? 1 : 0;
    info->bools()[i] = r.survey.info_assets ? 1 : 0;
    deprivations->int32s()[i] = r.deprivation_count;
    score_a->int32s()[i] = r.score_a;
    score_b->int32s()[i] = r.score_b;
  }
  ANSINH_RETURN_IF_ERROR(FillLine(frame, households, "line.poor", &HouseholdRecord::line_poor));
  ANSINH_RETURN_IF_ERROR(
      FillLine(frame, households, "line.near_poor", &HouseholdRecord::line_near_poor));
  return FillLine(frame, households, "line.middle", &HouseholdRecord::line_middle);
}

struct MemberColumns {
  Column *age, *sex, *relation, *ethnicity, *insurance, *in_school, *trained, *vocational,
      *employed, *grade, *disability, *sick, *malnourished, *no_contract, *allowance;
};

Result<MemberColumns> GetMemberColumns(Frame& frame) {
  Filler f(frame);
  const auto m = Scope::kMember;
  MemberColumns c{};
  ANSINH_ASSIGN_OR_RETURN(c.age, f.Get(m, "age"));
  ANSINH_ASSIGN_OR_RETURN(c.sex, f.Get(m, "sex"));
  ANSINH_ASSIGN_OR_RETURN(c.relation, f.Get(m, "relation"));
  ANSINH_ASSIGN_OR_RETURN(c.ethnicity, f.Get(m, "ethnicity"));
  ANSINH_ASSIGN_OR_RETURN(c.insurance, f.Get(m, "health_insurance"));
  ANSINH_ASSIGN_OR_RETURN(c.in_school, f.Get(m, "in_school"));
  ANSINH_ASSIGN_OR_RETURN(c.trained, f.Get(m, "trained"));
  ANSINH_ASSIGN_OR_RETURN(c.vocational, f.Get(m, "vocational_trained"));
  ANSINH_ASSIGN_OR_RETURN(c.employed, f.Get(m, "employed"));
  ANSINH_ASSIGN_OR_RETURN(c.grade, f.Get(m, "education_grade"));
  ANSINH_ASSIGN_OR_RETURN(c.disability, f.Get(m, "disability"));
  ANSINH_ASSIGN_OR_RETURN(c.sick, f.Get(m, "sick_untreated"));
  ANSINH_ASSIGN_OR_RETURN(c.malnourished, f.Get(m, "malnourished"));
  ANSINH_ASSIGN_OR_RETURN(c.no_contract, f.Get(m, "wage_no_contract"));
  ANSINH_ASSIGN_OR_RETURN(c.allowance, f.Get(m, "social_allowance"));
  return c;
}

Status FillMembers(Frame& frame, std::span<const HouseholdRecord> households) {
  ANSINH_ASSIGN_OR_RETURN(MemberColumns c, GetMemberColumns(frame));
  Dictionary& dict = frame.dictionary();
  std::size_t row = 0;
  for (const HouseholdRecord& h : households) {
    for (const MemberRecord& m : h.members) {
      ANSINH_ASSIGN_OR_RETURN(int birth_year, BirthYearOf(m.person.birth_date));
      const PersonYear& y = m.year;
      c.age->int32s()[row] = h.survey.year - birth_year;
      c.sex->int32s()[row] = dict.Intern(SexCode(m.person.sex));
      c.relation->int32s()[row] = dict.Intern(RelationCode(m.person.relation));
      c.ethnicity->int32s()[row] = dict.Intern(m.person.ethnicity);
      c.insurance->bools()[row] = y.health_insurance ? 1 : 0;
      c.in_school->bools()[row] = y.in_school ? 1 : 0;
      c.trained->bools()[row] = y.trained ? 1 : 0;
      c.vocational->bools()[row] = y.vocational_trained ? 1 : 0;
      c.employed->bools()[row] = y.employed ? 1 : 0;
      c.grade->int32s()[row] = y.education_grade;
      c.disability->int32s()[row] = y.disability;
      c.sick->bools()[row] = y.sick_untreated ? 1 : 0;
      c.malnourished->bools()[row] = y.malnourished ? 1 : 0;
      c.no_contract->bools()[row] = y.wage_no_contract ? 1 : 0;
      c.allowance->bools()[row] = y.social_allowance ? 1 : 0;
      ++row;
    }
  }
  return Status::Ok();
}

}  // namespace

Result<int> BirthYearOf(std::string_view date) {
  int year = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (i >= date.size() || date[i] < '0' || date[i] > '9') {
      return Status::Invalid("birth_date", std::string(date), "năm sinh không hợp lệ",
                             "invalid birth year");
    }
    year = year * 10 + (date[i] - '0');
  }
  return year;
}

Result<Frame> BuildFrame(const Catalogue& catalogue, std::span<const HouseholdRecord> households) {
  std::vector<std::uint32_t> offsets{0};
  offsets.reserve(households.size() + 1);
  std::uint64_t total = 0;
  for (const HouseholdRecord& h : households) {
    total += h.members.size();
    if (total > UINT32_MAX) return Status::Internal("too many members for one frame");
    offsets.push_back(static_cast<std::uint32_t>(total));
  }
  Frame frame(catalogue);
  ANSINH_RETURN_IF_ERROR(frame.SetMemberOffsets(std::move(offsets)));
  ANSINH_RETURN_IF_ERROR(FillHouseholds(frame, households));
  ANSINH_RETURN_IF_ERROR(FillMembers(frame, households));
  return frame;
}

}  // namespace ansinh::rules
