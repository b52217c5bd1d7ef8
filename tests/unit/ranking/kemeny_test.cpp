#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "covalue/core/ranking/consensus.hpp"
#include "covalue/core/ranking/kemeny.hpp"
#include "covalue/core/ranking/weak_order.hpp"
#include "ranking_test_support.hpp"

namespace covalue::core::ranking {
namespace {

using test_support::Shape;
using test_support::small_profile;

// Every permutation, scored by the documented distance: the slow definition the fast solver must meet.
struct BruteForce {
  Rational distance;
  std::set<std::vector<Candidate>> optimal;
};

BruteForce brute_force(const OrdinalProfile& profile) {
  std::vector<Candidate> order(profile.num_candidates);
  std::iota(order.begin(), order.end(), Candidate{0});
  BruteForce best{Rational(-1), {}};
  do {
    Rational distance = 0;
    for (const RankedBallot& ballot : profile.ballots) {
      distance +=
          kendall_tau_distance(ballot, as_weak_order(order), profile.num_candidates) * static_cast<long>(ballot.count);
    }
    if (best.distance < 0 || distance < best.distance) {
      best = {distance, {}};
    }
    if (distance == best.distance) {
      best.optimal.insert(order);
    }
  } while (std::next_permutation(order.begin(), order.end()));
  return best;
}

RC_GTEST_PROP(KemenyProperties, MatchesBruteForceOnTiesAndPartialRankings, ()) {
  const Shape shape{*rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>(), 3};
  const OrdinalProfile profile = *small_profile(1, 6, 7, shape);
  auto result = kemeny_young(compute_pairwise(profile), RankingOptions{});
  RC_ASSERT(result.ok());
  const BruteForce expected = brute_force(profile);
  RC_ASSERT(result->kemeny_distance == expected.distance);
  const std::set<std::vector<Candidate>> got(result->optimal_rankings.begin(), result->optimal_rankings.end());
  RC_ASSERT(got == expected.optimal);
  RC_ASSERT(result->optimal_ranking_count == static_cast<unsigned long>(expected.optimal.size()));
  RC_ASSERT(std::is_sorted(result->optimal_rankings.begin(), result->optimal_rankings.end()));
  std::set<Candidate> leaders;
  for (const auto& order : expected.optimal) {
    leaders.insert(order.front());
  }
  RC_ASSERT(result->winners == std::vector<Candidate>(leaders.begin(), leaders.end()));
}

TEST(Kemeny, ComponentsFollowTheMajorityOrder) {
  // 3 beats everyone; {0, 1, 2} form a cycle; 4 loses to everyone.
  const OrdinalProfile profile = profile_from_linear_orders(5, {{3, 0, 1, 2, 4}, {3, 1, 2, 0, 4}, {3, 2, 0, 1, 4}});
  const auto parts = condorcet_components(compute_pairwise(profile));
  EXPECT_EQ(parts, (std::vector<std::vector<Candidate>>{{3}, {0, 1, 2}, {4}}));
}

TEST(Kemeny, LargeElectionsWithStructureStayExact) {
  std::vector<std::vector<Candidate>> orders(3, std::vector<Candidate>(60));
  for (auto& order : orders) {
    std::iota(order.begin(), order.end(), Candidate{0});
  }
  std::swap(orders[1][10], orders[1][11]);  // a near-unanimous order of 60 candidates
  auto result = kemeny_young(compute_pairwise(profile_from_linear_orders(60, orders)), RankingOptions{});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->optimal_ranking_count, 1);
  EXPECT_EQ(result->optimal_rankings.front(), orders[0]);
  EXPECT_EQ(result->kemeny_distance, Rational(1));
}

TEST(Kemeny, TooManyEntangledCandidatesHitTheLimit) {
  std::vector<Candidate> forward(kMaxKemenyComponent + 1);
  std::iota(forward.begin(), forward.end(), Candidate{0});
  const std::vector<Candidate> backward(forward.rbegin(), forward.rend());
  const OrdinalProfile profile = profile_from_linear_orders(kMaxKemenyComponent + 1, {forward, backward});
  auto result = kemeny_young(compute_pairwise(profile), RankingOptions{});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kTimeLimit);
}

TEST(Kemeny, CountsEveryOptimalOrderButListsOnlyTheLimit) {
  const OrdinalProfile profile{8, {}};  // no ballots: all 8! orders are optimal
  RankingOptions options;
  options.max_rankings = 5;
  auto result = kemeny_young(compute_pairwise(profile), options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->optimal_ranking_count, 40320);
  ASSERT_EQ(result->optimal_rankings.size(), 5U);
  EXPECT_EQ(result->optimal_rankings[1], (std::vector<Candidate>{0, 1, 2, 3, 4, 5, 7, 6}));
}

TEST(Kemeny, TwentyTwoEntangledCandidatesAreCountedExactly) {
  const OrdinalProfile profile{kMaxKemenyComponent, {}};
  RankingOptions options;
  options.max_rankings = 1;
  auto result = kemeny_young(compute_pairwise(profile), options);
  ASSERT_TRUE(result.ok());
  Integer factorial = 1;
  for (unsigned long i = 2; i <= kMaxKemenyComponent; ++i) {
    factorial *= i;
  }
  EXPECT_EQ(result->optimal_ranking_count, factorial);  // 22! > 2^64
}

}  // namespace
}  // namespace covalue::core::ranking
