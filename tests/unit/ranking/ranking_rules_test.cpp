// Hand-checked elections for every ranking rule, ties and partial rankings included.
#include <gtest/gtest.h>

#include "covalue/core/ranking/ranking_rule.hpp"
#include "ranking_test_support.hpp"

namespace covalue::core::ranking {
namespace {

using test_support::weak_profile;

RankingResult run(const OrdinalProfile& profile, RankingRule rule, const RankingOptions& options = {}) {
  auto result = rank_candidates(profile, rule, options);
  EXPECT_TRUE(result.ok()) << result.error().to_string();
  return result.ok() ? *result : RankingResult{};
}

std::vector<Rational> rationals(std::initializer_list<Rational> values) { return values; }

// A > B > C (4), B > C > A (3), C > A > B (2): a majority cycle A > B (+3) > C (+5) > A (+1).
OrdinalProfile cyclic_nine() {
  return weak_profile(3, {{{{0}, {1}, {2}}, 4}, {{{1}, {2}, {0}}, 3}, {{{2}, {0}, {1}}, 2}});
}

TEST(RankingRules, NamesRoundTrip) {
  for (const RankingRule rule : core::all_of<RankingRule>()) {
    EXPECT_EQ(*core::parse_name<RankingRule>(core::name_of(rule)), rule);
  }
  EXPECT_EQ(core::parse_name<RankingRule>("condorcet").error().kind, ErrorKind::kInvalidInput);
}

TEST(RankingRules, CyclicElection) {
  const OrdinalProfile profile = cyclic_nine();
  const WeakOrder abc{{0}, {1}, {2}};
  EXPECT_EQ(run(profile, RankingRule::kMinimax).scores, rationals({1, 3, 5}));
  EXPECT_EQ(run(profile, RankingRule::kMinimax).ranking, abc);
  EXPECT_EQ(run(profile, RankingRule::kSchulze).ranking, abc);
  EXPECT_EQ(run(profile, RankingRule::kRankedPairs).ranking, abc);
  EXPECT_EQ(run(profile, RankingRule::kInstantRunoff).winners, std::vector<Candidate>{0});
  const RankingResult kemeny = run(profile, RankingRule::kKemenyYoung);
  EXPECT_EQ(kemeny.ranking, abc);
  EXPECT_EQ(kemeny.kemeny_distance, Rational(10));
  EXPECT_EQ(kemeny.optimal_ranking_count, 1);
  const RankingResult borda_result = run(profile, RankingRule::kBorda);
  EXPECT_EQ(borda_result.scores, rationals({10, 10, 7}));
  EXPECT_EQ(borda_result.winners, (std::vector<Candidate>{0, 1}));
  EXPECT_EQ(borda_result.ranking, (WeakOrder{{0, 1}, {2}}));
  EXPECT_EQ(run(profile, RankingRule::kCopeland).scores, rationals({1, 1, 1}));
}

TEST(RankingRules, BordaSharesPointsOfTiesAndUnrankedCandidates) {
  // 0 > {1, 2} once; "1" alone twice (0 and 2 tied last).
  const OrdinalProfile profile = weak_profile(3, {{{{0}, {1, 2}}, 1}, {{{1}}, 2}});
  const RankingResult result = run(profile, RankingRule::kBorda);
  EXPECT_EQ(result.scores, rationals({3, Rational(9, 2), Rational(3, 2)}));
  EXPECT_EQ(result.winners, std::vector<Candidate>{1});
}

TEST(RankingRules, PluralitySplitsATiedTopAndIgnoresEmptyBallots) {
  const OrdinalProfile profile = weak_profile(3, {{{{0, 1}, {2}}, 3}, {{{2}}, 1}, {{}, 5}});
  const RankingResult result = run(profile, RankingRule::kPlurality);
  EXPECT_EQ(result.scores, rationals({Rational(3, 2), Rational(3, 2), 1}));
  EXPECT_EQ(result.winners, (std::vector<Candidate>{0, 1}));
  EXPECT_EQ(result.ranking, (WeakOrder{{0, 1}, {2}}));
}

TEST(RankingRules, CopelandCountsATieAsHalf) {
  const OrdinalProfile profile = profile_from_linear_orders(3, {{0, 1, 2}, {1, 0, 2}});
  const RankingResult result = run(profile, RankingRule::kCopeland);
  EXPECT_EQ(result.scores, rationals({Rational(3, 2), Rational(3, 2), 0}));
  EXPECT_EQ(result.winners, (std::vector<Candidate>{0, 1}));
}

TEST(RankingRules, EqualMarginCycleMakesEveryoneARankedPairsWinner) {
  const OrdinalProfile profile = profile_from_linear_orders(3, {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}});
  const RankingResult rp = run(profile, RankingRule::kRankedPairs);
  EXPECT_EQ(rp.winners, (std::vector<Candidate>{0, 1, 2}));
  EXPECT_EQ(rp.ranking, (WeakOrder{{0}, {1}, {2}}));  // canonical order locks (0,1), (1,2)
  EXPECT_EQ(rp.locked, (std::vector<std::pair<Candidate, Candidate>>{{0, 1}, {1, 2}}));
  const RankingResult kemeny = run(profile, RankingRule::kKemenyYoung);
  EXPECT_EQ(kemeny.optimal_ranking_count, 3);
  EXPECT_EQ(kemeny.optimal_rankings, (std::vector<std::vector<Candidate>>{{0, 1, 2}, {1, 2, 0}, {2, 0, 1}}));
  EXPECT_EQ(kemeny.kemeny_distance, Rational(4));
  EXPECT_EQ(run(profile, RankingRule::kInstantRunoff).winners, (std::vector<Candidate>{0, 1, 2}));
  EXPECT_EQ(run(profile, RankingRule::kSchulze).winners, (std::vector<Candidate>{0, 1, 2}));
}

TEST(RankingRules, InstantRunoffExhaustsBallotsAndDropsAllTiedLast) {
  // "0" twice, "1" once, "2 > 1" twice: 1 drops; its ballot is exhausted; 0 and 2 tie 2-2 and both drop.
  const OrdinalProfile profile = weak_profile(3, {{{{0}}, 2}, {{{1}}, 1}, {{{2}, {1}}, 2}});
  const RankingResult result = run(profile, RankingRule::kInstantRunoff);
  EXPECT_EQ(result.winners, (std::vector<Candidate>{0, 2}));
  EXPECT_EQ(result.ranking, (WeakOrder{{0, 2}, {1}}));
  ASSERT_EQ(result.rounds.size(), 2U);
  EXPECT_EQ(result.rounds[0].tallies, rationals({2, 1, 2}));
  EXPECT_EQ(result.rounds[0].eliminated, std::vector<Candidate>{1});
  EXPECT_EQ(result.rounds[1].active_weight, Rational(4));
  EXPECT_TRUE(result.rounds[1].eliminated.empty());
}

TEST(RankingRules, InstantRunoffRanksEveryoneAfterAMajority) {
  const OrdinalProfile profile = profile_from_linear_orders(4, {{3, 0, 1, 2}, {3, 1, 0, 2}, {0, 1, 2, 3}});
  const RankingResult result = run(profile, RankingRule::kInstantRunoff);
  EXPECT_EQ(result.winners, std::vector<Candidate>{3});
  EXPECT_EQ(result.rounds.size(), 1U);
  EXPECT_EQ(result.ranking.front(), Tier{3});
  EXPECT_EQ(result.ranking.size(), 3U);  // 3, then 0, then {1, 2} dropped together with no first places
}

TEST(RankingRules, InvalidProfilesAreRejected) {
  const OrdinalProfile profile = weak_profile(2, {{{{0}, {0}}, 1}});
  EXPECT_EQ(rank_candidates(profile, RankingRule::kBorda).error().kind, ErrorKind::kInvalidInput);
}

TEST(RankingRules, OneCandidateAndNoBallots) {
  for (const RankingRule rule : core::all_of<RankingRule>()) {
    EXPECT_EQ(run(weak_profile(1, {}), rule).winners, std::vector<Candidate>{0}) << core::name_of(rule);
    EXPECT_EQ(run(weak_profile(3, {}), rule).winners.size(), 3U) << core::name_of(rule);
  }
}

}  // namespace
}  // namespace covalue::core::ranking
