// Reading .xlsx workbooks (Office Open XML spreadsheets), streaming, with minizip and expat.
//
// Communes keep their survey lists in Excel; an import reads a workbook with one sheet per table.
// This unit owns getting cell text out of a workbook: the sheet names, then a sheet's rows in
// order, each as the cells' text by column position. It knows nothing of households; the import
// validates what it reads, exactly as for CSV (io/csv_reader.h).
//
// What a cell's text is:
//   - shared strings (including rich text: the runs' text joined) and inline strings as written,
//     with OOXML's _xHHHH_ escapes decoded; phonetic runs (<rPh>) are left out;
//   - numbers as stored in the file, e.g. "1500000", "12.5", "1E-3": no formatting is applied;
//   - dates are numbers too (serial days since 1899-12-30 in the usual 1900 date system) and are
//     returned as such, e.g. "45292"; only cells of type "d" hold ISO 8601 text. A date column of a
//     sheet must be text (YYYY-MM-DD) or the caller converts the serial number;
//   - booleans as "1" or "0"; error values as written ("#N/A"); formulas by their cached value.
// Missing cells inside a row are "", and a row's cells end at its last non-empty cell. Rows with
// no non-empty cell are skipped; row numbers are the sheet's own (1-based, as Excel shows them).
//
// Memory: the sheet XML is streamed through expat in 64 KiB blocks and only the current row is
// held; the shared-string table (the workbook's dictionary of distinct strings) is held whole.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "io/csv_reader.h"

namespace ansinh::io {

// The workbook's sheet names, in tab order. kIoError when the file cannot be opened or is not a
// zip archive; kParseError when it is not a well-formed workbook.
Result<std::vector<std::string>> ListSheets(const std::string& path);

using XlsxRowHandler =
    std::function<Status(const std::vector<std::string>& cells, std::int64_t row_number)>;

// Reads the sheet named `sheet_name` (exact match), calling `on_row` for each non-empty row in
// order. The first error `on_row` returns stops the read and is returned, with the location
// "path:sheet" and the row number attached when it has none. kNotFound when there is no such
// sheet; kParseError (naming the part) for malformed XML or a bad cell reference.
Status ReadSheet(const std::string& path, const std::string& sheet_name,
                 const XlsxRowHandler& on_row);

// Reads the sheet as a table, like ReadCsvFile: its first non-empty row is the header (checked to
// hold every name in `required_columns`), and each later row is handed over as a CsvRow whose
// `row()` counts from the header (the header is row 0, the row below it 1), as in a CSV file.
Status ReadSheetTable(const std::string& path, const std::string& sheet_name,
                      const std::vector<std::string>& required_columns,
                      const CsvRowHandler& on_row);

}  // namespace ansinh::io
