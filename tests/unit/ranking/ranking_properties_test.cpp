// Properties of the ranking rules on random elections (rapidcheck).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <numeric>

#include "covalue/core/ranking/consensus.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"
#include "covalue/core/ranking/weak_order.hpp"
#include "ranking_test_support.hpp"

namespace covalue::core::ranking {
namespace {

using test_support::reversed_ballots;
using test_support::Shape;
using test_support::small_profile;

RankingResult run_rule(const OrdinalProfile& profile, RankingRule rule) {
  auto result = rank_candidates(profile, rule);
  RC_ASSERT(result.ok());
  return *result;
}

// Adds enough ballots ranking `favourite` first (the rest in any order) to make it beat everyone.
OrdinalProfile with_condorcet_winner(OrdinalProfile profile, Candidate favourite) {
  RankedBallot push{{favourite}, {}, profile.total_weight() + 1};
  for (Candidate c = 0; c < profile.num_candidates; ++c) {
    if (c != favourite) {
      push.order.push_back(c);
    }
  }
  profile.ballots.push_back(push);
  return profile;
}

RC_GTEST_PROP(RankingProperties, ACondorcetWinnerWinsEveryCondorcetMethod, ()) {
  const Shape shape{*rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>(), 4};
  OrdinalProfile profile = *small_profile(1, 7, 8, shape);
  const auto favourite = *rc::gen::inRange<Candidate>(0, profile.num_candidates);
  profile = with_condorcet_winner(std::move(profile), favourite);
  RC_ASSERT(condorcet_winner(compute_pairwise(profile)) == std::optional<Candidate>(favourite));
  for (const RankingRule rule : {RankingRule::kSchulze, RankingRule::kRankedPairs, RankingRule::kCopeland,
                                 RankingRule::kMinimax, RankingRule::kKemenyYoung}) {
    RC_ASSERT(run_rule(profile, rule).winners == std::vector<Candidate>{favourite});
  }
}

RC_GTEST_PROP(RankingProperties, ACondorcetWinnerFoundInTheWildWinsToo, ()) {
  const OrdinalProfile profile = *small_profile(1, 6, 9, Shape{false, false, 3});
  const auto winner = condorcet_winner(compute_pairwise(profile));
  RC_PRE(winner.has_value());
  for (const RankingRule rule : {RankingRule::kSchulze, RankingRule::kRankedPairs, RankingRule::kCopeland,
                                 RankingRule::kMinimax, RankingRule::kKemenyYoung}) {
    RC_ASSERT(run_rule(profile, rule).winners == std::vector<Candidate>{*winner});
  }
}

RC_GTEST_PROP(RankingProperties, ReversingEveryBallotReversesAUniqueKemenyRanking, ()) {
  const OrdinalProfile profile = *small_profile(1, 7, 9, Shape{*rc::gen::arbitrary<bool>(), false, 3});
  const RankingResult forward = run_rule(profile, RankingRule::kKemenyYoung);
  RC_PRE(forward.optimal_ranking_count == 1);
  const RankingResult backward = run_rule(reversed_ballots(profile), RankingRule::kKemenyYoung);
  RC_ASSERT(backward.optimal_ranking_count == 1);
  RC_ASSERT(backward.ranking == reversed(forward.ranking));
  RC_ASSERT(backward.kemeny_distance == forward.kemeny_distance);
}

RC_GTEST_PROP(RankingProperties, ResultsDoNotDependOnVoterOrder, ()) {
  const Shape shape{*rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>(), 3};
  const OrdinalProfile profile = *small_profile(1, 6, 8, shape);
  OrdinalProfile shuffled = profile;
  const auto keys = *rc::gen::container<std::vector<int>>(profile.ballots.size(), rc::gen::arbitrary<int>());
  std::vector<std::size_t> order(profile.ballots.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  for (std::size_t i = 0; i < order.size(); ++i) {
    shuffled.ballots[i] = profile.ballots[order[i]];
  }
  for (const RankingRule rule : core::all_of<RankingRule>()) {
    RC_ASSERT(run_rule(shuffled, rule) == run_rule(profile, rule));
  }
}

RC_GTEST_PROP(RankingProperties, WinnersHeadTheRankingForTheTierRules, ()) {
  const Shape shape{*rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>(), 3};
  const OrdinalProfile profile = *small_profile(1, 7, 8, shape);
  for (const RankingRule rule : core::all_of<RankingRule>()) {
    const RankingResult result = run_rule(profile, rule);
    RC_ASSERT(!result.winners.empty());
    std::size_t placed = 0;
    for (const Tier& tier : result.ranking) {
      placed += tier.size();
    }
    RC_ASSERT(placed == profile.num_candidates);
    if (rule != RankingRule::kRankedPairs && rule != RankingRule::kKemenyYoung) {
      RC_ASSERT(result.ranking.front() == result.winners);
    } else {
      RC_ASSERT(std::binary_search(result.winners.begin(), result.winners.end(), result.ranking.front().front()));
    }
  }
}

}  // namespace
}  // namespace covalue::core::ranking
