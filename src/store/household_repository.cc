// HouseholdRepository, households half: add, read, list, edit and remove households. Members are
// in person_repository.cc.
#include "core/text.h"
#include "core/validation.h"
#include "store/internal.h"
#include "store/person_internal.h"
#include "store/unit_internal.h"

namespace ansinh::store {
namespace {

using internal::Json;

constexpr std::string_view kSelectHousehold =
    "SELECT h.id, h.code, h.commune_code, h.hamlet_id, m.name, h.address "
    "FROM households h JOIN hamlets m ON m.id = h.hamlet_id ";

Household ReadHousehold(const Statement& s) {
  Household h;
  h.id = s.ColumnInt(0);
  h.code = s.ColumnText(1);
  h.commune_code = s.ColumnText(2);
  h.hamlet_id = s.ColumnInt(3);
  h.hamlet_name = s.ColumnText(4);
  h.address = s.ColumnText(5);
  return h;
}

// Trims the typed fields and brings text to NFC, as the registry stores it.
Household Normalized(const Household& in) {
  Household h = in;
  h.code = std::string(Trim(h.code));
  h.commune_code = std::string(Trim(h.commune_code));
  h.hamlet_name = NormalizeNfc(Trim(h.hamlet_name));
  h.address = NormalizeNfc(Trim(h.address));
  return h;
}

Result<std::optional<Json>> LoadHouseholdRow(Database& db, std::int64_t id) {
  return internal::LoadRow(db, "SELECT * FROM households WHERE id = ?1", {id});
}

Status HouseholdNotFound(std::int64_t id) {
  return internal::NotFound("household", std::to_string(id), "không có hộ này",
                            "no such household");
}

// The id the next insert will get: AUTOINCREMENT never reuses one.
Result<std::int64_t> NextHouseholdId(Database& db) {
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'households'),"
                 " 0), COALESCE((SELECT MAX(id) FROM households), 0)) + 1"));
  ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
  (void)row;
  return stmt.ColumnInt(0);
}

Status CheckCommune(Database& db, std::string_view code) {
  ANSINH_ASSIGN_OR_RETURN(bool exists, internal::CommuneExists(db, code));
  if (exists) return Status::Ok();
  return internal::NotFound("commune", code, "mã xã không có trong tỉnh", "unknown commune code");
}

std::string GeneratedCode(std::string_view commune_code, std::int64_t id) {
  return std::string(commune_code) + "-" + std::to_string(id);
}

}  // namespace

Result<Household> HouseholdRepository::Add(const Household& input, const Actor& actor) {
  Household h = Normalized(input);
  ANSINH_RETURN_IF_ERROR(ValidateHousehold(h));
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  ANSINH_RETURN_IF_ERROR(CheckCommune(*db_, h.commune_code));
  ANSINH_ASSIGN_OR_RETURN(Hamlet hamlet, internal::FindOrCreateHamlet(
                                             *db_, *clock_, actor, h.commune_code, h.hamlet_name));
  ANSINH_ASSIGN_OR_RETURN(std::int64_t id, NextHouseholdId(*db_));
  if (h.code.empty()) h.code = GeneratedCode(h.commune_code, id);
  ANSINH_RETURN_IF_ERROR(internal::NameConflict(
      db_->Execute("INSERT INTO households (id, code, commune_code, hamlet_id, address, created_at)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                   {id, h.code, h.commune_code, hamlet.id, h.address, clock_->NowIso()}),
      "code", h.code));
  ANSINH_ASSIGN_OR_RETURN(auto after, LoadHouseholdRow(*db_, id));
  ANSINH_RETURN_IF_ERROR(internal::RecordChange(*db_, *clock_, actor, "household",
                                                std::to_string(id), std::nullopt, after)
                             .status());
  ANSINH_RETURN_IF_ERROR(tx.Commit());
  return Get(id);
}

Result<Household> HouseholdRepository::Get(std::int64_t id) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt,
                          db_->Prepare(std::string(kSelectHousehold) + "WHERE h.id = ?1", {id}));
  ANSINH_ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return HouseholdNotFound(id);
  return ReadHousehold(stmt);
}

Result<std::optional<Household>> HouseholdRepository::FindByCode(std::string_view code) {
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt, db_->Prepare(std::string(kSelectHousehold) + "WHERE h.code = ?1", {code}));
  ANSINH_ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return std::optional<Household>();
  return std::optional<Household>(ReadHousehold(stmt));
}

Result<std::vector<Household>> HouseholdRepository::List(const HouseholdFilter& filter) {
  if (!filter.unit_code.empty()) {
    ANSINH_ASSIGN_OR_RETURN(
        Statement unit,
        db_->Prepare("SELECT 1 FROM admin_units WHERE code = ?1", {filter.unit_code}));
    ANSINH_ASSIGN_OR_RETURN(bool exists, unit.Step());
    if (!exists) {
      return internal::NotFound("unit", filter.unit_code, "không có đơn vị hành chính này",
                                "no such administrative unit");
    }
  }
  // A commune, a district (its communes) or a province (its districts' communes).
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare(std::string(kSelectHousehold) +
                       "WHERE ?1 = '' OR h.commune_code IN (SELECT code FROM admin_units "
                       "WHERE code = ?1 OR parent_code = ?1 OR parent_code IN "
                       "(SELECT code FROM admin_units WHERE parent_code = ?1)) "
                       "ORDER BY h.id LIMIT ?2 OFFSET ?3",
                   {filter.unit_code, filter.limit, filter.offset}));
  std::vector<Household> households;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return households;
    households.push_back(ReadHousehold(stmt));
  }
}

Status HouseholdRepository::Update(const Household& input, const Actor& actor) {
  Household h = Normalized(input);
  ANSINH_RETURN_IF_ERROR(ValidateHousehold(h));
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  ANSINH_ASSIGN_OR_RETURN(auto before, LoadHouseholdRow(*db_, h.id));
  if (!before) return HouseholdNotFound(h.id);
  ANSINH_RETURN_IF_ERROR(CheckCommune(*db_, h.commune_code));
  ANSINH_ASSIGN_OR_RETURN(Hamlet hamlet, internal::FindOrCreateHamlet(
                                             *db_, *clock_, actor, h.commune_code, h.hamlet_name));
  if (h.code.empty()) h.code = GeneratedCode(h.commune_code, h.id);
  ANSINH_RETURN_IF_ERROR(internal::NameConflict(
      db_->Execute("UPDATE households SET code = ?2, commune_code = ?3, hamlet_id = ?4, "
                   "address = ?5 WHERE id = ?1",
                   {h.id, h.code, h.commune_code, hamlet.id, h.address}),
      "code", h.code));
  ANSINH_ASSIGN_OR_RETURN(auto after, LoadHouseholdRow(*db_, h.id));
  ANSINH_ASSIGN_OR_RETURN(
      bool changed, internal::RecordChange(*db_, *clock_, actor, "household", std::to_string(h.id),
                                           before, after));
  if (!changed) return Status::Ok();  // nothing to keep: the transaction rolls back
  return tx.Commit();
}

Status HouseholdRepository::Remove(std::int64_t id, const Actor& actor) {
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  ANSINH_ASSIGN_OR_RETURN(auto before, LoadHouseholdRow(*db_, id));
  if (!before) return HouseholdNotFound(id);
  ANSINH_ASSIGN_OR_RETURN(
      Statement members,
      db_->Prepare("SELECT id FROM persons WHERE household_id = ?1 ORDER BY id", {id}));
  std::vector<std::int64_t> person_ids;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, members.Step());
    if (!row) break;
    person_ids.push_back(members.ColumnInt(0));
  }
  for (std::int64_t person_id : person_ids) {
    ANSINH_RETURN_IF_ERROR(internal::DeletePerson(*db_, *clock_, actor, person_id));
  }
  ANSINH_RETURN_IF_ERROR(internal::DeleteAudited(
      *db_, *clock_, actor, "household_year",
      "SELECT household_id || '/' || year, * FROM household_years WHERE household_id = ?1",
      "DELETE FROM household_years WHERE household_id = ?1", id));
  ANSINH_RETURN_IF_ERROR(internal::DeleteAudited(
      *db_, *clock_, actor, "classification",
      "SELECT household_id || '/' || year || '/' || standard_id, * FROM classifications "
      "WHERE household_id = ?1",
      "DELETE FROM classifications WHERE household_id = ?1", id));
  ANSINH_RETURN_IF_ERROR(db_->Execute("DELETE FROM households WHERE id = ?1", {id}));
  ANSINH_RETURN_IF_ERROR(internal::RecordChange(*db_, *clock_, actor, "household",
                                                std::to_string(id), before, std::nullopt)
                             .status());
  return tx.Commit();
}

}  // namespace ansinh::store
