// A small fixed pool of worker threads for data-parallel loops over household ranges.
//
// Owns: its threads (started in the constructor, joined in the destructor) and one job at a time.
// Must stay true: ParallelFor returns only when every task has run; tasks are claimed from an
// atomic counter, so which thread runs a task varies but the set of tasks does not — a caller
// whose tasks write disjoint outputs gets the same result for any number of threads. The pool is
// passed in by whoever owns the work (no global pool). One ParallelFor at a time per pool.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ansinh::rules {

class ThreadPool {
 public:
  // `threads` workers in all, counting the caller of ParallelFor (1: no extra thread).
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int threads() const { return static_cast<int>(workers_.size()) + 1; }

  // Runs task(i, worker) for i in [0, tasks), on the workers and the calling thread; `worker`
  // is in [0, threads()) and is the same for tasks run one after the other on one thread (for
  // per-thread scratch space).
  void ParallelFor(std::size_t tasks, const std::function<void(std::size_t, int)>& task);

 private:
  void Work(int worker);
  void Drain(int worker);

  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable wake_;  // guarded by mu_: a new job or stop
  std::condition_variable done_;  // guarded by mu_: a worker finished its part of the job
  // The current job; set under mu_ before the generation changes.
  const std::function<void(std::size_t, int)>* task_ = nullptr;
  std::size_t tasks_ = 0;
  std::atomic<std::size_t> next_{0};
  std::size_t generation_ = 0;  // guarded by mu_
  int busy_ = 0;                // guarded by mu_: workers still in the current job
  bool stop_ = false;           // guarded by mu_
};

}  // namespace ansinh::rules
