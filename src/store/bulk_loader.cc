#include "store/bulk_loader.h"

#include "core/text.h"
#include "core/validation.h"
#include "store/internal.h"

namespace ansinh::store {

struct BulkLoader::Statements {
  Statement hamlet, household, person, household_year, person_year, commune;
};

namespace {

// Steps a prepared insert once and makes it ready for the next row.
Status RunOnce(Statement& stmt) {
  Status s = stmt.Run();
  Status r = stmt.Reset();
  return s.ok() ? r : s;
}

}  // namespace

Result<std::unique_ptr<BulkLoader::Statements>> BulkLoader::PrepareAll(Database& db) {
  ANSINH_ASSIGN_OR_RETURN(Statement hamlet,
                          db.Prepare("INSERT INTO hamlets (commune_code, name) VALUES (?1, ?2)"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement household,
      db.Prepare("INSERT INTO households (id, code, commune_code, hamlet_id, address, "
                 "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement person,
      db.Prepare("INSERT INTO persons (id, household_id, code, full_name, search_key, sex, "
                 "birth_date, relation, ethnicity, id_number) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement household_year,
      db.Prepare("INSERT INTO household_years (household_id, year, income_month, "
                 "housing_quality, housing_area_m2, clean_water, hygienic_latrine, telecom, "
                 "info_assets) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement person_year,
      db.Prepare("INSERT INTO person_years (person_id, year, health_insurance, in_school, "
                 "education_grade, trained, vocational_trained, employed, disability, "
                 "sick_untreated, malnourished, wage_no_contract, social_allowance) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"));
  ANSINH_ASSIGN_OR_RETURN(Statement commune,
                          db.Prepare("SELECT 1 FROM admin_units WHERE code = ?1 AND level = 3"));
  return std::make_unique<BulkLoader::Statements>(BulkLoader::Statements{
      std::move(hamlet), std::move(household), std::move(person), std::move(household_year),
      std::move(person_year), std::move(commune)});
}

BulkLoader::BulkLoader(Database* db, const Clock* clock, Actor actor, std::string description,
                       Transaction tx, std::unique_ptr<Statements> statements)
    : db_(db),
      clock_(clock),
      actor_(std::move(actor)),
      description_(std::move(description)),
      tx_(std::move(tx)),
      stmts_(std::move(statements)) {}

BulkLoader::~BulkLoader() {
  if (!committed_) {
    tx_ = std::nullopt;  // rolls back before foreign keys are switched on again
    (void)db_->Execute("PRAGMA foreign_keys = ON");
    (void)db_->Execute("PRAGMA cache_size = -2000");
  }
}

Result<std::unique_ptr<BulkLoader>> BulkLoader::Begin(Store& store, const Actor& actor,
                                                      std::string description) {
  Database* db = store.database();
  // The secondary indexes take rows out of key order; a page cache of a few hundred MiB keeps
  // them in memory for a province-sized load instead of re-reading pages from disk.
  ANSINH_RETURN_IF_ERROR(db->Execute("PRAGMA cache_size = -262144"));
  // Checking each row's parent costs a lookup per row; the whole load is checked once instead,
  // before it commits (foreign_key_check in Commit). The pragma is a no-op inside a
  // transaction, so it is set before BEGIN and restored after COMMIT or rollback.
  ANSINH_RETURN_IF_ERROR(db->Execute("PRAGMA foreign_keys = OFF"));
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db));
  ANSINH_ASSIGN_OR_RETURN(Statement any, db->Prepare("SELECT 1 FROM households LIMIT 1"));
  ANSINH_ASSIGN_OR_RETURN(bool has_households, any.Step());
  if (has_households) {
    return Status::Error(ErrorCode::kFailedPrecondition,
                         "cơ sở dữ liệu đã có hộ; chỉ nạp hàng loạt vào sổ trống",
                         "the database already holds households; a bulk load needs an empty "
                         "registry");
  }
  ANSINH_ASSIGN_OR_RETURN(auto statements, PrepareAll(*db));
  return std::unique_ptr<BulkLoader>(new BulkLoader(db, store.clock(), actor,
                                                    std::move(description), std::move(tx),
                                                    std::move(statements)));
}

Result<std::int64_t> BulkLoader::AddHamlet(const std::string& commune_code,
                                           const std::string& name) {
  Statement& c = stmts_->commune;
  ANSINH_RETURN_IF_ERROR(c.Bind(1, std::string_view(commune_code)));
  ANSINH_ASSIGN_OR_RETURN(bool exists, c.Step());
  ANSINH_RETURN_IF_ERROR(c.Reset());
  if (!exists) {
    return internal::NotFound("commune", commune_code, "mã xã không có trong tỉnh",
                              "unknown commune code");
  }
  const std::string clean = NormalizeNfc(Trim(name));
  if (clean.empty()) {
    return Status::Invalid("hamlet", name, "thiếu tên ấp, khóm", "the hamlet name is missing");
  }
  ANSINH_RETURN_IF_ERROR(stmts_->hamlet.BindAll({commune_code, clean}));
  ANSINH_RETURN_IF_ERROR(RunOnce(stmts_->hamlet));
  ++counts_.hamlets;
  const std::int64_t id = db_->LastInsertRowId();
  hamlets_[id] = {commune_code, clean};
  return id;
}

Status BulkLoader::AddHousehold(const Household& input) {
  auto hamlet = hamlets_.find(input.hamlet_id);
  if (hamlet == hamlets_.end() || hamlet->second.first != input.commune_code) {
    return internal::NotFound("hamlet", std::to_string(input.hamlet_id),
                              "ấp, khóm chưa được nạp cho xã này",
                              "no such hamlet loaded for this commune");
  }
  Household h = input;
  h.hamlet_name = hamlet->second.second;
  ANSINH_RETURN_IF_ERROR(ValidateHousehold(h));
  ANSINH_RETURN_IF_ERROR(stmts_->household.BindAll(
      {h.id, h.code, h.commune_code, h.hamlet_id, h.address, clock_->NowIso()}));
  ANSINH_RETURN_IF_ERROR(internal::NameConflict(RunOnce(stmts_->household), "code", h.code));
  ++counts_.households;
  return Status::Ok();
}

Status BulkLoader::AddPerson(const Person& input) {
  Person p = input;
  p.full_name = NormalizeNfc(Trim(p.full_name));
  ANSINH_RETURN_IF_ERROR(ValidatePerson(p, *clock_));
  ANSINH_RETURN_IF_ERROR(stmts_->person.BindAll(
      {p.id, p.household_id, SqlValue::TextOrNull(p.code), p.full_name, SearchKey(p.full_name),
       SexCode(p.sex), p.birth_date, RelationCode(p.relation), p.ethnicity,
       SqlValue::TextOrNull(p.id_number)}));
  ANSINH_RETURN_IF_ERROR(internal::NameConflict(RunOnce(stmts_->person), "person_id", p.code));
  ++counts_.persons;
  return Status::Ok();
}

Status BulkLoader::AddHouseholdYear(const HouseholdYear& y) {
  ANSINH_RETURN_IF_ERROR(ValidateHouseholdYear(y));
  ANSINH_RETURN_IF_ERROR(stmts_->household_year.BindAll(
      {y.household_id, y.year, y.income_month, HousingQualityCode(y.housing_quality),
       y.housing_area_m2, y.clean_water, y.hygienic_latrine, y.telecom, y.info_assets}));
  ANSINH_RETURN_IF_ERROR(RunOnce(stmts_->household_year));
  ++counts_.household_years;
  return Status::Ok();
}

Status BulkLoader::AddPersonYear(const PersonYear& y) {
  ANSINH_RETURN_IF_ERROR(ValidatePersonYear(y));
  ANSINH_RETURN_IF_ERROR(stmts_->person_year.BindAll(
      {y.person_id, y.year, y.health_insurance, y.in_school, y.education_grade, y.trained,
       y.vocational_trained, y.employed, y.disability, y.sick_untreated, y.malnourished,
       y.wage_no_contract, y.social_allowance}));
  ANSINH_RETURN_IF_ERROR(RunOnce(stmts_->person_year));
  ++counts_.person_years;
  return Status::Ok();
}

Status BulkLoader::Commit() {
  ANSINH_ASSIGN_OR_RETURN(Statement check, db_->Prepare("PRAGMA foreign_key_check"));
  ANSINH_ASSIGN_OR_RETURN(bool orphan, check.Step());
  if (orphan) {
    const std::string table = check.ColumnText(0), row = check.ColumnText(1);
    return Status::Error(ErrorCode::kFailedPrecondition,
                         "dòng " + row + " của bảng " + table + " trỏ tới dòng không tồn tại",
                         "row " + row + " of " + table + " refers to a row that does not exist");
  }
  const internal::Json detail = {{"description", description_},
                                 {"hamlets", counts_.hamlets},
                                 {"households", counts_.households},
                                 {"persons", counts_.persons},
                                 {"household_years", counts_.household_years},
                                 {"person_years", counts_.person_years}};
  ANSINH_RETURN_IF_ERROR(internal::AppendAudit(*db_, *clock_, actor_, "bulk_load", "registry",
                                               description_, "", detail.dump()));
  ANSINH_RETURN_IF_ERROR(tx_->Commit());
  committed_ = true;
  tx_ = std::nullopt;
  ANSINH_RETURN_IF_ERROR(db_->Execute("PRAGMA foreign_keys = ON"));
  return db_->Execute("PRAGMA cache_size = -2000");  // SQLite's default again
}

}  // namespace ansinh::store
