// SurveyRepository::YearSnapshot: every household surveyed in a year with its members' surveys,
// read in two ordered scans (households, then members) and merged, for classification.
#include "store/internal.h"

namespace ansinh::store {
namespace {

constexpr std::string_view kHouseholds =
    "SELECT h.id, h.code, h.commune_code, h.hamlet_id, h.address, y.income_month, "
    "y.housing_quality, y.housing_area_m2, y.clean_water, y.hygienic_latrine, y.telecom, "
    "y.info_assets, u.urban FROM household_years y JOIN households h ON h.id = y.household_id "
    "JOIN admin_units u ON u.code = h.commune_code WHERE y.year = ?1 ORDER BY h.id";

constexpr std::string_view kMembers =
    "SELECT p.id, p.household_id, p.code, p.full_name, p.sex, p.birth_date, p.relation, "
    "p.ethnicity, p.id_number, y.health_insurance, y.in_school, y.education_grade, y.trained, "
    "y.vocational_trained, y.employed, y.disability, y.sick_untreated, y.malnourished, "
    "y.wage_no_contract, y.social_allowance FROM person_years y JOIN persons p ON p.id = "
    "y.person_id WHERE y.year = ?1 ORDER BY p.household_id, p.relation <> 'head', p.id";

// Columns 0-4 the household, 5-11 its answers, 12 the commune's urban flag.
Result<SurveyedHousehold> ReadHousehold(const Statement& s, int year) {
  SurveyedHousehold h;
  h.household.id = s.ColumnInt(0);
  h.household.code = s.ColumnText(1);
  h.household.commune_code = s.ColumnText(2);
  h.household.hamlet_id = s.ColumnInt(3);
  h.household.address = s.ColumnText(4);
  h.survey.household_id = h.household.id;
  h.survey.year = year;
  ANSINH_RETURN_IF_ERROR(internal::ReadHouseholdAnswers(s, 5, h.survey));
  h.urban = s.ColumnInt(12) != 0;
  return h;
}

// Columns 0-8 the person, 9-19 their answers.
Result<SurveyMember> ReadMember(const Statement& s, int year) {
  SurveyMember m;
  ANSINH_ASSIGN_OR_RETURN(m.person, internal::ReadPerson(s, 0));
  m.year.person_id = m.person.id;
  m.year.year = year;
  internal::ReadPersonAnswers(s, 9, m.year);
  return m;
}

}  // namespace

Result<std::vector<SurveyedHousehold>> SurveyRepository::YearSnapshot(int year) {
  std::vector<SurveyedHousehold> households;
  ANSINH_ASSIGN_OR_RETURN(Statement hs, db_->Prepare(kHouseholds, {year}));
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, hs.Step());
    if (!row) break;
    ANSINH_ASSIGN_OR_RETURN(SurveyedHousehold h, ReadHousehold(hs, year));
    households.push_back(std::move(h));
  }
  // Both scans are in household-id order: merge. A member whose household has no survey that
  // year is not part of the snapshot.
  ANSINH_ASSIGN_OR_RETURN(Statement ms, db_->Prepare(kMembers, {year}));
  std::size_t at = 0;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, ms.Step());
    if (!row) break;
    ANSINH_ASSIGN_OR_RETURN(SurveyMember m, ReadMember(ms, year));
    while (at < households.size() && households[at].household.id < m.person.household_id) ++at;
    if (at < households.size() && households[at].household.id == m.person.household_id) {
      households[at].members.push_back(std::move(m));
    }
  }
  return households;
}

}  // namespace ansinh::store
