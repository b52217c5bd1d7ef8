#include <gtest/gtest.h>

#include "covalue/core/rational.hpp"

namespace covalue::core {
namespace {

TEST(Rational, ParsesIntegersDecimalsAndFractions) {
  EXPECT_EQ(*parse_rational("12"), Rational(12));
  EXPECT_EQ(*parse_rational("-3"), Rational(-3));
  EXPECT_EQ(*parse_rational("12.5"), Rational(25, 2));
  EXPECT_EQ(*parse_rational("12,5"), Rational(25, 2));
  EXPECT_EQ(*parse_rational(".25"), Rational(1, 4));
  EXPECT_EQ(*parse_rational("7/21"), Rational(1, 3));
  EXPECT_EQ(*parse_rational("1e3"), Rational(1000));
  EXPECT_EQ(*parse_rational("0010"), Rational(10));  // leading zeros are decimal, not octal
  EXPECT_EQ(*parse_rational("010/07"), Rational(10, 7));
  EXPECT_EQ(*parse_rational("15e-1"), Rational(3, 2));
  EXPECT_EQ(*parse_rational(" 4 "), Rational(4));
}

TEST(Rational, RejectsWhatIsNotANumber) {
  for (const char* text : {"", "-", "abc", "1.2.3", "1/0", "1/-2", "12a", ".", "1e", "--1", "1,2,3"}) {
    const auto parsed = parse_rational(text);
    EXPECT_FALSE(parsed.ok()) << text;
  }
}

TEST(Rational, PrintsCanonicalAndDecimalForms) {
  EXPECT_EQ(to_string(*parse_rational("6/4")), "3/2");
  EXPECT_EQ(to_decimal_string(*parse_rational("6/4")), "1.5");
  EXPECT_EQ(to_decimal_string(Rational(-1, 8)), "-0.125");
  EXPECT_EQ(to_decimal_string(Rational(1, 3)), "1/3");
  EXPECT_EQ(to_decimal_string(Rational(42)), "42");
  EXPECT_EQ(*parse_rational(to_string(Rational(-7, 3))), Rational(-7, 3));
}

}  // namespace
}  // namespace covalue::core
