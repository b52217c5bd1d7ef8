#pragma once

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include "covalue/core/games/portfolio_game.hpp"
#include "covalue/core/games/shapley.hpp"

namespace covalue::core::games::testing {

//! Builds a game that must be valid.
inline PortfolioGame make_game(std::size_t players, std::vector<std::vector<PlayerImpact>> impacts) {
  auto game = PortfolioGame::create(players, std::move(impacts));
  if (!game.ok()) {
    ADD_FAILURE() << game.error().to_string();
    return PortfolioGame{};
  }
  return std::move(game).value();
}

//! The coalition of the players whose bits are set in mask.
inline std::vector<bool> coalition_of(std::uint64_t mask, std::size_t players) {
  std::vector<bool> members(players);
  for (std::size_t p = 0; p < players; ++p) {
    members[p] = ((mask >> p) & 1U) != 0;
  }
  return members;
}

//! v of every coalition (index = membership mask).
inline std::vector<Rational> all_values(const PortfolioGame& game) {
  std::vector<Rational> values(std::size_t{1} << game.num_players());
  for (std::uint64_t mask = 0; mask < values.size(); ++mask) {
    values[mask] = game.value(coalition_of(mask, game.num_players()));
  }
  return values;
}

//! The Shapley value by its definition: the mean marginal contribution over all n! orders.
inline std::vector<Rational> oracle_shapley(const PortfolioGame& game) {
  const std::size_t n = game.num_players();
  const std::vector<Rational> v = all_values(game);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<Rational> phi(n);
  std::uint64_t orders = 0;
  do {
    std::uint64_t mask = 0;
    for (const std::size_t p : order) {
      phi[p] += v[mask | (std::uint64_t{1} << p)] - v[mask];
      mask |= std::uint64_t{1} << p;
    }
    ++orders;
  } while (std::next_permutation(order.begin(), order.end()));
  for (Rational& value : phi) {
    value /= orders;
  }
  return phi;
}

//! Brute-force largest excess v(S) - x(S) and the smallest coalition reaching it (the empty one counts).
struct BruteExcess {
  Rational excess;
  std::vector<Player> members;
};

//! Checks every coalition.
inline BruteExcess brute_largest_excess(const PortfolioGame& game, const std::vector<Rational>& allocation) {
  const std::vector<Rational> v = all_values(game);
  BruteExcess best;
  int best_count = 0;
  for (std::uint64_t mask = 1; mask < v.size(); ++mask) {
    Rational excess = v[mask];
    for (std::size_t p = 0; p < game.num_players(); ++p) {
      if (((mask >> p) & 1U) != 0) {
        excess -= allocation[p];
      }
    }
    const int count = std::popcount(mask);
    if (excess > best.excess || (excess == best.excess && count < best_count)) {
      best.excess = excess;
      best_count = count;
      best.members.clear();
      for (Player p = 0; p < game.num_players(); ++p) {
        if (((mask >> p) & 1U) != 0) {
          best.members.push_back(p);
        }
      }
    }
  }
  return best;
}

//! rapidcheck: an integer anywhere in [low, high) whatever the current size (rapidcheck scales inRange
//! by size, which would make most games tiny).
template <typename T>
T any_in(T low, T high) {
  return *rc::gen::resize(100, rc::gen::inRange<T>(low, high));
}

//! rapidcheck: a small impact, mostly integers, sometimes a fraction, sometimes zero.
inline rc::Gen<Rational> small_impact() {
  return rc::gen::exec([] {
    const int numerator = any_in(-12, 25);
    const int denominator = *rc::gen::element(1, 1, 1, 2, 3, 7);
    Rational value(numerator, denominator);
    value.canonicalize();  // GMP's arithmetic expects canonical operands
    return value;
  });
}

//! rapidcheck: a random portfolio game of 1..max_players players and 0..6 initiatives.
//! With non_negative, every initiative's network value is >= 0 (negative ones are mirrored).
inline rc::Gen<PortfolioGame> small_game(std::size_t max_players = 7, bool non_negative = false) {
  return rc::gen::exec([max_players, non_negative] {
    const auto n = any_in<std::size_t>(1, max_players + 1);
    const auto count = any_in<std::size_t>(0, 7);
    std::vector<std::vector<PlayerImpact>> impacts(count);
    for (auto& initiative : impacts) {
      Rational total;
      for (Player p = 0; p < n; ++p) {
        if (any_in(0, 3) != 0) {
          Rational value = *small_impact();
          value.canonicalize();
          total += value;
          initiative.push_back({p, value});
        }
      }
      if (non_negative && sgn(total) < 0) {
        for (PlayerImpact& impact : initiative) {
          impact.value = -impact.value;
        }
      }
    }
    return make_game(n, std::move(impacts));
  });
}

//! A seeded random game: each initiative touches min_size..max_size distinct players; an impact is
//! negative with probability negative_share (magnitude up to 40), positive otherwise (up to 100);
//! initiatives whose network value comes out negative get their impacts mirrored.
inline PortfolioGame seeded_game(std::uint64_t seed, std::size_t players, std::size_t initiatives, std::size_t min_size,
                                 std::size_t max_size, double negative_share) {
  std::mt19937_64 rng(seed);
  std::vector<Player> everyone(players);
  std::iota(everyone.begin(), everyone.end(), Player{0});
  std::vector<std::vector<PlayerImpact>> impacts(initiatives);
  for (auto& initiative : impacts) {
    std::shuffle(everyone.begin(), everyone.end(), rng);
    const std::size_t size = std::uniform_int_distribution<std::size_t>(min_size, max_size)(rng);
    Rational total;
    for (std::size_t k = 0; k < size; ++k) {
      const bool negative = std::uniform_real_distribution<double>(0, 1)(rng) < negative_share;
      const std::int64_t magnitude = std::uniform_int_distribution<std::int64_t>(1, negative ? 40 : 100)(rng);
      initiative.push_back({everyone[k], Rational(negative ? -magnitude : magnitude)});
      total += initiative.back().value;
    }
    if (sgn(total) < 0) {
      for (PlayerImpact& impact : initiative) {
        impact.value = -impact.value;
      }
    }
  }
  return make_game(players, std::move(impacts));
}

//! Sum of the values.
inline Rational sum_of(const std::vector<Rational>& values) {
  return std::accumulate(values.begin(), values.end(), Rational(0));
}

}  // namespace covalue::core::games::testing
