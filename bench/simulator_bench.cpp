// Benchmarks of the network simulator (core/sim): one simulated network of 20 partners over 40 cycles,
// every cycle through decide_cycle, with the membership held fixed (no one leaves or joins, so every cycle
// has 20 partners: the "1,000 networks x 40 cycles x 20 partners" is 1,000 of these), under MES
// with Shapley sharing (`reset`, the default charter) and under network-fair (`outward`), reported apart.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "covalue/core/sim/network_model.hpp"
#include "covalue/core/sim/policies.hpp"

namespace covalue::core::sim {
namespace {

constexpr std::uint64_t kSeed = 31415;

ModelParameters fixed_members(std::int64_t cycles) {
  ModelParameters m;
  m.cycles = cycles;
  m.grace_cycles = 10000;  // nobody decides to leave
  m.join_rate = 0;         // nobody joins
  return m;
}

void run_networks(benchmark::State& state, const char* policy_name, std::int64_t cycles) {
  const ModelParameters model = fixed_members(cycles);
  const Policy policy = *named_policy(policy_name);
  network::DecisionTools tools;
  tools.forgone_solves = 0;  // as `covalue simulate run`
  std::uint64_t index = 0;
  for (auto _ : state) {
    Result<NetworkRun> run = simulate_network(model, policy, kSeed, index++, tools);
    if (!run) {
      state.SkipWithError(run.error().to_string().c_str());
      return;
    }
    benchmark::DoNotOptimize(run->total_value);
  }
  state.SetItemsProcessed(state.iterations() * cycles);  // cycles decided
}

void BM_SimulatorSmoke(benchmark::State& state) { run_networks(state, "reset", 2); }
BENCHMARK(BM_SimulatorSmoke);

// One network, 20 partners, 40 cycles, MES with Shapley sharing (and the reset weights).
void BM_SimulatorNetworkMesShapley(benchmark::State& state) { run_networks(state, "reset", 40); }
BENCHMARK(BM_SimulatorNetworkMesShapley)->Unit(benchmark::kMillisecond);

// The same under network-fair (covalue's exact search, as `simulate run` decides it), Shapley sharing.
void BM_SimulatorNetworkNetworkFair(benchmark::State& state) { run_networks(state, "outward", 40); }
BENCHMARK(BM_SimulatorNetworkNetworkFair)->Unit(benchmark::kMillisecond);

// The inward policy: greedy, no transfers.
void BM_SimulatorNetworkInward(benchmark::State& state) { run_networks(state, "inward", 40); }
BENCHMARK(BM_SimulatorNetworkInward)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace covalue::core::sim
BENCHMARK_MAIN();
