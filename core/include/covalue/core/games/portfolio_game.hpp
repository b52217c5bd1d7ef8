#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::games {

//! Index of a player (a partner) in a game.
using Player = std::uint32_t;

//! One player's estimated impact on one initiative of the portfolio.
struct PlayerImpact {
  Player player{0};
  Rational value;
};

//! The portfolio game of a selected set of initiatives (a TU cooperative game).
//!
//! Coalition value (the "harm-veto" game): a coalition S may carry out a selected initiative i only
//! with the consent of every partner i harms (negative impact), so only if all of them are in S; it
//! then counts just its own members' impacts and carries out i only when that sum is positive:
//!
//!   v(S) = sum over i with H_i subset of S of max(0, sum over p in S of a(p, i)),
//!   H_i = { p : a(p, i) < 0 }.
//!
//! v(empty) = 0; v is monotone (adding a player never lowers v), so every Shapley value is >= 0; and
//! v(N) = sum over i of max(0, network value of i), which is the portfolio's network value whenever
//! no selected initiative has a negative network value.
class PortfolioGame {
 public:
  //! impacts[i] lists the impacts of initiative i; players must be < num_players and appear at most
  //! once per initiative (kInvalidInput otherwise, naming the initiative index and the player). Zero
  //! impacts are dropped; each initiative keeps its impacts in increasing player order.
  [[nodiscard]] static Result<PortfolioGame> create(std::size_t num_players,
                                                    std::vector<std::vector<PlayerImpact>> impacts);

  //! Number of players (partners); players are 0 .. num_players() - 1.
  [[nodiscard]] std::size_t num_players() const { return num_players_; }
  //! Number of selected initiatives.
  [[nodiscard]] std::size_t num_initiatives() const { return impacts_.size(); }
  //! The non-zero impacts of one initiative, in increasing player order.
  [[nodiscard]] std::span<const PlayerImpact> impacts(std::size_t initiative) const { return impacts_[initiative]; }
  //! The initiative's network value: the sum of its impacts.
  [[nodiscard]] Rational network_value(std::size_t initiative) const;

  //! v(S) for a coalition given as a membership mask of num_players() entries (missing entries: not in S).
  [[nodiscard]] Rational value(const std::vector<bool>& coalition) const;
  //! v(N).
  [[nodiscard]] Rational grand_value() const;

 private:
  std::size_t num_players_{0};
  std::vector<std::vector<PlayerImpact>> impacts_;
};

}  // namespace covalue::core::games
