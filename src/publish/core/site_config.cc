#include "publish/core/site_config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "indicators/engine.h"
#include "publish/core/text_format.h"

namespace jbr::publish {
namespace {

constexpr size_t kMaxTemplateBytes = 4 << 20;  // a narrative page is text, not a data set

Result<std::string> ReadSmallFile(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return UsageError(fmt::format("{}: cannot read: {}", path, ec.message()));
  if (size > kMaxTemplateBytes) return UsageError(fmt::format("{}: larger than 4 MiB", path));
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  if (!in && !in.eof()) return UsageError(fmt::format("{}: cannot read", path));
  return ss.str();
}

// labels.csv: code,nl,en; fields without quotes or commas (the file is ours).
Result<std::map<std::string, std::pair<std::string, std::string>>> ParseLabels(
    const std::string& text, const std::string& path) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (n == 1 || line.empty()) continue;
    const size_t a = line.find(','), b = line.find(',', a == std::string::npos ? a : a + 1);
    if (a == std::string::npos || b == std::string::npos) {
      return UsageError(fmt::format("{}:{}: expected code,nl,en", path, n));
    }
    out[line.substr(0, a)] = {line.substr(a + 1, b - a - 1), line.substr(b + 1)};
  }
  return out;
}

Result<std::vector<Chapter>> ParseChapters(const std::string& text, const std::string& path) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("chapters") || !j["chapters"].is_array()) {
    return UsageError(fmt::format("{}: not a JSON object with a \"chapters\" array", path));
  }
  std::vector<Chapter> out;
  for (const auto& c : j["chapters"]) {
    try {
      Chapter ch{c.at("slug").get<std::string>(), c.value("number", ""),
                 c.at("title_nl").get<std::string>(), c.at("title_en").get<std::string>(),
                 c.value("indicators", std::vector<std::string>{})};
      const bool safe =
          !ch.slug.empty() &&
          ch.slug.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
      if (!safe)
        return UsageError(fmt::format("{}: slug '{}' must be a-z, 0-9 or -", path, ch.slug));
      out.push_back(std::move(ch));
    } catch (const nlohmann::json::exception& e) {
      return UsageError(fmt::format("{}: chapter {}: {}", path, out.size() + 1, e.what()));
    }
  }
  return out;
}

}  // namespace

std::string Chapter::Title(Lang lang) const {
  const std::string& t = lang == Lang::kNl ? title_nl : title_en;
  return number.empty() ? t : number + " " + t;
}

Result<std::string> SiteConfig::Find(const std::string& relative, std::string* found) const {
  for (const auto& d : dirs_) {
    const std::string p = (std::filesystem::path(d) / relative).string();
    if (std::filesystem::is_regular_file(p)) {
      if (found) *found = p;
      return ReadSmallFile(p);
    }
  }
  return UsageError(fmt::format("no templates directory has {} (looked in {})", relative,
                                fmt::join(dirs_, ", ")));
}

Result<SiteConfig> SiteConfig::Load(std::vector<std::string> template_dirs,
                                    const MinistryRegistry* ministries) {
  SiteConfig c;
  c.dirs_ = std::move(template_dirs);
  c.ministries_ = ministries;
  std::string path;
  JBR_ASSIGN_OR_RETURN(std::string chapters, c.Find("report/chapters.json", &path));
  JBR_ASSIGN_OR_RETURN(c.chapters_, ParseChapters(chapters, path));
  JBR_ASSIGN_OR_RETURN(std::string labels, c.Find("report/labels.csv", &path));
  JBR_ASSIGN_OR_RETURN(c.labels_, ParseLabels(labels, path));
  JBR_ASSIGN_OR_RETURN(c.messages_, Messages::Load(c.dirs_));
  return c;
}

std::string SiteConfig::Label(const std::string& code, Lang lang) const {
  auto it = labels_.find(code);
  if (it == labels_.end()) return code;
  return lang == Lang::kNl ? it->second.first : it->second.second;
}

std::string SiteConfig::MinistryName(const std::string& code, Lang lang) const {
  if (code == kRijk || ministries_ == nullptr) return code;
  const Ministry* m = ministries_->FindAnyYear(code);
  if (m == nullptr) return code;
  return lang == Lang::kNl ? m->name_nl : m->name_en;
}

Result<NarrativeSource> SiteConfig::Narrative(const std::string& name, Lang lang) const {
  std::string path;
  JBR_ASSIGN_OR_RETURN(std::string text,
                       Find(fmt::format("report/{}/{}.md", LangCode(lang), name), &path));
  return NarrativeSource{path, std::move(text)};
}

Result<std::string> SiteConfig::SiteFile(const std::string& name) const {
  return Find("site/" + name, nullptr);
}

}  // namespace jbr::publish
