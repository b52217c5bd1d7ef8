#include <gtest/gtest.h>

#include <vector>

#include "covalue/program/report.hpp"

namespace covalue::program {
namespace {

using core::Rational;

Rational ratio(long numerator, long denominator) { return Rational(numerator) / Rational(denominator); }

TEST(Gini, EmptyAndAllZeroAreZero) {
  EXPECT_EQ(gini({}), 0);
  EXPECT_EQ(gini({0, 0, 0}), 0);
}

TEST(Gini, AllEqualIsZero) {
  EXPECT_EQ(gini({5, 5, 5, 5}), 0);
  EXPECT_EQ(gini({-2, -2}), 0);
  EXPECT_EQ(gini({ratio(7, 3)}), 0);
}

TEST(Gini, OneHoldsEverythingIsNMinusOneOverN) {
  EXPECT_EQ(gini({0, 0, 0, 12}), ratio(3, 4));
  EXPECT_EQ(gini({9, 0}), ratio(1, 2));
  EXPECT_EQ(gini({0, 0, 0, 0, ratio(1, 3)}), ratio(4, 5));
}

TEST(Gini, KnownPositiveVector) {
  // 1, 2, 3, 4: sum of |xi - xj| over ordered pairs 20, 2 n (P + N) = 80.
  EXPECT_EQ(gini({4, 1, 3, 2}), ratio(1, 4));
}

TEST(Gini, NegativeValuesUseTheSumOfAbsoluteValues) {
  // -1, 1: ordered pairs 4, 2 n (P + N) = 8.
  EXPECT_EQ(gini({-1, 1}), ratio(1, 2));
  // 8, 7, -3: pairs 1, 11, 10 -> 44 / (2 * 3 * 18).
  EXPECT_EQ(gini({8, 7, -3}), ratio(11, 27));
  // -5, 0, 0: one carries all the loss, like one holding everything.
  EXPECT_EQ(gini({-5, 0, 0}), ratio(2, 3));
}

TEST(Gini, OrderDoesNotMatter) {
  const std::vector<Rational> values{3, -1, ratio(1, 2), 0, 7};
  std::vector<Rational> reversed(values.rbegin(), values.rend());
  EXPECT_EQ(gini(values), gini(reversed));
  EXPECT_GE(gini(values), 0);
  EXPECT_LE(gini(values), 1);
}

}  // namespace
}  // namespace covalue::program
