#pragma once

#include <cstddef>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/outcome.hpp"
#include "covalue/core/satisfaction.hpp"
#include "covalue/core/tie_breaking.hpp"

namespace covalue::core::rules {

//! Maximum utilitarian welfare, exact: a selection within budget maximising the total satisfaction.
//! Resolute (`all_optimal` false): one optimal selection, ties between optimal selections broken by
//! the TieBreaker (or refused). With `all_optimal`: every optimal selection, up to `max_outcomes`
//! (kTimeLimit past that). Each outcome carries a WelfareCertificate proving optimality.
[[nodiscard]] Result<std::vector<Outcome>> max_welfare(const Instance& instance, const ApprovalProfile& profile,
                                                       Satisfaction sat, const TieBreaker& ties, bool all_optimal,
                                                       std::size_t max_outcomes);

}  // namespace covalue::core::rules
