// The store: the registry's source of truth, in SQLite (WAL; foreign keys on; busy timeout).
//
// Store is the front door. It owns one connection and hands out repositories, one per concept,
// each with typed functions; nothing outside src/store sees SQL. Opening a store applies the
// forward-only migrations (schema.h) that it has not applied yet.
//
// Every change goes through one repository call that validates its input (core/validation.h),
// writes, and appends to the audit log in the same transaction: a call that fails changes
// nothing, and the log holds one row per real change (an update that changes no value is not
// logged). Reads never write.
//
// Thread safety: a Store and its repositories are used by one thread at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/admin_unit.h"
#include "core/clock.h"
#include "core/household.h"
#include "core/status.h"

namespace ansinh::store {

class Database;  // the RAII SQLite wrapper (sqlite.h), private to src/store
class BulkLoader;      // bulk_loader.h
class ImportWriter;    // import_writer.h
class RegistryReader;  // registry_reader.h
class HouseholdDirectory;  // household_directory.h

// Who makes a change, for the audit log: "cli" for the command line, a username on the server.
struct Actor {
  std::string name;
};

struct OpenOptions {
  bool create_if_missing = true;  // false: a missing file is kNotFound
  int busy_timeout_ms = 5000;
};

struct UnitCounts {
  std::int64_t hamlets = 0;
  std::int64_t households = 0;
  std::int64_t persons = 0;
};

class UnitRepository {
 public:
  explicit UnitRepository(Database* db, const Clock* clock) : db_(db), clock_(clock) {}
  // Writes a province's tree (the province, its districts, its communes) in one transaction.
  // kAlreadyExists when the database already holds a province.
  Status InitProvince(const std::vector<AdminUnit>& units, const Actor& actor);
  // The province this database holds; kFailedPrecondition when not initialised.
  Result<AdminUnit> Province();
  Result<std::optional<AdminUnit>> Find(std::string_view code);
  Result<std::vector<AdminUnit>> All();  // every unit, ordered by code
  Result<std::vector<AdminUnit>> Children(std::string_view parent_code);
  // The named hamlet of a commune, created (and audited) when it does not exist yet.
  // kNotFound for an unknown commune; kInvalidArgument for an empty name.
  Result<Hamlet> FindOrCreateHamlet(std::string_view commune_code, std::string_view name,
                                    const Actor& actor);
  Result<std::vector<Hamlet>> Hamlets(std::string_view commune_code);
  // Hamlets, households and persons per commune code (communes with none are absent).
  Result<std::map<std::string, UnitCounts>> CountsByCommune();

 private:
  Database* db_;
  const Clock* clock_;
};

struct HouseholdFilter {
  std::string unit_code;  // a province, district or commune code; empty: all
  std::int64_t limit = 1000;
  std::int64_t offset = 0;
};

class HouseholdRepository {
 public:
  explicit HouseholdRepository(Database* db, const Clock* clock) : db_(db), clock_(clock) {}
  // Adds a household in `household.commune_code`, in the hamlet named `household.hamlet_name`
  // (created if new). An empty code gets a generated one ("<commune>-<id>"). Returns it as stored.
  Result<Household> Add(const Household& household, const Actor& actor);
  Result<Household> Get(std::int64_t id);  // kNotFound when absent
  Result<std::optional<Household>> FindByCode(std::string_view code);
  Result<std::vector<Household>> List(const HouseholdFilter& filter);  // ordered by id
  // Replaces the editable fields (code, commune, hamlet name, address) of an existing household.
  Status Update(const Household& household, const Actor& actor);
  // Removes a household with its members, surveys and classifications (each removal audited).
  Status Remove(std::int64_t id, const Actor& actor);

  // Members. A person's household must exist (kNotFound otherwise).
  Result<Person> AddPerson(const Person& person, const Actor& actor);
  Result<Person> GetPerson(std::int64_t id);
  Status UpdatePerson(const Person& person, const Actor& actor);
  Status RemovePerson(std::int64_t id, const Actor& actor);
  Result<std::vector<Person>> Members(std::int64_t household_id);  // head first, then by id

 private:
  Database* db_;
  const Clock* clock_;
};

// A member surveyed in a year: the person and their answers.
struct SurveyMember {
  Person person;
  PersonYear year;
};

// A household as classification reads it for one year: its survey, its commune's urban flag, and
// the members with a survey that year (head first, then by person id).
struct SurveyedHousehold {
  Household household;  // hamlet_name is not filled
  HouseholdYear survey;
  bool urban = false;
  std::vector<SurveyMember> members;
};

// One household of a year scan (SurveyRepository::ScanYear). The texts are views into the row
// being read: valid during the call only.
struct ScannedHousehold {
  std::int64_t id = 0;
  std::string_view commune_code;
  bool urban = false;  // the commune's
  HouseholdYear survey;
};

// One member of a year scan: what classification reads of a person, without name, code or ID
// number. Views valid during the call only.
struct ScannedMember {
  std::int64_t person_id = 0;
  std::string_view birth_date;
  Sex sex = Sex::kMale;
  Relation relation = Relation::kOther;
  std::string_view ethnicity;
  PersonYear year;
};

// Receives a year scan: each household, then its members (head first, then by person id).
class YearScanSink {
 public:
  virtual ~YearScanSink() = default;
  virtual Status Household(const ScannedHousehold& household) = 0;
  virtual Status Member(const ScannedMember& member) = 0;  // a member of the last household
};

class SurveyRepository {
 public:
  explicit SurveyRepository(Database* db, const Clock* clock) : db_(db), clock_(clock) {}
  // Inserts or replaces the household's survey of that year.
  Status PutHouseholdYear(const HouseholdYear& survey, const Actor& actor);
  Result<std::optional<HouseholdYear>> GetHouseholdYear(std::int64_t household_id, int year);
  Result<std::vector<HouseholdYear>> HouseholdYears(std::int64_t household_id);  // by year
  Status PutPersonYear(const PersonYear& survey, const Actor& actor);
  Result<std::optional<PersonYear>> GetPersonYear(std::int64_t person_id, int year);
  // The member surveys of one household in one year, ordered by person id.
  Result<std::vector<PersonYear>> PersonYearsOfHousehold(std::int64_t household_id, int year);
  // Every household surveyed in `year`, in household-id order (survey_snapshot.cc).
  Result<std::vector<SurveyedHousehold>> YearSnapshot(int year);
  // One household of that snapshot (what its page classifies on demand); nullopt when the
  // household has no survey that year.
  Result<std::optional<SurveyedHousehold>> HouseholdSnapshot(std::int64_t household_id, int year);
  // The same households and members streamed to `sink` without building a record per row: the
  // way to fill a columnar snapshot (survey_snapshot.cc). Stops at the sink's first error.
  Status ScanYear(int year, YearScanSink& sink);

 private:
  Database* db_;
  const Clock* clock_;
};

// A household's classification in a year under one standard, with its explanation.
struct Classification {
  std::int64_t household_id = 0;
  int year = 0;
  std::string standard_id;  // "vn-2016-2020"
  Category category = Category::kOther;
  Vnd income_per_capita = 0;  // floor of the exact quotient; display only
  int deprivation_count = 0;
  std::string outcome;           // review outcome code, e.g. "old_poor", "new"; may be empty
  std::string explanation_json;  // structured explanation (rules subsystem's format)
  std::string classified_at;     // ISO timestamp, set by the store
};

class ClassificationRepository {
 public:
  explicit ClassificationRepository(Database* db, const Clock* clock) : db_(db), clock_(clock) {}
  // Inserts or replaces (household, year, standard).
  Status Put(const Classification& c, const Actor& actor);
  // Puts every classification in one transaction (all or nothing); each real change is audited
  // as Put would audit it.
  Status PutAll(const std::vector<Classification>& list, const Actor& actor);
  Result<std::vector<Classification>> ForHousehold(std::int64_t household_id);  // by year
  // Every classification of a year, by household id then standard.
  Result<std::vector<Classification>> ForYear(int year);

 private:
  Database* db_;
  const Clock* clock_;
};

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string password_hash;  // argon2id string; never the password
  std::string role;           // administrator, province, district, commune, viewer
  std::string unit_code;      // the unit whose subtree the user sees
  bool disabled = false;
  std::string created_at;
};

class UserRepository {
 public:
  explicit UserRepository(Database* db, const Clock* clock) : db_(db), clock_(clock) {}
  Result<User> Add(const User& user, const Actor& actor);  // kAlreadyExists for a taken name
  Result<std::optional<User>> FindByUsername(std::string_view username);
  Result<std::vector<User>> List();
  Status SetPasswordHash(std::string_view username, std::string_view hash, const Actor& actor);

 private:
  Database* db_;
  const Clock* clock_;
};

// One change: who, when, what (table and key), and the row before and after, as JSON objects
// ("" for the side that does not exist: before of an insert, after of a delete).
struct AuditEntry {
  std::int64_t id = 0;
  std::string at;  // ISO timestamp
  std::string actor;
  std::string action;  // "insert", "update", "delete", or an event such as "login"
  std::string table;   // "household", "person", "household_year", ...
  std::string key;     // the row's key as text: "17", "17/2024", "96"
  std::string before_json;
  std::string after_json;
};

struct AuditQuery {
  std::string table;  // empty: all
  std::string key;    // empty: all
  std::int64_t limit = 100;
};

class AuditLog {
 public:
  explicit AuditLog(Database* db, const Clock* clock) : db_(db), clock_(clock) {}
  Result<std::vector<AuditEntry>> List(const AuditQuery& query);  // newest first
  // Records an event that is not a row change (a sign-in); audited changes are recorded by the
  // repositories themselves.
  Status RecordEvent(const Actor& actor, std::string_view action, std::string_view table,
                     std::string_view key, std::string_view detail_json);

  // What was logged after entry `after`: the newest entry's id (`after` when none), and whether
  // any of those entries changed the registry (any table but user accounts and stored
  // classifications). Reads only the entries after `after`; with `after` < 0, only the newest id.
  // How a long-running reader (the server) learns that what it loaded is out of date.
  struct Changes {
    std::int64_t last_id = 0;
    bool registry_changed = false;
  };
  Result<Changes> ChangesSince(std::int64_t after);

 private:
  Database* db_;
  const Clock* clock_;
};

class Store {
 public:
  // Opens (or creates) the database at `path` and migrates it to the latest schema.
  // `clock` must outlive the store.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const Clock& clock,
                                             const OpenOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  int schema_version() const;
  // Another connection to the same database file, for a reader on another thread (WAL lets
  // readers run beside each other and beside a writer). kFailedPrecondition for an in-memory
  // database, which no second connection can see.
  Result<std::unique_ptr<Store>> OpenAnother() const;

  UnitRepository& units() { return units_; }
  HouseholdRepository& households() { return households_; }
  SurveyRepository& surveys() { return surveys_; }
  ClassificationRepository& classifications() { return classifications_; }
  UserRepository& users() { return users_; }
  AuditLog& audit() { return audit_; }

 private:
  friend class BulkLoader;      // writes many rows through the store's one connection
  friend class ImportWriter;    // import_writer.h: upserts an import dataset in one transaction
  friend class RegistryReader;  // registry_reader.h: streams a year of the registry for export
  friend class HouseholdDirectory;  // household_directory.h: the server's list and search
  Store(std::unique_ptr<Database> db, const Clock& clock);
  Database* database() { return db_.get(); }
  const Clock* clock() const { return clock_; }
  std::unique_ptr<Database> db_;
  const Clock* clock_;
  UnitRepository units_;
  HouseholdRepository households_;
  SurveyRepository surveys_;
  ClassificationRepository classifications_;
  UserRepository users_;
  AuditLog audit_;
  int schema_version_ = 0;
};

}  // namespace ansinh::store
