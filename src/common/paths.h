// Where jbr finds its reference data (schemas, ministries, mappings).
#pragma once

#include <string>

namespace jbr {

// $JBR_DATA_DIR when set, else the source tree's data/ (compiled in), else ./data.
std::string DataDir();

// The default report narrative and page layout: $JBR_TEMPLATES_DIR when set, else the source
// tree's templates/ (compiled in), else ./templates. A workspace may override any file of it.
std::string TemplatesDir();

}  // namespace jbr
