// Shapley value of the portfolio game: split into exactly solvable pieces, sample only what is left.
#include "covalue/core/games/shapley.hpp"

#include <algorithm>

#include "shapley_exact.hpp"
#include "shapley_sampled.hpp"
#include "subgame.hpp"

namespace covalue::core::games {
namespace {

using detail::ExactPiece;
using detail::GameAnalysis;

constexpr std::size_t kMaxExactPlayers = 62;  // coalitions are 64-bit masks

struct Plan {
  std::vector<ExactPiece> exact;
  std::vector<std::size_t> sampled;  // initiatives left to the sampler
};

std::size_t helped_count(const PortfolioGame& game, std::size_t initiative) {
  const auto impacts = game.impacts(initiative);
  return static_cast<std::size_t>(
      std::count_if(impacts.begin(), impacts.end(), [](const PlayerImpact& a) { return sgn(a.value) > 0; }));
}

ExactPiece initiative_piece(const PortfolioGame& game, std::size_t initiative) {
  ExactPiece piece{detail::initiative_subgame(game, initiative), {}};
  for (const PlayerImpact& impact : game.impacts(initiative)) {
    if (sgn(impact.value) < 0) {
      piece.absent_harmed.push_back(impact.player);
    }
  }
  return piece;
}

bool by_coalitions(const PortfolioGame& game, const std::vector<std::size_t>& initiatives, std::size_t players,
                   ShapleyOptions::ExactMethod method) {
  if (method != ShapleyOptions::ExactMethod::kAuto) {
    return method == ShapleyOptions::ExactMethod::kCoalitions;
  }
  double per_initiative = 0;
  for (const std::size_t i : initiatives) {
    per_initiative += detail::enumeration_cost(helped_count(game, i), 1);
  }
  return detail::enumeration_cost(players, initiatives.size()) <= per_initiative;
}

Plan plan_pieces(const PortfolioGame& game, const GameAnalysis& analysis, const ShapleyOptions& options) {
  const std::size_t limit = std::min(options.exact_limit, kMaxExactPlayers);
  Plan plan;
  for (std::size_t c = 0; c < analysis.components.size(); ++c) {
    const std::vector<std::size_t>& initiatives = analysis.components[c];
    const std::size_t players = analysis.component_players[c].size();
    if (players <= limit && by_coalitions(game, initiatives, players, options.exact_method)) {
      plan.exact.push_back({detail::joint_subgame(game, initiatives, nullptr), {}});
      continue;
    }
    for (const std::size_t i : initiatives) {
      const bool small = players <= limit || helped_count(game, i) <= options.initiative_exact_limit;
      if (game.impacts(i).size() <= limit && small) {
        plan.exact.push_back(initiative_piece(game, i));
      } else {
        plan.sampled.push_back(i);
      }
    }
  }
  return plan;
}

}  // namespace

Result<ShapleyValue> shapley_value(const PortfolioGame& game, const ShapleyOptions& options) {
  const GameAnalysis analysis = detail::analyse(game);
  const Plan plan = plan_pieces(game, analysis, options);
  ShapleyValue result;
  result.values = analysis.additive_impact;
  detail::add_exact_shapley(plan.exact, options.threads, result.values);
  if (plan.sampled.empty()) {
    return result;
  }
  const detail::SampledPart part =
      detail::sample_shapley(detail::joint_subgame(game, plan.sampled, nullptr), result.values, options);
  for (std::size_t p = 0; p < result.values.size(); ++p) {
    result.values[p] += part.values[p];
  }
  result.exact = false;
  result.samples = part.samples;
  result.error_bound = part.error_bound;
  result.half_widths = part.half_widths;
  return result;
}

}  // namespace covalue::core::games
