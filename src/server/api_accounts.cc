// GET /api/v1/health, POST /api/v1/login, POST /api/v1/logout, GET /api/v1/me: signing in and
// out. Every sign-in, failed or not, is an event in the store's audit log.
#include <string>

#include "server/api.h"
#include "server/router.h"

namespace ansinh::server {
namespace {

nlohmann::json UserJson(const ServerContext& ctx, const SessionUser& user) {
  const std::string area = user.unit_code.empty() ? ctx.units->root().code : user.unit_code;
  const AdminUnit* unit = ctx.units->Find(area);
  return {{"username", user.username},
          {"role", user.role},
          {"unit", unit != nullptr ? UnitRef(*unit) : nlohmann::json(nullptr)}};
}

void Audit(ServerContext& ctx, const std::string& actor, std::string_view action,
           const std::string& username, const nlohmann::json& detail) {
  auto lease = ctx.stores->Acquire();
  // A sign-in the log cannot record still answers; the failure is not the client's.
  (void)lease->audit().RecordEvent({actor}, action, "user", username, detail.dump());
}

Result<ApiReply> Health(ServerContext& ctx, ApiRequest&) {
  ApiReply reply;
  reply.body = {{"status", "ok"}, {"ready", ctx.analytics->Get() != nullptr}};
  return reply;
}

Result<ApiReply> Login(ServerContext& ctx, ApiRequest& request) {
  const auto body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) {
    return Status::Invalid("body", request.body.substr(0, 40), "nội dung không phải JSON",
                           "the body is not a JSON object");
  }
  for (const char* field : {"username", "password"}) {
    if (!body.contains(field) || !body[field].is_string() || body[field].get<std::string>().empty()) {
      return Status::Invalid(field, "", "cần tên đăng nhập và mật khẩu",
                             "a username and a password are required");
    }
  }
  const std::string username = body["username"];
  const std::string password = body["password"];
  const std::string key = username + "|" + request.client;
  if (const std::int64_t wait = ctx.login_limiter->RetryAfter(key); wait > 0) {
    Audit(ctx, username, "login_refused", username, {{"client", request.client}, {"reason", "rate_limited"}});
    ApiReply reply = ErrorReply(429, "rate_limited", "too many failed sign-ins; wait and try again",
                                "đăng nhập sai quá nhiều lần; hãy chờ rồi thử lại");
    reply.headers.emplace_back("Retry-After", std::to_string(wait));
    return reply;
  }
  std::optional<store::User> user;
  {
    auto lease = ctx.stores->Acquire();
    ANSINH_ASSIGN_OR_RETURN(user, lease->users().FindByUsername(username));
  }
  const bool ok = user && !user->disabled && VerifyPassword(user->password_hash, password);
  if (!ok) {
    ctx.login_limiter->RecordFailure(key);
    Audit(ctx, username, "login_failed", username,
          {{"client", request.client}, {"reason", !user ? "unknown_user" : user->disabled ? "disabled" : "wrong_password"}});
    return ErrorReply(401, "unauthenticated", "wrong username or password",
                      "sai tên đăng nhập hoặc mật khẩu");
  }
  ctx.login_limiter->RecordSuccess(key);
  const SessionUser session_user{user->id, user->username, user->role, user->unit_code};
  const SessionStore::Created created = ctx.sessions->Create(session_user);
  Audit(ctx, username, "login", username, {{"client", request.client}});
  ApiReply reply;
  reply.body = {{"user", UserJson(ctx, session_user)}, {"csrf_token", created.csrf_token}};
  // HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it.
  reply.headers.emplace_back(
      "Set-Cookie", std::string(kSessionCookie) + "=" + created.token +
                        "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                        std::to_string(ctx.session_limits.absolute_seconds));
  return reply;
}

Result<ApiReply> Logout(ServerContext& ctx, ApiRequest& request) {
  ctx.sessions->Remove(request.session_token);
  Audit(ctx, request.session->user.username, "logout", request.session->user.username,
        {{"client", request.client}});
  ApiReply reply;
  reply.body = {{"status", "signed_out"}};
  reply.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) +
                                               "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  return reply;
}

Result<ApiReply> Me(ServerContext& ctx, ApiRequest& request) {
  ApiReply reply;
  reply.body = {{"user", UserJson(ctx, request.session->user)},
                {"csrf_token", request.session->csrf_token}};
  return reply;
}

}  // namespace

void AddAccountRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/health", Access::kPublic, Scope::kNone, "liveness and readiness", Health});
  routes.push_back({"POST", "/api/v1/login", Access::kPublic, Scope::kNone, "sign in", Login});
  routes.push_back({"POST", "/api/v1/logout", Access::kSession, Scope::kNone, "sign out", Logout});
  routes.push_back({"GET", "/api/v1/me", Access::kSession, Scope::kNone, "the signed-in user", Me});
}

}  // namespace ansinh::server
