#pragma once

#include <optional>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/outcome.hpp"
#include "covalue/core/satisfaction.hpp"
#include "covalue/core/tie_breaking.hpp"

namespace covalue::core::rules {

//! Method of Equal Shares: each voter holds budget * weight / total weight (or `voter_budget` per unit
//! of weight); supported zero-cost projects are taken first; then, round by round, the project whose
//! supporters can pay for it at the lowest price per unit of satisfaction (rho) is bought, each
//! supporter paying min(own budget, rho * satisfaction). Projects their supporters can no longer
//! afford are dropped. The outcome carries the payments (priceability certificate) and the trace.
[[nodiscard]] Result<Outcome> equal_shares(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                                           const TieBreaker& ties, TieResolver& resolver,
                                           const std::optional<Rational>& voter_budget = std::nullopt);

//! Iterated MES: voter budgets start at the equal share and grow by `increment` per round until the
//! outcome is exhaustive (no supported project left that fits); if a round's outcome overspends the
//! budget, the previous round's outcome stands.
[[nodiscard]] Result<Outcome> equal_shares_add1(const Instance& instance, const ApprovalProfile& profile,
                                                Satisfaction sat, const TieBreaker& ties, TieResolver& resolver,
                                                const Rational& increment);

}  // namespace covalue::core::rules
