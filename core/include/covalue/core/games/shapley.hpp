#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/games/portfolio_game.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::games {

//! How the Shapley value is computed.
//!
//! The game is a sum of one small game per initiative, so it splits exactly: initiatives with a
//! non-positive network value add nothing; those that harm nobody give each player its own impact; the
//! rest group into connected components (initiatives sharing players). A component of at most
//! `exact_limit` players is computed exactly (by enumerating its coalitions, or each initiative's,
//! whichever is cheaper); in a larger one every initiative touching at most `exact_limit` players is still
//! computed exactly, and only the others are sampled. Players that matter to no initiative get exactly 0.
struct ShapleyOptions {
  //! Which exact method runs on a component of at most exact_limit players (both are exact).
  enum class ExactMethod {
    kAuto,         //!< the cheaper of the two
    kCoalitions,   //!< enumerate the component's coalitions (2^players)
    kInitiatives,  //!< enumerate, per initiative, the coalitions of the players it helps
  };
  std::size_t exact_limit{24};  //!< exact when the players that matter are at most this many (capped at 62)
  //! In a component above exact_limit, an initiative is still computed exactly when it helps at most
  //! this many players (2^this coalitions each); the others are sampled.
  std::size_t initiative_exact_limit{16};
  unsigned threads{1};            //!< threads handed to the computation (0 counts as 1)
  std::uint64_t seed{1};          //!< seed of the sampler (the same seed gives the same estimate)
  Rational target_error{1, 100};  //!< sampling stops once the reported relative error bound is at most this
  //! ... or after this many sampled permutations (sampled in antithetic pairs: rounded up to even, >= 4)
  std::uint64_t max_samples{1000000};
  ExactMethod exact_method{ExactMethod::kAuto};  //!< for tests and benchmarks
};

//! The Shapley value of every player, exact or sampled with an error bound.
struct ShapleyValue {
  std::vector<Rational> values;  //!< one per player; they sum exactly to v(N)
  bool exact{true};              //!< true when no part of any value was sampled
  std::uint64_t samples{0};      //!< permutations sampled (0 when exact)
  //! Sampled: the 99% confidence bound on the relative L2 error ||estimate - shapley|| / ||estimate||,
  //! computed as sqrt(sum of half_widths^2) / ||estimate|| in doubles and rounded up to 9 significant
  //! digits (10^6 when no finite bound exists); 0 when exact.
  Rational error_bound;
  //! Sampled: per player the 99% half-width z * s / sqrt(pairs) of its estimate (z = 2.5758, s the sample
  //! standard deviation of its antithetic pair averages), rounded up to 9 significant digits; 0 for the
  //! players whose value is exact. Empty when exact.
  std::vector<Rational> half_widths;
};

//! The Shapley value of the portfolio game: exact when it is affordable, otherwise sampled.
[[nodiscard]] Result<ShapleyValue> shapley_value(const PortfolioGame& game, const ShapleyOptions& options);

//! Whether an allocation lies in the core of the game.
struct CoreCheck {
  //! kYes: in the core; kNo: not (see blocking); kUnknown: could not tell (allocation of the wrong size).
  enum class Verdict { kYes, kNo, kUnknown };
  Verdict verdict{Verdict::kUnknown};  //!< the answer
  //! kNo: the coalition S with the largest excess v(S) - allocation(S), the smallest one when several
  //! tie (it is unique: v is supermodular); empty when no coalition blocks but the allocation hands out
  //! more than v(N).
  std::vector<Player> blocking;
  //! kNo: v(S) - allocation(S) of that coalition (> 0), or v(N) - sum(allocation) (< 0) when it is empty;
  //! 0 otherwise.
  Rational excess;
};

//! Checks sum(allocation) == v(N) and allocation(S) >= v(S) for every coalition S, exactly. The game
//! splits into components (as for the Shapley value); a component of at most `exact_limit` players is
//! checked by enumerating its coalitions on `threads` threads, a larger one by a minimum cut (the largest
//! excess of a supermodular game is a maximum-weight closure problem), which is exact too. kUnknown only
//! when allocation does not hold one value per player. An allocation that sums to less than v(N) is
//! blocked by some coalition (at worst N itself), so it is a kNo with that coalition.
[[nodiscard]] CoreCheck check_core(const PortfolioGame& game, const std::vector<Rational>& allocation,
                                   std::size_t exact_limit, unsigned threads);

}  // namespace covalue::core::games
