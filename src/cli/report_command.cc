// ansinh report --db FILE --year Y --out report.xlsx [--force] [--standard ID]
//
// The workbook an official hands over: where the province stands against the resolution's
// targets, the key indicators by district and by commune, and the transitions from the year
// before — Vietnamese headers, number formats, frozen headers, column widths (io/report_workbook.h).
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "analytics/targets.h"
#include "analytics/transitions.h"
#include "cli/analytics_common.h"
#include "cli/cli.h"
#include "io/report_workbook.h"

namespace ansinh::cli {
namespace {

struct ReportOptions {
  std::string db = "ansinh.db";
  int year = 0;
  std::string out;
  bool force = false;
  std::string standard;
  int threads = 0;
};

// The indicators of the district and commune sheets, in column order.
constexpr const char* kReportIndicators[] = {
    "households", "persons", "poor_households", "poverty_rate_households", "near_poor_households",
    "near_poverty_rate_households", "poverty_rate_change", "escaped_households",
    "newly_poor_households", "repoor_households", "repoverty_rate", "fgt1",
    "health_insurance_poor_near_poor", "poor_temporary_housing", "trained_share",
    "vocational_share", "assistance_share"};

io::ReportCellKind KindOf(const std::string& unit) {
  if (unit == "percent") return io::ReportCellKind::kPercent;
  if (unit == "points") return io::ReportCellKind::kDecimal;
  if (unit == "ratio") return io::ReportCellKind::kRatio;
  return io::ReportCellKind::kCount;
}

struct Sheets {
  const AnalyticsSession& session;
  const analytics::IndicatorResults& results;
  const analytics::UnitTree& tree;
  int year;
  std::string subtitle;
  std::vector<int> indicator_ids;
};

Status TargetsSheet(io::ReportWorkbook& book, const Sheets& s, const analytics::TargetSet& targets) {
  std::vector<const rules::Standard*> standards;
  for (const auto& st : s.session.registry->standards()) standards.push_back(st.get());
  ANSINH_RETURN_IF_ERROR(book.AddSheet(
      "Mục tiêu", "Thực hiện mục tiêu Nghị quyết — " + s.tree.unit(0).name + ", năm " +
                      std::to_string(s.year),
      s.subtitle,
      {{"Mục tiêu", io::ReportCellKind::kText, 62},
       {"Giá trị", io::ReportCellKind::kDecimal, 12},
       {"Chỉ tiêu", io::ReportCellKind::kText, 16},
       {"Hạn (năm)", io::ReportCellKind::kText, 10},
       {"Đánh giá", io::ReportCellKind::kText, 16},
       {"Dự báo đạt (năm)", io::ReportCellKind::kText, 12},
       {"Ghi chú", io::ReportCellKind::kText, 60}}));
  for (const auto& e : analytics::EvaluateTargets(targets, s.results, s.year, 0, standards)) {
    ANSINH_RETURN_IF_ERROR(book.Row(
        {io::ReportCell::Text(e.target->name_vi), io::ReportCell::Number(e.value),
         io::ReportCell::Text(e.target_text), io::ReportCell::Text(std::to_string(e.target->last_year)),
         io::ReportCell::Text(std::string(analytics::TargetStatusNameVi(e.status))),
         io::ReportCell::Text(e.forecast_year ? std::to_string(*e.forecast_year) : ""),
         io::ReportCell::Text(e.note_vi)}));
  }
  return Status::Ok();
}

Status UnitSheet(io::ReportWorkbook& book, const Sheets& s, UnitLevel level) {
  const auto& indicators = s.session.indicators->indicators();
  const bool communes = level == UnitLevel::kCommune;
  std::vector<io::ReportColumn> columns = {{"Mã", io::ReportCellKind::kText, 8},
                                           {communes ? "Xã, phường, thị trấn" : "Huyện, thành phố",
                                            io::ReportCellKind::kText, 28}};
  if (communes) columns.push_back({"Huyện", io::ReportCellKind::kText, 22});
  for (int i : s.indicator_ids) {
    const auto& ind = indicators[static_cast<std::size_t>(i)];
    columns.push_back({ind.name_vi + (ind.unit == "percent" ? " (%)" : ""), KindOf(ind.unit), 14});
  }
  ANSINH_RETURN_IF_ERROR(book.AddSheet(
      communes ? "Theo xã" : "Theo huyện",
      std::string(communes ? "Chỉ tiêu theo xã" : "Chỉ tiêu theo huyện") + " — năm " +
          std::to_string(s.year),
      s.subtitle, std::move(columns)));
  auto row_of = [&](analytics::UnitIndex u) {
    std::vector<io::ReportCell> row = {io::ReportCell::Text(s.tree.unit(u).code),
                                       io::ReportCell::Text(s.tree.unit(u).name)};
    if (communes) {
      const analytics::UnitIndex district = s.tree.parent(u);  // none for the province's total
      row.push_back(io::ReportCell::Text(district == analytics::kNoUnit ? std::string()
                                                                        : s.tree.unit(district).name));
    }
    for (int i : s.indicator_ids) row.push_back(io::ReportCell::Number(s.results.Value(s.year, i, u).value));
    return row;
  };
  for (analytics::UnitIndex u = 0; u < s.tree.size(); ++u) {
    if (s.tree.unit(u).level == level) ANSINH_RETURN_IF_ERROR(book.Row(row_of(u)));
  }
  std::vector<io::ReportCell> total = row_of(0);
  total[1] = io::ReportCell::Text("Toàn tỉnh: " + s.tree.unit(0).name);
  return book.Row(total, true);
}

Status TransitionsSheet(io::ReportWorkbook& book, const Sheets& s) {
  std::vector<io::ReportColumn> columns = {{"Mã", io::ReportCellKind::kText, 8},
                                           {"Đơn vị", io::ReportCellKind::kText, 28},
                                           {"Năm " + std::to_string(s.year - 1), io::ReportCellKind::kText, 20}};
  for (int b = 0; b < analytics::kStates; ++b) {
    columns.push_back({"Năm " + std::to_string(s.year) + ": " +
                           std::string(analytics::StateNameVi(static_cast<analytics::State>(b), true)),
                       io::ReportCellKind::kCount, 14});
  }
  ANSINH_RETURN_IF_ERROR(book.AddSheet(
      "Chuyển dịch",
      "Chuyển dịch giữa năm " + std::to_string(s.year - 1) + " và năm " + std::to_string(s.year),
      s.subtitle, std::move(columns)));
  auto table = analytics::ComputeTransitions(*s.session.snapshot, s.results, s.year - 1, s.year);
  if (!table.ok()) {
    return book.Row({io::ReportCell::Text(""),
                     io::ReportCell::Text("Không có số liệu năm " + std::to_string(s.year - 1))});
  }
  for (analytics::UnitIndex u = 0; u < s.tree.size(); ++u) {
    if (s.tree.unit(u).level == UnitLevel::kCommune) continue;
    for (int a = 0; a < analytics::kStates; ++a) {
      std::vector<io::ReportCell> row = {
          io::ReportCell::Text(s.tree.unit(u).code), io::ReportCell::Text(s.tree.unit(u).name),
          io::ReportCell::Text(std::string(analytics::StateNameVi(static_cast<analytics::State>(a), false)))};
      for (int b = 0; b < analytics::kStates; ++b) {
        row.push_back(io::ReportCell::Number(static_cast<double>(
            table->cell(u, static_cast<analytics::State>(a), static_cast<analytics::State>(b)))));
      }
      ANSINH_RETURN_IF_ERROR(book.Row(row, u == 0));
    }
  }
  return Status::Ok();
}

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
                                              .standard = o.standard, .threads = o.threads, .unit = {}}));
  ANSINH_ASSIGN_OR_RETURN(analytics::TargetSet targets,
                          analytics::TargetSet::LoadDir(ctx.home + "/config/targets",
                                                        *session->indicators));
  const analytics::IndicatorResults& results = *session->results;
  Sheets sheets{*session, results, results.units(), o.year, "", {}};
  sheets.subtitle = "Chuẩn nghèo: " + results.standard(o.year)->id + ". Lập ngày " +
                    ctx.clock->Today().ToDisplay() + " bằng An Sinh từ " +
                    std::filesystem::path(o.db).filename().string() + ".";
  for (const char* id : kReportIndicators) {
    const int i = session->indicators->Find(id);
    if (i >= 0) sheets.indicator_ids.push_back(i);
  }
  ANSINH_ASSIGN_OR_RETURN(auto book, io::ReportWorkbook::Create(o.out));
  ANSINH_RETURN_IF_ERROR(TargetsSheet(*book, sheets, targets));
  ANSINH_RETURN_IF_ERROR(UnitSheet(*book, sheets, UnitLevel::kDistrict));
  ANSINH_RETURN_IF_ERROR(UnitSheet(*book, sheets, UnitLevel::kCommune));
  ANSINH_RETURN_IF_ERROR(TransitionsSheet(*book, sheets));
  ANSINH_RETURN_IF_ERROR(book->Close());
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
  c->add_flag("--force", o->force, "Ghi đè tệp đã có / overwrite an existing file");
  c->add_option("--standard", o->standard,
                "Mã chuẩn cho mọi năm / one standard for every year (default: in force each year)");
  c->add_option("--threads", o->threads, "Số luồng (0 = tất cả) / threads (0 = all)");
}

}  // namespace ansinh::cli
