#pragma once

#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/outcome.hpp"
#include "covalue/core/satisfaction.hpp"
#include "covalue/core/tie_breaking.hpp"

namespace covalue::core::rules {

//! Greedy utilitarian welfare: projects in decreasing order of total satisfaction per unit of cost
//! (zero-cost supported projects first, unsupported ones last), each taken if it still fits.
//! Starts from `initial` (kept, in order), as the greedy completion of another rule does.
[[nodiscard]] Result<Outcome> greedy_welfare(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                                             const TieBreaker& ties, TieResolver& resolver,
                                             const Outcome& initial = {});

}  // namespace covalue::core::rules
