#include "covalue/core/sim/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace covalue::core::sim {
namespace {

constexpr double kZ95 = 1.959963984540054;

}  // namespace

Interval mean_interval(const std::vector<double>& values) {
  Interval out;
  out.n = values.size();
  if (values.empty()) {
    return out;
  }
  double sum = 0;
  for (const double v : values) {
    sum += v;
  }
  const auto n = static_cast<double>(values.size());
  out.mean = sum / n;
  double squares = 0;
  for (const double v : values) {
    squares += (v - out.mean) * (v - out.mean);
  }
  const double half = values.size() < 2 ? 0 : kZ95 * std::sqrt(squares / (n - 1) / n);
  out.low = out.mean - half;
  out.high = out.mean + half;
  return out;
}

PairedTest paired_test(const std::vector<double>& a, const std::vector<double>& b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::vector<double> diff(n);
  PairedTest out;
  for (std::size_t i = 0; i < n; ++i) {
    diff[i] = b[i] - a[i];
    out.wins += diff[i] > 0 ? 1 : 0;
    out.losses += diff[i] < 0 ? 1 : 0;
    out.ties += diff[i] == 0 ? 1 : 0;
  }
  out.difference = mean_interval(diff);
  const double se = (out.difference.high - out.difference.mean) / kZ95;
  if (se > 0) {
    out.t = out.difference.mean / se;
    out.p_value = std::erfc(std::abs(out.t) / std::numbers::sqrt2);
  } else {
    out.p_value = out.difference.mean == 0 ? 1 : 0;
  }
  return out;
}

}  // namespace covalue::core::sim
