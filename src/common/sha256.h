// SHA-256 (libsodium), streaming, with hex output.
#pragma once

#include <sodium.h>

#include <string>
#include <string_view>

#include "common/result.h"

namespace jbr {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  std::string HexDigest();  // finishes the hash; call once

 private:
  crypto_hash_sha256_state state_;
};

// Hash and size of a file, read in pieces.
struct FileDigest {
  std::string sha256;
  int64_t size = 0;
};
Result<FileDigest> DigestFile(const std::string& path);

}  // namespace jbr
