// The report's narrative: Markdown (md4c) that policy staff edit, with Mustache placeholders
// (kainjow's engine) for figures and directive lines for charts and tables.
//
//   Het verzuim is {{absence.rate direction}} naar {{absence.rate}}.
//   ::: chart absence.rate ministries
//
// A placeholder names a figure (figures.h: INDICATOR [MINISTRY] [YEAR] [FIELD] [key=value]), or is
// one of {{year}} and {{previous_year}}. A directive is a line "::: KIND ARGS" whose HTML comes
// from the caller (charts, tables, tiles). No number may be typed in the text: every figure, year
// included, comes from a placeholder, so that the text cannot disagree with the tables.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "publish/core/figures.h"
#include "publish/core/site_config.h"

namespace jbr::publish {

struct Directive {
  std::string kind;               // "chart", "table", "tiles", ...
  std::vector<std::string> args;  // the words after the kind
  int line = 0;
};
// Renders a directive to HTML; an error stops the build (the narrative adds file and line).
using DirectiveRenderer = std::function<Result<std::string>(const Directive&)>;

// Renders `source` to HTML. Errors (usage), all naming "file:line: ": an unknown placeholder, a
// missing or suppressed figure used in a sentence, a typed number, an unclosed tag, a failing
// directive. Nothing is left blank.
Result<std::string> RenderNarrative(const NarrativeSource& source, const FigureIndex& index,
                                    Lang lang, const DirectiveRenderer& directives);

// The first line of `text` holding `needle` (1-based), or 0.
int LineOf(std::string_view text, std::string_view needle);

}  // namespace jbr::publish
