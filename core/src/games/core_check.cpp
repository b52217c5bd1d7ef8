// Core membership: the largest excess max_S (v(S) - x(S)) splits over the components of the game. With
// y = x minus each player's impacts on initiatives that harm nobody (they add y-free, additive value), a
// player on no threshold initiative belongs to the best coalition exactly when its y is negative, and each
// component is solved by enumeration or as a maximum-weight closure. The coalition found is re-checked
// against PortfolioGame::value before it is reported.
#include <cassert>
#include <numeric>

#include "covalue/core/games/shapley.hpp"
#include "largest_excess.hpp"
#include "subgame.hpp"

namespace covalue::core::games {
namespace {

constexpr std::size_t kMaxEnumerationPlayers = 62;

// The smallest coalition of largest excess, as a membership mask, and that excess.
Rational largest_excess(const PortfolioGame& game, const std::vector<Rational>& allocation, std::size_t exact_limit,
                        unsigned threads, std::vector<bool>& members) {
  const detail::GameAnalysis analysis = detail::analyse(game);
  std::vector<Rational> weights(game.num_players());
  Rational excess;
  for (std::size_t p = 0; p < game.num_players(); ++p) {
    weights[p] = allocation[p] - analysis.additive_impact[p];
    if (!analysis.in_threshold[p] && sgn(weights[p]) < 0) {
      members[p] = true;
      excess -= weights[p];
    }
  }
  const std::size_t limit = std::min(exact_limit, kMaxEnumerationPlayers);
  for (std::size_t c = 0; c < analysis.components.size(); ++c) {
    const detail::Subgame sub = detail::joint_subgame(game, analysis.components[c], &weights);
    const detail::Excess best = sub.players.size() <= limit ? detail::largest_excess_by_enumeration(sub, threads)
                                                            : detail::largest_excess_by_closure(sub);
    if (sgn(best.value) > 0) {
      excess += detail::make_rational(best.value, sub.scale);
      for (const std::uint32_t p : best.members) {
        members[sub.players[p]] = true;
      }
    }
  }
  return excess;
}

}  // namespace

CoreCheck check_core(const PortfolioGame& game, const std::vector<Rational>& allocation, std::size_t exact_limit,
                     unsigned threads) {
  CoreCheck check;
  if (allocation.size() != game.num_players()) {
    return check;
  }
  std::vector<bool> members(game.num_players(), false);
  const Rational excess = largest_excess(game, allocation, exact_limit, threads, members);
  if (sgn(excess) > 0) {
    check.verdict = CoreCheck::Verdict::kNo;
    check.excess = game.value(members);
    for (Player p = 0; p < game.num_players(); ++p) {
      if (members[p]) {
        check.blocking.push_back(p);
        check.excess -= allocation[p];
      }
    }
    assert(check.excess == excess);
    return check;
  }
  const Rational total = std::accumulate(allocation.begin(), allocation.end(), Rational(0));
  const Rational grand = game.grand_value();
  if (total > grand) {
    check.verdict = CoreCheck::Verdict::kNo;
    check.excess = grand - total;
    return check;
  }
  check.verdict = CoreCheck::Verdict::kYes;
  return check;
}

}  // namespace covalue::core::games
