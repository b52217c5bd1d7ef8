// The what-if simulations' runner: a queue, worker threads at a lower CPU priority, progress and cancellation.
#include "simulation_jobs.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>

#include "covalue/core/text.hpp"

namespace covalue::server {
namespace {

using nlohmann::json;
using Steady = std::chrono::steady_clock;

//! The current time in UTC ("2026-12-04T17:00:00Z").
std::string job_clock_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  const std::size_t size = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return {text, size};
}

//! Simulations yield the CPU to the threads serving requests: this thread's nice value goes up by 10 (Linux
//! schedules threads, so it is the thread's own; nothing happens where that is refused).
void lower_priority() {
  const auto thread = static_cast<id_t>(syscall(SYS_gettid));
  (void)setpriority(PRIO_PROCESS, thread, getpriority(PRIO_PROCESS, thread) + 10);
}

}  // namespace

struct SimulationJobs::Job {
  std::int64_t id{0};
  std::int64_t network{0};
  simulation::WhatIf what_if;  //!< moved out when it runs
  json current;
  json changed;
  std::int64_t networks{0};
  std::int64_t cycles{0};
  std::int64_t seed{0};
  std::int64_t total{0};  //!< networks x policies
  std::string created_at;
  std::string finished_at;
  SimulationState state{SimulationState::kQueued};
  std::atomic<std::int64_t> done{0};
  std::atomic<bool> cancel{false};
  Steady::time_point started;
  double seconds{0};
  std::string error;
  json results;
};

SimulationJobs::SimulationJobs(SimulationOptions options) : options_(options) {}

SimulationJobs::~SimulationJobs() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    for (auto& [id, job] : jobs_) {
      job->cancel = true;
    }
  }
  wake_.notify_all();
  for (std::thread& worker : workers_) {
    worker.join();
  }
}

std::optional<json> SimulationJobs::submit(std::int64_t network, simulation::WhatIf what_if, json current,
                                           json changed) {
  const std::lock_guard<std::mutex> lock(mutex_);
  std::int64_t unfinished = 0;  // running or waiting
  for (const auto& [id, job] : jobs_) {
    unfinished += job->state == SimulationState::kQueued || job->state == SimulationState::kRunning ? 1 : 0;
  }
  if (unfinished >= options_.workers + options_.queue) {
    return std::nullopt;
  }
  auto job = std::make_shared<Job>();
  job->id = ++next_ids_[network];
  job->network = network;
  job->networks = what_if.networks;
  job->cycles = what_if.cycles;
  job->seed = what_if.seed;
  job->total = what_if.networks * 2;
  job->what_if = std::move(what_if);
  job->current = std::move(current);
  job->changed = std::move(changed);
  job->created_at = job_clock_now();
  jobs_[{network, job->id}] = job;
  queue_.push_back(job);
  if (workers_.size() < static_cast<std::size_t>(options_.workers)) {
    workers_.emplace_back([this] { work(); });
  }
  wake_.notify_one();
  return json_of(*job, false);
}

void SimulationJobs::work() {
  lower_priority();
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) {
      return;
    }
    const std::shared_ptr<Job> job = queue_.front();
    queue_.pop_front();
    job->state = SimulationState::kRunning;
    job->started = Steady::now();
    lock.unlock();
    run(*job);
    lock.lock();
    forget_old(job->network);
  }
}

void SimulationJobs::run(Job& job) {
  core::Result<simulation::SimulationResults> results = [&]() -> core::Result<simulation::SimulationResults> {
    try {
      return simulation::run_what_if(
          std::move(job.what_if), [&job] { job.done += 1; }, job.cancel);
    } catch (const std::exception& e) {  // a fault (memory) fails the job, never the server
      return core::make_error(core::ErrorKind::kInternal, e.what());
    }
  }();
  json encoded;
  if (results) {
    encoded = simulation::results_json(*results);
  }
  const std::lock_guard<std::mutex> lock(mutex_);
  job.seconds = std::chrono::duration<double>(Steady::now() - job.started).count();
  job.finished_at = job_clock_now();
  if (job.cancel) {
    job.state = SimulationState::kCancelled;
  } else if (!results) {
    job.state = SimulationState::kFailed;
    job.error = results.error().to_string();
    std::fprintf(stderr, "covalue serve: simulation %lld failed: %s\n", static_cast<long long>(job.id),
                 core::terminal_safe(job.error).c_str());
  } else {
    job.state = SimulationState::kDone;
    job.results = std::move(encoded);
  }
}

void SimulationJobs::forget_old(std::int64_t network) {
  std::size_t finished = 0;
  for (auto it = jobs_.rbegin(); it != jobs_.rend(); ++it) {  // newest first
    const Job& job = *it->second;
    if (job.network == network && job.state != SimulationState::kQueued && job.state != SimulationState::kRunning) {
      finished += 1;
    }
  }
  for (auto it = jobs_.begin(); it != jobs_.end() && finished > kKeptSimulations;) {
    const Job& job = *it->second;
    if (job.network == network && job.state != SimulationState::kQueued && job.state != SimulationState::kRunning) {
      it = jobs_.erase(it);
      finished -= 1;
    } else {
      ++it;
    }
  }
}

std::optional<json> SimulationJobs::view(std::int64_t network, std::int64_t id) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto found = jobs_.find({network, id});
  if (found == jobs_.end()) {
    return std::nullopt;
  }
  return json_of(*found->second, true);
}

json SimulationJobs::list(std::int64_t network) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  json out = json::array();
  for (auto it = jobs_.rbegin(); it != jobs_.rend(); ++it) {
    if (it->second->network == network) {
      out.push_back(json_of(*it->second, false));
    }
  }
  return out;
}

std::optional<json> SimulationJobs::cancel(std::int64_t network, std::int64_t id) {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto found = jobs_.find({network, id});
  if (found == jobs_.end()) {
    return std::nullopt;
  }
  Job& job = *found->second;
  if (job.state == SimulationState::kQueued || job.state == SimulationState::kRunning) {
    job.cancel = true;  // a running job stops after the network it is simulating
  }
  if (job.state == SimulationState::kQueued) {
    std::erase_if(queue_, [&job](const std::shared_ptr<Job>& queued) { return queued.get() == &job; });
    job.state = SimulationState::kCancelled;
    job.finished_at = job_clock_now();
  }
  return json_of(job, false);
}

std::size_t SimulationJobs::waiting() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

json SimulationJobs::json_of(const Job& job, bool with_results) const {
  const auto text_or_null = [](const std::string& text) { return text.empty() ? json() : json(text); };
  std::int64_t ahead = 0;
  for (const std::shared_ptr<Job>& queued : queue_) {
    if (queued.get() == &job) {
      break;
    }
    ahead += 1;
  }
  const double seconds = job.state == SimulationState::kRunning
                             ? std::chrono::duration<double>(Steady::now() - job.started).count()
                             : job.seconds;
  json out = {{"id", job.id},
              {"state", core::name_of(job.state)},
              {"progress", {{"done", job.done.load()}, {"total", job.total}}},
              {"queue_position", job.state == SimulationState::kQueued ? json(ahead) : json()},
              {"cancel_requested", job.cancel.load()},
              {"networks", job.networks},
              {"cycles", job.cycles},
              {"seed", job.seed},
              {"current", job.current},
              {"changed", job.changed},
              {"created_at", job.created_at},
              {"finished_at", text_or_null(job.finished_at)},
              {"seconds", job.state == SimulationState::kQueued ? json() : json(seconds)},
              {"error", text_or_null(job.error)}};
  if (with_results) {
    out["results"] = job.state == SimulationState::kDone ? job.results : json();
  }
  return out;
}

}  // namespace covalue::server
