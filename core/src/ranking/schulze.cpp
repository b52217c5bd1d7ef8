#include "covalue/core/ranking/schulze.hpp"

#include <cstddef>

#include "covalue/core/ranking/weak_order.hpp"

namespace covalue::core::ranking {
namespace {

// Floyd-Warshall for widest paths; the inner loop vectorises, so it is compiled per instruction set.
[[gnu::always_inline]] inline void widest_paths(std::int32_t* strength, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const std::int32_t* via = strength + (k * n);
    for (std::size_t i = 0; i < n; ++i) {
      std::int32_t* __restrict row = strength + (i * n);
      const std::int32_t limit = row[k];
      if (i == k || limit == 0) {
        continue;
      }
      for (std::size_t j = 0; j < n; ++j) {
        const std::int32_t through = via[j] < limit ? via[j] : limit;
        row[j] = row[j] > through ? row[j] : through;
      }
    }
  }
}

void widest_paths_generic(std::int32_t* strength, std::size_t n) { widest_paths(strength, n); }

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
[[gnu::target("avx2")]] void widest_paths_avx2(std::int32_t* strength, std::size_t n) { widest_paths(strength, n); }
[[gnu::target("avx512f")]] void widest_paths_avx512(std::int32_t* strength, std::size_t n) {
  widest_paths(strength, n);
}
#endif

void run_widest_paths(std::int32_t* strength, std::size_t n) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") != 0) {
    widest_paths_avx512(strength, n);
    return;
  }
  if (__builtin_cpu_supports("avx2") != 0) {
    widest_paths_avx2(strength, n);
    return;
  }
#endif
  widest_paths_generic(strength, n);
}

}  // namespace

std::vector<std::int32_t> schulze_strengths(const PairwiseMatrix& pairwise) {
  const std::size_t n = pairwise.size();
  std::vector<std::int32_t> strength(n * n, 0);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      const std::int64_t margin =
          pairwise.margin(static_cast<Candidate>(a), static_cast<Candidate>(b));  // |margin| <= kMaxTotalWeight
      strength[(a * n) + b] = margin > 0 ? static_cast<std::int32_t>(margin) : 0;
    }
  }
  run_widest_paths(strength.data(), n);
  return strength;
}

RankingResult schulze(const PairwiseMatrix& pairwise) {
  const std::uint32_t n = pairwise.size();
  const std::vector<std::int32_t> strength = schulze_strengths(pairwise);
  std::vector<char> beats(static_cast<std::size_t>(n) * n, 0);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      beats[(a * n) + b] = a != b && strength[(a * n) + b] > strength[(b * n) + a] ? 1 : 0;
    }
  }
  RankingResult result;
  result.rule = RankingRule::kSchulze;
  result.ranking = layer_by_relation(n, beats);
  if (!result.ranking.empty()) {
    result.winners = result.ranking.front();
  }
  return result;
}

}  // namespace covalue::core::ranking
