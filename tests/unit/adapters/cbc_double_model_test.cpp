#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "covalue/adapters/cbc/double_model.hpp"

namespace covalue::adapters::cbc {
namespace {

using core::Rational;
using core::ilp::BinaryProgram;
using core::ilp::Constraint;
using Sense = Constraint::Sense;

BinaryProgram three_vars() {
  BinaryProgram p;
  p.objective = {Rational(1, 3), Rational(1, 6), Rational(0)};
  return p;
}

TEST(CbcDoubleModel, ScalesRowsToCoprimeIntegers) {
  auto p = three_vars();
  p.constraints.push_back({"thirds", {{0, Rational(1, 3)}, {1, Rational(1, 6)}}, Sense::kLessEqual, Rational(1, 3)});
  p.constraints.push_back({"even", {{0, Rational(4)}, {2, Rational(6)}}, Sense::kGreaterEqual, Rational(10)});
  auto m = to_double_model(p);
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  ASSERT_EQ(m->rows.size(), 2U);
  EXPECT_EQ(m->rows[0].values, (std::vector<double>{2, 1}));
  EXPECT_EQ(m->rows[0].upper, 2);
  EXPECT_TRUE(std::isinf(m->rows[0].lower) && m->rows[0].lower < 0);
  EXPECT_EQ(m->rows[1].indices, (std::vector<int>{0, 2}));
  EXPECT_EQ(m->rows[1].values, (std::vector<double>{2, 3}));
  EXPECT_EQ(m->rows[1].lower, 5);
  EXPECT_TRUE(std::isinf(m->rows[1].upper) && m->rows[1].upper > 0);
  EXPECT_TRUE(m->rows[0].exact && m->rows[1].exact);
}

TEST(CbcDoubleModel, ScalesTheObjectiveAndRecordsTheFactor) {
  auto m = to_double_model(three_vars());
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->objective, (std::vector<double>{2, 1, 0}));
  EXPECT_EQ(m->objective_scale, Rational(6));
  EXPECT_TRUE(m->objective_exact);
}

TEST(CbcDoubleModel, MergesRepeatedVariablesAndDropsZeros) {
  auto p = three_vars();
  p.constraints.push_back(
      {"merge", {{2, Rational(1)}, {0, Rational(2)}, {2, Rational(2)}, {1, Rational(0)}}, Sense::kEqual, Rational(3)});
  auto m = to_double_model(p);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->rows[0].indices, (std::vector<int>{0, 2}));
  EXPECT_EQ(m->rows[0].values, (std::vector<double>{2, 3}));
  EXPECT_EQ(m->rows[0].lower, 3);
  EXPECT_EQ(m->rows[0].upper, 3);
}

TEST(CbcDoubleModel, ScalesByAPowerOfTwoWhenIntegersDoNotFit) {
  // Four primes near 10^6 as denominators: the row in integers needs about 10^18 (over 2^53).
  auto p = three_vars();
  p.constraints.push_back({"primes",
                           {{0, Rational(1, 1000003)}, {1, Rational(1, 1000033)}, {2, Rational(1, 1000037)}},
                           Sense::kLessEqual,
                           Rational(2, 1000039)});
  auto m = to_double_model(p);
  ASSERT_TRUE(m.ok());
  EXPECT_FALSE(m->rows[0].exact);
  // Times 2^18, which brings the largest magnitude near 1 (the scale is exact; only the doubles round).
  EXPECT_DOUBLE_EQ(m->rows[0].values[0], 262144.0 / 1000003);
  EXPECT_DOUBLE_EQ(m->rows[0].values[2], 262144.0 / 1000037);
  EXPECT_DOUBLE_EQ(m->rows[0].upper, 2 * 262144.0 / 1000039);
  EXPECT_TRUE(m->untrusted.empty());
}

TEST(CbcDoubleModel, MarksRowsAndObjectivesThatSpreadTooFarForTheSolver) {
  auto p = three_vars();
  p.constraints.push_back({"wide", {{0, Rational(1, 1000000)}, {1, Rational(1000000000)}}, Sense::kLessEqual, 1});
  auto m = to_double_model(p);
  ASSERT_TRUE(m.ok());
  EXPECT_NE(m->untrusted.find("constraint 'wide' has numbers from 1e-06 to 1e+09"), std::string::npos) << m->untrusted;
  auto q = three_vars();
  Rational huge;
  mpz_ui_pow_ui(huge.get_num_mpz_t(), 10, 26);
  q.objective[1] = huge;
  auto objective = to_double_model(q);
  ASSERT_TRUE(objective.ok());
  EXPECT_NE(objective->untrusted.find("the objective"), std::string::npos) << objective->untrusted;
  // Within 2^30 of each other: trusted.
  auto r = three_vars();
  r.constraints.push_back({"fine", {{0, Rational(1, 1000)}, {1, Rational(1000000)}}, Sense::kLessEqual, 7});
  EXPECT_TRUE(to_double_model(r)->untrusted.empty());
}

TEST(CbcDoubleModel, LeavesOutConstraintsNoPointCanViolate) {
  auto p = three_vars();
  p.constraints.push_back({"loose", {{0, Rational(1)}, {1, Rational(1)}}, Sense::kLessEqual, Rational(2)});
  p.constraints.push_back({"tight", {{0, Rational(1)}, {1, Rational(1)}}, Sense::kLessEqual, Rational(1)});
  p.constraints.push_back(
      {"negative", {{0, Rational(-1)}, {2, Rational(-1, 2)}}, Sense::kGreaterEqual, Rational(-3, 2)});
  p.constraints.push_back({"impossible", {}, Sense::kGreaterEqual, Rational(1)});
  p.constraints.push_back({"equal", {{0, Rational(1)}}, Sense::kEqual, Rational(0)});
  auto m = to_double_model(p);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->rows.size(), 3U);
  EXPECT_EQ(m->rows[0].constraint, 1U);
  EXPECT_EQ(m->rows[1].constraint, 3U);
  EXPECT_TRUE(m->rows[1].indices.empty());
  EXPECT_EQ(m->rows[1].lower, 1);
  EXPECT_EQ(m->rows[2].constraint, 4U);
}

TEST(CbcDoubleModel, RejectsAVariableOutOfRange) {
  auto p = three_vars();
  p.constraints.push_back({"ghost", {{3, Rational(1)}}, Sense::kLessEqual, Rational(1)});
  auto m = to_double_model(p);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_NE(m.error().message.find("'ghost'"), std::string::npos);
}

}  // namespace
}  // namespace covalue::adapters::cbc
