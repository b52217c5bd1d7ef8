#include "covalue/core/ilp/exact_search.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "random_programs.hpp"

namespace covalue::core::ilp {
namespace {

using testing::brute_force_optimum;
using testing::describe;
using testing::Magnitudes;
using testing::random_program;
using testing::rc_assert_brute_force_answer;
using Sense = Constraint::Sense;

bool pick_defined() { return testing::pick(0, 2) == 0; }

void expect_matches_brute_force(const BinaryProgram& p) {
  RC_LOG() << describe(p) << "\n";
  Result<ExactSearchResult> result = search_exactly(p);
  RC_ASSERT(result.ok());
  const std::optional<Rational> best = brute_force_optimum(p);
  if (!rc_assert_brute_force_answer(p, result->status, result->x, best, "the exact search")) {
    return;
  }
  RC_ASSERT(result->objective == *best);
  RC_ASSERT(result->bound == *best);
}

RC_GTEST_PROP(ExactSearch, MatchesBruteForceOnSmallNumbers, ()) {
  expect_matches_brute_force(random_program(Magnitudes::kSmall, pick_defined()));
}

RC_GTEST_PROP(ExactSearch, MatchesBruteForceOnExtremeMagnitudes, ()) {
  expect_matches_brute_force(random_program(Magnitudes::kExtreme, pick_defined()));
}

TEST(ExactSearch, SolvesTheProgramThatCbcPreprocessingGetsWrong) {
  // min -x0 + 10 x1 - x2 s.t. 28 x0 - 72 x1 + 15 x2 <= 12, 2 x0 + 9 x1 <= 10: optimum 0.
  BinaryProgram p;
  p.objective = {Rational(1), Rational(-10), Rational(1)};
  p.constraints.push_back({"a", {{0, Rational(28)}, {1, Rational(-72)}, {2, Rational(15)}}, Sense::kLessEqual, 12});
  p.constraints.push_back({"b", {{0, Rational(2)}, {1, Rational(9)}}, Sense::kLessEqual, 10});
  Result<ExactSearchResult> result = search_exactly(p);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, SolveStatus::kOptimal);
  EXPECT_EQ(result->objective, Rational(0));
}

TEST(ExactSearch, ANodeLimitGivesAFeasiblePointAndAValidBound) {
  // A knapsack of 40 items with correlated weights: many nodes to prove.
  BinaryProgram p;
  Constraint capacity{"capacity", {}, Sense::kLessEqual, 0};
  Rational total;
  for (std::uint32_t i = 0; i < 40; ++i) {
    const Rational weight(1000 + (i * 7919) % 9000);
    p.objective.push_back(weight + 100);
    capacity.terms.push_back({i, weight});
    total += weight;
  }
  capacity.rhs = total / 2;
  p.constraints.push_back(capacity);
  Result<ExactSearchResult> limited = search_exactly(p, ExactSearchOptions{1000});
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->status, SolveStatus::kFeasible);
  EXPECT_TRUE(check_point(p, limited->x).ok());
  EXPECT_EQ(limited->objective, objective_value(p, limited->x));
  EXPECT_GE(limited->bound, limited->objective);
  EXPECT_LE(limited->nodes, 1000U);
}

TEST(ExactSearch, ProvesInfeasibilityAndRefusesUnknownVariables) {
  BinaryProgram p;
  p.objective = {Rational(1), Rational(1)};
  p.constraints.push_back({"both", {{0, Rational(1)}, {1, Rational(1)}}, Sense::kGreaterEqual, 3});
  Result<ExactSearchResult> result = search_exactly(p);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, SolveStatus::kInfeasible);
  p.constraints.push_back({"ghost", {{7, Rational(1)}}, Sense::kLessEqual, 1});
  Result<ExactSearchResult> bad = search_exactly(p);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("'ghost'"), std::string::npos);
}

}  // namespace
}  // namespace covalue::core::ilp
