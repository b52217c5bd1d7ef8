// Exact Shapley values against the definition (all n! orders) and the axioms.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "covalue/core/games/shapley.hpp"
#include "games_test_support.hpp"

namespace covalue::core::games {
namespace {

using testing::make_game;
using testing::oracle_shapley;
using testing::sum_of;
using Method = ShapleyOptions::ExactMethod;

std::vector<Rational> exact_values(const PortfolioGame& game, Method method, unsigned threads = 1) {
  ShapleyOptions options;
  options.exact_method = method;
  options.threads = threads;
  auto result = shapley_value(game, options);
  RC_ASSERT(result.ok());
  RC_ASSERT(result->exact);
  RC_ASSERT(result->samples == 0U);
  RC_ASSERT(result->half_widths.empty());
  return result->values;
}

RC_GTEST_PROP(Shapley, EveryExactMethodMatchesThePermutationOracle, ()) {
  const PortfolioGame game = *testing::small_game();
  const auto threads = testing::any_in(1U, 4U);
  const std::vector<Rational> expected = oracle_shapley(game);
  for (const Method method : {Method::kAuto, Method::kCoalitions, Method::kInitiatives}) {
    RC_ASSERT(exact_values(game, method, threads) == expected);
  }
}

RC_GTEST_PROP(Shapley, ValuesAreNonNegativeAndSumExactlyToTheGrandValue, ()) {
  const PortfolioGame game = *testing::small_game();
  const std::vector<Rational> values = exact_values(game, Method::kAuto);
  RC_ASSERT(values.size() == game.num_players());
  RC_ASSERT(sum_of(values) == game.grand_value());
  for (const Rational& value : values) {
    RC_ASSERT(sgn(value) >= 0);
  }
}

TEST(Shapley, SymmetricPlayersGetEqualValuesAndNullPlayersNothing) {
  // Players 1 and 2 are interchangeable; 3 is on a net-loss initiative only; 4 is on nothing.
  const PortfolioGame game = make_game(5, {{{0, Rational(-3)}, {1, Rational(4)}, {2, Rational(4)}},
                                           {{1, Rational(1)}, {2, Rational(1)}, {0, Rational(-1)}},
                                           {{3, Rational(2)}, {0, Rational(-5)}}});
  const std::vector<Rational> values = exact_values(game, Method::kAuto);
  EXPECT_EQ(values[1], values[2]);
  EXPECT_EQ(values[3], 0);
  EXPECT_EQ(values[4], 0);
  EXPECT_EQ(values, oracle_shapley(game));
  EXPECT_EQ(sum_of(values), 6);
}

TEST(Shapley, InitiativesThatHarmNobodyGiveEachPlayerItsOwnImpact) {
  const PortfolioGame game = make_game(3, {{{0, Rational(1, 3)}, {2, Rational(5)}}, {{1, Rational(2)}}});
  EXPECT_EQ(exact_values(game, Method::kAuto), (std::vector<Rational>{Rational(1, 3), Rational(2), Rational(5)}));
}

TEST(Shapley, HugeAndFineGrainedImpactsStayExact) {
  // Magnitudes far beyond 64 bits and unrelated denominators force the GMP path of every loop.
  const Rational huge(Integer("123456789012345678901234567890"), Integer(7));
  const PortfolioGame game = make_game(6, {{{0, huge}, {1, Rational(-1, 3)}, {2, Rational(5, 11)}, {3, -huge / 2}},
                                           {{3, huge * 3}, {4, Rational(-2)}, {5, Rational(1, 13)}},
                                           {{0, Rational(-1)}, {5, huge}}});
  const std::vector<Rational> expected = oracle_shapley(game);
  for (const Method method : {Method::kCoalitions, Method::kInitiatives}) {
    EXPECT_EQ(exact_values(game, method), expected);
  }
}

TEST(Shapley, ComponentsAreSolvedApartAndAddUp) {
  const PortfolioGame left = testing::seeded_game(3, 6, 4, 2, 5, 0.4);
  const PortfolioGame right = testing::seeded_game(4, 5, 3, 2, 5, 0.4);
  std::vector<std::vector<PlayerImpact>> impacts;
  for (std::size_t i = 0; i < left.num_initiatives(); ++i) {
    impacts.emplace_back(left.impacts(i).begin(), left.impacts(i).end());
  }
  for (std::size_t i = 0; i < right.num_initiatives(); ++i) {
    impacts.emplace_back();
    for (const PlayerImpact& impact : right.impacts(i)) {
      impacts.back().push_back({impact.player + 6, impact.value});
    }
  }
  const PortfolioGame both = make_game(11, std::move(impacts));
  std::vector<Rational> expected = exact_values(left, Method::kCoalitions);
  for (const Rational& value : exact_values(right, Method::kCoalitions)) {
    expected.push_back(value);
  }
  EXPECT_EQ(exact_values(both, Method::kAuto, 2), expected);
}

TEST(Shapley, DenseTwentyPlayerGameAgreesAcrossMethodsAndThreads) {
  const PortfolioGame game = testing::seeded_game(11, 20, 12, 20, 20, 0.3);
  const std::vector<Rational> by_coalitions = exact_values(game, Method::kCoalitions, 2);
  EXPECT_EQ(by_coalitions, exact_values(game, Method::kInitiatives, 1));
  EXPECT_EQ(sum_of(by_coalitions), game.grand_value());
}

TEST(Shapley, ALargeComponentOfSmallInitiativesIsStillExact) {
  // 60 players linked into one component, but no initiative touches more than 8 of them.
  const PortfolioGame game = testing::seeded_game(5, 60, 40, 3, 8, 0.4);
  ShapleyOptions options;
  const auto result = shapley_value(game, options);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->exact);
  EXPECT_EQ(sum_of(result->values), game.grand_value());
  // Additivity over initiatives: each one alone, enumerated by coalitions.
  std::vector<Rational> expected(60);
  for (std::size_t i = 0; i < game.num_initiatives(); ++i) {
    const PortfolioGame single = make_game(60, {{game.impacts(i).begin(), game.impacts(i).end()}});
    options.exact_method = Method::kCoalitions;
    const auto part = shapley_value(single, options);
    ASSERT_TRUE(part.ok());
    for (std::size_t p = 0; p < 60; ++p) {
      expected[p] += part->values[p];
    }
  }
  EXPECT_EQ(result->values, expected);
}

TEST(Shapley, AnEmptyGameIsAllZeros) {
  const auto result = shapley_value(make_game(3, {}), ShapleyOptions{});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->values, std::vector<Rational>(3));
  EXPECT_TRUE(result->exact);
}

}  // namespace
}  // namespace covalue::core::games
