// Signed-in sessions and the login rate limiter: objects the server owns, kept in memory (a
// restart signs everybody out; nothing about a session is worth a write per request).
//
// SessionStore keeps a session under the digest of its token (password.h), never the token, with
// the user it belongs to, its CSRF token, and two expiries: idle (no request for `idle_seconds`)
// and absolute (`absolute_seconds` after sign-in, however busy). Time comes from the Clock passed
// in, so tests expire sessions without sleeping.
// LoginLimiter counts failed sign-ins per username and address in a sliding window; once
// `max_failures` are in the window, further attempts are refused until the oldest leaves it.
// Thread safety: both are safe to call from the server's worker threads (one mutex each).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.h"

namespace ansinh::server {

struct SessionUser {
  std::int64_t id = 0;
  std::string username;
  std::string role;
  std::string unit_code;  // the root of what the user may see
};

struct Session {
  SessionUser user;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen = 0;
};

struct SessionLimits {
  std::int64_t idle_seconds = 30 * 60;
  std::int64_t absolute_seconds = 12 * 60 * 60;
};

class SessionStore {
 public:
  SessionStore(const Clock& clock, SessionLimits limits) : clock_(clock), limits_(limits) {}

  struct Created {
    std::string token;  // for the cookie; not kept
    std::string csrf_token;
  };
  Created Create(const SessionUser& user);
  // The live session of `token`, its idle timer restarted; nullopt when unknown or expired (an
  // expired session is removed).
  std::optional<Session> Find(const std::string& token);
  void Remove(const std::string& token);
  // Ends every session of a user (after a password change).
  void RemoveUser(std::int64_t user_id);
  std::size_t size() const;

 private:
  const Clock& clock_;
  const SessionLimits limits_;
  mutable std::mutex mu_;
  std::map<std::string, Session> by_digest_;  // guarded by mu_
};

struct LoginLimits {
  int max_failures = 5;
  std::int64_t window_seconds = 15 * 60;
};

class LoginLimiter {
 public:
  LoginLimiter(const Clock& clock, LoginLimits limits) : clock_(clock), limits_(limits) {}
  // Seconds to wait before `key` may try again; 0 when it may now.
  std::int64_t RetryAfter(const std::string& key);
  void RecordFailure(const std::string& key);
  void RecordSuccess(const std::string& key);  // forgets the failures

 private:
  void Expire(std::deque<std::int64_t>& failures, std::int64_t now) const;
  const Clock& clock_;
  const LoginLimits limits_;
  std::mutex mu_;
  std::map<std::string, std::deque<std::int64_t>> failures_;  // guarded by mu_; times, oldest first
};

}  // namespace ansinh::server
