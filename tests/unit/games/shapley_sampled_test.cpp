// Sampled Shapley values: within their own error bound of the exact value, exact sums, determinism.
#include <gtest/gtest.h>

#include <cmath>

#include "covalue/core/games/shapley.hpp"
#include "games_test_support.hpp"

namespace covalue::core::games {
namespace {

using testing::sum_of;

ShapleyValue sampled(const PortfolioGame& game, std::uint64_t seed, unsigned threads = 1,
                     std::uint64_t max_samples = 1000000, std::size_t exact_limit = 0) {
  ShapleyOptions options;
  options.exact_limit = exact_limit;
  options.seed = seed;
  options.threads = threads;
  options.max_samples = max_samples;
  auto result = shapley_value(game, options);
  EXPECT_TRUE(result.ok());
  return std::move(result).value();
}

double relative_l2_error(const std::vector<Rational>& estimate, const std::vector<Rational>& truth) {
  double error = 0;
  double norm = 0;
  for (std::size_t p = 0; p < truth.size(); ++p) {
    const double d = to_double(Rational(estimate[p] - truth[p]));
    error += d * d;
    norm += to_double(estimate[p]) * to_double(estimate[p]);
  }
  return std::sqrt(error) / std::sqrt(norm);
}

TEST(ShapleySampled, EstimatesLieWithinTheirReportedBoundOfTheExactValue) {
  // 40 players, initiatives of 4-10: exact by initiative with the default limit, sampled with limit 0.
  const PortfolioGame game = testing::seeded_game(21, 40, 30, 4, 10, 0.35);
  const auto exact = shapley_value(game, ShapleyOptions{});
  ASSERT_TRUE(exact.ok());
  ASSERT_TRUE(exact->exact);
  for (const std::uint64_t seed : {1U, 2U, 3U}) {
    const ShapleyValue estimate = sampled(game, seed, 2);
    EXPECT_FALSE(estimate.exact);
    EXPECT_GT(estimate.samples, 0U);
    EXPECT_LE(estimate.error_bound, Rational(1, 100));
    EXPECT_EQ(sum_of(estimate.values), game.grand_value());
    for (const Rational& value : estimate.values) {
      EXPECT_GE(sgn(value), 0);
    }
    const double error = relative_l2_error(estimate.values, exact->values);
    EXPECT_LE(error, to_double(estimate.error_bound)) << "seed " << seed;
    ASSERT_EQ(estimate.half_widths.size(), 40U);
  }
}

TEST(ShapleySampled, TheSameSeedGivesTheSameEstimateOnAnyNumberOfThreads) {
  const PortfolioGame game = testing::seeded_game(8, 30, 20, 3, 12, 0.4);
  const ShapleyValue one = sampled(game, 7, 1, 3000);
  const ShapleyValue two = sampled(game, 7, 2, 3000);
  const ShapleyValue three = sampled(game, 7, 3, 3000);
  EXPECT_EQ(one.values, two.values);
  EXPECT_EQ(one.values, three.values);
  EXPECT_EQ(one.error_bound, two.error_bound);
  EXPECT_EQ(one.half_widths, three.half_widths);
  EXPECT_EQ(one.samples, two.samples);
  EXPECT_NE(one.values, sampled(game, 8, 1, 3000).values);
}

TEST(ShapleySampled, StopsAtMaxSamples) {
  const PortfolioGame game = testing::seeded_game(9, 30, 20, 3, 12, 0.4);
  const ShapleyValue estimate = sampled(game, 1, 1, 10);
  EXPECT_EQ(estimate.samples, 10U);
  EXPECT_EQ(sum_of(estimate.values), game.grand_value());
  EXPECT_GT(estimate.error_bound, 0);
  EXPECT_EQ(sampled(game, 1, 1, 1).samples, 4U);  // at least two antithetic pairs
}

TEST(ShapleySampled, OnlyInitiativesAboveTheLimitAreSampled) {
  // One initiative of 12 players above the limit of 6, beside small exact ones sharing its players.
  const PortfolioGame base = testing::seeded_game(12, 14, 10, 2, 5, 0.4);
  std::vector<std::vector<PlayerImpact>> impacts;
  for (std::size_t i = 0; i < base.num_initiatives(); ++i) {
    impacts.emplace_back(base.impacts(i).begin(), base.impacts(i).end());
  }
  impacts.emplace_back();
  for (Player p = 0; p < 12; ++p) {
    impacts.back().push_back({p, Rational(p % 3 == 0 ? -2 : 5)});
  }
  const PortfolioGame game = testing::make_game(14, std::move(impacts));
  const ShapleyValue estimate = sampled(game, 5, 2, 1000000, 6);
  EXPECT_FALSE(estimate.exact);
  EXPECT_EQ(sum_of(estimate.values), game.grand_value());
  EXPECT_EQ(estimate.half_widths[12], 0);  // not on the sampled initiative
  EXPECT_EQ(estimate.half_widths[13], 0);
  const auto exact = shapley_value(game, ShapleyOptions{});
  ASSERT_TRUE(exact.ok());
  EXPECT_LE(relative_l2_error(estimate.values, exact->values), to_double(estimate.error_bound));
}

TEST(ShapleySampled, HugeImpactsSampleOnExactIntegers) {
  const Rational huge(Integer("98765432109876543210987654321"), Integer(3));
  std::vector<std::vector<PlayerImpact>> impacts(1);
  for (Player p = 0; p < 10; ++p) {
    impacts[0].push_back({p, p < 3 ? Rational(-huge / 10) : Rational(huge / p)});
  }
  const PortfolioGame game = testing::make_game(10, std::move(impacts));
  const ShapleyValue estimate = sampled(game, 3, 1, 2000);
  EXPECT_EQ(sum_of(estimate.values), game.grand_value());
  EXPECT_EQ(estimate.values[0], estimate.values[1]);  // harmed players share their pool equally
}

}  // namespace
}  // namespace covalue::core::games
