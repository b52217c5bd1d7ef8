#include <algorithm>
#include <cstdint>

#include "covalue/program/report.hpp"

namespace covalue::program {

core::Rational gini(const std::vector<core::Rational>& values) {
  std::vector<core::Rational> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const auto n = static_cast<std::int64_t>(sorted.size());
  core::Rational mass;        // P + N: the sum of the absolute values
  core::Rational half_pairs;  // sum over i < j of x_(j) - x_(i)
  for (std::int64_t i = 0; i < n; ++i) {
    const core::Rational& value = sorted[static_cast<std::size_t>(i)];
    mass += abs(value);
    half_pairs += core::Rational(2 * i - n + 1) * value;
  }
  if (n == 0 || mass == 0) {
    return 0;
  }
  // The ordered pairs sum to 2 * half_pairs; divided by 2 n (P + N).
  return half_pairs / (core::Rational(n) * mass);
}

}  // namespace covalue::program
