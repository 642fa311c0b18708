#include "ingest/csv_reader.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "common/parse.h"
#include "ingest/utf16.h"

namespace jbr {
namespace {

constexpr size_t kSniffBytes = 1 << 20;
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr const char* kEncodingHint = "save the file as UTF-8, or pass --encoding windows-1252";

// ---------------------------------------------------------------------------------------------
// Encodings.

enum class Utf8Step { kOk, kBad, kCut };

// Length of the UTF-8 sequence at s[0..n) and whether it is well-formed (Unicode Table 3-7: no
// overlongs, no surrogates, nothing past U+10FFFF). For a bad sequence the length is that of its
// maximal well-formed prefix (at least 1), so that each such prefix becomes one U+FFFD, the
// practice the Unicode Standard recommends. kCut: a well-formed prefix that n cuts short.
size_t StepUtf8(const unsigned char* s, size_t n, Utf8Step* step) {
  *step = Utf8Step::kOk;
  const unsigned char c = s[0];
  if (c < 0x80) {
    return 1;
  }
  size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    lo = c == 0xE0 ? 0xA0 : 0x80;
    hi = c == 0xED ? 0x9F : 0xBF;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    lo = c == 0xF0 ? 0x90 : 0x80;
    hi = c == 0xF4 ? 0x8F : 0xBF;
  } else {
    *step = Utf8Step::kBad;
    return 1;
  }
  for (size_t i = 1; i < len; ++i) {
    if (i >= n) {
      *step = Utf8Step::kCut;
      return i;
    }
    const bool ok = i == 1 ? s[i] >= lo && s[i] <= hi : (s[i] & 0xC0) == 0x80;
    if (!ok) {
      *step = Utf8Step::kBad;
      return i;
    }
  }
  return len;
}

// Offset of the first ill-formed sequence, or npos. With `cut_ok`, a sequence cut short by the
// end of `s` counts as well-formed (the rest of it lies beyond a window).
size_t FirstBadUtf8(std::string_view s, bool cut_ok) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    uint64_t word;
    if (i + 8 <= s.size() && (std::memcpy(&word, p + i, 8), (word & 0x8080808080808080ull) == 0)) {
      i += 8;  // eight ASCII bytes at once: most text is mostly ASCII
      continue;
    }
    Utf8Step step;
    const size_t len = StepUtf8(p + i, s.size() - i, &step);
    if (step == Utf8Step::kBad || (step == Utf8Step::kCut && !cut_ok)) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void DecodeUtf8Lossy(std::string_view in, std::string* out) {
  out->clear();
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  for (size_t i = 0; i < in.size();) {
    Utf8Step step;
    const size_t len = StepUtf8(p + i, in.size() - i, &step);
    if (step == Utf8Step::kOk) {
      out->append(in.data() + i, len);
    } else {
      AppendUtf8(0xFFFD, out);
    }
    i += len;
  }
}

// Windows-1252 0x80-0x9F. The five bytes the code page leaves undefined (81, 8D, 8F, 90, 9D) map
// to the C1 control with the same number, as the WHATWG Encoding Standard (and so every browser)
// decodes them: lossless, and never an error. 0xA0-0xFF are Latin-1 and map to themselves.
constexpr std::array<uint16_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void Cp1252ToUtf8(std::string_view in, std::string* out) {
  out->clear();
  for (char ch : in) {
    const auto c = static_cast<unsigned char>(ch);
    AppendUtf8(c >= 0x80 && c < 0xA0 ? kCp1252High[c - 0x80] : c, out);
  }
}

// ---------------------------------------------------------------------------------------------
// What can be told from the first bytes.

struct Dialect {
  Encoding encoding = Encoding::kUtf8;
  bool bom = false;
  size_t skip = 0;  // bytes before the first record (a BOM)
  char delimiter = ',';
};

// Counts candidate delimiters on the first line that has any, outside quotes: a title line above
// the header ("Personeel 2020") has none and says nothing. Looks at most 20 lines down.
char SniffDelimiter(std::string_view head) {
  size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  int lines = 0;
  for (char c : head) {
    if (c == '"') {
      quoted = !quoted;  // a doubled quote toggles twice: no net change
    }
    if (quoted) {
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (comma + semicolon + tab > 0 || ++lines >= 20) {
        break;
      }
      continue;
    }
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (semicolon > comma && semicolon > tab) {
    return ';';
  }
  if (tab > comma && tab > semicolon) {
    return '\t';
  }
  return ',';
}

// `head`: the first bytes of the file; `complete`: whether that is all of it.
Dialect SniffDialect(std::string_view head, bool complete, const CsvOptions& options) {
  Dialect d;
  d.bom = head.substr(0, 3) == kBom;
  if (d.bom) {
    head.remove_prefix(3);
    d.skip = kBom.size();
  }
  if (options.encoding) {
    d.encoding = *options.encoding;
  } else if (!d.bom && FirstBadUtf8(head, !complete) != std::string_view::npos) {
    d.encoding = Encoding::kWindows1252;
  }
  d.delimiter = options.delimiter ? *options.delimiter : SniffDelimiter(head);
  return d;
}

// ---------------------------------------------------------------------------------------------
// The scanning loop: finds the next byte that ends a run of field text.

// Up to four bytes that stop a scan (repeat one to use fewer).
class StopSet {
 public:
  StopSet(char a, char b, char c, char d) {
    for (char x : {a, b, c, d}) {
      table_[static_cast<uint8_t>(x)] = true;
    }
#if defined(__SSE2__)
    splat_[0] = _mm_set1_epi8(a);
    splat_[1] = _mm_set1_epi8(b);
    splat_[2] = _mm_set1_epi8(c);
    splat_[3] = _mm_set1_epi8(d);
#endif
  }

  // The first stop byte in [p, end), or end. ORs the bytes passed over into *high, whose bit 7 then
  // tells whether the text needs decoding; that keeps a second pass off all-ASCII fields.
  const char* Find(const char* p, const char* end, unsigned* high) const {
#if defined(__SSE2__)
    // Sixteen bytes per step; fields are short, so the first step usually finds the stop.
    for (; end - p >= 16; p += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i hit =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, splat_[0]), _mm_cmpeq_epi8(v, splat_[1])),
                       _mm_or_si128(_mm_cmpeq_epi8(v, splat_[2]), _mm_cmpeq_epi8(v, splat_[3])));
      const auto stops = static_cast<unsigned>(_mm_movemask_epi8(hit));
      const auto highs = static_cast<unsigned>(_mm_movemask_epi8(v));
      if (stops != 0) {
        const int i = __builtin_ctz(stops);
        *high |= (highs & ((1u << i) - 1)) != 0 ? 0x80 : 0;
        return p + i;
      }
      *high |= highs != 0 ? 0x80 : 0;
    }
#endif
    for (; p < end; ++p) {
      const auto c = static_cast<uint8_t>(*p);
      if (table_[c]) {
        return p;
      }
      *high |= c;
    }
    return end;
  }

 private:
  std::array<bool, 256> table_{};
#if defined(__SSE2__)
  __m128i splat_[4];
#endif
};

// ---------------------------------------------------------------------------------------------
// Bytes in windows of at most `chunk` bytes, from memory (no copy) or from a file descriptor.

class ByteInput {
 public:
  // Reads `data` when `fd` is negative, else the file `fd` (which it then owns).
  ByteInput(std::string_view data, int fd, size_t chunk) : fd_(fd), chunk_(chunk), data_(data) {
    if (fd_ >= 0) {
      buffer_ = std::make_unique_for_overwrite<char[]>(chunk);
    }
  }
  ByteInput(const ByteInput&) = delete;
  ByteInput& operator=(const ByteInput&) = delete;
  ~ByteInput() {
    if (fd_ >= 0) {
      close(fd_);
    }
  }

  // Moves to the next window once the current one is used up. False at the end or on an error.
  bool Refill() {
    window_offset_ += static_cast<uint64_t>(end - window_);
    if (fd_ < 0) {
      const size_t n =
          std::min(chunk_, data_.size() - std::min<size_t>(window_offset_, data_.size()));
      window_ = p = data_.data() + std::min<size_t>(window_offset_, data_.size());
      end = p + n;
      return n > 0;
    }
    ssize_t n;
    do {
      n = read(fd_, buffer_.get(), chunk_);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      status_ = IoError(fmt::format("cannot read: {}", std::strerror(errno)));
    }
    window_ = p = buffer_.get();
    end = p + (n > 0 ? n : 0);
    return n > 0;
  }
  void Seek(uint64_t offset) {
    // Within the current window of a file, go back without a system call (also spares pipes).
    const auto window_size = static_cast<uint64_t>(end - window_);
    if (fd_ >= 0 && offset >= window_offset_ && offset - window_offset_ <= window_size) {
      p = window_ + (offset - window_offset_);
      return;
    }
    window_offset_ = offset;
    p = end = window_ = data_.data();
    if (fd_ >= 0 && lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0) {
      status_ = IoError(fmt::format("cannot seek: {}", std::strerror(errno)));
    }
  }
  uint64_t offset() const { return window_offset_ + static_cast<uint64_t>(p - window_); }
  const Status& status() const { return status_; }

  const char* p = nullptr;    // next byte
  const char* end = nullptr;  // end of the window

 private:
  int fd_ = -1;
  size_t chunk_ = 0;
  std::string_view data_;
  std::unique_ptr<char[]> buffer_;
  const char* window_ = nullptr;
  uint64_t window_offset_ = 0;
  Status status_;
};

// ---------------------------------------------------------------------------------------------
// The reader.

class CsvSource : public RowSource {
 public:
  // `owned`: the bytes to read when the source must hold them (UTF-16 in memory, transcoded);
  // `file_bytes` and `read_bytes`: the sizes of the file and of what is read, when they differ (a
  // transcoded file), so that bytes_read() counts the file's bytes.
  CsvSource(std::string_view data, int fd, const Dialect& dialect, const std::string& display_name,
            const CsvOptions& options, FindingSink* sink,
            std::unique_ptr<std::string> owned = nullptr, uint64_t file_bytes = 0,
            uint64_t read_bytes = 0)
      : owned_(std::move(owned)),
        file_bytes_(file_bytes),
        read_bytes_(read_bytes),
        in_(owned_ ? std::string_view(*owned_) : data, fd, options.buffer_bytes),
        options_(options),
        sink_(sink),
        display_name_(display_name),
        plain_stops_(dialect.delimiter, '"', '\r', '\n'),
        quoted_stops_('"', '"', '\r', '\n') {
    info_.format = "csv";
    info_.encoding = dialect.encoding;
    info_.bom = dialect.bom;
    info_.delimiter = dialect.delimiter;
    in_.Seek(dialect.skip);
  }

  // Reads the header. Returns kInvalidInput (with an empty-file finding) when there is none.
  Status ReadHeader();

  const RawRow& header() const override { return header_; }
  void UseHeader(const RawRow& header) override { header_ = header; }
  Result<bool> Next(RawRow* row) override;
  const SourceInfo& info() const override { return info_; }
  uint64_t bytes_read() const override {
    if (read_bytes_ == 0) {
      return in_.offset();
    }
    // In proportion; exact at the end, so that progress against the file size ends at 100%.
    if (in_.offset() >= read_bytes_) {
      return file_bytes_;
    }
    return static_cast<uint64_t>(static_cast<long double>(in_.offset()) * file_bytes_ /
                                 read_bytes_);
  }

 private:
  enum class State { kFieldStart, kPlain, kQuoted, kQuotedQuote };

  bool ParseRecord(RawRow* row);
  bool StartRecord();
  State ScanPlain(RawRow* row, bool* end_of_record);
  State ScanQuoted();
  // The three below run for every field: fast paths here, the rare cases out of line.
  void Append(const char* s, size_t n) {
    if (n <= options_.max_field_bytes - field_->size()) {
      field_->append(s, n);
    } else {
      AppendTruncated(s);
    }
  }
  void BeginField(RawRow* row) {
    truncated_ = false;
    high_ = 0;
    if (cells_ < row->cells.size() && cells_ < options_.max_columns) {
      field_ = &row->cells[cells_];  // reused: its capacity carries over from the last row
      field_->clear();
      ++cells_;
    } else {
      BeginNewField(row);
    }
  }
  void EndField() {
    if (field_ == &dropped_) {
      return;
    }
    if (truncated_) {
      EndTruncatedField();
    }
    if (high_ & 0x80) {
      Decode(field_, row_number_, cells_ - 1);
    }
  }
  void AppendTruncated(const char* s);
  void BeginNewField(RawRow* row);
  void EndTruncatedField();
  void FinishRow(RawRow* row);
  void Decode(std::string* cell, int64_t row, size_t column);
  Result<bool> NonBlankAhead();
  std::string ColumnName(size_t column) const;
  void Report(const char* code, int64_t row, std::string column, std::string message,
              std::string hint);

  std::unique_ptr<std::string> owned_;
  uint64_t file_bytes_;
  uint64_t read_bytes_;
  ByteInput in_;
  CsvOptions options_;
  FindingSink* sink_;
  std::string display_name_;
  SourceInfo info_;
  RawRow header_;
  bool reading_header_ = false;
  StopSet plain_stops_;   // bytes that end a run of unquoted field text
  StopSet quoted_stops_;  // bytes that end a run of quoted field text

  int64_t line_ = 1;        // physical line of the next byte
  bool skip_lf_ = false;    // a record ended with CR: a following LF belongs to it
  bool quoted_cr_ = false;  // inside quotes, the previous byte was CR
  int64_t row_number_ = 0;
  size_t cells_ = 0;  // cells begun in the current record, dropped ones included
  std::string* field_ = nullptr;
  bool truncated_ = false;
  unsigned high_ = 0;         // bit 7 set: the field has a non-ASCII byte
  bool row_flagged_ = false;  // the current record gave a finding: never skip it as blank
  uint64_t record_offset_ = 0;

  bool quiet_ = false;           // looking ahead: findings come again when the rows are read
  int64_t nonblank_ahead_ = -1;  // offset of a record known to be non-blank, or -1
  RawRow probe_;
  std::string dropped_;  // receives cells past max_columns
  std::string scratch_;  // decoding
};

Status CsvSource::ReadHeader() {
  reading_header_ = true;
  const bool got = ParseRecord(&header_);
  reading_header_ = false;
  JBR_RETURN_IF_ERROR(in_.status());
  bool empty = !got;
  if (got && header_.IsBlank() && !row_flagged_) {
    JBR_ASSIGN_OR_RETURN(bool more, NonBlankAhead());
    empty = !more;
  }
  if (empty) {
    Report("empty-file", 0, "", "the file has no rows: not even a header",
           "send the file with a header row and the data rows");
    return InvalidInput(fmt::format("{}: empty file", display_name_));
  }
  for (std::string& cell : header_.cells) {
    const std::string_view t = Trim(cell);
    const size_t begin = static_cast<size_t>(t.data() - cell.data());
    cell.erase(begin + t.size());
    cell.erase(0, begin);
  }
  return Status::Ok();
}

Result<bool> CsvSource::Next(RawRow* row) {
  const bool got = ParseRecord(row);
  JBR_RETURN_IF_ERROR(in_.status());
  if (!got) {
    return false;
  }
  if (row_flagged_ || static_cast<int64_t>(in_.offset()) <= nonblank_ahead_ || !row->IsBlank()) {
    return true;
  }
  return NonBlankAhead();
}

// A blank row is returned only when a non-blank one follows: blank rows at the end of a file are
// no rows. Reads ahead quietly and, if something follows, goes back, so memory stays bounded
// however many blank lines there are; nonblank_ahead_ keeps the look-ahead linear overall.
Result<bool> CsvSource::NonBlankAhead() {
  const uint64_t offset = in_.offset();
  const int64_t line = line_;
  const bool skip_lf = skip_lf_;
  quiet_ = true;
  bool found = false;
  while (!found && ParseRecord(&probe_)) {
    found = row_flagged_ || !probe_.IsBlank();
  }
  quiet_ = false;
  JBR_RETURN_IF_ERROR(in_.status());
  if (!found) {
    return false;
  }
  nonblank_ahead_ = static_cast<int64_t>(record_offset_);
  in_.Seek(offset);
  line_ = line;
  skip_lf_ = skip_lf;
  JBR_RETURN_IF_ERROR(in_.status());
  return true;
}

// Positions at the first byte of a record. False at the end of the input.
bool CsvSource::StartRecord() {
  if (in_.p == in_.end && !in_.Refill()) {
    return false;
  }
  if (skip_lf_) {
    skip_lf_ = false;
    if (*in_.p == '\n') {
      ++in_.p;
    }
    if (in_.p == in_.end && !in_.Refill()) {
      return false;
    }
  }
  record_offset_ = in_.offset();
  return true;
}

bool CsvSource::ParseRecord(RawRow* row) {
  if (!StartRecord()) {
    return false;
  }
  row->row_number = row_number_ = line_;
  row->blank_run = 1;
  cells_ = 0;
  row_flagged_ = false;
  BeginField(row);
  State state = State::kFieldStart;
  bool end_of_record = false;
  while (!end_of_record) {
    if (in_.p == in_.end && !in_.Refill()) {
      if (state == State::kQuoted) {
        Report("malformed-row", row_number_, ColumnName(cells_ - 1),
               "a quoted field that starts in this row is never closed: the file ends inside it",
               "check that the file is complete and that every opening quote has a closing one");
      }
      break;
    }
    switch (state) {
      case State::kQuoted:
        state = ScanQuoted();
        break;
      case State::kQuotedQuote:  // a doubled quote is a quote; any other byte ends the quoting
        if (*in_.p == '"') {
          Append(in_.p++, 1);
          state = State::kQuoted;
        } else {
          state = State::kPlain;
        }
        break;
      case State::kFieldStart:
        if (*in_.p == '"') {
          ++in_.p;
          quoted_cr_ = false;
          state = State::kQuoted;
          break;
        }
        [[fallthrough]];
      case State::kPlain:
        state = ScanPlain(row, &end_of_record);
        break;
    }
  }
  EndField();
  FinishRow(row);
  return true;
}

// Unquoted text up to a line end, field after field while they are unquoted (the common case,
// kept in one loop); a quote inside unquoted text is an ordinary character.
CsvSource::State CsvSource::ScanPlain(RawRow* row, bool* end_of_record) {
  const char* p = in_.p;
  const char* const end = in_.end;
  for (;;) {
    const char* q = plain_stops_.Find(p, end, &high_);
    Append(p, static_cast<size_t>(q - p));
    if (q == end) {
      in_.p = q;
      return State::kPlain;
    }
    const char c = *q;
    p = q + 1;
    if (c == '"') {
      Append(q, 1);
      continue;
    }
    if (c != info_.delimiter) {
      in_.p = p;
      ++line_;
      skip_lf_ = c == '\r';
      *end_of_record = true;
      return State::kPlain;
    }
    EndField();
    BeginField(row);
    if (p == end || *p == '"') {
      in_.p = p;
      return State::kFieldStart;
    }
  }
}

// Quoted text up to the next quote, counting the physical lines it spans (CR, LF or CRLF each one).
CsvSource::State CsvSource::ScanQuoted() {
  const char* q = quoted_stops_.Find(in_.p, in_.end, &high_);
  if (q > in_.p) {
    Append(in_.p, static_cast<size_t>(q - in_.p));
    quoted_cr_ = false;
  }
  in_.p = q;
  if (q == in_.end) {
    return State::kQuoted;
  }
  const char c = *in_.p++;
  if (c == '"') {
    return State::kQuotedQuote;
  }
  if (c == '\r' || !quoted_cr_) {
    ++line_;
  }
  quoted_cr_ = c == '\r';
  Append(&c, 1);
  return State::kQuoted;
}

void CsvSource::AppendTruncated(const char* s) {
  field_->append(s, options_.max_field_bytes - field_->size());
  truncated_ = true;
}

void CsvSource::BeginNewField(RawRow* row) {
  if (cells_ >= options_.max_columns) {
    field_ = &dropped_;
  } else {
    row->cells.emplace_back();
    field_ = &row->cells.back();
  }
  field_->clear();
  ++cells_;
}

void CsvSource::EndTruncatedField() {
  Report("field-too-long", row_number_, ColumnName(cells_ - 1),
         fmt::format("the field is longer than {} bytes; only the start is read",
                     options_.max_field_bytes),
         "check the quotes: a field this long usually means a quote was opened but not closed");
  if (info_.encoding == Encoding::kWindows1252) {
    return;
  }
  // Do not let the cut split a character and pass for an encoding error.
  const auto* p = reinterpret_cast<const unsigned char*>(field_->data());
  const size_t n = field_->size();
  for (size_t back = 1; back <= std::min<size_t>(3, n); ++back) {
    if ((p[n - back] & 0xC0) == 0x80) {
      continue;
    }
    Utf8Step step;
    StepUtf8(p + n - back, back, &step);
    if (step == Utf8Step::kCut) {
      field_->resize(n - back);
    }
    break;
  }
}

void CsvSource::FinishRow(RawRow* row) {
  const size_t kept = std::min(cells_, options_.max_columns);
  row->cells.resize(kept);
  row->kinds.assign(kept, CellKind::kText);
  if (cells_ > kept) {
    Report("too-many-columns", row_number_, ColumnName(kept),
           fmt::format("the row has {} cells; only the first {} are read", cells_, kept),
           "check the delimiter and the quotes of this row");
  }
}

void CsvSource::Decode(std::string* cell, int64_t row, size_t column) {
  if (info_.encoding == Encoding::kWindows1252) {
    Cp1252ToUtf8(*cell, &scratch_);
    cell->swap(scratch_);
    return;
  }
  const size_t bad = FirstBadUtf8(*cell, false);
  if (bad == std::string_view::npos) {
    return;
  }
  const auto byte = static_cast<unsigned char>((*cell)[bad]);
  DecodeUtf8Lossy(*cell, &scratch_);
  cell->swap(scratch_);
  Report("encoding-error", row, ColumnName(column),
         fmt::format("the cell is not valid UTF-8 (byte 0x{:02X} at byte {} of the cell); the "
                     "invalid bytes were replaced by U+FFFD",
                     byte, bad + 1),
         kEncodingHint);
}

std::string CsvSource::ColumnName(size_t column) const {
  if (!reading_header_ && column < header_.cells.size() && !header_.cells[column].empty()) {
    return header_.cells[column];
  }
  return fmt::format("column {}", column + 1);
}

void CsvSource::Report(const char* code, int64_t row, std::string column, std::string message,
                       std::string hint) {
  row_flagged_ = true;
  if (quiet_ || sink_ == nullptr) {
    return;
  }
  Finding f;
  f.code = code;
  f.severity = Severity::kError;
  f.file = display_name_;
  f.row = row;
  f.column = std::move(column);
  f.message = std::move(message);
  f.hint = std::move(hint);
  sink_->Add(std::move(f));
}

Result<std::unique_ptr<RowSource>> Start(std::unique_ptr<CsvSource> source) {
  JBR_RETURN_IF_ERROR(source->ReadHeader());
  return std::unique_ptr<RowSource>(std::move(source));
}

// Reads up to kSniffBytes from the start of `fd` without moving its offset.
Result<std::string> ReadHead(int fd, const std::string& path) {
  std::string head(kSniffBytes, '\0');
  size_t got = 0;
  while (got < head.size()) {
    const ssize_t n = pread(fd, head.data() + got, head.size() - got, static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return IoError(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
    }
    if (n == 0) {
      break;
    }
    got += static_cast<size_t>(n);
  }
  head.resize(got);
  return head;
}

// ---------------------------------------------------------------------------------------------
// UTF-16: transcoded to UTF-8 before the reader sees it (to a temporary file, or in memory for a
// buffer), so that the scanning loop stays byte-oriented.

// The UTF-16 encoding of `head` by its BOM, or the one stated; nullopt for neither.
std::optional<Encoding> Utf16Of(std::string_view head, const CsvOptions& options) {
  if (head.starts_with("\xFF\xFE")) {
    return Encoding::kUtf16Le;
  }
  if (head.starts_with("\xFE\xFF")) {
    return Encoding::kUtf16Be;
  }
  if (options.encoding == Encoding::kUtf16Le || options.encoding == Encoding::kUtf16Be) {
    return options.encoding;
  }
  return std::nullopt;
}

bool HasUtf16Bom(std::string_view head) {
  return head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF");
}

// The dialect of transcoded text: UTF-8 underneath, reported as the UTF-16 it was.
Dialect TranscodedDialect(std::string_view utf8_head, bool complete, Encoding encoding, bool bom,
                          const CsvOptions& options) {
  CsvOptions utf8 = options;
  utf8.encoding = Encoding::kUtf8;
  Dialect d = SniffDialect(utf8_head, complete, utf8);
  d.encoding = encoding;
  d.bom = bom;
  return d;
}

Result<std::unique_ptr<RowSource>> OpenUtf16File(int fd, std::string_view head, Encoding encoding,
                                                 const std::string& path,
                                                 const std::string& display_name,
                                                 const CsvOptions& options, FindingSink* sink) {
  const bool bom = HasUtf16Bom(head);
  uint64_t file_bytes = 0;
  JBR_ASSIGN_OR_RETURN(int temp, TranscodeUtf16File(fd, encoding == Encoding::kUtf16Be, bom ? 2 : 0,
                                                    path, display_name, sink, &file_bytes));
  auto utf8_head = ReadHead(temp, "a temporary file");
  if (!utf8_head.ok()) {
    close(temp);
    return utf8_head.status();
  }
  const off_t utf8_bytes = lseek(temp, 0, SEEK_END);
  lseek(temp, 0, SEEK_SET);
  const Dialect dialect =
      TranscodedDialect(*utf8_head, utf8_head->size() < kSniffBytes, encoding, bom, options);
  return Start(std::make_unique<CsvSource>(std::string_view(), temp, dialect, display_name, options,
                                           sink, nullptr, file_bytes,
                                           utf8_bytes > 0 ? static_cast<uint64_t>(utf8_bytes) : 0));
}

Result<std::unique_ptr<RowSource>> OpenUtf16Buffer(std::string_view data, Encoding encoding,
                                                   const std::string& display_name,
                                                   const CsvOptions& options, FindingSink* sink) {
  const bool bom = HasUtf16Bom(data);
  auto text = std::make_unique<std::string>(
      TranscodeUtf16(data, encoding == Encoding::kUtf16Be, bom ? 2 : 0, display_name, sink));
  const Dialect dialect = TranscodedDialect(std::string_view(*text).substr(0, kSniffBytes),
                                            text->size() <= kSniffBytes, encoding, bom, options);
  const uint64_t read_bytes = text->size();
  return Start(std::make_unique<CsvSource>(std::string_view(), -1, dialect, display_name, options,
                                           sink, std::move(text), data.size(), read_bytes));
}

}  // namespace

Status CsvOptions::Validate() const {
  if (delimiter) {
    const auto d = static_cast<unsigned char>(*delimiter);
    if (d == 0 || d >= 0x80 || d == '"' || d == '\r' || d == '\n') {
      return UsageError(
          "the CSV delimiter must be an ASCII character other than a quote or newline");
    }
  }
  if (max_field_bytes == 0) {
    return UsageError("max_field_bytes must be at least 1");
  }
  if (max_columns == 0) {
    return UsageError("max_columns must be at least 1");
  }
  if (buffer_bytes == 0) {
    return UsageError("buffer_bytes must be at least 1");
  }
  return Status::Ok();
}

Result<std::unique_ptr<RowSource>> OpenCsv(const std::string& path, const std::string& display_name,
                                           const CsvOptions& options, FindingSink* sink) {
  JBR_RETURN_IF_ERROR(options.Validate());
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return IoError(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  auto head = ReadHead(fd, path);
  if (!head.ok()) {
    close(fd);
    return head.status();
  }
  if (const auto utf16 = Utf16Of(*head, options)) {
    return OpenUtf16File(fd, *head, *utf16, path, display_name, options, sink);
  }
  const Dialect dialect = SniffDialect(*head, head->size() < kSniffBytes, options);
  return Start(
      std::make_unique<CsvSource>(std::string_view(), fd, dialect, display_name, options, sink));
}

Result<std::unique_ptr<RowSource>> OpenCsvBuffer(std::string_view data,
                                                 const std::string& display_name,
                                                 const CsvOptions& options, FindingSink* sink) {
  JBR_RETURN_IF_ERROR(options.Validate());
  if (const auto utf16 = Utf16Of(data, options)) {
    return OpenUtf16Buffer(data, *utf16, display_name, options, sink);
  }
  const Dialect dialect =
      SniffDialect(data.substr(0, kSniffBytes), data.size() <= kSniffBytes, options);
  return Start(std::make_unique<CsvSource>(data, -1, dialect, display_name, options, sink));
}

}  // namespace jbr
