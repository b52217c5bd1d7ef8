#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "covalue/core/network/cycle_decision.hpp"

namespace covalue::core::network {
namespace {

//! A consensus-rule cycle: `costs` per initiative (ids 101, 102, ...), every partner gaining 1 from each.
CycleInput consensus_cycle(const std::vector<int>& costs, int capacity, int partners) {
  CycleInput input;
  input.charter.name = "consensus";
  input.charter.rule = SelectionRule::kConsensus;
  input.charter.sharing = SharingPolicy::kNone;
  input.charter.capacity = capacity;
  input.cycle = {1, CycleState::kVoting, input.charter.capacity, SelectionRule::kConsensus, {}, {}, {}};
  for (int p = 1; p <= partners; ++p) {
    input.members.push_back({p, "partner-" + std::to_string(p), Tier::kOther, 1, std::nullopt});
  }
  for (std::size_t i = 0; i < costs.size(); ++i) {
    Initiative initiative;
    initiative.id = 101 + static_cast<InitiativeId>(i);
    initiative.title = "initiative-" + std::to_string(i);
    initiative.cost = costs[i];
    initiative.cycle = 1;
    for (int p = 1; p <= partners; ++p) {
      initiative.impacts.push_back({p, 1});
    }
    input.candidates.push_back(std::move(initiative));
  }
  return input;
}

//! A ranking ballot: `order` best first (rank 1, 2, ...).
PartnerBallot ranking(PartnerId partner, const std::vector<InitiativeId>& order) {
  PartnerBallot ballot{1, partner, BallotFormat::kRanking, {}, {}};
  for (std::size_t k = 0; k < order.size(); ++k) {
    ballot.entries.push_back({order[k], static_cast<int>(k) + 1});
  }
  return ballot;
}

std::vector<InitiativeId> selected_ids(const CycleOutcome& outcome) {
  std::vector<InitiativeId> ids;
  for (const InitiativeDecision& decision : outcome.decisions) {
    if (decision.selected) {
      ids.push_back(decision.initiative);
    }
  }
  return ids;
}

TEST(ConsensusSelection, TheConsensusOrderDecidesWhatFitsTheCapacity) {
  CycleInput input = consensus_cycle({50, 40, 30, 20}, 70, 3);
  input.ballots = {ranking(1, {102, 101, 104, 103}), ranking(2, {102, 104, 101, 103}),
                   ranking(3, {101, 102, 104, 103})};
  auto outcome = decide_cycle(input, {});
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  // Schulze: 102 > 101 > 104 > 103. 102 (40) fits, 101 (50) does not, 104 (20) does, 103 (30) no longer does.
  ASSERT_TRUE(outcome->consensus.has_value());
  const std::vector<std::vector<InitiativeId>> expected{{102}, {101}, {104}, {103}};
  EXPECT_EQ(outcome->consensus->ranking, expected);
  EXPECT_EQ(selected_ids(*outcome), (std::vector<InitiativeId>{102, 104}));
  EXPECT_EQ(outcome->consensus->condorcet_winner, std::optional<InitiativeId>(102));
  // Pairs: (102,101) 2:1, (102,104) 3:0, (102,103) 3:0, (101,104) 2:1, (101,103) 3:0, (104,103) 3:0.
  Rational expected_index(1 + 3 + 3 + 1 + 3 + 3, 3 * 6);
  expected_index.canonicalize();
  EXPECT_EQ(outcome->consensus->agreement_index, expected_index);
  ASSERT_EQ(outcome->consensus->distances.size(), 3U);
  EXPECT_EQ(outcome->consensus->distances[0].second, Rational(0));
  EXPECT_EQ(outcome->consensus->distances[1].second, Rational(1));
  EXPECT_EQ(outcome->consensus->distances[2].second, Rational(1));
}

TEST(ConsensusSelection, EveryBallotFormatCountsAsARanking) {
  CycleInput input = consensus_cycle({10, 10, 10}, 10, 3);
  input.ballots = {{1, 1, BallotFormat::kScores, {{103, 9}, {102, 2}}, {}},
                   {1, 2, BallotFormat::kPoints, {{103, 60}, {101, 40}}, {}},
                   {1, 3, BallotFormat::kApprovals, {{101, 1}}, {{103, "blocks our docks"}}}};
  auto outcome = decide_cycle(input, {});
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  // 103 beats 101 (2:1) and 102 (2:1: partner 3 ranks 102 above its objection); 101 beats 102 (2:1).
  EXPECT_EQ(outcome->consensus->condorcet_winner, std::optional<InitiativeId>(103));
  const std::vector<InitiativeId> selected = selected_ids(*outcome);
  ASSERT_EQ(selected.size(), 1U);
}

TEST(ConsensusSelection, ARankingRuleOfTheCharterIsUsed) {
  CycleInput input = consensus_cycle({10, 10, 10}, 10, 7);
  // Plurality picks 101 (3 firsts of 7); 102 beats both others head to head (4:3 and 5:2).
  for (PartnerId p = 1; p <= 7; ++p) {
    input.ballots.push_back(p <= 3   ? ranking(p, {101, 102, 103})
                            : p <= 5 ? ranking(p, {103, 102, 101})
                                     : ranking(p, {102, 103, 101}));
  }
  input.charter.ranking_rule = ranking::RankingRule::kPlurality;
  auto plurality = decide_cycle(input, {});
  ASSERT_TRUE(plurality.ok());
  EXPECT_EQ(plurality->consensus->rule, ranking::RankingRule::kPlurality);
  EXPECT_EQ(selected_ids(*plurality), (std::vector<InitiativeId>{101}));
  input.charter.ranking_rule = ranking::RankingRule::kKemenyYoung;
  auto kemeny = decide_cycle(input, {});
  ASSERT_TRUE(kemeny.ok());
  EXPECT_EQ(selected_ids(*kemeny), (std::vector<InitiativeId>{102}));
}

TEST(ConsensusSelection, OtherRulesReportTheConsensusForInformation) {
  CycleInput input = consensus_cycle({10, 10}, 20, 2);
  input.charter.rule = SelectionRule::kEqualShares;
  input.cycle.rule = SelectionRule::kEqualShares;
  input.ballots = {{1, 1, BallotFormat::kApprovals, {{101, 1}}, {}}, {1, 2, BallotFormat::kApprovals, {{102, 1}}, {}}};
  auto outcome = decide_cycle(input, {});
  ASSERT_TRUE(outcome.ok());
  ASSERT_TRUE(outcome->consensus.has_value());
  EXPECT_EQ(outcome->consensus->agreement_index, Rational(0));  // one pair, split evenly
  EXPECT_FALSE(outcome->consensus->condorcet_winner.has_value());
}

TEST(ConsensusSelection, NoBallotsNoSelection) {
  const CycleInput input = consensus_cycle({10, 10}, 20, 2);
  auto outcome = decide_cycle(input, {});
  ASSERT_TRUE(outcome.ok());
  EXPECT_TRUE(selected_ids(*outcome).empty());
  EXPECT_FALSE(outcome->consensus.has_value());
}

//! A random consensus cycle with random (partial) rankings.
CycleInput random_consensus_cycle() {
  const int candidates = *rc::gen::inRange(2, 8);
  const int partners = *rc::gen::inRange(1, 7);
  std::vector<int> costs;
  for (int c = 0; c < candidates; ++c) {
    costs.push_back(*rc::gen::inRange(1, 10));
  }
  CycleInput input = consensus_cycle(costs, *rc::gen::inRange(5, 30), partners);
  // Every rule here is Condorcet-consistent (Borda and plurality are not).
  input.charter.ranking_rule = *rc::gen::element(ranking::RankingRule::kSchulze, ranking::RankingRule::kCopeland,
                                                 ranking::RankingRule::kKemenyYoung, ranking::RankingRule::kRankedPairs,
                                                 ranking::RankingRule::kMinimax);
  for (int p = 1; p <= partners; ++p) {
    std::vector<InitiativeId> order;
    for (int c = 0; c < candidates; ++c) {
      order.push_back(101 + c);
    }
    order = *rc::gen::just(order);
    const auto shuffled = *rc::gen::arbitrary<std::vector<int>>();
    for (std::size_t k = 0; k < shuffled.size() && k < order.size(); ++k) {
      std::swap(order[k], order[static_cast<std::size_t>(std::abs(shuffled[k] % candidates))]);
    }
    order.resize(static_cast<std::size_t>(*rc::gen::inRange(1, candidates + 1)));
    input.ballots.push_back(ranking(p, order));
  }
  return input;
}

RC_GTEST_PROP(ConsensusSelection, AFittingCondorcetWinnerIsAlwaysSelected, ()) {
  const CycleInput input = random_consensus_cycle();
  auto outcome = decide_cycle(input, {});
  RC_ASSERT(outcome.ok());
  Rational spent;
  for (std::size_t c = 0; c < outcome->decisions.size(); ++c) {
    spent += outcome->decisions[c].selected ? input.candidates[c].cost : Rational(0);
  }
  RC_ASSERT(spent <= input.cycle.capacity);
  const auto fitting = std::count_if(input.candidates.begin(), input.candidates.end(),
                                     [&](const Initiative& i) { return i.cost <= input.cycle.capacity; });
  if (fitting < 2) {
    RC_SUCCEED("fewer than two initiatives fit: nothing to rank");
  }
  RC_ASSERT(outcome->consensus.has_value());
  RC_ASSERT(outcome->consensus->agreement_index >= 0 && outcome->consensus->agreement_index <= 1);
  if (outcome->consensus->condorcet_winner) {
    const std::vector<InitiativeId> selected = selected_ids(*outcome);
    RC_ASSERT(std::find(selected.begin(), selected.end(), *outcome->consensus->condorcet_winner) != selected.end());
  }
}

RC_GTEST_PROP(ConsensusSelection, BallotOrderDoesNotMatter, ()) {
  CycleInput input = random_consensus_cycle();
  auto first = decide_cycle(input, {});
  std::reverse(input.ballots.begin(), input.ballots.end());
  auto second = decide_cycle(input, {});
  RC_ASSERT(first.ok() && second.ok());
  RC_ASSERT(selected_ids(*first) == selected_ids(*second));
  RC_ASSERT(first->consensus.has_value() == second->consensus.has_value());
  if (!first->consensus) {
    return;
  }
  RC_ASSERT(first->consensus->ranking == second->consensus->ranking);
  RC_ASSERT(first->consensus->agreement_index == second->consensus->agreement_index);
}

}  // namespace
}  // namespace covalue::core::network
