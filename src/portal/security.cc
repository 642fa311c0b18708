#include "portal/security.h"

#include <sodium.h>

#include <fmt/format.h>

#include "common/sha256.h"

namespace jbr::portal {

Status InitSecurity() {
  if (sodium_init() < 0) return InternalError("libsodium could not be initialised");
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    return UsageError(fmt::format("a password needs at least {} characters", kMinPasswordLength));
  }
  if (password.size() > 1024) return UsageError("a password may have at most 1024 characters");
  char out[crypto_pwhash_STRBYTES];
  // The interactive limits (64 MiB, 2 passes): a login takes a fraction of a second.
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return InternalError("out of memory hashing a password");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  if (hash.rfind("$argon2id$", 0) != 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& DummyHash() {
  static const std::string hash = [] {
    auto h = HashPassword("no user has this password");
    return h.ok() ? *h : std::string();
  }();
  return hash;
}

std::string RandomToken(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string HashSecret(std::string_view secret) {
  Sha256 h;
  h.Update(secret);
  return h.HexDigest();
}

bool SecretEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace jbr::portal
