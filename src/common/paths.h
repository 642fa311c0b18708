// Where jbr finds its own reference data (schemas, ministries, mappings) and templates when no one
// names others. Code below the CLI reads no environment: the CLI takes $JBR_DATA_DIR and
// $JBR_TEMPLATES_DIR and passes the directories down (Workspace::Open, PublishOptions, ...).
#pragma once

#include <string>

namespace jbr {

// The source tree's data/ (compiled in) when it is there, else ./data.
std::string DefaultDataDir();

// The default report narrative and page layout: the source tree's templates/ (compiled in) when it
// is there, else ./templates. A workspace may override any file of it.
std::string DefaultTemplatesDir();

}  // namespace jbr
