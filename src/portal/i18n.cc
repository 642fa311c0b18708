#include "portal/i18n.h"

#include <cctype>
#include <cstdlib>
#include <optional>
#include <unordered_map>
#include <vector>

namespace jbr::portal {
namespace {

// English -> Dutch. One entry a text, in the order of the pages.
const std::unordered_map<std::string_view, const char*>& Catalogue() {
  static const auto* const kDutch = new std::unordered_map<std::string_view, const char*>{
#include "portal/i18n_nl.inc"
  };
  return *kDutch;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<Lang> Known(std::string_view tag) {
  tag = Trim(tag);
  const std::string_view primary = tag.substr(0, tag.find('-'));
  auto is = [&primary](const char* code) {
    return primary.size() == 2 && std::tolower(static_cast<unsigned char>(primary[0])) == code[0] &&
           std::tolower(static_cast<unsigned char>(primary[1])) == code[1];
  };
  if (is("nl")) return Lang::kNl;
  if (is("en")) return Lang::kEn;
  return std::nullopt;
}

// The q weight of one Accept-Language element ("en;q=0.8" -> 0.8; no q -> 1; unreadable -> 0).
double Weight(std::string_view params) {
  for (size_t p = params.find(';'); p != std::string_view::npos; p = params.find(';', p + 1)) {
    std::string_view v = Trim(params.substr(p + 1));
    if (v.size() >= 2 && (v[0] == 'q' || v[0] == 'Q') && v[1] == '=') {
      const std::string num(Trim(v.substr(
          2, v.find(';') == std::string_view::npos ? std::string_view::npos : v.find(';') - 2)));
      char* end = nullptr;
      const double q = std::strtod(num.c_str(), &end);
      return end != num.c_str() && q >= 0 && q <= 1 ? q : 0;
    }
  }
  return 1;
}

}  // namespace

Lang ChooseLang(std::string_view query, std::string_view cookie, std::string_view accept_language) {
  if (auto l = Known(query); l && query.size() == 2) return *l;
  if (auto l = Known(cookie); l && cookie.size() == 2) return *l;
  std::optional<Lang> best;
  double best_q = 0;
  size_t start = 0;
  while (start <= accept_language.size()) {
    size_t end = accept_language.find(',', start);
    if (end == std::string_view::npos) end = accept_language.size();
    const std::string_view item = accept_language.substr(start, end - start);
    const size_t semi = item.find(';');
    const auto l = Known(item.substr(0, semi));
    const double q = semi == std::string_view::npos ? 1 : Weight(item.substr(semi));
    if (l && q > best_q) {  // the first of equal weights wins
      best = l;
      best_q = q;
    }
    start = end + 1;
  }
  return best.value_or(Lang::kNl);
}

const char* Tr(Lang lang, const char* en) {
  if (lang == Lang::kEn) return en;
  auto it = Catalogue().find(en);
  return it == Catalogue().end() ? en : it->second;
}

std::string Tr(Lang lang, const std::string& en) {
  if (lang == Lang::kEn) return en;
  auto it = Catalogue().find(en);
  return it == Catalogue().end() ? en : std::string(it->second);
}

bool HasDutch(std::string_view en) { return Catalogue().count(en) > 0; }

}  // namespace jbr::portal
