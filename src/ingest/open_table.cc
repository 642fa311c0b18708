#include "ingest/open_table.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

namespace jbr {
namespace {

// Enough for any magic number and the OLE2 header.
constexpr size_t kHeadBytes = 512;

Result<std::string> ReadHead(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return IoError(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  std::string head(kHeadBytes, '\0');
  size_t got = 0;
  while (got < head.size()) {
    const ssize_t n = pread(fd, head.data() + got, head.size() - got, static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      const int read_errno = errno;
      close(fd);
      return IoError(fmt::format("cannot read {}: {}", path, std::strerror(read_errno)));
    }
    if (n == 0) {
      break;
    }
    got += static_cast<size_t>(n);
  }
  close(fd);
  head.resize(got);
  return head;
}

std::string Utf16Le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

enum class Ole2Content { kWorkbook, kEncrypted, kOther };

// Reads the first directory sector of an OLE2 compound file ([MS-CFB] 2.2: its number at offset
// 0x30, the sector size 1 << (uint16 at 0x1E)) and tells by the stream names what it holds: an
// Excel workbook ("Workbook", or "Book" before Excel 97), an encrypted OOXML file
// ("EncryptedPackage"), or something else (a Word document, say).
Ole2Content ReadOle2Directory(const std::string& path, std::string_view head) {
  if (head.size() < 0x34) {
    return Ole2Content::kOther;
  }
  const auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<uint8_t>(head[i])); };
  const uint32_t shift = byte(0x1E) | (byte(0x1F) << 8);
  const uint32_t sector = byte(0x30) | (byte(0x31) << 8) | (byte(0x32) << 16) | (byte(0x33) << 24);
  if ((shift != 9 && shift != 12) || sector >= 0xFFFFFFFAu) {
    return Ole2Content::kOther;
  }
  const size_t size = size_t{1} << shift;
  std::string dir(size, '\0');
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Ole2Content::kOther;
  }
  const ssize_t n =
      pread(fd, dir.data(), size, static_cast<off_t>((uint64_t{sector} + 1) << shift));
  close(fd);
  dir.resize(n > 0 ? static_cast<size_t>(n) : 0);
  for (size_t entry = 0; entry + 128 <= dir.size(); entry += 128) {
    const size_t name_bytes = static_cast<uint8_t>(dir[entry + 64]);  // with the closing NUL
    if (name_bytes < 2 || name_bytes > 64) {
      continue;
    }
    const std::string_view name(dir.data() + entry, name_bytes - 2);
    if (name == Utf16Le("EncryptedPackage")) {
      return Ole2Content::kEncrypted;
    }
    if (name == Utf16Le("Workbook") || name == Utf16Le("Book")) {
      return Ole2Content::kWorkbook;
    }
  }
  return Ole2Content::kOther;
}

void ReportOldFormat(Ole2Content content, const std::string& display_name, FindingSink* sink) {
  Finding f;
  f.code = "old-excel-format";
  f.severity = Severity::kError;
  f.file = display_name;
  if (content == Ole2Content::kOther) {
    f.message = "the file is an old Microsoft Office document (OLE2), not a workbook jbr reads";
    f.hint =
        "deliver the data as Excel Workbook (.xlsx), OpenDocument Spreadsheet (.ods) or CSV "
        "UTF-8";
  } else if (content == Ole2Content::kEncrypted) {
    f.message = "the file is a password-protected Excel workbook; jbr cannot read encrypted files";
    f.hint =
        "open it in Excel, remove the password (File > Info > Protect Workbook), and save it "
        "again as an Excel Workbook (.xlsx)";
  } else {
    f.message =
        "the file is an old binary Excel workbook (.xls, Excel 97-2003 or older), which "
        "jbr does not read";
    f.hint =
        "open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx), "
        "OpenDocument Spreadsheet (.ods) or CSV UTF-8";
  }
  sink->Add(std::move(f));
}

}  // namespace

Magic SniffMagic(std::string_view head) {
  if (head.starts_with(std::string_view("PK\x03\x04", 4))) {
    return Magic::kZip;
  }
  if (head.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) {
    return Magic::kOle2;
  }
  // Excel 2-4 wrote a bare BIFF stream: a BOF record (0x0009, 0x0209, 0x0409 or 0x0809) whose
  // length is 4 to 16 and whose document type is a worksheet or workbook. Text never starts so.
  if (head.size() >= 8 && head[0] == '\x09' &&
      (head[1] == '\x00' || head[1] == '\x02' || head[1] == '\x04' || head[1] == '\x08') &&
      head[3] == '\0' && head[2] >= 4 && head[2] <= 16) {
    return Magic::kBiff;
  }
  return Magic::kOther;
}

Result<std::unique_ptr<RowSource>> OpenTable(const std::string& path,
                                             const std::string& display_name,
                                             const TableOptions& options, FindingSink* sink) {
  JBR_ASSIGN_OR_RETURN(std::string head, ReadHead(path));
  switch (SniffMagic(head)) {
    case Magic::kZip: {
      // By content, since people rename files: .ods saved as .xlsx is still ODS.
      std::string mimetype;
      if (SniffZipKind(path, &mimetype) != ZipKind::kOther) {
        return OpenOds(path, display_name, options.xlsx, sink);
      }
      return OpenXlsx(path, display_name, options.xlsx, sink);
    }
    case Magic::kOle2:
    case Magic::kBiff: {
      const Ole2Content content =
          SniffMagic(head) == Magic::kBiff ? Ole2Content::kWorkbook : ReadOle2Directory(path, head);
      ReportOldFormat(content, display_name, sink);
      return InvalidInput(fmt::format("{}: not a format jbr reads", display_name));
    }
    case Magic::kOther:
      break;
  }
  return OpenCsv(path, display_name, options.csv, sink);
}

}  // namespace jbr
