// Cooperative games: exact Shapley values of 24 dense partners, sampled Shapley values of 1,000 partners
// (with the reported bound and the error measured against the exact value), core checks, benefit sharing.
// CPU times are process CPU times (every thread counted); wall times are the "Time" column.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

#include "covalue/core/games/benefit_sharing.hpp"
#include "covalue/core/games/portfolio_game.hpp"
#include "covalue/core/games/shapley.hpp"

namespace {

using covalue::core::Rational;
using covalue::core::to_double;
using covalue::core::games::PlayerImpact;
using covalue::core::games::PortfolioGame;
using covalue::core::games::ShapleyOptions;
using covalue::core::games::ShapleyValue;
using Method = ShapleyOptions::ExactMethod;

// Each initiative touches min_size..max_size partners; an impact is negative with probability
// negative_share (down to -40), else positive (up to 100); an initiative that comes out with a negative
// network value is mirrored. With harmed_per_initiative > 0, exactly that many partners are harmed.
PortfolioGame make_game(std::uint64_t seed, std::size_t partners, std::size_t initiatives, std::size_t min_size,
                        std::size_t max_size, double negative_share, std::size_t harmed_per_initiative = 0) {
  std::mt19937_64 rng(seed);
  std::vector<covalue::core::games::Player> everyone(partners);
  std::iota(everyone.begin(), everyone.end(), 0U);
  std::vector<std::vector<PlayerImpact>> impacts(initiatives);
  for (auto& initiative : impacts) {
    std::shuffle(everyone.begin(), everyone.end(), rng);
    const std::size_t size = std::uniform_int_distribution<std::size_t>(min_size, max_size)(rng);
    Rational total;
    for (std::size_t k = 0; k < size; ++k) {
      const bool negative = harmed_per_initiative > 0
                                ? k < harmed_per_initiative
                                : std::uniform_real_distribution<double>(0, 1)(rng) < negative_share;
      const std::int64_t magnitude = std::uniform_int_distribution<std::int64_t>(1, negative ? 40 : 100)(rng);
      initiative.push_back({everyone[k], Rational(negative ? -magnitude : magnitude)});
      total += initiative.back().value;
    }
    if (sgn(total) < 0) {
      for (PlayerImpact& impact : initiative) {
        impact.value = -impact.value;
      }
    }
  }
  return std::move(PortfolioGame::create(partners, std::move(impacts))).value();
}

// 24 partners, each impacted by each of 30 initiatives, about 30% of the impacts negative.
const PortfolioGame& dense24() {
  static const PortfolioGame game = make_game(24, 24, 30, 24, 24, 0.3);
  return game;
}

// 24 partners and 30 initiatives, each touching everybody and harming exactly one partner: the worst case
// of both exact methods (no veto prunes much).
const PortfolioGame& dense24_one_harmed() {
  static const PortfolioGame game = make_game(25, 24, 30, 24, 24, 0, 1);
  return game;
}

// 1,000 partners, 400 initiatives of 5-15 partners each: one connected component.
const PortfolioGame& sparse1000() {
  static const PortfolioGame game = make_game(1000, 1000, 400, 5, 15, 0.3);
  return game;
}

ShapleyValue run(const PortfolioGame& game, const ShapleyOptions& options) {
  return std::move(covalue::core::games::shapley_value(game, options)).value();
}

void exact24(benchmark::State& state, const PortfolioGame& game, Method method) {
  ShapleyOptions options;
  options.threads = 2;
  options.exact_method = method;
  for (auto _ : state) {
    benchmark::DoNotOptimize(run(game, options));
  }
}

void BM_ShapleyExact24(benchmark::State& state) { exact24(state, dense24(), Method::kAuto); }
void BM_ShapleyExact24Coalitions(benchmark::State& state) { exact24(state, dense24(), Method::kCoalitions); }
void BM_ShapleyExact24OneHarmed(benchmark::State& state) { exact24(state, dense24_one_harmed(), Method::kAuto); }
void BM_ShapleyExact24OneHarmedCoalitions(benchmark::State& state) {
  exact24(state, dense24_one_harmed(), Method::kCoalitions);
}
BENCHMARK(BM_ShapleyExact24)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShapleyExact24Coalitions)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShapleyExact24OneHarmed)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShapleyExact24OneHarmedCoalitions)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);

double relative_l2_error(const std::vector<Rational>& estimate, const std::vector<Rational>& truth) {
  double error = 0;
  double norm = 0;
  for (std::size_t p = 0; p < truth.size(); ++p) {
    const double d = to_double(Rational(estimate[p] - truth[p]));
    error += d * d;
    norm += to_double(truth[p]) * to_double(truth[p]);
  }
  return std::sqrt(error / norm);
}

// The sampler is forced with exact_limit = 0; the truth comes from the exact per-initiative method.
void BM_ShapleySampled1000(benchmark::State& state) {
  const PortfolioGame& game = sparse1000();
  const ShapleyValue truth = run(game, ShapleyOptions{});
  ShapleyOptions options;
  options.exact_limit = 0;
  options.threads = static_cast<unsigned>(state.range(0));
  ShapleyValue estimate;
  for (auto _ : state) {
    estimate = run(game, options);
  }
  state.counters["samples"] = static_cast<double>(estimate.samples);
  state.counters["bound_pct"] = 100 * to_double(estimate.error_bound);
  state.counters["error_pct"] = 100 * relative_l2_error(estimate.values, truth.values);
  state.counters["exact_truth"] = truth.exact ? 1 : 0;
}
BENCHMARK(BM_ShapleySampled1000)->Arg(1)->Arg(2)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);

void BM_ShapleyExact1000ByInitiative(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(run(sparse1000(), ShapleyOptions{}));
  }
}
BENCHMARK(BM_ShapleyExact1000ByInitiative)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);

// Core checks of the Shapley value: by enumerating 2^24 coalitions, and by minimum cut.
void core_check(benchmark::State& state, const PortfolioGame& game, std::size_t exact_limit) {
  const ShapleyValue shapley = run(game, ShapleyOptions{});
  for (auto _ : state) {
    benchmark::DoNotOptimize(covalue::core::games::check_core(game, shapley.values, exact_limit, 2));
  }
}
void BM_CheckCore24Enumeration(benchmark::State& state) { core_check(state, dense24(), 24); }
void BM_CheckCore24MinimumCut(benchmark::State& state) { core_check(state, dense24(), 0); }
void BM_CheckCore1000MinimumCut(benchmark::State& state) { core_check(state, sparse1000(), 24); }
BENCHMARK(BM_CheckCore24Enumeration)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckCore24MinimumCut)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckCore1000MinimumCut)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);

// CI smoke: every path once on a small game.
void BM_Games_Smoke(benchmark::State& state) {
  const PortfolioGame game = make_game(3, 12, 8, 2, 6, 0.3);
  ShapleyOptions sampled;
  sampled.exact_limit = 0;
  sampled.max_samples = 200;
  for (auto _ : state) {
    benchmark::DoNotOptimize(run(game, ShapleyOptions{}));
    benchmark::DoNotOptimize(run(game, sampled));
    benchmark::DoNotOptimize(
        covalue::core::games::share_value(game, covalue::core::games::Sharing::kShapley, ShapleyOptions{}));
  }
}
BENCHMARK(BM_Games_Smoke);

}  // namespace

BENCHMARK_MAIN();
