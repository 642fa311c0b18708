// jbr serve: the delivery portal and the public API, until SIGINT or SIGTERM (graceful: requests
// in flight are finished, no new ones accepted). jbr demo ends here too.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "cli/command.h"
#include "portal/server.h"

namespace jbr::cli {

Status ServePortalUntilSignal(const portal::PortalOptions& o,
                              const std::function<void()>& started) {
  // As serve-site: the signals are taken by sigwait in this thread, never by a handler.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  JBR_ASSIGN_OR_RETURN(auto server, portal::PortalServer::Start(o));
  std::cout << fmt::format("jbr portal at {} (workspace {}; Ctrl-C or SIGTERM stops)",
                           server->address(), o.workspace)
            << std::endl;
  started();
  Status result;
  std::atomic<bool> stopping{false};
  std::thread worker([&] {
    result = server->Run();
    if (!stopping) kill(getpid(), SIGTERM);
  });
  int sig = 0;
  sigwait(&stop, &sig);
  stopping = true;
  server->Stop();
  worker.join();
  std::cout << "jbr portal stopped" << std::endl;
  return result;
}

namespace {

struct ServeArgs {
  portal::PortalOptions o;
  std::string listen = "127.0.0.1:8080";
  int64_t max_upload_mb = 200;
  int session_minutes = 480;
  bool quiet = false;
};

Status ParseListen(const std::string& listen, portal::PortalOptions* o) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0)
    return UsageError(fmt::format("--listen '{}' is not HOST:PORT", listen));
  o->host = listen.substr(0, colon);
  if (o->host.size() > 2 && o->host.front() == '[' && o->host.back() == ']')
    o->host = o->host.substr(1, o->host.size() - 2);
  try {
    size_t used = 0;
    o->port = std::stoi(listen.substr(colon + 1), &used);
    if (used != listen.size() - colon - 1) throw std::invalid_argument("port");
  } catch (const std::exception&) {
    return UsageError(fmt::format("--listen '{}': the port is not a number", listen));
  }
  return Status::Ok();
}

Status RunServe(const GlobalOptions& g, ServeArgs a) {
  JBR_RETURN_IF_ERROR(ParseListen(a.listen, &a.o));
  a.o.workspace = Workspace::Resolve(g.workspace);
  a.o.store_url = g.store;
  a.o.data_dir = g.data_dir;
  a.o.templates_dir = g.templates_dir;
  a.o.max_upload_bytes = a.max_upload_mb << 20;
  a.o.login.session_seconds = a.session_minutes * 60;
  a.o.access_log = a.quiet ? nullptr : &std::cerr;
  return ServePortalUntilSignal(a.o, [] {});
}

}  // namespace

void RegisterServe(CLI::App& app, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<ServeArgs>();
  auto* cmd =
      app.add_subcommand("serve", "The delivery portal and the open-data API of a workspace");
  cmd->add_option("--listen", a->listen, "HOST:PORT to listen on (port 0: any free port)")
      ->capture_default_str();
  cmd->add_option("--cert", a->o.cert, "PEM certificate: serve HTTPS (with --key)");
  cmd->add_option("--key", a->o.key, "PEM private key of the certificate");
  cmd->add_option("--max-upload-mb", a->max_upload_mb, "Largest upload accepted, MiB")
      ->check(CLI::Range(1, 900))
      ->capture_default_str();
  cmd->add_option("--session-minutes", a->session_minutes, "How long a login lasts")
      ->check(CLI::Range(1, 7 * 24 * 60))
      ->capture_default_str();
  cmd->add_option("--threads", a->o.threads, "Worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_option("--anomaly-percent", a->o.anomaly_percent,
                  "/anomalies lists changes against last year beyond this many percent")
      ->check(CLI::Range(0.01, 1000.0))
      ->capture_default_str();
  cmd->add_option("--job-lease-seconds", a->o.jobs.lease_seconds,
                  "A running job is this server's for so long, renewed while it runs; a job "
                  "whose server died is failed when its lease runs out")
      ->check(CLI::Range(4, 3600))
      ->capture_default_str();
  cmd->add_flag(
      "--no-jobs", [a](int64_t n) { a->o.jobs.run = n == 0; },
      "Run no background jobs in this server (they are queued for the others)");
  cmd->add_flag("--quiet", a->quiet, "No access log on stderr");
  cmd->footer("Example:\n  jbr serve --workspace jbr-2021 --listen 127.0.0.1:8080");
  cmd->callback([&g, &run, a] { run = [&g, a] { return RunServe(g, *a); }; });
}

}  // namespace jbr::cli
