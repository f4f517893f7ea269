// ansinh generate: a synthetic province (or the whole country) for the demo, the tests and the
// benchmarks, written to a database or to a folder of import-format CSV files (src/synth).
#include <chrono>
#include <cstdio>
#include <memory>
#include <ostream>

#include "cli/cli.h"
#include "synth/report.h"
#include "synth/store_sink.h"
#include "synth/synth.h"

namespace ansinh::cli {
namespace {

struct GenerateCommandOptions {
  std::string db = "ansinh.db";
  std::string province = "96";
  std::string scale = "province";
  std::string years = "2010-2020";
  std::string csv_dir;
  std::int64_t households = 0;
  std::uint64_t seed = synth::kDefaultSeed;
  int threads = 0;
  bool report = false;
  CLI::Option* db_opt = nullptr;
};

Status ParseYears(const std::string& text, synth::GenerateOptions& o) {
  int first = 0, last = 0;
  char dash = 0;
  if (std::sscanf(text.c_str(), "%d%c%d", &first, &dash, &last) == 3 && dash == '-') {
    o.first_year = first;
    o.last_year = last;
    return Status::Ok();
  }
  if (std::sscanf(text.c_str(), "%d", &first) == 1 && text.find('-') == std::string::npos) {
    o.first_year = o.last_year = first;
    return Status::Ok();
  }
  return Status::Invalid("years", text, "cần dạng YYYY-YYYY hoặc YYYY",
                         "expected YYYY-YYYY or YYYY");
}

Status RunGenerate(CliContext& ctx, const GenerateCommandOptions& opts) {
  synth::GenerateOptions o;
  o.home = ctx.home;
  o.province_code = opts.province;
  if (opts.scale != "province" && opts.scale != "national") {
    return Status::Invalid("scale", opts.scale, "cần province hoặc national",
                           "expected province or national");
  }
  o.national = opts.scale == "national";
  if (o.national && !opts.db_opt->count() && opts.csv_dir.empty()) {
    return Status::Invalid("csv", "", "quy mô toàn quốc cần --csv DIR",
                           "the national scale needs --csv DIR");
  }
  if (o.national && opts.years == "2010-2020") o.first_year = o.last_year = 2020;
  else ANSINH_RETURN_IF_ERROR(ParseYears(opts.years, o));
  if (opts.households < 0) {
    return Status::Invalid("households", std::to_string(opts.households), "phải ≥ 0",
                           "must be ≥ 0");
  }
  o.households = opts.households;
  o.seed = opts.seed;
  o.threads = opts.threads;

  std::vector<synth::Sink*> sinks;
  std::unique_ptr<store::Store> db;  // outlives the sink that writes into it
  std::unique_ptr<synth::Sink> output;
  if (!opts.csv_dir.empty()) {
    ANSINH_ASSIGN_OR_RETURN(output, synth::OpenCsvSink(opts.csv_dir));
  } else {
    ANSINH_ASSIGN_OR_RETURN(db, OpenExistingStore(ctx, opts.db));
    ANSINH_ASSIGN_OR_RETURN(output, synth::OpenStoreSink(*db, CliActor()));
  }
  sinks.push_back(output.get());
  synth::ReportSink report;
  if (opts.report) {
    ANSINH_RETURN_IF_ERROR(report.ClassifyFrom(ctx.home));
    sinks.push_back(&report);
  }
  synth::TeeSink tee(sinks);
  const auto start = std::chrono::steady_clock::now();
  ANSINH_RETURN_IF_ERROR(synth::Generate(o, tee));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  *ctx.out << "Đã sinh dữ liệu / generated " << (opts.csv_dir.empty() ? opts.db : opts.csv_dir)
           << " in " << static_cast<int>(seconds * 10) / 10.0 << " s\n";
  if (opts.report) {
    ANSINH_ASSIGN_OR_RETURN(auto reports, report.Compute(ctx.home));
    for (const auto& r : reports) *ctx.out << synth::FormatReport(r);
  }
  return Status::Ok();
}

}  // namespace

void RegisterGenerateCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<GenerateCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "generate",
      "Sinh dữ liệu tổng hợp một tỉnh hoặc cả nước / generate a synthetic province or country");
  o->db_opt = cmd->add_option("--db", o->db,
                              "Cơ sở dữ liệu đã tạo bằng ansinh init / database made by ansinh "
                              "init")
                  ->capture_default_str();
  cmd->add_option("--province", o->province, "Mã tỉnh GSO / GSO province code")
      ->capture_default_str();
  cmd->add_option("--households", o->households,
                  "Số hộ (0 = số thật của tỉnh) / households (0 = the province's real count)")
      ->capture_default_str();
  cmd->add_option("--years", o->years, "Các năm khảo sát / survey years, e.g. 2010-2020")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Hạt giống ngẫu nhiên / random seed")->capture_default_str();
  cmd->add_option("--csv", o->csv_dir,
                  "Ghi thư mục CSV định dạng nhập thay vì CSDL / write import-format CSVs here "
                  "instead of a database");
  cmd->add_option("--scale", o->scale, "province hoặc national (63 tỉnh) / or national")
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "Số luồng (0 = tất cả) / threads (0 = all)")
      ->capture_default_str();
  cmd->add_flag("--report", o->report,
                "In tỷ lệ nghèo và ngũ phân vị bên cạnh số liệu GSO / print rates and quintiles "
                "beside GSO's");
  cmd->callback([&ctx, o] {
    Status s = RunGenerate(ctx, *o);
    if (!s.ok()) ReportError(ctx, s);
  });
}

}  // namespace ansinh::cli
