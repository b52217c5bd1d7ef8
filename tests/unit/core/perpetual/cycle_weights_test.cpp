// The weight policies of core/perpetual/cycle_weights.hpp: in the library's setting (one selected
// initiative, nobody harmed) each policy's state after a cycle is its library rule's state after the round,
// under both absence modes, and the additive policies' weights pick the library's winner; several winners
// and harm follow the documented generalisation.
#include <gtest/gtest.h>

#include <random>

#include "covalue/core/perpetual/cycle_weights.hpp"
#include "covalue/core/perpetual/lackner2020.hpp"
#include "covalue/core/perpetual/perpetual_rule.hpp"

namespace covalue::core::perpetual {
namespace {

CycleRecord record_of(const RoundBallots& round, std::uint32_t winner) {
  CycleRecord cycle;
  cycle.voted = round.present;
  cycle.harmed.assign(round.approvals.size(), false);
  for (std::size_t v = 0; v < round.approvals.size(); ++v) {
    cycle.supported.push_back(round.present[v] ? round.approvals[v] : std::vector<std::uint32_t>{});
  }
  cycle.selected = {winner};
  return cycle;
}

// The first candidate with the largest sum of its supporters' weights.
std::uint32_t weighted_winner(const RoundBallots& round, const std::vector<Rational>& weight) {
  std::vector<Rational> score(round.num_candidates, Rational(0));
  for (std::size_t v = 0; v < round.approvals.size(); ++v) {
    if (round.present[v]) {
      for (std::uint32_t c : round.approvals[v]) {
        score[c] += weight[v];
      }
    }
  }
  return static_cast<std::uint32_t>(std::max_element(score.begin(), score.end()) - score.begin());
}

// Each member's support in a round: the most present members supporting one of its candidates.
std::vector<std::int64_t> support_of(const RoundBallots& round) {
  std::vector<std::int64_t> backers(round.num_candidates, 0);
  for (std::size_t v = 0; v < round.approvals.size(); ++v) {
    for (std::uint32_t c : round.approvals[v]) {
      backers[c] += round.present[v] ? 1 : 0;
    }
  }
  std::vector<std::int64_t> support(round.approvals.size(), 0);
  for (std::size_t v = 0; v < round.approvals.size(); ++v) {
    for (std::uint32_t c : round.approvals[v]) {
      support[v] = round.present[v] ? std::max(support[v], backers[c]) : 0;
    }
  }
  return support;
}

std::vector<RoundBallots> history_with_absences(std::uint64_t index) {
  std::vector<RoundBallots> history = lackner2020_history(Lackner2020Setup{}, 99, index);
  std::mt19937_64 rng(index);
  for (RoundBallots& round : history) {
    for (std::size_t v = 0; v < round.present.size(); ++v) {
      round.present[v] = rng() % 5 != 0;
    }
    round.present[0] = true;
  }
  return history;
}

TEST(CycleWeights, OneSelectedAndNobodyHarmedIsTheLibraryRule) {
  for (const WeightPolicy policy : all_of<WeightPolicy>()) {
    if (policy == WeightPolicy::kNone) {
      continue;
    }
    const PerpetualRule rule = library_rule(policy);
    const bool additive = policy != WeightPolicy::kNash && policy != WeightPolicy::kPhragmen;
    for (const auto& [absence, mode] : {std::pair{WeightAbsence::kIgnore, AbsenceMode::kIgnore},
                                        std::pair{WeightAbsence::kEmpty, AbsenceMode::kEmpty}}) {
      for (std::uint64_t h = 0; h < 30; ++h) {
        const auto history = history_with_absences(h);
        PerpetualState state = initial_state(rule, history.front().approvals.size());
        for (std::size_t t = 0; t < history.size(); ++t) {
          auto library = decide_round(rule, mode, history[t], state);
          ASSERT_TRUE(library.ok()) << library.error().to_string();
          if (additive) {
            std::int64_t taking_part = 0;
            for (bool present : history[t].present) {
              taking_part += present || absence == WeightAbsence::kEmpty ? 1 : 0;
            }
            const auto weight = voting_weights(policy, state, support_of(history[t]), taking_part);
            EXPECT_EQ(weighted_winner(history[t], weight), library->winner)
                << name_of(policy) << " " << name_of(absence) << " history " << h << " round " << t;
          }
          auto ours = weights_state_after(policy, absence, state, record_of(history[t], library->winner),
                                          history[t].num_candidates);
          ASSERT_TRUE(ours.ok()) << ours.error().to_string();
          ASSERT_EQ(*ours, library->state)
              << name_of(policy) << " " << name_of(absence) << " history " << h << " round " << t;
          state = library->state;
        }
      }
    }
  }
}

// Two members of three vote; 0 supports 0 and 1, 1 supports 1, 2 is absent; both 0 and 1 are selected.
CycleRecord two_winners(bool harm_first) {
  CycleRecord cycle;
  cycle.voted = {true, true, false};
  cycle.supported = {{0, 1}, {1}, {}};
  cycle.harmed = {harm_first, false, false};
  cycle.selected = {0, 1};
  return cycle;
}

TEST(CycleWeights, SeveralWinnersCountEachAndHarmCountsAsNothingWon) {
  const auto weights = [](WeightPolicy policy, WeightAbsence absence, bool harm) {
    auto state = weights_state_after(policy, absence, initial_state(library_rule(policy), 3), two_winners(harm), 2);
    EXPECT_TRUE(state.ok());
    return state->quantities;
  };
  using R = std::vector<Rational>;
  // pav: 1/x -> 1/x + u: member 0 won twice (1/3), member 1 once (1/2), 2 absent.
  EXPECT_EQ(weights(WeightPolicy::kPav, WeightAbsence::kIgnore, false)[0], (R{Rational(1, 3), Rational(1, 2), 1}));
  // reset: harmed member 0 counts as satisfied by nothing: +1; under empty, the absent member +1 too.
  EXPECT_EQ(weights(WeightPolicy::kReset, WeightAbsence::kIgnore, true)[0], (R{2, 1, 1}));
  EXPECT_EQ(weights(WeightPolicy::kReset, WeightAbsence::kEmpty, true)[0], (R{2, 1, 2}));
  // consensus: N = 2 shared over |W| = 2 winners: 1 per winner; c0's supporter (0) loses 1, c1's two lose
  // 1/2 each; then +1.
  EXPECT_EQ(weights(WeightPolicy::kConsensus, WeightAbsence::kIgnore, false)[0],
            (R{Rational(1, 2), Rational(3, 2), 1}));
  // nash: s += u.
  EXPECT_EQ(weights(WeightPolicy::kNash, WeightAbsence::kIgnore, false)[0], (R{2, 1, 0}));
  // quota: support 2 for both voters, N = 2 (ignore) or 3 (empty); satisfaction += u.
  EXPECT_EQ(weights(WeightPolicy::kQuota, WeightAbsence::kIgnore, false)[0], (R{1, 1, 0}));
  EXPECT_EQ(weights(WeightPolicy::kQuota, WeightAbsence::kEmpty, false)[0], (R{Rational(2, 3), Rational(2, 3), 0}));
  EXPECT_EQ(weights(WeightPolicy::kQuota, WeightAbsence::kIgnore, false)[1], (R{2, 1, 0}));
  // phragmen: c0 alone on member 0 (load 1), then c1 on members 0 and 1: (1 + 1 + 0) / 2 = 1 >= 1.
  EXPECT_EQ(weights(WeightPolicy::kPhragmen, WeightAbsence::kIgnore, false)[0], (R{1, 1, 0}));
}

TEST(CycleWeights, WeightsAreNeverNegativeAndNoneIsUnweighted) {
  PerpetualState state;
  state.quantities = {{Rational(-3, 2), 2}};
  EXPECT_EQ(voting_weights(WeightPolicy::kConsensus, state), (std::vector<Rational>{0, 2}));
  PerpetualState load;
  load.quantities = {{0, 2}};
  EXPECT_EQ(voting_weights(WeightPolicy::kPhragmen, load), (std::vector<Rational>{1, Rational(1, 3)}));
  EXPECT_TRUE(voting_weights(WeightPolicy::kNone, PerpetualState{}).empty());
  PerpetualState quota;
  quota.quantities = {{1, 3}, {2, 1}};
  EXPECT_EQ(voting_weights(WeightPolicy::kQuota, quota), (std::vector<Rational>{0, 2}));
  EXPECT_EQ(voting_weights(WeightPolicy::kQuota, quota, std::vector<std::int64_t>{3, 0}, 2),
            (std::vector<Rational>{Rational(1, 2), 2}));
}

TEST(CycleWeights, RecordsOfTheWrongShapeAreRefused) {
  CycleRecord cycle = two_winners(false);
  EXPECT_FALSE(
      weights_state_after(WeightPolicy::kPav, WeightAbsence::kIgnore, initial_state(PerpetualRule::kPav, 2), cycle, 2)
          .ok());
  EXPECT_FALSE(
      weights_state_after(WeightPolicy::kPav, WeightAbsence::kIgnore, initial_state(PerpetualRule::kPav, 3), cycle, 1)
          .ok());
  cycle.harmed.pop_back();
  EXPECT_FALSE(
      weights_state_after(WeightPolicy::kPav, WeightAbsence::kIgnore, initial_state(PerpetualRule::kPav, 3), cycle, 2)
          .ok());
}

}  // namespace
}  // namespace covalue::core::perpetual
