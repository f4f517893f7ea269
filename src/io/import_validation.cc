// The whole-dataset checks of an import and its error report (see import_validation.h).
#include "io/import_validation.h"

#include <fstream>
#include <map>
#include <unordered_map>

#include "core/text.h"
#include "core/validation.h"
#include "io/csv_writer.h"

namespace ansinh::io {
namespace {

class Checker {
 public:
  explicit Checker(std::vector<ImportProblem>* out) : out_(out) {}

  void Add(const char* file, std::int64_t row, std::string column, std::string value,
           std::string vi, std::string en) {
    out_->push_back(ImportProblem{file, row, std::move(column), std::move(value), std::move(vi),
                                  std::move(en)});
  }

  // A core validation failure, with the field and value it names.
  void AddStatus(const char* file, std::int64_t row, const Status& status) {
    if (!status.ok()) {
      Add(file, row, status.field(), status.value(), status.message_vi(), status.message_en());
    }
  }

 private:
  std::vector<ImportProblem>* out_;
};

constexpr char kHouseholds[] = "households.csv";
constexpr char kPersons[] = "persons.csv";
constexpr char kHouseholdYears[] = "household_years.csv";
constexpr char kPersonYears[] = "person_years.csv";

// Household codes → the household's row; reports duplicate codes and unknown communes.
std::unordered_map<std::string, const HouseholdRow*> CheckHouseholds(
    const Dataset& d, const std::set<std::string>& communes, Checker& c) {
  std::unordered_map<std::string, const HouseholdRow*> by_code;
  for (const HouseholdRow& h : d.households) {
    c.AddStatus(kHouseholds, h.row, ValidateHousehold(h.household));
    if (h.household.code.empty()) {
      c.Add(kHouseholds, h.row, "household_id", "", "thiếu mã hộ", "household id missing");
      continue;
    }
    if (!by_code.emplace(h.household.code, &h).second) {
      c.Add(kHouseholds, h.row, "household_id", h.household.code, "mã hộ bị trùng",
            "duplicate household id");
    }
    if (communes.count(h.household.commune_code) == 0) {
      c.Add(kHouseholds, h.row, "commune_code", h.household.commune_code,
            "mã xã không có trong tỉnh", "unknown commune code");
    }
  }
  return by_code;
}

void CheckPersons(const Dataset& d,
                  const std::unordered_map<std::string, const HouseholdRow*>& households,
                  const Clock& clock, Checker& c) {
  std::unordered_map<std::string, const PersonRow*> by_code;
  std::map<std::string, int> heads;  // household code → number of heads
  std::unordered_map<std::string, const PersonRow*> by_name_birth;
  std::unordered_map<std::string, const PersonRow*> by_id_number;
  for (const PersonRow& p : d.persons) {
    const Person& person = p.person;
    c.AddStatus(kPersons, p.row, ValidatePerson(person, clock));
    if (person.code.empty()) {
      c.Add(kPersons, p.row, "person_id", "", "thiếu mã nhân khẩu", "person id missing");
    } else if (!by_code.emplace(person.code, &p).second) {
      c.Add(kPersons, p.row, "person_id", person.code, "mã nhân khẩu bị trùng",
            "duplicate person id");
    }
    if (households.count(p.household_code) == 0) {
      c.Add(kPersons, p.row, "household_id", p.household_code,
            "mã hộ không có trong households.csv", "household id not in households.csv");
    }
    if (person.relation == Relation::kHead) ++heads[p.household_code];
    const std::string name_key = SearchKey(person.full_name) + "|" + person.birth_date;
    if (auto [it, fresh] = by_name_birth.emplace(name_key, &p);
        !fresh && it->second->household_code != p.household_code) {
      c.Add(kPersons, p.row, "full_name", person.full_name,
            "có thể trùng người ở dòng " + std::to_string(it->second->row) +
                " (cùng họ tên và ngày sinh, khác hộ)",
            "likely the same person as row " + std::to_string(it->second->row) +
                " (same name and birth date, another household)");
    }
    if (!person.id_number.empty()) {
      if (auto [it, fresh] = by_id_number.emplace(person.id_number, &p); !fresh) {
        c.Add(kPersons, p.row, "id_number", person.id_number,
              "số định danh trùng với dòng " + std::to_string(it->second->row),
              "same ID number as row " + std::to_string(it->second->row));
      }
    }
  }
  for (const auto& [code, household] : households) {
    const auto it = heads.find(code);
    const int n = it == heads.end() ? 0 : it->second;
    if (n != 1) {
      c.Add(kHouseholds, household->row, "household_id", code,
            "hộ phải có đúng một chủ hộ, có " + std::to_string(n),
            "a household needs exactly one head, found " + std::to_string(n));
    }
  }
}

void CheckHouseholdYears(const Dataset& d,
                         const std::unordered_map<std::string, const HouseholdRow*>& households,
                         Checker& c) {
  std::set<std::pair<std::string, int>> seen;
  for (const HouseholdYearRow& y : d.household_years) {
    c.AddStatus(kHouseholdYears, y.row, ValidateHouseholdYear(y.survey));
    if (households.count(y.household_code) == 0) {
      c.Add(kHouseholdYears, y.row, "household_id", y.household_code,
            "mã hộ không có trong households.csv", "household id not in households.csv");
    }
    if (!seen.emplace(y.household_code, y.survey.year).second) {
      c.Add(kHouseholdYears, y.row, "year", std::to_string(y.survey.year),
            "hộ đã có dòng cho năm này", "duplicate row for the household and year");
    }
  }
}

void CheckPersonYears(const Dataset& d, Checker& c) {
  std::set<std::string> persons;
  for (const PersonRow& p : d.persons) persons.insert(p.person.code);
  std::set<std::pair<std::string, int>> seen;
  for (const PersonYearRow& y : d.person_years) {
    c.AddStatus(kPersonYears, y.row, ValidatePersonYear(y.survey));
    if (persons.count(y.person_code) == 0) {
      c.Add(kPersonYears, y.row, "person_id", y.person_code,
            "mã nhân khẩu không có trong persons.csv", "person id not in persons.csv");
    }
    if (!seen.emplace(y.person_code, y.survey.year).second) {
      c.Add(kPersonYears, y.row, "year", std::to_string(y.survey.year),
            "nhân khẩu đã có dòng cho năm này", "duplicate row for the person and year");
    }
  }
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

void WriteErrorReport(const std::vector<ImportProblem>& problems, std::ostream& out) {
  CsvWriter writer(out);
  writer.Row({"file", "row", "column", "value", "reason_vi", "reason_en"});
  for (const ImportProblem& p : problems) {
    writer.Row({p.file, std::to_string(p.row), p.column, p.value, p.reason_vi, p.reason_en});
  }
}

Status WriteErrorReportFile(const std::vector<ImportProblem>& problems, const std::string& path) {
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
