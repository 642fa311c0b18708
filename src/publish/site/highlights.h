// The public version ("hoofdlijnen"): two A4 pages of panels on a grid, each panel a theme with
// its icon, a key figure and short sentences from the narrative (templates/report/LANG/
// hoofdlijnen.md) and pictures that carry the figures (PictureDrawer). The same HTML is the web
// page and, printed, the two-page PDF: each page is its own container (<section class="hl-page">)
// that the print stylesheet sizes to one sheet, so the browser's page breaks decide nothing.
//
// The narrative lays it out with two directives:
//   ::: page TITLE          starts a page (exactly two)
//   ::: panel KIND TITLE    starts a panel of KIND (chart/highlights.h lists them; each once)
// followed by the panel's Markdown: its first paragraph is the key figure line, shown large.
//
// Because a page must stay one sheet whatever the figures, text has a budget: a page title at
// most kMaxPageTitle characters, a panel title kMaxPanelTitle, a panel's text (as read, after
// the placeholders) PanelTextBudget(KIND). Longer text is a usage error naming file and line.
#pragma once

#include <string>

#include "common/result.h"
#include "publish/core/block_context.h"
#include "publish/core/site_config.h"
#include "publish/site/narrative.h"

namespace jbr::publish {

inline constexpr size_t kMaxPageTitle = 40;
inline constexpr size_t kMaxPanelTitle = 34;
// The characters of text a panel of `kind` holds; 0 for a kind the layout does not know.
size_t PanelTextBudget(const std::string& kind);

// Renders the public version from `src`. `other` renders any other directive (tiles, charts);
// `picture` draws each panel's pictures; `icons` gives a kind's icon (an SVG file's text) or an
// error. Errors (usage, "file:line: "): not exactly two pages, a panel outside a page or twice,
// an unknown kind, a title with a digit or over its budget, a panel's text over its budget, and
// every error of RenderNarrative.
Result<std::string> RenderHighlights(
    const NarrativeSource& src, const BlockContext& ctx, const DirectiveRenderer& other,
    const PictureDrawer& picture,
    const std::function<Result<std::string>(const std::string&)>& icons);

}  // namespace jbr::publish
