// The certified double-precision MES run: whenever it answers, it answers what the exact engine
// does; and add1, which uses it for its intermediate rounds, equals a naive round-by-round loop.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <span>
#include <vector>

#include "covalue/core/rules/equal_shares.hpp"
#include "covalue/core/rules/greedy.hpp"
#include "covalue/core/rules/rule.hpp"
#include "rule_test_support.hpp"
#include "rules/mes_float.hpp"

namespace covalue::core::rules {
namespace {

using testing::make_instance;
using testing::small_election;
using testing::SmallElection;

//! An election whose projects come in twins: equal cost, approved by exactly the same voters, so
//! that MES meets exact ties.
rc::Gen<SmallElection> twin_election() {
  return rc::gen::exec([] {
    const auto pairs = *rc::gen::inRange<std::size_t>(1, 4);
    std::vector<int> costs;
    for (std::size_t i = 0; i < pairs; ++i) {
      const int cost = *rc::gen::inRange(0, 21);
      costs.insert(costs.end(), {cost, cost});
    }
    const auto voters = *rc::gen::inRange<std::size_t>(1, 10);
    SmallElection e{make_instance(costs, *rc::gen::inRange(0, 60)), {}};
    for (std::size_t v = 0; v < voters; ++v) {
      std::vector<ProjectIndex> ballot;
      for (std::size_t i = 0; i < pairs; ++i) {
        if (*rc::gen::inRange(0, 2) == 0) {
          ballot.insert(ballot.end(), {static_cast<ProjectIndex>(2 * i), static_cast<ProjectIndex>(2 * i + 1)});
        }
      }
      e.ballots.push_back(std::move(ballot));
    }
    return e;
  });
}

//! A random small election (plain or with twins) and its profile, weighted or not.
struct Case {
  SmallElection election;
  ApprovalProfile profile;
};

Case any_case() {
  const bool twins = *rc::gen::inRange(0, 3) == 0;
  SmallElection e = twins ? *twin_election() : *small_election();
  std::vector<Rational> weights(e.ballots.size(), Rational(1));
  if (*rc::gen::inRange(0, 3) == 0) {
    const std::vector<Rational> choices{Rational(1), Rational(2), Rational(3), Rational(1, 2), Rational(5, 3)};
    for (auto& w : weights) {
      w = choices[*rc::gen::inRange<std::size_t>(0, choices.size())];
    }
  }
  auto profile = ApprovalProfile::from_sets(e.ballots, weights, e.instance.size());
  return Case{std::move(e), std::move(profile)};
}

Satisfaction any_sat() { return *rc::gen::inRange(0, 2) == 0 ? Satisfaction::kCost : Satisfaction::kCardinality; }

MesEngine engine_for(const Case& c, Satisfaction sat, const TieBreaker& ties) {
  auto weights = IntegerWeights::from(c.profile);
  RC_ASSERT(weights.ok());
  return MesEngine(c.election.instance, c.profile, sat, std::move(weights).value(), ties);
}

//! Answers every tie as the resolute resolver does (the tie-breaker's first, or a refusal), and
//! records each tie it was asked about.
class LoggingResolver final : public TieResolver {
 public:
  explicit LoggingResolver(bool refuse) : inner_(refuse) {}
  [[nodiscard]] Result<std::size_t> choose(std::span<const ProjectIndex> tied) override {
    asked.emplace_back(tied.begin(), tied.end());
    return inner_.choose(tied);
  }
  std::vector<std::vector<ProjectIndex>> asked;

 private:
  ResoluteResolver inner_;
};

RC_GTEST_PROP(MesFloat, AnAnswerIsTheExactRunsSelection, ()) {
  const Case c = any_case();
  const Satisfaction sat = any_sat();
  const TieRule rule = *rc::gen::element(TieRule::kLexicographic, TieRule::kMinCost, TieRule::kRefuse);
  const TieBreaker ties(rule, c.election.instance, c.profile);
  const MesEngine engine = engine_for(c, sat, ties);
  RC_PRE(engine.weights().total > 0);
  const Rational start = c.election.instance.budget() / Rational(engine.weights().total);
  const Rational budget = start + Rational(*rc::gen::inRange(0, 80), *rc::gen::inRange(1, 8));
  const bool with_resolver = *rc::gen::arbitrary<bool>();
  LoggingResolver fast_resolver(rule == TieRule::kRefuse);
  LoggingResolver exact_resolver(rule == TieRule::kRefuse);
  const auto fast = certified_float_run(engine, budget, with_resolver ? &fast_resolver : nullptr);
  const auto exact = engine.run(budget, exact_resolver, false);
  if (!fast.ok()) {  // a refused tie: the exact run must meet it too
    RC_ASSERT(!exact.ok());
    RC_ASSERT(exact.error().kind == fast.error().kind);
    return;
  }
  RC_TAG(fast->has_value(), with_resolver);
  if (*fast) {
    RC_ASSERT(exact.ok());
    RC_ASSERT(**fast == exact->selected);
    RC_ASSERT(fast_resolver.asked == exact_resolver.asked);  // the same ties, presented alike
  }
}

bool exhaustive(const Instance& instance, const ApprovalProfile& profile, const Outcome& outcome) {
  for (ProjectIndex p = 0; p < instance.size(); ++p) {
    const bool taken = std::find(outcome.selected.begin(), outcome.selected.end(), p) != outcome.selected.end();
    const Rational& cost = instance.project(p).cost;
    if (!taken && cost > 0 && profile.approval_weight(p) > 0 && outcome.total_cost + cost <= instance.budget()) {
      return false;
    }
  }
  return true;
}

//! add1 the plain way: MES with every voter's budget (per unit of real weight) raised by
//! `increment` per round until the outcome is exhaustive; an overspending round gives way to the
//! previous one. Returns the outcome that stands with the round it came from.
Result<std::pair<Outcome, std::uint32_t>> naive_add1(const Case& c, Satisfaction sat, const TieBreaker& ties,
                                                     const Rational& increment) {
  const Instance& instance = c.election.instance;
  ResoluteResolver resolver(ties.rule() == TieRule::kRefuse);
  std::optional<Outcome> previous;
  for (std::uint32_t round = 0; round < 100000; ++round) {
    const Rational voter_budget = instance.budget() / c.profile.total_weight() + increment * round;
    auto outcome = equal_shares(instance, c.profile, sat, ties, resolver, voter_budget);
    if (!outcome.ok()) {
      return outcome.error();
    }
    if (outcome->total_cost > instance.budget()) {
      RC_ASSERT(previous.has_value());  // the first round shares out exactly the budget
      return std::make_pair(std::move(*previous), round - 1);
    }
    if (exhaustive(instance, c.profile, *outcome)) {
      return std::make_pair(std::move(outcome).value(), round);
    }
    previous = std::move(outcome).value();
  }
  return make_error(ErrorKind::kInternal, "the naive add1 loop did not stop");
}

//! The naive add1 outcome, completed by greedy when the options ask for it.
Result<Outcome> completed(const Case& c, const RuleOptions& options, const TieBreaker& ties,
                          const Result<std::pair<Outcome, std::uint32_t>>& add1) {
  if (!add1.ok()) {
    return add1.error();
  }
  if (options.completion != Completion::kAdd1Greedy) {
    return add1->first;
  }
  ResoluteResolver resolver(options.tie == TieRule::kRefuse);
  return greedy_welfare(c.election.instance, c.profile, options.sat, ties, resolver, add1->first);
}

//! Solves add1 and add1+greedy with `options` (their completion set here) and asserts that both equal the
//! unit-step loop: the same selection, stopped at the same round with the same voter budget. Returns how
//! many rounds the loop took (none when it failed, as the solver must then have).
std::optional<std::uint32_t> check_add1_against_the_loop(const Case& c, RuleOptions options) {
  const TieBreaker ties(options.tie, c.election.instance, c.profile);
  const auto expected = naive_add1(c, options.sat, ties, options.increment);
  for (const Completion completion : {Completion::kAdd1, Completion::kAdd1Greedy}) {
    options.completion = completion;
    const auto got = solve(c.election.instance, c.profile, options);
    const auto reference = completed(c, options, ties, expected);
    RC_ASSERT(got.ok() == reference.ok());
    if (!got.ok()) {
      RC_ASSERT(got.error().kind == reference.error().kind);
      continue;
    }
    const Outcome& outcome = got->front();
    RC_ASSERT(outcome.mes.has_value());
    RC_ASSERT(outcome.mes->increments == expected->second);
    RC_ASSERT(outcome.mes->voter_budget == expected->first.mes->voter_budget);
    RC_ASSERT(outcome.selected == reference->selected);
  }
  return expected.ok() ? std::optional<std::uint32_t>(expected->second) : std::nullopt;
}

RC_GTEST_PROP(MesFloat, Add1EqualsTheNaiveLoop, ()) {
  const Case c = any_case();
  RC_PRE(c.profile.total_weight() > 0);
  RuleOptions options;
  options.sat = any_sat();
  options.tie = *rc::gen::element(TieRule::kLexicographic, TieRule::kMinCost, TieRule::kRefuse);
  options.increment = *rc::gen::element(Rational(1), Rational(1, 2), Rational(3), Rational(2, 7));
  (void)check_add1_against_the_loop(c, options);
}

//! An election whose add1 takes many rounds: costs far above a voter's share, so that budgets must
//! grow by tens to thousands of increments, and prices cross one another on the way.
Case long_add1_case() {
  const auto projects = *rc::gen::inRange<std::size_t>(2, 9);
  const auto costs = *rc::gen::container<std::vector<int>>(projects, rc::gen::inRange(100, 2001));
  int total = 0;
  for (const int cost : costs) {
    total += cost;
  }
  const int budget = *rc::gen::inRange(total / 6, total / 2);
  const auto voters = *rc::gen::inRange<std::size_t>(2, 20);
  SmallElection e{make_instance(costs, budget), {}};
  for (std::size_t v = 0; v < voters; ++v) {
    std::vector<ProjectIndex> ballot;
    for (ProjectIndex p = 0; p < projects; ++p) {
      if (*rc::gen::inRange(0, 2 + static_cast<int>(p % 3)) == 0) {
        ballot.push_back(p);
      }
    }
    e.ballots.push_back(std::move(ballot));
  }
  std::vector<Rational> weights(e.ballots.size(), Rational(1));
  if (*rc::gen::inRange(0, 3) == 0) {
    for (auto& w : weights) {
      w = Rational(*rc::gen::inRange(1, 4), *rc::gen::inRange(1, 3));
    }
  }
  auto profile = ApprovalProfile::from_sets(e.ballots, weights, e.instance.size());
  return Case{std::move(e), std::move(profile)};
}

//! Compares add1 on an election of many rounds with the unit-step loop, under any satisfaction, tie rule and
//! one of three increments; tags how many hundreds of rounds it took (99: a refused tie).
void check_many_rounds(const Case& c) {
  RC_PRE(c.profile.total_weight() > 0);
  RuleOptions options;
  options.sat = any_sat();
  options.tie = *rc::gen::element(TieRule::kLexicographic, TieRule::kMinCost, TieRule::kRefuse);
  options.increment = *rc::gen::element(Rational(1), Rational(1, 3), Rational(5, 2));
  const auto rounds = check_add1_against_the_loop(c, options);
  RC_TAG(rounds ? std::min<std::uint32_t>(*rounds / 100, 10) : 99U);  // hundreds of rounds; 99: refused
}

// add1 jumps over the rounds it proves alike (MesFloat::holds); over many rounds it must still stop
// exactly where the unit-step loop stops, with the same selection.
RC_GTEST_PROP(MesFloat, Add1OverManyRoundsEqualsTheUnitStepLoop, ()) { check_many_rounds(long_add1_case()); }

//! An election whose add1 takes many rounds with ties that last: pairs of projects of the same cost, each
//! approved by as many voters of its own (so they are not twins), tie at every budget where none of their
//! supporters pays all they have; a resolver that picks by the tie alone picks alike all along.
Case tied_add1_case() {
  const auto pairs = *rc::gen::inRange<std::size_t>(1, 4);
  const auto others = *rc::gen::inRange<std::size_t>(0, 4);
  std::vector<int> costs;
  for (std::size_t k = 0; k < pairs; ++k) {
    const int cost = *rc::gen::inRange(100, 1001);
    costs.push_back(cost);
    costs.push_back(cost);
  }
  for (std::size_t k = 0; k < others; ++k) {
    costs.push_back(*rc::gen::inRange(100, 2001));
  }
  int total = 0;
  for (const int cost : costs) {
    total += cost;
  }
  SmallElection e{make_instance(costs, *rc::gen::inRange(total / 6, total / 2)), {}};
  const auto projects = static_cast<ProjectIndex>(costs.size());
  for (std::size_t k = 0; k < pairs; ++k) {  // each of a pair gets `size` voters of its own
    const auto size = *rc::gen::inRange<std::size_t>(1, 6);
    for (const auto p : {static_cast<ProjectIndex>(2 * k), static_cast<ProjectIndex>(2 * k + 1)}) {
      for (std::size_t v = 0; v < size; ++v) {
        std::vector<ProjectIndex> ballot{p};
        for (ProjectIndex q = static_cast<ProjectIndex>(2 * pairs); q < projects; ++q) {
          if (*rc::gen::inRange(0, 3) == 0) {
            ballot.push_back(q);
          }
        }
        e.ballots.push_back(std::move(ballot));
      }
    }
  }
  for (std::size_t v = *rc::gen::inRange<std::size_t>(0, 8); v > 0; --v) {
    std::vector<ProjectIndex> ballot;
    for (ProjectIndex q = static_cast<ProjectIndex>(2 * pairs); q < projects; ++q) {
      if (*rc::gen::inRange(0, 2) == 0) {
        ballot.push_back(q);
      }
    }
    e.ballots.push_back(std::move(ballot));
  }
  auto profile =
      ApprovalProfile::from_sets(e.ballots, std::vector<Rational>(e.ballots.size(), Rational(1)), e.instance.size());
  return Case{std::move(e), std::move(profile)};
}

// Ties that last from round to round (MesFloat::holds lets them through when they provably do) must still
// stop exactly where the unit-step loop stops, with the same selection.
RC_GTEST_PROP(MesFloat, Add1WithLastingTiesEqualsTheUnitStepLoop, ()) { check_many_rounds(tied_add1_case()); }

//! holds() proves a stretch of budgets alike only while nothing MES decides can change.
TEST(MesFloat, HoldsProvesOnlyWhatEveryBudgetBetweenBuys) {
  // Two voters approve p0 (cost 10), one approves p1 (cost 9): p0 costs 5 each, p1 9.
  const Instance instance = make_instance({10, 9}, 20);
  const auto profile = ApprovalProfile::from_sets({{0}, {0, 1}}, std::vector<Rational>(2, Rational(1)), 2);
  const TieBreaker ties(TieRule::kLexicographic, instance, profile);
  auto weights = IntegerWeights::from(profile);
  ASSERT_TRUE(weights.ok());
  const MesEngine engine(instance, profile, Satisfaction::kCardinality, std::move(weights).value(), ties);
  MesFloat fast(engine);
  MesFloat::Bounds at6;
  // At 6 each, p0 is bought (5 each); the second voter's 1 left cannot buy p1.
  auto first = fast.run(Rational(6), nullptr, &at6);
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ(**first, std::vector<ProjectIndex>{0});
  ASSERT_EQ(at6.offsets.size(), 2U);
  EXPECT_LE(at6.prices.front().lo, 5.0);
  EXPECT_GE(at6.prices.front().hi, 5.0);
  const std::vector<ProjectIndex> bought{0};
  MesFloat::Bounds next;
  EXPECT_TRUE(fast.holds(Rational(13), bought, at6, next, false));  // 13 - 5 = 8 < 9: still only p0
  EXPECT_EQ(next.budget, Rational(13));
  EXPECT_FALSE(fast.holds(Rational(14), bought, at6, next, false));  // exactly affordable: not certain
  EXPECT_FALSE(fast.holds(Rational(15), bought, at6, next, false));  // 15 - 5 = 10: p1 is bought too
  // Neither a sequence MES does not buy nor a budget that does not grow is ever proven.
  EXPECT_FALSE(fast.holds(Rational(7), std::vector<ProjectIndex>{1}, at6, next, false));
  EXPECT_FALSE(fast.holds(Rational(6), bought, at6, next, false));
}

//! Two projects costing 10 (budget 20), each approved by two voters of its own; MES with cost satisfaction.
struct TwoPairs {
  Instance instance = make_instance({10, 10}, 20);
  ApprovalProfile profile = ApprovalProfile::from_sets({{0}, {0}, {1}, {1}}, std::vector<Rational>(4, Rational(1)), 2);
  TieBreaker ties{TieRule::kLexicographic, instance, profile};
  MesEngine engine{instance, profile, Satisfaction::kCost, IntegerWeights::from(profile).value(), ties};
};

// Two projects of the same cost, each approved by two voters of its own, tie at every budget where both
// pairs hold more than 5: beside a resolver that picks by the tie alone, holds() proves the stretch.
TEST(MesFloat, HoldsLetsThroughATieThatLasts) {
  const TwoPairs pairs;
  MesFloat fast(pairs.engine);
  ResoluteResolver resolver(false);
  MesFloat::Bounds at6;
  const auto first = fast.run(Rational(6), &resolver, &at6);
  ASSERT_TRUE(first.ok() && first->has_value());
  ASSERT_EQ(**first, (std::vector<ProjectIndex>{0, 1}));
  const std::vector<ProjectIndex> bought{0, 1};
  MesFloat::Bounds next;
  EXPECT_TRUE(fast.holds(Rational(40), bought, at6, next, true));
  // Without that promise about the resolver, a tie is a tie: nothing is proven.
  EXPECT_FALSE(fast.holds(Rational(40), bought, at6, next, false));
}

// Elections of a few hundred voters whose add1 runs for hundreds of rounds, with prices crossing on the
// way: the jumps over rounds proven alike must land exactly where the unit-step loop stops.
TEST(MesFloat, Add1OnMediumElectionsEqualsTheUnitStepLoop) {
  for (const unsigned seed : {3U, 5U, 8U}) {
    std::mt19937_64 rng(seed);
    std::vector<int> costs;
    int total = 0;
    for (int p = 0; p < 14; ++p) {
      costs.push_back(static_cast<int>(2000 + rng() % 30000));
      total += costs.back();
    }
    SmallElection e{make_instance(costs, total / 3), {}};
    for (int v = 0; v < 300; ++v) {
      std::vector<ProjectIndex> ballot;
      for (ProjectIndex p = 0; p < costs.size(); ++p) {
        if (rng() % (2 + p % 5) == 0) {
          ballot.push_back(p);
        }
      }
      e.ballots.push_back(std::move(ballot));
    }
    auto profile = ApprovalProfile::from_sets(e.ballots, std::vector<Rational>(e.ballots.size(), Rational(1)), 14);
    const Case c{std::move(e), std::move(profile)};
    RuleOptions options;
    options.completion = Completion::kAdd1;
    for (const Satisfaction sat : {Satisfaction::kCost, Satisfaction::kCardinality}) {
      options.sat = sat;
      const TieBreaker ties(options.tie, c.election.instance, c.profile);
      const auto expected = naive_add1(c, sat, ties, options.increment);
      ASSERT_TRUE(expected.ok());
      const auto got = solve(c.election.instance, c.profile, options);
      ASSERT_TRUE(got.ok());
      EXPECT_GE(expected->second, 30U) << "seed " << seed;  // long enough to jump
      EXPECT_EQ(got->front().mes->increments, expected->second) << "seed " << seed;
      EXPECT_EQ(got->front().selected, expected->first.selected) << "seed " << seed;
    }
  }
}

TEST(MesFloat, GivesUpOnAnExactTie) {
  // Four voters hold 5 each; p0 and p1 are each bought by two of them at the same price.
  const TwoPairs pairs;
  const MesEngine& engine = pairs.engine;
  // At 5 each, every supporter holds exactly the cap: too close to call, with or without a resolver.
  ResoluteResolver first(false);
  EXPECT_EQ(*certified_float_run(engine, Rational(5), &first), std::nullopt);
  // At 6 each, the prices tie exactly (and provably): given a resolver the tie is broken, else not.
  EXPECT_EQ(*certified_float_run(engine, Rational(6)), std::nullopt);
  EXPECT_EQ(*certified_float_run(engine, Rational(6), &first), (std::vector<ProjectIndex>{0, 1}));
  ResoluteResolver refuse(true);
  const auto refused = certified_float_run(engine, Rational(6), &refuse);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kTieRefused);
  // At 4 each, neither is affordable.
  EXPECT_EQ(*certified_float_run(engine, Rational(4)), std::vector<ProjectIndex>{});
}

TEST(MesFloat, CertifiesAlmostEveryRunOfARandomElection) {
  std::mt19937_64 rng(11);
  std::vector<int> costs;
  costs.reserve(25);
  for (int p = 0; p < 25; ++p) {
    costs.push_back(static_cast<int>(1000 + rng() % 20000));
  }
  const Instance instance = make_instance(costs, 100000);
  std::vector<std::vector<ProjectIndex>> ballots(400);
  for (auto& ballot : ballots) {
    for (ProjectIndex p = 0; p < costs.size(); ++p) {
      if (rng() % (3 + p % 7) == 0) {
        ballot.push_back(p);
      }
    }
  }
  const auto profile = ApprovalProfile::from_sets(ballots, std::vector<Rational>(ballots.size(), Rational(1)), 25);
  const TieBreaker ties(TieRule::kLexicographic, instance, profile);
  auto weights = IntegerWeights::from(profile);
  ASSERT_TRUE(weights.ok());
  const MesEngine engine(instance, profile, Satisfaction::kCost, std::move(weights).value(), ties);
  int certified = 0;
  for (int round = 0; round < 60; ++round) {
    const Rational budget = Rational(100000, 400) + Rational(round * 7, 3);
    ResoluteResolver resolver(false);
    auto exact = engine.run(budget, resolver, false);
    ASSERT_TRUE(exact.ok());
    const auto fast = certified_float_run(engine, budget);
    ASSERT_TRUE(fast.ok());
    if (*fast) {
      EXPECT_EQ(**fast, exact->selected) << "round " << round;
      ++certified;
    }
  }
  EXPECT_GE(certified, 55);
}

}  // namespace
}  // namespace covalue::core::rules
