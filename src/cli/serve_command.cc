// ansinh serve --db FILE [--listen 127.0.0.1:8080] [--web DIR]: the HTTP server (server/server.h)
// until SIGINT or SIGTERM, which stop it gracefully: no new connections, requests in flight
// answered, then exit 0.
#include <pthread.h>
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/cli.h"
#include "server/analytics_source.h"
#include "server/server.h"

namespace ansinh::cli {
namespace {

struct ServeOptions {
  std::string db = "ansinh.db";
  std::string listen = "127.0.0.1:8080";
  std::string web;
  int threads = 64;
  int analytics_threads = 0;
  int compute_slots = 0;
  int reload_check = 10;
};

Status RunServe(CliContext& ctx, const ServeOptions& o) {
  server::ServerOptions options;
  options.db = o.db;
  ANSINH_RETURN_IF_ERROR(server::ParseListen(o.listen, &options.host, &options.port));
  options.web_dir = o.web.empty() ? ctx.home + "/web/dist" : o.web;
  options.home = ctx.home;
  options.clock = ctx.clock;
  options.threads = o.threads;
  options.compute_slots = o.compute_slots;
  options.reload_check_ms = o.reload_check * 1000;
  options.analytics_loader =
      server::MakeAnalyticsLoader(o.db, ctx.home, *ctx.clock, o.analytics_threads);
  // The signals are blocked before any thread starts, so every thread inherits the mask and only
  // the watcher below receives them (sigwait), never a worker in the middle of a request.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  ANSINH_ASSIGN_OR_RETURN(auto srv, server::Server::Create(std::move(options)));
  ANSINH_RETURN_IF_ERROR(srv->Bind());
  *ctx.out << "An Sinh: http://" << o.listen.substr(0, o.listen.rfind(':')) << ":" << srv->port()
           << "/" << std::endl;
  std::thread watcher([&signals, &srv] {
    int received = 0;
    sigwait(&signals, &received);
    srv->Stop();
  });
  Status status = srv->Run();
  // Run also returns on a network error: wake the watcher so that it can be joined.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  *ctx.out << "An Sinh: đã dừng / stopped" << std::endl;
  return status;
}

}  // namespace

void RegisterServeCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* c = AddCommand(&app, ctx, o, "serve",
                           "Máy chủ web và API / the web app and the JSON API", &RunServe);
  c->add_option("--listen", o->listen, "Địa chỉ máy:cổng (cổng 0: tự chọn) / host:port (port 0: any free)")
      ->capture_default_str();
  c->add_option("--web", o->web, "Thư mục ứng dụng web / web app folder (default: <home>/web/dist)");
  c->add_option("--threads", o->threads, "Số luồng phục vụ / worker threads")->capture_default_str();
  c->add_option("--compute-slots", o->compute_slots,
                "Số yêu cầu được tính cùng lúc, các yêu cầu khác xếp hàng (0 = số lõi + 1) / requests "
                "computing at once, the others queue in arrival order (0 = cores + 1)")
      ->check(CLI::NonNegativeNumber);
  c->add_option("--reload-check", o->reload_check,
                "Mỗi bao nhiêu giây xem sổ nhật ký: dữ liệu đổi thì tính lại chỉ tiêu và danh sách "
                "hộ (0 = không) / seconds between looks at the audit log: when the registry "
                "changed, the analytics and the household list are recomputed (0 = never)")
      ->check(CLI::Range(0, 86400))
      ->capture_default_str();
  c->add_option("--analytics-threads", o->analytics_threads,
                "Số luồng tính chỉ tiêu khi khởi động (0 = tất cả) / threads for the start-up computation (0 = all)");
}

}  // namespace ansinh::cli
