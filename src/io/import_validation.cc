// The whole-dataset checks of an import and its error report (see import_validation.h).
#include "io/import_validation.h"

#include <algorithm>
#include <fstream>

#include "core/text.h"
#include "core/validation.h"
#include "io/csv_writer.h"
#include "io/dataset_writer.h"

namespace ansinh::io {
namespace {

constexpr std::uint8_t kNoYear = 0;

// A survey year as one byte (year - 1989) when it fits, else kNoYear (kept in the overflow map).
std::uint8_t YearByte(int year) {
  return year >= 1990 && year <= 1989 + 255 ? static_cast<std::uint8_t>(year - 1989) : kNoYear;
}

std::uint64_t OwnerYearKey(std::uint32_t owner, int year) {
  return (std::uint64_t{owner} << 32) | static_cast<std::uint32_t>(year);
}

template <typename T>
void GrowTo(std::vector<T>& v, std::uint32_t n, T fill) {
  if (v.size() < n) v.resize(n, fill);
}

}  // namespace

DatasetChecker::DatasetChecker(const std::set<std::string>& communes, const Clock& clock)
    : clock_(clock) {
  for (const std::string& code : communes) communes_.Intern(code);
}

void DatasetChecker::Begin(const TableSources& sources) { sources_ = sources; }

void DatasetChecker::Add(Table table, std::int64_t row, std::string column, std::string value,
                         std::string vi, std::string en, std::uint32_t household) {
  problems_.push_back(ImportProblem{sources_.of(table), row, std::move(column), std::move(value),
                                    std::move(vi), std::move(en)});
  Reject(household);
}

void DatasetChecker::AddStatus(Table table, std::int64_t row, const Status& status,
                               std::uint32_t household) {
  if (!status.ok()) {
    Add(table, row, status.field(), status.value(), status.message_vi(), status.message_en(),
        household);
  }
}

// "<owner key> not in <owner table>", for a row whose owner (household, person) is missing.
void DatasetChecker::AddOrphan(Table table, std::int64_t row, const char* column,
                               const std::string& code, Table owner, const char* what_vi,
                               const char* what_en, std::uint32_t household) {
  const std::string& owner_file = sources_.of(owner);
  Add(table, row, column, code, std::string(what_vi) + " không có trong " + owner_file,
      std::string(what_en) + " not in " + owner_file, household);
}

void DatasetChecker::Reject(std::uint32_t household) {
  if (household == kNone || household >= household_rejected_.size()) return;  // no household
  if (household_row_[household] == 0) return;  // not a household of the file: written by nobody
  if (household_rejected_[household] == 0) ++rejected_count_;
  household_rejected_[household] = 1;
}

void DatasetChecker::Problem(const ImportProblem& problem) {
  reading_problems_.push_back(problem);
  if (problem.warning) return;
  if (problem.row <= 0) {
    whole_rejected_ = true;
    return;
  }
  // The row is delivered right after its reading problems; a problem whose row never comes (a
  // malformed end of file) cannot be placed, and nothing is trusted.
  pending_row_ = problem.row;
  pending_table_ = Table::kHouseholds;
  for (Table t : kTables) {
    if (sources_.of(t) == problem.file) pending_table_ = t;
  }
}

void DatasetChecker::SettleReadingProblem(Table table, std::int64_t row, std::uint32_t household) {
  ++rows_;
  if (pending_row_ < 0) return;
  if (pending_table_ == table && pending_row_ == row) {
    Reject(household);
  } else {
    whole_rejected_ = true;
  }
  pending_row_ = -1;
}

std::uint32_t DatasetChecker::InternHousehold(std::string_view code) {
  const std::uint32_t id = households_.Intern(code);
  const std::uint32_t n = households_.size();
  GrowTo(household_row_, n, std::int64_t{0});
  GrowTo(heads_, n, 0);
  GrowTo(household_rejected_, n, std::uint8_t{0});
  GrowTo(household_first_year_, n, kNoYear);
  return id;
}

std::uint32_t DatasetChecker::InternPerson(std::string_view code) {
  const std::uint32_t id = persons_.Intern(code);
  const std::uint32_t n = persons_.size();
  GrowTo(person_household_, n, kNone);
  GrowTo(person_name_, n, kNone);
  GrowTo(person_defined_, n, std::uint8_t{0});
  GrowTo(person_first_year_, n, kNoYear);
  return id;
}

Status DatasetChecker::Household(const HouseholdRow& h) {
  const std::string& code = h.household.code;
  const std::uint32_t id = InternHousehold(code);
  const bool duplicate = household_row_[id] != 0;
  if (!duplicate) household_row_[id] = h.row;
  SettleReadingProblem(Table::kHouseholds, h.row, id);
  AddStatus(Table::kHouseholds, h.row, ValidateHousehold(h.household), id);
  if (code.empty()) {
    Add(Table::kHouseholds, h.row, "household_id", "", "thiếu mã hộ", "household id missing", id);
    return Status::Ok();
  }
  if (duplicate) {
    Add(Table::kHouseholds, h.row, "household_id", code, "mã hộ bị trùng",
        "duplicate household id", id);
  }
  if (communes_.Find(h.household.commune_code) == kNone) {
    Add(Table::kHouseholds, h.row, "commune_code", h.household.commune_code,
        "mã xã không có trong tỉnh", "unknown commune code", id);
  }
  return Status::Ok();
}

Status DatasetChecker::Person(const PersonRow& p) {
  const ansinh::Person& person = p.person;
  const std::uint32_t household = InternHousehold(p.household_code);
  SettleReadingProblem(Table::kPersons, p.row, household);
  AddStatus(Table::kPersons, p.row, ValidatePerson(person, clock_), household);
  std::uint32_t id = kNone;
  if (person.code.empty()) {
    person_without_code_ = true;
    Add(Table::kPersons, p.row, "person_id", "", "thiếu mã nhân khẩu", "person id missing",
        household);
  } else {
    id = InternPerson(person.code);
    if (person_defined_[id] != 0) {
      Add(Table::kPersons, p.row, "person_id", person.code, "mã nhân khẩu bị trùng",
          "duplicate person id", household);
      id = kNone;  // the first row keeps the code
    } else {
      person_defined_[id] = 1;
      person_household_[id] = household;
    }
  }
  const bool known = !p.household_code.empty() && household_row_[household] != 0;
  if (!known) {
    AddOrphan(Table::kPersons, p.row, "household_id", p.household_code, Table::kHouseholds,
              "mã hộ", "household id", household);
  }
  if (person.relation == Relation::kHead) ++heads_[household];
  // The name key is computed once: the write pass stores it as the person's search key.
  const std::uint32_t name = names_.Intern(SearchKey(person.full_name));
  if (id != kNone) person_name_[id] = name;
  const std::uint64_t key = (std::uint64_t{name} << 32) | births_.Intern(person.birth_date);
  const auto ordinal = static_cast<std::uint32_t>(name_birth_row_.size());
  if (const std::uint32_t* first = name_birth_.InsertOrFind(key, ordinal)) {
    if (name_birth_household_[*first] != household) {
      const std::string first_row = std::to_string(name_birth_row_[*first]);
      problems_.push_back(ImportProblem{
          sources_.persons, p.row, "full_name", person.full_name,
          "cảnh báo: có thể trùng người ở dòng " + first_row + " (cùng họ tên và ngày sinh, khác hộ)",
          "warning: likely the same person as row " + first_row +
              " (same name and birth date, another household)",
          true});
    }
  } else {
    name_birth_row_.push_back(p.row);
    name_birth_household_.push_back(household);
  }
  if (!person.id_number.empty()) {
    bool added = false;
    const std::uint32_t number = id_numbers_.Intern(person.id_number, &added);
    if (added) {
      id_number_row_.push_back(p.row);
    } else {
      const std::string first_row = std::to_string(id_number_row_[number]);
      Add(Table::kPersons, p.row, "id_number", person.id_number,
          "số định danh trùng với dòng " + first_row, "same ID number as row " + first_row,
          household);
    }
  }
  return Status::Ok();
}

bool DatasetChecker::SeenYear(std::vector<std::uint8_t>& first_year, U64Map& more,
                              std::uint32_t owner, int year) {
  const std::uint8_t byte = YearByte(year);
  if (byte != kNoYear && first_year[owner] == kNoYear) {
    first_year[owner] = byte;
    return false;
  }
  if (byte != kNoYear && first_year[owner] == byte) return true;
  return more.InsertOrFind(OwnerYearKey(owner, year), 0) != nullptr;
}

Status DatasetChecker::HouseholdYear(const HouseholdYearRow& y) {
  const std::uint32_t household = InternHousehold(y.household_code);
  SettleReadingProblem(Table::kHouseholdYears, y.row, household);
  AddStatus(Table::kHouseholdYears, y.row, ValidateHouseholdYear(y.survey), household);
  if (y.household_code.empty() || household_row_[household] == 0) {
    AddOrphan(Table::kHouseholdYears, y.row, "household_id", y.household_code,
              Table::kHouseholds, "mã hộ", "household id", household);
  }
  if (SeenYear(household_first_year_, household_more_years_, household, y.survey.year)) {
    Add(Table::kHouseholdYears, y.row, "year", std::to_string(y.survey.year),
        "hộ đã có dòng cho năm này", "duplicate row for the household and year", household);
  }
  return Status::Ok();
}

Status DatasetChecker::PersonYear(const PersonYearRow& y) {
  const std::uint32_t person = InternPerson(y.person_code);
  const std::uint32_t household = person_household_[person];
  SettleReadingProblem(Table::kPersonYears, y.row, household);
  AddStatus(Table::kPersonYears, y.row, ValidatePersonYear(y.survey), household);
  const bool known =
      y.person_code.empty() ? person_without_code_ : person_defined_[person] != 0;
  if (!known) {
    AddOrphan(Table::kPersonYears, y.row, "person_id", y.person_code, Table::kPersons,
              "mã nhân khẩu", "person id", household);
  }
  if (SeenYear(person_first_year_, person_more_years_, person, y.survey.year)) {
    Add(Table::kPersonYears, y.row, "year", std::to_string(y.survey.year),
        "nhân khẩu đã có dòng cho năm này", "duplicate row for the person and year", household);
  }
  return Status::Ok();
}

void DatasetChecker::CheckHeads() {
  // Households in the order their codes were first met; only those a households row defines
  // (with a code) need a head. A code is first met in households.csv, read first, so this is
  // the households' row order.
  std::vector<std::uint32_t> order;
  for (std::uint32_t id = 0; id < households_.size(); ++id) {
    if (household_row_[id] != 0 && !households_.Key(id).empty()) order.push_back(id);
  }
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return household_row_[a] < household_row_[b]; });
  for (std::uint32_t id : order) {
    const int n = heads_[id];
    if (n != 1) {
      Add(Table::kHouseholds, household_row_[id], "household_id", std::string(households_.Key(id)),
          "hộ phải có đúng một chủ hộ, có " + std::to_string(n),
          "a household needs exactly one head, found " + std::to_string(n), id);
    }
  }
}

void DatasetChecker::EndTable(Table table) {
  if (pending_row_ >= 0) whole_rejected_ = true;  // a reading problem on no row of the table
  pending_row_ = -1;
  if (table == Table::kPersons) CheckHeads();
}

std::vector<ImportProblem> DatasetChecker::Problems() const {
  std::vector<ImportProblem> all = reading_problems_;
  all.insert(all.end(), problems_.begin(), problems_.end());
  return all;
}

ImportSelection DatasetChecker::Selection() const {
  ImportSelection selection;
  selection.whole_dataset_rejected = whole_rejected_;
  selection.rejected = household_rejected_;
  selection.rejected_households = rejected_count_;
  return selection;
}

std::string_view DatasetChecker::SearchKeyOf(std::uint32_t person) const {
  if (person >= person_name_.size() || person_name_[person] == kNone) return {};
  return names_.Key(person_name_[person]);
}

std::uint32_t DatasetChecker::HouseholdOfPerson(std::uint32_t person) const {
  return person < person_household_.size() ? person_household_[person] : kNone;
}

std::size_t DatasetChecker::MemoryBytes() const {
  const auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  return communes_.MemoryBytes() + households_.MemoryBytes() + bytes(household_row_) +
         bytes(heads_) + bytes(household_rejected_) + bytes(household_first_year_) +
         household_more_years_.MemoryBytes() + persons_.MemoryBytes() +
         bytes(person_household_) + bytes(person_name_) + bytes(person_defined_) +
         bytes(person_first_year_) + person_more_years_.MemoryBytes() + names_.MemoryBytes() +
         births_.MemoryBytes() + name_birth_.MemoryBytes() + bytes(name_birth_row_) +
         bytes(name_birth_household_) + id_numbers_.MemoryBytes() + bytes(id_number_row_);
}

std::vector<ImportProblem> ValidateDataset(const Dataset& dataset,
                                           const std::set<std::string>& communes,
                                           const Clock& clock) {
  DatasetChecker checker(communes, clock);
  checker.Begin(dataset.sources);
  for (const ImportProblem& p : dataset.problems) checker.Problem(p);
  for (const HouseholdRow& r : dataset.households) (void)checker.Household(r);
  checker.EndTable(Table::kHouseholds);
  for (const PersonRow& r : dataset.persons) (void)checker.Person(r);
  checker.EndTable(Table::kPersons);
  for (const HouseholdYearRow& r : dataset.household_years) (void)checker.HouseholdYear(r);
  checker.EndTable(Table::kHouseholdYears);
  for (const PersonYearRow& r : dataset.person_years) (void)checker.PersonYear(r);
  checker.EndTable(Table::kPersonYears);
  return checker.Problems();
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
