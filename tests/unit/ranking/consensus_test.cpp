#include <gtest/gtest.h>

#include "covalue/core/ranking/consensus.hpp"
#include "covalue/core/ranking/weak_order.hpp"
#include "ranking_test_support.hpp"

namespace covalue::core::ranking {
namespace {

using test_support::weak_profile;

TEST(Consensus, CondorcetWinnerOrTheCycleThatPreventsOne) {
  const OrdinalProfile cyclic = weak_profile(3, {{{{0}, {1}, {2}}, 4}, {{{1}, {2}, {0}}, 3}, {{{2}, {0}, {1}}, 2}});
  const PairwiseMatrix pairwise = compute_pairwise(cyclic);
  EXPECT_FALSE(condorcet_winner(pairwise).has_value());
  const ConsensusReport report = analyse_consensus(cyclic, pairwise, WeakOrder{{0}, {1}, {2}});
  EXPECT_EQ(report.smith_set, (std::vector<Candidate>{0, 1, 2}));
  ASSERT_EQ(report.majority_cycle.size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_GT(pairwise.margin(report.majority_cycle[i], report.majority_cycle[(i + 1) % 3]), 0);
  }
  const OrdinalProfile clear = profile_from_linear_orders(3, {{1, 0, 2}, {1, 2, 0}, {0, 1, 2}});
  EXPECT_EQ(condorcet_winner(compute_pairwise(clear)), Candidate{1});
}

TEST(Consensus, TiesAloneCanPreventACondorcetWinner) {
  const OrdinalProfile tied = profile_from_linear_orders(3, {{0, 1, 2}, {1, 0, 2}});
  const PairwiseMatrix pairwise = compute_pairwise(tied);
  const ConsensusReport report = analyse_consensus(tied, pairwise, WeakOrder{{0, 1}, {2}});
  EXPECT_FALSE(report.condorcet_winner.has_value());
  EXPECT_EQ(report.smith_set, (std::vector<Candidate>{0, 1}));
  EXPECT_TRUE(report.majority_cycle.empty());
}

TEST(Consensus, KendallTauDistanceWithTiesAndPartialRankings) {
  EXPECT_EQ(kendall_tau_distance(make_ballot({{0}, {1}, {2}, {3}}), WeakOrder{{3}, {2}, {1}, {0}}, 4), Rational(6));
  EXPECT_EQ(kendall_tau_distance(make_ballot({{0}, {1}, {2}, {3}}), WeakOrder{{1}, {0}, {2}, {3}}, 4), Rational(1));
  // {0,1} > 2 with 3 unranked: only the pair (0, 1) differs, tied on one side only.
  EXPECT_EQ(kendall_tau_distance(make_ballot({{0, 1}, {2}}), WeakOrder{{0}, {1}, {2}, {3}}, 4), Rational(1, 2));
  // "2" alone against {0, 1} > 2: two reversed pairs; (0, 1) tied on both sides.
  EXPECT_EQ(kendall_tau_distance(make_ballot({{2}}), WeakOrder{{0, 1}, {2}}, 3), Rational(2));
  EXPECT_EQ(kendall_tau_distance(make_ballot({}), WeakOrder{{0}, {1}, {2}}, 3), Rational(3, 2));
}

TEST(Consensus, AgreementIndex) {
  const auto index = [](const OrdinalProfile& profile) { return agreement_index(compute_pairwise(profile)); };
  EXPECT_EQ(index(profile_from_linear_orders(4, {{0, 1, 2, 3}, {0, 1, 2, 3}})), Rational(1));
  EXPECT_EQ(index(profile_from_linear_orders(4, {{0, 1, 2, 3}, {3, 2, 1, 0}})), Rational(0));
  const OrdinalProfile sixty_forty = weak_profile(2, {{{{0}, {1}}, 3}, {{{1}, {0}}, 2}});
  EXPECT_EQ(index(sixty_forty), Rational(1, 5));
  EXPECT_EQ(index(weak_profile(1, {{{{0}}, 1}})), Rational(0));
  EXPECT_EQ(index(weak_profile(3, {})), Rational(0));
}

TEST(Consensus, DistancesPerBallotAndTheirMean) {
  const OrdinalProfile profile = weak_profile(3, {{{{0}, {1}, {2}}, 3}, {{{2}, {1}, {0}}, 1}});
  const ConsensusReport report = analyse_consensus(profile, compute_pairwise(profile), WeakOrder{{0}, {1}, {2}});
  EXPECT_EQ(report.ballot_distances, (std::vector<Rational>{0, 3}));
  EXPECT_EQ(report.mean_distance, Rational(3, 4));
  EXPECT_EQ(report.condorcet_winner, Candidate{0});
  EXPECT_TRUE(report.majority_cycle.empty());
}

TEST(WeakOrders, ScoresAndRelationsBecomeTiers) {
  EXPECT_EQ(order_by_scores({1, 3, 3, 0}), (WeakOrder{{1, 2}, {0}, {3}}));
  EXPECT_EQ(order_by_scores({1, 3, 3, 0}, true), (WeakOrder{{3}, {0}, {1, 2}}));
  // 0 beats 1 and 2; 1 beats 2; 3 is incomparable to all.
  const std::vector<char> beats{0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(layer_by_relation(4, beats), (WeakOrder{{0, 3}, {1}, {2}}));
  EXPECT_EQ(reversed(WeakOrder{{0}, {1, 2}}), (WeakOrder{{1, 2}, {0}}));
}

}  // namespace
}  // namespace covalue::core::ranking
