#include "store/schema.h"

#include <array>
#include <string>

namespace ansinh::store {
namespace {

// Version 1: the registry — administrative units, hamlets, households, members, and the annual
// surveys of each. Ids of households and persons are AUTOINCREMENT so that an id, once used in the
// audit log, never names another row.
constexpr std::string_view kV1[] = {
    R"(CREATE TABLE admin_units (
         code TEXT PRIMARY KEY CHECK (length(code) IN (2, 3, 5)),
         name TEXT NOT NULL CHECK (name <> ''),
         type TEXT NOT NULL,
         level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
         parent_code TEXT REFERENCES admin_units (code),
         urban INTEGER NOT NULL DEFAULT 0 CHECK (urban IN (0, 1)),
         CHECK ((level = 1) = (parent_code IS NULL))))",
    "CREATE INDEX admin_units_by_parent ON admin_units (parent_code)",
    R"(CREATE TABLE hamlets (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         commune_code TEXT NOT NULL REFERENCES admin_units (code),
         name TEXT NOT NULL CHECK (name <> ''),
         UNIQUE (commune_code, name)))",
    R"(CREATE TABLE households (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         code TEXT UNIQUE NOT NULL CHECK (code <> ''),
         commune_code TEXT NOT NULL REFERENCES admin_units (code),
         hamlet_id INTEGER NOT NULL REFERENCES hamlets (id),
         address TEXT NOT NULL DEFAULT '',
         created_at TEXT NOT NULL))",
    "CREATE INDEX households_by_commune ON households (commune_code, id)",
    "CREATE INDEX households_by_hamlet ON households (hamlet_id)",
    R"(CREATE TABLE persons (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         household_id INTEGER NOT NULL REFERENCES households (id),
         code TEXT UNIQUE CHECK (code <> ''),
         full_name TEXT NOT NULL CHECK (full_name <> ''),
         search_key TEXT NOT NULL,
         sex TEXT NOT NULL CHECK (sex IN ('M', 'F')),
         birth_date TEXT NOT NULL,
         relation TEXT NOT NULL CHECK (relation IN
           ('head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other')),
         ethnicity TEXT NOT NULL DEFAULT 'Kinh',
         id_number TEXT CHECK (id_number GLOB '[0-9]*' AND length(id_number) IN (9, 12))))",
    "CREATE INDEX persons_by_household ON persons (household_id, id)",
    "CREATE INDEX persons_by_search_key ON persons (search_key)",
    R"(CREATE TABLE household_years (
         household_id INTEGER NOT NULL REFERENCES households (id),
         year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
         income_month INTEGER NOT NULL CHECK (income_month >= 0),
         housing_quality TEXT NOT NULL CHECK (housing_quality IN
           ('permanent', 'semi_permanent', 'less_permanent', 'temporary')),
         housing_area_m2 REAL NOT NULL CHECK (housing_area_m2 > 0 AND housing_area_m2 < 10000),
         clean_water INTEGER NOT NULL CHECK (clean_water IN (0, 1)),
         hygienic_latrine INTEGER NOT NULL CHECK (hygienic_latrine IN (0, 1)),
         telecom INTEGER NOT NULL CHECK (telecom IN (0, 1)),
         info_assets INTEGER NOT NULL CHECK (info_assets IN (0, 1)),
         PRIMARY KEY (household_id, year)) WITHOUT ROWID)",
    "CREATE INDEX household_years_by_year ON household_years (year)",
    R"(CREATE TABLE person_years (
         person_id INTEGER NOT NULL REFERENCES persons (id),
         year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
         health_insurance INTEGER NOT NULL CHECK (health_insurance IN (0, 1)),
         in_school INTEGER NOT NULL CHECK (in_school IN (0, 1)),
         education_grade INTEGER NOT NULL CHECK (education_grade BETWEEN 0 AND 12),
         trained INTEGER NOT NULL CHECK (trained IN (0, 1)),
         vocational_trained INTEGER NOT NULL CHECK (vocational_trained IN (0, 1)),
         employed INTEGER NOT NULL CHECK (employed IN (0, 1)),
         disability INTEGER NOT NULL CHECK (disability >= 0),
         sick_untreated INTEGER NOT NULL CHECK (sick_untreated IN (0, 1)),
         malnourished INTEGER NOT NULL CHECK (malnourished IN (0, 1)),
         wage_no_contract INTEGER NOT NULL CHECK (wage_no_contract IN (0, 1)),
         social_allowance INTEGER NOT NULL CHECK (social_allowance IN (0, 1)),
         PRIMARY KEY (person_id, year)) WITHOUT ROWID)",
    "CREATE INDEX person_years_by_year ON person_years (year)",
};

// Version 2: what is derived and who may act — classifications, users — and the append-only
// audit log, guarded by triggers so that not even a hand-typed SQL statement rewrites history.
constexpr std::string_view kV2[] = {
    R"(CREATE TABLE classifications (
         household_id INTEGER NOT NULL REFERENCES households (id),
         year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
         standard_id TEXT NOT NULL CHECK (standard_id <> ''),
         category TEXT NOT NULL CHECK (category IN ('poor', 'near_poor', 'middle', 'other')),
         income_per_capita INTEGER NOT NULL CHECK (income_per_capita >= 0),
         deprivation_count INTEGER NOT NULL CHECK (deprivation_count >= 0),
         outcome TEXT NOT NULL DEFAULT '',
         explanation TEXT CHECK (explanation IS NULL OR json_valid(explanation)),
         classified_at TEXT NOT NULL,
         PRIMARY KEY (household_id, year, standard_id)) WITHOUT ROWID)",
    "CREATE INDEX classifications_by_year ON classifications (year, standard_id, category)",
    R"(CREATE TABLE users (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         username TEXT UNIQUE NOT NULL CHECK (username <> ''),
         password_hash TEXT NOT NULL,
         role TEXT NOT NULL CHECK (role IN
           ('administrator', 'province', 'district', 'commune', 'viewer')),
         unit_code TEXT REFERENCES admin_units (code),
         disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
         created_at TEXT NOT NULL))",
    R"(CREATE TABLE audit_log (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         at TEXT NOT NULL,
         actor TEXT NOT NULL,
         action TEXT NOT NULL,
         table_name TEXT NOT NULL,
         row_key TEXT NOT NULL,
         before_json TEXT,
         after_json TEXT))",
    "CREATE INDEX audit_log_by_row ON audit_log (table_name, row_key, id)",
    R"(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)",
    R"(CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)",
};

// Version 3: columns an import file carries beyond the format's own (docs/import-format.md,
// "custom attribute"), kept per row so that an export gives them back. `year` is 0 for the
// household and person tables, the survey year for household_year and person_year.
constexpr std::string_view kV3[] = {
    R"(CREATE TABLE custom_attributes (
         entity TEXT NOT NULL CHECK (entity IN
           ('household', 'person', 'household_year', 'person_year')),
         entity_id INTEGER NOT NULL,
         year INTEGER NOT NULL DEFAULT 0,
         name TEXT NOT NULL CHECK (name <> ''),
         value TEXT NOT NULL,
         PRIMARY KEY (entity, entity_id, year, name)) WITHOUT ROWID)",
};

// Version 4: the same constraints, checked faster. SQLite evaluates `x IN (a, b, c, ...)` with
// more than two values in a CHECK by building a temporary table for every row written, which
// made an import spend more time on three constraints than on its rows (docs/performance.md);
// a chain of `=` tests says the same and costs nothing. The constraint text is rewritten in
// place, as SQLite documents for a change that leaves every stored row valid ("Making Other
// Kinds Of Table Schema Changes", sqlite.org/lang_altertable.html): writable_schema, the new
// text, and the schema version raised so that every connection reads it again.
struct CheckRewrite {
  std::string_view table, before, after;
};
constexpr CheckRewrite kInListChecks[] = {
    {"persons",
     "relation IN\n           ('head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', "
     "'other')",
     "relation = 'head' OR relation = 'spouse' OR relation = 'child' OR relation = 'parent' OR "
     "relation = 'grandchild' OR relation = 'sibling' OR relation = 'other'"},
    {"household_years",
     "housing_quality IN\n           ('permanent', 'semi_permanent', 'less_permanent', "
     "'temporary')",
     "housing_quality = 'permanent' OR housing_quality = 'semi_permanent' OR "
     "housing_quality = 'less_permanent' OR housing_quality = 'temporary'"},
    {"classifications", "category IN ('poor', 'near_poor', 'middle', 'other')",
     "category = 'poor' OR category = 'near_poor' OR category = 'middle' OR "
     "category = 'other'"},
};

Status RewriteInListChecks(Database& db) {
  std::int64_t schema_version = 0;
  {  // the statement is finalised before the schema changes
    ANSINH_ASSIGN_OR_RETURN(Statement version, db.Prepare("PRAGMA schema_version"));
    ANSINH_ASSIGN_OR_RETURN(bool has_version, version.Step());
    if (has_version) schema_version = version.ColumnInt(0);
  }
  ANSINH_RETURN_IF_ERROR(db.Execute("PRAGMA writable_schema = ON"));
  Status status = Status::Ok();
  for (const CheckRewrite& r : kInListChecks) {
    status = db.Execute(
        "UPDATE sqlite_master SET sql = replace(sql, ?2, ?3) "
        "WHERE type = 'table' AND name = ?1 AND instr(sql, ?2) > 0",
        {r.table, r.before, r.after});
    if (status.ok() && db.Changes() != 1) {
      status = Status::Error(
          ErrorCode::kFailedPrecondition, "lược đồ bảng " + std::string(r.table) + " khác dự kiến",
          "the schema of table " + std::string(r.table) + " is not the one expected");
    }
    if (!status.ok()) break;
  }
  if (status.ok()) {
    status = db.Execute("PRAGMA schema_version = " + std::to_string(schema_version + 1));
  }
  Status off = db.Execute("PRAGMA writable_schema = OFF");
  return status.ok() ? off : status;
}

// Version 5: the server's search finds a person by ID number (CCCD/CMND) exactly; without an
// index that is a scan of every person of the province on each search.
constexpr std::string_view kV5[] = {
    "CREATE INDEX persons_by_id_number ON persons (id_number)",
};

constexpr std::array kMigrations = {
    Migration{1, "registry: units, hamlets, households, persons, annual surveys", kV1},
    Migration{2, "classifications, users, append-only audit log", kV2},
    Migration{3, "custom attributes of imported rows", kV3},
    Migration{
        4, "constraints of value lists checked without temporary tables", {}, RewriteInListChecks},
    Migration{5, "persons found by ID number", kV5},
};

Status EnsureVersionTable(Database& db) {
  return db.Execute(
      "CREATE TABLE IF NOT EXISTS schema_version ("
      "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
}

Status Apply(Database& db, const Clock& clock, const Migration& migration) {
  auto failed = [&migration](const Status& status) {
    return Status::Error(status.code(),
                         "không áp dụng được bản nâng cấp lược đồ " +
                             std::to_string(migration.version) + ": " + status.message_vi(),
                         "cannot apply schema migration " + std::to_string(migration.version) +
                             ": " + status.message_en());
  };
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(&db));
  ANSINH_RETURN_IF_ERROR(EnsureVersionTable(db));
  for (std::string_view sql : migration.statements) {
    Status status = db.Execute(sql);
    if (!status.ok()) return failed(status);
  }
  if (migration.step != nullptr) {
    Status status = migration.step(db);
    if (!status.ok()) return failed(status);
  }
  ANSINH_RETURN_IF_ERROR(
      db.Execute("INSERT INTO schema_version (version, applied_at) VALUES (?1, ?2)",
                 {migration.version, clock.NowIso()}));
  return tx.Commit();
}

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations.back().version; }

Result<int> CurrentSchemaVersion(Database& db) {
  ANSINH_ASSIGN_OR_RETURN(
      Statement exists,
      db.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"));
  ANSINH_ASSIGN_OR_RETURN(bool has_table, exists.Step());
  if (!has_table) return 0;
  ANSINH_ASSIGN_OR_RETURN(Statement max,
                          db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
  ANSINH_ASSIGN_OR_RETURN(bool row, max.Step());
  if (!row) return 0;
  return static_cast<int>(max.ColumnInt(0));
}

Status Migrate(Database& db, const Clock& clock, int target_version) {
  ANSINH_ASSIGN_OR_RETURN(int current, CurrentSchemaVersion(db));
  if (current > LatestSchemaVersion()) {
    const std::string numbers =
        std::to_string(current) + " > " + std::to_string(LatestSchemaVersion());
    return Status::Error(
        ErrorCode::kFailedPrecondition,
        "cơ sở dữ liệu thuộc phiên bản mới hơn chương trình (lược đồ " + numbers +
            "); hãy cập nhật An Sinh",
        "the database was written by a newer program (schema " + numbers + "); upgrade An Sinh");
  }
  if (current >= target_version) return Status::Ok();
  for (const Migration& migration : kMigrations) {
    if (migration.version <= current || migration.version > target_version) continue;
    ANSINH_RETURN_IF_ERROR(Apply(db, clock, migration));
  }
  return Status::Ok();
}

}  // namespace ansinh::store
