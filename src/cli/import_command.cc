// ansinh import: a commune's survey (a folder of CSVs or an .xlsx workbook, docs/import-format.md)
// into the registry. The files are read twice, a row at a time, so that memory is bounded by the
// dataset's keys and not its rows: the check pass streams every row through io::DatasetChecker
// (io/import_validation.h), which keeps codes as integer ids; then, unless it found problems
// (or --accept-valid keeps the households without any, io/import_selection.h), the write pass
// streams the files again into one transaction (store/import_writer.h). In both passes the files
// are read and parsed on a second thread, a few batches ahead (io/dataset_pipe.h).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <memory>
#include <ostream>
#include <set>
#include <vector>

#include "cli/cli.h"
#include "cli/progress.h"
#include "io/dataset.h"
#include "io/dataset_pipe.h"
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

// A sink that counts rows for a progress bar and hands them on.
class ProgressSink : public io::DatasetSink {
 public:
  ProgressSink(io::DatasetSink& next, Progress& progress) : next_(next), progress_(progress) {}
  void Begin(const io::TableSources& sources) override { next_.Begin(sources); }
  Status Household(const io::HouseholdRow& r) override { return Count(next_.Household(r)); }
  Status Person(const io::PersonRow& r) override { return Count(next_.Person(r)); }
  Status HouseholdYear(const io::HouseholdYearRow& r) override {
    return Count(next_.HouseholdYear(r));
  }
  Status PersonYear(const io::PersonYearRow& r) override { return Count(next_.PersonYear(r)); }
  void Problem(const io::ImportProblem& p) override { next_.Problem(p); }
  void EndTable(io::Table table) override { next_.EndTable(table); }

 private:
  Status Count(Status status) {
    progress_.Advance();
    return status;
  }
  io::DatasetSink& next_;
  Progress& progress_;
};

// The write pass: the files read again, each row of an accepted household written through
// `writer` in the order of the file. The checker, which saw every row in the check pass, names
// each row's household and person by the ids it gave their codes; the ids the registry gives
// them are kept here (8 bytes a household and a person), so no code is held twice.
class WritingSink : public io::DatasetSink {
 public:
  WritingSink(const io::DatasetChecker& checker, const io::ImportSelection& selection,
              std::uint32_t households, std::uint32_t persons, store::ImportWriter& writer)
      : checker_(checker),
        selection_(selection),
        writer_(writer),
        household_ids_(households, 0),
        person_ids_(persons, 0) {}

  void Begin(const io::TableSources& sources) override { sources_ = sources; }
  void Problem(const io::ImportProblem& /*problem*/) override {}  // reported by the check pass

  Status Household(const io::HouseholdRow& r) override {
    const std::uint32_t h = checker_.HouseholdOf(r.household.code);
    if (h == io::DatasetChecker::kNone || !selection_.Accepts(h) || household_ids_[h] != 0) {
      ++skipped_;
      return Status::Ok();
    }
    Result<std::int64_t> id = writer_.PutHousehold(r.household, r.attributes);
    ANSINH_RETURN_IF_ERROR(AtRow(id.status(), sources_.households, r.row));
    household_ids_[h] = *id;
    return Status::Ok();
  }

  Status Person(const io::PersonRow& r) override {
    const std::int64_t household = HouseholdId(r.household_code);
    if (household == 0) {
      ++skipped_;
      return Status::Ok();
    }
    person_ = r.person;
    person_.household_id = household;
    const std::uint32_t p = checker_.PersonOf(r.person.code);
    const bool first = p != io::DatasetChecker::kNone && person_ids_[p] == 0;
    Result<std::int64_t> id =
        writer_.PutPerson(person_, r.attributes, first ? checker_.SearchKeyOf(p) : "");
    ANSINH_RETURN_IF_ERROR(AtRow(id.status(), sources_.persons, r.row));
    if (first) person_ids_[p] = *id;
    return Status::Ok();
  }

  Status HouseholdYear(const io::HouseholdYearRow& r) override {
    const std::int64_t household = HouseholdId(r.household_code);
    if (household == 0) {
      ++skipped_;
      return Status::Ok();
    }
    ansinh::HouseholdYear survey = r.survey;
    survey.household_id = household;
    return AtRow(writer_.PutHouseholdYear(survey, r.attributes), sources_.household_years, r.row);
  }

  Status PersonYear(const io::PersonYearRow& r) override {
    const std::uint32_t p = checker_.PersonOf(r.person_code);
    const std::int64_t person = p == io::DatasetChecker::kNone ? 0 : person_ids_[p];
    if (person == 0) {
      ++skipped_;
      return Status::Ok();
    }
    ansinh::PersonYear survey = r.survey;
    survey.person_id = person;
    return AtRow(writer_.PutPersonYear(survey, r.attributes), sources_.person_years, r.row);
  }

  std::int64_t skipped() const { return skipped_; }  // rows of households left out

 private:
  std::int64_t HouseholdId(const std::string& code) const {
    const std::uint32_t h = checker_.HouseholdOf(code);
    return h == io::DatasetChecker::kNone ? 0 : household_ids_[h];
  }

  const io::DatasetChecker& checker_;
  const io::ImportSelection& selection_;
  store::ImportWriter& writer_;
  io::TableSources sources_;
  std::vector<std::int64_t> household_ids_, person_ids_;  // 0: not written
  ansinh::Person person_;
  std::int64_t skipped_ = 0;
};

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
  ProgressOptions progress_options;
  progress_options.terminal = IsTerminal(*ctx.err);

  // Pass 1: every row checked, only keys kept.
  io::DatasetChecker checker(communes, *ctx.clock);
  io::EncodingReport encoding;
  {
    Progress progress(*ctx.err, "kiểm tra / checking", 0, progress_options);
    ProgressSink counted(checker, progress);
    ANSINH_RETURN_IF_ERROR(io::StreamDatasetAhead(opts.path, mapping, counted, &encoding));
  }
  const std::vector<io::ImportProblem> problems = checker.Problems();
  if (encoding.converted() > 0) *ctx.out << encoding.ToString() << "\n";
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
  const io::ImportSelection selection = checker.Selection();
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

  // Pass 2: the files read again and the rows of accepted households written.
  ANSINH_ASSIGN_OR_RETURN(std::unique_ptr<store::ImportWriter> writer,
                          store::ImportWriter::Begin(*db, CliActor(), "import " + opts.path));
  WritingSink sink(checker, selection, checker.households(), checker.persons(), *writer);
  {
    Progress progress(*ctx.err, "ghi / writing", checker.rows(), progress_options);
    ProgressSink counted(sink, progress);
    ANSINH_RETURN_IF_ERROR(io::StreamDatasetAhead(opts.path, mapping, counted));
    progress.Finish();
  }
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
    out << "  bỏ qua / left out: " << selection.rejected_households
        << " hộ có lỗi / households with problems, " << sink.skipped() << " dòng / rows\n";
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
