// ansinh indicators --db FILE --year Y [--unit CODE] [--level province|district|commune]
//                   [--format table|csv|json] [--standard ID] [--threads N]
//
// Every indicator of config/indicators for the chosen units in year Y: without --unit and
// --level, every unit of every level; --unit alone, that unit; --level alone, every unit of that
// level; both, the units of that level within the unit.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/analytics_common.h"
#include "cli/cli.h"
#include "io/csv_writer.h"

namespace ansinh::cli {
namespace {

struct IndicatorsOptions {
  std::string db = "ansinh.db";
  int year = 0;
  std::string unit;
  std::string level;
  std::string format = "table";
  std::string standard;
  int threads = 0;
};

Result<std::vector<analytics::UnitIndex>> SelectUnits(const analytics::UnitTree& tree,
                                                      const IndicatorsOptions& o) {
  analytics::UnitIndex within = analytics::kNoUnit;
  if (!o.unit.empty()) {
    within = tree.Find(o.unit);
    if (within == analytics::kNoUnit) {
      return Status::NotFound("unit", o.unit, "không có đơn vị hành chính này trong cơ sở dữ liệu",
                              "no such administrative unit in the database");
    }
  }
  std::vector<analytics::UnitIndex> out;
  for (analytics::UnitIndex u = 0; u < tree.size(); ++u) {
    if (!o.level.empty() && UnitLevelName(tree.unit(u).level) != o.level) continue;
    if (within != analytics::kNoUnit) {
      if (o.level.empty() ? u != within : !tree.Within(u, within)) continue;
    }
    out.push_back(u);
  }
  return out;
}

Status Validate(const IndicatorsOptions& o) {
  if (o.year <= 0) {
    return Status::Invalid("year", std::to_string(o.year), "cần năm khảo sát (--year)",
                           "a survey year is required (--year)");
  }
  ANSINH_RETURN_IF_ERROR(CheckChoice("format", o.format, {"table", "csv", "json"}));
  if (!o.level.empty()) {
    ANSINH_RETURN_IF_ERROR(CheckChoice("level", o.level, {"province", "district", "commune"}));
  }
  return Status::Ok();
}

Status RunIndicators(CliContext& ctx, const IndicatorsOptions& o) {
  ANSINH_RETURN_IF_ERROR(Validate(o));
  ANSINH_ASSIGN_OR_RETURN(auto session,
                          OpenAnalytics(ctx, {.db = o.db, .last_year = o.year,
                                              .standard = o.standard, .threads = o.threads,
                                              .unit = o.unit}));
  const analytics::IndicatorResults& results = *session->results;
  const analytics::UnitTree& tree = results.units();
  ANSINH_ASSIGN_OR_RETURN(std::vector<analytics::UnitIndex> units, SelectUnits(tree, o));
  const auto& indicators = session->indicators->indicators();
  const rules::Standard* standard = results.standard(o.year);
  if (o.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (analytics::UnitIndex u : units) {
      for (std::size_t i = 0; i < indicators.size(); ++i) {
        analytics::IndicatorValue v = results.Value(o.year, static_cast<int>(i), u);
        nlohmann::json row = {{"unit_code", tree.unit(u).code},
                              {"unit_name", tree.unit(u).name},
                              {"level", UnitLevelName(tree.unit(u).level)},
                              {"year", o.year},
                              {"standard", standard->id},
                              {"indicator", indicators[i].id},
                              {"name_vi", indicators[i].name_vi},
                              {"name_en", indicators[i].name_en},
                              {"unit", indicators[i].unit}};
        row["value"] = v.value ? nlohmann::json(*v.value) : nlohmann::json(nullptr);
        if (indicators[i].kind == analytics::IndicatorKind::kRatio ||
            indicators[i].kind == analytics::IndicatorKind::kFgt) {
          row["numerator"] = v.numerator ? nlohmann::json(*v.numerator) : nlohmann::json(nullptr);
          row["denominator"] =
              v.denominator ? nlohmann::json(*v.denominator) : nlohmann::json(nullptr);
        }
        list.push_back(std::move(row));
      }
    }
    *ctx.out << list.dump(2) << "\n";
    return Status::Ok();
  }
  if (o.format == "csv") {
    io::CsvWriter csv(*ctx.out);
    csv.Row({"unit_code", "unit_name", "level", "year", "standard", "indicator", "name_vi",
             "name_en", "unit", "value", "numerator", "denominator"});
    for (analytics::UnitIndex u : units) {
      for (std::size_t i = 0; i < indicators.size(); ++i) {
        analytics::IndicatorValue v = results.Value(o.year, static_cast<int>(i), u);
        csv.Row({tree.unit(u).code, tree.unit(u).name,
                 std::string(UnitLevelName(tree.unit(u).level)), std::to_string(o.year),
                 standard->id, indicators[i].id, indicators[i].name_vi, indicators[i].name_en,
                 indicators[i].unit, PlainNumber(v.value), PlainNumber(v.numerator),
                 PlainNumber(v.denominator)});
      }
    }
    return Status::Ok();
  }
  for (analytics::UnitIndex u : units) {
    *ctx.out << tree.unit(u).code << "  " << tree.unit(u).name << " — năm / year " << o.year
             << ", chuẩn / standard " << standard->id << "\n";
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      analytics::IndicatorValue v = results.Value(o.year, static_cast<int>(i), u);
      std::string label = indicators[i].name_vi + " / " + indicators[i].name_en;
      *ctx.out << "  " << label << ": " << FormatIndicatorValue(v.value, indicators[i].unit)
               << "\n";
    }
  }
  return Status::Ok();
}

}  // namespace

void RegisterIndicatorsCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<IndicatorsOptions>();
  CLI::App* c = AddCommand(&app, ctx, o, "indicators",
                           "Chỉ tiêu theo đơn vị và năm / indicators by unit and year",
                           &RunIndicators);
  c->add_option("--year", o->year, "Năm khảo sát / survey year")->required();
  c->add_option("--unit", o->unit, "Mã đơn vị (tỉnh, huyện, xã) / unit code");
  c->add_option("--level", o->level, "province | district | commune");
  c->add_option("--format", o->format, "table | csv | json (mặc định / default table)");
  c->add_option("--standard", o->standard,
                "Mã chuẩn cho mọi năm (mặc định: chuẩn quốc gia áp dụng từng năm) / one standard "
                "for every year (default: the national standard in force each year)");
  c->add_option("--threads", o->threads, "Số luồng (0 = tất cả) / threads (0 = all)");
}

}  // namespace ansinh::cli
