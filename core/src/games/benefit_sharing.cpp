#include "covalue/core/games/benefit_sharing.hpp"

#include <string>

namespace covalue::core::games {
namespace {

Status check_network_values(const PortfolioGame& game) {
  for (std::size_t i = 0; i < game.num_initiatives(); ++i) {
    if (sgn(game.network_value(i)) < 0) {
      return make_error(ErrorKind::kInvalidInput,
                        "has a negative network value (" + to_decimal_string(game.network_value(i)) +
                            "): only a portfolio whose initiatives all have a non-negative network value is shared",
                        "initiative " + std::to_string(i));
    }
  }
  return {};
}

std::vector<Rational> own_impacts(const PortfolioGame& game) {
  std::vector<Rational> own(game.num_players());
  for (std::size_t i = 0; i < game.num_initiatives(); ++i) {
    for (const PlayerImpact& impact : game.impacts(i)) {
      own[impact.player] += impact.value;
    }
  }
  return own;
}

std::vector<Rational> proportional_shares(const PortfolioGame& game) {
  std::vector<Rational> gains(game.num_players());
  Rational total;
  for (std::size_t i = 0; i < game.num_initiatives(); ++i) {
    for (const PlayerImpact& impact : game.impacts(i)) {
      if (sgn(impact.value) > 0) {
        gains[impact.player] += impact.value;
        total += impact.value;
      }
    }
  }
  const Rational grand = game.grand_value();
  for (Rational& share : gains) {
    share = sgn(total) > 0 ? Rational(grand * share / total)
                           : Rational(grand / static_cast<unsigned long>(game.num_players()));
  }
  return gains;
}

}  // namespace

Result<SharedValue> share_value(const PortfolioGame& game, Sharing sharing, const ShapleyOptions& options) {
  if (Status status = check_network_values(game); !status.ok()) {
    return status.error();
  }
  SharedValue shared;
  const std::vector<Rational> own = own_impacts(game);
  if (sharing == Sharing::kNone) {
    shared.allocation = own;
    shared.method = "none";
  } else if (sharing == Sharing::kProportional) {
    shared.allocation = proportional_shares(game);
    shared.method = "proportional";
  } else {
    Result<ShapleyValue> shapley = shapley_value(game, options);
    if (!shapley.ok()) {
      return shapley.error();
    }
    shared.allocation = std::move(shapley->values);
    shared.method = shapley->exact ? "exact" : "sampled";
    shared.samples = shapley->samples;
    shared.error_bound = shapley->error_bound;
  }
  shared.transfers.resize(own.size());
  for (std::size_t p = 0; p < own.size(); ++p) {
    shared.transfers[p] = shared.allocation[p] - own[p];
  }
  shared.core = check_core(game, shared.allocation, options.exact_limit, options.threads);
  return shared;
}

}  // namespace covalue::core::games
