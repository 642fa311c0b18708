// A workspace: a directory with jbr.json (its config) and the store (jbr.sqlite by default).
//
// Resolution of the directory: the --workspace option (the CLI fills it from $JBR_WORKSPACE), else
// the current directory. Created by `jbr init`; every other command opens an existing one. The
// store is the one jbr.json names ("store": "sqlite:jbr.sqlite" or
// "postgresql://user@host:port/db"), unless the caller gives another URL (--store).
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
  std::string data_dir;                         // empty: the caller's default reference data
};

class Workspace {
 public:
  // Creates `dir` (and parents) with a config naming `store_url` (empty: jbr.sqlite in `dir`)
  // and opens (creating and migrating) that store. Fails when a workspace is there.
  // `default_data_dir` is the reference data of a workspace whose config names none (empty:
  // DefaultDataDir()), as for Open.
  static Result<std::unique_ptr<Workspace>> Create(const std::string& dir,
                                                   const std::string& store_url = "",
                                                   const std::string& default_data_dir = "");
  // Opens the workspace in `dir` with the store its config names, or `store_url` when not empty;
  // its schemas and ministries from the config's data_dir, else `default_data_dir`, else
  // DefaultDataDir().
  static Result<std::unique_ptr<Workspace>> Open(const std::string& dir,
                                                 const std::string& store_url = "",
                                                 const std::string& default_data_dir = "");
  // Points the workspace's config at another store (jbr migrate-store), replacing jbr.json whole.
  static Status SetStore(const std::string& dir, const std::string& store_url);
  // The store URL the config of `dir` names, resolved as Open would (relative SQLite paths are
  // inside the workspace), or `store_url` when not empty.
  static Result<std::string> StoreUrl(const std::string& dir, const std::string& store_url = "");
  // The directory from an explicit option, or "." when it is empty.
  static std::string Resolve(const std::string& option);

  const std::string& dir() const { return dir_; }
  Store* store() { return store_.get(); }
  const SchemaRegistry& schemas() const { return schemas_; }
  const MinistryRegistry& ministries() const { return ministries_; }
  const std::string& data_dir() const { return data_dir_; }

 private:
  Workspace() = default;
  static Result<std::unique_ptr<Workspace>> Load(const std::string& dir,
                                                 const WorkspaceConfig& cfg);
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
