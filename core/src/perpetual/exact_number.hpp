#pragma once

#include <cstdint>

#include "covalue/core/rational.hpp"

// What the perpetual engine needs of its number type beyond + - * / and comparisons: the nearest double
// (as Python's float(Fraction) rounds: to nearest, ties to even) and an exact comparison with a double.
namespace covalue::core::perpetual::detail {

//! The double nearest to `value` (ties to even), as Python's float(Fraction) gives it.
[[nodiscard]] double nearest_double(const Rational& value);

//! -1, 0 or 1 as the double `left` is below, equal to or above `right`, exactly (left is finite).
[[nodiscard]] int compare_exact(double left, const Rational& right);

//! The exact value (lets the engine's templates read either number type).
[[nodiscard]] inline const Rational& exact_value(const Rational& value) { return value; }

//! Rational never overflows.
[[nodiscard]] inline bool overflowed(const Rational& /*value*/) { return false; }

}  // namespace covalue::core::perpetual::detail
