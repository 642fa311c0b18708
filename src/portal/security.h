// The portal's secrets, with libsodium: passwords hashed with Argon2id (crypto_pwhash), random
// session ids, CSRF tokens and API tokens, and their SHA-256 for the store (a token is 256 random
// bits, so a fast hash of it cannot be searched; a password can, hence Argon2id).
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace jbr::portal {

// Initialises libsodium; call before any other function here (idempotent, thread-safe).
Status InitSecurity();

// The Argon2id string of `password` (salt, parameters and hash in one, crypto_pwhash_str).
// Usage error for a password shorter than kMinPasswordLength or longer than 1024 bytes.
inline constexpr size_t kMinPasswordLength = 12;
Result<std::string> HashPassword(std::string_view password);
// True when `password` matches `hash`; false for any other hash, also a malformed one. Takes the
// same time for an unknown user when given DummyHash().
bool VerifyPassword(std::string_view password, const std::string& hash);
const std::string& DummyHash();

// `bytes` random bytes as URL-safe base64 without padding (a cookie value, a token).
std::string RandomToken(size_t bytes = 32);
// Lower-case hex SHA-256 of `secret`: what the store keeps of a session id or token.
std::string HashSecret(std::string_view secret);
// Compares in time independent of where they differ.
bool SecretEquals(std::string_view a, std::string_view b);

}  // namespace jbr::portal
