#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "covalue/core/games/portfolio_game.hpp"
#include "covalue/core/games/shapley.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::games {

//! How the portfolio's value is shared back.
enum class Sharing { kNone, kShapley, kProportional };

//! Transfers that let partners internalise the portfolio's value.
struct SharedValue {
  std::vector<Rational> allocation;  //!< each player's share of v(N) (its own impact under kNone)
  std::vector<Rational> transfers;   //!< allocation - own impact; they sum exactly to zero
  std::string method;                //!< "none", "exact", "sampled", "proportional"
  std::uint64_t samples{0};          //!< kShapley when sampled: permutations sampled
  Rational error_bound;              //!< kShapley when sampled: ShapleyValue::error_bound
  CoreCheck core;                    //!< whether the allocation lies in the core (check_core)
};

//! Shares the value of a portfolio whose initiatives all have a non-negative network value.
//!   kNone: no transfers; allocation = each player's own impact (which may be negative).
//!   kShapley: allocation = Shapley value of the portfolio game (exact or sampled, per `options`).
//!   kProportional: allocation_p = v(N) * gains_p / sum of gains, gains_p the sum of p's positive
//!     impacts; an equal split when nobody gains.
//! Given the precondition v(N) = sum of the network values = sum of own impacts, so the transfers sum
//! exactly to zero; under kShapley and kProportional every allocation is >= 0, so every player's net value
//! (own impact + transfer) is >= 0. The core check runs with options.exact_limit and options.threads.
//! Errors: kInvalidInput when an initiative has a negative network value (naming the first such one).
[[nodiscard]] Result<SharedValue> share_value(const PortfolioGame& game, Sharing sharing,
                                              const ShapleyOptions& options);

}  // namespace covalue::core::games
