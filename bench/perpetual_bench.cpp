// Benchmarks of the perpetual rules (core/perpetual): one history of the AAAI 2020 experiment (generated,
// then every rule and the four measures, on machine rationals), and each rule's exact public path
// (decide_history on GMP rationals, with the per-round state copies the replay prints).
#include <benchmark/benchmark.h>

#include <cstdint>

#include "covalue/core/perpetual/lackner2020.hpp"
#include "covalue/core/perpetual/perpetual_rule.hpp"

namespace covalue::core::perpetual {
namespace {

constexpr std::uint64_t kSeed = 31415;

void BM_PerpetualSmoke(benchmark::State& state) {
  const auto history = lackner2020_history(Lackner2020Setup{}, kSeed, 0);
  for (auto _ : state) {
    benchmark::DoNotOptimize(lackner2020_measures(history));
  }
}
BENCHMARK(BM_PerpetualSmoke);

// One history of the experiment: generated, every rule run, measured (what `simulate lackner2020` does
// 10,000 times).
void BM_Lackner2020History(benchmark::State& state) {
  std::uint64_t index = 0;
  for (auto _ : state) {
    const auto history = lackner2020_history(Lackner2020Setup{}, kSeed, index++);
    benchmark::DoNotOptimize(lackner2020_measures(history));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Lackner2020History)->Unit(benchmark::kMicrosecond);

// One rule over one 20-round history through the exact public function.
void BM_DecideHistoryExact(benchmark::State& state) {
  const auto rule = static_cast<PerpetualRule>(state.range(0));
  const auto history = lackner2020_history(Lackner2020Setup{}, kSeed, 1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(decide_history(rule, AbsenceMode::kStrict, history));
  }
  state.SetLabel(name_of(rule));
}
BENCHMARK(BM_DecideHistoryExact)->DenseRange(0, static_cast<int>(kExperimentRules) - 1)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace covalue::core::perpetual
BENCHMARK_MAIN();
