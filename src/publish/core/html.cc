#include "publish/core/html.h"
#include "publish/core/messages.h"

#include <cmath>

#include <fmt/format.h>

namespace jbr::publish {

std::string ScrollTable(std::string_view table, std::string_view label) {
  if (!table.empty() && table.back() == '\n') table.remove_suffix(1);
  return fmt::format(
      "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">\n{}\n</div>\n",
      label, table);
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const char* LangCode(Lang l) { return l == Lang::kNl ? "nl" : "en"; }

int DisplayDecimals(std::string_view unit) {
  if (unit == "%" || unit == "days" || unit == "years" ||
      unit.find('/') != std::string_view::npos || unit.find(" per ") != std::string_view::npos ||
      unit == "EUR") {
    return 1;
  }
  return 0;
}

std::string FormatDecimal(double v, int decimals, Lang lang) {
  if (!std::isfinite(v)) return "";
  std::string plain = fmt::format("{:.{}f}", std::fabs(v), decimals);
  const bool negative = v < 0 && plain.find_first_not_of("0.") != std::string::npos;
  const size_t dot = plain.find('.');
  const std::string whole = plain.substr(0, dot);
  const std::string frac = dot == std::string::npos ? "" : plain.substr(dot + 1);
  const char group = lang == Lang::kNl ? '.' : ',';
  const char mark = lang == Lang::kNl ? ',' : '.';
  std::string out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += group;
    out += whole[i];
  }
  if (!frac.empty()) out += mark + frac;
  return negative ? "-" + out : out;
}

std::string FormatFigure(double v, std::string_view unit, Lang lang) {
  if (unit == "EUR") {
    return fmt::format("€ {} {}", FormatDecimal(v / 1e6, 1, lang), Tr(Msg::kMln, lang));
  }
  const std::string n = FormatDecimal(v, DisplayDecimals(unit), lang);
  if (unit == "%") return n + "%";
  if (unit == "t CO2") return n + " t";
  return n;
}

std::string FormatSigned(double v, int decimals, Lang lang) {
  return WithSign(FormatDecimal(v, decimals, lang), v);
}

std::string WithSign(std::string formatted, double v) {
  if (formatted.find_first_of("123456789") == std::string::npos) {  // rounds to zero
    const size_t minus = formatted.find('-');
    if (minus != std::string::npos) formatted.erase(minus, 1);
    return formatted;
  }
  return v > 0 ? "+" + formatted : formatted;
}

std::string MissingMark(Lang lang) { return Tr(Msg::kNA, lang); }

std::string CellText(const PublishedValue& v, Lang lang) {
  if (v.status == "suppressed") return kSuppressedMark;
  if (!v.value) return MissingMark(lang);
  return FormatFigure(*v.value, v.unit, lang);
}

}  // namespace jbr::publish
