// AdmissionGate: never more requests computing than slots, and the waiting ones let in first
// come, first served.
#include "server/admission.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace ansinh::server {
namespace {

void WaitForGate(const std::function<bool()>& done) {
  for (int i = 0; i < 5000 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ASSERT_TRUE(done());
}

TEST(AdmissionGateTest, WaitersAreAdmittedInArrivalOrder) {
  AdmissionGate gate(1);
  std::optional<AdmissionGate::Pass> held(gate.Enter());
  std::mutex mu;
  std::vector<int> admitted;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      AdmissionGate::Pass pass = gate.Enter();
      std::lock_guard lock(mu);
      admitted.push_back(i);
    });
    WaitForGate([&] { return gate.waiting() == i + 1; });  // i is queued before i + 1 starts
  }
  {
    std::lock_guard lock(mu);
    EXPECT_TRUE(admitted.empty());  // nobody passes while the only slot is held
  }
  held.reset();
  for (auto& t : threads) t.join();
  EXPECT_EQ(admitted, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(gate.waiting(), 0);
}

TEST(AdmissionGateTest, NeverMoreComputingThanSlots) {
  AdmissionGate gate(2);
  std::atomic<int> inside{0}, most{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 20; ++k) {
        AdmissionGate::Pass pass = gate.Enter();
        const int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        --inside;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(most.load(), 2);
  EXPECT_EQ(inside.load(), 0);
}

}  // namespace
}  // namespace ansinh::server
