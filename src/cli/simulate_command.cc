// ansinh simulate --db FILE --year Y --standard A --alt B [--format table|json] [--threads N]
//
// What-if: the households surveyed in year Y classified under standard A and under standard B
// (say the national lines and a provincial line 20% higher); by district and for the province,
// the households and persons that change category, those added to and removed from the poor and
// near-poor, and the state's yearly health-insurance cost (config/health-insurance.toml) of the
// added poor and near-poor. Reads only; writes nothing.
#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "analytics/simulate.h"
#include "app/snapshot_loader.h"
#include "cli/analytics_common.h"
#include "cli/cli.h"
#include "core/money.h"
#include "rules/standard.h"
#include "rules/thread_pool.h"

namespace ansinh::cli {
namespace {

struct SimulateOptions {
  std::string db = "ansinh.db";
  int year = 0;
  std::string standard;
  std::string alt;
  std::string format = "table";
  int threads = 0;
};

Status ValidateSimulate(const SimulateOptions& o) {
  if (o.year <= 0) {
    return Status::Invalid("year", std::to_string(o.year), "cần năm khảo sát (--year)",
                           "a survey year is required (--year)");
  }
  ANSINH_RETURN_IF_ERROR(CheckChoice("format", o.format, {"table", "json"}));
  return Status::Ok();
}

// The districts in code order, then the province(s): the rows of the answer.
std::vector<analytics::UnitIndex> SimulateRows(const analytics::UnitTree& tree) {
  std::vector<analytics::UnitIndex> rows;
  for (analytics::UnitIndex u = 0; u < tree.size(); ++u) {
    if (tree.unit(u).level == UnitLevel::kDistrict) rows.push_back(u);
  }
  for (analytics::UnitIndex u = 0; u < tree.size(); ++u) {
    if (tree.unit(u).level == UnitLevel::kProvince) rows.push_back(u);
  }
  return rows;
}

// Right-aligned in `width` characters (UTF-8 code points, so Vietnamese headers line up).
std::string SimulatePad(const std::string& text, std::size_t width) {
  const auto chars = static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  return chars >= width ? " " + text : std::string(width - chars, ' ') + text;
}

std::string SimulateDong(Vnd amount) { return FormatVnd(amount) + " đ"; }

nlohmann::json SimulateJson(const analytics::WhatIfResult& r, analytics::UnitIndex u) {
  const analytics::UnitTree& tree = r.units();
  const analytics::WhatIfSummary s = r.Summary(u);
  const analytics::YearHealthInsurance& hi = r.health_insurance();
  const std::int64_t one[] = {1};
  const std::int64_t poor[] = {hi.poor_scaled}, near[] = {hi.near_poor_scaled};
  return {{"unit_code", tree.unit(u).code},
          {"unit_name", tree.unit(u).name},
          {"level", UnitLevelName(tree.unit(u).level)},
          {"year", r.year()},
          {"standard_a", r.standard_a().id},
          {"standard_b", r.standard_b().id},
          {"households", s.households},
          {"persons", s.persons},
          {"changed_households", s.changed_households},
          {"changed_persons", s.changed_persons},
          {"added_poor_households", s.added_poor_households},
          {"added_poor_persons", s.added_poor_persons},
          {"added_near_poor_households", s.added_near_poor_households},
          {"added_near_poor_persons", s.added_near_poor_persons},
          {"removed_poor_households", s.removed_poor_households},
          {"removed_poor_persons", s.removed_poor_persons},
          {"removed_near_poor_households", s.removed_near_poor_households},
          {"removed_near_poor_persons", s.removed_near_poor_persons},
          {"state_cost_per_poor_person", analytics::RoundScaledCost(one, poor)},
          {"state_cost_per_near_poor_person", analytics::RoundScaledCost(one, near)},
          {"cost_added_poor", s.cost_added_poor},
          {"cost_added_near_poor", s.cost_added_near_poor},
          {"cost_added", s.cost_added},
          {"cost_a", s.cost_a},
          {"cost_b", s.cost_b},
          {"cost_change", s.cost_change}};
}

void PrintSimulateTable(std::ostream& out, const analytics::WhatIfResult& r,
                        const std::vector<analytics::UnitIndex>& rows) {
  const analytics::YearHealthInsurance& hi = r.health_insurance();
  const std::int64_t one[] = {1};
  const std::int64_t poor[] = {hi.poor_scaled}, near[] = {hi.near_poor_scaled};
  out << "Mô phỏng chuẩn nghèo / what-if — năm / year " << r.year() << "\n"
      << "  A: " << r.standard_a().id << " — " << r.standard_a().name_vi << "\n"
      << "  B: " << r.standard_b().id << " — " << r.standard_b().name_vi << "\n"
      << "  Ngân sách nhà nước đóng BHYT cho một người một năm / the state's yearly "
         "health-insurance cost per person: hộ nghèo / poor "
      << SimulateDong(analytics::RoundScaledCost(one, poor)) << ", hộ cận nghèo / near-poor "
      << SimulateDong(analytics::RoundScaledCost(one, near)) << "\n";
  if (!hi.unconfirmed.empty()) {
    out << "  Số liệu chưa xác nhận đã dùng / unconfirmed figures used "
           "(config/health-insurance.toml):";
    for (std::size_t i = 0; i < hi.unconfirmed.size(); ++i) {
      out << (i == 0 ? " " : "; ") << hi.unconfirmed[i];
    }
    out << "\n";
  }
  const std::size_t kCount = 11, kMoney = 17;
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"Hộ đổi", "hh changed"},       {"NK đổi", "p. changed"},
      {"Hộ +nghèo", "hh +poor"},      {"NK +nghèo", "p. +poor"},
      {"Hộ +cận", "hh +near"},        {"NK +cận", "p. +near"},
      {"Chi phí thêm", "added cost"}, {"Chênh lệch", "net change"}};
  std::string vi = "\n  " + std::string("Mã") + "    ", en = "  code  ";
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const std::size_t w = i < 6 ? kCount : kMoney;
    vi += SimulatePad(headers[i].first, w);
    en += SimulatePad(headers[i].second, w);
  }
  out << vi << "  Đơn vị\n" << en << "  unit\n";
  for (analytics::UnitIndex u : rows) {
    const analytics::WhatIfSummary s = r.Summary(u);
    std::string code = r.units().unit(u).code;
    code.resize(std::max<std::size_t>(code.size(), 6), ' ');
    out << "  " << code;
    for (std::int64_t n : {s.changed_households, s.changed_persons, s.added_poor_households,
                           s.added_poor_persons, s.added_near_poor_households,
                           s.added_near_poor_persons}) {
      out << SimulatePad(FormatVnd(n), kCount);
    }
    out << SimulatePad(FormatVnd(s.cost_added), kMoney)
        << SimulatePad(FormatVnd(s.cost_change), kMoney) << "  " << r.units().unit(u).name
        << (r.units().unit(u).level == UnitLevel::kProvince ? " (tổng / total)" : "") << "\n";
  }
  out << "\n"
         "  Hộ/NK đổi: số hộ / nhân khẩu có loại theo B khác theo A; +nghèo, +cận: không nghèo "
         "(cận nghèo) theo A mà nghèo (cận nghèo) theo B; chi phí thêm: ngân sách đóng BHYT một "
         "năm cho số nhân khẩu nghèo và cận nghèo thêm; chênh lệch: chi phí BHYT của ngân sách "
         "theo B trừ theo A (đồng).\n"
         "  hh/p. changed: households / persons whose category under B differs from A; +poor, "
         "+near: households (hh) or persons (p.) not poor (near-poor) under A but poor (near-poor) under B; added cost: the "
         "state's yearly health-insurance cost of the added poor and near-poor persons; net "
         "change: the state's cost under B minus under A (VND).\n";
}

Status RunSimulate(CliContext& ctx, const SimulateOptions& o) {
  ANSINH_RETURN_IF_ERROR(ValidateSimulate(o));
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  ANSINH_ASSIGN_OR_RETURN(auto registry, rules::StandardRegistry::Create(ctx.home));
  ANSINH_ASSIGN_OR_RETURN(const rules::Standard* a, registry->Resolve(o.standard));
  Result<const rules::Standard*> b = registry->Resolve(o.alt);
  if (!b.ok()) {
    Status s = b.status();
    return s.code() == ErrorCode::kNotFound ? std::move(s).WithField("alt") : s;
  }
  ANSINH_ASSIGN_OR_RETURN(
      analytics::HealthInsuranceCosts costs,
      analytics::HealthInsuranceCosts::LoadFile(ctx.home + "/config/health-insurance.toml"));
  // A year the figures do not cover is refused before the survey is read.
  ANSINH_RETURN_IF_ERROR(costs.ForYear(o.year).status());
  app::SnapshotRequest load;
  load.first_year = o.year;
  load.last_year = o.year;
  load.on_year = YearProgress(ctx);  // one year: one thread reads it
  ANSINH_ASSIGN_OR_RETURN(auto snapshot, app::LoadSnapshot(*db, registry->catalogue(), load));
  ANSINH_ASSIGN_OR_RETURN(AdminUnit province, db->units().Province());
  const int threads = o.threads > 0
                          ? o.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  rules::ThreadPool pool(threads);
  analytics::WhatIfOptions options;
  options.pool = &pool;
  options.province = std::stoi(province.code);
  ANSINH_ASSIGN_OR_RETURN(analytics::WhatIfResult result,
                          analytics::SimulateStandards(*snapshot->Year(o.year), snapshot->units(),
                                                       *a, **b, costs, options));
  const std::vector<analytics::UnitIndex> rows = SimulateRows(result.units());
  if (o.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (analytics::UnitIndex u : rows) list.push_back(SimulateJson(result, u));
    *ctx.out << list.dump(2) << "\n";
    return Status::Ok();
  }
  PrintSimulateTable(*ctx.out, result, rows);
  return Status::Ok();
}

}  // namespace

void RegisterSimulateCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<SimulateOptions>();
  CLI::App* c = AddCommand(&app, ctx, o, "simulate",
                           "Mô phỏng hai chuẩn nghèo: hộ đổi loại, chi phí BHYT / what-if under "
                           "two standards: who changes category, health-insurance cost",
                           &RunSimulate);
  c->add_option("--year", o->year, "Năm khảo sát / survey year")->required();
  c->add_option("--standard", o->standard, "Chuẩn A (mã hoặc tệp) / standard A (id or file)")
      ->required();
  c->add_option("--alt", o->alt, "Chuẩn B (mã hoặc tệp) / standard B (id or file)")->required();
  c->add_option("--format", o->format, "table | json (mặc định / default table)");
  c->add_option("--threads", o->threads, "Số luồng (0 = tất cả) / threads (0 = all)");
}

}  // namespace ansinh::cli
