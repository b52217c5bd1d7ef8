#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/games/shapley.hpp"
#include "covalue/core/rational.hpp"
#include "subgame.hpp"

namespace covalue::core::games::detail {

//! What permutation sampling found for the sampled part of a game.
struct SampledPart {
  std::vector<Rational> values;       //!< per global player: the estimate of its value in the sampled part
  std::vector<Rational> half_widths;  //!< per global player: 99% half-width (0 off the sampled part)
  std::uint64_t samples{0};           //!< permutations sampled
  Rational error_bound;               //!< relative L2 bound of the whole estimate (exact part + this one)
};

//! Samples antithetic pairs of permutations of `game`'s local players until the relative L2 error bound of
//! exact + estimate is at most options.target_error, or options.max_samples permutations ran. `exact` holds
//! the exactly known part of every global player's value. Deterministic for a given options.seed, whatever
//! the number of threads.
[[nodiscard]] SampledPart sample_shapley(const Subgame& game, const std::vector<Rational>& exact,
                                         const ShapleyOptions& options);

//! x rounded up to 9 significant decimal digits (0 for x <= 0; 10^6 when x is not finite).
[[nodiscard]] Rational round_up_decimal(double x);

}  // namespace covalue::core::games::detail
