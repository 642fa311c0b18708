// A read-only HTTP server for a published site directory (jbr serve-site), for previewing the
// site and for the browser checks.
//
// GET and HEAD only (other methods: 405 with Allow). A path maps to a regular file under the root;
// a directory gives its index.html (a directory without a trailing slash is redirected to one);
// there are no directory listings. Anything that resolves outside the root (".." segments, also
// percent-encoded, symlinks pointing out) is 404, as is a missing file. Every response carries
// X-Content-Type-Options: nosniff, a Content-Security-Policy allowing only the same origin, and
// Referrer-Policy: no-referrer. Content-Type by extension (html, css, js, svg, pdf, csv, json,
// xlsx, png, woff2, ...; otherwise application/octet-stream).
#pragma once

#include <memory>
#include <string>

#include "common/result.h"

namespace jbr::serve {

struct StaticServerOptions {
  std::string root;                // an existing directory
  std::string host = "127.0.0.1";  // the address to listen on
  int port = 8080;                 // 0: any free port (see StaticServer::port)
  Status Validate() const;         // root is a directory, port in 0..65535, host not empty
};

class StaticServer {
 public:
  // Binds the socket. Errors: usage for invalid options; I/O when the address cannot be bound
  // (the message names host and port).
  static Result<std::unique_ptr<StaticServer>> Bind(const StaticServerOptions& options);
  ~StaticServer();
  StaticServer(const StaticServer&) = delete;
  StaticServer& operator=(const StaticServer&) = delete;

  int port() const { return port_; }  // the bound port
  std::string address() const;        // "http://host:port/"
  // Serves until Stop() (from any thread). Returns an I/O error when serving failed.
  Status Run();
  void Stop();

 private:
  struct Impl;
  explicit StaticServer(std::unique_ptr<Impl> impl, int port);
  std::unique_ptr<Impl> impl_;
  int port_;
};

// The Content-Type for a file name by its extension.
const char* ContentTypeFor(const std::string& path);

// The file under `root` (canonical) that the decoded URL path `url_path` names, or an empty
// string when it is outside the root or does not exist. A directory gives its index.html.
// `*redirect` is set when the path names a directory without a trailing slash.
std::string ResolvePath(const std::string& root, const std::string& url_path, bool* redirect);

}  // namespace jbr::serve
