#include "io/report_workbook.h"

#include <cstdio>
#include <filesystem>

#include <xlsxwriter.h>

namespace ansinh::io {

ReportWorkbook::ReportWorkbook(std::string path, lxw_workbook* book)
    : path_(std::move(path)), book_(book) {}

ReportWorkbook::~ReportWorkbook() {
  if (book_ != nullptr) {
    lxw_workbook_free(book_);
    std::error_code ec;
    std::filesystem::remove(path_ + ".tmp", ec);
  }
}

Result<std::unique_ptr<ReportWorkbook>> ReportWorkbook::Create(const std::string& path) {
  const std::string tmp = path + ".tmp";
  lxw_workbook* book = workbook_new(tmp.c_str());
  if (book == nullptr) {
    return Status::Error(ErrorCode::kIoError, "không tạo được tệp " + path,
                         "cannot create file " + path);
  }
  std::unique_ptr<ReportWorkbook> w(new ReportWorkbook(path, book));
  w->title_ = workbook_add_format(book);
  format_set_bold(w->title_);
  format_set_font_size(w->title_, 14);
  w->subtitle_ = workbook_add_format(book);
  format_set_italic(w->subtitle_);
  w->header_ = workbook_add_format(book);
  format_set_bold(w->header_);
  format_set_text_wrap(w->header_);
  format_set_align(w->header_, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color(w->header_, 0xDDEBF7);
  format_set_border(w->header_, LXW_BORDER_THIN);
  // Number formats by kind; Excel shows the separators of the reader's locale.
  const char* number_formats[5] = {nullptr, "#,##0", "0.00%", "#,##0.00", "0.0000"};
  for (int kind = 0; kind < 5; ++kind) {
    for (int emphasis = 0; emphasis < 2; ++emphasis) {
      lxw_format* f = workbook_add_format(book);
      if (number_formats[kind] != nullptr) format_set_num_format(f, number_formats[kind]);
      if (emphasis != 0) format_set_bold(f);
      w->formats_[kind][emphasis] = f;
    }
  }
  return w;
}

Status ReportWorkbook::Check(int error, const std::string& what) const {
  if (error == LXW_NO_ERROR) return Status::Ok();
  const std::string detail = lxw_strerror(static_cast<lxw_error>(error));
  return Status::Error(ErrorCode::kIoError,
                       "không ghi được tệp " + path_ + " (" + what + "): " + detail,
                       "cannot write file " + path_ + " (" + what + "): " + detail);
}

lxw_format* ReportWorkbook::Format(ReportCellKind kind, bool emphasis) const {
  return formats_[static_cast<int>(kind)][emphasis ? 1 : 0];
}

Status ReportWorkbook::AddSheet(const std::string& name, const std::string& title,
                                const std::string& subtitle, std::vector<ReportColumn> columns) {
  sheet_ = workbook_add_worksheet(book_, name.c_str());
  if (sheet_ == nullptr) {
    return Status::Invalid("sheet", name, "tên trang tính không hợp lệ hoặc bị trùng",
                           "an invalid or duplicate sheet name");
  }
  columns_ = std::move(columns);
  ANSINH_RETURN_IF_ERROR(Check(worksheet_write_string(sheet_, 0, 0, title.c_str(), title_), name));
  ANSINH_RETURN_IF_ERROR(
      Check(worksheet_write_string(sheet_, 1, 0, subtitle.c_str(), subtitle_), name));
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const auto col = static_cast<lxw_col_t>(i);
    ANSINH_RETURN_IF_ERROR(
        Check(worksheet_set_column(sheet_, col, col, columns_[i].width, nullptr), name));
    ANSINH_RETURN_IF_ERROR(Check(
        worksheet_write_string(sheet_, 3, col, columns_[i].header.c_str(), header_), name));
  }
  ANSINH_RETURN_IF_ERROR(Check(worksheet_set_row(sheet_, 3, 45, nullptr), name));
  worksheet_freeze_panes(sheet_, 4, 1);
  next_row_ = 4;
  return Status::Ok();
}

Status ReportWorkbook::Row(const std::vector<ReportCell>& cells, bool emphasis) {
  if (sheet_ == nullptr) return Status::Internal("ReportWorkbook::Row before AddSheet");
  for (std::size_t i = 0; i < cells.size() && i < columns_.size(); ++i) {
    const ReportCell& cell = cells[i];
    const auto col = static_cast<lxw_col_t>(i);
    const ReportCellKind kind = columns_[i].kind;
    lxw_error error = LXW_NO_ERROR;
    if (kind == ReportCellKind::kText) {
      if (!cell.text.empty()) {
        error = worksheet_write_string(sheet_, next_row_, col, cell.text.c_str(),
                                       Format(kind, emphasis));
      }
    } else if (cell.number) {
      const double v = kind == ReportCellKind::kPercent ? *cell.number / 100 : *cell.number;
      error = worksheet_write_number(sheet_, next_row_, col, v, Format(kind, emphasis));
    }
    ANSINH_RETURN_IF_ERROR(Check(error, "row " + std::to_string(next_row_ + 1)));
  }
  ++next_row_;
  return Status::Ok();
}

Status ReportWorkbook::Close() {
  lxw_workbook* book = book_;
  book_ = nullptr;
  ANSINH_RETURN_IF_ERROR(Check(workbook_close(book), "close"));
  std::error_code ec;
  std::filesystem::rename(path_ + ".tmp", path_, ec);
  if (ec) {
    return Status::Error(ErrorCode::kIoError, "không đổi tên được tệp " + path_ + ": " + ec.message(),
                         "cannot rename onto " + path_ + ": " + ec.message());
  }
  return Status::Ok();
}

}  // namespace ansinh::io
