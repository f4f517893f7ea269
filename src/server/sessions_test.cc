#include "server/sessions.h"

#include <gtest/gtest.h>

#include "server/password.h"

namespace ansinh::server {
namespace {

TEST(PasswordTest, HashesWithArgon2idAndVerifies) {
  auto hash = HashPassword("correct horse", HashCost::kTestOnly);
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horsf"));
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse"));
  EXPECT_EQ(HashPassword("short", HashCost::kTestOnly).status().code(), ErrorCode::kInvalidArgument);
}

TEST(PasswordTest, TokensAreRandom256BitHexAndDigestsDiffer) {
  const std::string a = NewToken(), b = NewToken();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(TokenDigest(a).size(), 64u);
  EXPECT_NE(TokenDigest(a), a);
  EXPECT_EQ(TokenDigest(a), TokenDigest(a));
  EXPECT_TRUE(ConstantTimeEquals(a, a));
  EXPECT_FALSE(ConstantTimeEquals(a, b));
  EXPECT_FALSE(ConstantTimeEquals(a, ""));
}

TEST(SessionStoreTest, IdleAndAbsoluteExpiry) {
  FixedClock clock(1'700'000'000);
  SessionStore sessions(clock, {.idle_seconds = 600, .absolute_seconds = 3600});
  const auto created = sessions.Create({7, "xa1", "commune", "31846"});
  ASSERT_TRUE(sessions.Find(created.token));
  EXPECT_EQ(sessions.Find(created.token)->csrf_token, created.csrf_token);
  EXPECT_FALSE(sessions.Find(NewToken()));
  // Busy: a request every 9 minutes keeps it alive until the absolute limit.
  for (int i = 0; i < 6; ++i) {
    clock.Advance(540);
    EXPECT_TRUE(sessions.Find(created.token)) << i;
  }
  clock.Advance(540);  // 3780 s after sign-in
  EXPECT_FALSE(sessions.Find(created.token));
  EXPECT_EQ(sessions.size(), 0u);

  const auto idle = sessions.Create({7, "xa1", "commune", "31846"});
  clock.Advance(599);
  EXPECT_TRUE(sessions.Find(idle.token));
  clock.Advance(600);
  EXPECT_FALSE(sessions.Find(idle.token));
}

TEST(LoginLimiterTest, FiveFailuresInTheWindowWaitForTheOldestToLeave) {
  FixedClock clock(1'700'000'000);
  LoginLimiter limiter(clock, {.max_failures = 5, .window_seconds = 900});
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(limiter.RetryAfter("u|ip"), 0);
    limiter.RecordFailure("u|ip");
    clock.Advance(10);
  }
  EXPECT_EQ(limiter.RetryAfter("u|ip"), 900 - 50);
  EXPECT_EQ(limiter.RetryAfter("v|ip"), 0);  // another username is not blocked
  clock.Advance(850);
  EXPECT_EQ(limiter.RetryAfter("u|ip"), 0);
  limiter.RecordSuccess("u|ip");
  limiter.RecordFailure("u|ip");
  EXPECT_EQ(limiter.RetryAfter("u|ip"), 0);
}

}  // namespace
}  // namespace ansinh::server
