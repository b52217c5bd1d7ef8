// Weights too large for 64-bit counting: MES and Phragmén count voters' integer weights in int64 when their
// total fits in 62 bits and in GMP integers otherwise (perpetual weights such as 1/(1 + wins) grow a common
// denominator cycle after cycle). Both countings must decide alike, and elections whose weights only fit
// GMP must be decided (and certified) instead of refused.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <vector>

#include "covalue/core/rules/equal_shares.hpp"
#include "covalue/core/rules/phragmen.hpp"
#include "covalue/core/rules/rule.hpp"
#include "covalue/core/verify.hpp"
#include "rule_test_support.hpp"
#include "rules/integer_weights.hpp"
#include "rules/mes_engine.hpp"
#include "rules/phragmen_counts.hpp"

namespace covalue::core::rules {
namespace {

using testing::make_instance;
using testing::small_election;
using testing::SmallElection;

//! A random small election with weights drawn from a few small fractions (so that int64 counting applies).
ApprovalProfile weighted_profile(const SmallElection& e) {
  std::vector<Rational> weights(e.ballots.size(), Rational(1));
  const std::vector<Rational> choices{Rational(1), Rational(2), Rational(3), Rational(1, 2), Rational(5, 3)};
  for (auto& w : weights) {
    w = choices[*rc::gen::inRange<std::size_t>(0, choices.size())];
  }
  return ApprovalProfile::from_sets(e.ballots, weights, e.instance.size());
}

//! A random weighted election with its weights counted both ways.
struct Counted {
  SmallElection election;
  ApprovalProfile profile;
  IntegerWeights small;
  BigWeights big;
};

Counted counted_both_ways() {
  SmallElection e = *small_election();
  ApprovalProfile profile = weighted_profile(e);
  auto small = IntegerWeights::from(profile);
  auto big = BigWeights::from(profile);
  RC_ASSERT(small.ok());
  RC_ASSERT(big.ok());
  return {std::move(e), std::move(profile), std::move(small).value(), std::move(big).value()};
}

RC_GTEST_PROP(BigWeights, MesCountsAlikeInInt64AndGmp, ()) {
  Counted c = counted_both_ways();
  const SmallElection& e = c.election;
  const ApprovalProfile& profile = c.profile;
  RC_PRE(c.small.total > 0);
  const Satisfaction sat = *rc::gen::element(Satisfaction::kCost, Satisfaction::kCardinality);
  const TieBreaker ties(TieRule::kLexicographic, e.instance, profile);
  const MesEngine fast(e.instance, profile, sat, std::move(c.small), ties);
  const MesEngineOf<Integer> exact(e.instance, profile, sat, std::move(c.big), ties);
  const Rational budget = e.instance.budget() / Rational(fast.weights().total) +
                          Rational(*rc::gen::inRange(0, 40), *rc::gen::inRange(1, 6));
  ResoluteResolver first_fast(false);
  ResoluteResolver first_exact(false);
  StableRange fast_range{false, std::nullopt};
  StableRange exact_range{false, std::nullopt};
  const auto a = fast.run(budget, first_fast, true, &fast_range);
  const auto b = exact.run(budget, first_exact, true, &exact_range);
  RC_ASSERT(a.ok());
  RC_ASSERT(b.ok());
  RC_ASSERT(*a == *b);  // selection, trace and the priceability certificate
  RC_ASSERT(fast_range.limit == exact_range.limit);
  RC_ASSERT(fast.exhaustive(*a) == exact.exhaustive(*b));
}

RC_GTEST_PROP(BigWeights, PhragmenCountsAlikeInInt64AndGmp, ()) {
  Counted c = counted_both_ways();
  const SmallElection& e = c.election;
  const ApprovalProfile& profile = c.profile;
  const TieBreaker ties(TieRule::kLexicographic, e.instance, profile);
  ResoluteResolver first_fast(false);
  ResoluteResolver first_exact(false);
  const auto a = phragmen_run(e.instance, profile, ties, first_fast, std::move(c.small));
  const auto b = phragmen_run(e.instance, profile, ties, first_exact, std::move(c.big));
  RC_ASSERT(a.ok());
  RC_ASSERT(b.ok());
  RC_ASSERT(*a == *b);
}

//! Six voter groups weighted 1/p for six primes near 2^12, p = 4093 ... 4159: the common denominator is their
//! product (about 2^72), so the integer weights sum far beyond 2^62.
ApprovalProfile huge_denominators(const std::vector<std::vector<ProjectIndex>>& ballots, std::size_t projects) {
  const std::vector<long> primes{4093, 4099, 4111, 4127, 4129, 4133};
  std::vector<Rational> weights;
  for (std::size_t v = 0; v < ballots.size(); ++v) {
    weights.emplace_back(1, primes[v % primes.size()]);
  }
  return ApprovalProfile::from_sets(ballots, weights, projects);
}

TEST(BigWeights, WeightsBeyond62BitsAreDecidedAndCertified) {
  const Instance instance = make_instance({30, 20, 20, 10, 5}, 50);
  const std::vector<std::vector<ProjectIndex>> ballots{{0, 1}, {0, 2}, {1, 3}, {2, 4}, {0, 3, 4}, {1, 2}};
  const ApprovalProfile profile = huge_denominators(ballots, instance.size());
  ASSERT_FALSE(profile.weights_fit_int64());
  ASSERT_GT(profile.weight_scale(), Integer(1) << 62);
  ASSERT_FALSE(IntegerWeights::from(profile).ok());  // what the rules used to stop at
  for (const RuleKind rule : {RuleKind::kEqualShares, RuleKind::kPhragmen}) {
    for (const Completion completion : {Completion::kNone, Completion::kAdd1, Completion::kAdd1Greedy}) {
      if (rule == RuleKind::kPhragmen && completion != Completion::kNone) {
        continue;
      }
      RuleOptions options;
      options.rule = rule;
      options.completion = completion;
      const auto outcomes = solve(instance, profile, options);
      ASSERT_TRUE(outcomes.ok()) << outcomes.error().message;
      const Outcome& outcome = outcomes->front();
      EXPECT_FALSE(outcome.selected.empty());
      EXPECT_LE(outcome.total_cost, instance.budget());
      const auto report = verify_outcome(instance, profile, outcome, options);
      ASSERT_TRUE(report.ok());
      EXPECT_TRUE(report->ok) << (report->findings.empty() ? "" : report->findings.front());
    }
  }
}

}  // namespace
}  // namespace covalue::core::rules
