// Validation of a whole import dataset before anything is written (issue 4): every problem is
// collected, none stops the check, so an officer fixes the file once.
//
// Owns: the cross-row and cross-table checks (types and ranges through core/validation.h, commune
// codes of the province, referential integrity, one head per household, duplicate keys, a birth
// date in the future, negative income, zero area, likely duplicates of a person across
// households) and the error report (file,row,column,value,reason_vi,reason_en) as CSV or XLSX;
// which households an import may write when the officer accepts the valid part (import_selection.h).
//
// The checks stream: DatasetChecker is a DatasetSink that sees each row once and keeps only keys
// — codes and ID numbers interned to dense integer ids (key_table.h), per household its row,
// heads and rows counted, per person its household and name key — never the rows. A province of
// a million households is checked in a few hundred MB, and the import then reads the files again
// to write them (cli/import_command.cc), asking the checker which household a code is and whether
// it is accepted.
// Must stay true: the problems are those of the whole dataset, each once, in this order: the
// reading's (as met), then per table in the order of kTables the rows' checks in row order, the
// heads of the households (in row order) right after the persons; ValidateDataset over a held
// Dataset and a DatasetChecker over StreamDataset of the same files give the same list.
#pragma once

#include <cstdint>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "io/dataset.h"
#include "io/import_selection.h"
#include "io/key_table.h"

namespace ansinh::io {

class DatasetChecker : public DatasetSink {
 public:
  static constexpr std::uint32_t kNone = KeyTable::kNone;

  // `communes`: the valid 5-digit commune codes of the database's province; `clock` dates "the
  // future". Both must outlive the checker.
  DatasetChecker(const std::set<std::string>& communes, const Clock& clock);

  void Begin(const TableSources& sources) override;
  Status Household(const HouseholdRow& row) override;
  Status Person(const PersonRow& row) override;
  Status HouseholdYear(const HouseholdYearRow& row) override;
  Status PersonYear(const PersonYearRow& row) override;
  void Problem(const ImportProblem& problem) override;
  void EndTable(Table table) override;

  // Every problem, reading's first (call once the whole dataset has been seen).
  std::vector<ImportProblem> Problems() const;
  std::int64_t rows() const { return rows_; }  // data rows seen, all tables
  // How many household and person codes have an id (ids are 0 .. count - 1).
  std::uint32_t households() const { return households_.size(); }
  std::uint32_t persons() const { return persons_.size(); }
  // The households an import may write: whole dataset, or those without a problem (a warning is
  // no problem).
  ImportSelection Selection() const;

  // For the write pass, once checked: the household (the id its code got here) of a code, or
  // kNone; the person likewise; the search key (SearchKey) of a person's name, computed once here.
  std::uint32_t HouseholdOf(std::string_view code) const { return households_.Find(code); }
  std::uint32_t PersonOf(std::string_view code) const { return persons_.Find(code); }
  std::string_view SearchKeyOf(std::uint32_t person) const;
  // The household a person's first row belongs to (kNone when unknown).
  std::uint32_t HouseholdOfPerson(std::uint32_t person) const;
  // Bytes held by the checker's keys, for the import's summary and the memory tests.
  std::size_t MemoryBytes() const;

 private:
  void Add(Table table, std::int64_t row, std::string column, std::string value, std::string vi,
           std::string en, std::uint32_t household);
  void AddStatus(Table table, std::int64_t row, const Status& status, std::uint32_t household);
  void AddOrphan(Table table, std::int64_t row, const char* column, const std::string& code,
                 Table owner, const char* what_vi, const char* what_en, std::uint32_t household);
  // A household code's id, interned when first met (also a code no households row defines).
  std::uint32_t InternHousehold(std::string_view code);
  std::uint32_t InternPerson(std::string_view code);
  // The reading problem of the row just delivered (if any) falls on `household`.
  void SettleReadingProblem(Table table, std::int64_t row, std::uint32_t household);
  void Reject(std::uint32_t household);
  // True when (owner, year) was seen before in `first_year`/`more`; records it otherwise.
  static bool SeenYear(std::vector<std::uint8_t>& first_year, U64Map& more, std::uint32_t owner,
                       int year);
  void CheckHeads();

  const Clock& clock_;
  KeyTable communes_;
  TableSources sources_;
  std::vector<ImportProblem> reading_problems_, problems_;
  std::int64_t rows_ = 0;

  // Households: codes → ids; per id the row defining it (0: referenced only), heads, rows.
  KeyTable households_;
  std::vector<std::int64_t> household_row_;
  std::vector<std::int32_t> heads_;
  std::vector<std::uint8_t> household_rejected_;
  std::vector<std::uint8_t> household_first_year_;
  U64Map household_more_years_;

  // Persons: codes → ids; per id the household of its first row, its name key, first year.
  KeyTable persons_;
  std::vector<std::uint32_t> person_household_;
  std::vector<std::uint32_t> person_name_;
  std::vector<std::uint8_t> person_defined_;
  std::vector<std::uint8_t> person_first_year_;
  U64Map person_more_years_;
  bool person_without_code_ = false;

  // Likely duplicates: (name key, birth date) → the first person row with them.
  KeyTable names_, births_;
  U64Map name_birth_;
  std::vector<std::int64_t> name_birth_row_;
  std::vector<std::uint32_t> name_birth_household_;
  // ID numbers → the first row with each.
  KeyTable id_numbers_;
  std::vector<std::int64_t> id_number_row_;

  // Selection: a problem no row can carry rejects the whole dataset; otherwise its household.
  bool whole_rejected_ = false;
  std::int64_t pending_row_ = -1;  // row of the last reading problem, until its row arrives
  Table pending_table_ = Table::kHouseholds;
  std::int64_t rejected_count_ = 0;
};

// The problems of `dataset` (its reading problems first, then the checks'), by a DatasetChecker
// over its rows. `communes` holds the valid 5-digit commune codes of the database's province;
// `clock` dates "the future".
std::vector<ImportProblem> ValidateDataset(const Dataset& dataset,
                                           const std::set<std::string>& communes,
                                           const Clock& clock);

// The error report: a header "file,row,column,value,reason_vi,reason_en" and one row a problem.
void WriteErrorReport(const std::vector<ImportProblem>& problems, std::ostream& out);
// The report into the file `path`: a workbook (one sheet "errors", the header bold) when the path
// ends in ".xlsx" (any case), CSV otherwise. kIoError when it cannot be written.
Status WriteErrorReportFile(const std::vector<ImportProblem>& problems, const std::string& path);

}  // namespace ansinh::io
