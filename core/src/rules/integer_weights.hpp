#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::rules {

//! The profile's integer group weights as int64, with per-project supporter totals; fails when a
//! total would not fit in 62 bits (weights that large are a caller's mistake).
struct IntegerWeights {
  std::vector<std::int64_t> group;    //!< per group
  std::vector<std::int64_t> project;  //!< per project: total weight of its supporters
  std::int64_t total{0};

  [[nodiscard]] static Result<IntegerWeights> from(const ApprovalProfile& profile);
};

}  // namespace covalue::core::rules
