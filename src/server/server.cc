#include "server/server.h"

#include <httplib.h>
#include <sys/socket.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "server/router.h"
#include "store/household_directory.h"

namespace ansinh::server {
namespace {

std::string ContentTypeOf(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".geojson") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  return "application/octet-stream";
}

std::optional<std::string> ReadWholeFile(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return 200;
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kParseError:
    case ErrorCode::kTypeError: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kConflict:
    case ErrorCode::kFailedPrecondition: return 409;
    case ErrorCode::kUnsupported: return 501;
    case ErrorCode::kIoError:
    case ErrorCode::kCorruption:
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

ApiReply ErrorReply(int status, std::string_view code, std::string_view message_en,
                    std::string_view message_vi) {
  ApiReply reply;
  reply.status = status;
  reply.body = {{"error", {{"code", code}, {"message", message_en}, {"message_vi", message_vi}}}};
  return reply;
}

ApiReply ErrorReply(const Status& status) {
  const int http = HttpStatusFor(status.code());
  if (http == 500) {  // the details are for the log, not for the client
    return ErrorReply(500, ErrorCodeName(status.code()), "internal error", "lỗi hệ thống");
  }
  ApiReply reply = ErrorReply(http, ErrorCodeName(status.code()), status.message_en(),
                              status.message_vi());
  if (!status.field().empty()) {
    reply.body["error"]["field"] = status.field();
    reply.body["error"]["value"] = status.value();
  }
  return reply;
}

ApiReply NotReadyReply() {
  ApiReply reply = ErrorReply(503, "not_ready", "the figures are still being computed; try again",
                              "số liệu đang được tính; hãy thử lại sau");
  reply.headers.emplace_back("Retry-After", "5");
  return reply;
}

nlohmann::json UnitRef(const AdminUnit& unit, bool level) {
  nlohmann::json j = {{"code", unit.code}, {"name", unit.name}};
  if (level) j["level"] = UnitLevelName(unit.level);
  return j;
}

Status ParseListen(const std::string& text, std::string* host, int* port) {
  const std::size_t colon = text.rfind(':');
  auto bad = [&text] {
    return Status::Invalid("listen", text, "địa chỉ phải có dạng máy:cổng, ví dụ 127.0.0.1:8080",
                           "the address must be host:port, e.g. 127.0.0.1:8080");
  };
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return bad();
  const std::string digits = text.substr(colon + 1);
  if (digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos) return bad();
  const int value = std::stoi(digits);
  if (value > 65535) return bad();
  *host = text.substr(0, colon);
  *port = value;
  return Status::Ok();
}

Server::Server(ServerOptions options) : options_(std::move(options)) {}

Server::~Server() {
  Stop();
  if (loader_.joinable()) loader_.join();
  if (warmer_.joinable()) warmer_.join();
  if (watcher_.joinable()) watcher_.join();
}

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options) {
  if (options.clock == nullptr) return Status::Internal("ServerOptions.clock is required");
  if (options.threads < 1) {
    return Status::Invalid("threads", std::to_string(options.threads), "phải ≥ 1", "must be ≥ 1");
  }
  if (!std::filesystem::exists(options.db)) {
    return Status::NotFound("db", options.db, "chưa có cơ sở dữ liệu; hãy chạy: ansinh init",
                            "no such database; create it with: ansinh init");
  }
  auto server = std::unique_ptr<Server>(new Server(std::move(options)));
  Server& s = *server;
  const ServerOptions& o = s.options_;
  if (s.options_.logger == nullptr) {
    s.options_.logger = std::make_shared<spdlog::logger>(
        "serve", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  }
  // Requests that read the store are few beside the analytics' (answered from memory): a few
  // connections serve every thread, and a 64-thread server does not keep 64 page caches.
  constexpr int kMaxStoreConnections = 8;
  ANSINH_ASSIGN_OR_RETURN(s.stores_,
                          StorePool::Open(o.db, *o.clock, std::min(o.threads, kMaxStoreConnections)));
  {
    auto lease = s.stores_->Acquire();
    ANSINH_ASSIGN_OR_RETURN(UnitDirectory units, UnitDirectory::Load(*lease));
    s.units_ = std::make_unique<UnitDirectory>(std::move(units));
    ANSINH_ASSIGN_OR_RETURN(s.context_.survey_years, store::HouseholdDirectory(*lease).SurveyYears());
  }
  s.sessions_ = std::make_unique<SessionStore>(*o.clock, o.session_limits);
  s.login_limiter_ = std::make_unique<LoginLimiter>(*o.clock, o.login_limits);
  s.analytics_ = std::make_unique<AnalyticsHolder>();
  s.households_ = std::make_unique<HouseholdIndexHolder>();
  s.context_.clock = o.clock;
  s.context_.home = o.home;
  s.context_.db_name = std::filesystem::path(o.db).filename().string();
  s.context_.hash_cost = o.hash_cost;
  s.context_.session_limits = o.session_limits;
  s.context_.stores = s.stores_.get();
  s.context_.units = s.units_.get();
  s.context_.sessions = s.sessions_.get();
  s.context_.login_limiter = s.login_limiter_.get();
  s.context_.analytics = s.analytics_.get();
  s.context_.households = s.households_.get();

  std::vector<Route> routes;
  AddAccountRoutes(routes);
  AddUnitRoutes(routes);
  AddHouseholdRoutes(routes);
  AddAnalyticsRoutes(routes);
  AddOpenApiRoute(routes);
  s.router_ = std::make_unique<Router>(std::move(routes));

  // One more than the cores: an admitted request also waits on its socket and the store, and a
  // third slot kept 2 cores busy (bench/api-bench: 3,400 searches/s, p99 25 ms, against 2,800
  // and 33 ms with two slots, and 3,700 with p99 170 ms ungated).
  s.gate_ = std::make_unique<AdmissionGate>(
      o.compute_slots > 0 ? o.compute_slots
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())) + 1);
  s.http_ = std::make_unique<httplib::Server>();
  const int threads = o.threads;
  s.http_->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  // An idle browser connection holds its thread until this timeout: short, so a reload or a
  // second window does not wait behind it; a busy one may ask many times before it is closed.
  s.http_->set_keep_alive_timeout(2);
  s.http_->set_keep_alive_max_count(1000);
  // cpp-httplib writes an answer's headers and body apart; with Nagle's algorithm on, the body
  // waits for the client's delayed ACK of the headers: 40 ms added to every answer.
  s.http_->set_tcp_nodelay(true);
  // cpp-httplib's default sets SO_REUSEPORT, which lets a second `ansinh serve` bind the same
  // port and take half the connections; SO_REUSEADDR alone allows a quick restart and no more.
  // The socket is kept so Bind can widen the listen backlog the library fixes at 5.
  s.http_->set_socket_options([raw = &s](int socket) {
    int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    raw->listen_socket_ = socket;
  });
  auto handler = [&s](const httplib::Request& req, httplib::Response& res) { s.Handle(&req, &res); };
  const std::string any = ".*";
  s.http_->Get(any, handler);
  s.http_->Post(any, handler);
  s.http_->Put(any, handler);
  s.http_->Patch(any, handler);
  s.http_->Delete(any, handler);
  s.http_->Options(any, handler);
  return server;
}

const std::vector<Route>& Server::routes() const { return router_->routes(); }

Status Server::Bind() {
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.host);
  } else {
    port_ = http_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0) {
    return Status::Error(ErrorCode::kIoError,
                         "không mở được cổng " + options_.host + ":" + std::to_string(options_.port),
                         "cannot listen on " + options_.host + ":" + std::to_string(options_.port));
  }
  // The Debian cpp-httplib is built with a listen backlog of 5: when 64 clients (re)connect at
  // once, the kernel drops the SYNs past the fifth and the clients retry a second later — a
  // p99 of about one second. Listening again on the bound socket only resizes its queue.
  if (listen_socket_ >= 0) ::listen(listen_socket_, SOMAXCONN);
  warmer_ = std::thread([this] {
    const auto started = std::chrono::steady_clock::now();
    const int latest = context_.survey_years.empty() ? 0 : context_.survey_years.back();
    auto index = households_->Get(*stores_, *units_, latest);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!index.ok()) {  // the first household list retries
      options_.logger->error("household index not built: {}", index.status().ToString());
      return;
    }
    options_.logger->info("household index of {} households ready in {:.1f} s",
                          (*index)->entries().size(), seconds);
  });
  // Where the watch starts: the log's newest entry before anything is read, so that a change
  // made while the first load runs is seen by the first look.
  std::int64_t seen = 0;
  if (options_.reload_check_ms > 0) {
    auto lease = stores_->Acquire();
    ANSINH_ASSIGN_OR_RETURN(auto newest, lease->audit().ChangesSince(-1));
    seen = newest.last_id;
  }
  auto first_load_done = [this] {
    std::lock_guard lock(watch_mu_);
    first_load_done_ = true;
    watch_cv_.notify_all();
  };
  if (options_.analytics_loader) {
    loader_ = std::thread([this, first_load_done] {
      const auto started = std::chrono::steady_clock::now();
      auto data = options_.analytics_loader();
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (!data.ok()) {
        load_status_ = data.status();
        options_.logger->error("analytics not loaded: {}", data.status().ToString());
      } else {
        analytics_->Set(std::move(data).value());
        options_.logger->info("analytics ready in {:.1f} s", seconds);
      }
      first_load_done();
    });
  } else {
    first_load_done();
  }
  if (options_.reload_check_ms > 0) watcher_ = std::thread([this, seen] { WatchRegistry(seen); });
  return Status::Ok();
}

void Server::WatchRegistry(std::int64_t seen) {
  {
    std::unique_lock lock(watch_mu_);
    watch_cv_.wait(lock, [this] { return stopping_ || first_load_done_; });
  }
  const auto every = std::chrono::milliseconds(options_.reload_check_ms);
  for (;;) {
    {
      std::unique_lock lock(watch_mu_);
      if (watch_cv_.wait_for(lock, every, [this] { return stopping_; })) return;
    }
    auto changes = [&] {
      auto lease = stores_->Acquire();
      return lease->audit().ChangesSince(seen);
    }();
    if (!changes.ok()) {
      options_.logger->warn("registry watch: {}", changes.status().ToString());
      continue;
    }
    seen = changes->last_id;
    if (changes->registry_changed) Reload();
  }
}

// Both are rebuilt beside the ones answering and swapped in when ready; a failed rebuild keeps
// the old one and says so.
void Server::Reload() {
  options_.logger->info("registry changed: reloading the analytics and the household index");
  const auto started = std::chrono::steady_clock::now();
  if (options_.analytics_loader) {
    auto data = options_.analytics_loader();
    if (data.ok()) {
      analytics_->Set(std::move(data).value());
    } else {
      options_.logger->error("analytics not reloaded: {}", data.status().ToString());
    }
  }
  const int latest = context_.survey_years.empty() ? 0 : context_.survey_years.back();
  const Status index = households_->Rebuild(*stores_, *units_, latest);
  if (!index.ok()) options_.logger->error("household index not rebuilt: {}", index.ToString());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  options_.logger->info("reloaded in {:.1f} s", seconds);
}

bool Server::WaitUntilReady() {
  if (loader_.joinable()) loader_.join();
  return ready();
}

Status Server::Run() {
  if (!http_->listen_after_bind()) {
    return Status::Error(ErrorCode::kIoError, "máy chủ dừng do lỗi mạng",
                         "the server stopped on a network error");
  }
  return Status::Ok();
}

void Server::Stop() {
  {
    std::lock_guard lock(watch_mu_);
    stopping_ = true;
    watch_cv_.notify_all();
  }
  if (http_) http_->stop();
}

void Server::Handle(const void* raw_request, void* raw_response) {
  const auto& req = *static_cast<const httplib::Request*>(raw_request);
  auto& res = *static_cast<httplib::Response*>(raw_response);
  const auto started = std::chrono::steady_clock::now();
  std::string user = "-";
  // The health check never queues: it is how a supervisor tells a busy server from a dead one.
  std::optional<AdmissionGate::Pass> pass;
  if (req.path != "/api/v1/health") pass.emplace(gate_->Enter());
  if (req.path.rfind("/api/", 0) == 0) {
    ApiRequest request;
    request.method = req.method;
    request.path = req.path;
    for (const auto& [k, v] : req.params) request.query.emplace(k, v);
    request.body = req.body;
    request.client = req.remote_addr;
    ApiReply reply = router_->Dispatch(context_, request, req.get_header_value("Cookie"),
                                       req.get_header_value("X-CSRF-Token"));
    if (request.session) user = request.session->user.username;
    res.status = reply.status;
    for (const auto& [k, v] : reply.headers) res.set_header(k, v);
    res.set_header("Cache-Control", "no-store");
    if (!reply.raw_type.empty()) {
      res.set_content(reply.raw, reply.raw_type);
    } else {
      res.set_content(reply.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                      "application/json; charset=utf-8");
    }
  } else if (req.method == "GET") {
    ServeFile(req.path, &res);
  } else {
    res.status = 405;
    res.set_header("Allow", "GET");
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  options_.logger->info(R"({{"method":"{}","path":"{}","status":{},"ms":{:.2f},"user":"{}"}})",
                        req.method, req.path, res.status, ms, user);
}

void Server::ServeFile(const std::string& path, void* raw_response) const {
  auto& res = *static_cast<httplib::Response*>(raw_response);
  namespace fs = std::filesystem;
  const fs::path root = options_.web_dir;
  if (options_.web_dir.empty() || !fs::is_directory(root)) {
    res.status = 404;
    res.set_content("An Sinh: the web app is not built (web/dist); the API is under /api/v1/\n",
                    "text/plain; charset=utf-8");
    return;
  }
  // No "..": a path never leaves the web folder.
  const bool safe = path.find("..") == std::string::npos && path.find('\\') == std::string::npos;
  if (safe && path != "/") {
    const fs::path file = root / fs::path(path.substr(1));
    if (auto body = ReadWholeFile(file)) {
      res.set_content(*body, ContentTypeOf(file));
      return;
    }
  }
  // The single-page app routes its own paths: anything else gets index.html.
  if (auto index = ReadWholeFile(root / "index.html")) {
    res.set_header("Cache-Control", "no-cache");
    res.set_content(*index, "text/html; charset=utf-8");
    return;
  }
  res.status = 404;
}

}  // namespace ansinh::server
