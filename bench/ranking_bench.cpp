// Benchmarks of the ranking rules on seeded generated elections (impartial culture: every voter's
// linear order drawn uniformly at random, so no two ballots of the large elections repeat).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>

#include "covalue/core/ranking/kemeny.hpp"
#include "covalue/core/ranking/pairwise.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"
#include "covalue/core/ranking/schulze.hpp"

namespace covalue::core::ranking {
namespace {

OrdinalProfile impartial_culture(std::uint32_t m, std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  OrdinalProfile profile{m, {}};
  profile.ballots.reserve(n);
  std::vector<Candidate> order(m);
  std::iota(order.begin(), order.end(), Candidate{0});
  for (std::size_t i = 0; i < n; ++i) {
    std::shuffle(order.begin(), order.end(), rng);
    profile.ballots.push_back(RankedBallot{order, {}, 1});
  }
  return profile;
}

// The size of Krakow 2024: 65,000 ballots over 119 candidates, here complete rankings.
const OrdinalProfile& krakow_size() {
  static const OrdinalProfile kProfile = impartial_culture(119, 65000, 2024);
  return kProfile;
}

const OrdinalProfile& thousand_candidates() {
  static const OrdinalProfile kProfile = impartial_culture(1000, 100000, 1000);
  return kProfile;
}

// m candidates and 25 voters whose majority graph is strongly connected, so that the exact solver
// must run its dynamic programme over all 2^m subsets: the first seed from 1 that gives one.
const PairwiseMatrix& entangled(std::uint32_t m) {
  static std::vector<std::pair<std::uint32_t, PairwiseMatrix>> cache;
  for (const auto& [size, matrix] : cache) {
    if (size == m) {
      return matrix;
    }
  }
  for (std::uint64_t seed = 1;; ++seed) {
    PairwiseMatrix pairwise = compute_pairwise(impartial_culture(m, 25, seed));
    if (condorcet_components(pairwise).size() == 1) {
      cache.emplace_back(m, std::move(pairwise));
      return cache.back().second;
    }
  }
}

void BM_RankingSmoke(benchmark::State& state) {
  const OrdinalProfile profile = impartial_culture(5, 21, 5);
  for (auto _ : state) {
    for (const RankingRule rule : core::all_of<RankingRule>()) {
      auto result = rank_candidates(profile, rule);
      benchmark::DoNotOptimize(result);
    }
  }
}
BENCHMARK(BM_RankingSmoke);

// The margin matrix of `profile`'s ballots.
void margin_matrix(benchmark::State& state, const OrdinalProfile& profile) {
  for (auto _ : state) {
    PairwiseMatrix pairwise = compute_pairwise(profile);
    benchmark::DoNotOptimize(pairwise);
  }
}

void BM_MarginMatrix_65000x119(benchmark::State& state) { margin_matrix(state, krakow_size()); }
BENCHMARK(BM_MarginMatrix_65000x119)->Unit(benchmark::kMillisecond);

void BM_MarginMatrix_100000x1000(benchmark::State& state) { margin_matrix(state, thousand_candidates()); }
BENCHMARK(BM_MarginMatrix_100000x1000)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_SchulzeWidestPaths_1000(benchmark::State& state) {
  const PairwiseMatrix pairwise = compute_pairwise(impartial_culture(1000, 101, 7));
  for (auto _ : state) {
    RankingResult result = schulze(pairwise);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_SchulzeWidestPaths_1000)->Unit(benchmark::kMillisecond);

// The whole rule from the ballots: margin matrix plus beat paths plus ranking.
void BM_Schulze_100000x1000(benchmark::State& state) {
  const OrdinalProfile& profile = thousand_candidates();
  for (auto _ : state) {
    auto result = rank_candidates(profile, RankingRule::kSchulze);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_Schulze_100000x1000)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_KemenyExact(benchmark::State& state) {
  const auto m = static_cast<std::uint32_t>(state.range(0));
  const PairwiseMatrix& pairwise = entangled(m);
  RankingOptions options;
  options.max_rankings = 1;
  for (auto _ : state) {
    auto result = kemeny_young(pairwise, options);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_KemenyExact)->Arg(12)->Arg(16)->Arg(20)->Arg(22)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace covalue::core::ranking

BENCHMARK_MAIN();
