// The JSON API's plumbing, shared by the handlers (api_*.cc): what a handler receives (the
// request with its session and the unit or household its scope resolved), what it answers, and
// the route table that says, for every route, who may call it and which area it touches.
//
// Access is decided in ONE place, Router::Dispatch (router.cc), before any handler runs: a route
// declares its Scope, the router resolves the unit or household it names and answers 401 without
// a session, 403 when the unit is outside the user's area, 404 when it does not exist. A handler
// only ever sees objects inside the user's area.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analytics/indicators.h"
#include "analytics/snapshot.h"
#include "analytics/targets.h"
#include "app/analytics_session.h"
#include "core/clock.h"
#include "core/household.h"
#include "core/status.h"
#include "rules/standard.h"
#include "server/area.h"
#include "server/password.h"
#include "server/sessions.h"
#include "server/store_pool.h"

namespace ansinh::server {

// What the analytics endpoints answer from, computed once at start (analytics_source.h says
// who fills it). `owner` keeps the pointed-to objects alive.
struct AnalyticsData {
  std::shared_ptr<const void> owner;
  const app::AnalyticsSession* session = nullptr;  // what the report workbook is built from
  const analytics::IndicatorSet* indicators = nullptr;
  const analytics::Snapshot* snapshot = nullptr;
  const analytics::IndicatorResults* results = nullptr;
  const analytics::TargetSet* targets = nullptr;
  std::vector<const rules::Standard*> standards;
  std::vector<int> years;  // the computed years, ascending
};
using AnalyticsLoader = std::function<Result<std::shared_ptr<const AnalyticsData>>()>;

// Answers of the analytics routes by path and query, as the bytes sent: the analytics do not
// change once loaded, so the same request always gets the same answer, and a dashboard's
// requests cost a lookup instead of a JSON build (wrk: bench/api-bench). Access is still decided
// per request, before the cache is asked (Router::Dispatch). Bounded: when full it starts over.
class ReplyCache {
 public:
  static constexpr std::size_t kMaxReplies = 20000;
  std::shared_ptr<const std::string> Find(const std::string& key) const {
    std::lock_guard lock(mu_);
    auto it = replies_.find(key);
    return it == replies_.end() ? nullptr : it->second;
  }
  void Put(const std::string& key, std::shared_ptr<const std::string> body) {
    std::lock_guard lock(mu_);
    if (replies_.size() >= kMaxReplies) replies_.clear();
    replies_[key] = std::move(body);
  }

 private:
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> replies_;  // by mu_
};

// The analytics once loaded; empty until then. Safe across threads. The reply cache goes with
// the data it was computed from: a new Set empties it.
class AnalyticsHolder {
 public:
  void Set(std::shared_ptr<const AnalyticsData> data) {
    std::lock_guard lock(mu_);
    data_ = std::move(data);
    replies_ = std::make_shared<ReplyCache>();
  }
  // The data and the answers kept from it, taken together: taken apart, a reload between the two
  // would keep an answer of the old data among the new one's.
  struct Current {
    std::shared_ptr<const AnalyticsData> data;
    std::shared_ptr<ReplyCache> replies;
  };
  Current GetWithReplies() const {
    std::lock_guard lock(mu_);
    return {data_, replies_};
  }
  std::shared_ptr<const AnalyticsData> Get() const {
    std::lock_guard lock(mu_);
    return data_;
  }

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const AnalyticsData> data_;  // guarded by mu_
  std::shared_ptr<ReplyCache> replies_;        // guarded by mu_; with data_
};

class HouseholdIndexHolder;  // household_index.h

// Everything a handler may use; owned by the Server, alive while it runs.
struct ServerContext {
  const Clock* clock = nullptr;
  std::string home;       // data/ and config/
  std::string db_name;    // the database file's name, as the report's subtitle names it
  HashCost hash_cost = HashCost::kInteractive;
  SessionLimits session_limits;
  StorePool* stores = nullptr;
  const UnitDirectory* units = nullptr;
  SessionStore* sessions = nullptr;
  LoginLimiter* login_limiter = nullptr;
  AnalyticsHolder* analytics = nullptr;
  HouseholdIndexHolder* households = nullptr;  // the list's in-memory index (household_index.h)
  std::vector<int> survey_years;  // read at start, ascending
};

// Who may call a route and which area it touches.
enum class Access { kPublic, kSession };
enum class Scope {
  kNone,           // no unit (health, login, me)
  kUnitPath,       // the unit {code} of the path
  kUnitQuery,      // the unit of ?unit= (the user's own unit when absent)
  kHouseholdPath,  // the household {code} of the path
  kUserArea,       // the user's whole area (search)
};

struct ApiRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> path_params;
  std::multimap<std::string, std::string> query;
  std::string body;
  std::string client;                   // the peer address
  std::optional<Session> session;       // set for kSession routes
  std::string session_token;            // the cookie's token, for logout
  std::string area;                     // the user's unit code
  const AdminUnit* unit = nullptr;      // kUnitPath, kUnitQuery
  std::optional<Household> household;   // kHouseholdPath
  std::optional<std::string> Query(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
  }
};

struct ApiReply {
  int status = 200;
  nlohmann::json body;        // sent as JSON unless `raw_type` is set
  std::string raw;            // a body of another type (an .xlsx)
  std::string raw_type;
  std::vector<std::pair<std::string, std::string>> headers;
};

using Handler = std::function<Result<ApiReply>(ServerContext&, ApiRequest&)>;

struct Route {
  std::string method;  // "GET", "POST", ...
  std::string path;    // "/api/v1/units/{code}"
  Access access = Access::kSession;
  Scope scope = Scope::kNone;
  std::string summary;  // one line, for the OpenAPI document's check
  Handler handler;
};

// A JSON error reply for the HTTP edge: {"error": {"code", "message", ...}}.
ApiReply ErrorReply(int status, std::string_view code, std::string_view message_en,
                    std::string_view message_vi);
// The same for a Status, with the HTTP status its code maps to (HttpStatusFor).
ApiReply ErrorReply(const Status& status);
// The one mapping from the table of error codes to HTTP statuses.
int HttpStatusFor(ErrorCode code);

// What analytics endpoints answer while the analytics load: 503 {"error":{"code":"not_ready"}}.
ApiReply NotReadyReply();

// The routes of each handler file, added to the table by explicit calls (server.cc).
void AddAccountRoutes(std::vector<Route>& routes);
void AddUnitRoutes(std::vector<Route>& routes);
void AddHouseholdRoutes(std::vector<Route>& routes);
void AddAnalyticsRoutes(std::vector<Route>& routes);
void AddOpenApiRoute(std::vector<Route>& routes);

// The OpenAPI 3 document served at /api/v1/openapi.json (openapi.cc).
const nlohmann::json& OpenApiDocument();

// JSON of a unit as every endpoint shows it: {"code", "name"} (and "level" with `level`).
nlohmann::json UnitRef(const AdminUnit& unit, bool level = false);

}  // namespace ansinh::server
