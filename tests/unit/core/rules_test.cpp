#include <gtest/gtest.h>

#include "covalue/core/rules/rule.hpp"
#include "rule_test_support.hpp"

namespace covalue::core::rules {
namespace {

using testing::make_instance;

std::vector<ProjectIndex> select(const Instance& instance, const ApprovalProfile& profile, RuleOptions options) {
  auto outcomes = solve(instance, profile, options);
  EXPECT_TRUE(outcomes.ok()) << outcomes.error().to_string();
  return outcomes.ok() ? outcomes->front().sorted_selection() : std::vector<ProjectIndex>{};
}

ApprovalProfile profile_of(const std::vector<std::vector<ProjectIndex>>& ballots, std::size_t projects) {
  return ApprovalProfile::from_sets(ballots, std::vector<Rational>(ballots.size(), Rational(1)), projects);
}

TEST(Greedy, TakesMostApprovedFirstAndSkipsWhatDoesNotFit) {
  const Instance instance = make_instance({60, 50, 30, 20}, 100);
  const auto profile = profile_of({{0, 1}, {0, 1}, {0, 2}, {1, 3}, {2, 3}, {0}}, 4);
  RuleOptions options;
  options.rule = RuleKind::kGreedy;
  // approvals: p0 4, p1 3, p2 2, p3 2 -> p0 (60), p1 does not fit, p2 (30), then p3 does not fit
  EXPECT_EQ(select(instance, profile, options), (std::vector<ProjectIndex>{0, 2}));
  options.sat = Satisfaction::kCardinality;
  // approvals per cost: p3 0.1, p0 0.0667, p2 0.0667, p1 0.06 -> p3, then p0 and p2 tie (lex: p0), p2 fits?
  // 20+60+30>100 no
  EXPECT_EQ(select(instance, profile, options), (std::vector<ProjectIndex>{0, 3}));
}

TEST(EqualShares, FundsAMinorityInProportionToItsSize) {
  // 6 voters want A and B (cost 50 each), 4 voters want C (cost 40); budget 100 -> each voter 10.
  const Instance instance = make_instance({50, 50, 40}, 100);
  const auto profile = profile_of({{0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 1}, {2}, {2}, {2}, {2}}, 3);
  RuleOptions options;
  auto outcomes = solve(instance, profile, options);
  ASSERT_TRUE(outcomes.ok());
  const Outcome& o = outcomes->front();
  // The majority (60 in all) buys A; the minority (40) buys C; B is left unaffordable (10 left).
  EXPECT_EQ(o.sorted_selection(), (std::vector<ProjectIndex>{0, 2}));
  ASSERT_TRUE(o.mes.has_value());
  EXPECT_EQ(o.mes->voter_budget, Rational(10));
  EXPECT_EQ(o.mes->purchases.size(), 2U);
  options.rule = RuleKind::kGreedy;
  EXPECT_EQ(select(instance, profile, options), (std::vector<ProjectIndex>{0, 1}));
}

TEST(EqualShares, RefusedTieIsAnError) {
  // Four voters hold 5 each; p0 and p1 are each bought by two of them at the same price.
  const Instance instance = make_instance({10, 10}, 20);
  const auto profile = profile_of({{0}, {0}, {1}, {1}}, 2);
  RuleOptions options;
  options.tie = TieRule::kRefuse;
  auto outcomes = solve(instance, profile, options);
  ASSERT_FALSE(outcomes.ok());
  EXPECT_EQ(outcomes.error().kind, ErrorKind::kTieRefused);
}

TEST(EqualShares, IrresoluteReturnsEveryTiedOutcome) {
  const Instance instance = make_instance({10, 10}, 10);
  const auto profile = profile_of({{0, 1}, {0, 1}}, 2);
  RuleOptions options;
  options.irresolute = true;
  auto outcomes = solve(instance, profile, options);
  ASSERT_TRUE(outcomes.ok());
  ASSERT_EQ(outcomes->size(), 2U);
  EXPECT_EQ((*outcomes)[0].sorted_selection(), (std::vector<ProjectIndex>{0}));
  EXPECT_EQ((*outcomes)[1].sorted_selection(), (std::vector<ProjectIndex>{1}));
}

TEST(EqualShares, Add1SpendsWhatPlainMesLeaves) {
  // Ten voters hold 10 each. Five want A (cost 60): 50 is not enough. Five want B (cost 30).
  const Instance instance = make_instance({60, 30}, 100);
  const auto profile = profile_of({{0}, {0}, {0}, {0}, {0}, {1}, {1}, {1}, {1}, {1}}, 2);
  RuleOptions options;
  EXPECT_EQ(select(instance, profile, options), (std::vector<ProjectIndex>{1}));
  options.completion = Completion::kAdd1;
  auto outcomes = solve(instance, profile, options);
  ASSERT_TRUE(outcomes.ok());
  // With 12 each (two rounds of +1), A's supporters hold 60: both are bought and nothing else fits.
  const Outcome& o = outcomes->front();
  EXPECT_EQ(o.sorted_selection(), (std::vector<ProjectIndex>{0, 1}));
  EXPECT_EQ(o.mes->increments, 2U);
  EXPECT_EQ(o.mes->voter_budget, Rational(12));
}

TEST(EqualShares, Add1KeepsThePreviousOutcomeWhenTheNextOverspends) {
  // Budget 10, two voters with 5. A (cost 6) is wanted by voter 0, B (cost 6) by voter 1: with 6 each
  // both are bought (12 > 10), so the round before (nothing bought) stands.
  const Instance instance = make_instance({6, 6}, 10);
  const auto profile = profile_of({{0}, {1}}, 2);
  RuleOptions options;
  options.completion = Completion::kAdd1;
  auto outcomes = solve(instance, profile, options);
  ASSERT_TRUE(outcomes.ok());
  EXPECT_TRUE(outcomes->front().selected.empty());
  EXPECT_EQ(outcomes->front().mes->increments, 0U);
}

TEST(Phragmen, StopsAtTheFirstBestProjectThatDoesNotFit) {
  // p0 (cost 90) has 3 supporters: load 30; p1 (cost 20) 1 supporter: load 20 -> p1 first, then p0
  // has load 30 < anything else but 20 + 90 > 100: stop, p2 (cheap, 1 supporter, load 5 after) is never reached.
  const Instance instance = make_instance({90, 20, 5}, 100);
  const auto profile = profile_of({{0}, {0}, {0}, {1}, {}}, 3);
  RuleOptions options;
  options.rule = RuleKind::kPhragmen;
  EXPECT_EQ(select(instance, profile, options), (std::vector<ProjectIndex>{1}));
}

TEST(Rules, CompletionOnlyAppliesToMes) {
  const Instance instance = make_instance({1}, 1);
  const auto profile = profile_of({{0}}, 1);
  RuleOptions options;
  options.rule = RuleKind::kGreedy;
  options.completion = Completion::kGreedy;
  auto outcomes = solve(instance, profile, options);
  ASSERT_FALSE(outcomes.ok());
  EXPECT_EQ(outcomes.error().kind, ErrorKind::kUsage);
}

}  // namespace
}  // namespace covalue::core::rules
