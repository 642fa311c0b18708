// Running an outside program (chromium, pdftotext) without a shell.
//
// The program runs by posix_spawnp with an argv array, in a process group of its own, with stdin
// from /dev/null and stdout and stderr to a file or /dev/null. A timeout kills the whole group
// (chromium starts helper processes) with SIGKILL.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"

namespace jbr {

struct ProcessOptions {
  int timeout_seconds = 120;  // > 0
  std::string stdout_path;    // empty: /dev/null
  std::string stderr_path;    // empty: /dev/null; may equal stdout_path (both appended to one file)
};

struct ProcessResult {
  int exit_code = 0;       // the exit status; 128 + signal when a signal ended it
  bool timed_out = false;  // killed after timeout_seconds
};

// Runs argv[0] (looked up in PATH) with `argv`. Errors: usage for an empty argv; not found when
// the program cannot be started (absent); I/O when an output file cannot be opened. A program
// that starts and fails is not an error here: the caller reads exit_code and timed_out.
Result<ProcessResult> RunProcess(const std::vector<std::string>& argv,
                                 const ProcessOptions& options);

// Runs argv and returns its stdout (stderr to /dev/null). Errors as RunProcess, and internal when
// the program times out or exits non-zero (the message names the program and the exit code).
Result<std::string> CaptureOutput(const std::vector<std::string>& argv, int timeout_seconds = 60);

}  // namespace jbr
