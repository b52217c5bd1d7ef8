// Lead assignment (exact min-cost flow) on seeded generated cycles: every partner eligible for every
// initiative, a few volunteers per initiative, 1 to 4 free slots and 0 to 9 past leads per partner.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>

#include "covalue/core/network/lead_assignment.hpp"

namespace covalue::core::network {
namespace {

LeadProblem dense_problem(std::uint32_t initiatives, std::uint32_t partners, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::int64_t> slots(1, 4);
  std::uniform_int_distribution<std::int64_t> past(0, 9);
  std::uniform_int_distribution<std::uint32_t> partner(0, partners - 1);
  LeadProblem problem;
  for (std::uint32_t p = 0; p < partners; ++p) {
    problem.free_slots.push_back(slots(rng));
    problem.past_leads.push_back(past(rng));
  }
  problem.eligible.resize(initiatives);
  problem.volunteers.resize(initiatives);
  for (std::uint32_t i = 0; i < initiatives; ++i) {
    for (std::uint32_t p = 0; p < partners; ++p) {
      problem.eligible[i].push_back(p);
    }
    for (int k = 0; k < 3; ++k) {
      problem.volunteers[i].push_back(partner(rng));
    }
  }
  return problem;
}

void assign(benchmark::State& state, std::uint32_t initiatives, std::uint32_t partners) {
  const LeadProblem problem = dense_problem(initiatives, partners, 2024);
  for (auto _ : state) {
    auto result = assign_leads(problem);
    if (!result.ok()) {
      state.SkipWithError(result.error().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(result);
    state.counters["assigned"] = static_cast<double>(result->assigned);
    state.counters["volunteers"] = static_cast<double>(result->volunteers_used);
    state.counters["rotation"] = static_cast<double>(result->rotation_cost);
  }
}

void BM_AssignLeads_500x200(benchmark::State& state) { assign(state, 500, 200); }
BENCHMARK(BM_AssignLeads_500x200)->Unit(benchmark::kMillisecond);

void BM_AssignLeads_2000x500(benchmark::State& state) { assign(state, 2000, 500); }
BENCHMARK(BM_AssignLeads_2000x500)->Unit(benchmark::kMillisecond);

void BM_AssignLeads_Smoke(benchmark::State& state) { assign(state, 12, 5); }
BENCHMARK(BM_AssignLeads_Smoke)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace covalue::core::network

BENCHMARK_MAIN();
