// The whole-dataset checks of an import and its error report (see import_validation.h).
#include "io/import_validation.h"

#include <fstream>
#include <functional>
#include <map>
#include <unordered_map>

#include "core/text.h"
#include "core/validation.h"
#include "io/csv_writer.h"
#include "io/dataset_writer.h"

namespace ansinh::io {
namespace {

class Checker {
 public:
  explicit Checker(std::vector<ImportProblem>* out) : out_(out) {}

  void Add(const std::string& file, std::int64_t row, std::string column, std::string value,
           std::string vi, std::string en) {
    out_->push_back(ImportProblem{file, row, std::move(column), std::move(value), std::move(vi),
                                  std::move(en)});
  }

  // Reported with "cảnh báo: " / "warning: " before the reason; does not stop the import.
  void AddWarning(const std::string& file, std::int64_t row, std::string column, std::string value,
                  const std::string& vi, const std::string& en) {
    Add(file, row, std::move(column), std::move(value), "cảnh báo: " + vi, "warning: " + en);
    out_->back().warning = true;
  }

  // A core validation failure, with the field and value it names.
  void AddStatus(const std::string& file, std::int64_t row, const Status& status) {
    if (!status.ok()) {
      Add(file, row, status.field(), status.value(), status.message_vi(), status.message_en());
    }
  }

 private:
  std::vector<ImportProblem>* out_;
};

// "<owner key> not in <owner table>", for a row whose owner (household, person) is missing.
void AddOrphan(Checker& c, const std::string& file, std::int64_t row, const char* column,
               const std::string& code, const std::string& owner_file, const char* what_vi,
               const char* what_en) {
  c.Add(file, row, column, code, std::string(what_vi) + " không có trong " + owner_file,
        std::string(what_en) + " not in " + owner_file);
}

// Household codes → the household's row; reports duplicate codes and unknown communes.
std::unordered_map<std::string, const HouseholdRow*> CheckHouseholds(
    const Dataset& d, const std::set<std::string>& communes, Checker& c) {
  const std::string& file = d.sources.households;
  std::unordered_map<std::string, const HouseholdRow*> by_code;
  for (const HouseholdRow& h : d.households) {
    c.AddStatus(file, h.row, ValidateHousehold(h.household));
    if (h.household.code.empty()) {
      c.Add(file, h.row, "household_id", "", "thiếu mã hộ", "household id missing");
      continue;
    }
    if (!by_code.emplace(h.household.code, &h).second) {
      c.Add(file, h.row, "household_id", h.household.code, "mã hộ bị trùng",
            "duplicate household id");
    }
    if (communes.count(h.household.commune_code) == 0) {
      c.Add(file, h.row, "commune_code", h.household.commune_code, "mã xã không có trong tỉnh",
            "unknown commune code");
    }
  }
  return by_code;
}

void CheckPersons(const Dataset& d,
                  const std::unordered_map<std::string, const HouseholdRow*>& households,
                  const Clock& clock, Checker& c) {
  const std::string& file = d.sources.persons;
  std::unordered_map<std::string, const PersonRow*> by_code;
  std::map<std::string, int> heads;  // household code → number of heads
  std::unordered_map<std::string, const PersonRow*> by_name_birth;
  std::unordered_map<std::string, const PersonRow*> by_id_number;
  for (const PersonRow& p : d.persons) {
    const Person& person = p.person;
    c.AddStatus(file, p.row, ValidatePerson(person, clock));
    if (person.code.empty()) {
      c.Add(file, p.row, "person_id", "", "thiếu mã nhân khẩu", "person id missing");
    } else if (!by_code.emplace(person.code, &p).second) {
      c.Add(file, p.row, "person_id", person.code, "mã nhân khẩu bị trùng", "duplicate person id");
    }
    if (households.count(p.household_code) == 0) {
      AddOrphan(c, file, p.row, "household_id", p.household_code, d.sources.households, "mã hộ",
                "household id");
    }
    if (person.relation == Relation::kHead) ++heads[p.household_code];
    const std::string name_key = SearchKey(person.full_name) + "|" + person.birth_date;
    if (auto [it, fresh] = by_name_birth.emplace(name_key, &p);
        !fresh && it->second->household_code != p.household_code) {
      c.AddWarning(file, p.row, "full_name", person.full_name,
                   "có thể trùng người ở dòng " + std::to_string(it->second->row) +
                       " (cùng họ tên và ngày sinh, khác hộ)",
                   "likely the same person as row " + std::to_string(it->second->row) +
                       " (same name and birth date, another household)");
    }
    if (!person.id_number.empty()) {
      if (auto [it, fresh] = by_id_number.emplace(person.id_number, &p); !fresh) {
        c.Add(file, p.row, "id_number", person.id_number,
              "số định danh trùng với dòng " + std::to_string(it->second->row),
              "same ID number as row " + std::to_string(it->second->row));
      }
    }
  }
  for (const auto& [code, household] : households) {
    const auto it = heads.find(code);
    const int n = it == heads.end() ? 0 : it->second;
    if (n != 1) {
      c.Add(d.sources.households, household->row, "household_id", code,
            "hộ phải có đúng một chủ hộ, có " + std::to_string(n),
            "a household needs exactly one head, found " + std::to_string(n));
    }
  }
}

// What differs between the two yearly tables: whose rows they are and how to say it.
struct YearTable {
  const std::string* file;
  const std::string* owner_file;
  const char* key_column;  // "household_id", "person_id"
  const char* key_vi;      // "mã hộ"
  const char* key_en;      // "household id"
  const char* duplicate_vi;
  const char* duplicate_en;
};

// The rows of a yearly table: each survey valid, its owner known, one row per owner and year.
// `key_of(row)` is the owner's code, `validate(row)` the core check of the survey.
template <typename Row, typename KeyOf, typename Validate>
void CheckYearRows(const std::vector<Row>& rows, const YearTable& t,
                   const std::function<bool(const std::string&)>& owner_known, KeyOf key_of,
                   Validate validate, Checker& c) {
  std::set<std::pair<std::string, int>> seen;
  for (const Row& y : rows) {
    const std::string& key = key_of(y);
    c.AddStatus(*t.file, y.row, validate(y.survey));
    if (!owner_known(key)) {
      AddOrphan(c, *t.file, y.row, t.key_column, key, *t.owner_file, t.key_vi, t.key_en);
    }
    if (!seen.emplace(key, y.survey.year).second) {
      c.Add(*t.file, y.row, "year", std::to_string(y.survey.year), t.duplicate_vi, t.duplicate_en);
    }
  }
}

void CheckHouseholdYears(const Dataset& d,
                         const std::unordered_map<std::string, const HouseholdRow*>& households,
                         Checker& c) {
  const YearTable table{&d.sources.household_years,
                        &d.sources.households,
                        "household_id",
                        "mã hộ",
                        "household id",
                        "hộ đã có dòng cho năm này",
                        "duplicate row for the household and year"};
  CheckYearRows(
      d.household_years, table, [&](const std::string& code) { return households.count(code) > 0; },
      [](const HouseholdYearRow& y) -> const std::string& { return y.household_code; },
      ValidateHouseholdYear, c);
}

void CheckPersonYears(const Dataset& d, Checker& c) {
  std::set<std::string> persons;
  for (const PersonRow& p : d.persons) persons.insert(p.person.code);
  const YearTable table{&d.sources.person_years,
                        &d.sources.persons,
                        "person_id",
                        "mã nhân khẩu",
                        "person id",
                        "nhân khẩu đã có dòng cho năm này",
                        "duplicate row for the person and year"};
  CheckYearRows(
      d.person_years, table, [&](const std::string& code) { return persons.count(code) > 0; },
      [](const PersonYearRow& y) -> const std::string& { return y.person_code; },
      ValidatePersonYear, c);
}

}  // namespace

std::vector<ImportProblem> ValidateDataset(const Dataset& dataset,
                                           const std::set<std::string>& communes,
                                           const Clock& clock) {
  std::vector<ImportProblem> problems = dataset.problems;
  Checker c(&problems);
  const auto households = CheckHouseholds(dataset, communes, c);
  CheckPersons(dataset, households, clock, c);
  CheckHouseholdYears(dataset, households, c);
  CheckPersonYears(dataset, c);
  return problems;
}

namespace {

const std::vector<std::string> kReportHeader = {"file",  "row",       "column",
                                                "value", "reason_vi", "reason_en"};

std::vector<std::string> ReportRow(const ImportProblem& p) {
  return {p.file, std::to_string(p.row), p.column, p.value, p.reason_vi, p.reason_en};
}

// The report as a workbook: one sheet "errors", the header bold, `row` a number cell.
Status WriteErrorReportWorkbook(const std::vector<ImportProblem>& problems,
                                const std::string& path) {
  ANSINH_ASSIGN_OR_RETURN(std::unique_ptr<XlsxWriter> book, XlsxWriter::Create(path));
  ANSINH_RETURN_IF_ERROR(book->AddSheet("errors", kReportHeader));
  const std::vector<bool> numeric = {false, true, false, false, false, false};
  for (const ImportProblem& p : problems) ANSINH_RETURN_IF_ERROR(book->Row(ReportRow(p), numeric));
  return book->Close();
}

}  // namespace

void WriteErrorReport(const std::vector<ImportProblem>& problems, std::ostream& out) {
  CsvWriter writer(out);
  writer.Row(kReportHeader);
  for (const ImportProblem& p : problems) writer.Row(ReportRow(p));
}

Status WriteErrorReportFile(const std::vector<ImportProblem>& problems, const std::string& path) {
  if (IsWorkbookPath(path)) return WriteErrorReportWorkbook(problems, path);
  std::ofstream out(path, std::ios::binary);
  WriteErrorReport(problems, out);
  out.flush();
  if (!out) {
    return Status::Error(ErrorCode::kIoError, "không ghi được tệp " + path,
                         "cannot write file " + path);
  }
  return Status::Ok();
}

}  // namespace ansinh::io
