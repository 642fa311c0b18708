// A workspace: a directory with jbr.json (its config) and the store (jbr.sqlite by default).
//
// Resolution of the directory: the --workspace option, else $JBR_WORKSPACE, else the current
// directory. Created by `jbr init`; every other command opens an existing one. The store is
// the one jbr.json names ("store": "sqlite:jbr.sqlite" or "postgresql://user@host:port/db"),
// unless the caller gives another URL (--store).
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "schema/ministries.h"
#include "schema/schema.h"
#include "store/store.h"

namespace jbr {

struct WorkspaceConfig {
  std::string store_url = "sqlite:jbr.sqlite";  // relative paths are inside the workspace
  std::string data_dir;                         // empty: jbr's own reference data
};

class Workspace {
 public:
  // Creates `dir` (and parents) with a config naming `store_url` (empty: jbr.sqlite in `dir`)
  // and opens (creating and migrating) that store. Fails when a workspace is there.
  static Result<std::unique_ptr<Workspace>> Create(const std::string& dir, const std::string& store_url = "");
  // Opens the workspace in `dir` with the store its config names, or `store_url` when not empty.
  static Result<std::unique_ptr<Workspace>> Open(const std::string& dir, const std::string& store_url = "");
  // Points the workspace's config at another store (jbr migrate-store), replacing jbr.json whole.
  static Status SetStore(const std::string& dir, const std::string& store_url);
  // The store URL the config of `dir` names, resolved as Open would (relative SQLite paths are
  // inside the workspace), or `store_url` when not empty.
  static Result<std::string> StoreUrl(const std::string& dir, const std::string& store_url = "");
  // The directory from an explicit option (may be empty), $JBR_WORKSPACE or ".".
  static std::string Resolve(const std::string& option);

  const std::string& dir() const { return dir_; }
  Store* store() { return store_.get(); }
  const SchemaRegistry& schemas() const { return schemas_; }
  const MinistryRegistry& ministries() const { return ministries_; }
  const std::string& data_dir() const { return data_dir_; }

 private:
  Workspace() = default;
  static Result<std::unique_ptr<Workspace>> Load(const std::string& dir, const WorkspaceConfig& cfg);
  std::string dir_;
  std::string data_dir_;
  std::unique_ptr<Store> store_;
  SchemaRegistry schemas_;
  MinistryRegistry ministries_;
};

// Reference data without a workspace (for `jbr validate` outside one).
Result<SchemaRegistry> LoadSchemas(const std::string& data_dir);
Result<MinistryRegistry> LoadMinistries(const std::string& data_dir);

}  // namespace jbr
