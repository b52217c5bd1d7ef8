#pragma once

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/outcome.hpp"
#include "covalue/core/tie_breaking.hpp"

namespace covalue::core::rules {

//! Sequential Phragmén: voters earn money continuously; the project whose supporters can first pay
//! for it (smallest new maximal load) is bought; the rule stops at the first best project that does
//! not fit the budget (no skipping). Projects costing more than the budget are never candidates.
[[nodiscard]] Result<Outcome> sequential_phragmen(const Instance& instance, const ApprovalProfile& profile,
                                                  const TieBreaker& ties, TieResolver& resolver);

}  // namespace covalue::core::rules
