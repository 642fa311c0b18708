// Open data: the run's figures and definitions as CSV (UTF-8, comma, point decimals) and JSON, a
// Frictionless Data Package describing them, and the dataset metadata data.overheid.nl asks for
// (DCAT-AP-NL). Everything is a pure function of the Publication: the same run, the same bytes.
#pragma once

#include <string>

#include "common/result.h"
#include "publish/core/output_dir.h"
#include "publish/core/publication.h"

namespace jbr::publish {

inline constexpr const char* kOpenDataDir = "opendata";

// indicators.json: the run (id, year, definition version, factor vintage, modified) and its values.
std::string IndicatorsJson(const Publication& pub);
// datapackage.json: a tabular data package with a resource and Table Schema per CSV (with its size
// and SHA-256), and indicators.json as a plain resource.
std::string DataPackageJson(const Publication& pub);
// metadata.json: title, description, identifier, publisher, licence (CC0), language, theme,
// temporal coverage, modification date (the run's day) and the distributions.
std::string MetadataJson(const Publication& pub);

// Writes the six files under DIR/opendata/ (restatements.csv always, with a header only when
// nothing was restated).
Status WriteOpenData(const Publication& pub, OutputDir* out);

}  // namespace jbr::publish
