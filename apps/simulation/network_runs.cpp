// Simulated networks of one policy through the real decide_cycle, in parallel across networks; each network
// draws from its own streams (seed, index), so the results do not depend on the threads or processes.
#include "simulation/network_runs.hpp"

#include <fmt/core.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "covalue/core/network/cycle_decision.hpp"

namespace covalue::simulation {

namespace sim = core::sim;

void run_networks(const SimulationResults& results, std::size_t p, const RunControl& control,
                  std::vector<sim::NetworkRun>& runs, std::vector<std::optional<core::Error>>& errors) {
  const auto count = static_cast<std::int64_t>(runs.size());
  core::network::DecisionTools tools;  // network-fair: covalue's exact search (no solver), deterministic
  tools.forgone_solves = 0;
#pragma omp parallel for schedule(dynamic) num_threads(control.threads)
  for (std::int64_t i = 0; i < count; ++i) {
    const auto index = static_cast<std::size_t>(i);
    if ((control.owns && !control.owns(index)) ||
        (control.cancel != nullptr && control.cancel->load(std::memory_order_relaxed))) {
      continue;
    }
    core::Result<sim::NetworkRun> run =
        sim::simulate_network(results.model, results.policies[p], static_cast<std::uint64_t>(results.seed),
                              static_cast<std::uint64_t>(i), tools, results.start_partners);
    if (run) {
      runs[index] = std::move(*run);
    } else {
      errors[index] = run.error();
    }
    if (control.on_network) {
      control.on_network();
    }
  }
}

core::Status first_error(const SimulationResults& results, std::size_t p,
                         const std::vector<std::optional<core::Error>>& errors) {
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (errors[i]) {
      return core::make_error(errors[i]->kind, errors[i]->to_string(),
                              fmt::format("policy {}, network {}", results.policies[p].name, i));
    }
  }
  return {};
}

void start_from(RealNetwork& real, SimulationResults& results) {
  calibrate(real, results.model);
  results.start =
      SimulationStart{real.name, static_cast<std::int64_t>(real.partners.size()), real.closed_cycles, real.calibrated};
  results.start_partners = real.partners;
}

core::Result<SimulationResults> run_what_if(WhatIf what_if, const std::function<void()>& on_network,
                                            const std::atomic<bool>& cancel) {
  SimulationResults results;
  results.model.cycles = what_if.cycles;
  start_from(what_if.real, results);
  if (core::Status valid = results.model.validate(); !valid) {
    return valid.error();
  }
  results.policies = {current_policy(what_if.real), std::move(what_if.changed)};
  results.networks = what_if.networks;
  results.seed = what_if.seed;
  const auto networks = static_cast<std::size_t>(what_if.networks);
  results.runs.assign(results.policies.size(), std::vector<sim::NetworkRun>(networks));
  const RunControl control{.threads = 1, .owns = nullptr, .on_network = on_network, .cancel = &cancel};
  for (std::size_t p = 0; p < results.policies.size(); ++p) {
    std::vector<std::optional<core::Error>> errors(networks);
    run_networks(results, p, control, results.runs[p], errors);
    if (cancel.load()) {
      return core::make_error(core::ErrorKind::kConflict, "cancelled");
    }
    if (core::Status ran = first_error(results, p, errors); !ran) {
      return ran.error();
    }
  }
  return results;
}

}  // namespace covalue::simulation
