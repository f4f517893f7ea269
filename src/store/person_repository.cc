// HouseholdRepository, members half: add, read, edit and remove the persons of a household.
#include "core/text.h"
#include "core/validation.h"
#include "store/internal.h"
#include "store/person_internal.h"

namespace ansinh::store {
namespace {

constexpr std::string_view kSelectPerson =
    "SELECT id, household_id, code, full_name, sex, birth_date, relation, ethnicity, id_number "
    "FROM persons ";

Person Normalized(const Person& in) {
  Person p = in;
  p.full_name = NormalizeNfc(Trim(p.full_name));
  p.code = std::string(Trim(p.code));
  p.birth_date = std::string(Trim(p.birth_date));
  p.ethnicity = NormalizeNfc(Trim(p.ethnicity));
  p.id_number = std::string(Trim(p.id_number));
  return p;
}

Result<std::optional<internal::Json>> LoadPersonRow(Database& db, std::int64_t id) {
  return internal::LoadRow(db, "SELECT * FROM persons WHERE id = ?1", {id});
}

Status PersonNotFound(std::int64_t id) {
  return internal::NotFound("person", std::to_string(id), "không có nhân khẩu này",
                            "no such person");
}

Status CheckHousehold(Database& db, std::int64_t household_id) {
  ANSINH_ASSIGN_OR_RETURN(
      auto row, internal::LoadRow(db, "SELECT 1 FROM households WHERE id = ?1", {household_id}));
  if (row) return Status::Ok();
  return internal::NotFound("household", std::to_string(household_id), "không có hộ này",
                            "no such household");
}

// The column values of `p`, bound as ?2.. after the id (?1) in INSERT and UPDATE.
Status WritePerson(Database& db, std::string_view sql, std::int64_t id, const Person& p) {
  return internal::NameConflict(
      db.Execute(sql, {id == 0 ? SqlValue(nullptr) : SqlValue(id), p.household_id,
                       SqlValue::TextOrNull(p.code), p.full_name, SearchKey(p.full_name),
                       SexCode(p.sex), p.birth_date, RelationCode(p.relation), p.ethnicity,
                       SqlValue::TextOrNull(p.id_number)}),
      "code", p.code);
}

}  // namespace

namespace internal {

Status DeletePerson(Database& db, const Clock& clock, const Actor& actor, std::int64_t person_id) {
  ANSINH_RETURN_IF_ERROR(DeleteAudited(
      db, clock, actor, "person_year",
      "SELECT person_id || '/' || year, * FROM person_years WHERE person_id = ?1 ORDER BY year",
      "DELETE FROM person_years WHERE person_id = ?1", person_id));
  return DeleteAudited(db, clock, actor, "person", "SELECT id, * FROM persons WHERE id = ?1",
                       "DELETE FROM persons WHERE id = ?1", person_id);
}

}  // namespace internal

Result<Person> HouseholdRepository::AddPerson(const Person& input, const Actor& actor) {
  Person p = Normalized(input);
  ANSINH_RETURN_IF_ERROR(ValidatePerson(p, *clock_));
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  ANSINH_RETURN_IF_ERROR(CheckHousehold(*db_, p.household_id));
  ANSINH_RETURN_IF_ERROR(WritePerson(
      *db_,
      "INSERT INTO persons (id, household_id, code, full_name, search_key, sex, birth_date, "
      "relation, ethnicity, id_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
      0, p));
  const std::int64_t id = db_->LastInsertRowId();
  ANSINH_ASSIGN_OR_RETURN(auto after, LoadPersonRow(*db_, id));
  ANSINH_RETURN_IF_ERROR(internal::RecordChange(*db_, *clock_, actor, "person", std::to_string(id),
                                                std::nullopt, after)
                             .status());
  ANSINH_RETURN_IF_ERROR(tx.Commit());
  return GetPerson(id);
}

Result<Person> HouseholdRepository::GetPerson(std::int64_t id) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt,
                          db_->Prepare(std::string(kSelectPerson) + "WHERE id = ?1", {id}));
  ANSINH_ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return PersonNotFound(id);
  return internal::ReadPerson(stmt, 0);
}

Status HouseholdRepository::UpdatePerson(const Person& input, const Actor& actor) {
  Person p = Normalized(input);
  ANSINH_RETURN_IF_ERROR(ValidatePerson(p, *clock_));
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  ANSINH_ASSIGN_OR_RETURN(auto before, LoadPersonRow(*db_, p.id));
  if (!before) return PersonNotFound(p.id);
  ANSINH_RETURN_IF_ERROR(CheckHousehold(*db_, p.household_id));
  ANSINH_RETURN_IF_ERROR(WritePerson(
      *db_,
      "UPDATE persons SET household_id = ?2, code = ?3, full_name = ?4, search_key = ?5, "
      "sex = ?6, birth_date = ?7, relation = ?8, ethnicity = ?9, id_number = ?10 WHERE id = ?1",
      p.id, p));
  ANSINH_ASSIGN_OR_RETURN(auto after, LoadPersonRow(*db_, p.id));
  ANSINH_ASSIGN_OR_RETURN(
      bool changed,
      internal::RecordChange(*db_, *clock_, actor, "person", std::to_string(p.id), before, after));
  if (!changed) return Status::Ok();  // the transaction rolls back: nothing to keep
  return tx.Commit();
}

Status HouseholdRepository::RemovePerson(std::int64_t id, const Actor& actor) {
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  ANSINH_ASSIGN_OR_RETURN(auto before, LoadPersonRow(*db_, id));
  if (!before) return PersonNotFound(id);
  ANSINH_RETURN_IF_ERROR(internal::DeletePerson(*db_, *clock_, actor, id));
  return tx.Commit();
}

Result<std::vector<Person>> HouseholdRepository::Members(std::int64_t household_id) {
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare(std::string(kSelectPerson) +
                       "WHERE household_id = ?1 ORDER BY relation = 'head' DESC, id",
                   {household_id}));
  std::vector<Person> members;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return members;
    ANSINH_ASSIGN_OR_RETURN(Person p, internal::ReadPerson(stmt, 0));
    members.push_back(std::move(p));
  }
}

}  // namespace ansinh::store
