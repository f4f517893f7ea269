// A formatted workbook for people: reports an official can hand over (ansinh report). Each sheet
// has a title, a subtitle, a bold shaded header row frozen in place, column widths, and number
// formats by column kind (counts with thousands separators, percentages, ratios).
//
// Owns: the formats and the layout of a report sheet over libxlsxwriter. The workbook is written
// to `<path>.tmp` and renamed onto `path` by Close(), so a failed run leaves no half-written file.
// Must stay true: a missing value is an empty cell, never a zero or a NaN.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace ansinh::io {

enum class ReportCellKind { kText, kCount, kPercent, kDecimal, kRatio };

struct ReportColumn {
  std::string header;
  ReportCellKind kind = ReportCellKind::kText;
  double width = 12;  // in characters
};

// A text cell, or a number (kPercent: in percent, 12.5 for 12.5 %), or empty.
struct ReportCell {
  std::string text;
  std::optional<double> number;
  static ReportCell Text(std::string t) { return {std::move(t), std::nullopt}; }
  static ReportCell Number(std::optional<double> v) { return {{}, v}; }
};

class ReportWorkbook {
 public:
  static Result<std::unique_ptr<ReportWorkbook>> Create(const std::string& path);
  ~ReportWorkbook();  // abandons an unclosed workbook and its temporary file
  ReportWorkbook(const ReportWorkbook&) = delete;
  ReportWorkbook& operator=(const ReportWorkbook&) = delete;

  // A new sheet (name at most 31 characters): title (row 1), subtitle (row 2), header (row 4).
  Status AddSheet(const std::string& name, const std::string& title, const std::string& subtitle,
                  std::vector<ReportColumn> columns);
  // A row of the current sheet; `emphasis` makes it bold (totals).
  Status Row(const std::vector<ReportCell>& cells, bool emphasis = false);
  // Writes the workbook and moves it onto the path.
  Status Close();

 private:
  ReportWorkbook(std::string path, lxw_workbook* book);
  Status Check(int error, const std::string& what) const;
  lxw_format* Format(ReportCellKind kind, bool emphasis) const;

  std::string path_;
  lxw_workbook* book_;
  lxw_worksheet* sheet_ = nullptr;
  std::vector<ReportColumn> columns_;
  unsigned next_row_ = 0;
  lxw_format* title_ = nullptr;
  lxw_format* subtitle_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* formats_[5][2] = {};  // [kind][emphasis]
};

}  // namespace ansinh::io
