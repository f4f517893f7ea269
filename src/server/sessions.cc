#include "server/sessions.h"

#include <algorithm>

#include "server/password.h"

namespace ansinh::server {

SessionStore::Created SessionStore::Create(const SessionUser& user) {
  Created created{NewToken(), NewToken()};
  const std::int64_t now = clock_.NowUnixSeconds();
  std::lock_guard lock(mu_);
  by_digest_[TokenDigest(created.token)] = Session{user, created.csrf_token, now, now};
  return created;
}

std::optional<Session> SessionStore::Find(const std::string& token) {
  if (token.empty()) return std::nullopt;
  const std::string digest = TokenDigest(token);
  const std::int64_t now = clock_.NowUnixSeconds();
  std::lock_guard lock(mu_);
  auto it = by_digest_.find(digest);
  if (it == by_digest_.end()) return std::nullopt;
  Session& s = it->second;
  if (now - s.last_seen >= limits_.idle_seconds || now - s.created_at >= limits_.absolute_seconds) {
    by_digest_.erase(it);
    return std::nullopt;
  }
  s.last_seen = now;
  return s;
}

void SessionStore::Remove(const std::string& token) {
  const std::string digest = TokenDigest(token);
  std::lock_guard lock(mu_);
  by_digest_.erase(digest);
}

void SessionStore::RemoveUser(std::int64_t user_id) {
  std::lock_guard lock(mu_);
  std::erase_if(by_digest_, [user_id](const auto& entry) { return entry.second.user.id == user_id; });
}

std::size_t SessionStore::size() const {
  std::lock_guard lock(mu_);
  return by_digest_.size();
}

void LoginLimiter::Expire(std::deque<std::int64_t>& failures, std::int64_t now) const {
  while (!failures.empty() && now - failures.front() >= limits_.window_seconds) {
    failures.pop_front();
  }
}

std::int64_t LoginLimiter::RetryAfter(const std::string& key) {
  const std::int64_t now = clock_.NowUnixSeconds();
  std::lock_guard lock(mu_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  Expire(it->second, now);
  if (static_cast<int>(it->second.size()) < limits_.max_failures) return 0;
  // Allowed again when enough failures have left the window to be under the limit.
  const std::size_t oldest_to_leave = it->second.size() - static_cast<std::size_t>(limits_.max_failures);
  return std::max<std::int64_t>(1, it->second[oldest_to_leave] + limits_.window_seconds - now);
}

void LoginLimiter::RecordFailure(const std::string& key) {
  const std::int64_t now = clock_.NowUnixSeconds();
  std::lock_guard lock(mu_);
  auto& failures = failures_[key];
  Expire(failures, now);
  failures.push_back(now);
}

void LoginLimiter::RecordSuccess(const std::string& key) {
  std::lock_guard lock(mu_);
  failures_.erase(key);
}

}  // namespace ansinh::server
