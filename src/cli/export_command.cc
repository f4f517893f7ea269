// ansinh export: one survey year of the registry in the import format (docs/import-format.md), as
// a folder of four CSV files or an .xlsx workbook, so that what a province exports it can import
// again (store::RegistryReader reads the year, io::WriteDataset* writes it).
//
// Refusals leave nothing written: an unknown year, and an output that already holds an export
// (one of the four CSV files in the folder, or the workbook itself) unless --force is given.
#include <filesystem>
#include <memory>
#include <ostream>
#include <unordered_map>

#include "cli/cli.h"
#include "io/dataset.h"
#include "io/dataset_writer.h"
#include "store/registry_reader.h"

namespace ansinh::cli {
namespace {

namespace fs = std::filesystem;

struct ExportOptions {
  std::string db = "ansinh.db";
  int year = 0;
  std::string out;
  std::string format;  // csv or xlsx; empty: from the ending of `out`
  bool force = false;
};

// The year as the import format's rows: codes instead of registry ids. A person stored without a
// code is given "<household code>-<person id>".
io::Dataset ToDataset(store::RegistryYear& year) {
  io::Dataset d;
  std::unordered_map<std::int64_t, std::string> household_codes;
  std::int64_t row = 0;
  d.households.reserve(year.households.size());
  for (store::RegistryHousehold& h : year.households) {
    household_codes.emplace(h.household.id, h.household.code);
    d.households.push_back({++row, std::move(h.household), std::move(h.attributes)});
  }
  year.households = {};  // each table's memory is given back as soon as it is converted
  std::unordered_map<std::int64_t, std::string> person_codes;
  row = 0;
  d.persons.reserve(year.persons.size());
  for (store::RegistryPerson& p : year.persons) {
    const std::string& household = household_codes[p.person.household_id];
    if (p.person.code.empty()) {
      p.person.code = household + "-" + std::to_string(p.person.id);
    }
    person_codes.emplace(p.person.id, p.person.code);
    d.persons.push_back({++row, household, std::move(p.person), std::move(p.attributes)});
  }
  year.persons = {};
  row = 0;
  d.household_years.reserve(year.household_years.size());
  for (store::RegistryHouseholdYear& y : year.household_years) {
    d.household_years.push_back(
        {++row, household_codes[y.survey.household_id], y.survey, std::move(y.attributes)});
  }
  year.household_years = {};
  row = 0;
  d.person_years.reserve(year.person_years.size());
  for (store::RegistryPersonYear& y : year.person_years) {
    d.person_years.push_back(
        {++row, person_codes[y.survey.person_id], y.survey, std::move(y.attributes)});
  }
  year.person_years = {};
  return d;
}

// Refuses an output that holds an earlier export, unless `force`.
Status CheckOutput(const std::string& out, bool xlsx, bool force) {
  std::error_code ec;
  if (xlsx) {
    if (fs::is_directory(out, ec)) {
      return Status::Invalid("out", out, "đây là một thư mục, không phải tệp .xlsx",
                             "is a folder, not an .xlsx file");
    }
    if (!force && fs::exists(out, ec)) {
      return Status::Error(ErrorCode::kAlreadyExists,
                           "out=\"" + out + "\": tệp đã có; dùng --force để ghi đè",
                           "out=\"" + out + "\": the file exists; use --force to replace it");
    }
    return Status::Ok();
  }
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    return Status::Invalid("out", out, "đây là một tệp, không phải thư mục",
                           "is a file, not a folder");
  }
  for (io::Table table : io::kTables) {
    const fs::path file = fs::path(out) / (std::string(io::FormatOf(table).name) + ".csv");
    if (!force && fs::exists(file, ec)) {
      return Status::Error(ErrorCode::kAlreadyExists,
                           "out=\"" + out + "\": thư mục đã có " + file.filename().string() +
                               "; dùng --force để ghi đè",
                           "out=\"" + out + "\": the folder already holds " +
                               file.filename().string() + "; use --force to replace it");
    }
  }
  return Status::Ok();
}

// kNotFound naming the years that were surveyed.
Status UnknownYear(store::RegistryReader& reader, int year) {
  ANSINH_ASSIGN_OR_RETURN(std::vector<int> years, reader.SurveyYears());
  std::string list;
  for (int y : years) list += (list.empty() ? "" : ", ") + std::to_string(y);
  if (list.empty()) list = "-";
  return Status::NotFound("year", std::to_string(year),
                          "không có khảo sát năm này (các năm có: " + list + ")",
                          "no survey that year (surveyed: " + list + ")");
}

Status RunExport(CliContext& ctx, const ExportOptions& o) {
  if (!o.format.empty()) ANSINH_RETURN_IF_ERROR(CheckChoice("format", o.format, {"csv", "xlsx"}));
  const bool xlsx = o.format.empty() ? io::IsWorkbookPath(o.out) : o.format == "xlsx";
  ANSINH_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> db, OpenExistingStore(ctx, o.db));
  store::RegistryReader reader(*db);
  Result<store::RegistryYear> year = reader.ReadYear(o.year);
  if (!year.ok()) {
    if (year.status().code() == ErrorCode::kNotFound) return UnknownYear(reader, o.year);
    return year.status();
  }
  ANSINH_RETURN_IF_ERROR(CheckOutput(o.out, xlsx, o.force));
  const io::Dataset dataset = ToDataset(*year);
  ANSINH_RETURN_IF_ERROR(xlsx ? io::WriteDatasetWorkbook(dataset, o.out)
                              : io::WriteDatasetFolder(dataset, o.out));
  *ctx.out << "Đã xuất năm " << o.year << " / exported " << o.year << " to " << o.out << " ("
           << (xlsx ? "xlsx" : "csv") << "): " << dataset.households.size() << " hộ / households, "
           << dataset.persons.size() << " nhân khẩu / persons, " << dataset.household_years.size()
           << " + " << dataset.person_years.size() << " dòng khảo sát / survey rows\n";
  return Status::Ok();
}

}  // namespace

void RegisterExportCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = AddCommand(
      &app, ctx, o, "export",
      "Xuất một năm khảo sát theo định dạng nhập (thư mục CSV hoặc tệp .xlsx) / export a survey "
      "year in the import format (a CSV folder or an .xlsx workbook)",
      RunExport);
  cmd->add_option("--year", o->year, "Năm khảo sát / survey year")->required();
  cmd->add_option("--out", o->out,
                  "Thư mục (csv) hoặc tệp .xlsx để ghi / the folder (csv) or .xlsx file to write")
      ->required();
  cmd->add_option("--format", o->format,
                  "csv hoặc xlsx (mặc định: xlsx khi --out kết thúc bằng .xlsx) / csv or xlsx "
                  "(default: xlsx when --out ends in .xlsx)");
  cmd->add_flag("--force", o->force, "Ghi đè bản xuất đã có / replace an earlier export at --out");
}

}  // namespace ansinh::cli
