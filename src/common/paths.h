// Where jbr finds its reference data (schemas, ministries, mappings).
#pragma once

#include <string>

namespace jbr {

// $JBR_DATA_DIR when set, else the source tree's data/ (compiled in), else ./data.
std::string DataDir();

}  // namespace jbr
