// Benefit sharing: transfers sum to zero, net values stay non-negative, shares follow the method.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "covalue/core/games/benefit_sharing.hpp"
#include "games_test_support.hpp"

namespace covalue::core::games {
namespace {

using testing::make_game;
using testing::sum_of;

std::vector<Rational> own_impacts(const PortfolioGame& game) {
  std::vector<Rational> own(game.num_players());
  for (std::size_t i = 0; i < game.num_initiatives(); ++i) {
    for (const PlayerImpact& impact : game.impacts(i)) {
      own[impact.player] += impact.value;
    }
  }
  return own;
}

RC_GTEST_PROP(BenefitSharing, TransfersSumToZeroAndNetValuesAreNonNegative, ()) {
  const PortfolioGame game = *testing::small_game(7, true);
  const std::vector<Rational> own = own_impacts(game);
  for (const Sharing sharing : {Sharing::kShapley, Sharing::kProportional, Sharing::kNone}) {
    const auto shared = share_value(game, sharing, ShapleyOptions{});
    RC_ASSERT(shared.ok());
    RC_ASSERT(sum_of(shared->transfers) == 0);
    RC_ASSERT(sum_of(shared->allocation) == game.grand_value());
    for (std::size_t p = 0; p < own.size(); ++p) {
      RC_ASSERT(shared->transfers[p] == shared->allocation[p] - own[p]);
      if (sharing != Sharing::kNone) {
        RC_ASSERT(sgn(own[p] + shared->transfers[p]) >= 0);
      }
    }
    if (sharing == Sharing::kShapley) {
      RC_ASSERT(shared->core.verdict == CoreCheck::Verdict::kYes);
    }
  }
}

TEST(BenefitSharing, RejectsAnInitiativeWithANegativeNetworkValue) {
  const PortfolioGame game = make_game(2, {{{0, Rational(1)}}, {{0, Rational(2)}, {1, Rational(-3)}}});
  const auto shared = share_value(game, Sharing::kShapley, ShapleyOptions{});
  ASSERT_FALSE(shared.ok());
  EXPECT_EQ(shared.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(shared.error().where, "initiative 1");
}

TEST(BenefitSharing, NoSharingKeepsOwnImpacts) {
  const PortfolioGame game = make_game(2, {{{0, Rational(10)}, {1, Rational(-4)}}});
  const auto shared = share_value(game, Sharing::kNone, ShapleyOptions{});
  ASSERT_TRUE(shared.ok());
  EXPECT_EQ(shared->method, "none");
  EXPECT_EQ(shared->allocation, (std::vector<Rational>{Rational(10), Rational(-4)}));
  EXPECT_EQ(shared->transfers, (std::vector<Rational>{Rational(0), Rational(0)}));
  EXPECT_EQ(shared->core.verdict, CoreCheck::Verdict::kNo);  // the harmed partner would veto
}

TEST(BenefitSharing, ShapleyPaysTheHarmedPartnerBack) {
  const PortfolioGame game = make_game(2, {{{0, Rational(10)}, {1, Rational(-4)}}});
  const auto shared = share_value(game, Sharing::kShapley, ShapleyOptions{});
  ASSERT_TRUE(shared.ok());
  EXPECT_EQ(shared->method, "exact");
  EXPECT_EQ(shared->allocation, (std::vector<Rational>{Rational(3), Rational(3)}));
  EXPECT_EQ(shared->transfers, (std::vector<Rational>{Rational(-7), Rational(7)}));
  EXPECT_EQ(shared->core.verdict, CoreCheck::Verdict::kYes);
}

TEST(BenefitSharing, ProportionalSharesFollowGrossGains) {
  // Gains 6 and 2 (player 2 only loses); v(N) = 8 - 2 = 6, shared 3:1.
  const PortfolioGame game = make_game(3, {{{0, Rational(6)}, {2, Rational(-2)}}, {{1, Rational(2)}}});
  const auto shared = share_value(game, Sharing::kProportional, ShapleyOptions{});
  ASSERT_TRUE(shared.ok());
  EXPECT_EQ(shared->method, "proportional");
  EXPECT_EQ(shared->allocation, (std::vector<Rational>{Rational(9, 2), Rational(3, 2), Rational(0)}));
  EXPECT_EQ(shared->transfers, (std::vector<Rational>{Rational(-3, 2), Rational(-1, 2), Rational(2)}));
}

TEST(BenefitSharing, NobodyGainingMeansAnEqualSplitOfNothing) {
  const PortfolioGame game = make_game(3, {{{0, Rational(0)}}});
  const auto shared = share_value(game, Sharing::kProportional, ShapleyOptions{});
  ASSERT_TRUE(shared.ok());
  EXPECT_EQ(shared->allocation, std::vector<Rational>(3));
  EXPECT_EQ(shared->core.verdict, CoreCheck::Verdict::kYes);
}

TEST(BenefitSharing, SampledShapleyReportsItsSamplesAndBound) {
  const PortfolioGame game = testing::seeded_game(4, 30, 20, 3, 10, 0.3);
  ShapleyOptions options;
  options.exact_limit = 0;
  options.max_samples = 2000;
  const auto shared = share_value(game, Sharing::kShapley, options);
  ASSERT_TRUE(shared.ok());
  EXPECT_EQ(shared->method, "sampled");
  EXPECT_GT(shared->samples, 0U);
  EXPECT_GT(shared->error_bound, 0);
  EXPECT_EQ(sum_of(shared->transfers), 0);
}

}  // namespace
}  // namespace covalue::core::games
