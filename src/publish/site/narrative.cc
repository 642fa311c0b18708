#include "publish/site/narrative.h"

#include <cctype>
#include <deque>
#include <map>

#include <fmt/format.h>
#include <md4c-html.h>
#include <kainjow/mustache.hpp>

#include "publish/core/html.h"
#include "publish/core/messages.h"

namespace jbr::publish {
namespace {

namespace mustache = kainjow::mustache;

int LineAt(std::string_view text, size_t pos) {
  int line = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// Resolves every name the template asks for against the publication; records the first error,
// since kainjow's context interface has no way to fail.
class FigureContext : public mustache::basic_context<std::string> {
 public:
  FigureContext(const FigureIndex& index, Lang lang) : index_(index), lang_(lang) {}
  void push(const mustache::data* d) override { stack_.insert(stack_.begin(), d); }
  void pop() override { stack_.erase(stack_.begin()); }
  const mustache::data* get(const std::string& name) const override { return Resolve(name); }
  const mustache::data* get_partial(const std::string& name) const override {
    Fail(name, "partials are not used in the narrative");
    return nullptr;
  }
  const std::string& failed_name() const { return failed_name_; }
  const std::string& error() const { return error_; }

 private:
  const mustache::data* Keep(std::string text) const {
    held_.emplace_back(std::move(text));
    return &held_.back();
  }
  void Fail(const std::string& name, std::string message) const {
    if (error_.empty()) {
      failed_name_ = name;
      error_ = std::move(message);
    }
  }
  const mustache::data* Resolve(const std::string& name) const {
    if (name == "year") return Keep(std::to_string(index_.year()));
    if (name == "previous_year") return Keep(std::to_string(index_.year() - 1));
    Result<FigureRef> ref = ParseFigureRef(name, index_);
    if (!ref.ok()) {
      Fail(name, ref.status().message());
      return nullptr;
    }
    Result<std::string> text = FigureText(*ref, index_, lang_);
    if (!text.ok()) {
      Fail(name, text.status().message());
      return nullptr;
    }
    return Keep(*text);
  }

  const FigureIndex& index_;
  Lang lang_;
  std::vector<const mustache::data*> stack_;
  mutable std::deque<mustache::data> held_;
  mutable std::string failed_name_, error_;
};

// Digits outside placeholders, directive lines, link targets and words (CO2) are typed numbers.
Status CheckNoTypedNumbers(const NarrativeSource& src) {
  const std::string& t = src.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.compare(i, 2, "{{") == 0) {
      const size_t end = t.find("}}", i);
      if (end == std::string::npos) break;  // the engine reports the unclosed tag
      i = end + 1;
      continue;
    }
    if (t.compare(i, 2, "](") == 0) {  // a link target: (url)
      const size_t end = t.find(')', i);
      if (end != std::string::npos) i = end;
      continue;
    }
    if (t.compare(i, 3, ":::") == 0 && (i == 0 || t[i - 1] == '\n')) {  // a directive line
      const size_t end = t.find('\n', i);
      if (end == std::string::npos) break;
      i = end;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(t[i]))) {  // a word such as CO2 is no number
      while (i + 1 < t.size() && std::isalnum(static_cast<unsigned char>(t[i + 1]))) ++i;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(t[i]))) {
      return UsageError(fmt::format(
          "{}:{}: a typed number ('{}'): every figure and year comes from a placeholder such as "
          "{{{{absence.rate}}}} or {{{{year}}}}",
          src.file, LineAt(t, i), t.substr(i, std::min<size_t>(8, t.size() - i))));
    }
  }
  return Status::Ok();
}

struct Split {
  std::string markdown;  // directives replaced by markers
  std::vector<Directive> directives;
};

// Directive lines become marker paragraphs, replaced by the directive's HTML after rendering (raw
// HTML in the narrative itself is escaped: MD_FLAG_NOHTML).
Split SplitDirectives(const std::string& text) {
  Split s;
  int line = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string l = text.substr(pos, end - pos);
    ++line;
    if (l.rfind(":::", 0) == 0) {
      Directive d;
      d.line = line;
      std::string words = l.substr(3);
      size_t i = 0;
      while (i < words.size()) {
        while (i < words.size() && words[i] == ' ') ++i;
        size_t j = words.find(' ', i);
        if (j == std::string::npos) j = words.size();
        if (j > i) (d.kind.empty() ? d.kind : d.args.emplace_back()) = words.substr(i, j - i);
        i = j;
      }
      s.markdown += fmt::format("\n@@jbr-directive-{}@@\n", s.directives.size());
      s.directives.push_back(std::move(d));
    } else {
      s.markdown += l;
    }
    if (end < text.size()) s.markdown += '\n';
    pos = end + 1;
  }
  return s;
}

// md4c's HTML as it is written. md4c-html writes a block's opening and closing tags as pieces of
// their own, and text only escaped (MD_FLAG_NOHTML), so the piece "<table>\n" opens a table and
// "</table>\n" closes it; a table is collected between them and written in its scroll region
// (ScrollTable; Markdown has no caption, and a table holds no table).
struct HtmlOut {
  std::string html;
  std::string table;  // the table being written, from its "<table>\n"
  bool in_table = false;
  std::string label;  // "Tabel" / "Table"
};

void AppendHtml(const MD_CHAR* text, MD_SIZE size, void* out) {
  auto* o = static_cast<HtmlOut*>(out);
  const std::string_view piece(text, size);
  if (piece == "<table>\n") o->in_table = true;
  (o->in_table ? o->table : o->html).append(piece);
  if (piece == "</table>\n") {
    o->html += ScrollTable(o->table, o->label);
    o->table.clear();
    o->in_table = false;
  }
}

}  // namespace

int LineOf(std::string_view text, std::string_view needle) {
  const size_t pos = text.find(needle);
  return pos == std::string_view::npos ? 0 : LineAt(text, pos);
}

Result<std::string> RenderNarrative(const NarrativeSource& source, const FigureIndex& index,
                                    Lang lang, const DirectiveRenderer& directives) {
  JBR_RETURN_IF_ERROR(CheckNoTypedNumbers(source));
  Split split = SplitDirectives(source.text);
  mustache::mustache tmpl(split.markdown);
  if (!tmpl.is_valid()) {
    return UsageError(fmt::format("{}: {}", source.file, tmpl.error_message()));
  }
  // Markdown is rendered after the placeholders: a figure's text is plain, and md4c escapes it.
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  FigureContext ctx(index, lang);
  const std::string markdown = tmpl.render(ctx);
  if (!ctx.error().empty()) {
    return UsageError(fmt::format("{}:{}: {{{{{}}}}}: {}", source.file,
                                  LineOf(source.text, ctx.failed_name()), ctx.failed_name(),
                                  ctx.error()));
  }
  HtmlOut out;
  out.label = Tr(Msg::kTable, lang);
  if (md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), AppendHtml, &out,
              MD_DIALECT_COMMONMARK | MD_FLAG_TABLES | MD_FLAG_NOHTML, 0) != 0 ||
      out.in_table) {
    return UsageError(fmt::format("{}: the Markdown could not be rendered", source.file));
  }
  std::string& html = out.html;
  for (size_t i = 0; i < split.directives.size(); ++i) {
    const Directive& d = split.directives[i];
    Result<std::string> part = directives(d);
    if (!part.ok()) {
      return UsageError(
          fmt::format("{}:{}: ::: {}: {}", source.file, d.line, d.kind, part.status().message()));
    }
    const std::string marker = fmt::format("<p>@@jbr-directive-{}@@</p>\n", i);
    const size_t at = html.find(marker);
    if (at == std::string::npos) return InternalError("a directive marker was lost");
    html.replace(at, marker.size(), *part);
  }
  return html;
}

}  // namespace jbr::publish
