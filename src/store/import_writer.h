// Writing an import dataset (ansinh import, docs/import-format.md) into the registry: upsert by
// the codes officers use, in one transaction, auditing real changes only.
//
// Owns: the insert-or-update of households (by code), persons (by code), household years (by
// household and year), person years (by person and year) and their custom attributes; the hamlets
// a file names that its commune does not have yet; the audit of what changed.
//
// Rules that must stay true:
//  - Everything or nothing: the writer holds one transaction from Begin to Commit; destroying it
//    uncommitted, or a process killed at any point, leaves the database as it was before Begin.
//  - Re-importing the same rows changes nothing: a row whose stored values equal the file's is
//    not written and not audited; a commit that changed nothing writes no audit row at all.
//  - Updates are audited row by row (before and after, as the repositories audit them). Inserts
//    are described by the import's own audit row (what file, how many of each table inserted,
//    updated, unchanged), as a bulk load is (bulk_loader.h): a million "insert" rows would say
//    nothing that row does not, and would double the cost of a first import.
//  - An import adds and updates; it never removes a household, a person or a survey the file does
//    not mention, nor a custom attribute the file does not carry.
//
// The caller checks the dataset as a whole first (io/import_validation.h); the writer still
// validates each row as the repositories do (core/validation.h), so that a caller that skipped
// the check cannot store what a repository would refuse.
//
// Bulk mode: a first import into an empty registry (no household, person, survey or attribute
// yet) cannot update anything, so the writer assigns the ids itself (after the highest the
// tables' AUTOINCREMENT has handed out) and writes every table BatchInsert::kRows rows at a time
// (store/bulk_write.h), with foreign keys checked once and the secondary indexes built once at
// the commit. A row is validated when it is put; a constraint only the database checks (a code
// given twice) fails the Put or Commit that writes its batch, and the import with it.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/household.h"
#include "store/bulk_write.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace ansinh::store {

// Extra columns of an imported row, name -> value (kept in the custom_attributes table).
using CustomAttributes = std::map<std::string, std::string>;

// What one table of an import did.
struct UpsertCounts {
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
};

struct ImportCounts {
  UpsertCounts households, persons, household_years, person_years;
  std::int64_t attributes_written = 0;  // custom attribute values inserted or changed
  // Hamlets the import created, as (commune code, name), in the order they were created.
  std::vector<std::pair<std::string, std::string>> hamlets_created;
  bool changed() const;
};

class ImportWriter {
 public:
  // Starts the import transaction. `description` names the import in its audit row
  // (e.g. "import households.csv… from /path").
  static Result<std::unique_ptr<ImportWriter>> Begin(Store& store, const Actor& actor,
                                                     std::string description);
  ~ImportWriter();  // rolls back unless committed

  // Inserts or updates the household with `household.code` in `household.commune_code`, in the
  // hamlet named `household.hamlet_name` (created when new). Returns the household's id.
  Result<std::int64_t> PutHousehold(const Household& household,
                                    const CustomAttributes& attributes = {});
  // Inserts or updates the person with `person.code` (required) in `person.household_id`.
  // Returns the person's id. `search_key`, when given, is SearchKey(person.full_name) computed by
  // the caller (the import's checks need it too); empty: the writer computes it.
  Result<std::int64_t> PutPerson(const Person& person, const CustomAttributes& attributes = {},
                                 std::string_view search_key = {});
  Status PutHouseholdYear(const HouseholdYear& survey, const CustomAttributes& attributes = {});
  Status PutPersonYear(const PersonYear& survey, const CustomAttributes& attributes = {});

  // Writes the import's audit row (its description and counts) and commits. A commit after which
  // counts().changed() is false writes nothing.
  Status Commit();
  const ImportCounts& counts() const { return counts_; }
  bool bulk() const { return bulk_ != nullptr; }

 private:
  struct Statements;
  struct BulkRows;
  static Result<std::unique_ptr<Statements>> PrepareAll(Database& db);
  static Result<std::unique_ptr<BulkRows>> PrepareBulk(Database& db);
  Status PutBulkAttributes(std::string_view entity, std::int64_t id, int year,
                           const CustomAttributes& attributes);
  static Result<bool> RegistryIsEmpty(Database& db);
  ImportWriter(Database* db, const Clock* clock, Actor actor, std::string description,
               Transaction tx, std::unique_ptr<Statements> statements);
  Result<std::int64_t> HamletId(const std::string& commune_code, const std::string& name);
  Status PutAttributes(std::string_view entity, std::int64_t id, int year,
                       const CustomAttributes& attributes);
  // Audits an update of one row: `select_sql` reads it (bound to `row_key`) before and after
  // `write` runs.
  template <typename Write>
  Status UpdateAudited(std::string_view table, std::string key, std::string_view select_sql,
                       std::initializer_list<SqlValue> row_key, Write write);
  // Inserts, updates (audited) or leaves a yearly survey row, counting which in `counts`.
  // `values` bind both `lookup` and `upsert` (owner id and year first).
  Status UpsertSurvey(Statement& lookup, Statement& upsert, bool table_was_empty,
                      std::initializer_list<SqlValue> values, std::string_view table,
                      std::string_view select_sql, std::int64_t owner, int year,
                      UpsertCounts& counts);

  Database* db_;
  const Clock* clock_;
  Actor actor_;
  std::string description_;
  std::optional<Transaction> tx_;       // empty once committed
  bool foreign_keys_deferred_ = false;  // foreign_keys is off until the writer ends
  std::optional<internal::DeferredIndexes> deferred_indexes_;  // built again at the commit
  std::string now_;  // the import's time, the created_at of what it inserts
  std::unique_ptr<Statements> stmts_;
  std::unique_ptr<BulkRows> bulk_;  // bulk mode only
  ImportCounts counts_;
  // (commune code, NFC name) -> hamlet id, loaded at Begin and grown as hamlets are created.
  std::map<std::pair<std::string, std::string>, std::int64_t> hamlets_;
};

}  // namespace ansinh::store
