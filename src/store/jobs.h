// The portal's background jobs and the coordinators' review notes (migration 8 of both backends).
//
// A job is long work a coordinator starts in the portal (compute, publish or release a year): a row
// that any `jbr serve` sharing the store may claim, run and finish. Claiming is atomic (one write
// transaction on SQLite; on PostgreSQL an UPDATE of the oldest queued row picked with FOR UPDATE
// SKIP LOCKED), so exactly one server gets a queued job. The server holding a job renews its lease
// while it runs; a running job whose lease has expired (its server died) is marked failed by the
// next claimer, never run again: a job that may have half-run (a release recorded, a run saved) is
// started again only by a person who has looked. State: queued -> running -> done | failed.
//
// Review notes are append-only remarks of a coordinator on an anomaly (a ministry's indicator in
// a year): who wrote what, when. Times are ISO 8601 UTC text, which sort as they compare. A
// JobStore belongs to its Store (the same connection): use it from the Store's thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace jbr {

struct Job {
  int64_t id = 0;
  std::string kind;           // compute | publish | release
  std::string params = "{}";  // JSON, e.g. {"year":2021,"pdf":false}
  std::string actor;          // who started it
  std::string state = "queued";
  std::string progress;  // what it is doing now, in words
  int percent = 0;       // 0..100
  std::string created_at, started_at, finished_at;
  std::string result;       // when done: what it made (JSON)
  std::string error;        // when failed: why
  std::string worker;       // the server holding (or last holding) it
  std::string lease_until;  // a running job is its worker's until then
};

struct ReviewNote {
  int64_t id = 0;
  int year = 0;
  std::string ministry;
  std::string indicator;
  std::string note;
  std::string actor;
  std::string at;
};

// What ClaimJob did: the job now held by the caller (if any was queued), and the running jobs
// whose lease had expired, now failed (for the caller to log).
struct JobClaim {
  std::optional<Job> job;
  std::vector<Job> expired;
};

class JobStore {
 public:
  virtual ~JobStore() = default;

  // Queues a job (its state, worker and times but created_at are ignored); returns it with its id.
  virtual Result<Job> AddJob(const Job& j) = 0;
  virtual Result<std::optional<Job>> GetJob(int64_t id) = 0;
  // The newest `limit` jobs, newest first.
  virtual Result<std::vector<Job>> ListJobs(int64_t limit) = 0;
  // In one write transaction: fails every running job whose lease ended before `now`, then claims
  // the oldest queued job for `worker` (running, started at `now`, leased until `lease_until`).
  virtual Result<JobClaim> ClaimJob(const std::string& worker, const std::string& now,
                                    const std::string& lease_until) = 0;
  // Extends the lease of a job `worker` holds and records its progress. False when the job is no
  // longer this worker's (its lease expired and another server failed it).
  virtual Result<bool> RenewJob(int64_t id, const std::string& worker,
                                const std::string& lease_until, const std::string& progress,
                                int percent) = 0;
  // Ends a job `worker` holds: done with `text` as its result, or failed with `text` as its
  // error. False when the job is no longer this worker's.
  virtual Result<bool> FinishJob(int64_t id, const std::string& worker, bool ok,
                                 const std::string& text, const std::string& at) = 0;

  // Appends a note; returns its id.
  virtual Result<int64_t> AddNote(const ReviewNote& n) = 0;
  // The notes of `year` (every year when empty), oldest first.
  virtual Result<std::vector<ReviewNote>> Notes(std::optional<int> year) = 0;
};

}  // namespace jbr
