#include "common/finding.h"

#include <algorithm>

namespace jbr {

void CollectingSink::Add(Finding finding) {
  (finding.severity == Severity::kError ? errors_ : warnings_)++;
  auto it = std::find_if(counts_.begin(), counts_.end(), [&](const CodeCount& c) {
    return c.code == finding.code && c.severity == finding.severity;
  });
  if (it == counts_.end()) {
    counts_.push_back({finding.code, finding.severity, 1});
  } else {
    it->count++;
  }
  if (findings_.size() < limit_) findings_.push_back(std::move(finding));
}

std::vector<CollectingSink::CodeCount> CollectingSink::counts() const {
  auto out = counts_;
  std::sort(out.begin(), out.end(), [](const CodeCount& a, const CodeCount& b) {
    return a.code != b.code ? a.code < b.code : a.severity < b.severity;
  });
  return out;
}

}  // namespace jbr
