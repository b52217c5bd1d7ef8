#include "covalue/adapters/cbc/cbc_solver.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "../core/ilp/random_programs.hpp"

namespace covalue::adapters::cbc {
namespace {

using core::Rational;
using core::ilp::BinaryProgram;
using core::ilp::check_point;
using core::ilp::Constraint;
using core::ilp::objective_value;
using core::ilp::SolverAnswer;
using core::ilp::SolverOptions;
using core::ilp::SolveStatus;
using Sense = Constraint::Sense;
using testing::brute_force_optimum;

SolverAnswer solve(const BinaryProgram& p, SolverOptions options = {}) {
  CbcSolver solver;
  auto answer = solver.solve(p, options);
  EXPECT_TRUE(answer.ok()) << answer.error().to_string();
  return answer.ok() ? *answer : SolverAnswer{};
}

// CBC claims optimality: never believed until the exact re-check and the brute force agree.
void expect_exactly_optimal(const BinaryProgram& p, const SolverAnswer& answer) {
  const auto best = brute_force_optimum(p);
  ASSERT_TRUE(best.has_value());
  ASSERT_EQ(answer.status, SolveStatus::kOptimal);
  const auto checked = check_point(p, answer.x);
  ASSERT_TRUE(checked.ok()) << checked.error().to_string();
  EXPECT_EQ(objective_value(p, answer.x), *best);
  EXPECT_GE(answer.best_bound, best->get_d() - 1e-6);
  EXPECT_LE(answer.best_bound, best->get_d() + 1e-6);
}

BinaryProgram knapsack(const std::vector<long>& values, const std::vector<long>& weights, long capacity) {
  BinaryProgram p;
  Constraint row{"capacity", {}, Sense::kLessEqual, Rational(capacity)};
  for (std::size_t i = 0; i < values.size(); ++i) {
    p.var_names.push_back("x" + std::to_string(i));
    p.objective.emplace_back(values[i]);
    row.terms.push_back({static_cast<std::uint32_t>(i), Rational(weights[i])});
  }
  p.constraints.push_back(row);
  return p;
}

TEST(CbcSolver, NamesItselfWithItsVersion) { EXPECT_EQ(CbcSolver().name().rfind("CBC 2.", 0), 0U); }

TEST(CbcSolver, SolvesSmallKnapsacks) {
  const auto p = knapsack({10, 13, 7, 8, 4, 9}, {5, 7, 4, 4, 2, 5}, 14);
  expect_exactly_optimal(p, solve(p));
  const auto q = knapsack({60, 100, 120}, {10, 20, 30}, 50);
  const auto answer = solve(q);
  expect_exactly_optimal(q, answer);
  EXPECT_EQ(answer.x, (std::vector<bool>{false, true, true}));
}

TEST(CbcSolver, SolvesAnAssignmentProblemWithEqualities) {
  // Three partners, three initiatives, each initiative to exactly one partner, each partner at most one.
  const long value[3][3] = {{7, 3, 5}, {6, 8, 2}, {4, 6, 9}};
  BinaryProgram p;
  for (std::uint32_t a = 0; a < 3; ++a) {
    for (std::uint32_t b = 0; b < 3; ++b) {
      p.objective.emplace_back(value[a][b]);
    }
  }
  for (std::uint32_t a = 0; a < 3; ++a) {
    p.constraints.push_back({"partner", {{3 * a, 1}, {3 * a + 1, 1}, {3 * a + 2, 1}}, Sense::kLessEqual, Rational(1)});
    p.constraints.push_back({"initiative", {{a, 1}, {a + 3, 1}, {a + 6, 1}}, Sense::kEqual, Rational(1)});
  }
  const auto answer = solve(p);
  expect_exactly_optimal(p, answer);
  EXPECT_EQ(objective_value(p, answer.x), Rational(24));
}

TEST(CbcSolver, HandlesNegativeCoefficientsAndRationalRows) {
  // maximise x0 + x1 + x2 - 2 x3 s.t. x0/3 + x1/3 + x2/3 - x3/7 <= 1, x0 - x3 >= 0, x1 + x2 - x0 >= -1/2.
  BinaryProgram p;
  p.objective = {Rational(1), Rational(1), Rational(1), Rational(-2)};
  p.constraints.push_back({"thirds",
                           {{0, Rational(1, 3)}, {1, Rational(1, 3)}, {2, Rational(1, 3)}, {3, Rational(-1, 7)}},
                           Sense::kLessEqual,
                           Rational(1)});
  p.constraints.push_back({"link", {{0, Rational(1)}, {3, Rational(-1)}}, Sense::kGreaterEqual, Rational(0)});
  p.constraints.push_back(
      {"mixed", {{1, Rational(1)}, {2, Rational(1)}, {0, Rational(-1)}}, Sense::kGreaterEqual, Rational(-1, 2)});
  const auto answer = solve(p);
  expect_exactly_optimal(p, answer);
  EXPECT_EQ(answer.x, (std::vector<bool>{true, true, true, false}));
}

TEST(CbcSolver, SolvesTheProgramThatCbcPreprocessingGetsWrong) {
  // CBC 2.10.8 with its default integer preprocessing claims x1 = x2 = 1 (value -9) is optimal.
  BinaryProgram p;
  p.objective = {Rational(1), Rational(-10), Rational(1)};
  p.constraints.push_back(
      {"mixed", {{0, Rational(7, 3)}, {1, Rational(-6)}, {2, Rational(5, 4)}}, Sense::kLessEqual, Rational(1)});
  p.constraints.push_back({"pair", {{0, Rational(1, 2)}, {1, Rational(9, 4)}}, Sense::kLessEqual, Rational(5, 2)});
  const auto answer = solve(p);
  expect_exactly_optimal(p, answer);
  EXPECT_EQ(objective_value(p, answer.x), Rational(0));
}

TEST(CbcSolver, ReportsAnInfeasibleProgram) {
  BinaryProgram p;
  p.objective = {Rational(1), Rational(1)};
  p.constraints.push_back({"too much", {{0, Rational(1)}, {1, Rational(1)}}, Sense::kGreaterEqual, Rational(3)});
  const auto answer = solve(p);
  EXPECT_EQ(answer.status, SolveStatus::kInfeasible);
  EXPECT_TRUE(answer.x.empty());
  BinaryProgram odd;
  odd.objective = {Rational(1), Rational(1), Rational(1)};
  odd.constraints.push_back({"even", {{0, 2}, {1, 2}, {2, 2}}, Sense::kEqual, Rational(3)});
  EXPECT_EQ(solve(odd).status, SolveStatus::kInfeasible);
}

TEST(CbcSolver, SolvesProgramsWithoutVariablesOrConstraints) {
  BinaryProgram empty;
  EXPECT_EQ(solve(empty).status, SolveStatus::kOptimal);
  empty.constraints.push_back({"impossible", {}, Sense::kGreaterEqual, Rational(1)});
  EXPECT_EQ(solve(empty).status, SolveStatus::kInfeasible);
  BinaryProgram free;
  free.objective = {Rational(2), Rational(-1), Rational(1, 2)};
  const auto answer = solve(free);
  expect_exactly_optimal(free, answer);
  EXPECT_EQ(answer.x, (std::vector<bool>{true, false, true}));
}

TEST(CbcSolver, RejectsMalformedProgramsAndOptions) {
  BinaryProgram p = knapsack({1, 2}, {1, 1}, 1);
  p.constraints.push_back({"ghost", {{5, Rational(1)}}, Sense::kLessEqual, Rational(1)});
  CbcSolver solver;
  auto answer = solver.solve(p, {});
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().kind, core::ErrorKind::kInvalidInput);
  SolverOptions bad;
  bad.time_limit_seconds = 0;
  EXPECT_EQ(solver.solve(knapsack({1}, {1}, 1), bad).error().kind, core::ErrorKind::kInvalidInput);
  bad = SolverOptions{};
  bad.relative_gap = -0.1;
  EXPECT_EQ(solver.solve(knapsack({1}, {1}, 1), bad).error().kind, core::ErrorKind::kInvalidInput);
}

TEST(CbcSolver, PrintsNothing) {
  const auto p = knapsack({10, 13, 7, 8, 4, 9, 3, 12}, {5, 7, 4, 4, 2, 5, 1, 6}, 17);
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  const auto answer = solve(p);
  const std::string out = ::testing::internal::GetCapturedStdout();
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(answer.status, SolveStatus::kOptimal);
  EXPECT_EQ(out, "");
  EXPECT_EQ(err, "");
}

TEST(CbcSolver, TwoThreadsFindTheSameOptimum) {
  const auto p = knapsack({10, 13, 7, 8, 4, 9, 3, 12, 5, 6}, {5, 7, 4, 4, 2, 5, 1, 6, 3, 3}, 19);
  SolverOptions options;
  options.threads = 2;
  expect_exactly_optimal(p, solve(p, options));
}

}  // namespace
}  // namespace covalue::adapters::cbc
