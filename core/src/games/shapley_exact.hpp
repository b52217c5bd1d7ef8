#pragma once

#include <vector>

#include "covalue/core/games/portfolio_game.hpp"
#include "covalue/core/rational.hpp"
#include "subgame.hpp"

namespace covalue::core::games::detail {

//! A piece of the game whose Shapley values come from enumerating every coalition of its local players.
struct ExactPiece {
  Subgame game;
  //! Harmed players folded into the base of a one-initiative piece: they are symmetric in it, so they
  //! share what the local players leave of the piece's value equally.
  std::vector<Player> absent_harmed;
};

//! Rough cost of enumerating a piece of `players` local players and `initiatives` initiatives: lets the
//! caller pick the cheaper exact method.
[[nodiscard]] double enumeration_cost(std::size_t players, std::size_t initiatives);

//! Adds the exact Shapley value of every piece to `values` (indexed by global player) on `threads` threads.
void add_exact_shapley(const std::vector<ExactPiece>& pieces, unsigned threads, std::vector<Rational>& values);

}  // namespace covalue::core::games::detail
