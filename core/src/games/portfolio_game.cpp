#include "covalue/core/games/portfolio_game.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace covalue::core::games {
namespace {

// Drops the zero impacts of one initiative, sorts the rest by player and rejects bad players.
Status normalise_initiative(std::size_t index, std::size_t num_players, std::vector<PlayerImpact>& impacts) {
  const std::string where = "initiative " + std::to_string(index);
  for (const PlayerImpact& impact : impacts) {
    if (impact.player >= num_players) {
      return make_error(ErrorKind::kInvalidInput,
                        "player " + std::to_string(impact.player) + " is out of range (the game has " +
                            std::to_string(num_players) + " players)",
                        where);
    }
  }
  std::erase_if(impacts, [](const PlayerImpact& impact) { return sgn(impact.value) == 0; });
  std::stable_sort(impacts.begin(), impacts.end(),
                   [](const PlayerImpact& a, const PlayerImpact& b) { return a.player < b.player; });
  const auto twice =
      std::adjacent_find(impacts.begin(), impacts.end(),
                         [](const PlayerImpact& a, const PlayerImpact& b) { return a.player == b.player; });
  if (twice != impacts.end()) {
    return make_error(ErrorKind::kInvalidInput, "player " + std::to_string(twice->player) + " is listed twice", where);
  }
  return {};
}

}  // namespace

Result<PortfolioGame> PortfolioGame::create(std::size_t num_players, std::vector<std::vector<PlayerImpact>> impacts) {
  for (std::size_t i = 0; i < impacts.size(); ++i) {
    Status status = normalise_initiative(i, num_players, impacts[i]);
    if (!status.ok()) {
      return status.error();
    }
  }
  PortfolioGame game;
  game.num_players_ = num_players;
  game.impacts_ = std::move(impacts);
  return game;
}

Rational PortfolioGame::network_value(std::size_t initiative) const {
  Rational total;
  for (const PlayerImpact& impact : impacts_[initiative]) {
    total += impact.value;
  }
  return total;
}

Rational PortfolioGame::value(const std::vector<bool>& coalition) const {
  Rational total;
  Rational sum;
  for (const auto& initiative : impacts_) {
    sum = 0;
    bool consented = true;
    for (const PlayerImpact& impact : initiative) {
      const bool member = impact.player < coalition.size() && coalition[impact.player];
      if (member) {
        sum += impact.value;
      } else if (sgn(impact.value) < 0) {
        consented = false;
        break;
      }
    }
    if (consented && sgn(sum) > 0) {
      total += sum;
    }
  }
  return total;
}

Rational PortfolioGame::grand_value() const {
  Rational total;
  for (std::size_t i = 0; i < impacts_.size(); ++i) {
    const Rational value = network_value(i);
    if (sgn(value) > 0) {
      total += value;
    }
  }
  return total;
}

}  // namespace covalue::core::games
