// How many requests compute at once, and in which order the others wait.
//
// Owns: a count of requests computing, and the queue of those waiting, first come first served.
// Why: cpp-httplib serves each open connection on a thread of its own; on 2 cores, 64 threads
// computing at once preempt each other mid-request, and a 0.4 ms search waited behind all of them
// (p99 130 ms in the handler, bench/api-bench). Admitted requests run with the cores to
// themselves; the others sleep in arrival order instead of competing for the CPU.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace ansinh::server {

class AdmissionGate {
 public:
  explicit AdmissionGate(int slots) : slots_(slots < 1 ? 1 : slots) {}
  AdmissionGate(const AdmissionGate&) = delete;
  AdmissionGate& operator=(const AdmissionGate&) = delete;

  // Held while a request computes; its end admits the longest waiting request.
  class Pass {
   public:
    explicit Pass(AdmissionGate* gate) : gate_(gate) {}
    Pass(Pass&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;
    Pass& operator=(Pass&&) = delete;
    ~Pass() {
      if (gate_ != nullptr) gate_->Leave();
    }

   private:
    AdmissionGate* gate_;
  };

  // Waits, behind every request that arrived earlier, for a free slot.
  Pass Enter() {
    std::unique_lock lock(mu_);
    if (computing_ < slots_ && waiting_.empty()) {
      ++computing_;
      return Pass(this);
    }
    Waiter me;
    waiting_.push_back(&me);
    me.admitted.wait(lock, [&] { return me.let_in; });
    return Pass(this);  // the slot was handed over by Leave
  }

  int slots() const { return slots_; }
  int waiting() const {
    std::lock_guard lock(mu_);
    return static_cast<int>(waiting_.size());
  }

 private:
  struct Waiter {
    std::condition_variable admitted;
    bool let_in = false;
  };

  void Leave() {
    std::lock_guard lock(mu_);
    if (waiting_.empty()) {
      --computing_;
      return;
    }
    Waiter* next = waiting_.front();
    waiting_.pop_front();
    next->let_in = true;
    next->admitted.notify_one();
  }

  const int slots_;
  mutable std::mutex mu_;
  int computing_ = 0;              // guarded by mu_
  std::deque<Waiter*> waiting_;    // guarded by mu_; each lives on its waiting thread's stack
};

}  // namespace ansinh::server
