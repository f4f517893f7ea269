// ansinh report --db FILE --year Y --out report.xlsx [--unit CODE] [--force] [--standard ID]
//
// The workbook for officials of the province or of one unit's subtree (app/report.h builds it;
// the server serves the same one): this file checks the options, opens the analytics and the
// targets.
#include <filesystem>
#include <memory>
#include <string>

#include "analytics/targets.h"
#include "app/report.h"
#include "cli/analytics_common.h"
#include "cli/cli.h"

namespace ansinh::cli {
namespace {

struct ReportOptions {
  std::string db = "ansinh.db";
  int year = 0;
  std::string out;
  bool force = false;
  std::string standard;
  int threads = 0;
  std::string unit;  // empty: the province
};

Status RunReport(CliContext& ctx, const ReportOptions& o) {
  if (o.year <= 0) {
    return Status::Invalid("year", std::to_string(o.year), "cần năm khảo sát (--year)",
                           "a survey year is required (--year)");
  }
  if (o.out.size() < 5 || o.out.substr(o.out.size() - 5) != ".xlsx") {
    return Status::Invalid("out", o.out, "tệp báo cáo phải có đuôi .xlsx",
                           "the report file must end in .xlsx");
  }
  if (std::filesystem::exists(o.out) && !o.force) {
    return Status::Error(ErrorCode::kAlreadyExists,
                         "tệp " + o.out + " đã có; dùng --force để ghi đè",
                         "file " + o.out + " exists; use --force to overwrite");
  }
  ANSINH_ASSIGN_OR_RETURN(auto session,
                          OpenAnalytics(ctx, {.db = o.db, .last_year = o.year,
                                              .standard = o.standard, .threads = o.threads, .unit = o.unit}));
  ANSINH_ASSIGN_OR_RETURN(analytics::TargetSet targets,
                          analytics::TargetSet::LoadDir(ctx.home + "/config/targets",
                                                        *session->indicators));
  ANSINH_RETURN_IF_ERROR(app::WriteReport(
      *session, targets,
      {.year = o.year, .unit = o.unit, .source = std::filesystem::path(o.db).filename().string(),
       .made_on = ctx.clock->Today()},
      o.out));
  *ctx.out << "Đã ghi báo cáo / wrote " << o.out << "\n";
  return Status::Ok();
}

}  // namespace

void RegisterReportCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* c = AddCommand(&app, ctx, o, "report",
                           "Báo cáo Excel theo mục tiêu, huyện, xã / the XLSX report for a year",
                           &RunReport);
  c->add_option("--year", o->year, "Năm khảo sát / survey year")->required();
  c->add_option("--out", o->out, "Tệp .xlsx / the .xlsx file")->required();
  c->add_option("--unit", o->unit, "Mã đơn vị (mặc định: toàn tỉnh) / a unit's code (default: the province)");
  c->add_flag("--force", o->force, "Ghi đè tệp đã có / overwrite an existing file");
  c->add_option("--standard", o->standard,
                "Mã chuẩn cho mọi năm / one standard for every year (default: in force each year)");
  c->add_option("--threads", o->threads, "Số luồng (0 = tất cả) / threads (0 = all)");
}

}  // namespace ansinh::cli
