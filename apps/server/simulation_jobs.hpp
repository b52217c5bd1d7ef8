#pragma once

// The server's what-if simulations (issue 16 item 5): a coordinator's job compares the network's current charter
// with a changed one on simulated futures of that network. Jobs run on the runner's own worker threads (at most
// server.simulation_workers at once, at a lower CPU priority than the threads serving requests), wait in a queue
// of at most server.simulation_queue, and are kept in memory only: a restart forgets them (docs/simulator.md).

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/settings.hpp"
#include "simulation/network_runs.hpp"

namespace covalue::server {

//! Where a what-if simulation is.
enum class SimulationState { kQueued, kRunning, kDone, kCancelled, kFailed };

//! "queued", "running", "done", "cancelled", "failed".
constexpr auto enum_names(SimulationState /*tag*/) {
  using enum SimulationState;
  return core::NameTable{"simulation state", std::to_array<core::EnumName<SimulationState>>({{kQueued, "queued"},
                                                                                             {kRunning, "running"},
                                                                                             {kDone, "done"},
                                                                                             {kCancelled, "cancelled"},
                                                                                             {kFailed, "failed"}})};
}

//! The bounds of a what-if's size: simulated networks per charter and cycles per network.
inline constexpr std::int64_t kMinSimulatedNetworks = 10;
inline constexpr std::int64_t kMaxSimulatedNetworks = 1000;
inline constexpr std::int64_t kDefaultSimulatedNetworks = 200;
inline constexpr std::int64_t kMaxSimulatedCycles = 100;
inline constexpr std::int64_t kDefaultSimulatedCycles = 20;
//! Finished simulations kept per network (the oldest go first).
inline constexpr std::size_t kKeptSimulations = 20;

//! How many simulations run and wait at once (the settings table's server.simulation_* rows).
struct SimulationOptions {
  std::int64_t workers{core::settings::integer_default("server.simulation_workers")};
  std::int64_t queue{core::settings::integer_default("server.simulation_queue")};
};

//! The what-if simulations of every network of one server; each network numbers its own from 1. Thread safe.
class SimulationJobs {
 public:
  explicit SimulationJobs(SimulationOptions options);
  //! Cancels every job and waits for the workers to stop (each within one simulated network).
  ~SimulationJobs();
  SimulationJobs(const SimulationJobs&) = delete;
  SimulationJobs& operator=(const SimulationJobs&) = delete;
  SimulationJobs(SimulationJobs&&) = delete;
  SimulationJobs& operator=(SimulationJobs&&) = delete;

  //! Queues a what-if of `network`; its JSON (as view() gives it), or nothing when the queue is full.
  //! `current` and `changed` are the two charters as the API writes them.
  [[nodiscard]] std::optional<nlohmann::json> submit(std::int64_t network, simulation::WhatIf what_if,
                                                     nlohmann::json current, nlohmann::json changed);
  //! Job `id` of `network` (nothing for another network's or an unknown one), with its results when done.
  [[nodiscard]] std::optional<nlohmann::json> view(std::int64_t network, std::int64_t id) const;
  //! Every job of `network` kept, newest first, without results.
  [[nodiscard]] nlohmann::json list(std::int64_t network) const;
  //! Cancels job `id` of `network`: a queued job at once, a running one after the network it is simulating;
  //! a finished one stays as it is. Its JSON, or nothing when it is unknown.
  [[nodiscard]] std::optional<nlohmann::json> cancel(std::int64_t network, std::int64_t id);
  //! How many wait in the queue now, how many may.
  [[nodiscard]] std::size_t waiting() const;
  [[nodiscard]] std::size_t queue_limit() const { return static_cast<std::size_t>(options_.queue); }

 private:
  struct Job;
  void work();
  void run(Job& job);
  void forget_old(std::int64_t network);
  [[nodiscard]] nlohmann::json json_of(const Job& job, bool with_results) const;

  SimulationOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_{false};
  std::map<std::int64_t, std::int64_t> next_ids_;                               //!< per network: ids count per network
  std::map<std::pair<std::int64_t, std::int64_t>, std::shared_ptr<Job>> jobs_;  //!< by (network, id)
  std::deque<std::shared_ptr<Job>> queue_;
  std::vector<std::thread> workers_;  //!< started with the first job
};

}  // namespace covalue::server
