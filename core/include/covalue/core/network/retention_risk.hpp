#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/network/cycle_outcome.hpp"
#include "covalue/core/network/ids.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core::network {

//! The retention-risk score's factors, in the order the engagement report lists its reasons.
enum class RiskFactor { kMissedBallots, kDrySpell, kNegativeNetValue, kSelection, kDeoptShare, kLeadership };

//! The cycles a retention-risk score looks back over: a member's last closed cycles as a member.
inline constexpr std::size_t kRiskWindow = 3;

//! What a member's window of closed cycles says about it.
struct RiskWindow {
  std::int64_t cycles{0};              //!< closed cycles in the window (at most kRiskWindow)
  std::int64_t missed{0};              //!< of which it cast no ballot in
  std::int64_t supported{0};           //!< initiatives it supported in the window
  std::int64_t supported_selected{0};  //!< ... of which were selected
  std::int64_t over_share{0};          //!< cycles with its de-optimisation share above the charter's
  std::int64_t own_leads{0};           //!< initiatives it led in the window
  std::int64_t all_leads{0};           //!< initiatives anyone led in the window

  //! Adds another cycle's figures.
  RiskWindow& operator+=(const RiskWindow& other);
};

//! One closed cycle's figures for `partner` (cycles 1; missed is left 0: the ballot is the caller's to
//! know): its supported and selected initiatives, whether its share of the cycle's de-optimisation was
//! above `policy_share`, and the leads.
[[nodiscard]] RiskWindow risk_window_of(const CycleOutcome& outcome, PartnerId partner, const Rational& policy_share);

//! One factor's points.
struct RiskContribution {
  RiskFactor factor{RiskFactor::kMissedBallots};
  Rational points;
};

//! The retention-risk score of a member (0-100), factor by factor (only those that contribute):
//!   25 x missed / cycles; 25 x min(dry spell, k) / k when the dry spell is > 0; 15 when the cumulative
//!   net value is negative; 15 x (supported - selected) / supported when fewer than half were selected;
//!   10 x over_share / cycles; 10 when it led nothing in the window while others led.
//! The engagement report (program/) and the network simulator (core/sim) both score with it.
[[nodiscard]] std::vector<RiskContribution> retention_risk(const RiskWindow& window, std::int64_t dry_spell,
                                                           const Rational& cumulative_net_value,
                                                           std::int64_t max_dry_spell);

//! The sum of the contributions' points.
[[nodiscard]] Rational risk_points(const std::vector<RiskContribution>& contributions);

}  // namespace covalue::core::network
