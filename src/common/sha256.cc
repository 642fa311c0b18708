#include "common/sha256.h"

#include <fstream>

#include <fmt/format.h>

namespace jbr {

Sha256::Sha256() {
  if (sodium_init() < 0) std::abort();  // only fails when the system has no entropy source at all
  crypto_hash_sha256_init(&state_);
}

void Sha256::Update(std::string_view data) {
  crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(data.data()),
                            data.size());
}

std::string Sha256::HexDigest() {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state_, out);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof(hex), out, sizeof(out));
  return hex;
}

Result<FileDigest> DigestFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(fmt::format("cannot open {}", path));
  Sha256 hash;
  std::string buf(1 << 20, '\0');
  FileDigest d;
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    std::streamsize n = in.gcount();
    if (n <= 0) break;
    hash.Update(std::string_view(buf.data(), static_cast<size_t>(n)));
    d.size += n;
  }
  if (in.bad()) return IoError(fmt::format("cannot read {}", path));
  d.sha256 = hash.HexDigest();
  return d;
}

}  // namespace jbr
