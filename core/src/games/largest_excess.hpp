#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/rational.hpp"
#include "subgame.hpp"

namespace covalue::core::games::detail {

//! The largest excess max over S of scale * (v(S) - w(S)) of a subgame with weights w (S = empty gives 0),
//! and the smallest coalition that reaches it (unique: v - w is supermodular, so the coalitions reaching
//! the maximum are closed under intersection).
struct Excess {
  Integer value;                       //!< scaled by the subgame's scale
  std::vector<std::uint32_t> members;  //!< local players, increasing
};

//! Largest excess by enumerating all 2^n coalitions (n <= 62) on `threads` threads.
[[nodiscard]] Excess largest_excess_by_enumeration(const Subgame& game, unsigned threads);

//! Largest excess as a maximum-weight closure (minimum cut), any n: choosing initiative i to count needs
//! its harmed players and pays their impacts; each (player, initiative helped) pair earns the impact and
//! needs both; each player pays its weight. The smallest optimal closure is what the source reaches in
//! the residual graph of a maximum flow.
[[nodiscard]] Excess largest_excess_by_closure(const Subgame& game);

}  // namespace covalue::core::games::detail
