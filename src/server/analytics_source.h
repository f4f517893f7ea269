// Where the server's analytics come from: the application layer's session (app/analytics_session.h)
// over the server's own database, plus the resolution's targets (config/targets) — loaded once,
// in the server's background thread (server.h).
#pragma once

#include <string>

#include "core/clock.h"
#include "server/api.h"

namespace ansinh::server {

// A loader that opens `db`, computes every indicator of every survey year with `threads`
// threads (0: every core), and loads the targets of <home>/config/targets.
AnalyticsLoader MakeAnalyticsLoader(std::string db, std::string home, const Clock& clock,
                                    int threads);

}  // namespace ansinh::server
