#include "serve/static_server.h"

#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "serve/backlog.h"

namespace jbr::serve {
namespace fs = std::filesystem;
namespace {

constexpr const char* kCsp =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

bool Within(const fs::path& root, const fs::path& p) {
  auto r = root.native(), s = p.native();
  return s == r || (s.size() > r.size() && s.compare(0, r.size(), r) == 0 && s[r.size()] == '/');
}

// The canonical form of `p` when it exists under `root`; empty otherwise.
fs::path Inside(const fs::path& root, const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::canonical(p, ec);
  if (ec || !Within(root, c)) return {};
  return c;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

}  // namespace

Status StaticServerOptions::Validate() const {
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) {
    return UsageError(fmt::format("'{}' is not a directory to serve", root));
  }
  if (port < 0 || port > 65535) return UsageError(fmt::format("port {} is out of range", port));
  if (host.empty()) return UsageError("no host to listen on");
  return Status::Ok();
}

const char* ContentTypeFor(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".pdf", "application/pdf"},
      {".csv", "text/csv; charset=utf-8"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".xml", "application/xml"},
      {".zip", "application/zip"}};
  std::string ext = fs::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

std::string ResolvePath(const std::string& root, const std::string& url_path, bool* redirect) {
  *redirect = false;
  if (url_path.empty() || url_path[0] != '/') return "";
  if (url_path.find('\0') != std::string::npos || url_path.find('\\') != std::string::npos) {
    return "";
  }
  fs::path rel;
  std::stringstream parts(url_path.substr(1));
  std::string seg;
  while (std::getline(parts, seg, '/')) {
    if (seg == "..") return "";  // never walk up, even where it would stay inside
    if (!seg.empty() && seg != ".") rel /= seg;
  }
  fs::path file = Inside(root, fs::path(root) / rel);
  std::error_code ec;
  if (file.empty()) return "";
  if (fs::is_directory(file, ec)) {
    if (url_path.back() != '/') {
      *redirect = true;
      return file.string();
    }
    file = Inside(root, file / "index.html");
    if (file.empty()) return "";  // no listings
  }
  return fs::is_regular_file(file, ec) ? file.string() : "";
}

struct StaticServer::Impl {
  httplib::Server server;
  std::string root;  // canonical
  std::string host;
  std::atomic<bool> stopped{false};
  ListenBacklog backlog;  // raised after the bind

  void Handle(const httplib::Request& req, httplib::Response& res) const {
    bool redirect = false;
    std::string file = ResolvePath(root, req.path, &redirect);
    std::string body;
    if (redirect) {
      res.set_redirect(req.path + "/", 301);
    } else if (file.empty() || !ReadFile(file, &body)) {
      res.status = 404;
    } else {
      res.set_content(body, ContentTypeFor(file));
    }
  }
};

StaticServer::StaticServer(std::unique_ptr<Impl> impl, int port)
    : impl_(std::move(impl)), port_(port) {}
StaticServer::~StaticServer() { Stop(); }

Result<std::unique_ptr<StaticServer>> StaticServer::Bind(const StaticServerOptions& options) {
  JBR_RETURN_IF_ERROR(options.Validate());
  auto impl = std::make_unique<Impl>();
  impl->root = fs::canonical(options.root).string();
  impl->host = options.host;
  Impl* self = impl.get();
  auto& svr = impl->server;
  svr.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                           {"Content-Security-Policy", kCsp},
                           {"Referrer-Policy", "no-referrer"}});
  svr.Get(".*", [self](const httplib::Request& q, httplib::Response& r) { self->Handle(q, r); });
  auto not_allowed = [](const httplib::Request&, httplib::Response& r) {
    r.status = 405;
    r.set_header("Allow", "GET, HEAD");
  };
  svr.Post(".*", not_allowed).Put(".*", not_allowed).Delete(".*", not_allowed);
  svr.Patch(".*", not_allowed).Options(".*", not_allowed);
  svr.set_error_handler([](const httplib::Request&, httplib::Response& r) {
    const char* what = r.status == 404 ? "Not Found" : r.status == 405 ? "Method Not Allowed" : "";
    r.set_content(fmt::format("{} {}\n", r.status, what), "text/plain; charset=utf-8");
  });
  impl->backlog.Watch(svr);
  int port = options.port;
  if (port == 0) {
    port = svr.bind_to_any_port(options.host);
  } else if (!svr.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0) {
    return IoError(
        fmt::format("cannot listen on {}:{} (in use, or not an address of this "
                    "machine)",
                    options.host, options.port));
  }
  impl->backlog.Raise();
  return std::unique_ptr<StaticServer>(new StaticServer(std::move(impl), port));
}

std::string StaticServer::address() const {
  return fmt::format("http://{}:{}/", impl_->host, port_);
}

Status StaticServer::Run() {
  bool ok = impl_->server.listen_after_bind();
  if (!ok && !impl_->stopped) return IoError("the server stopped with an error");
  return Status::Ok();
}

void StaticServer::Stop() {
  impl_->stopped = true;
  impl_->server.stop();
}

}  // namespace jbr::serve
