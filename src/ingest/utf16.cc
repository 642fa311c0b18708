#include "ingest/utf16.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace jbr {
namespace {

constexpr size_t kChunkBytes = 1 << 20;
constexpr size_t kMaxInvalidUnitsListed = 100;

class InvalidUnitReporter {
 public:
  InvalidUnitReporter(const std::string& display_name, FindingSink* sink)
      : display_name_(display_name), sink_(sink) {}

  void Take(std::vector<Utf16Decoder::Invalid>* invalid) {
    for (Utf16Decoder::Invalid& bad : *invalid) {
      if (++count_ > kMaxInvalidUnitsListed) {
        continue;
      }
      Add(bad.line, fmt::format("the file is damaged at byte offset {}: {}; it was read as the "
                                "replacement character U+FFFD",
                                bad.offset, bad.what));
    }
    invalid->clear();
  }

  void Finish() {
    if (count_ > kMaxInvalidUnitsListed) {
      Add(0, fmt::format("the file is damaged at {} more places after the first {}",
                         count_ - kMaxInvalidUnitsListed, kMaxInvalidUnitsListed));
    }
  }

 private:
  void Add(int64_t line, std::string message) {
    if (sink_ == nullptr) {
      return;
    }
    Finding f;
    f.code = "encoding-error";
    f.severity = Severity::kError;
    f.file = display_name_;
    f.row = line;
    f.message = std::move(message);
    f.hint =
        "the file is UTF-16 text (as Excel saves \"Unicode text\"), but not all of it: save "
        "it again from the program that made it, as Unicode text or as CSV UTF-8";
    sink_->Add(std::move(f));
  }

  const std::string& display_name_;
  FindingSink* sink_;
  uint64_t count_ = 0;
};

// A file that is gone when closed, in the system's temporary directory (std::filesystem's, as for
// every temporary file of jbr): O_TMPFILE where the file system has it.
Result<int> OpenTemporary() {
  std::error_code ec;
  const std::string folder = std::filesystem::temp_directory_path(ec).string();
  if (ec) return IoError(fmt::format("no temporary directory: {}", ec.message()));
  int fd = open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) {
    return fd;
  }
  std::string name = folder + "/jbr-utf16-XXXXXX";
  fd = mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) {
    return IoError(
        fmt::format("cannot create a temporary file in {}: {}", folder, std::strerror(errno)));
  }
  unlink(name.c_str());
  return fd;
}

Status WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return IoError(fmt::format("cannot write a temporary file: {}", std::strerror(errno)));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

}  // namespace

Result<int> TranscodeUtf16File(int fd, bool big_endian, size_t skip, const std::string& path,
                               const std::string& display_name, FindingSink* sink,
                               uint64_t* file_bytes) {
  InvalidUnitReporter unit_reporter(display_name, sink);
  InvalidUnitReporter* reporter = &unit_reporter;
  auto temp = OpenTemporary();
  if (!temp.ok()) {
    close(fd);
    return temp.status();
  }
  Utf16Decoder decoder(big_endian, skip);
  std::vector<Utf16Decoder::Invalid> invalid;
  std::string in(kChunkBytes, '\0');
  std::string out;
  uint64_t offset = skip;
  Status status;
  for (;;) {
    const ssize_t n = pread(fd, in.data(), in.size(), static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      status = IoError(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
      break;
    }
    out.clear();
    if (n == 0) {
      decoder.Finish(&out, &invalid);
    } else {
      decoder.Feed(std::string_view(in.data(), static_cast<size_t>(n)), &out, &invalid);
      offset += static_cast<uint64_t>(n);
    }
    reporter->Take(&invalid);
    status = WriteAll(*temp, out);
    if (!status.ok() || n == 0) {
      break;
    }
  }
  close(fd);
  if (status.ok() && lseek(*temp, 0, SEEK_SET) < 0) {
    status = IoError(fmt::format("cannot seek a temporary file: {}", std::strerror(errno)));
  }
  if (!status.ok()) {
    close(*temp);
    return status;
  }
  reporter->Finish();
  *file_bytes = offset;
  return *temp;
}

std::string TranscodeUtf16(std::string_view data, bool big_endian, size_t skip,
                           const std::string& display_name, FindingSink* sink) {
  InvalidUnitReporter reporter(display_name, sink);
  Utf16Decoder decoder(big_endian, skip);
  std::vector<Utf16Decoder::Invalid> invalid;
  std::string text;
  decoder.Feed(data.substr(std::min(skip, data.size())), &text, &invalid);
  decoder.Finish(&text, &invalid);
  reporter.Take(&invalid);
  reporter.Finish();
  return text;
}

void Utf16Decoder::Feed(std::string_view bytes, std::string* out, std::vector<Invalid>* invalid) {
  for (char c : bytes) {
    const auto b = static_cast<uint8_t>(c);
    ++offset_;
    if (have_byte_ == 0) {
      byte_ = b;
      have_byte_ = 1;
      continue;
    }
    have_byte_ = 0;
    const uint16_t unit =
        big_endian_ ? static_cast<uint16_t>(byte_ << 8 | b) : static_cast<uint16_t>(b << 8 | byte_);
    Unit(unit, out, invalid);
  }
}

void Utf16Decoder::Unit(uint16_t unit, std::string* out, std::vector<Invalid>* invalid) {
  const uint64_t at = offset_ - 2;
  if (high_ != 0) {
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      Emit(0x10000 + ((uint32_t{high_} - 0xD800) << 10) + (unit - 0xDC00), out);
      high_ = 0;
      return;
    }
    Bad(high_offset_,
        fmt::format("half a character, a high surrogate 0x{:04X} without the low surrogate that "
                    "must follow it",
                    high_),
        out, invalid);
    high_ = 0;
  }
  if (unit >= 0xD800 && unit <= 0xDBFF) {
    high_ = unit;
    high_offset_ = at;
    return;
  }
  if (unit >= 0xDC00 && unit <= 0xDFFF) {
    return Bad(at,
               fmt::format("half a character, a low surrogate 0x{:04X} without the high surrogate "
                           "that must come before it",
                           unit),
               out, invalid);
  }
  Emit(unit, out);
}

void Utf16Decoder::Finish(std::string* out, std::vector<Invalid>* invalid) {
  if (high_ != 0) {
    Bad(high_offset_,
        fmt::format("the file ends in half a character, a high surrogate 0x{:04X}: it was cut off",
                    high_),
        out, invalid);
    high_ = 0;
  }
  if (have_byte_ != 0) {
    Bad(offset_ - 1, "the file ends in a single byte where UTF-16 needs two: it was cut off", out,
        invalid);
    have_byte_ = 0;
  }
}

void Utf16Decoder::Emit(uint32_t cp, std::string* out) {
  if (cp == '\n') {
    line_ += after_cr_ ? 0 : 1;
  } else if (cp == '\r') {
    ++line_;
  }
  after_cr_ = cp == '\r';
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void Utf16Decoder::Bad(uint64_t offset, std::string what, std::string* out,
                       std::vector<Invalid>* invalid) {
  invalid->push_back({offset, line_, std::move(what)});
  Emit(0xFFFD, out);
}

}  // namespace jbr
