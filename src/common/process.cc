#include "common/process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

extern char** environ;

namespace jbr {
namespace {

// posix_spawn's C structures, destroyed on every path.
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

void Configure(SpawnSetup& s, const ProcessOptions& o) {
  const int kOut = O_WRONLY | O_CREAT | O_TRUNC;
  std::string out = o.stdout_path.empty() ? "/dev/null" : o.stdout_path;
  std::string err = o.stderr_path.empty() ? "/dev/null" : o.stderr_path;
  posix_spawn_file_actions_addopen(&s.actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&s.actions, 1, out.c_str(), kOut, 0644);
  if (err == out) {
    posix_spawn_file_actions_adddup2(&s.actions, 1, 2);
  } else {
    posix_spawn_file_actions_addopen(&s.actions, 2, err.c_str(), kOut, 0644);
  }
  // A group of its own, so that a timeout can kill chromium's helpers too; default signals and an
  // empty mask, whatever the caller blocked (jbr serve-site blocks SIGINT and SIGTERM).
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setpgroup(&s.attr, 0);
  posix_spawnattr_setsigmask(&s.attr, &none);
  posix_spawnattr_setsigdefault(&s.attr, &defaults);
  posix_spawnattr_setflags(&s.attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
}

int ExitCodeOf(int wstatus) {
  if (WIFEXITED(wstatus)) return WEXITSTATUS(wstatus);
  if (WIFSIGNALED(wstatus)) return 128 + WTERMSIG(wstatus);
  return -1;
}

ProcessResult WaitWithTimeout(pid_t pid, int timeout_seconds) {
  ProcessResult r;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  int wstatus = 0;
  while (true) {
    pid_t done = waitpid(pid, &wstatus, WNOHANG);
    if (done == pid || (done < 0 && errno != EINTR)) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &wstatus, 0);
      r.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // Helpers the program left behind in its group go with it.
  kill(-pid, SIGKILL);
  r.exit_code = ExitCodeOf(wstatus);
  return r;
}

}  // namespace

Result<ProcessResult> RunProcess(const std::vector<std::string>& argv,
                                 const ProcessOptions& options) {
  if (argv.empty() || options.timeout_seconds <= 0) {
    return UsageError("RunProcess needs a program and a positive timeout");
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  SpawnSetup setup;
  Configure(setup, options);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &setup.actions, &setup.attr, args.data(), environ);
  if (rc == ENOENT || rc == EACCES) {
    return NotFound(fmt::format("{} is not installed (not found in PATH)", argv[0]));
  }
  if (rc != 0) {
    return IoError(fmt::format("cannot start {}: {}", argv[0], std::strerror(rc)));
  }
  return WaitWithTimeout(pid, options.timeout_seconds);
}

Result<std::string> CaptureOutput(const std::vector<std::string>& argv, int timeout_seconds) {
  std::error_code ec;
  auto dir = std::filesystem::temp_directory_path(ec);
  std::string tmpl = (dir / "jbr-capture-XXXXXX").string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) return IoError(fmt::format("cannot create a temporary file in {}", dir.string()));
  close(fd);
  ProcessOptions o;
  o.timeout_seconds = timeout_seconds;
  o.stdout_path = tmpl;
  auto run = RunProcess(argv, o);
  std::ifstream in(tmpl, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::filesystem::remove(tmpl, ec);
  if (!run.ok()) return run.status();
  if (run->timed_out || run->exit_code != 0) {
    return InternalError(fmt::format("{} {} (exit code {})", argv[0],
                                     run->timed_out ? "timed out" : "failed", run->exit_code));
  }
  return text.str();
}

}  // namespace jbr
