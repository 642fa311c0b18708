// The splitting works on the HTML jbr wrote itself (site_blocks.cc, ict_overview.cc), whose tables
// have one known shape, each in its scroll region (core/html.h: ScrollTable), so a small scanner
// suffices; anything else passes through unchanged.
#include "publish/print/print_tables.h"
#include "publish/core/messages.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace jbr::publish {
namespace {

// The text between `open` and `close` from `at`, advancing `at` past `close`.
std::optional<std::string> Between(const std::string& s, const std::string& open,
                                   const std::string& close, size_t* at) {
  const size_t a = s.find(open, *at);
  if (a == std::string::npos) return std::nullopt;
  const size_t b = s.find(close, a + open.size());
  if (b == std::string::npos) return std::nullopt;
  *at = b + close.size();
  return s.substr(a + open.size(), b - a - open.size());
}

// The cells of one row ("<th ...>...</th>" or "<td ...>...</td>", whole), or nothing when the row
// holds anything else or a span.
std::optional<std::vector<std::string>> Cells(const std::string& row) {
  std::vector<std::string> cells;
  size_t at = 0;
  while (at < row.size()) {
    if (row.compare(at, 3, "<th") != 0 && row.compare(at, 3, "<td") != 0) return std::nullopt;
    const std::string close = row.compare(at, 3, "<th") == 0 ? "</th>" : "</td>";
    const size_t end = row.find(close, at);
    if (end == std::string::npos) return std::nullopt;
    std::string cell = row.substr(at, end + close.size() - at);
    const size_t tag_end = cell.find('>');
    if (cell.find("span=", 0) < tag_end || cell.find("<table") != std::string::npos)
      return std::nullopt;
    cells.push_back(std::move(cell));
    at = end + close.size();
  }
  return cells;
}

// How many leading cells head a row: up to and including its <th scope="row">.
std::optional<size_t> Lead(const std::vector<std::string>& row) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i].rfind("<th scope=\"row\"", 0) == 0) return i + 1;
  }
  return std::nullopt;
}

struct Parsed {
  std::string open_tag, caption;
  std::vector<std::string> head;
  std::vector<std::pair<std::string, std::vector<std::string>>> rows;  // <tr ...> tag, cells
  size_t lead = 0;
};

std::optional<Parsed> Parse(const std::string& table) {
  Parsed p;
  const size_t open_end = table.find('>');
  p.open_tag = table.substr(0, open_end + 1);
  size_t at = open_end + 1;
  if (table.find("<caption>", at) != std::string::npos) {
    auto caption = Between(table, "<caption>", "</caption>", &at);
    if (!caption) return std::nullopt;
    p.caption = *caption;
  }
  auto head = Between(table, "<thead><tr>", "</tr></thead>", &at);
  if (!head || head->find("<tr") != std::string::npos) return std::nullopt;
  auto head_cells = Cells(*head);
  if (!head_cells) return std::nullopt;
  p.head = *head_cells;
  auto body = Between(table, "<tbody>", "</tbody>", &at);
  if (!body) return std::nullopt;
  size_t r = 0;
  while (true) {
    const size_t tr = body->find("<tr", r);
    if (tr == std::string::npos) break;
    const size_t tag_end = body->find('>', tr);
    const size_t end = body->find("</tr>", tr);
    if (tag_end == std::string::npos || end == std::string::npos) return std::nullopt;
    auto cells = Cells(body->substr(tag_end + 1, end - tag_end - 1));
    if (!cells) return std::nullopt;
    auto lead = Lead(*cells);
    if (!lead || (p.lead != 0 && *lead != p.lead) || cells->size() != p.head.size())
      return std::nullopt;
    p.lead = *lead;
    p.rows.emplace_back(body->substr(tr, tag_end + 1 - tr), std::move(*cells));
    r = end + 5;
  }
  if (p.rows.empty()) return std::nullopt;
  return p;
}

// The longest word of a cell in characters (code points; an entity is one): the narrowest its
// column can be without breaking a word. A line may break at a space or after a hyphen.
size_t LongestWord(const std::string& cell) {
  size_t longest = 0, word = 0;
  bool tag = false;
  for (size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == '<') tag = true;
    if (tag) {
      tag = c != '>';
      continue;
    }
    if (c == ' ' || c == '\n') {
      word = 0;
      continue;
    }
    if (c == '&') i = std::min(cell.find(';', i), cell.size() - 1);
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) longest = std::max(longest, ++word);
    if (c == '-') word = 0;
  }
  return longest;
}

// The narrowest each column can be, in characters with its padding.
std::vector<size_t> ColumnWidths(const Parsed& p) {
  std::vector<size_t> widths(p.head.size(), 0);
  for (size_t c = 0; c < p.head.size(); ++c) widths[c] = LongestWord(p.head[c]);
  for (const auto& row : p.rows) {
    for (size_t c = 0; c < row.second.size(); ++c)
      widths[c] = std::max(widths[c], LongestWord(row.second[c]));
  }
  for (size_t& w : widths) w += kPrintCellPadding;
  return widths;
}

// The figure columns of each part: at most `max_columns`, and no more than fit beside the row
// headings in kPrintLineWidth characters (at least one a part).
std::vector<std::pair<size_t, size_t>> Parts(const Parsed& p, size_t max_columns) {
  const std::vector<size_t> widths = ColumnWidths(p);
  size_t lead = 0;
  for (size_t c = 0; c < p.lead; ++c) lead += widths[c];
  std::vector<std::pair<size_t, size_t>> parts;  // [first, last)
  size_t first = p.lead, width = lead;
  for (size_t c = p.lead; c < p.head.size(); ++c) {
    if (c > first && (c - first == max_columns || width + widths[c] > kPrintLineWidth)) {
      parts.emplace_back(first, c);
      first = c;
      width = lead;
    }
    width += widths[c];
  }
  parts.emplace_back(first, p.head.size());
  return parts;
}

// The parts of a table, each "<table ...>...</table>".
std::vector<std::string> Split(const Parsed& p, Lang lang,
                               const std::vector<std::pair<size_t, size_t>>& columns) {
  std::vector<std::string> parts;
  for (size_t part = 0; part < columns.size(); ++part) {
    const auto [first, last] = columns[part];
    std::string& out = parts.emplace_back();
    out += p.open_tag + "\n";
    if (!p.caption.empty() || part > 0) {
      out += "<caption>" + p.caption;
      if (part > 0) out += Tr(Msg::kContinued, lang);
      out += "</caption>\n";
    }
    out += "<thead><tr>";
    for (size_t c = 0; c < p.lead; ++c) out += p.head[c];
    for (size_t c = first; c < last; ++c) out += p.head[c];
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& [tag, cells] : p.rows) {
      out += tag;
      for (size_t c = 0; c < p.lead; ++c) out += cells[c];
      for (size_t c = first; c < last; ++c) out += cells[c];
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>";
  }
  return parts;
}

// The scroll region a table at `t` was built in (ScrollTable, ict_html::ScrollRegion): where its
// opening tag starts and where its closing "</div>" (with the line break after it) ends, or nothing
// when the table is not directly in one.
struct Region {
  size_t open = 0, close_end = 0;
};
std::optional<Region> RegionAround(const std::string& html, size_t t, size_t table_end) {
  static const std::string kOpen = "<div class=\"scroll\"";
  const size_t open = html.rfind(kOpen, t);
  if (open == std::string::npos) return std::nullopt;
  const size_t tag_end = html.find('>', open);
  if (tag_end + 1 != t && !(tag_end + 2 == t && html[tag_end + 1] == '\n')) return std::nullopt;
  size_t close = table_end;
  if (html.compare(close, 1, "\n") == 0) ++close;
  if (html.compare(close, 6, "</div>") != 0) return std::nullopt;
  close += 6;
  if (html.compare(close, 1, "\n") == 0) ++close;
  return Region{open, close};
}

}  // namespace

std::string SplitWideTables(const std::string& html, Lang lang, size_t max_columns) {
  if (max_columns == 0) return html;
  std::string out;
  size_t at = 0;
  for (size_t t = html.find("<table", at); t != std::string::npos; t = html.find("<table", at)) {
    const size_t end = html.find("</table>", t);
    if (end == std::string::npos) break;
    out += html.substr(at, t - at);
    const std::string table = html.substr(t, end + 8 - t);
    at = end + 8;
    const auto parsed = Parse(table);
    std::vector<std::pair<size_t, size_t>> columns;
    if (parsed) columns = Parts(*parsed, max_columns);
    if (columns.size() < 2) {
      out += table;
      continue;
    }
    const std::vector<std::string> parts = Split(*parsed, lang, columns);
    const auto region = RegionAround(html, t, at);
    if (!region) {
      for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? "\n" : "") + parts[i];
      continue;
    }
    // The first part stays in the table's region; every further part gets one of its own, named
    // after its caption.
    out += parts[0] + "\n</div>\n";
    const std::string label = parsed->caption + Tr(Msg::kContinued, lang);
    for (size_t i = 1; i < parts.size(); ++i) out += ScrollTable(parts[i], label);
    at = region->close_end;
  }
  return out + html.substr(at);
}

}  // namespace jbr::publish
