// ansinh transitions --db FILE --from Y1 --to Y2 [--unit CODE] [--level L] [--format table|json]
//                    [--cell FROM:TO]
//
// The matrix of categories between two survey years (poor, near-poor, middle, other; new and
// left) for the province, a unit, or every unit of a level; with --cell, the households behind
// one cell of the chosen unit.
#include <iomanip>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "analytics/transitions.h"
#include "cli/analytics_common.h"
#include "cli/cli.h"

namespace ansinh::cli {
namespace {

struct TransitionsOptions {
  std::string db = "ansinh.db";
  int from = 0, to = 0;
  std::string unit;
  std::string level;
  std::string format = "table";
  std::string cell;
  std::string standard;
  int threads = 0;
};

using analytics::State;

Status Validate(const TransitionsOptions& o) {
  if (o.from <= 0 || o.to <= o.from) {
    return Status::Invalid("to", std::to_string(o.to), "cần --from Y1 --to Y2 với Y1 < Y2",
                           "give --from Y1 --to Y2 with Y1 < Y2");
  }
  ANSINH_RETURN_IF_ERROR(CheckChoice("format", o.format, {"table", "json"}));
  if (!o.level.empty()) {
    ANSINH_RETURN_IF_ERROR(CheckChoice("level", o.level, {"province", "district", "commune"}));
  }
  return Status::Ok();
}

// "poor:left" -> (kPoor, kAbsent).
Result<std::pair<State, State>> ParseCell(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) {
    return Status::Invalid("cell", text, "phải có dạng TRƯỚC:SAU, ví dụ poor:other",
                           "must be FROM:TO, e.g. poor:other");
  }
  const std::string a = text.substr(0, colon), b = text.substr(colon + 1);
  if (a == "left" || b == "new") {
    return Status::Invalid("cell", text, "'new' chỉ ở năm đầu, 'left' chỉ ở năm sau",
                           "'new' is a first-year state and 'left' a second-year one");
  }
  ANSINH_ASSIGN_OR_RETURN(State from, analytics::ParseState(a, "cell"));
  ANSINH_ASSIGN_OR_RETURN(State to, analytics::ParseState(b, "cell"));
  return std::pair{from, to};
}

std::vector<analytics::UnitIndex> Units(const analytics::UnitTree& tree,
                                        analytics::UnitIndex within, const std::string& level) {
  std::vector<analytics::UnitIndex> out;
  for (analytics::UnitIndex u = 0; u < tree.size(); ++u) {
    if (level.empty() ? u == within
                      : (UnitLevelName(tree.unit(u).level) == level && tree.Within(u, within))) {
      out.push_back(u);
    }
  }
  return out;
}

void PrintMatrix(std::ostream& out, const analytics::TransitionTable& table,
                 const analytics::UnitTree& tree, analytics::UnitIndex u) {
  out << tree.unit(u).code << "  " << tree.unit(u).name << " — " << table.from() << " → "
      << table.to() << " (hàng: năm đầu, cột: năm sau / rows: first year, columns: second)\n";
  std::ostringstream header;
  header << std::setw(12) << "";
  for (int b = 0; b < analytics::kStates; ++b) {
    header << std::setw(11) << analytics::StateCode(static_cast<State>(b), true);
  }
  out << header.str() << std::setw(11) << "total" << "\n";
  for (int a = 0; a < analytics::kStates; ++a) {
    std::ostringstream line;
    line << "  " << std::left << std::setw(10) << analytics::StateCode(static_cast<State>(a), false)
         << std::right;
    std::int64_t total = 0;
    for (int b = 0; b < analytics::kStates; ++b) {
      const std::int64_t n = table.cell(u, static_cast<State>(a), static_cast<State>(b));
      total += n;
      line << std::setw(11) << n;
    }
    out << line.str() << std::setw(11) << total << "\n";
  }
}

Status RunTransitions(CliContext& ctx, const TransitionsOptions& o) {
  ANSINH_RETURN_IF_ERROR(Validate(o));
  std::optional<std::pair<State, State>> cell;
  if (!o.cell.empty()) {
    ANSINH_ASSIGN_OR_RETURN(auto parsed, ParseCell(o.cell));
    cell = parsed;
  }
  ANSINH_ASSIGN_OR_RETURN(auto session,
                          OpenAnalytics(ctx, {.db = o.db, .last_year = o.to, .standard = o.standard,
                                              .threads = o.threads, .unit = o.unit}));
  const analytics::IndicatorResults& results = *session->results;
  const analytics::UnitTree& tree = results.units();
  const analytics::UnitIndex within = o.unit.empty() ? 0 : tree.Find(o.unit);
  if (cell) {
    ANSINH_ASSIGN_OR_RETURN(std::vector<std::int64_t> ids,
                            analytics::HouseholdsInCell(*session->snapshot, results, o.from, o.to,
                                                        within, cell->first, cell->second));
    ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
    nlohmann::json list = nlohmann::json::array();
    for (std::int64_t id : ids) {
      ANSINH_ASSIGN_OR_RETURN(Household h, db->households().Get(id));
      if (o.format == "json") {
        list.push_back({{"id", id}, {"code", h.code}, {"commune_code", h.commune_code}});
      } else {
        *ctx.out << id << "  " << h.code << "  " << h.commune_code << "\n";
      }
    }
    if (o.format == "json") *ctx.out << list.dump(2) << "\n";
    return Status::Ok();
  }
  ANSINH_ASSIGN_OR_RETURN(analytics::TransitionTable table,
                          analytics::ComputeTransitions(*session->snapshot, results, o.from, o.to));
  nlohmann::json list = nlohmann::json::array();
  for (analytics::UnitIndex u : Units(tree, within, o.level)) {
    if (o.format == "table") {
      PrintMatrix(*ctx.out, table, tree, u);
      continue;
    }
    for (int a = 0; a < analytics::kStates; ++a) {
      for (int b = 0; b < analytics::kStates; ++b) {
        list.push_back({{"unit_code", tree.unit(u).code},
                        {"unit_name", tree.unit(u).name},
                        {"level", UnitLevelName(tree.unit(u).level)},
                        {"from", o.from},
                        {"to", o.to},
                        {"from_state", analytics::StateCode(static_cast<State>(a), false)},
                        {"to_state", analytics::StateCode(static_cast<State>(b), true)},
                        {"households", table.cell(u, static_cast<State>(a), static_cast<State>(b))}});
      }
    }
  }
  if (o.format == "json") *ctx.out << list.dump(2) << "\n";
  return Status::Ok();
}

}  // namespace

void RegisterTransitionsCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<TransitionsOptions>();
  CLI::App* c = AddCommand(&app, ctx, o, "transitions",
                           "Chuyển dịch giữa hai năm: thoát nghèo, tái nghèo... / transitions "
                           "between two years",
                           &RunTransitions);
  c->add_option("--from", o->from, "Năm đầu / first year")->required();
  c->add_option("--to", o->to, "Năm sau / second year")->required();
  c->add_option("--unit", o->unit, "Mã đơn vị (mặc định: tỉnh) / unit code (default: province)");
  c->add_option("--level", o->level, "province | district | commune: mọi đơn vị cấp này / every unit of the level");
  c->add_option("--format", o->format, "table | json (mặc định / default table)");
  c->add_option("--cell", o->cell,
                "Liệt kê hộ của một ô, ví dụ poor:other / list the households of one cell, e.g. "
                "poor:other (states: poor, near_poor, middle, other, new, left)");
  c->add_option("--standard", o->standard,
                "Mã chuẩn cho mọi năm / one standard for every year (default: in force each year)");
  c->add_option("--threads", o->threads, "Số luồng (0 = tất cả) / threads (0 = all)");
}

}  // namespace ansinh::cli
