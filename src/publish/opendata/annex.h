// The Excel table annex (libxlsxwriter): a notes sheet first (sources, symbols, definition
// version, factor vintage, the deliveries used, the sheets), then one sheet per indicator with the
// ministries and the Rijk as rows. A suppressed cell is "." with a cell note, as in every output.
// The workbook's creation time is the run's, so the same run gives the same bytes.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "publish/core/output_dir.h"
#include "publish/core/publication.h"

namespace jbr::publish {

inline constexpr const char* kNotesSheet = "Toelichting";
inline constexpr const char* kSuppressedSymbol = ".";
inline constexpr const char* kMissingSymbol =
    "n.g.";  // niet geleverd: the ministry did not deliver

// Sheet names for indicator ids, in the same order: at most 31 characters, none of []:*?/\,
// unique ignoring case (as Excel compares them), never the notes sheet's name.
std::vector<std::string> SheetNames(const std::vector<std::string>& ids);

// "annex/jbr-YEAR-tabellen.xlsx"
std::string AnnexPath(int year);

Status WriteAnnex(const Publication& pub, OutputDir* out);

}  // namespace jbr::publish
