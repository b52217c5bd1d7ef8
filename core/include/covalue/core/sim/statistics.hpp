#pragma once

#include <vector>

namespace covalue::core::sim {

//! A mean with its 95% confidence interval (normal approximation: mean +- 1.96 s / sqrt(n)).
struct Interval {
  double mean{0};
  double low{0};
  double high{0};
  std::size_t n{0};
};

//! The mean of `values` and its 95% interval (the interval is the mean itself when n < 2).
[[nodiscard]] Interval mean_interval(const std::vector<double>& values);

//! A paired comparison of b against a on the same seeds: the mean difference b - a with its 95% interval,
//! the paired t statistic and its two-sided p-value (normal approximation, apt for n >= 30), and how many
//! pairs b won, lost and tied.
struct PairedTest {
  Interval difference;
  double t{0};
  double p_value{1};
  std::size_t wins{0};
  std::size_t losses{0};
  std::size_t ties{0};
};

//! The paired test of b - a; a and b must have the same length (pairs beyond the shorter are ignored).
[[nodiscard]] PairedTest paired_test(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace covalue::core::sim
