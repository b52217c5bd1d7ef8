// CBC on the shape of the network-fair selection model: 500 binary initiatives, one capacity row,
// one de-optimisation-share row per partner (no partner carries more than s = 3/10 of the harm of
// the selected initiatives) and 20 protected partners (net value >= 0); maximise the network value.
// Seeded generated impacts: each initiative helps 5-30 partners (+1..+30) and harms 0-4 (-1..-20),
// the harm concentrated on the first partners (so the share row of partner 0 binds); partners
// 10 to 29 are protected.
// Counters: status (0 optimal, 1 feasible, 2 infeasible, 3 no solution), relative gap, nodes, the
// slowest single solve, and whether the points passed the exact re-check.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "covalue/adapters/cbc/cbc_solver.hpp"

namespace covalue::adapters::cbc {
namespace {

using core::Rational;
using core::ilp::BinaryProgram;
using core::ilp::Constraint;
using core::ilp::SolverOptions;
using Sense = Constraint::Sense;

struct Shape {
  std::uint32_t initiatives;
  std::uint32_t partners;
  std::uint32_t protected_partners;
};

// impact[p][i]: the value initiative i brings partner p (negative: de-optimisation).
std::vector<std::vector<long>> impacts(const Shape& shape, std::mt19937_64& rng) {
  std::vector<std::vector<long>> impact(shape.partners, std::vector<long>(shape.initiatives, 0));
  std::uniform_int_distribution<std::uint32_t> partner(0, shape.partners - 1);
  std::uniform_int_distribution<int> helped(5, 30);
  std::uniform_int_distribution<int> harmed(0, 4);
  std::uniform_int_distribution<long> gain(1, 30);
  std::uniform_int_distribution<long> loss(1, 20);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (std::uint32_t i = 0; i < shape.initiatives; ++i) {
    for (int k = helped(rng); k > 0; --k) {
      impact[partner(rng)][i] = gain(rng);
    }
    for (int k = harmed(rng); k > 0; --k) {
      // Harm concentrates upstream: partner 0 takes about a third of it, so its share row binds.
      const auto p = static_cast<std::uint32_t>(shape.partners * std::pow(unit(rng), 5.0));
      impact[std::min(p, shape.partners - 1)][i] = -loss(rng);
    }
  }
  return impact;
}

Constraint capacity_row(const Shape& shape, std::mt19937_64& rng) {
  std::uniform_int_distribution<long> cost(1, 20);
  Constraint row{"capacity", {}, Sense::kLessEqual, Rational(0)};
  long total = 0;
  for (std::uint32_t i = 0; i < shape.initiatives; ++i) {
    const long c = cost(rng);
    total += c;
    row.terms.push_back({i, Rational(c)});
  }
  row.rhs = Rational(total / 4);
  return row;
}

BinaryProgram network_fair_model(const Shape& shape, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const auto impact = impacts(shape, rng);
  BinaryProgram program;
  program.constraints.push_back(capacity_row(shape, rng));
  std::vector<long> harm_total(shape.initiatives, 0);
  program.objective.assign(shape.initiatives, Rational(0));
  for (std::uint32_t p = 0; p < shape.partners; ++p) {
    for (std::uint32_t i = 0; i < shape.initiatives; ++i) {
      harm_total[i] += std::max(0L, -impact[p][i]);
      program.objective[i] += impact[p][i];
    }
  }
  const Rational share(3, 10);
  for (std::uint32_t p = 0; p < shape.partners; ++p) {
    Constraint row{"share " + std::to_string(p), {}, Sense::kLessEqual, Rational(0)};
    for (std::uint32_t i = 0; i < shape.initiatives; ++i) {
      const Rational coef = Rational(std::max(0L, -impact[p][i])) - share * harm_total[i];
      if (sgn(coef) != 0) {
        row.terms.push_back({i, coef});
      }
    }
    program.constraints.push_back(std::move(row));
  }
  // Protected: partners 10, 11, ... (some harm, less than the first ones).
  for (std::uint32_t p = 10; p < 10 + shape.protected_partners && p < shape.partners; ++p) {
    Constraint row{"protected " + std::to_string(p), {}, Sense::kGreaterEqual, Rational(0)};
    for (std::uint32_t i = 0; i < shape.initiatives; ++i) {
      if (impact[p][i] != 0) {
        row.terms.push_back({i, Rational(impact[p][i])});
      }
    }
    program.constraints.push_back(std::move(row));
  }
  return program;
}

// Solves the models of seeds 1..seeds once per iteration; counters summarise the last iteration:
// the worst status, the total nodes, the largest relative gap, the slowest solve and whether every
// point passed the exact re-check.
void solve_models(benchmark::State& state, const Shape& shape, const std::vector<std::string>& arguments,
                  unsigned threads, std::uint64_t seeds) {
  std::vector<BinaryProgram> programs;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    programs.push_back(network_fair_model(shape, seed));
  }
  CbcSolver solver(CbcSettings{arguments});
  SolverOptions options;
  options.threads = threads;
  for (auto _ : state) {
    double worst_status = 0;
    double nodes = 0;
    double gap = 0;
    double slowest = 0;
    bool checked = true;
    for (const BinaryProgram& program : programs) {
      const auto start = std::chrono::steady_clock::now();
      auto answer = solver.solve(program, options);
      slowest = std::max(slowest, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      if (!answer.ok()) {
        state.SkipWithError(answer.error().to_string().c_str());
        return;
      }
      const bool has_point = !answer->x.empty();
      const double value = has_point ? core::ilp::objective_value(program, answer->x).get_d() : 0.0;
      worst_status = std::max(worst_status, static_cast<double>(answer->status));
      nodes += static_cast<double>(answer->nodes);
      gap = std::max(gap, has_point ? (answer->best_bound - value) / std::max(1.0, std::fabs(value)) : 1.0);
      checked = checked && has_point && core::ilp::check_point(program, answer->x).ok();
    }
    state.counters["status"] = worst_status;
    state.counters["nodes"] = nodes;
    state.counters["gap"] = gap;
    state.counters["slowest_s"] = slowest;
    state.counters["checked"] = checked ? 1 : 0;
  }
}

constexpr Shape kNetworkFair{500, 200, 20};

void BM_CbcNetworkFair_500x200(benchmark::State& state) { solve_models(state, kNetworkFair, {}, 1, 1); }
BENCHMARK(BM_CbcNetworkFair_500x200)->Unit(benchmark::kMillisecond);

// Sixteen seeds per iteration: the mean time is Time / 16; slowest_s is the hardest model.
void BM_CbcNetworkFair_500x200_16Seeds(benchmark::State& state) { solve_models(state, kNetworkFair, {}, 1, 16); }
BENCHMARK(BM_CbcNetworkFair_500x200_16Seeds)->Unit(benchmark::kMillisecond)->Iterations(1);

// The feasibility pump off: the fastest setting found for this shape (its LP optimum is nearly integral).
void BM_CbcNetworkFair_500x200_16Seeds_FeasPumpOff(benchmark::State& state) {
  solve_models(state, kNetworkFair, {"-feas", "off"}, 1, 16);
}
BENCHMARK(BM_CbcNetworkFair_500x200_16Seeds_FeasPumpOff)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_CbcNetworkFair_500x200_16Seeds_HeuristicsOff(benchmark::State& state) {
  solve_models(state, kNetworkFair, {"-heuristics", "off"}, 1, 16);
}
BENCHMARK(BM_CbcNetworkFair_500x200_16Seeds_HeuristicsOff)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_CbcNetworkFair_500x200_16Seeds_CutsOff(benchmark::State& state) {
  solve_models(state, kNetworkFair, {"-cuts", "off"}, 1, 16);
}
BENCHMARK(BM_CbcNetworkFair_500x200_16Seeds_CutsOff)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_CbcNetworkFair_500x200_16Seeds_Threads2(benchmark::State& state) {
  solve_models(state, kNetworkFair, {}, 2, 16);
}
BENCHMARK(BM_CbcNetworkFair_500x200_16Seeds_Threads2)->Unit(benchmark::kMillisecond)->Iterations(1);

// CBC's default integer preprocessing, for comparison only: it is off in CbcSolver because it returns
// wrong optima on some small programs (see cbc_solver.cpp).
void BM_CbcNetworkFair_500x200_16Seeds_PreprocessSos(benchmark::State& state) {
  solve_models(state, kNetworkFair, {"-preprocess", "sos"}, 1, 16);
}
BENCHMARK(BM_CbcNetworkFair_500x200_16Seeds_PreprocessSos)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_CbcNetworkFair_Smoke(benchmark::State& state) { solve_models(state, Shape{30, 12, 3}, {}, 1, 1); }
BENCHMARK(BM_CbcNetworkFair_Smoke)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace covalue::adapters::cbc

BENCHMARK_MAIN();
