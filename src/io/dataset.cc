// Reading the four tables of an import dataset into typed rows (see dataset.h).
#include "io/dataset.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <utility>

#include "core/money.h"
#include "core/text.h"
#include "io/csv_reader.h"

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
  TableReader(std::string file, Dataset* dataset) : file_(std::move(file)), dataset_(dataset) {}

  void SetHeader(const std::vector<std::string>& header, const ColumnMapping& mapping) {
    columns_.clear();
    for (const std::string& cell : header) {
      std::string name(Trim(cell));
      if (auto it = mapping.find(name); it != mapping.end()) name = it->second;
      columns_.push_back(CanonicalColumn(name));
    }
  }

  // Problems for the required columns the header lacks; false when any is missing.
  bool CheckRequired(const std::vector<std::string>& required) {
    bool ok = true;
    for (const std::string& name : required) {
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
    Result<std::string> text = NormalizeText(raw, &dataset_->encoding);
    if (!text.ok()) {
      Problem(row.row(), name, std::string(raw), "không đọc được bảng mã của chữ",
              "text in an unreadable encoding");
      return std::string(raw);
    }
    return std::move(text).value();
  }

  // The columns not in `known`, as custom attributes.
  Attributes Extra(const CsvRow& row, const std::vector<std::string_view>& known) {
    Attributes out;
    for (std::size_t i = 0; i < columns_.size() && i < row.size(); ++i) {
      bool is_known = false;
      for (std::string_view k : known) is_known = is_known || columns_[i] == k;
      if (!is_known && !columns_[i].empty()) out[columns_[i]] = Text(row, columns_[i]);
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

  void Problem(std::int64_t row, std::string_view column, std::string value, std::string vi,
               std::string en) {
    dataset_->problems.push_back(ImportProblem{file_, row, std::string(column), std::move(value),
                                               std::move(vi), std::move(en)});
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  Dataset* dataset_;
  std::vector<std::string> columns_;
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

Result<int> ParseDisability(std::string_view text, std::string_view field) {
  return ParseInt(text, field);
}

// Reads one table: header, required columns, then `on_row` for each data row.
Status ReadTable(const std::string& dir, const std::string& file, const ColumnMapping& mapping,
                 const std::vector<std::string>& required, Dataset* dataset,
                 const std::function<void(TableReader&, const CsvRow&)>& on_row) {
  const std::string path = (std::filesystem::path(dir) / file).string();
  TableReader table(file, dataset);
  ANSINH_ASSIGN_OR_RETURN(std::vector<std::string> header, ReadHeader(path));
  table.SetHeader(header, mapping);
  if (!table.CheckRequired(required)) return Status::Ok();
  Status read = ReadCsvFile(path, {}, [&](const CsvRow& row) {
    on_row(table, row);
    return Status::Ok();
  });
  if (!read.ok()) {
    table.Problem(read.location().row, read.field(), read.value(), read.message_vi(),
                  read.message_en());
  }
  return Status::Ok();
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

namespace {

Status ReadHouseholds(const std::string& dir, const ColumnMapping& mapping, Dataset* d) {
  return ReadTable(
      dir, "households.csv", mapping, {"household_id", "commune_code", "hamlet"}, d,
      [d](TableReader& t, const CsvRow& row) {
        HouseholdRow out;
        out.row = row.row();
        out.household.code = t.Text(row, "household_id");
        out.household.commune_code = std::string(t.Raw(row, "commune_code"));
        out.household.hamlet_name = t.Text(row, "hamlet");
        out.household.address = t.Text(row, "address");
        out.attributes = t.Extra(row, {"household_id", "commune_code", "hamlet", "address"});
        d->households.push_back(std::move(out));
      });
}

Status ReadPersons(const std::string& dir, const ColumnMapping& mapping, Dataset* d) {
  return ReadTable(
      dir, "persons.csv", mapping,
      {"person_id", "household_id", "full_name", "sex", "birth_date", "relation", "ethnicity"}, d,
      [d](TableReader& t, const CsvRow& row) {
        PersonRow out;
        out.row = row.row();
        out.household_code = t.Text(row, "household_id");
        Person& p = out.person;
        p.code = t.Text(row, "person_id");
        p.full_name = t.Text(row, "full_name");
        t.Parse<Sex>(row, "sex", &p.sex, ParseSex);
        p.birth_date = std::string(t.Raw(row, "birth_date"));
        t.Parse<Relation>(row, "relation", &p.relation, ParseRelation);
        p.ethnicity = t.Text(row, "ethnicity");
        p.id_number = std::string(t.Raw(row, "id_number"));
        out.attributes = t.Extra(row, {"person_id", "household_id", "full_name", "sex",
                                       "birth_date", "relation", "ethnicity", "id_number"});
        d->persons.push_back(std::move(out));
      });
}

Status ReadHouseholdYears(const std::string& dir, const ColumnMapping& mapping, Dataset* d) {
  return ReadTable(
      dir, "household_years.csv", mapping,
      {"household_id", "year", "income_month", "housing_quality", "housing_area_m2", "clean_water",
       "hygienic_latrine", "telecom", "info_assets"},
      d, [d](TableReader& t, const CsvRow& row) {
        HouseholdYearRow out;
        out.row = row.row();
        out.household_code = t.Text(row, "household_id");
        HouseholdYear& y = out.survey;
        t.Parse<int>(row, "year", &y.year, ParseInt);
        t.Parse<Vnd>(row, "income_month", &y.income_month, ParseVnd);
        t.Parse<HousingQuality>(row, "housing_quality", &y.housing_quality, ParseHousingQuality);
        t.Parse<double>(row, "housing_area_m2", &y.housing_area_m2, ParseArea);
        t.Parse<bool>(row, "clean_water", &y.clean_water, ParseFlag);
        t.Parse<bool>(row, "hygienic_latrine", &y.hygienic_latrine, ParseFlag);
        t.Parse<bool>(row, "telecom", &y.telecom, ParseFlag);
        t.Parse<bool>(row, "info_assets", &y.info_assets, ParseFlag);
        out.attributes = t.Extra(
            row, {"household_id", "year", "income_month", "housing_quality", "housing_area_m2",
                  "clean_water", "hygienic_latrine", "telecom", "info_assets"});
        d->household_years.push_back(std::move(out));
      });
}

Status ReadPersonYears(const std::string& dir, const ColumnMapping& mapping, Dataset* d) {
  return ReadTable(dir, "person_years.csv", mapping,
                   {"person_id", "year", "health_insurance", "in_school", "education_grade",
                    "trained", "vocational_trained", "employed", "disability"},
                   d, [d](TableReader& t, const CsvRow& row) {
                     PersonYearRow out;
                     out.row = row.row();
                     out.person_code = t.Text(row, "person_id");
                     PersonYear& y = out.survey;
                     t.Parse<int>(row, "year", &y.year, ParseInt);
                     t.Parse<bool>(row, "health_insurance", &y.health_insurance, ParseFlag);
                     t.Parse<bool>(row, "in_school", &y.in_school, ParseFlag);
                     t.Parse<int>(row, "education_grade", &y.education_grade, ParseInt);
                     t.Parse<bool>(row, "trained", &y.trained, ParseFlag);
                     t.Parse<bool>(row, "vocational_trained", &y.vocational_trained, ParseFlag);
                     t.Parse<bool>(row, "employed", &y.employed, ParseFlag);
                     t.Parse<int>(row, "disability", &y.disability, ParseDisability);
                     t.Parse<bool>(row, "sick_untreated", &y.sick_untreated, ParseFlag);
                     t.Parse<bool>(row, "malnourished", &y.malnourished, ParseFlag);
                     t.Parse<bool>(row, "wage_no_contract", &y.wage_no_contract, ParseFlag);
                     t.Parse<bool>(row, "social_allowance", &y.social_allowance, ParseFlag);
                     out.attributes =
                         t.Extra(row, {"person_id", "year", "health_insurance", "in_school",
                                       "education_grade", "trained", "vocational_trained",
                                       "employed", "disability", "sick_untreated", "malnourished",
                                       "wage_no_contract", "social_allowance"});
                     d->person_years.push_back(std::move(out));
                   });
}

}  // namespace

Result<Dataset> ReadDatasetFolder(const std::string& dir, const ColumnMapping& mapping) {
  Dataset dataset;
  ANSINH_RETURN_IF_ERROR(ReadHouseholds(dir, mapping, &dataset));
  ANSINH_RETURN_IF_ERROR(ReadPersons(dir, mapping, &dataset));
  ANSINH_RETURN_IF_ERROR(ReadHouseholdYears(dir, mapping, &dataset));
  ANSINH_RETURN_IF_ERROR(ReadPersonYears(dir, mapping, &dataset));
  return dataset;
}

}  // namespace ansinh::io
