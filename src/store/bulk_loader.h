// Loading a whole registry at once into a database that holds no households yet: a synthetic
// province (ansinh generate), or the first migration of a province's old files.
//
// One transaction for the whole load, statements prepared once, rows validated as the
// repositories validate them (core/validation.h), and one audit row for the load naming what it
// wrote — not one per row: the rows' origin is the load, and a million "insert" rows would say
// nothing that the load's row does not. Everything or nothing: a load that is not committed, or
// a process that dies half-way, leaves the database as it was.
//
// Ids are the caller's: households and persons keep the ids they come with, so a loaded registry
// can be compared row for row with its source.
//
// Speed: rows are buffered and written kRowsPerInsert at a time by one multi-row INSERT (survey
// rows, one per household or member and year, are most of a load); the registry tables'
// secondary indexes are dropped at Begin and made again by Commit, inside the same transaction,
// so each is built by one sort instead of a million inserts at random places
// (store/bulk_write.h, shared with the import writer); a rollback or a crash brings them back
// with the rest.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/household.h"
#include "store/bulk_write.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace ansinh::store {
namespace internal {

// Rows of a bulk load, validated and waiting for their multi-row INSERT.
struct BulkHouseholdRow {
  Household household;            // with its hamlet's name
  const std::string* created_at;  // the load's time, formatted once
};
struct BulkPersonRow {
  Person person;  // name in NFC
  std::string search_key;
};

}  // namespace internal

struct BulkLoadCounts {
  std::int64_t hamlets = 0, households = 0, persons = 0, household_years = 0, person_years = 0;
};

class BulkLoader {
 public:
  // Starts the load. kFailedPrecondition when the database already holds households.
  static Result<std::unique_ptr<BulkLoader>> Begin(Store& store, const Actor& actor,
                                                   std::string description);
  ~BulkLoader();  // rolls back unless committed

  // Returns the new hamlet's id. kNotFound for a commune not in the database.
  Result<std::int64_t> AddHamlet(const std::string& commune_code, const std::string& name);
  // `household.hamlet_id` must be an id AddHamlet returned; `household.id` is kept.
  Status AddHousehold(const Household& household);
  Status AddPerson(const Person& person);  // `person.id` is kept
  Status AddHouseholdYear(const HouseholdYear& survey);
  Status AddPersonYear(const PersonYear& survey);

  // Writes the audit row and commits.
  Status Commit();
  const BulkLoadCounts& counts() const { return counts_; }

  // Rows per multi-row INSERT of every table but hamlets (at most 13 values a row; SQLite
  // allows 32,766 parameters).
  static constexpr std::size_t kRowsPerInsert = 64;

 private:
  struct Statements;
  static Result<std::unique_ptr<Statements>> PrepareAll(Database& db);
  // Write the buffered rows: kRowsPerInsert at a time when `all` is false (the rest stays
  // buffered), every one when true.
  Status FlushHouseholds(bool all);
  Status FlushPersons(bool all);
  Status FlushHouseholdYears(bool all);
  Status FlushPersonYears(bool all);
  BulkLoader(Database* db, const Clock* clock, Actor actor, std::string description,
             Transaction tx, std::unique_ptr<Statements> statements,
             internal::DeferredIndexes indexes);

  Database* db_;
  const Clock* clock_;
  std::string created_at_;  // every household's created_at: the time the load began
  Actor actor_;
  std::string description_;
  std::optional<Transaction> tx_;  // empty once committed or rolled back
  bool committed_ = false;
  std::unique_ptr<Statements> stmts_;
  internal::DeferredIndexes indexes_;  // the registry's secondary indexes, rebuilt by Commit
  std::vector<internal::BulkHouseholdRow> households_;  // validated, not yet written
  std::vector<internal::BulkPersonRow> persons_;
  std::vector<HouseholdYear> household_years_;
  std::vector<PersonYear> person_years_;
  BulkLoadCounts counts_;
  // Hamlets of this load: id -> (commune code, name), to check and describe households.
  std::map<std::int64_t, std::pair<std::string, std::string>> hamlets_;
};

}  // namespace ansinh::store
