// jbr publish: the outputs of one reporting year, written from the latest stored compute run.
//
// It writes the report site (DIR/index.html, DIR/nl/, DIR/en/, DIR/assets/), open data
// (DIR/opendata/), the Excel table annex (DIR/annex/) and DIR/manifest.json with the SHA-256 and
// size of every other file. The same run published twice gives byte-identical files: nothing
// depends on the clock or on the order of rows in the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "indicators/core/indicator.h"
#include "publish/core/output_dir.h"
#include "schema/ministries.h"
#include "schema/schema.h"
#include "store/store.h"

namespace jbr::publish {

struct PublishOptions {
  int year = 0;
  std::string out_dir;
  // Where the narrative and page layout are looked up, in order (a workspace's templates/ first,
  // jbr's default templates last).
  std::vector<std::string> template_dirs;
  // The reference data of the workspace being published (Workspace::schemas, ::ministries): the
  // ICT datasets' columns and the ministries' names. They must outlive Publish.
  const SchemaRegistry* schemas = nullptr;
  const MinistryRegistry* ministries = nullptr;
  bool pdf = true;                // print the PDFs (needs Chromium); false: --no-pdf
  std::optional<int64_t> run_id;  // the compute run to publish; empty: the latest of the year
  // Restatements are found against releases with an id below this one only (a rebuilt release
  // sees what existed when it was made); empty: against every release.
  std::optional<int64_t> before_release;
  // The compute runs of the time series' earlier years (a release rebuilt); empty: the latest
  // run of each year.
  std::optional<std::vector<int64_t>> series_runs;
  // The intruder's audit (audit_gate.h) runs before anything is written, with these earlier
  // releases' directories beside the new open data; a failing audit writes nothing. Off only for
  // rebuilding a release that is already public.
  bool audit = true;
  std::vector<std::string> earlier_releases;
  Status Validate() const;  // a year, a directory, templates, schemas and ministries are given
};

struct PublishSummary {
  int64_t run_id = 0;
  std::vector<WrittenFile> files;    // every file written but the manifest, by path
  std::string manifest;              // manifest.json as written
  size_t restatements = 0;           // rows of opendata/restatements.csv
  std::vector<int64_t> series_runs;  // the runs of the series' years before last year
};

// Publishes compute run `options.run_id` (or the latest run) of `options.year` in `store`, with
// its restatements (restatements.h), checked against `registry` (the
// definitions jbr has now: AllDefinitions). Errors: usage when there is no run, the definitions
// changed since it, or the directory holds something other than an earlier publication; I/O when
// writing fails.
Result<PublishSummary> Publish(Store* store, const std::vector<IndicatorDef>& registry,
                               const PublishOptions& options);

// manifest.json: the run and every written file (path, bytes, sha256), sorted by path.
std::string ManifestJson(int year, int64_t run_id, const std::string& run_at,
                         const std::vector<WrittenFile>& files);

}  // namespace jbr::publish
