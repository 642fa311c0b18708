// The ICT appendix as HTML fragments, in Dutch or English: an overview page with the key figures
// and one row per included activity, and a page per included activity (ict-projects.md, "Key
// figures and views"). Each fragment is the content of <main> below the shell's <h1> (the page's
// title), every table in a region that scrolls, well-formed XML (every text escaped, no named
// entities); the site wraps it in its page shell and adds charts. Class labels and reassessment
// reasons are shown verbatim in Dutch (the identifiers readers know); English pages add a
// translation in brackets. Dates are dd-mm-yyyy (nl) or yyyy-mm-dd (en); amounts are
// FormatFigure(..., "EUR", lang).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "publish/core/html.h"
#include "publish/core/ict_portfolio.h"

namespace jbr::publish {

struct IctPage {
  std::string path;   // "ict/index.html" or "ict/<file-safe activity id>.html"
  std::string title;  // the page's <h1> (the shell's), unescaped
  // The content of <main> below the <h1>; every table in its region that scrolls (ScrollRegion).
  std::string body_html;
};

// The key figures of the overview, over the included activities (as the ict.* indicators count
// them), except `stale`: activities in progress or in reorientation whose newest record predates
// the year, included or not (as ict.stale).
struct IctKeyFigures {
  std::map<std::string, int> by_status;                        // status code -> count
  double cost_initial = 0, cost_current = 0, cost_actual = 0;  // EUR
  std::optional<double> cost_change_pct;  // (current - initial) / initial x 100; none if initial 0
  std::map<std::string, int> by_cost, by_slip, by_duration, by_reason;  // verbatim labels
  int included = 0, reassessments = 0, acict_advice = 0, stale = 0;
};
IctKeyFigures ComputeIctKeyFigures(const IctPortfolio& portfolio);

// "ict/<id>.html" with the id made file-safe: letters, digits, '-', '_' and '.' kept (a leading
// '.' is not), every other byte as '_'; an empty id is "_".
std::string IctActivityPath(std::string_view activity_id);

// Display texts shared by the pages: a date (dd-mm-yyyy nl, yyyy-mm-dd en), a status code's
// Dutch label (with the English in brackets for en), a verbatim class label (idem).
std::string IctDate(Days d, Lang lang);
std::string IctStatusLabel(std::string_view status, Lang lang);
std::string IctClassLabel(std::string_view label, Lang lang);

// The overview page first, then one page per included activity in portfolio order. Two ids that
// map to the same file name get "~2", "~3", ... appended (before ".html") in portfolio order.
std::vector<IctPage> IctPages(const IctPortfolio& portfolio, Lang lang);

}  // namespace jbr::publish
