#include "io/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace ansinh::io {
namespace {

// Collects fields from libcsv's callbacks and hands complete rows to the caller.
struct ParseState {
  std::vector<std::string> fields;
  std::vector<std::string> header;
  std::int64_t data_rows = 0;
  bool have_header = false;
  const CsvRowHandler* on_row = nullptr;
  Status status;
};

void OnField(void* data, size_t len, void* state_ptr) {
  auto* state = static_cast<ParseState*>(state_ptr);
  state->fields.emplace_back(static_cast<const char*>(data), len);
}

void OnRowEnd(int /*terminator*/, void* state_ptr) {
  auto* state = static_cast<ParseState*>(state_ptr);
  std::vector<std::string> fields = std::move(state->fields);
  state->fields.clear();
  if (!state->status.ok()) return;  // an earlier row failed; the rest is skipped
  if (!state->have_header) {
    if (!fields.empty() && fields[0].starts_with("\xEF\xBB\xBF")) fields[0].erase(0, 3);
    state->header = std::move(fields);
    state->have_header = true;
    return;
  }
  ++state->data_rows;
  CsvRow row(&state->header, std::move(fields), state->data_rows);
  state->status = (*state->on_row)(row);
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

std::string_view CsvRow::Get(std::string_view column) const {
  auto it = std::find(header_->begin(), header_->end(), column);
  if (it == header_->end()) return {};
  const auto i = static_cast<std::size_t>(it - header_->begin());
  return i < fields_.size() ? std::string_view(fields_[i]) : std::string_view();
}

Status ReadCsvFile(const std::string& path, const std::vector<std::string>& required_columns,
                   const CsvRowHandler& on_row) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    return Status::Error(ErrorCode::kIoError, "không mở được tệp " + path,
                         "cannot open file " + path);
  }
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return Status::Internal("csv_init failed");
  }
  ParseState state;
  // Check the header before the first data row reaches the caller.
  CsvRowHandler checked = [&](const CsvRow& row) -> Status {
    if (row.row() == 1) {
      for (const auto& col : required_columns) {
        if (std::find(state.header.begin(), state.header.end(), col) == state.header.end()) {
          return Status::Invalid(col, "", "thiếu cột bắt buộc", "a required column is missing")
              .WithLocation({path, 0, 0});
        }
      }
    }
    return on_row(row);
  };
  state.on_row = &checked;
  char buffer[1 << 16];
  size_t n;
  bool parse_error = false;
  while (state.status.ok() && (n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    if (csv_parse(&parser, buffer, n, OnField, OnRowEnd, &state) != n) {
      parse_error = true;
      break;
    }
  }
  if (!parse_error && state.status.ok() && csv_fini(&parser, OnField, OnRowEnd, &state) != 0) {
    parse_error = true;
  }
  if (parse_error) {
    std::string reason = csv_strerror(csv_error(&parser));
    csv_free(&parser);
    return Status::Error(ErrorCode::kParseError, "tệp CSV sai cú pháp: " + reason,
                         "malformed CSV: " + reason)
        .WithLocation({path, state.data_rows + 1, 0});
  }
  csv_free(&parser);
  if (!state.status.ok() && state.status.location().file.empty()) {
    state.status.WithLocation({path, state.data_rows, 0});
  }
  return state.status;
}

}  // namespace ansinh::io
