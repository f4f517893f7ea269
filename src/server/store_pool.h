// A fixed set of store connections for the server's worker threads: a Store is used by one thread
// at a time (store.h), so a request borrows one for its duration and gives it back. SQLite in WAL
// mode lets the readers run side by side.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "store/store.h"

namespace ansinh::server {

class StorePool {
 public:
  // Opens `size` connections to an existing database.
  static Result<std::unique_ptr<StorePool>> Open(const std::string& path, const Clock& clock,
                                                 int size);

  class Lease {
   public:
    Lease(StorePool* pool, store::Store* store) : pool_(pool), store_(store) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), store_(other.store_) {
      other.store_ = nullptr;
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (store_ != nullptr) pool_->Release(store_);
    }
    store::Store& operator*() const { return *store_; }
    store::Store* operator->() const { return store_; }

   private:
    StorePool* pool_;
    store::Store* store_;
  };

  // Waits until a connection is free.
  Lease Acquire();

 private:
  void Release(store::Store* store);
  std::vector<std::unique_ptr<store::Store>> all_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<store::Store*> free_;  // guarded by mu_
};

}  // namespace ansinh::server
