#pragma once

// Running the simulated networks of one policy, for `covalue simulate run` (OpenMP threads, MPI ranks, a
// progress line) and the server's what-if jobs (one thread, progress and cancellation): network i's result lands
// at index i whichever thread ran it, so the results do not depend on how the work was split.

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "covalue/core/result.hpp"
#include "simulation/real_network.hpp"
#include "simulation/simulation_results.hpp"

namespace covalue::simulation {

//! How the networks of a policy are run.
struct RunControl {
  int threads{1};                            //!< OpenMP threads
  std::function<bool(std::size_t)> owns;     //!< the networks this process runs (null: all)
  std::function<void()> on_network;          //!< called after each network, from its thread
  const std::atomic<bool>* cancel{nullptr};  //!< once set, networks not started yet are skipped
};

//! Runs the networks of policy `p` of `results` into `runs` (sized to the networks) and `errors` (the same size).
void run_networks(const SimulationResults& results, std::size_t p, const RunControl& control,
                  std::vector<core::sim::NetworkRun>& runs, std::vector<std::optional<core::Error>>& errors);

//! The first error of `errors`, naming the policy and network ("policy current, network 3"); none: ok.
[[nodiscard]] core::Status first_error(const SimulationResults& results, std::size_t p,
                                       const std::vector<std::optional<core::Error>>& errors);

//! Starts `results` from a real network: calibrates the model (real_network.hpp), records the start and its
//! partners.
void start_from(RealNetwork& real, SimulationResults& results);

//! A what-if: a real network's current charter against a changed one, on simulations of that network.
struct WhatIf {
  RealNetwork real;
  core::sim::Policy changed;  //!< its charter, and its capacity as a scale of the current one's
  std::int64_t networks{0};
  std::int64_t cycles{0};
  std::int64_t seed{0};
};

//! Runs a what-if on one thread: the policies `current` then the changed one, each over the same seeds.
//! `on_network` after each network; when `cancel` is set it stops after the network it is running and
//! returns kConflict ("cancelled"). Errors: bad model parameters, or what decide_cycle returned.
[[nodiscard]] core::Result<SimulationResults> run_what_if(WhatIf what_if, const std::function<void()>& on_network,
                                                          const std::atomic<bool>& cancel);

}  // namespace covalue::simulation
