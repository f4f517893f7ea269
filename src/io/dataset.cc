// Reading the four tables of an import dataset into typed rows (see dataset.h): the sources (a
// folder's CSV files, a workbook's sheets) hand rows to one parser per table.
#include "io/dataset.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <utility>

#include "core/money.h"
#include "core/text.h"
#include "io/csv_reader.h"
#include "io/xlsx_reader.h"

namespace ansinh::io {
namespace {

// Header aliases: what officers type (with or without diacritics, any case) → the format's name.
// Keys are SearchKey()s, so "Mã hộ", "MA HO" and "ma ho" all match "ma ho".
struct Alias {
  const char* key;
  const char* column;
};
constexpr Alias kAliases[] = {
    {"ma ho", "household_id"},
    {"ma ho gia dinh", "household_id"},
    {"ma xa", "commune_code"},
    {"ma xa/phuong", "commune_code"},
    {"ap", "hamlet"},
    {"thon", "hamlet"},
    {"thon/ap", "hamlet"},
    {"khom", "hamlet"},
    {"dia chi", "address"},
    {"ma nhan khau", "person_id"},
    {"ho va ten", "full_name"},
    {"ho ten", "full_name"},
    {"gioi tinh", "sex"},
    {"ngay sinh", "birth_date"},
    {"quan he voi chu ho", "relation"},
    {"quan he", "relation"},
    {"dan toc", "ethnicity"},
    {"so cccd", "id_number"},
    {"cccd", "id_number"},
    {"so dinh danh", "id_number"},
    {"nam", "year"},
    {"nam dieu tra", "year"},
    {"thu nhap", "income_month"},
    {"thu nhap thang", "income_month"},
    {"chat luong nha", "housing_quality"},
    {"loai nha", "housing_quality"},
    {"dien tich nha", "housing_area_m2"},
    {"dien tich nha (m2)", "housing_area_m2"},
    {"nuoc sach", "clean_water"},
    {"nha tieu hop ve sinh", "hygienic_latrine"},
    {"ho xi hop ve sinh", "hygienic_latrine"},
    {"vien thong", "telecom"},
    {"tai san thong tin", "info_assets"},
    {"bhyt", "health_insurance"},
    {"bao hiem y te", "health_insurance"},
    {"dang di hoc", "in_school"},
    {"lop hoc cao nhat", "education_grade"},
    {"trinh do hoc van", "education_grade"},
    {"qua dao tao", "trained"},
    {"dao tao nghe", "vocational_trained"},
    {"co viec lam", "employed"},
    {"khuyet tat", "disability"},
    {"om khong kham chua", "sick_untreated"},
    {"suy dinh duong", "malnourished"},
    {"lam cong khong hop dong", "wage_no_contract"},
    {"tro cap xa hoi", "social_allowance"},
};

const TableFormat kFormats[] = {
    {"households", "Hộ gia đình", {"household_id", "commune_code", "hamlet"}, {"address"}},
    {"persons",
     "Nhân khẩu",
     {"person_id", "household_id", "full_name", "sex", "birth_date", "relation", "ethnicity"},
     {"id_number"}},
    {"household_years",
     "Hộ theo năm",
     {"household_id", "year", "income_month", "housing_quality", "housing_area_m2", "clean_water",
      "hygienic_latrine", "telecom", "info_assets"},
     {}},
    {"person_years",
     "Nhân khẩu theo năm",
     {"person_id", "year", "health_insurance", "in_school", "education_grade", "trained",
      "vocational_trained", "employed", "disability"},
     {"sick_untreated", "malnourished", "wage_no_contract", "social_allowance"}},
};

// The cells of the header row: the file's first record, split per RFC 4180 (quotes honoured).
Result<std::vector<std::string>> ReadHeader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Error(ErrorCode::kIoError, "không mở được tệp " + path,
                         "cannot open file " + path);
  }
  std::string line;
  std::getline(in, line);
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back().push_back('"');
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        cells.back().push_back(ch);
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      cells.emplace_back();
    } else {
      cells.back().push_back(ch);
    }
  }
  return cells;
}

// One table being read: which canonical column sits at which index, and the problems found.
class TableReader {
 public:
  TableReader(const TableFormat& format, std::string source, DatasetSink* sink,
              EncodingReport* encoding)
      : format_(format), source_(std::move(source)), sink_(sink), encoding_(encoding) {}

  void SetHeader(const std::vector<std::string>& header, const ColumnMapping& mapping) {
    columns_.clear();
    for (const std::string& cell : header) {
      std::string name(Trim(cell));
      if (auto it = mapping.find(name); it != mapping.end()) name = it->second;
      columns_.push_back(CanonicalColumn(name));
    }
  }

  // Problems for the required columns the header lacks; false when any is missing.
  bool CheckRequired() {
    bool ok = true;
    for (std::string_view name : format_.required) {
      if (Index(name) < 0) {
        Problem(0, name, "", "thiếu cột bắt buộc", "required column missing");
        ok = false;
      }
    }
    return ok;
  }

  int Index(std::string_view name) const {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i] == name) return static_cast<int>(i);
    }
    return -1;
  }

  // The raw field of `name` in `row`; "" when absent.
  std::string_view Raw(const CsvRow& row, std::string_view name) const {
    const int i = Index(name);
    if (i < 0 || static_cast<std::size_t>(i) >= row.size()) return {};
    return Trim(row.field(static_cast<std::size_t>(i)));
  }

  // A text field through NormalizeText (legacy encodings → Unicode NFC).
  std::string Text(const CsvRow& row, std::string_view name) {
    std::string_view raw = Raw(row, name);
    Result<std::string> text = NormalizeText(raw, encoding_);
    if (!text.ok()) {
      Problem(row.row(), name, std::string(raw), "không đọc được bảng mã của chữ",
              "text in an unreadable encoding");
      return std::string(raw);
    }
    return std::move(text).value();
  }

  // The columns the format does not know, as custom attributes; empty cells are left out.
  Attributes Extra(const CsvRow& row) {
    Attributes out;
    for (std::size_t i = 0; i < columns_.size() && i < row.size(); ++i) {
      const std::string& name = columns_[i];
      if (name.empty() || IsFormatColumn(name) || Trim(row.field(i)).empty()) continue;
      out[name] = Text(row, name);
    }
    return out;
  }

  template <typename T>
  void Parse(const CsvRow& row, std::string_view name, T* out,
             const std::function<Result<T>(std::string_view, std::string_view)>& parse) {
    if (Index(name) < 0) return;  // optional column not given: keep the default
    Result<T> value = parse(Raw(row, name), name);
    if (value.ok()) {
      *out = std::move(value).value();
    } else {
      Problem(row.row(), name, std::string(Raw(row, name)), value.status().message_vi(),
              value.status().message_en());
    }
  }

  // 0/1 answers, listed as (column, member of `Survey`).
  template <typename Survey>
  void ParseFlags(const CsvRow& row,
                  std::initializer_list<std::pair<std::string_view, bool Survey::*>> flags,
                  Survey* out) {
    for (const auto& [name, member] : flags) Parse<bool>(row, name, &(out->*member), ParseFlag);
  }

  void Problem(std::int64_t row, std::string_view column, std::string value, std::string vi,
               std::string en) {
    sink_->Problem(ImportProblem{source_, row, std::string(column), std::move(value),
                                 std::move(vi), std::move(en)});
  }

  // Workbooks store a date typed into a date cell as its serial number.
  void set_excel_dates(bool on) { excel_dates_ = on; }
  bool excel_dates() const { return excel_dates_; }

 private:
  bool IsFormatColumn(std::string_view name) const {
    const auto is = [&](std::string_view k) { return k == name; };
    return std::any_of(format_.required.begin(), format_.required.end(), is) ||
           std::any_of(format_.optional.begin(), format_.optional.end(), is);
  }

  const TableFormat& format_;
  std::string source_;
  DatasetSink* sink_;
  EncodingReport* encoding_;
  std::vector<std::string> columns_;
  bool excel_dates_ = false;
};

Result<int> ParseInt(std::string_view text, std::string_view field) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    return Status::Invalid(std::string(field), std::string(text), "không phải số nguyên",
                           "not an integer");
  }
  return value;
}

Result<double> ParseArea(std::string_view text, std::string_view field) {
  std::string copy(text);
  for (char& ch : copy) ch = ch == ',' ? '.' : ch;  // "45,5" as Vietnamese Excel writes it
  double value = 0;
  auto [end, ec] = std::from_chars(copy.data(), copy.data() + copy.size(), value);
  if (copy.empty() || ec != std::errc() || end != copy.data() + copy.size()) {
    return Status::Invalid(std::string(field), std::string(text), "không phải số", "not a number");
  }
  return value;
}

// An Excel date serial (days since 1899-12-30) as "YYYY-MM-DD"; the text unchanged when it is not
// one. Serials up to 2100 are left alone: in a birth_date column they are bare years ("1975").
std::string ExcelSerialDate(std::string_view text) {
  long days = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (ec != std::errc() || end != text.data() + text.size() || days <= 2100 || days > 2958465) {
    return std::string(text);
  }
  // Civil date from days since 1970-01-01 (H. Hinnant's algorithm); 1899-12-30 is day -25569.
  const long z = days - 25569 + 719468;
  const long era = z / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long day = doy - (153 * mp + 2) / 5 + 1;
  const long month = mp < 10 ? mp + 3 : mp - 9;
  const long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const auto two_digits = [](long v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
}

// Hands a row to the sink: its number, the fields `fill` parses, and its custom attributes.
template <typename Row, typename Fill>
Status AddRow(TableReader& t, const CsvRow& row, Status (DatasetSink::*add)(const Row&),
              DatasetSink* sink, const Fill& fill) {
  Row out;
  out.row = row.row();
  fill(out);
  out.attributes = t.Extra(row);
  return (sink->*add)(out);
}

Status ParseHousehold(TableReader& t, const CsvRow& row, DatasetSink* d) {
  return AddRow(t, row, &DatasetSink::Household, d, [&](HouseholdRow& out) {
    out.household.code = t.Text(row, "household_id");
    out.household.commune_code = std::string(t.Raw(row, "commune_code"));
    out.household.hamlet_name = t.Text(row, "hamlet");
    out.household.address = t.Text(row, "address");
  });
}

Status ParsePerson(TableReader& t, const CsvRow& row, DatasetSink* d) {
  return AddRow(t, row, &DatasetSink::Person, d, [&](PersonRow& out) {
    out.household_code = t.Text(row, "household_id");
    Person& p = out.person;
    p.code = t.Text(row, "person_id");
    p.full_name = t.Text(row, "full_name");
    t.Parse<Sex>(row, "sex", &p.sex, ParseSex);
    const std::string_view birth = t.Raw(row, "birth_date");
    p.birth_date = t.excel_dates() ? ExcelSerialDate(birth) : std::string(birth);
    t.Parse<Relation>(row, "relation", &p.relation, ParseRelation);
    p.ethnicity = t.Text(row, "ethnicity");
    p.id_number = std::string(t.Raw(row, "id_number"));
  });
}

Status ParseHouseholdYear(TableReader& t, const CsvRow& row, DatasetSink* d) {
  return AddRow(t, row, &DatasetSink::HouseholdYear, d, [&](HouseholdYearRow& out) {
    out.household_code = t.Text(row, "household_id");
    HouseholdYear& y = out.survey;
    t.Parse<int>(row, "year", &y.year, ParseInt);
    t.Parse<Vnd>(row, "income_month", &y.income_month, ParseVnd);
    t.Parse<HousingQuality>(row, "housing_quality", &y.housing_quality, ParseHousingQuality);
    t.Parse<double>(row, "housing_area_m2", &y.housing_area_m2, ParseArea);
    t.ParseFlags<HouseholdYear>(row,
                                {{"clean_water", &HouseholdYear::clean_water},
                                 {"hygienic_latrine", &HouseholdYear::hygienic_latrine},
                                 {"telecom", &HouseholdYear::telecom},
                                 {"info_assets", &HouseholdYear::info_assets}},
                                &y);
  });
}

Status ParsePersonYear(TableReader& t, const CsvRow& row, DatasetSink* d) {
  return AddRow(t, row, &DatasetSink::PersonYear, d, [&](PersonYearRow& out) {
    out.person_code = t.Text(row, "person_id");
    PersonYear& y = out.survey;
    t.Parse<int>(row, "year", &y.year, ParseInt);
    t.Parse<int>(row, "education_grade", &y.education_grade, ParseInt);
    t.Parse<int>(row, "disability", &y.disability, ParseInt);
    t.ParseFlags<PersonYear>(row,
                             {{"health_insurance", &PersonYear::health_insurance},
                              {"in_school", &PersonYear::in_school},
                              {"trained", &PersonYear::trained},
                              {"vocational_trained", &PersonYear::vocational_trained},
                              {"employed", &PersonYear::employed},
                              {"sick_untreated", &PersonYear::sick_untreated},
                              {"malnourished", &PersonYear::malnourished},
                              {"wage_no_contract", &PersonYear::wage_no_contract},
                              {"social_allowance", &PersonYear::social_allowance}},
                             &y);
  });
}

using RowParser = Status (*)(TableReader&, const CsvRow&, DatasetSink*);

RowParser ParserOf(Table table) {
  switch (table) {
    case Table::kHouseholds: return ParseHousehold;
    case Table::kPersons: return ParsePerson;
    case Table::kHouseholdYears: return ParseHouseholdYear;
    case Table::kPersonYears: return ParsePersonYear;
  }
  return ParseHousehold;
}

// Reads one CSV file of a folder: header, required columns, then each data row.
Status ReadCsvTable(const std::string& dir, const std::string& file, Table table,
                    const ColumnMapping& mapping, DatasetSink* sink, EncodingReport* encoding) {
  const std::string path = (std::filesystem::path(dir) / file).string();
  TableReader reader(FormatOf(table), file, sink, encoding);
  ANSINH_ASSIGN_OR_RETURN(std::vector<std::string> header, ReadHeader(path));
  reader.SetHeader(header, mapping);
  if (!reader.CheckRequired()) return Status::Ok();
  const RowParser parse = ParserOf(table);
  Status sink_error = Status::Ok();
  Status read = ReadCsvFile(path, {}, [&](const CsvRow& row) {
    sink_error = parse(reader, row, sink);
    return sink_error;
  });
  if (!sink_error.ok()) return sink_error;  // the sink's own error stops the whole reading
  if (!read.ok()) {
    reader.Problem(read.location().row, read.field(), read.value(), read.message_vi(),
                   read.message_en());
  }
  return Status::Ok();
}

// Reads one sheet of a workbook the same way: its first non-empty row is the header, and rows
// count from it (the header is row 0), as ReadSheetTable counts them.
Status ReadSheetRows(const std::string& path, const std::string& sheet, Table table,
                     const ColumnMapping& mapping, DatasetSink* sink, EncodingReport* encoding) {
  TableReader reader(FormatOf(table), sheet, sink, encoding);
  reader.set_excel_dates(true);
  const RowParser parse = ParserOf(table);
  std::vector<std::string> header;
  std::int64_t header_row = 0;
  bool complete = false;
  ANSINH_RETURN_IF_ERROR(ReadSheet(
      path, sheet, [&](const std::vector<std::string>& cells, std::int64_t number) -> Status {
        if (header_row == 0) {
          header = cells;
          header_row = number;
          reader.SetHeader(header, mapping);
          complete = reader.CheckRequired();
        } else if (complete) {
          return parse(reader, CsvRow(&header, cells, number - header_row), sink);
        }
        return Status::Ok();
      }));
  if (header_row == 0) reader.CheckRequired();  // an empty sheet lacks every column
  return Status::Ok();
}

// The workbook's sheet for `table`: its English or Vietnamese name, any case and diacritics.
Result<std::string> FindSheet(const std::vector<std::string>& sheets, Table table,
                              const std::string& path) {
  const TableFormat& format = FormatOf(table);
  for (const std::string& sheet : sheets) {
    const std::string key = SearchKey(Trim(sheet));
    if (key == SearchKey(format.name) || key == SearchKey(format.sheet_vi)) return sheet;
  }
  const std::string names = std::string(format.name) + " / " + std::string(format.sheet_vi);
  return Status::NotFound("sheet", std::string(format.name),
                          "tệp " + path + " không có trang tính " + names,
                          "the workbook " + path + " has no sheet " + names);
}

}  // namespace

std::string CanonicalColumn(std::string_view header) {
  const std::string key = SearchKey(header);
  for (const Alias& alias : kAliases) {
    if (key == alias.key) return alias.column;
  }
  return FoldCase(header);
}

Result<ColumnMapping> ReadColumnMapping(const std::string& path) {
  ColumnMapping mapping;
  ANSINH_RETURN_IF_ERROR(ReadCsvFile(path, {"from", "to"}, [&](const CsvRow& row) {
    mapping[std::string(Trim(row.Get("from")))] = std::string(Trim(row.Get("to")));
    return Status::Ok();
  }));
  return mapping;
}

const TableFormat& FormatOf(Table table) { return kFormats[static_cast<int>(table)]; }

const std::string& TableSources::of(Table table) const {
  switch (table) {
    case Table::kHouseholds: return households;
    case Table::kPersons: return persons;
    case Table::kHouseholdYears: return household_years;
    case Table::kPersonYears: return person_years;
  }
  return households;
}

std::string& TableSources::of(Table table) {
  return const_cast<std::string&>(std::as_const(*this).of(table));
}

namespace {

Status StreamFolder(const std::string& dir, const ColumnMapping& mapping, DatasetSink& sink,
                    EncodingReport* encoding) {
  const TableSources sources;
  sink.Begin(sources);
  for (Table table : kTables) {
    ANSINH_RETURN_IF_ERROR(
        ReadCsvTable(dir, sources.of(table), table, mapping, &sink, encoding));
    sink.EndTable(table);
  }
  return Status::Ok();
}

Status StreamWorkbook(const std::string& xlsx_path, const ColumnMapping& mapping,
                      DatasetSink& sink, EncodingReport* encoding) {
  ANSINH_ASSIGN_OR_RETURN(std::vector<std::string> sheets, ListSheets(xlsx_path));
  TableSources sources;
  for (Table table : kTables) {
    ANSINH_ASSIGN_OR_RETURN(sources.of(table), FindSheet(sheets, table, xlsx_path));
  }
  sink.Begin(sources);
  for (Table table : kTables) {
    ANSINH_RETURN_IF_ERROR(
        ReadSheetRows(xlsx_path, sources.of(table), table, mapping, &sink, encoding));
    sink.EndTable(table);
  }
  return Status::Ok();
}

// Keeps every row and problem: ReadDataset's sink.
class CollectingSink : public DatasetSink {
 public:
  explicit CollectingSink(Dataset* d) : d_(d) {}
  void Begin(const TableSources& sources) override { d_->sources = sources; }
  Status Household(const HouseholdRow& row) override { return Keep(d_->households, row); }
  Status Person(const PersonRow& row) override { return Keep(d_->persons, row); }
  Status HouseholdYear(const HouseholdYearRow& row) override {
    return Keep(d_->household_years, row);
  }
  Status PersonYear(const PersonYearRow& row) override { return Keep(d_->person_years, row); }
  void Problem(const ImportProblem& problem) override { d_->problems.push_back(problem); }

 private:
  template <typename Row>
  static Status Keep(std::vector<Row>& rows, const Row& row) {
    rows.push_back(row);
    return Status::Ok();
  }
  Dataset* d_;
};

}  // namespace

Result<Dataset> ReadDatasetFolder(const std::string& dir, const ColumnMapping& mapping) {
  Dataset dataset;
  CollectingSink sink(&dataset);
  ANSINH_RETURN_IF_ERROR(StreamFolder(dir, mapping, sink, &dataset.encoding));
  return dataset;
}

Result<Dataset> ReadDatasetWorkbook(const std::string& xlsx_path, const ColumnMapping& mapping) {
  Dataset dataset;
  CollectingSink sink(&dataset);
  ANSINH_RETURN_IF_ERROR(StreamWorkbook(xlsx_path, mapping, sink, &dataset.encoding));
  return dataset;
}

bool IsWorkbookPath(std::string_view path) {
  constexpr std::string_view kEnding = ".xlsx";
  if (path.size() < kEnding.size()) return false;
  const std::string_view tail = path.substr(path.size() - kEnding.size());
  return std::equal(tail.begin(), tail.end(), kEnding.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
}

namespace {

// What kind of dataset `path` is: 'd' a folder, 'x' a workbook; an error otherwise.
Result<char> DatasetKind(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (fs::is_directory(status)) return 'd';
  if (!fs::exists(status)) {
    return Status::NotFound("path", path, "không có tệp hoặc thư mục này",
                            "no such file or folder");
  }
  if (IsWorkbookPath(path) && fs::is_regular_file(status)) return 'x';
  return Status::Invalid("path", path, "cần một thư mục chứa các tệp CSV hoặc một tệp .xlsx",
                         "expected a folder of CSV files or an .xlsx workbook");
}

}  // namespace

Result<Dataset> ReadDataset(const std::string& path, const ColumnMapping& mapping) {
  ANSINH_ASSIGN_OR_RETURN(char kind, DatasetKind(path));
  return kind == 'd' ? ReadDatasetFolder(path, mapping) : ReadDatasetWorkbook(path, mapping);
}

Status StreamDataset(const std::string& path, const ColumnMapping& mapping, DatasetSink& sink,
                     EncodingReport* encoding) {
  ANSINH_ASSIGN_OR_RETURN(char kind, DatasetKind(path));
  return kind == 'd' ? StreamFolder(path, mapping, sink, encoding)
                     : StreamWorkbook(path, mapping, sink, encoding);
}

}  // namespace ansinh::io
