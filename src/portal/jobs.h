// The portal's background jobs: compute, publish and release of a year, started by a coordinator
// at /jobs and run by a worker thread in every `jbr serve` on the store (store/jobs.h has the
// claim and the lease). A job runs in the server, not in the request: the browser that started it
// may go away; /jobs/ID shows its progress.
//
// The worker claims one queued job at a time, runs it on a store connection of its own and renews
// the job's lease (JobOptions::lease_seconds) every quarter of it from a second connection while
// the work runs, recording its progress. A job whose server died keeps its lease until it runs
// out; then the next claim in any server fails it, so that no job ever runs twice. Stop() (SIGTERM)
// claims nothing more and waits for the running job to finish: a job is never left half done by a
// graceful stop. Every start and end is in the action log (job-start, job-end).
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/result.h"
#include "store/jobs.h"
#include "store/store.h"

namespace jbr::portal {

struct Portal;

// The kinds a coordinator may start; every one takes {"year": Y}, publish and release also
// {"pdf": true|false}.
bool IsJobKind(const std::string& kind);

// The work of `job`: the library calls the CLI's `jbr compute --year`, `jbr publish --year --out
// WORKSPACE/site` and `jbr release --year` make, on `store`. `progress` records what it does now.
// Returns the result as JSON (the run, the release); an error fails the job.
Result<std::string> RunJobWork(const Portal& p, Store* store, const Job& job,
                               const std::function<void(const std::string&, int)>& progress);

class JobRunner {
 public:
  explicit JobRunner(Portal* portal);
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  void Start();
  // Claims nothing more, waits for the running job (if any) to end, and returns.
  void Stop();
  const std::string& worker() const { return worker_; }

 private:
  void Loop();
  void Run(Store* store, const Job& job);
  void Heartbeat(const Job& job);

  Portal* portal_;
  std::string worker_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::condition_variable wake_;
  // The running job's progress, written by the heartbeat.
  std::string progress_;
  int percent_ = 0;
  bool job_done_ = false;
};

}  // namespace jbr::portal
