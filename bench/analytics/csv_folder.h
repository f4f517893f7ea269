// Reading the generator's CSV folder (the import format, docs/import-format.md) into one survey
// year of the analytics snapshot, for the national benchmark. Not part of the program: the
// command line fills its snapshot from the store.
//
// Owns: the streaming join of the four files through analytics::YearBuilder, and the national
// unit tree read from data/vn-admin-units.csv.
// Must stay true: files are read with io::ReadCsvFile (libcsv), never split by hand. The join is
// a merge: persons.csv, household_years.csv and person_years.csv must list their rows in the
// order of households.csv (persons) and persons.csv (years), as the generator writes them;
// a row out of that order is an error (kInvalidArgument), never a silent mismatch. A household's
// registry id is its 1-based row in households.csv, so ids ascend; its members in the year are
// its persons with a person_years row for that year. Besides the snapshot's columns the reader
// keeps only a hash of each code and one packed word per person while it runs.
#pragma once

#include <cstdint>
#include <string>

#include "analytics/snapshot.h"
#include "analytics/unit_tree.h"
#include "core/status.h"

namespace ansinh::bench {

// Every province, district and commune of the GSO list; urban communes from their type.
Result<analytics::UnitTree> LoadNationalUnits(const std::string& csv_path);

struct FolderCounts {
  std::int64_t households = 0;        // rows of households.csv
  std::int64_t persons = 0;           // rows of persons.csv
  std::int64_t household_years = 0;   // rows of household_years.csv for the year
  std::int64_t person_years = 0;      // rows of person_years.csv for the year
};

// Adds `year` of the folder `dir` to `snapshot` (whose tree must hold every commune of it).
Result<FolderCounts> LoadCsvYear(const std::string& dir, int year, analytics::Snapshot& snapshot);

}  // namespace ansinh::bench
