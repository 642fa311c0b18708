#include "store/workspace.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/paths.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;
constexpr const char* kConfigName = "jbr.json";

std::string StorePath(const std::string& dir, const std::string& url) {
  std::string rest = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  if (url.find("://") != std::string::npos || fs::path(rest).is_absolute()) return url;
  return "sqlite:" + (fs::path(dir) / rest).string();
}

}  // namespace

Result<SchemaRegistry> LoadSchemas(const std::string& data_dir) {
  return SchemaRegistry::LoadDirectory((fs::path(data_dir) / "schemas").string());
}

Result<MinistryRegistry> LoadMinistries(const std::string& data_dir) {
  return MinistryRegistry::Load((fs::path(data_dir) / "ministries.csv").string());
}

std::string Workspace::Resolve(const std::string& option) { return option.empty() ? "." : option; }

namespace {

// Writes jbr.json through a temporary file and a rename: a reader sees the old or the new config.
Status WriteConfig(const std::string& dir, const nlohmann::json& j, bool replace) {
  std::error_code ec;
  const fs::path tmp = fs::path(dir) / (std::string(kConfigName) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << j.dump(2) << "\n";
    if (!out) return IoError(fmt::format("cannot write {}", tmp.string()));
  }
  if (!replace && fs::exists(fs::path(dir) / kConfigName, ec))
    return UsageError(fmt::format("{} is a workspace already", dir));
  fs::rename(tmp, fs::path(dir) / kConfigName, ec);
  if (ec) return IoError(fmt::format("cannot write the config in {}: {}", dir, ec.message()));
  return Status::Ok();
}

Result<nlohmann::json> ReadConfig(const std::string& dir) {
  fs::path config = fs::path(dir) / kConfigName;
  std::ifstream in(config, std::ios::binary);
  if (!in) {
    return NotFound(fmt::format("{} is not a jbr workspace (no {}); create one with `jbr init {}`",
                                dir, kConfigName, dir));
  }
  std::stringstream buf;
  buf << in.rdbuf();
  try {
    auto j = nlohmann::json::parse(buf.str());
    if (!j.is_object()) return InvalidInput(fmt::format("{}: not a JSON object", config.string()));
    return j;
  } catch (const nlohmann::json::exception& e) {
    return InvalidInput(fmt::format("{}: {}", config.string(), e.what()));
  }
}

Result<WorkspaceConfig> ParseConfig(const std::string& dir, const nlohmann::json& j) {
  WorkspaceConfig cfg;
  try {
    cfg.store_url = j.value("store", cfg.store_url);
    cfg.data_dir = j.value("data_dir", "");
  } catch (const nlohmann::json::exception& e) {
    return InvalidInput(fmt::format("{}: {}", (fs::path(dir) / kConfigName).string(), e.what()));
  }
  return cfg;
}

}  // namespace

Result<std::unique_ptr<Workspace>> Workspace::Create(const std::string& dir,
                                                     const std::string& store_url,
                                                     const std::string& default_data_dir) {
  std::error_code ec;
  if (fs::exists(fs::path(dir) / kConfigName, ec)) {
    return UsageError(fmt::format("{} is a workspace already", dir));
  }
  fs::create_directories(dir, ec);
  if (ec) return IoError(fmt::format("cannot create {}: {}", dir, ec.message()));
  WorkspaceConfig cfg;
  if (!store_url.empty()) cfg.store_url = store_url;
  cfg.data_dir = default_data_dir;
  auto ws = Load(dir, cfg);  // creates the store before the config names it a workspace
  if (!ws.ok()) return ws.status();
  JBR_RETURN_IF_ERROR(WriteConfig(dir, {{"jbr_workspace", 1}, {"store", cfg.store_url}}, false));
  return ws;
}

Result<std::unique_ptr<Workspace>> Workspace::Open(const std::string& dir,
                                                   const std::string& store_url,
                                                   const std::string& default_data_dir) {
  JBR_ASSIGN_OR_RETURN(auto j, ReadConfig(dir));
  JBR_ASSIGN_OR_RETURN(WorkspaceConfig cfg, ParseConfig(dir, j));
  if (!store_url.empty()) cfg.store_url = store_url;
  if (cfg.data_dir.empty()) cfg.data_dir = default_data_dir;
  return Load(dir, cfg);
}

Result<std::string> Workspace::StoreUrl(const std::string& dir, const std::string& store_url) {
  if (!store_url.empty()) return StorePath(dir, store_url);
  JBR_ASSIGN_OR_RETURN(auto j, ReadConfig(dir));
  JBR_ASSIGN_OR_RETURN(WorkspaceConfig cfg, ParseConfig(dir, j));
  return StorePath(dir, cfg.store_url);
}

Status Workspace::SetStore(const std::string& dir, const std::string& store_url) {
  JBR_ASSIGN_OR_RETURN(auto j, ReadConfig(dir));
  j["store"] = store_url;
  return WriteConfig(dir, j, true);
}

Result<std::unique_ptr<Workspace>> Workspace::Load(const std::string& dir,
                                                   const WorkspaceConfig& cfg) {
  std::unique_ptr<Workspace> ws(new Workspace());
  ws->dir_ = dir;
  ws->data_dir_ = cfg.data_dir.empty() ? DefaultDataDir() : cfg.data_dir;
  JBR_ASSIGN_OR_RETURN(ws->schemas_, LoadSchemas(ws->data_dir_));
  JBR_ASSIGN_OR_RETURN(ws->ministries_, LoadMinistries(ws->data_dir_));
  JBR_ASSIGN_OR_RETURN(ws->store_, Store::Open(StorePath(dir, cfg.store_url)));
  return ws;
}

}  // namespace jbr
