#include "store/import_writer.h"

#include <array>

#include "core/text.h"
#include "core/validation.h"
#include "store/bulk_write.h"
#include "store/internal.h"
#include "store/unit_internal.h"

namespace ansinh::store {

// Each table has a lookup that answers, in one indexed read, whether the key exists and whether
// any stored value differs from the file's (SQL `IS NOT` compares NULLs too), so that an
// unchanged row costs one read and no write.
struct ImportWriter::Statements {
  Statement household_lookup, household_insert, household_update;
  Statement person_lookup, person_insert, person_update;
  Statement household_year_lookup, household_year_upsert;
  Statement person_year_lookup, person_year_upsert;
  Statement attribute_lookup, attribute_upsert;
  // Tables that held no rows at Begin: their keys cannot exist yet (the dataset's own keys are
  // unique, io::ValidateDataset), so their rows are inserted without a lookup.
  bool households_empty = false, persons_empty = false, household_years_empty = false,
       person_years_empty = false, attributes_empty = false;
};

// Bulk mode's batches and the next ids to hand out.
struct ImportWriter::BulkRows {
  internal::BatchInsert households, persons, household_years, person_years, attributes;
  std::int64_t next_household_id = 1, next_person_id = 1;
};

namespace {

constexpr std::string_view kAuditHouseholdRow = "SELECT * FROM households WHERE id = ?1";
constexpr std::string_view kAuditPersonRow = "SELECT * FROM persons WHERE id = ?1";
constexpr std::string_view kAuditHouseholdYearRow =
    "SELECT * FROM household_years WHERE household_id = ?1 AND year = ?2";
constexpr std::string_view kAuditPersonYearRow =
    "SELECT * FROM person_years WHERE person_id = ?1 AND year = ?2";

// Steps a prepared lookup: nullopt when no row; otherwise (column 0, column 1 != 0).
Result<std::optional<std::pair<std::int64_t, bool>>> LookupOnce(Statement& stmt) {
  Result<bool> row = stmt.Step();
  std::optional<std::pair<std::int64_t, bool>> found;
  if (row.ok() && *row) found = std::make_pair(stmt.ColumnInt(0), stmt.ColumnInt(1) != 0);
  Status reset = stmt.Reset();
  if (!row.ok()) return row.status();
  ANSINH_RETURN_IF_ERROR(reset);
  return found;
}

Result<bool> TableIsEmpty(Database& db, std::string_view table) {
  ANSINH_ASSIGN_OR_RETURN(Statement any,
                          db.Prepare("SELECT 1 FROM " + std::string(table) + " LIMIT 1"));
  ANSINH_ASSIGN_OR_RETURN(bool has_row, any.Step());
  return !has_row;
}

internal::Json CountsJson(const UpsertCounts& c) {
  return {{"inserted", c.inserted}, {"updated", c.updated}, {"unchanged", c.unchanged}};
}

constexpr std::array<std::string_view, 5> kRegistryTables = {
    "households", "persons", "household_years", "person_years", "custom_attributes"};

// A big page cache keeps the secondary indexes of a province-sized import in memory; the
// default is restored when the import ends.
constexpr std::string_view kLargeCache = "PRAGMA cache_size = -262144";
constexpr std::string_view kDefaultCache = "PRAGMA cache_size = -2000";

}  // namespace

Result<std::unique_ptr<ImportWriter::Statements>> ImportWriter::PrepareAll(Database& db) {
  ANSINH_ASSIGN_OR_RETURN(
      Statement household_lookup,
      db.Prepare("SELECT id, (commune_code IS NOT ?2 OR hamlet_id IS NOT ?3 OR address IS NOT ?4) "
                 "FROM households WHERE code = ?1"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement household_insert,
      db.Prepare("INSERT INTO households (code, commune_code, hamlet_id, address, "
                 "created_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement household_update,
      db.Prepare(
          "UPDATE households SET commune_code = ?2, hamlet_id = ?3, address = ?4 WHERE id = ?1"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement person_lookup,
      db.Prepare("SELECT id, (household_id IS NOT ?2 OR full_name IS NOT ?3 OR sex IS NOT ?4 OR "
                 "birth_date IS NOT ?5 OR relation IS NOT ?6 OR ethnicity IS NOT ?7 OR id_number "
                 "IS NOT ?8) "
                 "FROM persons WHERE code = ?1"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement person_insert,
      db.Prepare("INSERT INTO persons (code, household_id, full_name, search_key, sex, birth_date, "
                 "relation, ethnicity, id_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement person_update,
      db.Prepare("UPDATE persons SET household_id = ?2, full_name = ?3, search_key = ?4, sex = ?5, "
                 "birth_date = ?6, relation = ?7, ethnicity = ?8, id_number = ?9 WHERE id = ?1"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement household_year_lookup,
      db.Prepare(
          "SELECT household_id, (income_month IS NOT ?3 OR housing_quality IS NOT ?4 OR "
          "housing_area_m2 IS NOT ?5 OR clean_water IS NOT ?6 OR hygienic_latrine IS NOT ?7 OR "
          "telecom IS NOT ?8 OR info_assets IS NOT ?9) "
          "FROM household_years WHERE household_id = ?1 AND year = ?2"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement household_year_upsert,
      db.Prepare(
          "INSERT INTO household_years (household_id, year, income_month, housing_quality, "
          "housing_area_m2, clean_water, hygienic_latrine, telecom, info_assets) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (household_id, year) DO UPDATE "
          "SET income_month = excluded.income_month, housing_quality = excluded.housing_quality, "
          "housing_area_m2 = excluded.housing_area_m2, clean_water = excluded.clean_water, "
          "hygienic_latrine = excluded.hygienic_latrine, telecom = excluded.telecom, "
          "info_assets = excluded.info_assets"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement person_year_lookup,
      db.Prepare(
          "SELECT person_id, (health_insurance IS NOT ?3 OR in_school IS NOT ?4 OR "
          "education_grade IS NOT ?5 OR trained IS NOT ?6 OR vocational_trained IS NOT ?7 OR "
          "employed IS NOT ?8 OR disability IS NOT ?9 OR sick_untreated IS NOT ?10 OR "
          "malnourished IS NOT ?11 OR wage_no_contract IS NOT ?12 OR social_allowance IS NOT ?13) "
          "FROM person_years WHERE person_id = ?1 AND year = ?2"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement person_year_upsert,
      db.Prepare(
          "INSERT INTO person_years (person_id, year, health_insurance, in_school, "
          "education_grade, trained, vocational_trained, employed, disability, sick_untreated, "
          "malnourished, wage_no_contract, social_allowance) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
          "ON CONFLICT (person_id, year) DO UPDATE SET health_insurance = "
          "excluded.health_insurance, "
          "in_school = excluded.in_school, education_grade = excluded.education_grade, "
          "trained = excluded.trained, vocational_trained = excluded.vocational_trained, "
          "employed = excluded.employed, disability = excluded.disability, "
          "sick_untreated = excluded.sick_untreated, malnourished = excluded.malnourished, "
          "wage_no_contract = excluded.wage_no_contract, "
          "social_allowance = excluded.social_allowance"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement attribute_lookup,
      db.Prepare("SELECT 0, value IS NOT ?5, value FROM custom_attributes WHERE entity = ?1 AND "
                 "entity_id = ?2 AND year = ?3 AND name = ?4"));
  ANSINH_ASSIGN_OR_RETURN(
      Statement attribute_upsert,
      db.Prepare("INSERT INTO custom_attributes (entity, entity_id, year, name, value) "
                 "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (entity, entity_id, year, name) "
                 "DO UPDATE SET value = excluded.value"));
  auto s = std::unique_ptr<Statements>(new Statements{
      std::move(household_lookup), std::move(household_insert), std::move(household_update),
      std::move(person_lookup), std::move(person_insert), std::move(person_update),
      std::move(household_year_lookup), std::move(household_year_upsert),
      std::move(person_year_lookup), std::move(person_year_upsert), std::move(attribute_lookup),
      std::move(attribute_upsert)});
  ANSINH_ASSIGN_OR_RETURN(s->households_empty, TableIsEmpty(db, "households"));
  ANSINH_ASSIGN_OR_RETURN(s->persons_empty, TableIsEmpty(db, "persons"));
  ANSINH_ASSIGN_OR_RETURN(s->household_years_empty, TableIsEmpty(db, "household_years"));
  ANSINH_ASSIGN_OR_RETURN(s->person_years_empty, TableIsEmpty(db, "person_years"));
  ANSINH_ASSIGN_OR_RETURN(s->attributes_empty, TableIsEmpty(db, "custom_attributes"));
  return s;
}

namespace {

// The first id after every id `table` has had: AUTOINCREMENT never hands one out twice.
Result<std::int64_t> NextId(Database& db, std::string_view table) {
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?1), 0), "
                 "COALESCE((SELECT max(id) FROM " +
                     std::string(table) + "), 0)) + 1",
                 {table}));
  ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.ColumnInt(0) : 1;
}

}  // namespace

Result<std::unique_ptr<ImportWriter::BulkRows>> ImportWriter::PrepareBulk(Database& db) {
  using internal::BatchInsert;
  ANSINH_ASSIGN_OR_RETURN(
      BatchInsert households,
      BatchInsert::Prepare(db,
                           "INSERT INTO households (id, code, commune_code, hamlet_id, address, "
                           "created_at) VALUES ",
                           6));
  ANSINH_ASSIGN_OR_RETURN(
      BatchInsert persons,
      BatchInsert::Prepare(db,
                           "INSERT INTO persons (id, code, household_id, full_name, search_key, "
                           "sex, birth_date, relation, ethnicity, id_number) VALUES ",
                           10));
  ANSINH_ASSIGN_OR_RETURN(
      BatchInsert household_years,
      BatchInsert::Prepare(db,
                           "INSERT INTO household_years (household_id, year, income_month, "
                           "housing_quality, housing_area_m2, clean_water, hygienic_latrine, "
                           "telecom, info_assets) VALUES ",
                           9));
  ANSINH_ASSIGN_OR_RETURN(
      BatchInsert person_years,
      BatchInsert::Prepare(db,
                           "INSERT INTO person_years (person_id, year, health_insurance, "
                           "in_school, education_grade, trained, vocational_trained, employed, "
                           "disability, sick_untreated, malnourished, wage_no_contract, "
                           "social_allowance) VALUES ",
                           13));
  ANSINH_ASSIGN_OR_RETURN(
      BatchInsert attributes,
      BatchInsert::Prepare(
          db, "INSERT INTO custom_attributes (entity, entity_id, year, name, value) VALUES ", 5));
  auto bulk = std::unique_ptr<BulkRows>(
      new BulkRows{std::move(households), std::move(persons), std::move(household_years),
                   std::move(person_years), std::move(attributes)});
  ANSINH_ASSIGN_OR_RETURN(bulk->next_household_id, NextId(db, "households"));
  ANSINH_ASSIGN_OR_RETURN(bulk->next_person_id, NextId(db, "persons"));
  return bulk;
}

bool ImportCounts::changed() const {
  for (const UpsertCounts* c : {&households, &persons, &household_years, &person_years}) {
    if (c->inserted > 0 || c->updated > 0) return true;
  }
  return attributes_written > 0 || !hamlets_created.empty();
}

ImportWriter::ImportWriter(Database* db, const Clock* clock, Actor actor, std::string description,
                           Transaction tx, std::unique_ptr<Statements> statements)
    : db_(db),
      clock_(clock),
      actor_(std::move(actor)),
      description_(std::move(description)),
      tx_(std::move(tx)),
      stmts_(std::move(statements)) {}

ImportWriter::~ImportWriter() {
  bulk_.reset();
  stmts_.reset();  // statements are finalised before the rollback
  tx_ = std::nullopt;
  (void)db_->Execute(kDefaultCache);
  if (foreign_keys_deferred_) (void)db_->Execute("PRAGMA foreign_keys = ON");
}

Result<bool> ImportWriter::RegistryIsEmpty(Database& db) {
  for (std::string_view table : kRegistryTables) {
    ANSINH_ASSIGN_OR_RETURN(bool empty, TableIsEmpty(db, table));
    if (!empty) return false;
  }
  return true;
}

Result<std::unique_ptr<ImportWriter>> ImportWriter::Begin(Store& store, const Actor& actor,
                                                          std::string description) {
  Database* db = store.database();
  ANSINH_RETURN_IF_ERROR(db->Execute(kLargeCache));
  // A first import into an empty registry is a bulk write (bulk_write.h): foreign keys are
  // checked once at the commit and the secondary indexes are built once. The pragma is a no-op
  // inside a transaction, so the registry is looked at before BEGIN and again after it.
  ANSINH_ASSIGN_OR_RETURN(bool bulk, RegistryIsEmpty(*db));
  if (bulk) ANSINH_RETURN_IF_ERROR(db->Execute("PRAGMA foreign_keys = OFF"));
  Result<Transaction> tx = Transaction::Begin(db);
  if (!tx.ok()) {
    (void)db->Execute("PRAGMA foreign_keys = ON");
    return tx.status();
  }
  std::optional<internal::DeferredIndexes> deferred;
  if (bulk) {
    Result<bool> still_empty = RegistryIsEmpty(*db);
    if (still_empty.ok() && *still_empty) {
      Result<internal::DeferredIndexes> dropped =
          internal::DeferredIndexes::Drop(*db, kRegistryTables);
      if (!dropped.ok()) {
        (void)db->Execute("PRAGMA foreign_keys = ON");
        return dropped.status();
      }
      deferred = std::move(dropped).value();
    }
  }
  Result<std::unique_ptr<Statements>> statements = PrepareAll(*db);
  if (!statements.ok()) {
    if (bulk) (void)db->Execute("PRAGMA foreign_keys = ON");
    return statements.status();
  }
  std::unique_ptr<ImportWriter> writer(new ImportWriter(db, store.clock(), actor,
                                                        std::move(description), std::move(*tx),
                                                        std::move(statements).value()));
  writer->foreign_keys_deferred_ = bulk;
  if (deferred) {
    ANSINH_ASSIGN_OR_RETURN(writer->bulk_, PrepareBulk(*db));
  }
  writer->deferred_indexes_ = std::move(deferred);
  writer->now_ = store.clock()->NowIso();
  ANSINH_ASSIGN_OR_RETURN(Statement hamlets,
                          db->Prepare("SELECT id, commune_code, name FROM hamlets"));
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, hamlets.Step());
    if (!row) break;
    writer->hamlets_[{hamlets.ColumnText(1), hamlets.ColumnText(2)}] = hamlets.ColumnInt(0);
  }
  return writer;
}

Result<std::int64_t> ImportWriter::HamletId(const std::string& commune_code,
                                            const std::string& name) {
  auto found = hamlets_.find({commune_code, name});
  if (found != hamlets_.end()) return found->second;
  ANSINH_ASSIGN_OR_RETURN(Hamlet hamlet,
                          internal::FindOrCreateHamlet(*db_, *clock_, actor_, commune_code, name));
  hamlets_[{commune_code, hamlet.name}] = hamlet.id;
  counts_.hamlets_created.emplace_back(commune_code, hamlet.name);
  return hamlet.id;
}

template <typename Write>
Status ImportWriter::UpdateAudited(std::string_view table, std::string key,
                                   std::string_view select_sql,
                                   std::initializer_list<SqlValue> row_key, Write write) {
  ANSINH_ASSIGN_OR_RETURN(auto before, internal::LoadRow(*db_, select_sql, row_key));
  ANSINH_RETURN_IF_ERROR(write());
  ANSINH_ASSIGN_OR_RETURN(auto after, internal::LoadRow(*db_, select_sql, row_key));
  return internal::RecordChange(*db_, *clock_, actor_, table, key, before, after).status();
}

Result<std::int64_t> ImportWriter::PutHousehold(const Household& input,
                                                const CustomAttributes& attributes) {
  Household h = input;
  h.code = std::string(Trim(h.code));
  h.commune_code = std::string(Trim(h.commune_code));
  h.hamlet_name = NormalizeNfc(Trim(h.hamlet_name));
  h.address = NormalizeNfc(Trim(h.address));
  ANSINH_RETURN_IF_ERROR(ValidateHousehold(h));
  if (h.code.empty()) {
    return Status::Invalid("household_id", h.code, "thiếu mã hộ", "the household id is missing");
  }
  ANSINH_ASSIGN_OR_RETURN(h.hamlet_id, HamletId(h.commune_code, h.hamlet_name));
  if (bulk_) {
    const std::int64_t id = bulk_->next_household_id++;
    internal::BatchInsert& b = bulk_->households;
    b.Int(id);
    b.Text(h.code);
    b.Text(h.commune_code);
    b.Int(h.hamlet_id);
    b.Text(h.address);
    b.Text(now_);
    ANSINH_RETURN_IF_ERROR(internal::NameConflict(b.EndRow(*db_), "household_id", h.code));
    ++counts_.households.inserted;
    ANSINH_RETURN_IF_ERROR(PutBulkAttributes("household", id, 0, attributes));
    return id;
  }

  std::optional<std::pair<std::int64_t, bool>> existing;
  if (!stmts_->households_empty) {
    Statement& lookup = stmts_->household_lookup;
    ANSINH_RETURN_IF_ERROR(lookup.BindAll({h.code, h.commune_code, h.hamlet_id, h.address}));
    ANSINH_ASSIGN_OR_RETURN(existing, LookupOnce(lookup));
  }
  std::int64_t id = 0;
  if (!existing) {
    Statement& insert = stmts_->household_insert;
    ANSINH_RETURN_IF_ERROR(insert.BindAll({h.code, h.commune_code, h.hamlet_id, h.address, now_}));
    ANSINH_RETURN_IF_ERROR(
        internal::NameConflict(internal::RunOnce(insert), "household_id", h.code));
    id = db_->LastInsertRowId();
    ++counts_.households.inserted;
  } else if (existing->second) {
    id = existing->first;
    ANSINH_RETURN_IF_ERROR(
        UpdateAudited("household", std::to_string(id), kAuditHouseholdRow, {id}, [&] {
          Statement& update = stmts_->household_update;
          ANSINH_RETURN_IF_ERROR(update.BindAll({id, h.commune_code, h.hamlet_id, h.address}));
          return internal::RunOnce(update);
        }));
    ++counts_.households.updated;
  } else {
    id = existing->first;
    ++counts_.households.unchanged;
  }
  ANSINH_RETURN_IF_ERROR(PutAttributes("household", id, 0, attributes));
  return id;
}

Result<std::int64_t> ImportWriter::PutPerson(const Person& input,
                                             const CustomAttributes& attributes,
                                             std::string_view given_search_key) {
  Person p = input;
  p.code = std::string(Trim(p.code));
  p.full_name = NormalizeNfc(Trim(p.full_name));
  p.ethnicity = NormalizeNfc(Trim(p.ethnicity));
  ANSINH_RETURN_IF_ERROR(ValidatePerson(p, *clock_));
  if (p.code.empty()) {
    return Status::Invalid("person_id", p.code, "thiếu mã nhân khẩu", "the person id is missing");
  }
  const std::string_view sex = SexCode(p.sex), relation = RelationCode(p.relation);
  const SqlValue id_number = SqlValue::TextOrNull(p.id_number);
  if (bulk_) {
    const std::int64_t id = bulk_->next_person_id++;
    internal::BatchInsert& b = bulk_->persons;
    b.Int(id);
    b.Text(p.code);
    b.Int(p.household_id);
    b.Text(p.full_name);
    if (given_search_key.empty()) {
      b.Text(SearchKey(p.full_name));
    } else {
      b.Text(given_search_key);
    }
    b.Text(sex);
    b.Text(p.birth_date);
    b.Text(relation);
    b.Text(p.ethnicity);
    b.TextOrNull(p.id_number);
    ANSINH_RETURN_IF_ERROR(internal::NameConflict(b.EndRow(*db_), "person_id", p.code));
    ++counts_.persons.inserted;
    ANSINH_RETURN_IF_ERROR(PutBulkAttributes("person", id, 0, attributes));
    return id;
  }

  std::optional<std::pair<std::int64_t, bool>> existing;
  if (!stmts_->persons_empty) {
    Statement& lookup = stmts_->person_lookup;
    ANSINH_RETURN_IF_ERROR(lookup.BindAll({p.code, p.household_id, p.full_name, sex, p.birth_date,
                                           relation, p.ethnicity, id_number}));
    ANSINH_ASSIGN_OR_RETURN(existing, LookupOnce(lookup));
  }
  const std::string search_key =
      given_search_key.empty() ? SearchKey(p.full_name) : std::string(given_search_key);
  std::int64_t id = 0;
  if (!existing) {
    Statement& insert = stmts_->person_insert;
    ANSINH_RETURN_IF_ERROR(insert.BindAll({p.code, p.household_id, p.full_name, search_key, sex,
                                           p.birth_date, relation, p.ethnicity, id_number}));
    ANSINH_RETURN_IF_ERROR(internal::NameConflict(internal::RunOnce(insert), "person_id", p.code));
    id = db_->LastInsertRowId();
    ++counts_.persons.inserted;
  } else if (existing->second) {
    id = existing->first;
    ANSINH_RETURN_IF_ERROR(UpdateAudited("person", std::to_string(id), kAuditPersonRow, {id}, [&] {
      Statement& update = stmts_->person_update;
      ANSINH_RETURN_IF_ERROR(update.BindAll({id, p.household_id, p.full_name, search_key, sex,
                                             p.birth_date, relation, p.ethnicity, id_number}));
      return internal::RunOnce(update);
    }));
    ++counts_.persons.updated;
  } else {
    id = existing->first;
    ++counts_.persons.unchanged;
  }
  ANSINH_RETURN_IF_ERROR(PutAttributes("person", id, 0, attributes));
  return id;
}

Status ImportWriter::UpsertSurvey(Statement& lookup, Statement& upsert, bool table_was_empty,
                                  std::initializer_list<SqlValue> values, std::string_view table,
                                  std::string_view select_sql, std::int64_t owner, int year,
                                  UpsertCounts& counts) {
  std::optional<std::pair<std::int64_t, bool>> existing;
  if (!table_was_empty) {
    ANSINH_RETURN_IF_ERROR(lookup.BindAll(values));
    ANSINH_ASSIGN_OR_RETURN(existing, LookupOnce(lookup));
  }
  auto write = [&] {
    ANSINH_RETURN_IF_ERROR(upsert.BindAll(values));
    return internal::RunOnce(upsert);
  };
  if (!existing) {
    ANSINH_RETURN_IF_ERROR(write());
    ++counts.inserted;
  } else if (existing->second) {
    ANSINH_RETURN_IF_ERROR(UpdateAudited(table, std::to_string(owner) + "/" + std::to_string(year),
                                         select_sql, {owner, year}, write));
    ++counts.updated;
  } else {
    ++counts.unchanged;
  }
  return Status::Ok();
}

Status ImportWriter::PutHouseholdYear(const HouseholdYear& y, const CustomAttributes& attributes) {
  ANSINH_RETURN_IF_ERROR(ValidateHouseholdYear(y));
  if (bulk_) {
    internal::BatchInsert& b = bulk_->household_years;
    b.Int(y.household_id);
    b.Int(y.year);
    b.Int(y.income_month);
    b.Text(HousingQualityCode(y.housing_quality));
    b.Real(y.housing_area_m2);
    for (bool flag : {y.clean_water, y.hygienic_latrine, y.telecom, y.info_assets}) b.Int(flag);
    ANSINH_RETURN_IF_ERROR(b.EndRow(*db_));
    ++counts_.household_years.inserted;
    return PutBulkAttributes("household_year", y.household_id, y.year, attributes);
  }
  ANSINH_RETURN_IF_ERROR(UpsertSurvey(
      stmts_->household_year_lookup, stmts_->household_year_upsert, stmts_->household_years_empty,
      {y.household_id, y.year, y.income_month, HousingQualityCode(y.housing_quality),
       y.housing_area_m2, y.clean_water, y.hygienic_latrine, y.telecom, y.info_assets},
      "household_year", kAuditHouseholdYearRow, y.household_id, y.year, counts_.household_years));
  return PutAttributes("household_year", y.household_id, y.year, attributes);
}

Status ImportWriter::PutPersonYear(const PersonYear& y, const CustomAttributes& attributes) {
  ANSINH_RETURN_IF_ERROR(ValidatePersonYear(y));
  if (bulk_) {
    internal::BatchInsert& b = bulk_->person_years;
    for (std::int64_t v :
         {std::int64_t{y.person_id}, std::int64_t{y.year}, std::int64_t{y.health_insurance},
          std::int64_t{y.in_school}, std::int64_t{y.education_grade}, std::int64_t{y.trained},
          std::int64_t{y.vocational_trained}, std::int64_t{y.employed},
          std::int64_t{y.disability}, std::int64_t{y.sick_untreated},
          std::int64_t{y.malnourished}, std::int64_t{y.wage_no_contract},
          std::int64_t{y.social_allowance}}) {
      b.Int(v);
    }
    ANSINH_RETURN_IF_ERROR(b.EndRow(*db_));
    ++counts_.person_years.inserted;
    return PutBulkAttributes("person_year", y.person_id, y.year, attributes);
  }
  ANSINH_RETURN_IF_ERROR(UpsertSurvey(
      stmts_->person_year_lookup, stmts_->person_year_upsert, stmts_->person_years_empty,
      {y.person_id, y.year, y.health_insurance, y.in_school, y.education_grade, y.trained,
       y.vocational_trained, y.employed, y.disability, y.sick_untreated, y.malnourished,
       y.wage_no_contract, y.social_allowance},
      "person_year", kAuditPersonYearRow, y.person_id, y.year, counts_.person_years));
  return PutAttributes("person_year", y.person_id, y.year, attributes);
}

Status ImportWriter::PutBulkAttributes(std::string_view entity, std::int64_t id, int year,
                                       const CustomAttributes& attributes) {
  for (const auto& [raw_name, raw_value] : attributes) {
    const std::string name(Trim(raw_name));
    if (name.empty()) continue;  // a column without a header carries nothing to name
    internal::BatchInsert& b = bulk_->attributes;
    b.Text(entity);
    b.Int(id);
    b.Int(year);
    b.Text(name);
    b.Text(NormalizeNfc(raw_value));
    ANSINH_RETURN_IF_ERROR(b.EndRow(*db_));
    ++counts_.attributes_written;
  }
  return Status::Ok();
}

Status ImportWriter::PutAttributes(std::string_view entity, std::int64_t id, int year,
                                   const CustomAttributes& attributes) {
  for (const auto& [raw_name, raw_value] : attributes) {
    const std::string name(Trim(raw_name));
    const std::string value = NormalizeNfc(raw_value);
    if (name.empty()) continue;  // a column without a header carries nothing to name
    Statement& upsert = stmts_->attribute_upsert;
    std::optional<std::string> before;
    if (!stmts_->attributes_empty) {
      Statement& lookup = stmts_->attribute_lookup;
      ANSINH_RETURN_IF_ERROR(lookup.BindAll({entity, id, year, name, value}));
      Result<bool> row = lookup.Step();
      const bool differs = row.ok() && *row && lookup.ColumnInt(1) != 0;
      const bool exists = row.ok() && *row;
      if (exists) before = lookup.ColumnText(2);
      ANSINH_RETURN_IF_ERROR(lookup.Reset());
      ANSINH_RETURN_IF_ERROR(row.status());
      if (exists && !differs) continue;
    }
    ANSINH_RETURN_IF_ERROR(upsert.BindAll({entity, id, year, name, value}));
    ANSINH_RETURN_IF_ERROR(internal::RunOnce(upsert));
    ++counts_.attributes_written;
    if (before) {
      const std::string key =
          std::string(entity) + "/" + std::to_string(id) + "/" + std::to_string(year) + "/" + name;
      ANSINH_RETURN_IF_ERROR(internal::AppendAudit(
          *db_, *clock_, actor_, "update", "custom_attribute", key,
          internal::Json{{"value", *before}}.dump(), internal::Json{{"value", value}}.dump()));
    }
  }
  return Status::Ok();
}

Status ImportWriter::Commit() {
  if (!tx_) {
    return Status::Error(ErrorCode::kFailedPrecondition, "lần nhập đã kết thúc",
                         "the import has already ended");
  }
  if (bulk_) {
    for (internal::BatchInsert* b : {&bulk_->households, &bulk_->persons, &bulk_->household_years,
                                     &bulk_->person_years, &bulk_->attributes}) {
      ANSINH_RETURN_IF_ERROR(b->Flush(*db_));
    }
  }
  if (!counts_.changed()) {
    bulk_.reset();
    stmts_.reset();
    tx_ = std::nullopt;   // nothing to keep: roll back the empty transaction (and its index drops)
    return Status::Ok();  // the destructor restores the pragmas
  }
  if (foreign_keys_deferred_) ANSINH_RETURN_IF_ERROR(internal::CheckForeignKeys(*db_));
  if (deferred_indexes_) ANSINH_RETURN_IF_ERROR(deferred_indexes_->Rebuild(*db_));
  const internal::Json detail = {{"description", description_},
                                 {"hamlets_created", counts_.hamlets_created.size()},
                                 {"households", CountsJson(counts_.households)},
                                 {"persons", CountsJson(counts_.persons)},
                                 {"household_years", CountsJson(counts_.household_years)},
                                 {"person_years", CountsJson(counts_.person_years)},
                                 {"attributes_written", counts_.attributes_written}};
  ANSINH_RETURN_IF_ERROR(internal::AppendAudit(*db_, *clock_, actor_, "import", "registry",
                                               description_, "", detail.dump()));
  bulk_.reset();
  stmts_.reset();
  ANSINH_RETURN_IF_ERROR(tx_->Commit());
  tx_ = std::nullopt;
  return Status::Ok();  // the destructor restores the pragmas
}

}  // namespace ansinh::store
