// Passwords and tokens, on libsodium: argon2id password hashes (crypto_pwhash_str), random
// 256-bit session tokens and their BLAKE2b digests (crypto_generichash), which is what the
// server keeps — a stolen session table opens no session.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ansinh::server {

// The argon2id cost. kInteractive is libsodium's INTERACTIVE limits (64 MiB, 2 passes), for
// accounts; kTestOnly the library's minimum, so that tests hash in microseconds.
enum class HashCost { kInteractive, kTestOnly };

// The argon2id hash string ("$argon2id$v=19$m=...") of `password`. kInvalidArgument for an empty
// password or one under 8 bytes; kInternal when libsodium cannot allocate the memory.
Result<std::string> HashPassword(std::string_view password, HashCost cost);

// True when `password` matches `hash`; false for a malformed hash.
bool VerifyPassword(std::string_view hash, std::string_view password);

// A fresh random token: 32 bytes as 64 lowercase hex digits.
std::string NewToken();

// The hex BLAKE2b-256 digest of a token, the key under which a session is kept.
std::string TokenDigest(std::string_view token);

// Compares two strings in time independent of where they differ (CSRF tokens).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace ansinh::server
