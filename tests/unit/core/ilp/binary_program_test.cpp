#include "covalue/core/ilp/binary_program.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

namespace covalue::core::ilp {
namespace {

using Sense = Constraint::Sense;

Constraint row(std::string name, std::vector<Term> terms, Sense sense, Rational rhs) {
  return Constraint{std::move(name), std::move(terms), sense, std::move(rhs)};
}

// maximise 3 x0 + 2 x1 - x2 s.t. budget: 2 x0 + 3/2 x1 + x2 <= 3, cover: x1 + x2 >= 1, pair: x0 - x2 = 0.
BinaryProgram small_program() {
  BinaryProgram p;
  p.var_names = {"a", "b", "c"};
  p.objective = {Rational(3), Rational(2), Rational(-1)};
  p.constraints.push_back(
      row("budget", {{0, Rational(2)}, {1, Rational(3, 2)}, {2, Rational(1)}}, Sense::kLessEqual, Rational(3)));
  p.constraints.push_back(row("cover", {{1, Rational(1)}, {2, Rational(1)}}, Sense::kGreaterEqual, Rational(1)));
  p.constraints.push_back(row("pair", {{0, Rational(1)}, {2, Rational(-1)}}, Sense::kEqual, Rational(0)));
  return p;
}

TEST(SolveStatus, HasStableNames) {
  EXPECT_STREQ(core::name_of(SolveStatus::kOptimal), "optimal");
  EXPECT_STREQ(core::name_of(SolveStatus::kFeasible), "feasible");
  EXPECT_STREQ(core::name_of(SolveStatus::kInfeasible), "infeasible");
  EXPECT_STREQ(core::name_of(SolveStatus::kNoSolutionFound), "no_solution_found");
}

TEST(CheckPoint, AcceptsAFeasiblePoint) {
  const auto p = small_program();
  EXPECT_TRUE(check_point(p, {false, true, false}).ok());
  EXPECT_EQ(objective_value(p, {false, true, false}), Rational(2));
}

TEST(CheckPoint, NamesTheFirstViolatedConstraintWithItsSides) {
  const auto p = small_program();
  const Status status = check_point(p, {true, true, true});  // budget: 2 + 3/2 + 1 = 9/2 > 3
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kInvalidInput);
  const std::string message = status.error().message;
  EXPECT_NE(message.find("'budget'"), std::string::npos) << message;
  EXPECT_NE(message.find("9/2"), std::string::npos) << message;
  EXPECT_NE(message.find("rhs 3"), std::string::npos) << message;
  EXPECT_NE(message.find("3/2"), std::string::npos) << message;  // fails by
}

TEST(CheckPoint, ChecksGreaterEqualAndEqualityExactly) {
  const auto p = small_program();
  const Status cover = check_point(p, {false, false, false});
  ASSERT_FALSE(cover.ok());
  EXPECT_NE(cover.error().message.find("'cover'"), std::string::npos);
  const Status pair = check_point(p, {true, true, false});  // budget 7/2 > 3 comes first
  ASSERT_FALSE(pair.ok());
  EXPECT_NE(pair.error().message.find("'budget'"), std::string::npos);
  const Status equal = check_point(p, {false, false, true});
  ASSERT_FALSE(equal.ok());
  EXPECT_NE(equal.error().message.find("'pair'"), std::string::npos) << equal.error().message;
}

TEST(CheckPoint, RejectsAWrongSizeAndAMissingVariable) {
  auto p = small_program();
  EXPECT_EQ(check_point(p, {true}).error().kind, ErrorKind::kInvalidInput);
  p.constraints.push_back(row("ghost", {{7, Rational(1)}}, Sense::kLessEqual, Rational(1)));
  const Status status = check_point(p, {false, true, false});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("'ghost'"), std::string::npos);
}

TEST(CheckPoint, SmallestViolationIsNotRoundedAway) {
  BinaryProgram p;
  p.objective = {Rational(1)};
  p.constraints.push_back(row("tight", {{0, Rational(1) + Rational(1, 1000000000) * Rational(1, 1000000000)}},
                              Sense::kLessEqual, Rational(1)));
  EXPECT_FALSE(check_point(p, {true}).ok());
  EXPECT_TRUE(check_point(p, {false}).ok());
}

TEST(KnapsackBound, TakesItemsByRatioAndTheLastOneFractionally) {
  // ratios 6, 5, 4: take items 0 and 1 (weights 10 + 20), then 20 of item 2's 30: 60 + 100 + 80.
  const std::vector<Rational> values = {Rational(60), Rational(100), Rational(120)};
  const std::vector<Rational> weights = {Rational(10), Rational(20), Rational(30)};
  EXPECT_EQ(knapsack_relaxation_bound(values, weights, Rational(50)), Rational(240));
  EXPECT_EQ(knapsack_relaxation_bound(values, weights, Rational(100)), Rational(280));
  EXPECT_EQ(knapsack_relaxation_bound(values, weights, Rational(0)), Rational(0));
}

TEST(KnapsackBound, ZeroWeightsWholeNegativeValuesIgnoredExactRatios) {
  const std::vector<Rational> values = {Rational(5), Rational(-7), Rational(1, 3), Rational(2, 7)};
  const std::vector<Rational> weights = {Rational(0), Rational(1), Rational(1), Rational(1, 2)};
  // 5 whole; ratios 1/3 and 4/7: item 3 first (weight 1/2), then 1/2 of item 2: 5 + 2/7 + 1/6.
  EXPECT_EQ(knapsack_relaxation_bound(values, weights, Rational(1)), Rational(5) + Rational(2, 7) + Rational(1, 6));
}

TEST(KnapsackBound, NegativeWeightsAndCapacityStayValid) {
  const std::vector<Rational> values = {Rational(4), Rational(3)};
  const std::vector<Rational> weights = {Rational(-2), Rational(2)};
  // Item 0 is free and frees 2: both fit.
  EXPECT_EQ(knapsack_relaxation_bound(values, weights, Rational(0)), Rational(7));
  EXPECT_EQ(knapsack_relaxation_bound({Rational(3)}, {Rational(1)}, Rational(-1)), Rational(0));
}

// A uniform integer in [low, high): rapidcheck's inRange favours small values at small sizes.
template <typename T>
T pick(T low, T high) {
  return *rc::gen::resize(100, rc::gen::inRange<T>(low, high));
}

RC_GTEST_PROP(KnapsackBoundProperties, BoundsEveryFeasibleSubset, ()) {
  const auto n = pick<std::size_t>(0, 9);
  std::vector<Rational> values;
  std::vector<Rational> weights;
  for (std::size_t i = 0; i < n; ++i) {
    values.emplace_back(pick(-20, 40), pick(1, 5));
    weights.emplace_back(pick(0, 30), pick(1, 4));
    values.back().canonicalize();
    weights.back().canonicalize();
  }
  const Rational capacity(pick(0, 60), 2);
  const Rational bound = knapsack_relaxation_bound(values, weights, capacity);
  Rational best(0);
  Rational sum_positive(0);
  for (const Rational& v : values) {
    sum_positive += sgn(v) > 0 ? v : Rational(0);
  }
  for (std::size_t mask = 0; mask < (std::size_t{1} << n); ++mask) {
    Rational value(0);
    Rational weight(0);
    for (std::size_t i = 0; i < n; ++i) {
      if ((mask >> i) & 1U) {
        value += values[i];
        weight += weights[i];
      }
    }
    if (weight <= capacity && value > best) {
      best = value;
    }
  }
  RC_ASSERT(bound >= best);
  RC_ASSERT(bound <= sum_positive);
}

}  // namespace
}  // namespace covalue::core::ilp
