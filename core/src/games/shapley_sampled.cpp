// Permutation sampling of Shapley values with antithetic pairs (a permutation and its reverse). In one pass
// over a permutation every player's marginal contribution is split per initiative: what a player adds to an
// initiative it helps goes to its own cell, what a harmed player adds goes to the initiative's pool, shared
// equally by the initiative's harmed players (they are symmetric in it, so this keeps the estimate unbiased
// and removes the variance of "who came last"). The cells of a pass sum to v(N), so the exact rational
// means sum to v(N) exactly; doubles serve only the variance.
#include "shapley_sampled.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

#include "parallel.hpp"
#include "random.hpp"

namespace covalue::core::games::detail {
namespace {

constexpr double kZ99 = 2.5758;         // two-sided 99% quantile of the normal distribution
constexpr std::size_t kChunks = 8;      // chunks per batch: fixed, so results do not depend on the thread count
constexpr double kChunkWork = 65536.0;  // impacts visited per chunk, roughly

// The harmed local players of every initiative, in compressed rows.
struct HarmedLists {
  std::vector<std::size_t> offsets;
  std::vector<std::uint32_t> players;
};

template <typename Int>
HarmedLists harmed_lists(const TypedSubgame<Int>& game) {
  std::vector<std::vector<std::uint32_t>> lists(game.num_initiatives);
  for (std::size_t p = 0; p < game.num_players; ++p) {
    for (std::size_t e = game.offsets[p]; e < game.offsets[p + 1]; ++e) {
      if (game.entries[e].value < 0) {
        lists[game.entries[e].initiative].push_back(static_cast<std::uint32_t>(p));
      }
    }
  }
  HarmedLists out;
  out.offsets.push_back(0);
  for (const auto& list : lists) {
    out.players.insert(out.players.end(), list.begin(), list.end());
    out.offsets.push_back(out.players.size());
  }
  return out;
}

// Adds the players of a permutation one by one and records their marginal contributions in cells.
template <typename Int>
class PassRunner {
 public:
  explicit PassRunner(const TypedSubgame<Int>& game)
      : game_(game),
        sum_(game.num_initiatives),
        missing_(game.num_initiatives),
        cells_(game.num_players + game.num_initiatives) {}

  // cells()[p]: p's marginals on the initiatives it helps; cells()[n + i]: the marginals of i's harmed players.
  void run(std::span<const std::uint32_t> order, bool reversed) {
    std::copy(game_.base.begin(), game_.base.end(), sum_.begin());
    std::copy(game_.harmed.begin(), game_.harmed.end(), missing_.begin());
    std::fill(cells_.begin(), cells_.end(), Int(0));
    for (std::size_t k = 0; k < order.size(); ++k) {
      add(order[reversed ? order.size() - 1 - k : k]);
    }
  }
  [[nodiscard]] const std::vector<Int>& cells() const { return cells_; }

 private:
  void add(std::uint32_t p) {
    for (std::size_t e = game_.offsets[p]; e < game_.offsets[p + 1]; ++e) {
      const TypedImpact<Int>& impact = game_.entries[e];
      const std::size_t i = impact.initiative;
      const Int before = missing_[i] == 0 ? positive_part(sum_[i]) : Int(0);
      sum_[i] += impact.value;
      const bool harm = impact.value < 0;
      missing_[i] -= harm ? 1 : 0;
      const Int after = missing_[i] == 0 ? positive_part(sum_[i]) : Int(0);
      cells_[harm ? game_.num_players + i : p] += after - before;
    }
  }

  const TypedSubgame<Int>& game_;
  std::vector<Int> sum_;
  std::vector<std::uint32_t> missing_;
  std::vector<Int> cells_;
};

// Exact cell sums and, per player, the running mean and squared deviations of its pair averages.
template <typename Int>
struct Stats {
  std::vector<WideOf<Int>> sums;
  std::vector<double> mean;
  std::vector<double> m2;
  std::uint64_t pairs{0};

  Stats(std::size_t players, std::size_t cells) : sums(cells), mean(players), m2(players) {}

  void add_pair(const std::vector<Int>& forward, const std::vector<Int>& backward, const std::vector<double>& x) {
    for (std::size_t c = 0; c < sums.size(); ++c) {
      sums[c] += forward[c];
      sums[c] += backward[c];
    }
    ++pairs;
    const double inverse = 1.0 / static_cast<double>(pairs);
    for (std::size_t p = 0; p < mean.size(); ++p) {
      const double delta = x[p] - mean[p];
      mean[p] += delta * inverse;
      m2[p] += delta * (x[p] - mean[p]);
    }
  }

  // Chan et al.'s pairwise merge.
  void merge(const Stats& other) {
    for (std::size_t c = 0; c < sums.size(); ++c) {
      sums[c] += other.sums[c];
    }
    if (other.pairs == 0) {
      return;
    }
    const double a = static_cast<double>(pairs);
    const double b = static_cast<double>(other.pairs);
    for (std::size_t p = 0; p < mean.size(); ++p) {
      const double delta = other.mean[p] - mean[p];
      mean[p] += delta * b / (a + b);
      m2[p] += other.m2[p] + delta * delta * a * b / (a + b);
    }
    pairs += other.pairs;
  }
};

template <typename Int>
struct Sampler {
  const TypedSubgame<Int>& game;
  HarmedLists harmed;
  std::uint64_t seed;

  // Pair averages of the players' marginals, harmed pools shared out.
  void pair_average(const std::vector<Int>& forward, const std::vector<Int>& backward, std::vector<double>& x) const {
    const std::size_t n = game.num_players;
    for (std::size_t p = 0; p < n; ++p) {
      x[p] = approximate(forward[p]) + approximate(backward[p]);
    }
    for (std::size_t i = 0; i < game.num_initiatives; ++i) {
      const std::size_t first = harmed.offsets[i];
      const std::size_t last = harmed.offsets[i + 1];
      const double share =
          (approximate(forward[n + i]) + approximate(backward[n + i])) / static_cast<double>(last - first);
      for (std::size_t k = first; k < last; ++k) {
        x[harmed.players[k]] += share;
      }
    }
    for (double& value : x) {
      value *= 0.5;
    }
  }

  void run_chunk(std::uint64_t stream, std::uint64_t pairs, Stats<Int>& out) const {
    Xoshiro256 rng(seed, stream);
    std::vector<std::uint32_t> order(game.num_players);
    std::iota(order.begin(), order.end(), 0U);
    PassRunner<Int> runner(game);
    std::vector<Int> forward;
    std::vector<double> x(game.num_players);
    for (std::uint64_t k = 0; k < pairs; ++k) {
      for (std::size_t i = order.size(); i > 1; --i) {
        std::swap(order[i - 1], order[rng.below(i)]);
      }
      runner.run(order, false);
      forward = runner.cells();
      runner.run(order, true);
      pair_average(forward, runner.cells(), x);
      out.add_pair(forward, runner.cells(), x);
    }
  }
};

struct BatchPlan {
  std::uint64_t chunk_pairs{0};  // pairs per chunk in a full batch
  std::uint64_t max_pairs{0};
};

// The relative L2 bound of exact + estimate, with the per-player half-widths (value units).
template <typename Int>
double relative_bound(const Stats<Int>& stats, const std::vector<double>& exact_local, double exact_norm2, double scale,
                      std::vector<double>& half_widths) {
  const double n = static_cast<double>(stats.pairs);
  double error2 = 0;
  double norm2 = exact_norm2;
  for (std::size_t p = 0; p < stats.mean.size(); ++p) {
    half_widths[p] = stats.pairs < 2 ? HUGE_VAL : kZ99 * std::sqrt(stats.m2[p] / (n - 1) / n) / scale;
    error2 += half_widths[p] * half_widths[p];
    const double estimate = exact_local[p] + stats.mean[p] / scale;
    norm2 += estimate * estimate;
  }
  if (error2 == 0) {
    return 0;
  }
  return std::sqrt(error2) / std::sqrt(norm2);
}

template <typename Int>
SampledPart finish(const Subgame& sub, const TypedSubgame<Int>& game, const HarmedLists& harmed,
                   const Stats<Int>& stats, std::size_t num_players, const std::vector<double>& half_widths) {
  SampledPart part;
  part.values.assign(num_players, Rational(0));
  part.half_widths.assign(num_players, Rational(0));
  part.samples = 2 * stats.pairs;
  const std::size_t n = game.num_players;
  std::vector<Rational> local(n);
  for (std::size_t p = 0; p < n; ++p) {
    local[p] = to_integer(stats.sums[p]);
  }
  for (std::size_t i = 0; i < game.num_initiatives; ++i) {
    const std::size_t count = harmed.offsets[i + 1] - harmed.offsets[i];
    const Rational share = make_rational(to_integer(stats.sums[n + i]), Integer(static_cast<unsigned long>(count)));
    for (std::size_t k = harmed.offsets[i]; k < harmed.offsets[i + 1]; ++k) {
      local[harmed.players[k]] += share;
    }
  }
  const Rational denominator(Integer(sub.scale * static_cast<unsigned long>(part.samples)));
  for (std::size_t p = 0; p < n; ++p) {
    part.values[sub.players[p]] = local[p] / denominator;
    part.half_widths[sub.players[p]] = round_up_decimal(half_widths[p]);
  }
  return part;
}

template <typename Int>
SampledPart run_sampler(const Subgame& sub, const TypedSubgame<Int>& game, const std::vector<Rational>& exact,
                        const ShapleyOptions& options, const BatchPlan& plan) {
  const Sampler<Int> sampler{game, harmed_lists(game), options.seed};
  const std::size_t cells = game.num_players + game.num_initiatives;
  std::vector<double> exact_local(game.num_players);
  double exact_norm2 = 0;
  for (std::size_t p = 0; p < exact.size(); ++p) {
    exact_norm2 += to_double(exact[p]) * to_double(exact[p]);
  }
  for (std::size_t p = 0; p < game.num_players; ++p) {
    exact_local[p] = to_double(exact[sub.players[p]]);
    exact_norm2 -= exact_local[p] * exact_local[p];
  }
  const double scale = sub.scale.get_d();
  Stats<Int> total(game.num_players, cells);
  std::vector<double> half_widths(game.num_players);
  Rational bound;
  for (std::uint64_t batch = 0; total.pairs < plan.max_pairs; ++batch) {
    const std::uint64_t pairs = std::min(plan.chunk_pairs * kChunks, plan.max_pairs - total.pairs);
    std::vector<Stats<Int>> chunks(kChunks, Stats<Int>(game.num_players, cells));
    parallel_for(kChunks, options.threads, [&](std::size_t c) {
      sampler.run_chunk(batch * kChunks + c, pairs / kChunks + (c < pairs % kChunks ? 1 : 0), chunks[c]);
    });
    for (const Stats<Int>& chunk : chunks) {
      total.merge(chunk);
    }
    bound = round_up_decimal(relative_bound(total, exact_local, std::max(exact_norm2, 0.0), scale, half_widths));
    if (bound <= options.target_error) {
      break;
    }
  }
  SampledPart part = finish(sub, game, sampler.harmed, total, exact.size(), half_widths);
  part.error_bound = bound;
  return part;
}

}  // namespace

Rational round_up_decimal(double x) {
  if (std::isnan(x) || x <= 0) {
    return Rational(0);
  }
  if (!std::isfinite(x) || x >= 1e6) {
    return Rational(1000000);
  }
  const int digits = 8 - static_cast<int>(std::floor(std::log10(x)));
  Integer power;
  mpz_ui_pow_ui(power.get_mpz_t(), 10, static_cast<unsigned long>(std::abs(digits)));
  const double mantissa = std::ceil(digits >= 0 ? x * power.get_d() : x / power.get_d());
  Rational result{Integer(mantissa)};
  if (digits >= 0) {
    result /= power;
  } else {
    result *= power;
  }
  return result;
}

SampledPart sample_shapley(const Subgame& game, const std::vector<Rational>& exact, const ShapleyOptions& options) {
  std::size_t impacts = game.players.size();
  for (const auto& list : game.impacts) {
    impacts += list.size();
  }
  BatchPlan plan;
  plan.chunk_pairs = static_cast<std::uint64_t>(std::clamp(kChunkWork / static_cast<double>(impacts), 4.0, 4096.0));
  plan.max_pairs = std::max<std::uint64_t>(2, options.max_samples / 2 + options.max_samples % 2);
  return with_typed(game, [&](const auto& typed) { return run_sampler(game, typed, exact, options, plan); });
}

}  // namespace covalue::core::games::detail
