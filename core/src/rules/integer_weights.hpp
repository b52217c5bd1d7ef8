#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::rules {

//! The profile's integer group weights, with per-project supporter totals, counted in `Int`: int64 when the
//! total fits in 62 bits (the fast path, so that no sum of weights can overflow), GMP integers otherwise (weights
//! whose common denominator grew large, as perpetual weights do cycle after cycle). The rules that count weights
//! (MES, Phragmén) are written once for both and pick the one that fits (with_integer_weights()).
template <class Int>
struct IntegerWeightsOf {
  std::vector<Int> group;    //!< per group
  std::vector<Int> project;  //!< per project: total weight of its supporters
  Int total{0};

  //! The profile's weights in `Int`; kInvalidInput for a negative weight, and (for int64) when the total would
  //! not fit in 62 bits.
  [[nodiscard]] static Result<IntegerWeightsOf> from(const ApprovalProfile& profile);
};

using IntegerWeights = IntegerWeightsOf<std::int64_t>;
using BigWeights = IntegerWeightsOf<Integer>;

//! A count of weight as a double (rounded to nearest); exact for int64 counts up to 2^53.
[[nodiscard]] inline double weight_to_double(std::int64_t n) { return static_cast<double>(n); }
[[nodiscard]] inline double weight_to_double(const Integer& n) { return n.get_d(); }

//! Calls `f` with the profile's weights counted in int64 when they fit, in GMP integers otherwise; a negative
//! weight is kInvalidInput.
template <class F>
auto with_integer_weights(const ApprovalProfile& profile, F&& f) -> decltype(f(std::declval<IntegerWeights>())) {
  if (profile.weights_fit_int64()) {  // IntegerWeights::from succeeds
    auto weights = IntegerWeights::from(profile);
    if (!weights.ok()) {
      return weights.error();
    }
    return f(std::move(weights).value());
  }
  auto weights = BigWeights::from(profile);
  if (!weights.ok()) {
    return weights.error();
  }
  return f(std::move(weights).value());
}

}  // namespace covalue::core::rules
