// MES run in certified doubles and replayed exactly (rules/mes_replay.hpp) gives what the exact engine gives:
// the same selection, prices, ties and class-level certificate, which verify_outcome accepts.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <vector>

#include "covalue/core/verify.hpp"
#include "rule_test_support.hpp"
#include "rules/mes_replay.hpp"

namespace covalue::core::rules {
namespace {

using testing::small_election;
using testing::SmallElection;

//! A random small election with a profile whose weights are 1, or small integers and fractions.
ApprovalProfile any_profile(const SmallElection& e) {
  std::vector<Rational> weights(e.ballots.size(), Rational(1));
  if (*rc::gen::inRange(0, 3) == 0) {
    const std::vector<Rational> choices{Rational(1), Rational(2), Rational(3), Rational(1, 2), Rational(5, 3)};
    for (auto& w : weights) {
      w = choices[*rc::gen::inRange<std::size_t>(0, choices.size())];
    }
  }
  return ApprovalProfile::from_sets(e.ballots, weights, e.instance.size());
}

// Everything but the trace's dropped projects: the run in doubles may find a project unaffordable a
// step earlier than the exact engine's lazier order does (it is unaffordable then all the same).
void expect_same(const Outcome& fast, const Outcome& exact) {
  RC_ASSERT(fast.selected == exact.selected);
  RC_ASSERT(fast.total_cost == exact.total_cost);
  RC_ASSERT(fast.mes == exact.mes);
  RC_ASSERT(fast.trace.size() == exact.trace.size());
  for (std::size_t i = 0; i < fast.trace.size(); ++i) {
    RC_ASSERT(fast.trace[i].project == exact.trace[i].project);
    RC_ASSERT(fast.trace[i].value == exact.trace[i].value);
    RC_ASSERT(fast.trace[i].tied == exact.trace[i].tied);
    for (const ProjectIndex p : fast.trace[i].dropped) {
      RC_ASSERT(std::find(fast.selected.begin(), fast.selected.end(), p) == fast.selected.end());
    }
  }
}

RC_GTEST_PROP(MesReplay, EqualsTheExactEngineAndVerifies, ()) {
  const SmallElection e = *small_election();
  const ApprovalProfile profile = any_profile(e);
  const Satisfaction sat = *rc::gen::element(Satisfaction::kCost, Satisfaction::kCardinality);
  const TieRule rule = *rc::gen::element(TieRule::kLexicographic, TieRule::kMinCost, TieRule::kRefuse);
  const TieBreaker ties(rule, e.instance, profile);
  auto weights = IntegerWeights::from(profile);
  RC_ASSERT(weights.ok());
  const MesEngine engine(e.instance, profile, sat, std::move(weights).value(), ties);
  RC_PRE(engine.weights().total > 0);
  const Rational budget = e.instance.budget() / Rational(engine.weights().total);
  ResoluteResolver fast_resolver(rule == TieRule::kRefuse);
  ResoluteResolver exact_resolver(rule == TieRule::kRefuse);
  const auto fast = certified_equal_shares(engine, budget, fast_resolver, rule == TieRule::kRefuse);
  const auto exact = engine.run(budget, exact_resolver, true);
  RC_TAG(fast.has_value());
  if (!fast) {
    return;  // too close to call in doubles: the caller runs the exact engine
  }
  RC_ASSERT(fast->ok() == exact.ok());
  if (!exact.ok()) {
    return;
  }
  expect_same(**fast, *exact);
  RuleOptions options;
  options.rule = RuleKind::kEqualShares;
  options.sat = sat;
  options.tie = rule;
  const auto report = verify_outcome(e.instance, profile, **fast, options);
  RC_ASSERT(report.ok());
  RC_ASSERT(report->ok);
}

TEST(MesReplay, RefusesADescriptionThatDoesNotFit) {
  const SmallElection e{testing::make_instance({10, 10}, 20), {{0}, {0}, {1}, {1}}};
  const ApprovalProfile profile = e.profile();
  const TieBreaker ties(TieRule::kLexicographic, e.instance, profile);
  auto weights = IntegerWeights::from(profile);
  ASSERT_TRUE(weights.ok());
  const MesEngine engine(e.instance, profile, Satisfaction::kCost, std::move(weights).value(), ties);
  MesReplay replay(engine);
  const Rational budget(6);
  // Both supporters of p0 are in class 1 at the start; they pay the cap 5 and move to class 2.
  const auto fine = replay.run(budget, {FloatPurchase{0, {{1, 2}}, {}, {}}});
  ASSERT_TRUE(fine.has_value());
  EXPECT_EQ(fine->mes->purchases[0].cap, Rational(5));
  EXPECT_EQ(fine->mes->purchases[0].pay_cap, std::vector<std::uint32_t>{0});
  EXPECT_FALSE(replay.run(budget, {FloatPurchase{0, {{2, 2}}, {}, {}}}).has_value());          // no class 2 yet
  EXPECT_FALSE(replay.run(budget, {FloatPurchase{0, {{1, 2}, {1, 3}}, {}, {}}}).has_value());  // named twice
  EXPECT_FALSE(replay.run(budget, {FloatPurchase{0, {{1, 3}}, {}, {}}}).has_value());          // numbered off
  EXPECT_FALSE(replay.run(budget, {FloatPurchase{0, {{1, 0}}, {}, {}}}).has_value());          // all poor
  EXPECT_FALSE(replay.run(budget, {FloatPurchase{0, {}, {}, {}}}).has_value());                // nobody pays
  EXPECT_FALSE(replay.run(budget, {FloatPurchase{7, {{1, 2}}, {}, {}}}).has_value());          // no project 7
}

}  // namespace
}  // namespace covalue::core::rules
