// The released sites, read-only, for everyone: /releases lists the releases in the store, and
// /releases/YEAR-NUMBER/PATH serves a file of that release from the workspace's releases/ folder.
// Only what was released is served: the release must be in the store and PATH must be one of the
// files its manifest (kept in the store) lists, byte for byte the same (size and SHA-256), so no
// path outside the release, no file added later and no unreleased figure can be reached.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "portal/html.h"
#include "portal/portal.h"
#include "publish/release.h"
#include "serve/static_server.h"

namespace jbr::portal {
namespace {

constexpr size_t kMaxFileBytes = 256u << 20;  // a release's largest file (a PDF) is far smaller

Result<std::optional<Release>> FindRelease(Call& c, int year, int number) {
  JBR_ASSIGN_OR_RETURN(auto list, c.store->ListReleases(year));
  for (const auto& r : list) {
    if (r.number == number) return std::optional<Release>(r);
  }
  return std::optional<Release>();
}

Status ReleaseList(Call& c) {
  JBR_ASSIGN_OR_RETURN(auto list, c.store->ListReleases(std::nullopt));
  std::vector<std::vector<std::string>> rows;
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    const std::string name = fmt::format("{}-{}", it->year, it->number);
    rows.push_back(
        {fmt::format("<a href=\"/releases/{}/nl/index.html\">{}</a>", name, name),
         std::to_string(it->year), Escape(it->created_at),
         fmt::format("<a href=\"/releases/{}/en/index.html\" hreflang=\"en\">English</a>", name)});
  }
  std::string body = std::string("<p>") +
                     c.T("The published reports, each release as it was released.") + "</p>\n";
  body += rows.empty()
              ? Message(c.T("Nothing has been released yet."), false)
              : Table(c.T("Releases, newest first"),
                      {c.T("Release"), c.T("Year"), c.T("Released"), c.T("In English")}, rows);
  Html(c, Page(c, c.T("Releases"), body));
  return Status::Ok();
}

Status ReleaseFile(Call& c) {
  const std::string not_found = c.T("There is no such page.");
  int year = 0, number = 0;
  try {
    year = std::stoi(c.req.matches[1]);
    number = std::stoi(c.req.matches[2]);
  } catch (const std::exception&) {
    return Fail(c, 404, not_found);
  }
  std::string path = c.req.matches[3];
  if (path.empty() || path.back() == '/') path += "index.html";
  JBR_ASSIGN_OR_RETURN(auto release, FindRelease(c, year, number));
  if (!release) return Fail(c, 404, not_found);
  // The file must be listed in the stored manifest (or be the manifest itself).
  std::string sha256;
  int64_t bytes = -1;
  if (path == "manifest.json") {
    bytes = static_cast<int64_t>(release->manifest.size());
    Sha256 h;
    h.Update(release->manifest);
    sha256 = h.HexDigest();
  } else {
    const auto manifest = nlohmann::json::parse(release->manifest, nullptr, false);
    if (manifest.is_discarded() || !manifest.contains("files"))
      return InternalError(fmt::format("release {}-{} has no readable manifest", year, number));
    for (const auto& f : manifest["files"]) {
      if (f.value("path", "") == path) {
        sha256 = f.value("sha256", "");
        bytes = f.value("bytes", int64_t{-1});
        break;
      }
    }
  }
  if (sha256.empty()) return Fail(c, 404, not_found);
  const std::string etag = "\"" + sha256 + "\"";
  c.res.set_header("ETag", etag);
  c.res.set_header("Cache-Control", "public, max-age=3600");
  if (c.req.get_header_value("If-None-Match") == etag) {
    c.res.status = 304;
    return Status::Ok();
  }
  const std::filesystem::path file =
      std::filesystem::path(publish::ReleaseDir(
          (std::filesystem::path(c.portal.workspace_dir) / "releases").string(), year, number)) /
      path;
  std::ifstream in(file, std::ios::binary);
  std::string content;
  if (in && bytes >= 0 && static_cast<size_t>(bytes) <= kMaxFileBytes) {
    content.resize(static_cast<size_t>(bytes));
    in.read(content.data(), bytes);
    if (in.gcount() != bytes || in.peek() != std::char_traits<char>::eof()) content.clear();
  }
  Sha256 h;
  h.Update(content);
  if (content.size() != static_cast<size_t>(bytes) || h.HexDigest() != sha256) {
    // Missing on this server, or changed since the release: never serve other bytes.
    std::cerr << fmt::format(
        "jbr serve: {} of release {}-{} is missing or differs from its "
        "manifest; rebuild it with jbr release --year {} --number {}\n",
        path, year, number, year, number);
    return Fail(c, 503, c.T("This file of the release is not available on this server."));
  }
  c.res.set_content(std::move(content), serve::ContentTypeFor(path));
  return Status::Ok();
}

}  // namespace

void RegisterReleaseRoutes(Router& r) {
  r.add("GET", "/releases", ReleaseList, false);
  r.add("GET", R"(/releases/(\d{4})-([1-9]\d{0,3})/(.*))", ReleaseFile, false);
}

}  // namespace jbr::portal
