// The public open-data API: only what was released. Cells come from the compute run each stored
// release froze (the latest release of a year), in their published form (publish::Disclose): a
// suppressed or missing cell has its status and no value, numerator, denominator or change; a run
// that was never released is never read. JSON by default, CSV with ?format=csv or Accept:
// text/csv; every answer has an ETag (If-None-Match gives 304) and Cache-Control.
#pragma once

#include <string>

namespace jbr::portal {

// The OpenAPI 3.0 document of /api/v1, served at /api/v1/openapi.json.
std::string OpenApiDocument();

}  // namespace jbr::portal
