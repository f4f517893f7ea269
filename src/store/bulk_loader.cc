#include "store/bulk_loader.h"

#include "core/text.h"
#include "core/validation.h"
#include "store/bulk_write.h"
#include "store/internal.h"

namespace ansinh::store {

struct BulkLoader::Statements {
  Statement hamlet, household, person, household_year, person_year, commune;
  Statement households, persons, household_years, person_years;  // kRowsPerInsert rows each
};

namespace {

constexpr std::string_view kHouseholdInsert =
    "INSERT INTO households (id, code, commune_code, hamlet_id, address, created_at) VALUES ";
constexpr int kHouseholdColumns = 6;
constexpr std::string_view kPersonInsert =
    "INSERT INTO persons (id, household_id, code, full_name, search_key, sex, birth_date, "
    "relation, ethnicity, id_number) VALUES ";
constexpr int kPersonColumns = 10;
constexpr std::string_view kHouseholdYearInsert =
    "INSERT INTO household_years (household_id, year, income_month, housing_quality, "
    "housing_area_m2, clean_water, hygienic_latrine, telecom, info_assets) VALUES ";
constexpr int kHouseholdYearColumns = 9;
constexpr std::string_view kPersonYearInsert =
    "INSERT INTO person_years (person_id, year, health_insurance, in_school, education_grade, "
    "trained, vocational_trained, employed, disability, sick_untreated, malnourished, "
    "wage_no_contract, social_allowance) VALUES ";
constexpr int kPersonYearColumns = 13;

// "<insert> (?, ?, ...), (...), ..." for `rows` rows of `columns` anonymous parameters, which
// SQLite numbers 1, 2, ... from the left.
std::string MultiRowInsert(std::string_view insert, int columns, std::size_t rows) {
  std::string row = "(?";
  for (int c = 1; c < columns; ++c) row += ", ?";
  row += ")";
  std::string sql(insert);
  for (std::size_t r = 0; r < rows; ++r) sql += (r == 0 ? "" : ", ") + row;
  return sql;
}

using internal::BulkHouseholdRow;
using internal::BulkPersonRow;

Status BindHousehold(Statement& s, int at, const BulkHouseholdRow& row) {
  const Household& h = row.household;
  ANSINH_RETURN_IF_ERROR(s.Bind(at, h.id));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 1, std::string_view(h.code)));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 2, std::string_view(h.commune_code)));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 3, h.hamlet_id));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 4, std::string_view(h.address)));
  return s.Bind(at + 5, std::string_view(*row.created_at));
}

Status BindPerson(Statement& s, int at, const BulkPersonRow& row) {
  const Person& p = row.person;
  ANSINH_RETURN_IF_ERROR(s.Bind(at, p.id));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 1, p.household_id));
  ANSINH_RETURN_IF_ERROR(s.BindTextOrNull(at + 2, p.code));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 3, std::string_view(p.full_name)));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 4, std::string_view(row.search_key)));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 5, SexCode(p.sex)));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 6, std::string_view(p.birth_date)));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 7, RelationCode(p.relation)));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 8, std::string_view(p.ethnicity)));
  return s.BindTextOrNull(at + 9, p.id_number);
}

Status BindHouseholdYear(Statement& s, int at, const HouseholdYear& y) {
  ANSINH_RETURN_IF_ERROR(s.Bind(at, y.household_id));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 1, std::int64_t{y.year}));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 2, std::int64_t{y.income_month}));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 3, HousingQualityCode(y.housing_quality)));
  ANSINH_RETURN_IF_ERROR(s.Bind(at + 4, y.housing_area_m2));
  const bool flags[] = {y.clean_water, y.hygienic_latrine, y.telecom, y.info_assets};
  for (int i = 0; i < 4; ++i) ANSINH_RETURN_IF_ERROR(s.Bind(at + 5 + i, std::int64_t{flags[i]}));
  return Status::Ok();
}

Status BindPersonYear(Statement& s, int at, const PersonYear& y) {
  const std::int64_t values[kPersonYearColumns] = {
      y.person_id,        y.year,           y.health_insurance, y.in_school,
      y.education_grade,  y.trained,        y.vocational_trained, y.employed,
      y.disability,       y.sick_untreated, y.malnourished,     y.wage_no_contract,
      y.social_allowance};
  for (int i = 0; i < kPersonYearColumns; ++i) ANSINH_RETURN_IF_ERROR(s.Bind(at + i, values[i]));
  return Status::Ok();
}

// Writes `rows` by one multi-row INSERT (`many`) when there are kRowsPerInsert of them; with
// `all`, a shorter rest row by row (`one`). Written rows leave the buffer.
template <typename Row>
Status FlushRows(std::vector<Row>& rows, Statement& many, Statement& one, int columns,
                 Status (*bind)(Statement&, int, const Row&), bool all) {
  if (rows.size() == BulkLoader::kRowsPerInsert) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
      ANSINH_RETURN_IF_ERROR(bind(many, 1 + static_cast<int>(r) * columns, rows[r]));
    }
    ANSINH_RETURN_IF_ERROR(internal::RunOnce(many));
  } else if (all) {
    for (const Row& row : rows) {
      ANSINH_RETURN_IF_ERROR(bind(one, 1, row));
      ANSINH_RETURN_IF_ERROR(internal::RunOnce(one));
    }
  } else {
    return Status::Ok();
  }
  rows.clear();
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<BulkLoader::Statements>> BulkLoader::PrepareAll(Database& db) {
  ANSINH_ASSIGN_OR_RETURN(Statement hamlet,
                          db.Prepare("INSERT INTO hamlets (commune_code, name) VALUES (?1, ?2)"));
  ANSINH_ASSIGN_OR_RETURN(Statement household,
                          db.Prepare(MultiRowInsert(kHouseholdInsert, kHouseholdColumns, 1)));
  ANSINH_ASSIGN_OR_RETURN(Statement person,
                          db.Prepare(MultiRowInsert(kPersonInsert, kPersonColumns, 1)));
  ANSINH_ASSIGN_OR_RETURN(
      Statement household_year,
      db.Prepare(MultiRowInsert(kHouseholdYearInsert, kHouseholdYearColumns, 1)));
  ANSINH_ASSIGN_OR_RETURN(Statement person_year,
                          db.Prepare(MultiRowInsert(kPersonYearInsert, kPersonYearColumns, 1)));
  ANSINH_ASSIGN_OR_RETURN(Statement commune,
                          db.Prepare("SELECT 1 FROM admin_units WHERE code = ?1 AND level = 3"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement households,
      db.Prepare(MultiRowInsert(kHouseholdInsert, kHouseholdColumns, kRowsPerInsert)));
  ANSINH_ASSIGN_OR_RETURN(
      Statement persons, db.Prepare(MultiRowInsert(kPersonInsert, kPersonColumns, kRowsPerInsert)));
  ANSINH_ASSIGN_OR_RETURN(Statement household_years,
                          db.Prepare(MultiRowInsert(kHouseholdYearInsert, kHouseholdYearColumns,
                                                    kRowsPerInsert)));
  ANSINH_ASSIGN_OR_RETURN(
      Statement person_years,
      db.Prepare(MultiRowInsert(kPersonYearInsert, kPersonYearColumns, kRowsPerInsert)));
  return std::make_unique<BulkLoader::Statements>(BulkLoader::Statements{
      std::move(hamlet), std::move(household), std::move(person), std::move(household_year),
      std::move(person_year), std::move(commune), std::move(households), std::move(persons),
      std::move(household_years), std::move(person_years)});
}

BulkLoader::BulkLoader(Database* db, const Clock* clock, Actor actor, std::string description,
                       Transaction tx, std::unique_ptr<Statements> statements,
                       internal::DeferredIndexes indexes)
    : db_(db),
      clock_(clock),
      created_at_(clock->NowIso()),
      actor_(std::move(actor)),
      description_(std::move(description)),
      tx_(std::move(tx)),
      stmts_(std::move(statements)),
      indexes_(std::move(indexes)) {}

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
  // The unique indexes of codes and the index rebuilds at commit sort more than SQLite's default
  // 2 MiB page cache holds; a few hundred MiB keeps a province-sized load in memory.
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
  // Only because the registry is empty: an index dropped here has nothing to lose, and is made
  // again from the loaded rows by one sort in Commit, within this transaction.
  static constexpr std::string_view kTables[] = {"hamlets", "households", "persons",
                                                 "household_years", "person_years"};
  ANSINH_ASSIGN_OR_RETURN(internal::DeferredIndexes indexes,
                          internal::DeferredIndexes::Drop(*db, kTables));
  ANSINH_ASSIGN_OR_RETURN(auto statements, PrepareAll(*db));
  return std::unique_ptr<BulkLoader>(new BulkLoader(db, store.clock(), actor,
                                                    std::move(description), std::move(tx),
                                                    std::move(statements), std::move(indexes)));
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
  ANSINH_RETURN_IF_ERROR(internal::RunOnce(stmts_->hamlet));
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
  BulkHouseholdRow row{input, &created_at_};
  row.household.hamlet_name = hamlet->second.second;
  ANSINH_RETURN_IF_ERROR(ValidateHousehold(row.household));
  households_.push_back(std::move(row));
  ++counts_.households;
  return FlushHouseholds(false);
}

Status BulkLoader::AddPerson(const Person& input) {
  BulkPersonRow row{input, {}};
  Person& p = row.person;
  p.full_name = NormalizeNfc(Trim(p.full_name));
  ANSINH_RETURN_IF_ERROR(ValidatePerson(p, *clock_));
  row.search_key = SearchKey(p.full_name);
  persons_.push_back(std::move(row));
  ++counts_.persons;
  return FlushPersons(false);
}

// A constraint that fails in a flush (a survey row given twice) is reported by the Add call or
// the Commit that flushed it, for the whole group of rows.
Status BulkLoader::AddHouseholdYear(const HouseholdYear& y) {
  ANSINH_RETURN_IF_ERROR(ValidateHouseholdYear(y));
  household_years_.push_back(y);
  ++counts_.household_years;
  return FlushHouseholdYears(false);
}

Status BulkLoader::AddPersonYear(const PersonYear& y) {
  ANSINH_RETURN_IF_ERROR(ValidatePersonYear(y));
  person_years_.push_back(y);
  ++counts_.person_years;
  return FlushPersonYears(false);
}

// A code given twice fails the group it is written in (the rows stay buffered); the error
// names the group's first and last codes.
Status BulkLoader::FlushHouseholds(bool all) {
  Status s = FlushRows(households_, stmts_->households, stmts_->household, kHouseholdColumns,
                       BindHousehold, all);
  if (s.ok() || households_.empty()) return s;
  return internal::NameConflict(
      s, "code", households_.front().household.code + ".." + households_.back().household.code);
}

Status BulkLoader::FlushPersons(bool all) {
  Status s =
      FlushRows(persons_, stmts_->persons, stmts_->person, kPersonColumns, BindPerson, all);
  if (s.ok() || persons_.empty()) return s;
  return internal::NameConflict(
      s, "person_id", persons_.front().person.code + ".." + persons_.back().person.code);
}

Status BulkLoader::FlushHouseholdYears(bool all) {
  return FlushRows(household_years_, stmts_->household_years, stmts_->household_year,
                         kHouseholdYearColumns, BindHouseholdYear, all);
}

Status BulkLoader::FlushPersonYears(bool all) {
  return FlushRows(person_years_, stmts_->person_years, stmts_->person_year,
                         kPersonYearColumns, BindPersonYear, all);
}

Status BulkLoader::Commit() {
  ANSINH_RETURN_IF_ERROR(FlushHouseholds(true));
  ANSINH_RETURN_IF_ERROR(FlushPersons(true));
  ANSINH_RETURN_IF_ERROR(FlushHouseholdYears(true));
  ANSINH_RETURN_IF_ERROR(FlushPersonYears(true));
  ANSINH_RETURN_IF_ERROR(indexes_.Rebuild(*db_));
  ANSINH_RETURN_IF_ERROR(internal::CheckForeignKeys(*db_));
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
