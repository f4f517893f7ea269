// GET /api/v1/households (a unit's households, filtered, sorted with Vietnamese collation,
// paged), GET /api/v1/search (households and persons by name, ID number or household code,
// diacritics ignored), GET /api/v1/households/{code} (members, surveys, classifications).
#include <algorithm>

#include "core/text.h"
#include "io/json.h"
#include "server/api.h"
#include "server/params.h"
#include "store/household_directory.h"

namespace ansinh::server {
namespace {

// The category of registry household `id` in `year` by the loaded analytics; none when they are
// not loaded or the household was not surveyed that year.
std::optional<Category> CategoryOf(const AnalyticsData* data, int year, std::int64_t id) {
  if (data == nullptr) return std::nullopt;
  const analytics::SurveyYear* y = data->snapshot->Year(year);
  if (y == nullptr) return std::nullopt;
  const auto categories = data->results->categories(year);
  auto it = std::lower_bound(y->household_id.begin(), y->household_id.end(), id);
  if (it == y->household_id.end() || *it != id) return std::nullopt;
  const auto row = static_cast<std::size_t>(it - y->household_id.begin());
  if (row >= categories.size()) return std::nullopt;
  return categories[row];
}

nlohmann::json CommuneRef(const ServerContext& ctx, const std::string& code) {
  const AdminUnit* commune = ctx.units->Find(code);
  return commune != nullptr ? UnitRef(*commune) : nlohmann::json{{"code", code}, {"name", ""}};
}

struct ListedHousehold {
  store::HouseholdRow row;
  std::optional<Vnd> income_pc;
  std::optional<Category> category;
  std::string sort_key;
};

Result<ApiReply> Households(ServerContext& ctx, ApiRequest& request) {
  ANSINH_ASSIGN_OR_RETURN(int year, YearParam(request, "year", ctx.survey_years));
  ANSINH_ASSIGN_OR_RETURN(std::string category,
                          ChoiceParam(request, "category", {"poor", "near_poor", "middle", "other"}, ""));
  ANSINH_ASSIGN_OR_RETURN(std::string sort, ChoiceParam(request, "sort", {"name", "code", "income_pc"}, "name"));
  ANSINH_ASSIGN_OR_RETURN(std::string order, ChoiceParam(request, "order", {"asc", "desc"}, "asc"));
  ANSINH_ASSIGN_OR_RETURN(int page, IntParam(request, "page", 1, 1, 1'000'000));
  ANSINH_ASSIGN_OR_RETURN(int page_size, IntParam(request, "page_size", 50, 1, 500));
  const std::string q = SearchKey(request.Query("q").value_or(""));
  const auto analytics = ctx.analytics->Get();
  if (!category.empty() && analytics == nullptr) return NotReadyReply();

  std::vector<store::HouseholdRow> rows;
  {
    auto lease = ctx.stores->Acquire();
    ANSINH_ASSIGN_OR_RETURN(rows, store::HouseholdDirectory(*lease).List(
                                      ctx.units->CommunesUnder(request.unit->code), year));
  }
  ANSINH_ASSIGN_OR_RETURN(VietnameseCollator collator, VietnameseCollator::Create());
  std::vector<ListedHousehold> listed;
  for (auto& row : rows) {
    ListedHousehold h;
    h.category = CategoryOf(analytics.get(), year, row.id);
    if (!category.empty() && (!h.category || CategoryCode(*h.category) != category)) continue;
    if (!q.empty() && SearchKey(row.head_name).find(q) == std::string::npos &&
        SearchKey(row.code).rfind(q, 0) != 0) {
      continue;
    }
    if (row.income_month && row.members > 0) h.income_pc = *row.income_month / row.members;
    if (sort == "name") h.sort_key = collator.SortKey(row.head_name);
    h.row = std::move(row);
    listed.push_back(std::move(h));
  }
  // Ties (same name, same income) fall back to the code, so pages never overlap.
  auto less = [&sort](const ListedHousehold& a, const ListedHousehold& b) {
    if (sort == "name" && a.sort_key != b.sort_key) return a.sort_key < b.sort_key;
    if (sort == "income_pc" && a.income_pc != b.income_pc) return a.income_pc < b.income_pc;
    return a.row.code < b.row.code;
  };
  if (order == "asc") {
    std::sort(listed.begin(), listed.end(), less);
  } else {
    std::sort(listed.begin(), listed.end(), [&less](const auto& a, const auto& b) { return less(b, a); });
  }
  nlohmann::json items = nlohmann::json::array();
  const std::size_t first = static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(page_size);
  for (std::size_t i = first; i < listed.size() && i < first + static_cast<std::size_t>(page_size); ++i) {
    const ListedHousehold& h = listed[i];
    items.push_back({{"code", h.row.code},
                     {"head_name", h.row.head_name},
                     {"commune", CommuneRef(ctx, h.row.commune_code)},
                     {"hamlet", h.row.hamlet},
                     {"members", h.row.members},
                     {"income_pc", h.income_pc ? nlohmann::json(*h.income_pc) : nlohmann::json(nullptr)},
                     {"category", h.category ? nlohmann::json(CategoryCode(*h.category)) : nlohmann::json(nullptr)}});
  }
  ApiReply reply;
  reply.body = {{"total", listed.size()}, {"page", page}, {"page_size", page_size}, {"year", year},
                {"items", std::move(items)}};
  return reply;
}

Result<ApiReply> Search(ServerContext& ctx, ApiRequest& request) {
  const std::string q = request.Query("q").value_or("");
  if (SearchKey(q).size() < 2) {
    return Status::Invalid("q", q, "cần ít nhất 2 ký tự để tìm", "at least 2 characters are needed");
  }
  ANSINH_ASSIGN_OR_RETURN(int limit, IntParam(request, "limit", 20, 1, 100));
  std::vector<store::HouseholdRow> rows;
  {
    auto lease = ctx.stores->Acquire();
    ANSINH_ASSIGN_OR_RETURN(rows, store::HouseholdDirectory(*lease).Search(
                                      ctx.units->CommunesUnder(request.area), q, limit));
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& row : rows) {
    items.push_back({{"kind", row.matched_person.empty() ? "household" : "person"},
                     {"person", row.matched_person.empty() ? nlohmann::json(nullptr)
                                                           : nlohmann::json(row.matched_person)},
                     {"household", {{"code", row.code},
                                    {"head_name", row.head_name},
                                    {"commune", CommuneRef(ctx, row.commune_code)},
                                    {"hamlet", row.hamlet},
                                    {"members", row.members}}}});
  }
  ApiReply reply;
  reply.body = {{"q", q}, {"items", std::move(items)}};
  return reply;
}

Result<ApiReply> HouseholdDetail(ServerContext& ctx, ApiRequest& request) {
  const Household& h = *request.household;
  auto lease = ctx.stores->Acquire();
  ANSINH_ASSIGN_OR_RETURN(auto members, lease->households().Members(h.id));
  ANSINH_ASSIGN_OR_RETURN(auto years, lease->surveys().HouseholdYears(h.id));
  ANSINH_ASSIGN_OR_RETURN(auto stored, lease->classifications().ForHousehold(h.id));
  const auto analytics = ctx.analytics->Get();
  nlohmann::json body = {{"code", h.code},
                         {"commune", CommuneRef(ctx, h.commune_code)},
                         {"hamlet", h.hamlet_name},
                         {"address", h.address},
                         {"members", nlohmann::json::array()},
                         {"surveys", nlohmann::json::array()}};
  for (const auto& p : members) {
    nlohmann::json pj = io::ToJson(p);
    pj.erase("household");
    body["members"].push_back(std::move(pj));
  }
  for (const auto& y : years) {
    nlohmann::json sj = io::ToJson(y);
    sj.erase("household");
    ANSINH_ASSIGN_OR_RETURN(auto person_years, lease->surveys().PersonYearsOfHousehold(h.id, y.year));
    sj["members"] = nlohmann::json::array();
    for (const auto& py : person_years) sj["members"].push_back(io::ToJson(py));
    // The classification of the year: the one the store holds (with the rules' explanation),
    // else the category the loaded analytics computed.
    nlohmann::json classifications = nlohmann::json::array();
    for (const auto& c : stored) {
      if (c.year != y.year) continue;
      classifications.push_back(
          {{"standard", c.standard_id}, {"category", CategoryCode(c.category)},
           {"income_per_capita", c.income_per_capita}, {"deprivation_count", c.deprivation_count},
           {"outcome", c.outcome}, {"source", "stored"},
           {"explanation", nlohmann::json::parse(c.explanation_json.empty() ? "null" : c.explanation_json,
                                                 nullptr, false)}});
    }
    if (classifications.empty()) {
      if (auto category = CategoryOf(analytics.get(), y.year, h.id)) {
        const rules::Standard* standard = analytics->results->standard(y.year);
        classifications.push_back({{"standard", standard != nullptr ? standard->id : ""},
                                   {"category", CategoryCode(*category)},
                                   {"source", "analytics"},
                                   {"explanation", nullptr}});
      }
    }
    sj["classifications"] = std::move(classifications);
    body["surveys"].push_back(std::move(sj));
  }
  ApiReply reply;
  reply.body = std::move(body);
  return reply;
}

}  // namespace

void AddHouseholdRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/households", Access::kSession, Scope::kUnitQuery,
                    "households of a unit, filtered, sorted, paged", Households});
  routes.push_back({"GET", "/api/v1/search", Access::kSession, Scope::kUserArea,
                    "households and persons by name, ID number or code", Search});
  routes.push_back({"GET", "/api/v1/households/{code}", Access::kSession, Scope::kHouseholdPath,
                    "a household: members, surveys, classifications", HouseholdDetail});
}

}  // namespace ansinh::server
