// UnitRepository: the province's administrative tree and the hamlets of its communes.
#include <algorithm>

#include "core/text.h"
#include "store/internal.h"
#include "store/unit_internal.h"

namespace ansinh::store {
namespace {

using internal::Json;

constexpr std::string_view kUnitColumns = "code, name, type, level, parent_code, urban";

AdminUnit ReadUnit(const Statement& s) {
  AdminUnit u;
  u.code = s.ColumnText(0);
  u.name = s.ColumnText(1);
  u.type = s.ColumnText(2);
  u.level = static_cast<UnitLevel>(s.ColumnInt(3));
  u.parent_code = s.ColumnText(4);
  u.urban = s.ColumnInt(5) != 0;
  return u;
}

Result<std::vector<AdminUnit>> ReadUnits(Statement& stmt) {
  std::vector<AdminUnit> units;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return units;
    units.push_back(ReadUnit(stmt));
  }
}

Status ValidateUnit(const AdminUnit& u) {
  ANSINH_RETURN_IF_ERROR(ValidateUnitCode(u.code, u.level, "code"));
  if (u.name.empty() || !IsValidUtf8(u.name)) {
    return Status::Invalid("name", u.name, "tên đơn vị trống hoặc không phải UTF-8",
                           "the unit name is empty or not UTF-8");
  }
  const bool province = u.level == UnitLevel::kProvince;
  if (province != u.parent_code.empty()) {
    return Status::Invalid("parent_code", u.parent_code, "chỉ tỉnh không có đơn vị cấp trên",
                           "only a province has no parent unit");
  }
  return Status::Ok();
}

Status InsertUnit(Database& db, const Clock& clock, const Actor& actor, const AdminUnit& u) {
  ANSINH_RETURN_IF_ERROR(ValidateUnit(u));
  Status inserted = db.Execute(
      "INSERT INTO admin_units (code, name, type, level, parent_code, urban) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      {u.code, u.name, u.type, static_cast<int>(u.level), SqlValue::TextOrNull(u.parent_code),
       u.urban});
  if (inserted.code() == ErrorCode::kFailedPrecondition) {
    return internal::NotFound("parent_code", u.parent_code,
                              "đơn vị cấp trên không có trong danh sách",
                              "the parent unit is not in the list");
  }
  ANSINH_RETURN_IF_ERROR(internal::NameConflict(std::move(inserted), "code", u.code));
  ANSINH_ASSIGN_OR_RETURN(
      auto after, internal::LoadRow(db, "SELECT * FROM admin_units WHERE code = ?1", {u.code}));
  return internal::RecordChange(db, clock, actor, "admin_unit", u.code, std::nullopt, after)
      .status();
}

}  // namespace

namespace internal {

Result<Hamlet> FindOrCreateHamlet(Database& db, const Clock& clock, const Actor& actor,
                                  std::string_view commune_code, std::string_view raw_name) {
  const std::string name = NormalizeNfc(Trim(raw_name));
  if (name.empty()) {
    return Status::Invalid("hamlet", std::string(raw_name), "tên ấp/khóm không được để trống",
                           "the hamlet name must not be empty");
  }
  ANSINH_ASSIGN_OR_RETURN(bool commune, CommuneExists(db, commune_code));
  if (!commune) {
    return NotFound("commune", commune_code, "mã xã không có trong tỉnh", "unknown commune code");
  }
  ANSINH_ASSIGN_OR_RETURN(Statement find,
                          db.Prepare("SELECT id FROM hamlets WHERE commune_code = ?1 AND name = ?2",
                                     {commune_code, name}));
  ANSINH_ASSIGN_OR_RETURN(bool found, find.Step());
  Hamlet hamlet{0, std::string(commune_code), name};
  if (found) {
    hamlet.id = find.ColumnInt(0);
    return hamlet;
  }
  ANSINH_RETURN_IF_ERROR(
      db.Execute("INSERT INTO hamlets (commune_code, name) VALUES (?1, ?2)", {commune_code, name}));
  hamlet.id = db.LastInsertRowId();
  ANSINH_ASSIGN_OR_RETURN(auto after,
                          LoadRow(db, "SELECT * FROM hamlets WHERE id = ?1", {hamlet.id}));
  ANSINH_RETURN_IF_ERROR(
      RecordChange(db, clock, actor, "hamlet", std::to_string(hamlet.id), std::nullopt, after)
          .status());
  return hamlet;
}

}  // namespace internal

Status UnitRepository::InitProvince(const std::vector<AdminUnit>& units, const Actor& actor) {
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  ANSINH_ASSIGN_OR_RETURN(Statement existing,
                          db_->Prepare("SELECT code FROM admin_units WHERE level = 1"));
  ANSINH_ASSIGN_OR_RETURN(bool initialised, existing.Step());
  if (initialised) {
    const std::string code = existing.ColumnText(0);
    return Status::Error(ErrorCode::kAlreadyExists, "cơ sở dữ liệu đã có tỉnh " + code,
                         "the database already holds province " + code)
        .WithField("province");
  }
  std::vector<AdminUnit> ordered = units;
  // Parents before children, so that every parent_code names a row already written.
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const AdminUnit& a, const AdminUnit& b) { return a.level < b.level; });
  const auto provinces = std::count_if(ordered.begin(), ordered.end(), [](const AdminUnit& u) {
    return u.level == UnitLevel::kProvince;
  });
  if (provinces != 1) {
    return Status::Invalid("province", std::to_string(provinces), "danh sách cần đúng một tỉnh",
                           "the list needs exactly one province");
  }
  for (const AdminUnit& unit : ordered) {
    ANSINH_RETURN_IF_ERROR(InsertUnit(*db_, *clock_, actor, unit));
  }
  return tx.Commit();
}

Result<AdminUnit> UnitRepository::Province() {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare("SELECT " + std::string(kUnitColumns) +
                                                       " FROM admin_units WHERE level = 1"));
  ANSINH_ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) {
    return Status::Error(ErrorCode::kFailedPrecondition,
                         "cơ sở dữ liệu chưa được khởi tạo (ansinh init)",
                         "the database is not initialised (ansinh init)");
  }
  return ReadUnit(stmt);
}

Result<std::optional<AdminUnit>> UnitRepository::Find(std::string_view code) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare("SELECT " + std::string(kUnitColumns) +
                                                           " FROM admin_units WHERE code = ?1",
                                                       {code}));
  ANSINH_ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return std::optional<AdminUnit>();
  return std::optional<AdminUnit>(ReadUnit(stmt));
}

Result<std::vector<AdminUnit>> UnitRepository::All() {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare("SELECT " + std::string(kUnitColumns) +
                                                       " FROM admin_units ORDER BY code"));
  return ReadUnits(stmt);
}

Result<std::vector<AdminUnit>> UnitRepository::Children(std::string_view parent_code) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt,
                          db_->Prepare("SELECT " + std::string(kUnitColumns) +
                                           " FROM admin_units WHERE parent_code = ?1 ORDER BY code",
                                       {parent_code}));
  return ReadUnits(stmt);
}

Result<Hamlet> UnitRepository::FindOrCreateHamlet(std::string_view commune_code,
                                                  std::string_view name, const Actor& actor) {
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  ANSINH_ASSIGN_OR_RETURN(Hamlet hamlet,
                          internal::FindOrCreateHamlet(*db_, *clock_, actor, commune_code, name));
  ANSINH_RETURN_IF_ERROR(tx.Commit());
  return hamlet;
}

Result<std::vector<Hamlet>> UnitRepository::Hamlets(std::string_view commune_code) {
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("SELECT id, commune_code, name FROM hamlets WHERE commune_code = ?1 ORDER BY id",
                   {commune_code}));
  std::vector<Hamlet> hamlets;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return hamlets;
    hamlets.push_back({stmt.ColumnInt(0), stmt.ColumnText(1), stmt.ColumnText(2)});
  }
}

Result<std::map<std::string, UnitCounts>> UnitRepository::CountsByCommune() {
  // One grouped query per level of the registry, merged by commune code.
  static constexpr std::string_view kQueries[] = {
      "SELECT commune_code, COUNT(*) FROM hamlets GROUP BY commune_code",
      "SELECT commune_code, COUNT(*) FROM households GROUP BY commune_code",
      "SELECT h.commune_code, COUNT(*) FROM persons p JOIN households h ON h.id = p.household_id "
      "GROUP BY h.commune_code",
  };
  std::map<std::string, UnitCounts> counts;
  for (int q = 0; q < 3; ++q) {
    ANSINH_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare(kQueries[q]));
    for (;;) {
      ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      UnitCounts& c = counts[stmt.ColumnText(0)];
      (q == 0 ? c.hamlets : q == 1 ? c.households : c.persons) = stmt.ColumnInt(1);
    }
  }
  return counts;
}

}  // namespace ansinh::store
