// UTF-16 to UTF-8, in pieces: Excel's "Unicode text" export (UTF-16LE with a BOM, tab-separated)
// and its big-endian twin are read by transcoding them before the CSV reader sees a byte.
//
// Invalid code units (a high surrogate without its low one, a lone low surrogate, an odd byte at
// the end) become U+FFFD and are reported with their byte offset in the file and their physical
// line (CR, LF and CRLF each end one, as the CSV reader counts). U+0000 is a valid character and
// passes through; the validator reports control characters in cells.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "common/result.h"

namespace jbr {

class Utf16Decoder {
 public:
  struct Invalid {
    uint64_t offset;  // byte offset of the code unit in the file
    int64_t line;     // 1-based physical line it is on
    std::string what;
  };

  // `offset`: where `Feed`'s first byte sits in the file (2 after a BOM).
  Utf16Decoder(bool big_endian, uint64_t offset) : big_endian_(big_endian), offset_(offset) {}

  // Appends the UTF-8 of `bytes` to *out; a code unit or surrogate pair split between calls is
  // completed by the next. Invalid units are appended to *invalid.
  void Feed(std::string_view bytes, std::string* out, std::vector<Invalid>* invalid);
  // The end of the input: a dangling byte or high surrogate is invalid.
  void Finish(std::string* out, std::vector<Invalid>* invalid);

 private:
  void Unit(uint16_t unit, std::string* out, std::vector<Invalid>* invalid);
  void Emit(uint32_t code_point, std::string* out);
  void Bad(uint64_t offset, std::string what, std::string* out, std::vector<Invalid>* invalid);

  bool big_endian_;
  uint64_t offset_;    // of the next byte fed
  int have_byte_ = 0;  // a first byte of a unit is waiting
  uint8_t byte_ = 0;
  uint16_t high_ = 0;  // a high surrogate waiting for its low one, or 0
  uint64_t high_offset_ = 0;
  int64_t line_ = 1;
  bool after_cr_ = false;
};

// Transcodes the UTF-16 file `fd` (which it closes), from byte `skip` on, to UTF-8 in a temporary
// file in $TMPDIR or /tmp (gone when closed), 1 MiB at a time. Invalid units become encoding-error
// findings (file `display_name`, row the physical line, the byte offset in the message; the first
// 100 listed, then one with the count). Returns the temporary file at offset 0, and the input's
// size in *file_bytes; an I/O failure (no finding) as a Status.
Result<int> TranscodeUtf16File(int fd, bool big_endian, size_t skip, const std::string& path,
                               const std::string& display_name, FindingSink* sink,
                               uint64_t* file_bytes);

// The same over bytes in memory, returning the UTF-8.
std::string TranscodeUtf16(std::string_view data, bool big_endian, size_t skip,
                           const std::string& display_name, FindingSink* sink);

}  // namespace jbr
