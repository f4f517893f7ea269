#include "server/router.h"

#include <exception>

#include "store/store.h"

namespace ansinh::server {
namespace {

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool StateChanging(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

ApiReply Forbidden() {
  return ErrorReply(403, "permission_denied", "outside your area", "ngoài địa bàn được phân quyền");
}

// Resolves the route's scope into `request` (unit or household); an error reply when the
// object is missing or outside the user's area.
std::optional<ApiReply> ResolveScope(ServerContext& ctx, const Route& route, ApiRequest& request) {
  auto unit_in_area = [&](const std::string& code, const char* field) -> std::optional<ApiReply> {
    request.unit = ctx.units->Find(code);
    if (request.unit == nullptr) {
      return ErrorReply(Status::NotFound(field, code, "không có đơn vị hành chính này",
                                         "no such administrative unit"));
    }
    if (!ctx.units->Contains(request.area, code)) return Forbidden();
    return std::nullopt;
  };
  switch (route.scope) {
    case Scope::kNone:
    case Scope::kUserArea:
      return std::nullopt;
    case Scope::kUnitPath:
      return unit_in_area(request.path_params["code"], "code");
    case Scope::kUnitQuery:
      return unit_in_area(request.Query("unit").value_or(request.area), "unit");
    case Scope::kHouseholdPath: {
      const std::string& code = request.path_params["code"];
      auto lease = ctx.stores->Acquire();
      auto found = lease->households().FindByCode(code);
      if (!found.ok()) return ErrorReply(found.status());
      if (!*found) {
        return ErrorReply(Status::NotFound("code", code, "không có hộ này", "no such household"));
      }
      if (!ctx.units->Contains(request.area, (*found)->commune_code)) return Forbidden();
      request.household = std::move(**found);
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

bool MatchPath(const std::string& pattern, const std::string& path,
               std::map<std::string, std::string>* params) {
  if (path.empty() || path[0] != '/') return false;
  const auto want = Segments(pattern);
  const auto got = Segments(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::string& w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (got[i].empty()) return false;
      found[w.substr(1, w.size() - 2)] = got[i];
    } else if (w != got[i]) {
      return false;
    }
  }
  if (params != nullptr) *params = std::move(found);
  return true;
}

std::string CookieValue(const std::string& header, const std::string& name) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view part(header.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return "";
}

ApiReply Router::Dispatch(ServerContext& ctx, ApiRequest& request, const std::string& cookie_header,
                          const std::string& csrf_header) const {
  const Route* route = nullptr;
  std::string allow;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPath(r.path, request.path, &params)) continue;
    if (r.method == request.method) {
      route = &r;
      request.path_params = std::move(params);
      break;
    }
    allow += (allow.empty() ? "" : ", ") + r.method;
  }
  if (route == nullptr && allow.empty()) {
    return ErrorReply(404, "not_found", "no such API path", "không có đường dẫn API này");
  }
  if (route == nullptr) {
    ApiReply reply = ErrorReply(405, "method_not_allowed", "method not allowed here",
                                "không dùng được phương thức này ở đây");
    reply.headers.emplace_back("Allow", allow);
    return reply;
  }
  if (route->access == Access::kSession) {
    request.session_token = CookieValue(cookie_header, kSessionCookie);
    request.session = ctx.sessions->Find(request.session_token);
    if (!request.session) {
      return ErrorReply(401, "unauthenticated", "sign in first", "cần đăng nhập");
    }
    // The double-submit check: a form on another site can send the cookie, never the header.
    if (StateChanging(request.method) &&
        !ConstantTimeEquals(csrf_header, request.session->csrf_token)) {
      return ErrorReply(403, "csrf", "missing or wrong X-CSRF-Token header",
                        "thiếu hoặc sai mã chống giả mạo X-CSRF-Token");
    }
    request.area = request.session->user.unit_code.empty() ? ctx.units->root().code
                                                           : request.session->user.unit_code;
  }
  if (auto refused = ResolveScope(ctx, *route, request)) return *refused;
  try {
    Result<ApiReply> reply = route->handler(ctx, request);
    if (!reply.ok()) return ErrorReply(reply.status());
    return std::move(reply).value();
  } catch (const std::exception& e) {  // a library threw (JSON, ICU): a bug, never data for the client
    return ErrorReply(Status::Internal(e.what()));
  }
}

}  // namespace ansinh::server
