#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "covalue/core/games/portfolio_game.hpp"
#include "games_test_support.hpp"

namespace covalue::core::games {
namespace {

using testing::coalition_of;
using testing::make_game;

TEST(PortfolioGame, RejectsAPlayerOutOfRange) {
  const auto game = PortfolioGame::create(3, {{{0, Rational(1)}}, {{1, Rational(2)}, {5, Rational(-1)}}});
  ASSERT_FALSE(game.ok());
  EXPECT_EQ(game.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(game.error().where, "initiative 1");
  EXPECT_NE(game.error().message.find("player 5"), std::string::npos) << game.error().message;
}

TEST(PortfolioGame, RejectsAPlayerListedTwice) {
  const auto game = PortfolioGame::create(3, {{}, {}, {{2, Rational(1)}, {0, Rational(3)}, {2, Rational(-1)}}});
  ASSERT_FALSE(game.ok());
  EXPECT_EQ(game.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(game.error().to_string(), "initiative 2: player 2 is listed twice");
}

TEST(PortfolioGame, DropsZeroImpactsAndSortsByPlayer) {
  const PortfolioGame game = make_game(4, {{{3, Rational(2)}, {1, Rational(0)}, {0, Rational(-1, 2)}}});
  ASSERT_EQ(game.impacts(0).size(), 2U);
  EXPECT_EQ(game.impacts(0)[0].player, 0U);
  EXPECT_EQ(game.impacts(0)[1].player, 3U);
  EXPECT_EQ(game.network_value(0), Rational(3, 2));
}

TEST(PortfolioGame, HarmedPartnersVetoAndCoalitionsCountOnlyTheirOwnImpacts) {
  // Initiative 0 helps 0 and 2 and harms 1; initiative 1 helps 2 only; initiative 2 is a net loss.
  const PortfolioGame game = make_game(3, {{{0, Rational(5)}, {1, Rational(-2)}, {2, Rational(1)}},
                                           {{2, Rational(3)}},
                                           {{0, Rational(1)}, {1, Rational(-4)}}});
  const auto v = [&](std::uint64_t mask) { return game.value(coalition_of(mask, 3)); };
  EXPECT_EQ(v(0b000), 0);
  EXPECT_EQ(v(0b001), 0);  // 0 alone may not harm 1
  EXPECT_EQ(v(0b010), 0);
  EXPECT_EQ(v(0b100), 3);
  EXPECT_EQ(v(0b011), 3);  // 5 - 2; initiative 2 would be 1 - 4 < 0
  EXPECT_EQ(v(0b110), 3);  // initiative 0: max(0, -2 + 1) = 0
  EXPECT_EQ(v(0b111), 7);
  EXPECT_EQ(game.grand_value(), 7);
  EXPECT_EQ(game.value({true}), 0);  // a short mask: the missing players are out
}

RC_GTEST_PROP(PortfolioGame, ValueIsMonotoneAndGrandValueIsTheValueOfEveryone, ()) {
  const PortfolioGame game = *testing::small_game();
  const std::size_t n = game.num_players();
  const auto values = testing::all_values(game);
  for (std::uint64_t mask = 0; mask < values.size(); ++mask) {
    for (std::size_t p = 0; p < n; ++p) {
      RC_ASSERT(values[mask | (std::uint64_t{1} << p)] >= values[mask]);
    }
  }
  RC_ASSERT(values.back() == game.grand_value());
  RC_ASSERT(values.front() == 0);
}

}  // namespace
}  // namespace covalue::core::games
