// CBC against brute force on random small programs, and honest statuses under a time limit.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <chrono>
#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "../core/ilp/random_programs.hpp"
#include "covalue/adapters/cbc/cbc_solver.hpp"

namespace covalue::adapters::cbc {
namespace {

using core::Rational;
using core::ilp::BinaryProgram;
using core::ilp::check_point;
using core::ilp::Constraint;
using core::ilp::objective_value;
using core::ilp::SolverOptions;
using core::ilp::SolveStatus;
using Sense = Constraint::Sense;
using testing::brute_force_optimum;
using testing::describe;
using testing::random_program;
using testing::rc_assert_brute_force_answer;

RC_GTEST_PROP(CbcSolverProperties, OptimalAnswersMatchBruteForceExactly, ()) {
  const BinaryProgram p = random_program();
  RC_LOG() << describe(p) << "\n";
  CbcSolver solver;
  auto answer = solver.solve(p, SolverOptions{});
  RC_ASSERT(answer.ok());
  const auto best = brute_force_optimum(p);
  if (rc_assert_brute_force_answer(p, answer->status, answer->x, best, "CBC")) {
    RC_ASSERT(answer->best_bound >= best->get_d() - 1e-6);
  }
}

// A multi-dimensional knapsack with strongly correlated weights: quick to find points, slow to prove.
BinaryProgram hard_knapsack(std::size_t n, std::size_t rows, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> weight(1000, 9999);
  BinaryProgram p;
  std::vector<Constraint> constraints(rows);
  std::vector<long> first(n);
  for (std::size_t r = 0; r < rows; ++r) {
    constraints[r] = Constraint{"row" + std::to_string(r), {}, Sense::kLessEqual, Rational(0)};
    long total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const long w = weight(random);
      first[i] = r == 0 ? w : first[i];
      total += w;
      constraints[r].terms.push_back({static_cast<std::uint32_t>(i), Rational(w)});
    }
    constraints[r].rhs = Rational(total / 2);
  }
  for (std::size_t i = 0; i < n; ++i) {
    p.objective.emplace_back(first[i] + 100);
  }
  p.constraints = std::move(constraints);
  return p;
}

TEST(CbcSolverLimits, ATimeLimitGivesAnHonestFeasibleOrNoSolution) {
  const BinaryProgram p = hard_knapsack(400, 20, 7);
  SolverOptions options;
  options.time_limit_seconds = 0.3;
  CbcSolver solver;
  const auto start = std::chrono::steady_clock::now();
  auto answer = solver.solve(p, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(answer.ok()) << answer.error().to_string();
  EXPECT_LT(seconds, 5.0);
  EXPECT_TRUE(answer->status == SolveStatus::kFeasible || answer->status == SolveStatus::kNoSolutionFound)
      << core::name_of(answer->status);
  if (answer->status == SolveStatus::kFeasible) {
    const auto checked = check_point(p, answer->x);
    ASSERT_TRUE(checked.ok()) << checked.error().to_string();
    EXPECT_GE(answer->best_bound, objective_value(p, answer->x).get_d() - 1e-6);
  } else {
    EXPECT_TRUE(answer->x.empty());
  }
}

TEST(CbcSolverLimits, StoppingOnTheRelativeGapIsFeasibleWithABoundWithinTheGap) {
  const BinaryProgram p = hard_knapsack(400, 20, 7);
  SolverOptions options;
  options.relative_gap = 0.001;
  auto answer = CbcSolver().solve(p, options);
  ASSERT_TRUE(answer.ok());
  ASSERT_TRUE(answer->status == SolveStatus::kFeasible || answer->status == SolveStatus::kOptimal);
  ASSERT_TRUE(check_point(p, answer->x).ok());
  const double value = objective_value(p, answer->x).get_d();
  EXPECT_GE(answer->best_bound, value);
  EXPECT_LE(answer->best_bound - value, 0.001 * answer->best_bound + 1e-6);
  if (answer->status == SolveStatus::kOptimal) {
    EXPECT_NEAR(answer->best_bound, value, 1e-6);
  }
}

TEST(CbcSolverLimits, AnEqualityKnapsackWithoutPointsFoundIsNoSolutionNotInfeasible) {
  // Market-split style: equalities at half the row sums; hard to find a point and hard to refute.
  BinaryProgram p = hard_knapsack(60, 4, 11);
  for (auto& row : p.constraints) {
    row.sense = Sense::kEqual;
  }
  SolverOptions options;
  options.time_limit_seconds = 0.3;
  auto answer = CbcSolver().solve(p, options);
  ASSERT_TRUE(answer.ok());
  // Neither a point nor a proof in 0.3 s (nor in 3 s on the development machine).
  EXPECT_EQ(answer->status, SolveStatus::kNoSolutionFound) << core::name_of(answer->status);
  EXPECT_TRUE(answer->x.empty());
  EXPECT_TRUE(std::isfinite(answer->best_bound));
}

}  // namespace
}  // namespace covalue::adapters::cbc
