// The server's front door: `ansinh serve` — the JSON API under /api/v1/ (api.h, docs/api.md) and
// the built web app's files, over one database, on cpp-httplib.
//
// Owns: the HTTP listener and its worker threads, the store connections (StorePool), the unit
// tree, the sessions and the login limiter (sessions.h), the analytics loaded once in a
// background thread (the health check says ready:false and analytics endpoints answer 503 until
// it is done), the households' in-memory index (built in another background thread, or by the
// first household list that needs it), both reloaded when the audit log shows the registry
// changed (reload_check_ms), the request log (spdlog: method, path, status, latency, user).
// Must stay true: every /api/ request except health and login needs a live session, and every
// object an answer shows lies in the signed-in user's area (router.h).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "server/admission.h"
#include "server/api.h"
#include "server/household_index.h"

namespace spdlog {
class logger;
}
namespace httplib {
class Server;
}

namespace ansinh::server {

struct ServerOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;        // 0: any free port (tests)
  std::string web_dir;    // the built web app; empty or missing: API only
  std::string home;       // data/ and config/
  const Clock* clock = nullptr;
  HashCost hash_cost = HashCost::kInteractive;
  SessionLimits session_limits;
  LoginLimits login_limits;
  // Worker threads: cpp-httplib serves one connection per thread for its keep-alive, so a
  // thread per expected open connection (a browser opens about 6; wrk 64) keeps requests from
  // queueing behind idle connections. Store connections: at most 8 (server.cc).
  int threads = 64;
  // Requests computing at once (admission.h); the others wait in arrival order. 0: cores + 1.
  int compute_slots = 0;
  AnalyticsLoader analytics_loader;  // empty: analytics endpoints answer 503
  // How often the audit log is asked whether the registry changed since the analytics and the
  // household index were read; a change reloads both in the background (the old ones answer
  // meanwhile). 0: never — they are the registry as it was at start.
  int reload_check_ms = 10000;
  std::shared_ptr<spdlog::logger> logger;  // null: a logger on stderr
};

// "127.0.0.1:8080" → host and port; kInvalidArgument naming --listen otherwise.
Status ParseListen(const std::string& text, std::string* host, int* port);

class Server {
 public:
  // Opens the database and reads the unit tree; binds nothing yet.
  static Result<std::unique_ptr<Server>> Create(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address (the port chosen when options.port is 0) and starts loading analytics.
  Status Bind();
  int port() const { return port_; }
  // Serves until Stop(); returns when the listener has closed and requests in flight are done.
  Status Run();
  // Asks Run to return; safe from any thread.
  void Stop();
  bool ready() const { return context_.analytics->Get() != nullptr; }
  // Waits for the analytics to load (tests); false when loading failed.
  bool WaitUntilReady();

  const std::vector<Route>& routes() const;

 private:
  explicit Server(ServerOptions options);
  void Handle(const void* request, void* response);  // httplib types, kept out of this header
  void ServeFile(const std::string& path, void* response) const;
  // The registry watch (reload_check_ms): from audit entry `seen` on, once the first load is done.
  void WatchRegistry(std::int64_t seen);
  void Reload();

  ServerOptions options_;
  ServerContext context_;
  std::unique_ptr<StorePool> stores_;
  std::unique_ptr<UnitDirectory> units_;
  std::unique_ptr<SessionStore> sessions_;
  std::unique_ptr<LoginLimiter> login_limiter_;
  std::unique_ptr<AnalyticsHolder> analytics_;
  std::unique_ptr<HouseholdIndexHolder> households_;
  std::unique_ptr<class Router> router_;
  std::unique_ptr<httplib::Server> http_;
  std::unique_ptr<AdmissionGate> gate_;
  std::thread loader_;
  std::thread warmer_;  // builds the household list's index at start (household_index.h)
  std::thread watcher_;  // WatchRegistry
  std::mutex watch_mu_;
  std::condition_variable watch_cv_;
  bool stopping_ = false;            // guarded by watch_mu_
  bool first_load_done_ = false;     // guarded by watch_mu_
  Status load_status_;
  int port_ = 0;
  int listen_socket_ = -1;  // the bound socket, kept to widen its backlog (server.cc, Bind)
};

}  // namespace ansinh::server
