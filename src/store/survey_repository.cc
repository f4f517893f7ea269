// SurveyRepository: the annual survey answers of households and of their members, one row per
// (household, year) and (person, year), inserted or replaced.
#include <functional>

#include "core/validation.h"
#include "store/internal.h"

namespace ansinh::store {
namespace {

constexpr std::string_view kSelectHouseholdYear =
    "SELECT household_id, year, income_month, housing_quality, housing_area_m2, clean_water, "
    "hygienic_latrine, telecom, info_assets FROM household_years ";

#define ANSINH_PERSON_YEAR_COLUMNS                                                          \
  "SELECT y.person_id, y.year, y.health_insurance, y.in_school, y.education_grade, y.trained, " \
  "y.vocational_trained, y.employed, y.disability, y.sick_untreated, y.malnourished, "         \
  "y.wage_no_contract, y.social_allowance "
constexpr std::string_view kSelectPersonYear = ANSINH_PERSON_YEAR_COLUMNS "FROM person_years y ";
// Persons first (CROSS JOIN keeps the order): without statistics SQLite would otherwise walk the
// whole year's person_years_by_year (1.2 million rows on the demo, 1.6 s a call) instead of the
// household's few persons through persons_by_household.
constexpr std::string_view kSelectPersonYearsOfHousehold =
    ANSINH_PERSON_YEAR_COLUMNS
    "FROM persons p CROSS JOIN person_years y ON y.person_id = p.id AND y.year = ?2 "
    "WHERE p.household_id = ?1 ORDER BY p.id";
#undef ANSINH_PERSON_YEAR_COLUMNS

Result<HouseholdYear> ReadHouseholdYear(const Statement& s) {
  HouseholdYear y;
  y.household_id = s.ColumnInt(0);
  y.year = static_cast<int>(s.ColumnInt(1));
  ANSINH_RETURN_IF_ERROR(internal::ReadHouseholdAnswers(s, 2, y));
  return y;
}

PersonYear ReadPersonYear(const Statement& s) {
  PersonYear y;
  y.person_id = s.ColumnInt(0);
  y.year = static_cast<int>(s.ColumnInt(1));
  internal::ReadPersonAnswers(s, 2, y);
  return y;
}

Status CheckExists(Database& db, std::string_view sql, std::int64_t id, std::string_view field,
                   std::string_view what_vi, std::string_view what_en) {
  ANSINH_ASSIGN_OR_RETURN(auto row, internal::LoadRow(db, sql, {id}));
  if (row) return Status::Ok();
  return internal::NotFound(field, std::to_string(id), what_vi, what_en);
}

// Runs `upsert` between loading the row before and after, and audits the difference. True when
// something changed (the caller commits only then).
Result<bool> AuditedUpsert(Database& db, const Clock& clock, const Actor& actor,
                           std::string_view table, std::string_view select_sql, std::int64_t id,
                           int year, const std::function<Status()>& upsert) {
  ANSINH_ASSIGN_OR_RETURN(auto before, internal::LoadRow(db, select_sql, {id, year}));
  ANSINH_RETURN_IF_ERROR(upsert());
  ANSINH_ASSIGN_OR_RETURN(auto after, internal::LoadRow(db, select_sql, {id, year}));
  const std::string key = std::to_string(id) + "/" + std::to_string(year);
  return internal::RecordChange(db, clock, actor, table, key, before, after);
}

}  // namespace

Status SurveyRepository::PutHouseholdYear(const HouseholdYear& y, const Actor& actor) {
  ANSINH_RETURN_IF_ERROR(ValidateHouseholdYear(y));
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  ANSINH_RETURN_IF_ERROR(CheckExists(*db_, "SELECT 1 FROM households WHERE id = ?1", y.household_id,
                                     "household", "không có hộ này", "no such household"));
  ANSINH_ASSIGN_OR_RETURN(
      bool changed,
      AuditedUpsert(
          *db_, *clock_, actor, "household_year",
          "SELECT * FROM household_years WHERE household_id = ?1 AND year = ?2", y.household_id,
          y.year, [&] {
            return db_->Execute(
                "INSERT INTO household_years (household_id, year, income_month, housing_quality, "
                "housing_area_m2, clean_water, hygienic_latrine, telecom, info_assets) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (household_id, year) DO "
                "UPDATE SET income_month = excluded.income_month, "
                "housing_quality = excluded.housing_quality, "
                "housing_area_m2 = excluded.housing_area_m2, clean_water = excluded.clean_water, "
                "hygienic_latrine = excluded.hygienic_latrine, telecom = excluded.telecom, "
                "info_assets = excluded.info_assets",
                {y.household_id, y.year, y.income_month, HousingQualityCode(y.housing_quality),
                 y.housing_area_m2, y.clean_water, y.hygienic_latrine, y.telecom, y.info_assets});
          }));
  if (!changed) return Status::Ok();  // the transaction rolls back: nothing to keep
  return tx.Commit();
}

Result<std::optional<HouseholdYear>> SurveyRepository::GetHouseholdYear(std::int64_t household_id,
                                                                        int year) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare(std::string(kSelectHouseholdYear) +
                                                           "WHERE household_id = ?1 AND year = ?2",
                                                       {household_id, year}));
  ANSINH_ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return std::optional<HouseholdYear>();
  ANSINH_ASSIGN_OR_RETURN(HouseholdYear y, ReadHouseholdYear(stmt));
  return std::optional<HouseholdYear>(std::move(y));
}

Result<std::vector<HouseholdYear>> SurveyRepository::HouseholdYears(std::int64_t household_id) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare(std::string(kSelectHouseholdYear) +
                                                           "WHERE household_id = ?1 ORDER BY year",
                                                       {household_id}));
  std::vector<HouseholdYear> years;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return years;
    ANSINH_ASSIGN_OR_RETURN(HouseholdYear y, ReadHouseholdYear(stmt));
    years.push_back(std::move(y));
  }
}

Status SurveyRepository::PutPersonYear(const PersonYear& y, const Actor& actor) {
  ANSINH_RETURN_IF_ERROR(ValidatePersonYear(y));
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  ANSINH_RETURN_IF_ERROR(CheckExists(*db_, "SELECT 1 FROM persons WHERE id = ?1", y.person_id,
                                     "person", "không có nhân khẩu này", "no such person"));
  ANSINH_ASSIGN_OR_RETURN(
      bool changed,
      AuditedUpsert(*db_, *clock_, actor, "person_year",
                    "SELECT * FROM person_years WHERE person_id = ?1 AND year = ?2", y.person_id,
                    y.year, [&] {
                      return db_->Execute(
                          "INSERT OR REPLACE INTO person_years (person_id, year, health_insurance, "
                          "in_school, "
                          "education_grade, trained, vocational_trained, employed, disability, "
                          "sick_untreated, "
                          "malnourished, wage_no_contract, social_allowance) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                          {y.person_id, y.year, y.health_insurance, y.in_school, y.education_grade,
                           y.trained, y.vocational_trained, y.employed, y.disability,
                           y.sick_untreated, y.malnourished, y.wage_no_contract,
                           y.social_allowance});
                    }));
  if (!changed) return Status::Ok();  // the transaction rolls back: nothing to keep
  return tx.Commit();
}

Result<std::optional<PersonYear>> SurveyRepository::GetPersonYear(std::int64_t person_id,
                                                                  int year) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare(std::string(kSelectPersonYear) +
                                                           "WHERE y.person_id = ?1 AND y.year = ?2",
                                                       {person_id, year}));
  ANSINH_ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return std::optional<PersonYear>();
  return std::optional<PersonYear>(ReadPersonYear(stmt));
}

Result<std::vector<PersonYear>> SurveyRepository::PersonYearsOfHousehold(std::int64_t household_id,
                                                                         int year) {
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare(kSelectPersonYearsOfHousehold, {household_id, year}));
  std::vector<PersonYear> years;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return years;
    years.push_back(ReadPersonYear(stmt));
  }
}

}  // namespace ansinh::store
