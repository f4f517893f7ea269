// ansinh targets --db FILE [--year Y] [--unit CODE] [--format table|json] [--standard ID]
//
// Where a unit (default: the province) stands against each target of config/targets in year Y,
// or in every survey year when --year is not given: value, target, status, forecast year.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analytics/targets.h"
#include "cli/analytics_common.h"
#include "cli/cli.h"

namespace ansinh::cli {
namespace {

struct TargetsOptions {
  std::string db = "ansinh.db";
  int year = 0;
  std::string unit;
  std::string format = "table";
  std::string standard;
  int threads = 0;
};

nlohmann::json OrNull(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json TargetValue(const analytics::Target& t) {
  switch (t.kind) {
    case analytics::TargetKind::kRange: return {{"min", t.min}, {"max", t.max}};
    case analytics::TargetKind::kZero: return 0;
    case analytics::TargetKind::kProvincialLine: return 1;
    default: return t.value;
  }
}

Status RunTargets(CliContext& ctx, const TargetsOptions& o) {
  ANSINH_RETURN_IF_ERROR(CheckChoice("format", o.format, {"table", "json"}));
  if (o.year < 0) {
    return Status::Invalid("year", std::to_string(o.year), "năm không hợp lệ", "not a year");
  }
  ANSINH_ASSIGN_OR_RETURN(auto session,
                          OpenAnalytics(ctx, {.db = o.db, .last_year = o.year,
                                              .standard = o.standard, .threads = o.threads,
                                              .unit = o.unit}));
  ANSINH_ASSIGN_OR_RETURN(analytics::TargetSet targets,
                          analytics::TargetSet::LoadDir(ctx.home + "/config/targets",
                                                        *session->indicators));
  const analytics::IndicatorResults& results = *session->results;
  const analytics::UnitTree& tree = results.units();
  analytics::UnitIndex unit = 0;
  if (!o.unit.empty()) {
    unit = tree.Find(o.unit);
    if (unit == analytics::kNoUnit) {
      return Status::NotFound("unit", o.unit, "không có đơn vị hành chính này trong cơ sở dữ liệu",
                              "no such administrative unit in the database");
    }
  }
  std::vector<int> years;
  if (o.year != 0) {
    years.push_back(o.year);
  } else {
    years = results.years();
  }
  std::vector<const rules::Standard*> standards;
  for (const auto& s : session->registry->standards()) standards.push_back(s.get());
  nlohmann::json list = nlohmann::json::array();
  for (int year : years) {
    auto evaluations = analytics::EvaluateTargets(targets, results, year, unit, standards);
    if (o.format == "table" && !evaluations.empty()) {
      *ctx.out << tree.unit(unit).code << "  " << tree.unit(unit).name << " — năm / year " << year
               << "\n";
    }
    for (const analytics::TargetEvaluation& e : evaluations) {
      const analytics::Target& t = *e.target;
      if (o.format == "json") {
        nlohmann::json row = {{"id", t.id},
                              {"name_vi", t.name_vi},
                              {"name_en", t.name_en},
                              {"unit_code", tree.unit(unit).code},
                              {"year", year},
                              {"indicator", t.indicator},
                              {"value", OrNull(e.value)},
                              {"target", TargetValue(t)},
                              {"target_text", e.target_text},
                              {"status", analytics::TargetStatusCode(e.status)},
                              {"deadline", t.last_year},
                              {"source", t.source}};
        row["forecast_year"] =
            e.forecast_year ? nlohmann::json(*e.forecast_year) : nlohmann::json(nullptr);
        if (!e.note_en.empty()) row["note"] = e.note_vi + " / " + e.note_en;
        list.push_back(std::move(row));
        continue;
      }
      // An average reduction is in points a year, whatever the indicator's own unit.
      const std::string unit_word =
          t.kind == analytics::TargetKind::kAverageReduction ? std::string("points")
          : t.indicator_index >= 0
              ? session->indicators->indicators()[static_cast<std::size_t>(t.indicator_index)].unit
              : std::string();
      *ctx.out << "  " << t.name_vi << " / " << t.name_en << "\n"
               << "    giá trị/value " << FormatIndicatorValue(e.value, unit_word)
               << "  mục tiêu/target " << e.target_text << " (" << t.last_year << ")"
               << "  " << analytics::TargetStatusNameVi(e.status) << " / "
               << analytics::TargetStatusCode(e.status);
      if (e.forecast_year) *ctx.out << "  dự báo/forecast " << *e.forecast_year;
      if (!e.note_en.empty()) *ctx.out << "  (" << e.note_vi << " / " << e.note_en << ")";
      *ctx.out << "\n";
    }
  }
  if (o.format == "json") *ctx.out << list.dump(2) << "\n";
  return Status::Ok();
}

}  // namespace

void RegisterTargetsCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<TargetsOptions>();
  CLI::App* c = AddCommand(&app, ctx, o, "targets",
                           "Mục tiêu của Nghị quyết: đạt hay chưa / the resolution's targets",
                           &RunTargets);
  c->add_option("--year", o->year, "Năm (mặc định: mọi năm có số liệu) / year (default: all)");
  c->add_option("--unit", o->unit, "Mã đơn vị (mặc định: tỉnh) / unit code (default: province)");
  c->add_option("--format", o->format, "table | json (mặc định / default table)");
  c->add_option("--standard", o->standard,
                "Mã chuẩn cho mọi năm (mặc định: chuẩn quốc gia áp dụng từng năm) / one standard "
                "for every year (default: the national standard in force each year)");
  c->add_option("--threads", o->threads, "Số luồng (0 = tất cả) / threads (0 = all)");
}

}  // namespace ansinh::cli
