// The route table and the one place where access is decided (see api.h): matching a method and
// path to a route, then — before the handler — the session (401), the CSRF token of a
// state-changing request (403), and the scope: the unit or household the route names must exist
// (404) and lie in the user's area (403).
#pragma once

#include <string>
#include <vector>

#include "server/api.h"

namespace ansinh::server {

class Router {
 public:
  explicit Router(std::vector<Route> routes) : routes_(std::move(routes)) {}

  const std::vector<Route>& routes() const { return routes_; }

  // Answers an /api/ request: 404 for an unknown path, 405 (with Allow) for a known path and
  // another method, else the checks above and the route's handler. Never throws.
  ApiReply Dispatch(ServerContext& ctx, ApiRequest& request,
                    const std::string& cookie_header, const std::string& csrf_header) const;

 private:
  std::vector<Route> routes_;
};

// True when `path` fits the template ("/api/v1/units/{code}"), filling `params`.
bool MatchPath(const std::string& pattern, const std::string& path,
               std::map<std::string, std::string>* params);

// The value of cookie `name` in a Cookie header; "" when absent.
std::string CookieValue(const std::string& header, const std::string& name);

inline constexpr const char* kSessionCookie = "ansinh_session";

}  // namespace ansinh::server
