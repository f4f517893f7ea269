// Reading CSV files (RFC 4180: quoted fields, embedded commas, quotes and newlines, CRLF; UTF-8
// with or without BOM) with libcsv, streaming: the file is read in blocks and handed over a row at
// a time, so memory stays bounded whatever the file's size.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ansinh::io {

// One data row with the header's column names; `row` is 1-based over data rows (the header is 0).
class CsvRow {
 public:
  CsvRow(const std::vector<std::string>* header, std::vector<std::string> fields, std::int64_t row)
      : header_(header), fields_(std::move(fields)), row_(row) {}
  std::int64_t row() const { return row_; }
  std::size_t size() const { return fields_.size(); }
  const std::string& field(std::size_t i) const { return fields_[i]; }
  // The value of the named column; "" when the row is short or the column absent.
  std::string_view Get(std::string_view column) const;

 private:
  const std::vector<std::string>* header_;
  std::vector<std::string> fields_;
  std::int64_t row_;
};

using CsvRowHandler = std::function<Status(const CsvRow&)>;

// Reads `path`: the first row is the header (checked to hold every name in `required_columns`),
// then `on_row` is called for each data row in order; the first error it returns stops the read
// and is returned, with the file and row attached when it has no location yet.
Status ReadCsvFile(const std::string& path, const std::vector<std::string>& required_columns,
                   const CsvRowHandler& on_row);

}  // namespace ansinh::io
