#include "covalue/core/rules/committee.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace covalue::core::rules {
namespace {

using Committee = std::vector<ProjectIndex>;
using Committees = std::set<Committee>;

Instance unit_instance(std::size_t candidates, std::size_t size) {
  Instance instance;
  for (std::size_t c = 0; c < candidates; ++c) {
    EXPECT_TRUE(instance.add_project({std::to_string(c), Rational(1), {}, {}, {}}).ok());
  }
  instance.set_budget(Rational(static_cast<unsigned long>(size)));
  return instance;
}

ApprovalProfile unit_profile(const std::vector<std::vector<ProjectIndex>>& sets, std::size_t candidates) {
  return ApprovalProfile::from_sets(sets, std::vector<Rational>(sets.size(), Rational(1)), candidates);
}

Committees committees_of(const Result<std::vector<Outcome>>& outcomes) {
  Committees out;
  EXPECT_TRUE(outcomes.ok()) << (outcomes.ok() ? "" : outcomes.error().to_string());
  if (outcomes.ok()) {
    for (const auto& outcome : *outcomes) {
      out.insert(outcome.sorted_selection());
    }
  }
  return out;
}

Committees run(const Instance& instance, const ApprovalProfile& profile, CommitteeRule rule, bool irresolute) {
  CommitteeOptions options;
  options.irresolute = irresolute;
  return committees_of(solve_committee(instance, profile, rule, options));
}

// Three voters approve {0, 1}, two {2}, one {3}; k = 2, so each voter holds 1/3. MES buys 0 or 1 (tied
// at 1/3 each) with all of the first group's money and then nothing is affordable. Phragmén from the
// leftovers (loads 0, -1/3, -1/3) prices 1 or 0 at 1/3, 2 at (1 - 2/3) / 2 = 1/6, 3 at 2/3: it adds 2.
// AV completion adds the most approved instead.
std::vector<std::vector<ProjectIndex>> poor_majority() { return {{0, 1}, {0, 1}, {0, 1}, {2}, {2}, {3}}; }

TEST(CommitteeRules, EqualSharesCompletesWithPhragmenFromLeftoverBudgets) {
  const Instance instance = unit_instance(4, 2);
  const ApprovalProfile profile = unit_profile(poor_majority(), 4);
  EXPECT_EQ(run(instance, profile, CommitteeRule::kEqualShares, false), (Committees{{0, 2}}));
  EXPECT_EQ(run(instance, profile, CommitteeRule::kEqualShares, true), (Committees{{0, 2}, {1, 2}}));
}

TEST(CommitteeRules, EqualSharesWithAvCompletionTakesTheMostApproved) {
  const Instance instance = unit_instance(4, 2);
  const ApprovalProfile profile = unit_profile(poor_majority(), 4);
  EXPECT_EQ(run(instance, profile, CommitteeRule::kEqualSharesAv, false), (Committees{{0, 1}}));
  EXPECT_EQ(run(instance, profile, CommitteeRule::kEqualSharesAv, true), (Committees{{0, 1}}));
}

// With k' = 3 every voter holds 1/2: MES buys 0 at 1/3 (leaving the first group 1/6 each), then 2 at
// 1/2, and the committee is full.
TEST(CommitteeRules, IncrementCompletionRaisesTheVirtualCommitteeSize) {
  const Instance instance = unit_instance(4, 2);
  const ApprovalProfile profile = unit_profile(poor_majority(), 4);
  EXPECT_EQ(run(instance, profile, CommitteeRule::kEqualSharesIncrement, false), (Committees{{0, 2}}));
  TieBreaker ties(TieRule::kLexicographic, instance, profile);
  ResoluteResolver resolver(false);
  auto outcome = equal_shares_increment(instance, profile, ties, resolver);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->selected, (std::vector<ProjectIndex>{0, 2}));
  ASSERT_TRUE(outcome->mes.has_value());
  EXPECT_EQ(outcome->mes->voter_budget, Rational(1, 2));
}

TEST(CommitteeRules, IncrementCompletionCutsARunBackToTheCommitteeSize) {
  // k = 1, k' = 1: every voter holds 1/2; voters {0} and {1} each can buy alone only with k' = 2, at
  // which point both are affordable and the first purchase fills the committee.
  const Instance instance = unit_instance(2, 1);
  const ApprovalProfile profile = unit_profile({{0}, {1}}, 2);
  EXPECT_EQ(run(instance, profile, CommitteeRule::kEqualSharesIncrement, false), (Committees{{0}}));
}

TEST(CommitteeRules, IncrementCompletionFallsBackToAvWithTooFewApprovedCandidates) {
  const Instance instance = unit_instance(3, 2);
  const ApprovalProfile profile = unit_profile({{2}, {2}}, 3);
  EXPECT_EQ(run(instance, profile, CommitteeRule::kEqualSharesIncrement, false), (Committees{{0, 2}}));
}

TEST(CommitteeRules, IncrementCompletionIsResoluteOnly) {
  const Instance instance = unit_instance(4, 2);
  const ApprovalProfile profile = unit_profile(poor_majority(), 4);
  CommitteeOptions options;
  options.irresolute = true;
  const auto outcomes = solve_committee(instance, profile, CommitteeRule::kEqualSharesIncrement, options);
  ASSERT_FALSE(outcomes.ok());
  EXPECT_EQ(outcomes.error().kind, ErrorKind::kUsage);
}

TEST(CommitteeRules, SeqPhragmenAndAvOnTheSameProfile) {
  const Instance instance = unit_instance(4, 2);
  const ApprovalProfile profile = unit_profile(poor_majority(), 4);
  // Phragmén: 0 and 1 cost 1/3, 2 costs 1/2; after 0 the first group carries 1/3, so 1 would cost 2/3.
  EXPECT_EQ(run(instance, profile, CommitteeRule::kSeqPhragmen, true), (Committees{{0, 2}, {1, 2}}));
  EXPECT_EQ(run(instance, profile, CommitteeRule::kAv, true), (Committees{{0, 1}}));
}

TEST(CommitteePhragmen, StartsFromTheGivenLoads) {
  // Voter {0} starts with 1/2 unspent (load -1/2): 0 costs (1 - 1/2) / 1 = 1/2 < 1 for candidate 1.
  const ApprovalProfile profile = unit_profile({{0}, {1}}, 2);
  const Instance instance = unit_instance(2, 1);
  const TieBreaker ties(TieRule::kLexicographic, instance, profile);
  ResoluteResolver resolver(false);
  std::vector<Rational> loads(profile.num_groups(), Rational(0));
  loads[profile.supporters(0)[0]] = Rational(-1, 2);
  auto outcome = committee_phragmen(profile, 1, ties, resolver, Outcome{}, loads);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->selected, (std::vector<ProjectIndex>{0}));
  EXPECT_EQ(outcome->trace.front().value, Rational(1, 2));
  // The other way round, candidate 1 wins.
  loads.assign(profile.num_groups(), Rational(0));
  loads[profile.supporters(1)[0]] = Rational(-1, 2);
  outcome = committee_phragmen(profile, 1, ties, resolver, Outcome{}, loads);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->selected, (std::vector<ProjectIndex>{1}));
}

TEST(CommitteePhragmen, KeepsTheInitialCommitteeAndItsLoads) {
  // Two voters {0, 1}, one {2}; 0 is in with load 1/2 on the first group: 1 costs (1 + 1) / 2 = 1,
  // 2 costs 1: tied.
  const ApprovalProfile profile = unit_profile({{0, 1}, {0, 1}, {2}}, 3);
  const Instance instance = unit_instance(3, 2);
  const TieBreaker ties(TieRule::kLexicographic, instance, profile);
  std::vector<Rational> loads(profile.num_groups(), Rational(0));
  loads[profile.supporters(0)[0]] = Rational(1, 2);
  Outcome initial;
  initial.selected = {0};
  const TieRun phragmen = [&](TieResolver& resolver) {
    return committee_phragmen(profile, 2, ties, resolver, initial, loads);
  };
  EXPECT_EQ(committees_of(enumerate_tie_breakings(phragmen, 100, 100)), (Committees{{0, 1}, {0, 2}}));
}

TEST(CommitteePhragmen, FillsWithUnapprovedCandidatesAsCombinations) {
  const ApprovalProfile profile = unit_profile({{0}}, 5);
  const Instance instance = unit_instance(5, 3);
  const TieBreaker ties(TieRule::kLexicographic, instance, profile);
  std::size_t runs = 0;
  const TieRun phragmen = [&](TieResolver& resolver) {
    ++runs;
    return committee_phragmen(profile, 3, ties, resolver, Outcome{}, std::vector<Rational>(1, Rational(0)));
  };
  const Committees expected{{0, 1, 2}, {0, 1, 3}, {0, 1, 4}, {0, 2, 3}, {0, 2, 4}, {0, 3, 4}};
  EXPECT_EQ(committees_of(enumerate_tie_breakings(phragmen, 100, 100)), expected);
  EXPECT_EQ(runs, expected.size());  // one path per committee, not one per order
}

TEST(CommitteeRules, EnumerationStopsAtItsLimits) {
  const ApprovalProfile profile = unit_profile({{0}}, 5);
  const Instance instance = unit_instance(5, 3);
  const TieBreaker ties(TieRule::kLexicographic, instance, profile);
  const TieRun phragmen = [&](TieResolver& resolver) {
    return committee_phragmen(profile, 3, ties, resolver, Outcome{}, std::vector<Rational>(1, Rational(0)));
  };
  for (const auto& result : {enumerate_tie_breakings(phragmen, 3, 100), enumerate_tie_breakings(phragmen, 100, 3)}) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::kTimeLimit);
  }
}

TEST(CommitteeRules, RejectsInstancesThatAreNotCommitteeElections) {
  Instance instance = unit_instance(3, 2);
  instance.set_budget(Rational(3, 2));
  EXPECT_FALSE(committee_size(instance).ok());
  instance.set_budget(Rational(4));
  EXPECT_FALSE(committee_size(instance).ok());
  Instance costly;
  ASSERT_TRUE(costly.add_project({"a", Rational(2), {}, {}, {}}).ok());
  costly.set_budget(Rational(1));
  const auto outcomes = solve_committee(costly, unit_profile({{0}}, 1), CommitteeRule::kAv, {});
  ASSERT_FALSE(outcomes.ok());
  EXPECT_EQ(outcomes.error().kind, ErrorKind::kUsage);
}

TEST(CommitteeRules, RuleIdsRoundTrip) {
  for (const auto rule : {CommitteeRule::kAv, CommitteeRule::kSeqPhragmen, CommitteeRule::kEqualShares,
                          CommitteeRule::kEqualSharesAv, CommitteeRule::kEqualSharesIncrement}) {
    const auto parsed = core::parse_name<CommitteeRule>(core::name_of(rule));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, rule);
  }
  EXPECT_FALSE(core::parse_name<CommitteeRule>("pav").ok());
}

// committee_phragmen from zero loads is plain sequential Phragmén: both give the same committees.
RC_GTEST_PROP(CommitteePhragmen, FromZeroLoadsAgreesWithSequentialPhragmen, ()) {
  const auto candidates = *rc::gen::inRange<std::size_t>(1, 6);
  const auto size = *rc::gen::inRange<std::size_t>(1, candidates + 1);
  const auto sets = *rc::gen::container<std::vector<std::vector<ProjectIndex>>>(
      *rc::gen::inRange<std::size_t>(1, 6),
      rc::gen::container<std::vector<ProjectIndex>>(rc::gen::inRange<ProjectIndex>(0, candidates)));
  const Instance instance = unit_instance(candidates, size);
  const ApprovalProfile profile = unit_profile(sets, candidates);
  const TieBreaker ties(TieRule::kLexicographic, instance, profile);
  const TieRun phragmen = [&](TieResolver& resolver) {
    return committee_phragmen(profile, size, ties, resolver, Outcome{},
                              std::vector<Rational>(profile.num_groups(), Rational(0)));
  };
  RC_ASSERT(committees_of(enumerate_tie_breakings(phragmen, 10000, 100000)) ==
            run(instance, profile, CommitteeRule::kSeqPhragmen, true));
}

}  // namespace
}  // namespace covalue::core::rules
