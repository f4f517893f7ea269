#include "io/json.h"

namespace ansinh::io {

nlohmann::json ToJson(const Household& h) {
  return {{"id", h.id},           {"household_id", h.code}, {"commune_code", h.commune_code},
          {"hamlet", h.hamlet_name}, {"hamlet_id", h.hamlet_id}, {"address", h.address}};
}

nlohmann::json ToJson(const Person& p) {
  return {{"id", p.id},
          {"person_id", p.code},
          {"household", p.household_id},
          {"full_name", p.full_name},
          {"sex", SexCode(p.sex)},
          {"birth_date", p.birth_date},
          {"relation", RelationCode(p.relation)},
          {"ethnicity", p.ethnicity},
          {"id_number", p.id_number}};
}

nlohmann::json ToJson(const HouseholdYear& y) {
  return {{"household", y.household_id},
          {"year", y.year},
          {"income_month", y.income_month},
          {"housing_quality", HousingQualityCode(y.housing_quality)},
          {"housing_area_m2", y.housing_area_m2},
          {"clean_water", y.clean_water},
          {"hygienic_latrine", y.hygienic_latrine},
          {"telecom", y.telecom},
          {"info_assets", y.info_assets}};
}

nlohmann::json ToJson(const PersonYear& y) {
  return {{"person", y.person_id},
          {"year", y.year},
          {"health_insurance", y.health_insurance},
          {"in_school", y.in_school},
          {"education_grade", y.education_grade},
          {"trained", y.trained},
          {"vocational_trained", y.vocational_trained},
          {"employed", y.employed},
          {"disability", y.disability},
          {"sick_untreated", y.sick_untreated},
          {"malnourished", y.malnourished},
          {"wage_no_contract", y.wage_no_contract},
          {"social_allowance", y.social_allowance}};
}

}  // namespace ansinh::io
