#include "server/analytics_source.h"

#include "app/analytics_session.h"

namespace ansinh::server {
namespace {

// What AnalyticsData points into, kept alive together.
struct Loaded {
  std::unique_ptr<app::AnalyticsSession> session;
  std::unique_ptr<analytics::TargetSet> targets;
};

}  // namespace

AnalyticsLoader MakeAnalyticsLoader(std::string db, std::string home, const Clock& clock,
                                    int threads) {
  return [db = std::move(db), home = std::move(home), &clock,
          threads]() -> Result<std::shared_ptr<const AnalyticsData>> {
    store::OpenOptions open;
    open.create_if_missing = false;
    ANSINH_ASSIGN_OR_RETURN(auto store, store::Store::Open(db, clock, open));
    auto loaded = std::make_shared<Loaded>();
    app::SessionOptions options;
    options.home = home;
    options.threads = threads;
    ANSINH_ASSIGN_OR_RETURN(loaded->session, app::OpenAnalytics(*store, options));
    ANSINH_ASSIGN_OR_RETURN(analytics::TargetSet targets,
                            analytics::TargetSet::LoadDir(home + "/config/targets",
                                                          *loaded->session->indicators));
    loaded->targets = std::make_unique<analytics::TargetSet>(std::move(targets));
    auto data = std::make_shared<AnalyticsData>();
    data->session = loaded->session.get();
    data->indicators = loaded->session->indicators.get();
    data->snapshot = loaded->session->snapshot.get();
    data->results = &*loaded->session->results;
    data->targets = loaded->targets.get();
    for (const auto& s : loaded->session->registry->standards()) data->standards.push_back(s.get());
    for (const auto& y : loaded->session->snapshot->years()) data->years.push_back(y.year);
    data->owner = std::move(loaded);
    return std::shared_ptr<const AnalyticsData>(std::move(data));
  };
}

}  // namespace ansinh::server
