// The splitting works on the HTML jbr wrote itself (site_blocks.cc, ict_overview.cc), whose tables
// have one known shape, so a small scanner suffices; anything else passes through unchanged.
#include "publish/print/print_tables.h"
#include "publish/core/messages.h"

#include <optional>
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

std::string Split(const Parsed& p, Lang lang, size_t max_columns) {
  std::string out;
  for (size_t first = p.lead, part = 0; first < p.head.size(); first += max_columns, ++part) {
    const size_t last = std::min(p.head.size(), first + max_columns);
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
    if (last < p.head.size()) out += "\n";
  }
  return out;
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
    if (parsed && parsed->head.size() - parsed->lead > max_columns) {
      out += Split(*parsed, lang, max_columns);
    } else {
      out += table;
    }
  }
  return out + html.substr(at);
}

}  // namespace jbr::publish
