// Writing the import format (see dataset_writer.h): each table's rows become cells in the
// canonical column order, and a sink puts them in a CSV file or a sheet.
#include "io/dataset_writer.h"

#include <xlsxwriter.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>

#include "io/csv_writer.h"

namespace ansinh::io {
namespace {

std::string Number(std::int64_t v) { return std::to_string(v); }
std::string Flag(bool v) { return v ? "1" : "0"; }

// The shortest text that reads back as the same double ("45.5", "20").
std::string Number(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

// The cells of a row in TableFormat's column order.
std::vector<std::string> Cells(const HouseholdRow& r) {
  const Household& h = r.household;
  return {h.code, h.commune_code, h.hamlet_name, h.address};
}

std::vector<std::string> Cells(const PersonRow& r) {
  const Person& p = r.person;
  return {p.code,       r.household_code,
          p.full_name,  std::string(SexCode(p.sex)),
          p.birth_date, std::string(RelationCode(p.relation)),
          p.ethnicity,  p.id_number};
}

std::vector<std::string> Cells(const HouseholdYearRow& r) {
  const HouseholdYear& y = r.survey;
  return {r.household_code,          Number(std::int64_t{y.year}),
          Number(y.income_month),    std::string(HousingQualityCode(y.housing_quality)),
          Number(y.housing_area_m2), Flag(y.clean_water),
          Flag(y.hygienic_latrine),  Flag(y.telecom),
          Flag(y.info_assets)};
}

std::vector<std::string> Cells(const PersonYearRow& r) {
  const PersonYear& y = r.survey;
  return {r.person_code,
          Number(std::int64_t{y.year}),
          Flag(y.health_insurance),
          Flag(y.in_school),
          Number(std::int64_t{y.education_grade}),
          Flag(y.trained),
          Flag(y.vocational_trained),
          Flag(y.employed),
          Number(std::int64_t{y.disability}),
          Flag(y.sick_untreated),
          Flag(y.malnourished),
          Flag(y.wage_no_contract),
          Flag(y.social_allowance)};
}

// Columns of the format whose cells are numbers (a workbook writes them as number cells); custom
// attributes are always text ("0912345678" keeps its zero).
bool IsNumericColumn(std::string_view column) {
  static const std::set<std::string_view> kText = {
      "household_id", "commune_code", "hamlet",   "address",   "person_id", "full_name",
      "sex",          "birth_date",   "relation", "ethnicity", "id_number", "housing_quality"};
  return kText.count(column) == 0;
}

// Where a table's rows go: a CSV file of a folder or a sheet of a workbook.
class TableSink {
 public:
  virtual ~TableSink() = default;
  virtual Status Begin(const TableFormat& format, const std::vector<std::string>& header,
                       std::size_t rows) = 0;
  virtual Status Row(const std::vector<std::string>& cells) = 0;
  virtual Status End() = 0;
};

class CsvFolderSink : public TableSink {
 public:
  explicit CsvFolderSink(std::string dir) : dir_(std::move(dir)) {}
  Status Begin(const TableFormat& format, const std::vector<std::string>& header,
               std::size_t) override {
    path_ = (std::filesystem::path(dir_) / (std::string(format.name) + ".csv")).string();
    out_.open(path_, std::ios::binary | std::ios::trunc);
    if (!out_) return IoError();
    writer_.emplace(out_);
    writer_->Row(header);
    return Status::Ok();
  }
  Status Row(const std::vector<std::string>& cells) override {
    writer_->Row(cells);
    return out_ ? Status::Ok() : IoError();
  }
  Status End() override {
    writer_.reset();
    out_.close();
    return out_ ? Status::Ok() : IoError();
  }

 private:
  Status IoError() const {
    return Status::Error(ErrorCode::kIoError, "không ghi được tệp " + path_,
                         "cannot write file " + path_);
  }
  std::string dir_;
  std::string path_;
  std::ofstream out_;
  std::optional<CsvWriter> writer_;
};

class WorkbookSink : public TableSink {
 public:
  explicit WorkbookSink(XlsxWriter* book) : book_(book) {}
  Status Begin(const TableFormat& format, const std::vector<std::string>& header,
               std::size_t rows) override {
    if (rows >= LXW_ROW_MAX) {
      return Status::Invalid(std::string(format.name), std::to_string(rows),
                             "quá nhiều dòng cho một trang tính; hãy xuất CSV",
                             "more rows than a sheet holds; export CSV instead");
    }
    const std::size_t own = format.required.size() + format.optional.size();
    numeric_.clear();
    for (std::size_t i = 0; i < header.size(); ++i) {
      numeric_.push_back(i < own && IsNumericColumn(header[i]));
    }
    return book_->AddSheet(std::string(format.name), header);
  }
  Status Row(const std::vector<std::string>& cells) override { return book_->Row(cells, numeric_); }
  Status End() override { return Status::Ok(); }

 private:
  XlsxWriter* book_;
  std::vector<bool> numeric_;
};

// The custom attributes' names of a table, sorted; each must read back as itself.
template <typename Row>
Result<std::vector<std::string>> AttributeNames(const std::vector<Row>& rows,
                                                const TableFormat& format) {
  std::set<std::string> names;
  for (const Row& row : rows) {
    for (const auto& attribute : row.attributes) names.insert(attribute.first);
  }
  for (const std::string& name : names) {
    bool ok = !name.empty() && CanonicalColumn(name) == name;
    for (std::string_view c : format.required) ok = ok && c != name;
    for (std::string_view c : format.optional) ok = ok && c != name;
    if (!ok) {
      return Status::Invalid("attribute", name,
                             "tên thuộc tính bổ sung trùng hoặc không đọc lại được như cũ",
                             "a custom attribute name that is a column of the format or would "
                             "not read back as itself");
    }
  }
  return std::vector<std::string>(names.begin(), names.end());
}

template <typename Row>
Status WriteTable(const std::vector<Row>& rows, Table table, TableSink& sink) {
  const TableFormat& format = FormatOf(table);
  ANSINH_ASSIGN_OR_RETURN(std::vector<std::string> names, AttributeNames(rows, format));
  std::vector<std::string> header(format.required.begin(), format.required.end());
  header.insert(header.end(), format.optional.begin(), format.optional.end());
  header.insert(header.end(), names.begin(), names.end());
  ANSINH_RETURN_IF_ERROR(sink.Begin(format, header, rows.size()));
  for (const Row& row : rows) {
    std::vector<std::string> cells = Cells(row);
    for (const std::string& name : names) {
      const auto it = row.attributes.find(name);
      cells.push_back(it == row.attributes.end() ? std::string() : it->second);
    }
    ANSINH_RETURN_IF_ERROR(sink.Row(cells));
  }
  return sink.End();
}

Status WriteTables(const Dataset& d, TableSink& sink) {
  ANSINH_RETURN_IF_ERROR(WriteTable(d.households, Table::kHouseholds, sink));
  ANSINH_RETURN_IF_ERROR(WriteTable(d.persons, Table::kPersons, sink));
  ANSINH_RETURN_IF_ERROR(WriteTable(d.household_years, Table::kHouseholdYears, sink));
  return WriteTable(d.person_years, Table::kPersonYears, sink);
}

}  // namespace

Status WriteDatasetFolder(const Dataset& dataset, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return Status::Error(ErrorCode::kIoError, "không tạo được thư mục " + dir,
                         "cannot create folder " + dir + ": " + ec.message());
  }
  CsvFolderSink sink(dir);
  return WriteTables(dataset, sink);
}

Status WriteDatasetWorkbook(const Dataset& dataset, const std::string& xlsx_path) {
  ANSINH_ASSIGN_OR_RETURN(std::unique_ptr<XlsxWriter> book, XlsxWriter::Create(xlsx_path));
  WorkbookSink sink(book.get());
  ANSINH_RETURN_IF_ERROR(WriteTables(dataset, sink));
  return book->Close();
}

// ---------------------------------------------------------------------------------------------
// XlsxWriter

XlsxWriter::XlsxWriter(std::string path, lxw_workbook* book)
    : path_(std::move(path)), book_(book) {}

XlsxWriter::~XlsxWriter() {
  if (book_ != nullptr) lxw_workbook_free(book_);
}

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::Create(const std::string& path) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  if (book == nullptr) {
    return Status::Error(ErrorCode::kIoError, "không tạo được tệp " + path,
                         "cannot create file " + path);
  }
  std::unique_ptr<XlsxWriter> writer(new XlsxWriter(path, book));
  writer->bold_ = workbook_add_format(book);
  format_set_bold(writer->bold_);
  return writer;
}

Status XlsxWriter::Check(int error, std::string_view what) const {
  if (error == LXW_NO_ERROR) return Status::Ok();
  const std::string detail = lxw_strerror(static_cast<lxw_error>(error));
  return Status::Error(ErrorCode::kIoError,
                       "không ghi được tệp " + path_ + " (" + std::string(what) + "): " + detail,
                       "cannot write file " + path_ + " (" + std::string(what) + "): " + detail);
}

Status XlsxWriter::AddSheet(const std::string& name, const std::vector<std::string>& header) {
  sheet_ = workbook_add_worksheet(book_, name.c_str());
  if (sheet_ == nullptr) {
    return Status::Invalid("sheet", name, "tên trang tính không hợp lệ hoặc bị trùng",
                           "an invalid or duplicate sheet name");
  }
  next_row_ = 0;
  worksheet_freeze_panes(sheet_, 1, 0);
  for (std::size_t i = 0; i < header.size(); ++i) {
    ANSINH_RETURN_IF_ERROR(Check(
        worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(i), header[i].c_str(), bold_),
        header[i]));
  }
  next_row_ = 1;
  return Status::Ok();
}

Status XlsxWriter::Row(const std::vector<std::string>& cells, const std::vector<bool>& numeric) {
  if (next_row_ >= LXW_ROW_MAX) {
    return Status::Invalid("row", std::to_string(next_row_), "quá nhiều dòng cho một trang tính",
                           "more rows than a sheet holds");
  }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string& text = cells[i];
    if (text.empty()) continue;
    const auto col = static_cast<lxw_col_t>(i);
    double value = 0;
    const bool as_number = i < numeric.size() && numeric[i] &&
                           std::from_chars(text.data(), text.data() + text.size(), value).ptr ==
                               text.data() + text.size();
    const lxw_error error =
        as_number ? worksheet_write_number(sheet_, next_row_, col, value, nullptr)
                  : worksheet_write_string(sheet_, next_row_, col, text.c_str(), nullptr);
    ANSINH_RETURN_IF_ERROR(Check(error, "row " + std::to_string(next_row_ + 1)));
  }
  ++next_row_;
  return Status::Ok();
}

Status XlsxWriter::Close() {
  lxw_workbook* book = book_;
  book_ = nullptr;
  return Check(workbook_close(book), "close");
}

}  // namespace ansinh::io
