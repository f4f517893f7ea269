// The endpoints that answer from the analytics loaded at start (api.h, AnalyticsData):
// indicators of a unit and its children, series for trend charts, targets with status and
// forecast, transitions between two years, the report workbook. Each answers 503 not_ready until
// the load is done.
#include <string>

#include "analytics/transitions.h"
#include "app/report.h"
#include "server/api.h"
#include "server/params.h"

namespace ansinh::server {
namespace {

nlohmann::json Number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// The unit's dense index in the analytics tree; kNotFound when the tree lacks it (a unit added
// after the load).
Result<analytics::UnitIndex> IndexOf(const AnalyticsData& data, const AdminUnit& unit) {
  const analytics::UnitIndex u = data.results->units().Find(unit.code);
  if (u == analytics::kNoUnit) {
    return Status::NotFound("code", unit.code, "đơn vị chưa có trong số liệu đã tính",
                            "the unit is not in the computed figures");
  }
  return u;
}

Result<ApiReply> Indicators(ServerContext&, ApiRequest& request, const AnalyticsData& data) {
  ANSINH_ASSIGN_OR_RETURN(int year, YearParam(request, "year", data.years));
  ANSINH_ASSIGN_OR_RETURN(analytics::UnitIndex u, IndexOf(data, *request.unit));
  const auto& tree = data.results->units();
  const auto& indicators = data.indicators->indicators();
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const auto& ind = indicators[i];
    list.push_back({{"id", ind.id}, {"name_vi", ind.name_vi}, {"name_en", ind.name_en},
                    {"unit", ind.unit},
                    {"value", Number(data.results->Value(year, static_cast<int>(i), u).value)}});
  }
  nlohmann::json children = nlohmann::json::array();
  for (analytics::UnitIndex c = 0; c < tree.size(); ++c) {
    if (tree.parent(c) != u || c == u) continue;
    nlohmann::json values = nlohmann::json::object();
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      values[indicators[i].id] = Number(data.results->Value(year, static_cast<int>(i), c).value);
    }
    children.push_back({{"code", tree.unit(c).code}, {"name", tree.unit(c).name},
                        {"values", std::move(values)}});
  }
  const rules::Standard* standard = data.results->standard(year);
  ApiReply reply;
  reply.body = {{"unit", UnitRef(*request.unit, true)},
                {"year", year},
                {"standard", standard != nullptr ? nlohmann::json(standard->id) : nlohmann::json(nullptr)},
                {"indicators", std::move(list)},
                {"children", std::move(children)}};
  return reply;
}

Result<ApiReply> Series(ServerContext&, ApiRequest& request, const AnalyticsData& data) {
  ANSINH_ASSIGN_OR_RETURN(analytics::UnitIndex u, IndexOf(data, *request.unit));
  const std::string wanted = request.Query("indicators").value_or("");
  if (wanted.empty()) {
    return Status::Invalid("indicators", "", "cần danh sách chỉ tiêu, cách nhau bởi dấu phẩy",
                           "a comma-separated list of indicator ids is required");
  }
  nlohmann::json series = nlohmann::json::object();
  std::size_t start = 0;
  while (start <= wanted.size()) {
    std::size_t end = wanted.find(',', start);
    if (end == std::string::npos) end = wanted.size();
    const std::string id = wanted.substr(start, end - start);
    const int i = data.indicators->Find(id);
    if (i < 0) {
      return Status::Invalid("indicators", id, "không có chỉ tiêu này", "no such indicator");
    }
    nlohmann::json values = nlohmann::json::array();
    for (int year : data.years) values.push_back(Number(data.results->Value(year, i, u).value));
    series[id] = std::move(values);
    start = end + 1;
  }
  ApiReply reply;
  // Which standard classified each year: a chart marks where it changes (2016 on the demo).
  nlohmann::json standards = nlohmann::json::array();
  for (int year : data.years) {
    const rules::Standard* standard = data.results->standard(year);
    standards.push_back(standard != nullptr ? nlohmann::json(standard->id) : nlohmann::json(nullptr));
  }
  reply.body = {{"unit", UnitRef(*request.unit)}, {"years", data.years}, {"standards", std::move(standards)},
                {"series", std::move(series)}};
  return reply;
}

// The goal as numbers, for a reader that writes it in its own language: {op, value} or
// {min, max}; null for the provincial line (a comparison of two standards, not a number).
nlohmann::json GoalJson(const analytics::Target& t) {
  switch (t.kind) {
    case analytics::TargetKind::kAtLeast:
    case analytics::TargetKind::kAverageReduction:  // percentage points a year
      return {{"op", "≥"}, {"value", t.value}};
    case analytics::TargetKind::kAtMost:
      return {{"op", t.strict ? "<" : "≤"}, {"value", t.value}};
    case analytics::TargetKind::kRange:
      return {{"min", t.min}, {"max", t.max}};
    case analytics::TargetKind::kZero:
      return {{"op", "="}, {"value", 0}};
    default:
      return nullptr;
  }
}

Result<ApiReply> Targets(ServerContext&, ApiRequest& request, const AnalyticsData& data) {
  ANSINH_ASSIGN_OR_RETURN(int year, YearParam(request, "year", data.years));
  ANSINH_ASSIGN_OR_RETURN(analytics::UnitIndex u, IndexOf(data, *request.unit));
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : analytics::EvaluateTargets(*data.targets, *data.results, year, u, data.standards)) {
    const analytics::Target& t = *e.target;
    nlohmann::json points = nlohmann::json::array();
    if (t.indicator_index >= 0) {
      for (int y : data.years) {
        points.push_back({{"year", y}, {"value", Number(data.results->Value(y, t.indicator_index, u).value)}});
      }
    }
    list.push_back({{"id", t.id}, {"name_vi", t.name_vi}, {"name_en", t.name_en},
                    {"indicator", t.indicator.empty() ? nlohmann::json(nullptr) : nlohmann::json(t.indicator)},
                    {"kind", t.kind == analytics::TargetKind::kAtLeast ? "at_least"
                             : t.kind == analytics::TargetKind::kAtMost ? "at_most"
                             : t.kind == analytics::TargetKind::kRange ? "range"
                             : t.kind == analytics::TargetKind::kAverageReduction ? "average_reduction"
                             : t.kind == analytics::TargetKind::kZero ? "zero" : "provincial_line"},
                    {"value", Number(e.value)},
                    {"target", e.target_text},
                    {"goal", GoalJson(t)},
                    {"deadline", t.last_year},
                    {"status", analytics::TargetStatusCode(e.status)},
                    {"forecast_year", e.forecast_year ? nlohmann::json(*e.forecast_year) : nlohmann::json(nullptr)},
                    {"note", e.note_en.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.note_en)},
                    {"note_vi", e.note_vi.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.note_vi)},
                    {"series", std::move(points)}});
  }
  ApiReply reply;
  reply.body = {{"unit", UnitRef(*request.unit)}, {"year", year}, {"targets", std::move(list)}};
  return reply;
}

Result<ApiReply> Transitions(ServerContext&, ApiRequest& request, const AnalyticsData& data) {
  ANSINH_ASSIGN_OR_RETURN(int to, YearParam(request, "to", data.years));
  const int default_from = to - 1;
  ANSINH_ASSIGN_OR_RETURN(int from, IntParam(request, "from", default_from, 1990, 2100));
  if (from >= to) {
    return Status::Invalid("from", std::to_string(from), "năm đầu phải trước năm cuối",
                           "the first year must come before the second");
  }
  if (std::find(data.years.begin(), data.years.end(), from) == data.years.end()) {
    return Status::Invalid("from", std::to_string(from), "không có số liệu khảo sát năm này",
                           "there is no survey in this year");
  }
  ANSINH_ASSIGN_OR_RETURN(analytics::UnitIndex u, IndexOf(data, *request.unit));
  ANSINH_ASSIGN_OR_RETURN(auto table, analytics::ComputeTransitions(*data.snapshot, *data.results, from, to));
  nlohmann::json states = nlohmann::json::array();
  nlohmann::json matrix = nlohmann::json::array();
  nlohmann::json to_states = nlohmann::json::array();
  for (int b = 0; b < analytics::kStates; ++b) {
    to_states.push_back(analytics::StateCode(static_cast<analytics::State>(b), true));
  }
  std::int64_t escaped = 0;
  for (int a = 0; a < analytics::kStates; ++a) {
    const auto sa = static_cast<analytics::State>(a);
    states.push_back(analytics::StateCode(sa, false));
    nlohmann::json row = nlohmann::json::array();
    for (int b = 0; b < analytics::kStates; ++b) {
      const auto sb = static_cast<analytics::State>(b);
      const std::int64_t n = table.cell(u, sa, sb);
      row.push_back(n);
      if (sa == analytics::State::kPoor && sb != analytics::State::kPoor && sb != analytics::State::kAbsent) {
        escaped += n;
      }
    }
    matrix.push_back(std::move(row));
  }
  // Newly poor and re-poor need each household's history before `from`: the indicators hold
  // them for consecutive years only.
  auto indicator = [&](const char* id) -> nlohmann::json {
    const int i = data.indicators->Find(id);
    if (i < 0 || to != from + 1) return nullptr;
    return Number(data.results->Value(to, i, u).value);
  };
  ApiReply reply;
  reply.body = {{"unit", UnitRef(*request.unit)},
                {"from", from},
                {"to", to},
                {"from_states", std::move(states)},
                {"to_states", std::move(to_states)},
                {"matrix", std::move(matrix)},
                {"totals", {{"escaped", escaped},
                            {"newly_poor", indicator("newly_poor_households")},
                            {"repoor", indicator("repoor_households")}}}};
  return reply;
}

// The workbook of `ansinh report` for the unit's subtree (app/report.h), built for each request
// in memory from the loaded analytics: a few tens of milliseconds for the demo province.
Result<ApiReply> Report(ServerContext& ctx, ApiRequest& request, const AnalyticsData& data) {
  ANSINH_ASSIGN_OR_RETURN(int year, YearParam(request, "year", data.years));
  ANSINH_RETURN_IF_ERROR(IndexOf(data, *request.unit).status());
  if (data.session == nullptr) return Status::Internal("the analytics were loaded without a session");
  const std::string& code = request.unit->code;
  ANSINH_ASSIGN_OR_RETURN(std::string bytes,
                          app::ReportBytes(*data.session, *data.targets,
                                           {.year = year, .unit = code, .source = ctx.db_name,
                                            .made_on = ctx.clock->Today()}));
  ApiReply reply;
  reply.raw = std::move(bytes);
  reply.raw_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  // The code is one of the unit table's (digits): nothing to quote in the file name.
  reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"an-sinh-" + code + "-" +
                                                        std::to_string(year) + ".xlsx\"");
  return reply;
}

// Wraps an analytics handler: 503 until the data is loaded.
Handler WithAnalytics(Result<ApiReply> (*handler)(ServerContext&, ApiRequest&, const AnalyticsData&)) {
  return [handler](ServerContext& ctx, ApiRequest& request) -> Result<ApiReply> {
    const auto [data, replies] = ctx.analytics->GetWithReplies();
    if (data == nullptr) return NotReadyReply();
    // The query map is ordered: the same parameters in any order make one key.
    std::string key = request.path;
    for (const auto& [name, value] : request.query) key += '\n' + name + '=' + value;
    ApiReply reply;
    reply.raw_type = "application/json; charset=utf-8";
    // X-Ansinh-Cache says which answers were kept ones (ops, and the tests that the cache works).
    if (auto body = replies->Find(key)) {
      reply.raw = *body;
      reply.headers.emplace_back("X-Ansinh-Cache", "hit");
      return reply;
    }
    ANSINH_ASSIGN_OR_RETURN(ApiReply computed, handler(ctx, request, *data));
    // Only plain successful JSON answers are kept (not the workbook, not a refusal).
    if (computed.status != 200 || !computed.raw_type.empty() || !computed.headers.empty()) {
      return computed;
    }
    reply.raw = computed.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    replies->Put(key, std::make_shared<const std::string>(reply.raw));
    reply.headers.emplace_back("X-Ansinh-Cache", "miss");
    return reply;
  };
}

}  // namespace

void AddAnalyticsRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/units/{code}/indicators", Access::kSession, Scope::kUnitPath,
                    "every indicator of a unit and its children in a year", WithAnalytics(Indicators)});
  routes.push_back({"GET", "/api/v1/units/{code}/series", Access::kSession, Scope::kUnitPath,
                    "indicator values of a unit over the years", WithAnalytics(Series)});
  routes.push_back({"GET", "/api/v1/units/{code}/targets", Access::kSession, Scope::kUnitPath,
                    "the resolution's targets for a unit in a year", WithAnalytics(Targets)});
  routes.push_back({"GET", "/api/v1/units/{code}/transitions", Access::kSession, Scope::kUnitPath,
                    "category transitions of a unit between two years", WithAnalytics(Transitions)});
  routes.push_back({"GET", "/api/v1/units/{code}/report.xlsx", Access::kSession, Scope::kUnitPath,
                    "the report workbook of a unit's subtree for a year", WithAnalytics(Report)});
}

}  // namespace ansinh::server
