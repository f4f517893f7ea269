// Reading an import dataset (docs/import-format.md): four tables (households, persons,
// household_years, person_years), given as a folder of CSV files or as an .xlsx workbook with one
// sheet per table, into typed rows, with Vietnamese or English headers, an optional mapping file
// that renames columns, and legacy-encoded text converted to Unicode NFC.
//
// Owns: the format's tables and columns (TableFormat), the table of header aliases, the reading
// of each table (streamed a row at a time through ReadCsvFile or ReadSheet; both paths share one
// row parser, so a sheet is read exactly as a CSV file), and the per-field parsing into core
// structs. It does not check the dataset as a whole (import_validation.h does) and writes nothing
// (dataset_writer.h writes the format).
// Two ways to read: StreamDataset hands each row to a DatasetSink and keeps none, so its memory
// is one row whatever the file's size (ansinh import reads a province this way, twice: once to
// check, once to write); ReadDataset collects every row into a Dataset, for exports, tests and
// small files.
// Must stay true: every file synth::OpenCsvSink and dataset_writer.h write reads back with no
// problem; StreamDataset and ReadDataset see the same rows and problems in the same order.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/household.h"
#include "core/status.h"
#include "io/legacy_encoding.h"

namespace ansinh::io {

// The four tables of the format, in the order they are read and written.
enum class Table { kHouseholds, kPersons, kHouseholdYears, kPersonYears };
inline constexpr std::array<Table, 4> kTables = {Table::kHouseholds, Table::kPersons,
                                                 Table::kHouseholdYears, Table::kPersonYears};

// A table of the format: its name (the file's without ".csv", the workbook's sheet), the
// Vietnamese sheet name also accepted, and its columns in the canonical order (the order the
// writers use): the required ones first, then the optional ones.
struct TableFormat {
  std::string_view name;      // "households"
  std::string_view sheet_vi;  // "Hộ gia đình"
  std::vector<std::string_view> required;
  std::vector<std::string_view> optional;
};
const TableFormat& FormatOf(Table table);

// One problem found in a dataset: where, what value, and why in both languages.
struct ImportProblem {
  std::string file;      // "persons.csv", or the sheet "persons" of a workbook
  std::int64_t row = 0;  // 1-based data row; 0 for the file or its header
  std::string column;    // canonical column name; "" for the whole row or file
  std::string value;     // the offending value itself
  std::string reason_vi;
  std::string reason_en;
  // A warning is reported but does not stop the import: a likely duplicate of a person (same
  // name and birth date in another household) may be two people; an officer looks, not the rule.
  bool warning = false;
};

// Columns a row had beyond the format's own, kept as custom attributes (thuộc tính bổ sung):
// the column's name (CanonicalColumn of its header) → the cell's text. An empty cell is no value.
using Attributes = std::map<std::string, std::string>;

struct HouseholdRow {
  std::int64_t row = 0;
  Household household;  // code, commune_code, hamlet_name, address
  Attributes attributes;
};

struct PersonRow {
  std::int64_t row = 0;
  std::string household_code;
  Person person;  // code, full_name, sex, birth_date, relation, ethnicity, id_number
  Attributes attributes;
};

struct HouseholdYearRow {
  std::int64_t row = 0;
  std::string household_code;
  HouseholdYear survey;
  Attributes attributes;
};

struct PersonYearRow {
  std::int64_t row = 0;
  std::string person_code;
  PersonYear survey;
  Attributes attributes;
};

// Where each table was read from, as problems name it: a file of a folder ("persons.csv") or a
// sheet of a workbook ("persons", or the sheet's Vietnamese name as the workbook spells it).
struct TableSources {
  std::string households = "households.csv";
  std::string persons = "persons.csv";
  std::string household_years = "household_years.csv";
  std::string person_years = "person_years.csv";
  const std::string& of(Table table) const;
  std::string& of(Table table);
};

// A dataset as read: the rows that parsed, and a problem for each field or row that did not.
// Every row is kept; a field that did not parse keeps its default and has a problem.
struct Dataset {
  std::vector<HouseholdRow> households;
  std::vector<PersonRow> persons;
  std::vector<HouseholdYearRow> household_years;
  std::vector<PersonYearRow> person_years;
  std::vector<ImportProblem> problems;
  EncodingReport encoding;
  TableSources sources;
};

// Receives a dataset a row at a time: Begin once (where each table is read from), then the rows
// of each table in file order, the tables in the order of kTables, with the reading's problems
// (a field that does not parse, a missing column, malformed CSV) as they are met. A row is valid
// only during the call. The first error a call returns stops the reading and is returned.
class DatasetSink {
 public:
  virtual ~DatasetSink() = default;
  virtual void Begin(const TableSources& /*sources*/) {}
  virtual Status Household(const HouseholdRow& row) = 0;
  virtual Status Person(const PersonRow& row) = 0;
  virtual Status HouseholdYear(const HouseholdYearRow& row) = 0;
  virtual Status PersonYear(const PersonYearRow& row) = 0;
  virtual void Problem(const ImportProblem& problem) = 0;
  // After the last row of `table` (also when the table could not be read).
  virtual void EndTable(Table /*table*/) {}
};

// The canonical column name for a header cell: trims, folds case and maps a Vietnamese or English
// alias ("mã hộ", "Ma ho", "household_id") to the format's name; other names are returned folded.
std::string CanonicalColumn(std::string_view header);

// Column renames read from a mapping file: a two-column CSV with the header "from,to".
using ColumnMapping = std::map<std::string, std::string>;
Result<ColumnMapping> ReadColumnMapping(const std::string& path);

// Reads the folder `dir` (households.csv, persons.csv, household_years.csv, person_years.csv).
// Problems in the data are collected in the result; an error is returned only when a file cannot
// be read at all (missing, unreadable, malformed CSV is reported as a problem of its file).
Result<Dataset> ReadDatasetFolder(const std::string& dir, const ColumnMapping& mapping = {});

// Reads the workbook `xlsx_path`: one sheet per table, named like the table ("households") or by
// its Vietnamese name ("Hộ gia đình"), matched whatever the case and diacritics. In each sheet the
// first non-empty row is the header and `row` of a problem counts data rows below it, as in a CSV
// file (header on Excel row 1: problem row 4 is Excel row 5). A number cell of birth_date above
// 2100 is an Excel date serial and is read as the date it stands for. An error is returned when
// the workbook cannot be read or lacks a table's sheet.
Result<Dataset> ReadDatasetWorkbook(const std::string& xlsx_path,
                                    const ColumnMapping& mapping = {});

// True when `path` names a workbook: it ends in ".xlsx", in any case.
bool IsWorkbookPath(std::string_view path);

// Reads a dataset wherever it is: a folder (ReadDatasetFolder) or an .xlsx file
// (ReadDatasetWorkbook). kNotFound for a path that does not exist; kInvalidArgument for anything
// else (another kind of file).
Result<Dataset> ReadDataset(const std::string& path, const ColumnMapping& mapping = {});

// Reads the dataset at `path` (a folder or a workbook, as ReadDataset) into `sink`, holding no
// more than the row being read. `encoding` (optional) accumulates what the text conversion did.
// Errors as ReadDataset's, or the first error the sink returned.
Status StreamDataset(const std::string& path, const ColumnMapping& mapping, DatasetSink& sink,
                     EncodingReport* encoding = nullptr);

}  // namespace ansinh::io
