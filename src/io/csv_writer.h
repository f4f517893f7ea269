// Writing CSV (RFC 4180): a field is quoted when it holds a comma, a quote, a CR or an LF, or
// starts or ends with a space; quotes inside are doubled. Rows end with LF, as every CSV file of
// the repository does (RFC 4180 readers accept it).
//
// Owns: the quoting rule and a small writer over an output stream.
// Must stay true: what CsvWriter writes, ReadCsvFile (csv_reader.h) reads back field for field.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ansinh::io {

// The field as it appears in a CSV file: quoted when it must be.
std::string CsvField(std::string_view value);

class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  // One row; fields separated by commas, ended by "\n".
  void Row(const std::vector<std::string>& fields);

 private:
  std::ostream& out_;
};

}  // namespace ansinh::io
