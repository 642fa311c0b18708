// Finding: one problem found in outside input, as data.
//
// Readers (src/ingest) and the validator (src/validate) report findings to a FindingSink; the CLI
// and the server render them. A finding never throws and never stops the caller by itself: the
// caller decides from the counts whether input is accepted.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace jbr {

enum class Severity { kError, kWarning };

inline const char* SeverityName(Severity s) { return s == Severity::kError ? "error" : "warning"; }

struct Finding {
  std::string code;  // fixed vocabulary, see docs/findings.md (e.g. "type-error")
  Severity severity = Severity::kError;
  std::string file;     // file name as given by the user
  std::string sheet;    // XLSX sheet name, empty for CSV
  int64_t row = 0;      // physical row (1-based, the header is row 1); 0 when about the whole file
  std::string column;   // column header as found in the file (or the schema name); may be empty
  std::string value;    // offending value (masked when it is personal data); may be empty
  std::string message;  // what is wrong
  std::string hint;     // how to fix it
};

// Receives findings. Implementations count every finding even when they keep only some.
class FindingSink {
 public:
  virtual ~FindingSink() = default;
  virtual void Add(Finding finding) = 0;
};

// Passes every finding on to `next`, counting the errors (a load or import decides by the count).
class CountingSink : public FindingSink {
 public:
  explicit CountingSink(FindingSink* next) : next_(next) {}
  void Add(Finding f) override {
    if (f.severity == Severity::kError) ++errors_;
    next_->Add(std::move(f));
  }
  int64_t errors() const { return errors_; }

 private:
  FindingSink* next_;
  int64_t errors_ = 0;
};

// Keeps the first `limit` findings and counts all of them per code and severity.
class CollectingSink : public FindingSink {
 public:
  explicit CollectingSink(size_t limit = SIZE_MAX) : limit_(limit) {}
  void Add(Finding finding) override;

  const std::vector<Finding>& findings() const { return findings_; }
  int64_t errors() const { return errors_; }
  int64_t warnings() const { return warnings_; }
  int64_t total() const { return errors_ + warnings_; }
  bool truncated() const { return static_cast<size_t>(total()) > findings_.size(); }
  // (code, severity) -> count, sorted by code.
  struct CodeCount {
    std::string code;
    Severity severity;
    int64_t count;
  };
  std::vector<CodeCount> counts() const;

 private:
  size_t limit_;
  std::vector<Finding> findings_;
  std::vector<CodeCount> counts_;
  int64_t errors_ = 0;
  int64_t warnings_ = 0;
};

}  // namespace jbr
