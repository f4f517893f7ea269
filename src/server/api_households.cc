// GET /api/v1/households (a unit's households, filtered, sorted with Vietnamese collation,
// paged), GET /api/v1/search (households and persons by name, ID number or household code,
// diacritics ignored), GET /api/v1/households/{code} (members, surveys, classifications).
#include <algorithm>
#include <set>

#include "core/text.h"
#include "io/json.h"
#include "app/household_classification.h"
#include "server/api.h"
#include "server/household_index.h"
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

// The category of each index entry in `year` (by position; none when the analytics are not
// loaded or the household was not surveyed): one merge of two id-ordered lists.
std::vector<std::optional<Category>> EntryCategories(const AnalyticsData* data, int year,
                                                     const HouseholdIndex& index) {
  std::vector<std::optional<Category>> out(index.ids().size());
  const analytics::SurveyYear* y = data != nullptr ? data->snapshot->Year(year) : nullptr;
  if (y == nullptr) return out;
  const auto categories = data->results->categories(year);
  const auto& ids = y->household_id;
  std::size_t row = 0;
  for (std::size_t e = 0; e < out.size(); ++e) {
    const std::int64_t id = index.ids()[e];
    while (row < ids.size() && ids[row] < id) ++row;
    if (row < ids.size() && ids[row] == id && row < categories.size()) out[e] = categories[row];
  }
  return out;
}

// The list walks an order of the in-memory index (household_index.h) whole, for the total: per
// entry a look at its commune and, with `q` or `category`, at flags computed once per request;
// JSON is made only for the page's entries.
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

  const int latest = ctx.survey_years.empty() ? 0 : ctx.survey_years.back();
  ANSINH_ASSIGN_OR_RETURN(auto index, ctx.households->Get(*ctx.stores, *ctx.units, latest));
  ANSINH_ASSIGN_OR_RETURN(auto incomes, index->YearData(*ctx.stores, year));
  const std::vector<char> in_unit = index->CommuneMask(*ctx.units, request.unit->code);
  const std::vector<char> matches = q.empty() ? std::vector<char>() : index->Matches(q);
  const auto categories = category.empty() ? std::vector<std::optional<Category>>()
                                           : EntryCategories(analytics.get(), year, *index);
  std::optional<Category> wanted;
  if (!category.empty()) {
    ANSINH_ASSIGN_OR_RETURN(wanted, ParseCategory(category, "category"));
  }
  const auto& commune_of = index->commune_of();
  const HouseholdIndex::Order& order_by =
      sort == "name" ? index->by_name() : sort == "code" ? index->by_code() : incomes->by_income;
  // One commune (a commune officer's list, the last step of a drill-down) walks its own
  // households only; a wider area walks the whole order and checks each entry's commune.
  std::span<const std::int32_t> sorted = order_by.all;
  if (std::count(in_unit.begin(), in_unit.end(), 1) == 1) {
    sorted = order_by.Of(static_cast<std::int32_t>(std::find(in_unit.begin(), in_unit.end(), 1) - in_unit.begin()));
  }
  const std::size_t first = static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(page_size);
  std::size_t total = 0;
  std::vector<std::size_t> on_page;
  auto visit = [&](std::int32_t position) {
    const auto at = static_cast<std::size_t>(position);
    if (!in_unit[static_cast<std::size_t>(commune_of[at])]) return;
    if (!q.empty() && !matches[at]) return;
    if (wanted && categories[at] != wanted) return;
    if (total >= first && total - first < static_cast<std::size_t>(page_size)) on_page.push_back(at);
    ++total;
  };
  // Descending is the ascending order reversed: ties (same name, same income) stay ordered by
  // code, so pages never overlap.
  if (order == "asc") {
    for (std::int32_t position : sorted) visit(position);
  } else {
    for (auto it = sorted.rbegin(); it != sorted.rend(); ++it) visit(*it);
  }
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t at : on_page) {
    const HouseholdIndex::Entry& e = index->entries()[at];
    const auto household_category = CategoryOf(analytics.get(), year, e.id);
    const auto& income = incomes->income_pc[at];
    items.push_back({{"code", e.code},
                     {"head_name", e.head_name},
                     {"commune", CommuneRef(ctx, index->communes()[static_cast<std::size_t>(e.commune)])},
                     {"hamlet", index->hamlets()[static_cast<std::size_t>(e.hamlet)]},
                     {"members", e.members},
                     {"income_pc", income ? nlohmann::json(*income) : nlohmann::json(nullptr)},
                     {"category", household_category ? nlohmann::json(CategoryCode(*household_category))
                                                     : nlohmann::json(nullptr)}});
  }
  ApiReply reply;
  reply.body = {{"total", total}, {"page", page}, {"page_size", page_size}, {"year", year},
                {"items", std::move(items)}};
  return reply;
}

nlohmann::json SearchItem(const ServerContext& ctx, const store::HouseholdRow& row) {
  return {{"kind", row.matched_person.empty() ? "household" : "person"},
          {"person", row.matched_person.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.matched_person)},
          {"household", {{"code", row.code},
                         {"head_name", row.head_name},
                         {"commune", CommuneRef(ctx, row.commune_code)},
                         {"hamlet", row.hamlet},
                         {"members", row.members}}}};
}

// In rank order: household codes, ID numbers, names that start with the key, names with a later
// word that starts with it. The in-memory index (household_index.h) answers all but the ID number,
// which the store's index answers exactly; the store answers alone if the index failed to build.
Result<ApiReply> Search(ServerContext& ctx, ApiRequest& request) {
  const std::string q = request.Query("q").value_or("");
  const std::string key = SearchKey(q);
  if (key.size() < 2) {
    return Status::Invalid("q", q, "cần ít nhất 2 ký tự để tìm", "at least 2 characters are needed");
  }
  ANSINH_ASSIGN_OR_RETURN(int limit, IntParam(request, "limit", 20, 1, 100));
  const int latest = ctx.survey_years.empty() ? 0 : ctx.survey_years.back();
  auto index = ctx.households->Get(*ctx.stores, *ctx.units, latest);
  std::vector<store::HouseholdRow> rows;
  if (!index.ok()) {
    auto lease = ctx.stores->Acquire();
    ANSINH_ASSIGN_OR_RETURN(
        rows, store::HouseholdDirectory(*lease).Search(ctx.units->CommunesUnder(request.area), q, limit));
  } else {
    const HouseholdIndex& in = **index;
    const std::vector<char> mask = in.CommuneMask(*ctx.units, request.area);
    const auto max = static_cast<std::size_t>(limit);
    std::set<std::pair<std::int64_t, std::string>> seen;
    // A household found twice (by code and by its head's name) is shown once per kind of match.
    auto add = [&](std::int32_t entry, std::string matched) {
      const HouseholdIndex::Entry& e = in.entries()[static_cast<std::size_t>(entry)];
      if (rows.size() >= max || !seen.emplace(e.id, matched).second) return;
      store::HouseholdRow row;
      row.id = e.id;
      row.code = e.code;
      row.commune_code = in.communes()[static_cast<std::size_t>(e.commune)];
      row.hamlet = in.hamlets()[static_cast<std::size_t>(e.hamlet)];
      row.head_name = e.head_name;
      row.members = e.members;
      row.matched_person = std::move(matched);
      rows.push_back(std::move(row));
    };
    for (std::int32_t entry : in.CodeMatches(key, mask, max)) add(entry, "");
    // The store is asked twice at most, each time holding one of its few connections (server.cc)
    // for one indexed query only: the other threads' requests do not queue behind this one.
    const std::string_view trimmed = Trim(q);
    std::vector<store::HouseholdDirectory::IdNumberMatch> by_id_number;
    if (std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      auto lease = ctx.stores->Acquire();
      ANSINH_ASSIGN_OR_RETURN(by_id_number,
                              store::HouseholdDirectory(*lease).PersonsWithIdNumber(std::string(trimmed)));
    }
    for (const auto& person : by_id_number) {
      const std::int32_t entry = in.EntryOf(person.household_id);
      if (entry >= 0 && mask[static_cast<std::size_t>(in.entries()[static_cast<std::size_t>(entry)].commune)]) {
        add(entry, person.full_name);
      }
    }
    if (rows.size() < max) {
      // The names of the persons found, read in one query.
      std::vector<HouseholdIndex::PersonMatch> persons = in.NameStartMatches(key, mask, max);
      for (const auto& m : in.LaterWordMatches(key, mask, max * 2)) persons.push_back(m);
      std::vector<std::int64_t> ids;
      for (const auto& m : persons) ids.push_back(m.person_id);
      std::vector<std::string> names;
      {
        auto lease = ctx.stores->Acquire();
        ANSINH_ASSIGN_OR_RETURN(names, store::HouseholdDirectory(*lease).PersonNames(ids));
      }
      for (std::size_t i = 0; i < persons.size(); ++i) add(persons[i].entry, std::move(names[i]));
    }
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& row : rows) items.push_back(SearchItem(ctx, row));
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
    // The year's members with their answers (head first), read once for the page and the rules.
    ANSINH_ASSIGN_OR_RETURN(auto surveyed, lease->surveys().HouseholdSnapshot(h.id, y.year));
    sj["members"] = nlohmann::json::array();
    if (surveyed) {
      for (const auto& m : surveyed->members) sj["members"].push_back(io::ToJson(m.year));
    }
    // The classification of the year: the ones the store holds (a review's, with the rules'
    // explanation), else one computed now under the standard that classified the year in the
    // analytics — the same category, and the why with it.
    nlohmann::json classifications = nlohmann::json::array();
    auto add = [&](const store::Classification& c, std::string_view source) {
      classifications.push_back(
          {{"standard", c.standard_id}, {"category", CategoryCode(c.category)},
           {"income_per_capita", c.income_per_capita}, {"deprivation_count", c.deprivation_count},
           {"outcome", c.outcome}, {"source", source},
           {"explanation", nlohmann::json::parse(c.explanation_json.empty() ? "null" : c.explanation_json,
                                                 nullptr, false)}});
    };
    for (const auto& c : stored) {
      if (c.year == y.year) add(c, "stored");
    }
    const rules::Standard* standard =
        analytics != nullptr ? analytics->results->standard(y.year) : nullptr;
    if (classifications.empty() && surveyed && standard != nullptr && analytics->session != nullptr) {
      ANSINH_ASSIGN_OR_RETURN(
          auto computed,
          app::ClassifySurveyedHousehold(*surveyed, *analytics->session->registry, *standard,
                                         CategoryOf(analytics.get(), y.year - 1, h.id)));
      add(computed, "computed");
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
