// Writing an import dataset (docs/import-format.md) back out: the four tables as a folder of CSV
// files or as an .xlsx workbook with one sheet per table, so that `ansinh export` gives a province
// the same format its communes send in.
//
// Owns: the canonical form of the format — the English headers in TableFormat's order, then the
// custom attributes of each table as extra columns (the union of their names, sorted); codes in
// English (M/F, head, permanent, 0/1); UTF-8 (no BOM) CSV through CsvWriter — and the small
// workbook writer (libxlsxwriter) the error report uses too.
// Must stay true: what WriteDatasetFolder or WriteDatasetWorkbook writes, ReadDataset reads back
// to an equal Dataset (rows, values and attributes; row numbers count 1, 2, ... in each table).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "io/dataset.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace ansinh::io {

// Writes households.csv, persons.csv, household_years.csv and person_years.csv into `dir`
// (created if missing; files already there are replaced). `dataset.problems` is not written.
// kInvalidArgument for a custom attribute whose name would not read back as itself (not what
// CanonicalColumn makes of it, or a column of the format); kIoError when a file cannot be written.
Status WriteDatasetFolder(const Dataset& dataset, const std::string& dir);

// Writes the workbook `xlsx_path` (replaced if it exists) with the sheets households, persons,
// household_years and person_years, the same columns as the CSV files; numbers (year, income,
// area, grades, 0/1 answers) as number cells, everything else as text. kInvalidArgument as above,
// or for a table of more rows than a sheet holds (1,048,575 below the header).
Status WriteDatasetWorkbook(const Dataset& dataset, const std::string& xlsx_path);

// A workbook written sheet by sheet and row by row in libxlsxwriter's constant-memory mode (each
// row goes to a temporary file as it is written, so memory stays bounded). Used by the dataset
// writer and the error report.
class XlsxWriter {
 public:
  // Starts the workbook at `path`; nothing is on disk until Close().
  static Result<std::unique_ptr<XlsxWriter>> Create(const std::string& path);
  ~XlsxWriter();  // abandons an unclosed workbook (its temporary files are removed)
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Adds a sheet with `header` as its first row, bold and frozen; later rows go to it.
  Status AddSheet(const std::string& name, const std::vector<std::string>& header);
  // A row of the current sheet: cell i is a number cell when `numeric[i]` and its text is a
  // number, a text cell otherwise (an empty text leaves the cell blank).
  Status Row(const std::vector<std::string>& cells, const std::vector<bool>& numeric = {});
  // Writes the file.
  Status Close();

 private:
  XlsxWriter(std::string path, lxw_workbook* book);
  Status Check(int error, std::string_view what) const;

  std::string path_;
  lxw_workbook* book_;
  lxw_format* bold_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  std::uint32_t next_row_ = 0;
};

}  // namespace ansinh::io
