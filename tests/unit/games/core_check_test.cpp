// Core membership against brute force, by enumeration and by minimum cut.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "covalue/core/games/shapley.hpp"
#include "games_test_support.hpp"

namespace covalue::core::games {
namespace {

using testing::make_game;
using Verdict = CoreCheck::Verdict;

// What check_core must answer, from the brute-force largest excess.
void expect_brute_force_answer(const PortfolioGame& game, const std::vector<Rational>& allocation,
                               const CoreCheck& check) {
  const testing::BruteExcess brute = testing::brute_largest_excess(game, allocation);
  const Rational over = game.grand_value() - testing::sum_of(allocation);
  if (sgn(brute.excess) > 0) {
    RC_ASSERT(check.verdict == Verdict::kNo);
    RC_ASSERT(check.blocking == brute.members);
    RC_ASSERT(check.excess == brute.excess);
  } else if (sgn(over) < 0) {
    RC_ASSERT(check.verdict == Verdict::kNo);
    RC_ASSERT(check.blocking.empty());
    RC_ASSERT(check.excess == over);
  } else {
    RC_ASSERT(check.verdict == Verdict::kYes);
    RC_ASSERT(check.blocking.empty());
  }
}

RC_GTEST_PROP(CoreCheck, EnumerationAndMinimumCutMatchBruteForce, ()) {
  const PortfolioGame game = *testing::small_game();
  std::vector<Rational> allocation;
  const auto shapley = shapley_value(game, ShapleyOptions{});
  RC_ASSERT(shapley.ok());
  for (std::size_t p = 0; p < game.num_players(); ++p) {
    // Near the Shapley value, so that some allocations are in the core and some are not.
    allocation.push_back(shapley->values[p] + *testing::small_impact() / 4);
  }
  if (*rc::gen::arbitrary<bool>()) {
    allocation.back() += game.grand_value() - testing::sum_of(allocation);  // efficient
  }
  const auto threads = testing::any_in(1U, 3U);
  expect_brute_force_answer(game, allocation, check_core(game, allocation, 24, threads));
  expect_brute_force_answer(game, allocation, check_core(game, allocation, 0, threads));
}

RC_GTEST_PROP(CoreCheck, TheShapleyValueOfThisConvexGameIsInTheCore, ()) {
  const PortfolioGame game = *testing::small_game();
  const auto shapley = shapley_value(game, ShapleyOptions{});
  RC_ASSERT(shapley.ok());
  RC_ASSERT(check_core(game, shapley->values, 24, 1).verdict == Verdict::kYes);
  RC_ASSERT(check_core(game, shapley->values, 0, 1).verdict == Verdict::kYes);
}

TEST(CoreCheck, OwnImpactsAreBlockedByThePartnersTheyHarm) {
  // Initiative: +10 for 0, -4 for 1. Without a transfer, 1 is better off vetoing it: {1} blocks.
  const PortfolioGame game = make_game(2, {{{0, Rational(10)}, {1, Rational(-4)}}});
  const CoreCheck check = check_core(game, {Rational(10), Rational(-4)}, 24, 1);
  EXPECT_EQ(check.verdict, Verdict::kNo);
  EXPECT_EQ(check.blocking, std::vector<Player>{1});
  EXPECT_EQ(check.excess, 4);
  EXPECT_EQ(check_core(game, {Rational(6), Rational(0)}, 24, 1).verdict, Verdict::kYes);
}

TEST(CoreCheck, AnAllocationBeyondTheGrandValueIsNotInTheCore) {
  const PortfolioGame game = make_game(2, {{{0, Rational(3)}, {1, Rational(1)}}});
  const CoreCheck check = check_core(game, {Rational(3), Rational(2)}, 24, 1);
  EXPECT_EQ(check.verdict, Verdict::kNo);
  EXPECT_TRUE(check.blocking.empty());
  EXPECT_EQ(check.excess, -1);
}

TEST(CoreCheck, AShortfallIsBlocked) {
  const PortfolioGame game = make_game(3, {{{0, Rational(3)}, {1, Rational(1)}}});
  const CoreCheck check = check_core(game, {Rational(3), Rational(0), Rational(0)}, 24, 1);
  EXPECT_EQ(check.verdict, Verdict::kNo);
  EXPECT_EQ(check.blocking, std::vector<Player>{1});
  EXPECT_EQ(check.excess, 1);
}

TEST(CoreCheck, AnAllocationOfTheWrongSizeIsUnknown) {
  const PortfolioGame game = make_game(2, {{{0, Rational(3)}}});
  EXPECT_EQ(check_core(game, {Rational(3)}, 24, 1).verdict, Verdict::kUnknown);
}

TEST(CoreCheck, MinimumCutAgreesWithEnumerationOnLargerGames) {
  for (const std::uint64_t seed : {1U, 2U, 3U, 4U}) {
    const PortfolioGame game = testing::seeded_game(seed, 16, 10, 3, 9, 0.4);
    const auto shapley = shapley_value(game, ShapleyOptions{});
    ASSERT_TRUE(shapley.ok());
    std::vector<Rational> allocation = shapley->values;
    for (std::size_t p = 0; p < allocation.size(); ++p) {
      Rational shift(static_cast<long>((p * 7 + seed) % 11) - 5, 2);
      shift.canonicalize();
      allocation[p] += shift;
    }
    const CoreCheck by_enumeration = check_core(game, allocation, 24, 2);
    const CoreCheck by_cut = check_core(game, allocation, 0, 1);
    EXPECT_EQ(by_enumeration.verdict, by_cut.verdict);
    EXPECT_EQ(by_enumeration.blocking, by_cut.blocking);
    EXPECT_EQ(by_enumeration.excess, by_cut.excess);
    EXPECT_EQ(check_core(game, shapley->values, 0, 1).verdict, Verdict::kYes);
  }
}

TEST(CoreCheck, ALargeGameIsDecidedExactlyByMinimumCut) {
  const PortfolioGame game = testing::seeded_game(77, 400, 150, 3, 15, 0.35);
  const auto shapley = shapley_value(game, ShapleyOptions{});
  ASSERT_TRUE(shapley.ok());
  EXPECT_EQ(check_core(game, shapley->values, 24, 2).verdict, Verdict::kYes);
  std::vector<Rational> own(game.num_players());
  for (std::size_t i = 0; i < game.num_initiatives(); ++i) {
    for (const PlayerImpact& impact : game.impacts(i)) {
      own[impact.player] += impact.value;
    }
  }
  const CoreCheck check = check_core(game, own, 24, 2);
  EXPECT_EQ(check.verdict, Verdict::kNo);
  EXPECT_GT(check.excess, 0);
}

}  // namespace
}  // namespace covalue::core::games
