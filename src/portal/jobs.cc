#include "portal/jobs.h"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/paths.h"
#include "disclosure/lp.h"
#include "indicators/core/reference.h"
#include "indicators/engine.h"
#include "portal/portal.h"
#include "portal/security.h"
#include "publish/audit_gate.h"
#include "publish/publish.h"
#include "publish/release.h"

namespace jbr::portal {
namespace fs = std::filesystem;
namespace {

std::string LeaseUntil(int seconds) { return FormatUtc(std::time(nullptr) + seconds); }

Result<std::string> Compute(const Portal& p, Store* store, int year,
                            const std::function<void(const std::string&, int)>& progress) {
  JBR_ASSIGN_OR_RETURN(ReferenceData ref,
                       ReferenceData::Load((fs::path(p.data_dir) / "reference").string()));
  ComputeEnv env{store, &p.schemas, &p.ministries, &ref};
  ComputeOptions o;
  o.year = year;
  progress("computing every indicator from the current deliveries", 10);
  ComputeResult r;
  {
    // As jbr compute: one snapshot for every read.
    JBR_ASSIGN_OR_RETURN(auto snapshot, ReadSnapshot::Begin(store));
    JBR_ASSIGN_OR_RETURN(r, ComputeYear(env, o));
  }
  progress("saving the compute run", 80);
  const nlohmann::json options = {{"year", year},
                                  {"ministry", ""},
                                  {"indicator", ""},
                                  {"person_threshold", o.person_threshold},
                                  {"integrity_threshold", o.integrity_threshold}};
  const std::string now = p.options.clock ? p.options.clock->NowUtc() : SystemNowUtc();
  JBR_ASSIGN_OR_RETURN(int64_t run, SaveComputation(store, r, now, options.dump()));
  return nlohmann::json{{"run", run}, {"values", r.values.size()}, {"year", year}}.dump();
}

std::vector<std::string> TemplateDirs(const Portal& p) {
  std::vector<std::string> dirs;
  const fs::path own = fs::path(p.workspace_dir) / "templates";
  std::error_code ec;
  if (fs::is_directory(own, ec)) dirs.push_back(own.string());
  dirs.push_back(p.options.templates_dir.empty() ? DefaultTemplatesDir() : p.options.templates_dir);
  return dirs;
}

Result<std::string> Publish(const Portal& p, Store* store, int year, bool pdf,
                            const std::function<void(const std::string&, int)>& progress) {
  publish::PublishOptions o;
  o.year = year;
  o.out_dir = (fs::path(p.workspace_dir) / "site").string();
  o.template_dirs = TemplateDirs(p);
  o.schemas = &p.schemas;
  o.ministries = &p.ministries;
  o.pdf = pdf;
  o.earlier_releases =
      publish::EarlierReleaseDirs((fs::path(p.workspace_dir) / "releases").string(), year);
  progress(pdf ? "auditing and writing the site, then printing the PDFs"
               : "auditing and writing the site",
           20);
  JBR_ASSIGN_OR_RETURN(publish::PublishSummary s, publish::Publish(store, p.definitions, o));
  return nlohmann::json{{"run", s.run_id}, {"files", s.files.size()}, {"out", "site"}}.dump();
}

Result<std::string> Release(const Portal& p, Store* store, const Job& job, int year, bool pdf,
                            const std::function<void(const std::string&, int)>& progress) {
  publish::ReleaseOptions o;
  o.year = year;
  o.releases_root = (fs::path(p.workspace_dir) / "releases").string();
  o.created_at = p.options.clock ? p.options.clock->NowUtc() : SystemNowUtc();
  o.actor = job.actor;
  o.template_dirs = TemplateDirs(p);
  o.pdf = pdf;
  o.schemas = &p.schemas;
  o.ministries = &p.ministries;
  progress(pdf ? "auditing and writing the release, then printing the PDFs"
               : "auditing and writing the release",
           20);
  JBR_ASSIGN_OR_RETURN(publish::ReleaseSummary s, publish::MakeRelease(store, p.definitions, o));
  return nlohmann::json{{"release", fmt::format("{}-{}", s.release.year, s.release.number)},
                        {"run", s.release.run_id},
                        {"files", s.published.files.size()},
                        {"restatements", s.published.restatements}}
      .dump();
}

}  // namespace

bool IsJobKind(const std::string& kind) {
  return kind == "compute" || kind == "publish" || kind == "release";
}

Result<std::string> RunJobWork(const Portal& p, Store* store, const Job& job,
                               const std::function<void(const std::string&, int)>& progress) {
  const auto params = nlohmann::json::parse(job.params, nullptr, false);
  if (params.is_discarded() || !params.is_object() || !params.contains("year") ||
      !params["year"].is_number_integer()) {
    return UsageError(fmt::format("job {} has no year in its parameters", job.id));
  }
  const int year = params["year"].get<int>();
  const bool pdf = params.value("pdf", false);
  if (job.kind == "compute") return Compute(p, store, year, progress);
  if (job.kind == "publish") return Publish(p, store, year, pdf, progress);
  if (job.kind == "release") return Release(p, store, job, year, pdf, progress);
  return UsageError(fmt::format("job {} is of an unknown kind '{}'", job.id, job.kind));
}

JobRunner::JobRunner(Portal* portal) : portal_(portal) {
  char host[256] = {0};
  if (gethostname(host, sizeof(host) - 1) != 0) host[0] = '\0';
  worker_ = fmt::format("{}:{}:{}", host, getpid(), RandomToken(6));
}

JobRunner::~JobRunner() { Stop(); }

void JobRunner::Start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void JobRunner::Stop() {
  stopping_ = true;
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void JobRunner::Loop() {
  const JobOptions& o = portal_->options.jobs;
  while (!stopping_) {
    bool claimed = false;
    {
      auto lease = portal_->pool->Borrow();
      if (lease.ok()) {
        Store* store = lease->get();
        const std::string now = SystemNowUtc();
        auto claim = store->jobs()->ClaimJob(worker_, now, LeaseUntil(o.lease_seconds));
        if (!claim.ok()) {
          std::cerr << "jbr serve: claiming a job: " << claim.status().message() << "\n";
        } else {
          for (const Job& dead : claim->expired) {
            (void)LogAction(store, Context{dead.actor, "job", now}, "job-end",
                            fmt::format("job {}", dead.id), "failed",
                            nlohmann::json{{"kind", dead.kind}, {"error", dead.error}}.dump());
          }
          if (claim->job) {
            claimed = true;
            Run(store, *claim->job);
            // Compute's disclosure control solved its programs in this thread: free GLPK's
            // environment of it, which this thread would otherwise keep (and leak when it ends).
            sdc::ReleaseThreadEnvironment();
          }
        }
      } else {
        std::cerr << "jbr serve: " << lease.status().message() << "\n";
      }
    }
    if (claimed) continue;  // there may be more queued
    std::unique_lock<std::mutex> lock(mu_);
    wake_.wait_for(lock, std::chrono::milliseconds(o.poll_ms), [this] { return stopping_.load(); });
  }
}

void JobRunner::Run(Store* store, const Job& job) {
  const std::string target = fmt::format("job {}", job.id);
  const nlohmann::json about = {{"kind", job.kind}, {"params", job.params}, {"worker", worker_}};
  (void)LogAction(store, Context{job.actor, "job", SystemNowUtc()}, "job-start", target, "ok",
                  about.dump());
  {
    std::lock_guard<std::mutex> lock(mu_);
    progress_ = "started";
    percent_ = 0;
    job_done_ = false;
  }
  std::thread beat([this, &job] { Heartbeat(job); });
  if (portal_->options.jobs.before_work) portal_->options.jobs.before_work(job, stopping_);
  Result<std::string> result = InternalError("the job did not run");
  try {
    result = RunJobWork(*portal_, store, job, [this](const std::string& what, int percent) {
      std::lock_guard<std::mutex> lock(mu_);
      progress_ = what;
      percent_ = percent;
      wake_.notify_all();
    });
  } catch (const std::exception& e) {
    result = InternalError(e.what());
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    job_done_ = true;
    wake_.notify_all();
  }
  beat.join();
  const std::string now = SystemNowUtc();
  const bool ok = result.ok();
  auto ours = store->jobs()->FinishJob(job.id, worker_, ok,
                                       ok ? *result : std::string(result.status().message()), now);
  if (!ours.ok() || !*ours) {
    std::cerr << fmt::format(
        "jbr serve: job {} ended here, but it was no longer this server's: {}\n", job.id,
        ours.ok() ? "its lease had expired" : ours.status().message());
  }
  nlohmann::json detail = about;
  detail[ok ? "result" : "error"] = ok ? *result : std::string(result.status().message());
  (void)LogAction(store, Context{job.actor, "job", now}, "job-end", target, ok ? "ok" : "failed",
                  detail.dump());
}

// Renews the lease every quarter of it, and at once when the progress changes, until the work
// ends; on a connection of its own (the job's is busy with the work).
void JobRunner::Heartbeat(const Job& job) {
  const JobOptions& o = portal_->options.jobs;
  const auto every = std::chrono::milliseconds(o.lease_seconds * 1000 / 4);
  std::string written;
  int written_percent = -1;
  std::unique_lock<std::mutex> lock(mu_);
  while (!job_done_) {
    const std::string progress = progress_;
    const int percent = percent_;
    lock.unlock();
    auto store = portal_->pool->Borrow();
    if (store.ok()) {
      auto ours = (*store)->jobs()->RenewJob(job.id, worker_, LeaseUntil(o.lease_seconds), progress,
                                             percent);
      if (!ours.ok()) {
        std::cerr << fmt::format("jbr serve: renewing the lease of job {}: {}\n", job.id,
                                 ours.status().message());
      } else if (!*ours) {
        std::cerr << fmt::format("jbr serve: job {} is no longer this server's\n", job.id);
      }
    }
    written = progress;
    written_percent = percent;
    lock.lock();
    wake_.wait_for(lock, every, [&] {
      return job_done_ || progress_ != written || percent_ != written_percent;
    });
  }
}

}  // namespace jbr::portal
