#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "covalue/core/games/portfolio_game.hpp"
#include "covalue/core/rational.hpp"
#include "wide_int.hpp"

// The portfolio game split into independent pieces, and the pieces scaled to integers for the hot loops.
namespace covalue::core::games::detail {

//! What one initiative adds to the portfolio game.
enum class InitiativeKind {
  kDead,       //!< network value <= 0: adds nothing to any coalition
  kAdditive,   //!< nobody harmed: adds a(S) to every coalition S (its Shapley value is each own impact)
  kThreshold,  //!< somebody harmed and a positive network value
};

//! The portfolio game split into independent pieces: v is the additive part plus one game per component.
struct GameAnalysis {
  std::vector<InitiativeKind> kinds;                   //!< per initiative
  std::vector<Rational> additive_impact;               //!< per player: its impacts on additive initiatives
  std::vector<std::vector<std::size_t>> components;    //!< threshold initiatives linked by shared players
  std::vector<std::vector<Player>> component_players;  //!< each component's players, increasing
  std::vector<bool> in_threshold;                      //!< per player: on some threshold initiative
};

//! Classifies the initiatives and groups the threshold ones into connected components (deterministic).
[[nodiscard]] GameAnalysis analyse(const PortfolioGame& game);

//! One scaled impact of a subgame's local player.
struct SubgameImpact {
  std::uint32_t initiative{0};
  Integer value;
};

//! A piece of the portfolio game on local players 0..n-1, impacts scaled to integers by `scale`:
//!   scale * v(S) = sum over i of [every harmed local player of i is in S] max(0, base_i + sum_{p in S} a(p,i)).
struct Subgame {
  std::vector<Player> players;                      //!< the global index of each local player
  std::vector<std::vector<SubgameImpact>> impacts;  //!< per local player
  std::vector<Integer> base;                        //!< per initiative: the part every coalition counts
  std::vector<Integer> weights;                     //!< per local player, scaled (empty when unused)
  Integer scale{1};                                 //!< the common denominator
};

//! The game of `initiatives` on all their players; local players with fewer harmful impacts come first.
//! `weights` (per global player, or null) are scaled along and kept per local player.
[[nodiscard]] Subgame joint_subgame(const PortfolioGame& game, std::span<const std::size_t> initiatives,
                                    const std::vector<Rational>* weights);
//! The game of one initiative on its positive players, its harmed players counted as always present in
//! `base` (valid for Shapley values: the harmed players are symmetric and are settled apart).
[[nodiscard]] Subgame initiative_subgame(const PortfolioGame& game, std::size_t initiative);

//! A subgame's impact on machine or exact integers.
template <typename Int>
struct TypedImpact {
  std::uint32_t initiative{0};
  Int value{};
};

//! A Subgame in compressed rows on Int (std::int64_t when fits_machine, else Integer).
template <typename Int>
struct TypedSubgame {
  std::size_t num_players{0};
  std::size_t num_initiatives{0};
  std::vector<std::size_t> offsets;  //!< player p's impacts are entries[offsets[p] .. offsets[p + 1])
  std::vector<TypedImpact<Int>> entries;
  std::vector<Int> base;              //!< per initiative
  std::vector<std::uint32_t> harmed;  //!< per initiative: its harmed local players
  std::vector<Int> magnitude;         //!< per initiative: |base| + sum |a|, a bound on every partial sum
  std::vector<Int> weights;           //!< per local player (empty when unused)
};

//! True when every sum the loops form fits in std::int64_t (total magnitude below 2^kMachineBits).
[[nodiscard]] bool fits_machine(const Subgame& game);
//! The subgame on Int (instantiated for std::int64_t and Integer).
template <typename Int>
[[nodiscard]] TypedSubgame<Int> make_typed(const Subgame& game);

//! Calls f with the subgame on machine integers when that is safe, else on exact integers.
template <typename F>
auto with_typed(const Subgame& game, F&& f) {
  if (fits_machine(game)) {
    return f(make_typed<std::int64_t>(game));
  }
  return f(make_typed<Integer>(game));
}

}  // namespace covalue::core::games::detail
