// Releases: a year's latest compute run frozen as a numbered publication (YEAR-NUMBER), recorded
// in the store with the manifest of its files, and rebuilt later from that run byte for byte.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "indicators/core/indicator.h"
#include "publish/publish.h"
#include "store/store.h"

namespace jbr::publish {

struct ReleaseOptions {
  int year = 0;
  std::optional<int> number;  // empty: a new release; given: rebuild that release
  std::string out_dir;        // empty: releases_root/YEAR-NUMBER
  std::string releases_root;  // WORKSPACE/releases
  std::string created_at;     // ISO 8601 UTC, for a new release
  std::string actor;          // for the audit entry of a new release
  std::vector<std::string>
      template_dirs;  // as PublishOptions: the same templates give the same bytes
  bool pdf = true;    // as PublishOptions
  const SchemaRegistry* schemas = nullptr;       // as PublishOptions: the workspace's
  const MinistryRegistry* ministries = nullptr;  // as PublishOptions: the workspace's
  Status Validate() const;  // a year; an output directory or a root to put it under
};

struct ReleaseSummary {
  Release release;
  std::string out_dir;
  PublishSummary published;
};

// The default directory of release YEAR-NUMBER under `root`.
std::string ReleaseDir(const std::string& root, int year, int number);

// A new release of the latest compute run of `options.year`: publishes it (with its restatements
// against the releases made so far) into the directory, then records it as number n+1 with the
// manifest. Errors: usage when there is no run, the definitions changed since it (compute again),
// the directory holds something other than a publication, or another release was recorded
// meanwhile; the store's and I/O errors otherwise. A failure after writing leaves the files but no
// release.
Result<ReleaseSummary> MakeRelease(Store* store, const std::vector<IndicatorDef>& registry,
                                   const ReleaseOptions& options);

// Rebuilds release `*options.number` of `options.year` from its recorded run into the directory,
// seeing only the releases that existed when it was made. Errors: NotFound for an unknown release;
// internal when the manifest written differs from the one recorded (the release is not
// reproducible: the files are left for inspection); the errors of Publish.
Result<ReleaseSummary> RebuildRelease(Store* store, const std::vector<IndicatorDef>& registry,
                                      const ReleaseOptions& options);

}  // namespace jbr::publish
