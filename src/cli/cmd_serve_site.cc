// jbr serve-site: a published site directory over HTTP on this machine, until Ctrl-C.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "cli/command.h"
#include "serve/static_server.h"

namespace jbr::cli {

Status ServeUntilSignal(const serve::StaticServerOptions& o) {
  // SIGINT and SIGTERM are blocked in every thread (the server's inherit the mask) and taken by
  // sigwait below, so that stopping happens in ordinary code, not in a signal handler.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  // A shell starts background jobs with SIGINT ignored; an ignored signal never reaches sigwait.
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  JBR_ASSIGN_OR_RETURN(auto server, serve::StaticServer::Bind(o));
  std::cout << fmt::format("serving {} at {} (read-only; Ctrl-C stops)", o.root, server->address())
            << std::endl;
  Status result;
  std::atomic<bool> stopping{false};
  std::thread worker([&] {
    result = server->Run();
    if (!stopping) kill(getpid(), SIGTERM);  // it ended by itself: wake the waiting thread
  });
  int sig = 0;
  sigwait(&stop, &sig);
  stopping = true;
  server->Stop();
  worker.join();
  return result;
}

void RegisterServeSite(CLI::App& app, GlobalOptions& /*g*/, Action& run) {
  auto o = std::make_shared<serve::StaticServerOptions>();
  auto* cmd = app.add_subcommand(
      "serve-site", "Serve a published site directory read-only over HTTP (preview, checks)");
  cmd->add_option("dir", o->root, "The site directory (jbr publish --out)")->required();
  cmd->add_option("-p,--port", o->port, "Port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--host", o->host, "Address to listen on")->capture_default_str();
  cmd->footer("Example:\n  jbr serve-site site-2020 --port 8080");
  cmd->callback([&run, o] { run = [o] { return ServeUntilSignal(*o); }; });
}

}  // namespace jbr::cli
