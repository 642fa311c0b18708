// The intruder's audit as a gate before a publication is written (docs/disclosure.md): the open
// data are written to a private temporary directory, read back as an outsider reads them and
// audited together with the earlier releases still in public view (src/audit). A publication that
// fails is not written.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "publish/core/publication.h"

namespace jbr::publish {

// Audits `pub`'s open data with the releases in `earlier` (publication directories, oldest
// first). Errors: kInvalidInput naming how many hidden quantities an intruder recovers or narrows
// and the first few, when the audit fails; kIo or kInternal when the audit cannot run.
Status AuditBeforeWriting(const Publication& pub, const std::vector<std::string>& earlier);

// The publication directories of the releases under `releases_root` (YEAR-N folders holding open
// data) of a year before `year`, oldest first; empty when there is no such folder.
std::vector<std::string> EarlierReleaseDirs(const std::string& releases_root, int year);

}  // namespace jbr::publish
