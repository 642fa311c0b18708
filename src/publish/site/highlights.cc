#include "publish/site/highlights.h"

#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

namespace jbr::publish {
namespace {

// Budgets measured on A4 at the print stylesheet's type size, with the longest Dutch words, by
// tests/browser/check_highlights.sh (which publishes texts of exactly these lengths).
const std::map<std::string, size_t, std::less<>>& Budgets() {
  static const std::map<std::string, size_t, std::less<>> budgets = {
      {"staff", 260}, {"people", 125}, {"jobs", 125},        {"absence", 125}, {"hire", 125},
      {"co2", 190},   {"ict", 190},    {"procurement", 190}, {"housing", 190}};
  return budgets;
}

// Characters as read: UTF-8 code points of the text outside tags, entities counted as one.
size_t VisibleLength(std::string_view html) {
  size_t n = 0;
  bool tag = false, entity = false;
  for (unsigned char c : html) {
    if (tag) {
      tag = c != '>';
    } else if (c == '<') {
      tag = true;
    } else if (entity) {
      entity = c != ';';
    } else if (c == '&') {
      entity = true;
      ++n;
    } else if ((c & 0xC0) != 0x80 && c != '\n') {
      ++n;
    }
  }
  return n;
}

std::string Words(const std::vector<std::string>& args, size_t from) {
  std::string out;
  for (size_t i = from; i < args.size(); ++i) out += (out.empty() ? "" : " ") + args[i];
  return out;
}

Status CheckTitle(const std::string& title, size_t max, const char* what) {
  if (title.empty()) return UsageError(fmt::format("the {} needs a title after its kind", what));
  // A digit that starts a word is a typed number; one inside a word (CO2) is not.
  bool typed = false;
  for (size_t i = 0; i < title.size(); ++i) {
    const bool starts = i == 0 || !std::isalnum(static_cast<unsigned char>(title[i - 1]));
    typed = typed || (starts && std::isdigit(static_cast<unsigned char>(title[i])));
  }
  if (typed) {
    return UsageError(fmt::format("a typed number in the {} title '{}'", what, title));
  }
  if (VisibleLength(title) > max) {
    return UsageError(fmt::format("the {} title '{}' has {} characters, at most {} fit", what,
                                  title, VisibleLength(title), max));
  }
  return Status::Ok();
}

struct OpenPanel {
  std::string kind;
  int line = 0;
};

// The state of the layout while the narrative renders its directives in order.
class Layout {
 public:
  Layout(const BlockContext& ctx, const PictureDrawer& picture,
         const std::function<Result<std::string>(const std::string&)>& icons)
      : ctx_(ctx), picture_(picture), icons_(icons) {}

  Result<std::string> Page(const Directive& d) {
    const std::string title = Words(d.args, 0);
    JBR_RETURN_IF_ERROR(CheckTitle(title, kMaxPageTitle, "page"));
    if (++pages_ > 2) return UsageError("a third page: the public version is two pages");
    std::string out = Close(true);
    page_open_ = true;
    return out +
           fmt::format(
               "<section class=\"hl-page hl-page-{0}\" aria-labelledby=\"hl-page-{0}\">\n"
               "<h2 id=\"hl-page-{0}\" class=\"hl-page-title\">{1}</h2>\n<div class=\"hl-grid\">\n",
               pages_, HtmlEscape(title));
  }

  Result<std::string> Panel(const Directive& d) {
    if (pages_ == 0) return UsageError("a panel before the first '::: page'");
    if (d.args.empty()) return UsageError("a panel needs a kind and a title");
    const std::string& kind = d.args[0];
    if (PanelTextBudget(kind) == 0) {
      std::string known;
      for (const auto& [k, b] : Budgets()) known += (known.empty() ? "" : ", ") + k;
      return UsageError(fmt::format("unknown panel '{}' ({})", kind, known));
    }
    if (!seen_.insert(kind).second) return UsageError(fmt::format("panel '{}' twice", kind));
    const std::string title = Words(d.args, 1);
    JBR_RETURN_IF_ERROR(CheckTitle(title, kMaxPanelTitle, "panel"));
    JBR_ASSIGN_OR_RETURN(std::string pictures, picture_(kind, ctx_));
    JBR_ASSIGN_OR_RETURN(std::string icon, icons_(kind));
    std::string out = Close(false);  // the previous panel, with its pictures
    pictures_ = std::move(pictures);
    open_ = OpenPanel{kind, d.line};
    panels_.push_back(*open_);
    // The icon repeats the title's theme for the eye; a screen reader reads the title.
    return out +
           fmt::format(
               "<section class=\"hl-panel hl-{0}\" aria-labelledby=\"hl-{0}-title\">\n"
               "<h3 id=\"hl-{0}-title\"><span class=\"hl-icon\" aria-hidden=\"true\">{1}</span>"
               "<span>{2}</span></h3>\n<div class=\"hl-text\">\n",
               kind, Trim(icon), HtmlEscape(title));
  }

  // Closes the open panel (its pictures after its text) and, with `page`, the open page.
  std::string Close(bool page) {
    std::string out;
    if (open_) {
      out += "</div>\n" + pictures_ + "</section>\n";
      open_.reset();
    }
    if (page && page_open_) {
      out += "</div>\n</section>\n";
      page_open_ = false;
    }
    return out;
  }
  std::string Finish() { return Close(true); }
  int pages() const { return pages_; }
  const std::vector<OpenPanel>& panels() const { return panels_; }

 private:
  static std::string Trim(std::string svg) {
    const size_t start = svg.find("<svg");
    if (start != std::string::npos) svg.erase(0, start);
    while (!svg.empty() && (svg.back() == '\n' || svg.back() == ' ')) svg.pop_back();
    return svg;
  }
  const BlockContext& ctx_;
  const PictureDrawer& picture_;
  const std::function<Result<std::string>(const std::string&)>& icons_;
  int pages_ = 0;
  bool page_open_ = false;
  std::optional<OpenPanel> open_;
  std::string pictures_;
  std::set<std::string> seen_;
  std::vector<OpenPanel> panels_;
};

// Each panel's text (between its "hl-text" opening and the pictures) against its budget.
Status CheckBudgets(const std::string& html, const std::vector<OpenPanel>& panels,
                    const std::string& file) {
  size_t at = 0;
  for (const auto& p : panels) {
    const std::string open = fmt::format("<section class=\"hl-panel hl-{}\"", p.kind);
    at = html.find(open, at);
    const size_t text = html.find("<div class=\"hl-text\">", at);
    const size_t end = html.find("<div class=\"hl-pictures\">", text);
    if (at == std::string::npos || text == std::string::npos || end == std::string::npos) {
      return InternalError("the highlights lost a panel while rendering");
    }
    const size_t length = VisibleLength(std::string_view(html).substr(text, end - text));
    if (length > PanelTextBudget(p.kind)) {
      return UsageError(fmt::format(
          "{}:{}: panel '{}' has {} characters of text, at most {} fit on its part of the page: "
          "shorten it",
          file, p.line, p.kind, length, PanelTextBudget(p.kind)));
    }
    at = end;
  }
  return Status::Ok();
}

}  // namespace

size_t PanelTextBudget(const std::string& kind) {
  auto it = Budgets().find(kind);
  return it == Budgets().end() ? 0 : it->second;
}

Result<std::string> RenderHighlights(
    const NarrativeSource& src, const BlockContext& ctx, const DirectiveRenderer& other,
    const PictureDrawer& picture,
    const std::function<Result<std::string>(const std::string&)>& icons) {
  if (!picture) return InternalError("the public version needs a picture drawer");
  Layout layout(ctx, picture, icons);
  auto directives = [&](const Directive& d) -> Result<std::string> {
    if (d.kind == "page") return layout.Page(d);
    if (d.kind == "panel") return layout.Panel(d);
    return other(d);
  };
  JBR_ASSIGN_OR_RETURN(std::string html, RenderNarrative(src, *ctx.index, ctx.lang, directives));
  if (layout.pages() != 2) {
    return UsageError(
        fmt::format("{}: {} '::: page' lines: the public version is exactly two pages", src.file,
                    layout.pages()));
  }
  html += layout.Finish();
  const size_t first = html.find_first_not_of(" \n");
  if (html.compare(first, 21, "<section class=\"hl-pa") != 0) {
    return UsageError(
        fmt::format("{}: text before the first '::: page': every sentence belongs "
                    "to a panel of a page",
                    src.file));
  }
  const std::string grid = "<div class=\"hl-grid\">\n";
  for (size_t at = html.find(grid); at != std::string::npos; at = html.find(grid, at + 1)) {
    if (html.compare(at + grid.size(), 24, "<section class=\"hl-panel") != 0) {
      return UsageError(
          fmt::format("{}: text between a '::: page' and its first '::: panel': every "
                      "sentence belongs to a panel",
                      src.file));
    }
  }
  JBR_RETURN_IF_ERROR(CheckBudgets(html, layout.panels(), src.file));
  return "<div class=\"hl\">\n" + html + "</div>\n";
}

}  // namespace jbr::publish
