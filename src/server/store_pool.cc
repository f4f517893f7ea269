#include "server/store_pool.h"

namespace ansinh::server {

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& path, const Clock& clock,
                                                   int size) {
  auto pool = std::unique_ptr<StorePool>(new StorePool());
  store::OpenOptions options;
  options.create_if_missing = false;
  for (int i = 0; i < size; ++i) {
    ANSINH_ASSIGN_OR_RETURN(auto store, store::Store::Open(path, clock, options));
    pool->free_.push_back(store.get());
    pool->all_.push_back(std::move(store));
  }
  return pool;
}

StorePool::Lease StorePool::Acquire() {
  std::unique_lock lock(mu_);
  freed_.wait(lock, [this] { return !free_.empty(); });
  store::Store* store = free_.back();
  free_.pop_back();
  return Lease(this, store);
}

void StorePool::Release(store::Store* store) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(store);
  }
  freed_.notify_one();
}

}  // namespace ansinh::server
