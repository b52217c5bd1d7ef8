#pragma once

#include <string>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/outcome.hpp"

namespace covalue::cli {

//! A text table of one outcome: each selected project with its cost and approvals, then the totals.
[[nodiscard]] std::string outcome_table(const core::Instance& instance, const core::ApprovalProfile& profile,
                                        const core::Outcome& outcome);

//! One labelled column per outcome, one row per project: which rule selected what, side by side.
[[nodiscard]] std::string side_by_side_table(const core::Instance& instance, const core::ApprovalProfile& profile,
                                             const std::vector<std::string>& labels,
                                             const std::vector<core::Outcome>& outcomes);

}  // namespace covalue::cli
