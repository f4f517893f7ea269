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

Result<SurveyedHousehold> ReadHousehold(const Statement& s, int year) {
  SurveyedHousehold h;
  h.household.id = s.ColumnInt(0);
  h.household.code = s.ColumnText(1);
  h.household.commune_code = s.ColumnText(2);
  h.household.hamlet_id = s.ColumnInt(3);
  h.household.address = s.ColumnText(4);
  HouseholdYear& y = h.survey;
  y.household_id = h.household.id;
  y.year = year;
  y.income_month = s.ColumnInt(5);
  ANSINH_ASSIGN_OR_RETURN(y.housing_quality,
                          ParseHousingQuality(s.ColumnText(6), "housing_quality"));
  y.housing_area_m2 = s.ColumnDouble(7);
  y.clean_water = s.ColumnInt(8) != 0;
  y.hygienic_latrine = s.ColumnInt(9) != 0;
  y.telecom = s.ColumnInt(10) != 0;
  y.info_assets = s.ColumnInt(11) != 0;
  h.urban = s.ColumnInt(12) != 0;
  return h;
}

Result<SurveyMember> ReadMember(const Statement& s, int year) {
  SurveyMember m;
  Person& p = m.person;
  p.id = s.ColumnInt(0);
  p.household_id = s.ColumnInt(1);
  p.code = s.ColumnText(2);
  p.full_name = s.ColumnText(3);
  ANSINH_ASSIGN_OR_RETURN(p.sex, ParseSex(s.ColumnText(4), "sex"));
  p.birth_date = s.ColumnText(5);
  ANSINH_ASSIGN_OR_RETURN(p.relation, ParseRelation(s.ColumnText(6), "relation"));
  p.ethnicity = s.ColumnText(7);
  p.id_number = s.ColumnText(8);
  PersonYear& y = m.year;
  y.person_id = p.id;
  y.year = year;
  y.health_insurance = s.ColumnInt(9) != 0;
  y.in_school = s.ColumnInt(10) != 0;
  y.education_grade = static_cast<int>(s.ColumnInt(11));
  y.trained = s.ColumnInt(12) != 0;
  y.vocational_trained = s.ColumnInt(13) != 0;
  y.employed = s.ColumnInt(14) != 0;
  y.disability = static_cast<int>(s.ColumnInt(15));
  y.sick_untreated = s.ColumnInt(16) != 0;
  y.malnourished = s.ColumnInt(17) != 0;
  y.wage_no_contract = s.ColumnInt(18) != 0;
  y.social_allowance = s.ColumnInt(19) != 0;
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
