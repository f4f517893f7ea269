// Reading an import dataset (docs/import-format.md): a folder of four CSV tables (households,
// persons, household_years, person_years) into typed rows, with Vietnamese or English headers, an
// optional mapping file that renames columns, and legacy-encoded text converted to Unicode NFC.
//
// Owns: the table of header aliases, the reading of each table (streamed a row at a time through
// ReadCsvFile), and the per-field parsing into core structs. It does not check the dataset as a
// whole (import_validation.h does) and writes nothing.
// Must stay true: every file synth::OpenCsvSink writes reads back with no problem.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/household.h"
#include "core/status.h"
#include "io/legacy_encoding.h"

namespace ansinh::io {

// One problem found in a dataset: where, what value, and why in both languages.
struct ImportProblem {
  std::string file;      // "persons.csv"
  std::int64_t row = 0;  // 1-based data row; 0 for the file or its header
  std::string column;    // canonical column name; "" for the whole row or file
  std::string value;     // the offending value itself
  std::string reason_vi;
  std::string reason_en;
};

// Columns a row had beyond the format's own, kept as custom attributes (thuộc tính bổ sung).
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

// A dataset as read: the rows that parsed, and a problem for each field or row that did not.
// Every row is kept; a field that did not parse keeps its default and has a problem.
struct Dataset {
  std::vector<HouseholdRow> households;
  std::vector<PersonRow> persons;
  std::vector<HouseholdYearRow> household_years;
  std::vector<PersonYearRow> person_years;
  std::vector<ImportProblem> problems;
  EncodingReport encoding;
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

}  // namespace ansinh::io
