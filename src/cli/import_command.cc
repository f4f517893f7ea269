// ansinh import: a commune's survey (a folder of CSVs or an .xlsx workbook, docs/import-format.md)
// into the registry. The whole dataset is read and checked first (io/dataset.h,
// io/import_validation.h); then it is written in one transaction (store/import_writer.h), or,
// when it has problems, nothing is written unless --accept-valid keeps the households without
// any (io/import_selection.h).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <memory>
#include <ostream>
#include <set>
#include <unordered_map>

#include "cli/cli.h"
#include "cli/progress.h"
#include "io/dataset.h"
#include "io/import_selection.h"
#include "io/import_validation.h"
#include "store/import_writer.h"

namespace ansinh::cli {
namespace {

struct ImportCommandOptions {
  std::string db = "ansinh.db";
  std::string path;
  std::string mapping;
  std::string error_report;
  bool dry_run = false;
  bool accept_valid = false;
};

// Problems printed on the terminal; the error report holds them all.
constexpr std::size_t kProblemsShown = 200;

// "persons.csv:4: household_id = H9: mã hộ không có trong households.csv / household id not in
// households.csv"
void PrintProblem(std::ostream& err, const io::ImportProblem& p) {
  err << p.file;
  if (p.row > 0) err << ":" << p.row;
  err << ": ";
  if (!p.column.empty()) err << p.column << " = " << (p.value.empty() ? "\"\"" : p.value) << ": ";
  err << p.reason_vi << " / " << p.reason_en << "\n";
}

Result<std::set<std::string>> ProvinceCommunes(store::Store& db) {
  ANSINH_RETURN_IF_ERROR(db.units().Province().status());  // an uninitialised database
  ANSINH_ASSIGN_OR_RETURN(std::vector<AdminUnit> units, db.units().All());
  std::set<std::string> communes;
  for (const AdminUnit& u : units) {
    if (u.level == UnitLevel::kCommune) communes.insert(u.code);
  }
  return communes;
}

// A writer error names the row it came from: the checks before should have caught it, so it is
// a rule the store holds that the import's checks do not know yet.
Status AtRow(Status status, const std::string& file, std::int64_t row) {
  if (status.ok()) return status;
  return std::move(status).WithLocation({file, row, 0});
}

struct WriteTotals {
  std::int64_t skipped = 0;  // rows of rejected households
};

// Writes the selected households of `dataset` through `writer`, in the order of the file.
Status WriteDataset(const io::Dataset& dataset, const io::ImportSelection& selection,
                    store::ImportWriter& writer, Progress& progress, WriteTotals& totals) {
  std::unordered_map<std::string, std::int64_t> household_ids, person_ids;
  household_ids.reserve(dataset.households.size());
  person_ids.reserve(dataset.persons.size());
  for (const io::HouseholdRow& r : dataset.households) {
    progress.Advance();
    if (!selection.Accepts(r.household.code)) {
      ++totals.skipped;
      continue;
    }
    Result<std::int64_t> id = writer.PutHousehold(r.household, r.attributes);
    ANSINH_RETURN_IF_ERROR(AtRow(id.status(), dataset.sources.households, r.row));
    household_ids.emplace(r.household.code, *id);
  }
  for (const io::PersonRow& r : dataset.persons) {
    progress.Advance();
    auto household = household_ids.find(r.household_code);
    if (household == household_ids.end()) {
      ++totals.skipped;
      continue;
    }
    Person person = r.person;
    person.household_id = household->second;
    Result<std::int64_t> id = writer.PutPerson(person, r.attributes);
    ANSINH_RETURN_IF_ERROR(AtRow(id.status(), dataset.sources.persons, r.row));
    person_ids.emplace(r.person.code, *id);
  }
  for (const io::HouseholdYearRow& r : dataset.household_years) {
    progress.Advance();
    auto household = household_ids.find(r.household_code);
    if (household == household_ids.end()) {
      ++totals.skipped;
      continue;
    }
    HouseholdYear survey = r.survey;
    survey.household_id = household->second;
    ANSINH_RETURN_IF_ERROR(AtRow(writer.PutHouseholdYear(survey, r.attributes),
                                 dataset.sources.household_years, r.row));
  }
  for (const io::PersonYearRow& r : dataset.person_years) {
    progress.Advance();
    auto person = person_ids.find(r.person_code);
    if (person == person_ids.end()) {
      ++totals.skipped;
      continue;
    }
    PersonYear survey = r.survey;
    survey.person_id = person->second;
    ANSINH_RETURN_IF_ERROR(
        AtRow(writer.PutPersonYear(survey, r.attributes), dataset.sources.person_years, r.row));
  }
  progress.Finish();
  return Status::Ok();
}

void PrintCounts(std::ostream& out, const store::ImportCounts& c) {
  out << "  bảng / table        mới / new   sửa / updated   giữ / unchanged\n";
  auto line = [&out](const char* name, const store::UpsertCounts& n) {
    out << "  " << std::left << std::setw(18) << name << std::right << std::setw(11) << n.inserted
        << std::setw(16) << n.updated << std::setw(18) << n.unchanged << "\n";
  };
  line("households", c.households);
  line("persons", c.persons);
  line("household_years", c.household_years);
  line("person_years", c.person_years);
  if (c.attributes_written > 0) {
    out << "  thuộc tính bổ sung ghi / custom attribute values written: " << c.attributes_written
        << "\n";
  }
  if (!c.hamlets_created.empty()) {
    out << "  ấp, khóm mới / new hamlets (" << c.hamlets_created.size() << "):";
    std::size_t shown = 0;
    for (const auto& [commune, name] : c.hamlets_created) {
      if (++shown > 20) {
        out << " …";
        break;
      }
      out << (shown > 1 ? "," : "") << " " << commune << " " << name;
    }
    out << "\n";
  }
}

Status RunImport(CliContext& ctx, const ImportCommandOptions& opts) {
  ANSINH_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> db, OpenExistingStore(ctx, opts.db));
  ANSINH_ASSIGN_OR_RETURN(std::set<std::string> communes, ProvinceCommunes(*db));
  io::ColumnMapping mapping;
  if (!opts.mapping.empty()) {
    ANSINH_ASSIGN_OR_RETURN(mapping, io::ReadColumnMapping(opts.mapping));
  }
  const auto start = std::chrono::steady_clock::now();
  ANSINH_ASSIGN_OR_RETURN(io::Dataset dataset, io::ReadDataset(opts.path, mapping));
  const std::vector<io::ImportProblem> problems =
      io::ValidateDataset(dataset, communes, *ctx.clock);
  if (dataset.encoding.converted() > 0) *ctx.out << dataset.encoding.ToString() << "\n";
  if (!opts.error_report.empty()) {
    ANSINH_RETURN_IF_ERROR(io::WriteErrorReportFile(problems, opts.error_report));
  }
  for (std::size_t i = 0; i < problems.size() && i < kProblemsShown; ++i) {
    PrintProblem(*ctx.err, problems[i]);
  }
  if (problems.size() > kProblemsShown) {
    *ctx.err << "… " << problems.size() - kProblemsShown
             << " lỗi nữa / more problems (--error-report FILE ghi tất cả / writes them all)\n";
  }

  // Warnings (a likely duplicate person) are reported but do not stop the import.
  const auto errors = static_cast<std::size_t>(std::count_if(
      problems.begin(), problems.end(), [](const io::ImportProblem& p) { return !p.warning; }));
  const io::ImportSelection selection =
      opts.accept_valid ? io::SelectValidHouseholds(dataset, problems) : io::ImportSelection{};
  if (errors > 0 && (!opts.accept_valid || selection.whole_dataset_rejected)) {
    const std::string n = std::to_string(errors);
    return Status::Invalid(
        "path", opts.path,
        "không nhập gì: tệp có " + n + " lỗi" +
            (opts.accept_valid ? " ở mức cả tệp" : "; sửa rồi nhập lại, hoặc dùng --accept-valid"),
        "nothing imported: the file has " + n + " problem(s)" +
            (opts.accept_valid ? " of a whole file"
                               : "; fix and re-import, or use --accept-valid"));
  }

  ANSINH_ASSIGN_OR_RETURN(std::unique_ptr<store::ImportWriter> writer,
                          store::ImportWriter::Begin(*db, CliActor(), "import " + opts.path));
  const std::int64_t rows =
      static_cast<std::int64_t>(dataset.households.size() + dataset.persons.size() +
                                dataset.household_years.size() + dataset.person_years.size());
  ProgressOptions progress_options;
  progress_options.terminal = IsTerminal(*ctx.err);
  Progress progress(*ctx.err, "ghi / writing", rows, progress_options);
  WriteTotals totals;
  ANSINH_RETURN_IF_ERROR(WriteDataset(dataset, selection, *writer, progress, totals));
  if (!opts.dry_run) ANSINH_RETURN_IF_ERROR(writer->Commit());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::ostream& out = *ctx.out;
  if (opts.dry_run) {
    out << "Thử, không ghi gì / dry run, nothing written: " << opts.path << "\n";
  } else if (!writer->counts().changed()) {
    out << "Không có gì thay đổi / nothing changed: " << opts.path << "\n";
  } else {
    out << "Đã nhập / imported " << opts.path << " in " << static_cast<int>(seconds * 10) / 10.0
        << " s\n";
  }
  PrintCounts(out, writer->counts());
  if (errors < problems.size()) {
    out << "  cảnh báo / warnings: " << problems.size() - errors
        << " (có thể trùng người / likely duplicate persons: xem / see --error-report)\n";
  }
  if (opts.accept_valid && errors > 0) {
    out << "  bỏ qua / left out: " << selection.rejected_households.size()
        << " hộ có lỗi / households with problems, " << totals.skipped << " dòng / rows\n";
  }
  return Status::Ok();
}

}  // namespace

void RegisterImportCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ImportCommandOptions>();
  CLI::App* cmd = AddCommand(
      &app, ctx, o, "import",
      "Nhập điều tra hằng năm từ thư mục CSV hoặc tệp .xlsx / import the annual survey from a "
      "folder of CSVs or an .xlsx workbook",
      RunImport);
  cmd->add_option("path", o->path,
                  "Thư mục households.csv, persons.csv, ... hoặc tệp .xlsx / the folder or "
                  "workbook")
      ->required();
  cmd->add_option("--mapping", o->mapping,
                  "CSV đổi tên cột (from,to) / column renames (a from,to CSV)");
  cmd->add_option("--error-report", o->error_report,
                  "Ghi mọi lỗi vào tệp .csv hoặc .xlsx / write every problem to a .csv or .xlsx "
                  "file");
  cmd->add_flag("--dry-run", o->dry_run,
                "Kiểm tra và đếm, không ghi gì / check and count, write nothing");
  cmd->add_flag("--accept-valid", o->accept_valid,
                "Ghi các hộ không có lỗi, bỏ qua hộ có lỗi / write the households without "
                "problems, leave out the rest");
}

}  // namespace ansinh::cli
