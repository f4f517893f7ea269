#include "app/analytics_session.h"

#include <algorithm>
#include <thread>
#include <utility>

#include "app/snapshot_loader.h"
#include "rules/thread_pool.h"

namespace ansinh::app {

Result<std::unique_ptr<AnalyticsSession>> OpenAnalytics(store::Store& db,
                                                        const SessionOptions& options) {
  auto session = std::make_unique<AnalyticsSession>();
  ANSINH_ASSIGN_OR_RETURN(session->registry, rules::StandardRegistry::Create(options.home));
  if (options.standard.empty()) {
    ANSINH_ASSIGN_OR_RETURN(
        analytics::StandardCalendar calendar,
        analytics::StandardCalendar::National(*session->registry,
                                              options.home + "/config/review-standards.toml"));
    session->calendar = std::make_unique<analytics::StandardCalendar>(std::move(calendar));
  } else {
    ANSINH_ASSIGN_OR_RETURN(const rules::Standard* standard,
                            session->registry->Resolve(options.standard));
    session->calendar = std::make_unique<analytics::StandardCalendar>(
        analytics::StandardCalendar::Fixed(standard));
  }
  ANSINH_ASSIGN_OR_RETURN(analytics::IndicatorSet set,
                          analytics::IndicatorSet::LoadDir(options.home + "/config/indicators",
                                                           session->registry->catalogue()));
  session->indicators = std::make_unique<analytics::IndicatorSet>(std::move(set));
  const int threads = options.threads > 0
                          ? options.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  SnapshotRequest load;
  load.last_year = options.last_year;
  load.threads = threads;
  load.on_year = options.on_year;
  ANSINH_ASSIGN_OR_RETURN(session->snapshot,
                          LoadSnapshot(db, session->registry->catalogue(), load));
  ANSINH_ASSIGN_OR_RETURN(AdminUnit province, db.units().Province());
  session->province_code = province.code;
  rules::ThreadPool pool(threads);
  analytics::ComputeOptions compute;
  compute.pool = &pool;
  compute.province = std::stoi(province.code);
  ANSINH_ASSIGN_OR_RETURN(analytics::IndicatorResults results,
                          analytics::ComputeIndicators(*session->snapshot, *session->indicators,
                                                       *session->calendar, compute));
  session->results.emplace(std::move(results));
  return session;
}

}  // namespace ansinh::app
