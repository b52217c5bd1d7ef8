#include "subgame.hpp"

#include <algorithm>
#include <numeric>

namespace covalue::core::games::detail {
namespace {

// The representative of x's set, halving paths on the way.
std::size_t find_root(std::vector<std::size_t>& parent, std::size_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

InitiativeKind classify(const PortfolioGame& game, std::size_t initiative) {
  if (sgn(game.network_value(initiative)) <= 0) {
    return InitiativeKind::kDead;
  }
  const auto impacts = game.impacts(initiative);
  const bool harms =
      std::any_of(impacts.begin(), impacts.end(), [](const PlayerImpact& a) { return sgn(a.value) < 0; });
  return harms ? InitiativeKind::kThreshold : InitiativeKind::kAdditive;
}

// Groups the threshold initiatives by the union-find root of their first player.
void group_components(const PortfolioGame& game, GameAnalysis& analysis) {
  std::vector<std::size_t> parent(game.num_players());
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  std::vector<std::size_t> threshold;
  for (std::size_t i = 0; i < game.num_initiatives(); ++i) {
    if (analysis.kinds[i] != InitiativeKind::kThreshold) {
      continue;
    }
    threshold.push_back(i);
    const Player first = game.impacts(i).front().player;
    for (const PlayerImpact& impact : game.impacts(i)) {
      analysis.in_threshold[impact.player] = true;
      parent[find_root(parent, impact.player)] = find_root(parent, first);
    }
  }
  std::vector<std::size_t> component_of(game.num_players(), SIZE_MAX);
  for (const std::size_t i : threshold) {
    const std::size_t root = find_root(parent, game.impacts(i).front().player);
    if (component_of[root] == SIZE_MAX) {
      component_of[root] = analysis.components.size();
      analysis.components.emplace_back();
      analysis.component_players.emplace_back();
    }
    analysis.components[component_of[root]].push_back(i);
    for (const PlayerImpact& impact : game.impacts(i)) {
      analysis.component_players[component_of[root]].push_back(impact.player);
    }
  }
  for (auto& players : analysis.component_players) {
    std::sort(players.begin(), players.end());
    players.erase(std::unique(players.begin(), players.end()), players.end());
  }
}

// value * scale, an integer because value's denominator divides scale.
Integer scaled(const Rational& value, const Integer& scale) {
  return Integer(value.get_num() * (scale / value.get_den()));
}

void include_denominator(Integer& scale, const Rational& value) {
  mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), value.get_den_mpz_t());
}

}  // namespace

GameAnalysis analyse(const PortfolioGame& game) {
  GameAnalysis analysis;
  analysis.kinds.resize(game.num_initiatives());
  analysis.additive_impact.resize(game.num_players());
  analysis.in_threshold.assign(game.num_players(), false);
  for (std::size_t i = 0; i < game.num_initiatives(); ++i) {
    analysis.kinds[i] = classify(game, i);
    if (analysis.kinds[i] == InitiativeKind::kAdditive) {
      for (const PlayerImpact& impact : game.impacts(i)) {
        analysis.additive_impact[impact.player] += impact.value;
      }
    }
  }
  group_components(game, analysis);
  return analysis;
}

Subgame joint_subgame(const PortfolioGame& game, std::span<const std::size_t> initiatives,
                      const std::vector<Rational>* weights) {
  Subgame sub;
  std::vector<std::size_t> harms(game.num_players(), 0);
  std::vector<bool> seen(game.num_players(), false);
  for (const std::size_t i : initiatives) {
    for (const PlayerImpact& impact : game.impacts(i)) {
      harms[impact.player] += sgn(impact.value) < 0 ? 1 : 0;
      if (!seen[impact.player]) {
        seen[impact.player] = true;
        sub.players.push_back(impact.player);
      }
      include_denominator(sub.scale, impact.value);
    }
  }
  std::sort(sub.players.begin(), sub.players.end(),
            [&](Player a, Player b) { return harms[a] != harms[b] ? harms[a] < harms[b] : a < b; });
  std::vector<std::uint32_t> local(game.num_players(), 0);
  for (std::size_t k = 0; k < sub.players.size(); ++k) {
    local[sub.players[k]] = static_cast<std::uint32_t>(k);
    if (weights != nullptr) {
      include_denominator(sub.scale, (*weights)[sub.players[k]]);
    }
  }
  sub.impacts.resize(sub.players.size());
  sub.base.assign(initiatives.size(), Integer(0));
  for (std::size_t k = 0; k < initiatives.size(); ++k) {
    for (const PlayerImpact& impact : game.impacts(initiatives[k])) {
      sub.impacts[local[impact.player]].push_back({static_cast<std::uint32_t>(k), scaled(impact.value, sub.scale)});
    }
  }
  if (weights != nullptr) {
    for (const Player p : sub.players) {
      sub.weights.push_back(scaled((*weights)[p], sub.scale));
    }
  }
  return sub;
}

Subgame initiative_subgame(const PortfolioGame& game, std::size_t initiative) {
  Subgame sub;
  for (const PlayerImpact& impact : game.impacts(initiative)) {
    include_denominator(sub.scale, impact.value);
  }
  sub.base.assign(1, Integer(0));
  for (const PlayerImpact& impact : game.impacts(initiative)) {
    if (sgn(impact.value) < 0) {
      sub.base[0] += scaled(impact.value, sub.scale);
    } else {
      sub.players.push_back(impact.player);
      sub.impacts.push_back({SubgameImpact{0, scaled(impact.value, sub.scale)}});
    }
  }
  return sub;
}

bool fits_machine(const Subgame& game) {
  Integer total;
  for (const Integer& base : game.base) {
    total += abs(base);
  }
  for (const auto& impacts : game.impacts) {
    for (const SubgameImpact& impact : impacts) {
      total += abs(impact.value);
    }
  }
  for (const Integer& weight : game.weights) {
    total += abs(weight);
  }
  return fits_bits(total, kMachineBits);
}

namespace {

void assign(std::int64_t& out, const Integer& value) { out = to_machine(value); }
void assign(Integer& out, const Integer& value) { out = value; }

}  // namespace

template <typename Int>
TypedSubgame<Int> make_typed(const Subgame& game) {
  TypedSubgame<Int> typed;
  typed.num_players = game.players.size();
  typed.num_initiatives = game.base.size();
  typed.base.resize(typed.num_initiatives);
  typed.magnitude.resize(typed.num_initiatives);
  typed.harmed.assign(typed.num_initiatives, 0);
  std::vector<Integer> magnitude(typed.num_initiatives);
  for (std::size_t i = 0; i < typed.num_initiatives; ++i) {
    assign(typed.base[i], game.base[i]);
    magnitude[i] = abs(game.base[i]);
  }
  typed.offsets.push_back(0);
  for (const auto& impacts : game.impacts) {
    for (const SubgameImpact& impact : impacts) {
      typed.entries.push_back({impact.initiative, {}});
      assign(typed.entries.back().value, impact.value);
      magnitude[impact.initiative] += abs(impact.value);
      typed.harmed[impact.initiative] += sgn(impact.value) < 0 ? 1 : 0;
    }
    typed.offsets.push_back(typed.entries.size());
  }
  for (std::size_t i = 0; i < typed.num_initiatives; ++i) {
    assign(typed.magnitude[i], magnitude[i]);
  }
  typed.weights.resize(game.weights.size());
  for (std::size_t p = 0; p < game.weights.size(); ++p) {
    assign(typed.weights[p], game.weights[p]);
  }
  return typed;
}

template TypedSubgame<std::int64_t> make_typed<std::int64_t>(const Subgame& game);
template TypedSubgame<Integer> make_typed<Integer>(const Subgame& game);

}  // namespace covalue::core::games::detail
