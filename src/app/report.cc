// The report workbook of one unit's subtree (report.h): four sheet builders over one ReportSheets,
// each a loop over the analytics' unit tree.
#include "app/report.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "analytics/transitions.h"
#include "io/report_workbook.h"

namespace ansinh::app {
namespace {

// The indicators of the district and commune sheets, in column order.
constexpr const char* kReportIndicators[] = {
    "households", "persons", "poor_households", "poverty_rate_households", "near_poor_households",
    "near_poverty_rate_households", "poverty_rate_change", "escaped_households",
    "newly_poor_households", "repoor_households", "repoverty_rate", "fgt1",
    "health_insurance_poor_near_poor", "poor_temporary_housing", "trained_share",
    "vocational_share", "assistance_share"};

io::ReportCellKind ReportKindOf(const std::string& unit) {
  if (unit == "percent") return io::ReportCellKind::kPercent;
  if (unit == "points") return io::ReportCellKind::kDecimal;
  if (unit == "ratio") return io::ReportCellKind::kRatio;
  return io::ReportCellKind::kCount;
}

// What every sheet builder reads: the session, the year, and the root of the subtree.
struct ReportSheets {
  const AnalyticsSession& session;
  const analytics::IndicatorResults& results;
  const analytics::UnitTree& tree;
  int year;
  analytics::UnitIndex root;
  std::string subtitle;
  std::vector<int> indicator_ids;

  UnitLevel root_level() const { return tree.unit(root).level; }
  // The units of `level` in the subtree, in the tree's order.
  std::vector<analytics::UnitIndex> UnitsAt(UnitLevel level) const {
    std::vector<analytics::UnitIndex> out;
    for (analytics::UnitIndex u = 0; u < tree.size(); ++u) {
      if (tree.unit(u).level == level && tree.Within(u, root)) out.push_back(u);
    }
    return out;
  }
};

Status TargetsSheet(io::ReportWorkbook& book, const ReportSheets& s,
                    const analytics::TargetSet& targets) {
  std::vector<const rules::Standard*> standards;
  for (const auto& st : s.session.registry->standards()) standards.push_back(st.get());
  ANSINH_RETURN_IF_ERROR(book.AddSheet(
      "Mục tiêu", "Thực hiện mục tiêu Nghị quyết — " + s.tree.unit(s.root).name + ", năm " +
                      std::to_string(s.year),
      s.subtitle,
      {{"Mục tiêu", io::ReportCellKind::kText, 62},
       {"Giá trị", io::ReportCellKind::kDecimal, 12},
       {"Chỉ tiêu", io::ReportCellKind::kText, 16},
       {"Hạn (năm)", io::ReportCellKind::kText, 10},
       {"Đánh giá", io::ReportCellKind::kText, 16},
       {"Dự báo đạt (năm)", io::ReportCellKind::kText, 12},
       {"Ghi chú", io::ReportCellKind::kText, 60}}));
  for (const auto& e : analytics::EvaluateTargets(targets, s.results, s.year, s.root, standards)) {
    ANSINH_RETURN_IF_ERROR(book.Row(
        {io::ReportCell::Text(e.target->name_vi), io::ReportCell::Number(e.value),
         io::ReportCell::Text(e.target_text), io::ReportCell::Text(std::to_string(e.target->last_year)),
         io::ReportCell::Text(std::string(analytics::TargetStatusNameVi(e.status))),
         io::ReportCell::Text(e.forecast_year ? std::to_string(*e.forecast_year) : ""),
         io::ReportCell::Text(e.note_vi)}));
  }
  return Status::Ok();
}

// One row per unit of `level` in the subtree, then the root's total when the root lies above.
Status UnitSheet(io::ReportWorkbook& book, const ReportSheets& s, UnitLevel level) {
  const auto& indicators = s.session.indicators->indicators();
  const bool communes = level == UnitLevel::kCommune;
  std::vector<io::ReportColumn> columns = {{"Mã", io::ReportCellKind::kText, 8},
                                           {communes ? "Xã, phường, thị trấn" : "Huyện, thành phố",
                                            io::ReportCellKind::kText, 28}};
  if (communes) columns.push_back({"Huyện", io::ReportCellKind::kText, 22});
  for (int i : s.indicator_ids) {
    const auto& ind = indicators[static_cast<std::size_t>(i)];
    columns.push_back({ind.name_vi + (ind.unit == "percent" ? " (%)" : ""), ReportKindOf(ind.unit), 14});
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
  for (analytics::UnitIndex u : s.UnitsAt(level)) ANSINH_RETURN_IF_ERROR(book.Row(row_of(u)));
  if (s.root_level() == level) return Status::Ok();  // a commune's report: the commune is the row
  std::vector<io::ReportCell> total = row_of(s.root);
  total[1] = io::ReportCell::Text(
      (s.root_level() == UnitLevel::kProvince ? "Toàn tỉnh: " : "Toàn huyện: ") + s.tree.unit(s.root).name);
  return book.Row(total, true);
}

// The transition matrix of the root and the units below it: the districts for the province,
// the communes for a district.
Status TransitionsSheet(io::ReportWorkbook& book, const ReportSheets& s) {
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
  const bool with_communes = s.root_level() != UnitLevel::kProvince;
  for (analytics::UnitIndex u = 0; u < s.tree.size(); ++u) {
    if (!s.tree.Within(u, s.root)) continue;
    if (s.tree.unit(u).level == UnitLevel::kCommune && !with_communes) continue;
    for (int a = 0; a < analytics::kStates; ++a) {
      std::vector<io::ReportCell> row = {
          io::ReportCell::Text(s.tree.unit(u).code), io::ReportCell::Text(s.tree.unit(u).name),
          io::ReportCell::Text(std::string(analytics::StateNameVi(static_cast<analytics::State>(a), false)))};
      for (int b = 0; b < analytics::kStates; ++b) {
        row.push_back(io::ReportCell::Number(static_cast<double>(
            table->cell(u, static_cast<analytics::State>(a), static_cast<analytics::State>(b)))));
      }
      ANSINH_RETURN_IF_ERROR(book.Row(row, u == s.root));
    }
  }
  return Status::Ok();
}

}  // namespace

Status WriteReport(const AnalyticsSession& session, const analytics::TargetSet& targets,
                   const ReportOptions& options, const std::string& path) {
  const analytics::IndicatorResults& results = *session.results;
  const rules::Standard* standard = results.standard(options.year);
  if (standard == nullptr) {
    return Status::Invalid("year", std::to_string(options.year), "không có số liệu khảo sát năm này",
                           "there is no survey in this year");
  }
  const analytics::UnitTree& tree = results.units();
  const analytics::UnitIndex root = options.unit.empty() ? 0 : tree.Find(options.unit);
  if (root == analytics::kNoUnit) {
    return Status::Invalid("unit", options.unit, "đơn vị chưa có trong số liệu đã tính",
                           "the unit is not in the computed figures");
  }
  ReportSheets sheets{session, results, tree, options.year, root, "", {}};
  sheets.subtitle = "Chuẩn nghèo: " + standard->id + ". Lập ngày " + options.made_on.ToDisplay() +
                    " bằng An Sinh từ " + options.source + ".";
  for (const char* id : kReportIndicators) {
    const int i = session.indicators->Find(id);
    if (i >= 0) sheets.indicator_ids.push_back(i);
  }
  ANSINH_ASSIGN_OR_RETURN(auto book, io::ReportWorkbook::Create(path));
  ANSINH_RETURN_IF_ERROR(TargetsSheet(*book, sheets, targets));
  if (sheets.root_level() == UnitLevel::kProvince) {
    ANSINH_RETURN_IF_ERROR(UnitSheet(*book, sheets, UnitLevel::kDistrict));
  }
  ANSINH_RETURN_IF_ERROR(UnitSheet(*book, sheets, UnitLevel::kCommune));
  ANSINH_RETURN_IF_ERROR(TransitionsSheet(*book, sheets));
  return book->Close();
}

Result<std::string> ReportBytes(const AnalyticsSession& session, const analytics::TargetSet& targets,
                                const ReportOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::string pattern = (fs::temp_directory_path(ec) / "ansinh-report-XXXXXX").string();
  if (ec || mkdtemp(pattern.data()) == nullptr) {  // a folder of our own: no name to race for
    return Status::Error(ErrorCode::kIoError, "không tạo được thư mục tạm cho báo cáo",
                         "cannot create a temporary folder for the report");
  }
  const fs::path folder = pattern;
  const fs::path file = folder / "report.xlsx";
  Status written = WriteReport(session, targets, options, file.string());
  std::string bytes;
  if (written.ok()) {
    std::ifstream in(file, std::ios::binary);
    if (!in.is_open()) {
      written = Status::Error(ErrorCode::kIoError, "không đọc lại được báo cáo",
                              "cannot read the report back");
    }
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  fs::remove_all(folder, ec);
  if (!written.ok()) return written;
  return bytes;
}

}  // namespace ansinh::app
