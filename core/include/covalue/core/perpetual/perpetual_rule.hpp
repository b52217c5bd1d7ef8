#pragma once

// The perpetual voting rules of Lackner ("Perpetual Voting: Fairness in Long-Term Decision Making",
// AAAI 2020) as its reference library (martinlackner/perpetual) defines them: one winner per round from
// approval ballots, each voter carrying a state (a weight, a satisfaction, a load, a quota) from round to
// round. Exact rationals throughout; per_quota_new alone reproduces the library's double-precision
// epsilon (docs/perpetual.md). Ties go to the smallest candidate index; every tied candidate is listed.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::perpetual {

//! A perpetual rule of the reference library (approval voting, `av`, keeps no state).
enum class PerpetualRule {
  kAv,
  kPav,
  kReset,
  kUnitCost,
  kConsensus,
  kNash,
  kPhragmen,
  kQuota,
  kQuotaNew,
};

//! The library's names ("per_pav", ...).
constexpr auto enum_names(PerpetualRule /*tag*/) {
  using enum PerpetualRule;
  return NameTable{"perpetual rule", std::to_array<EnumName<PerpetualRule>>({{kAv, "av"},
                                                                             {kPav, "per_pav"},
                                                                             {kReset, "per_reset"},
                                                                             {kUnitCost, "per_unitcost"},
                                                                             {kConsensus, "per_consensus"},
                                                                             {kNash, "per_nash"},
                                                                             {kPhragmen, "per_phragmen"},
                                                                             {kQuota, "per_quota"},
                                                                             {kQuotaNew, "per_quota_new"}})};
}

//! What an absent voter is (the library's `missing_rule`).
enum class AbsenceMode {
  kStrict,  //!< the library's default (null): every voter must be present with a non-empty ballot
  kEmpty,   //!< an absent voter takes part with an empty ballot (counts in N, gets the non-approver update)
  kIgnore,  //!< an absent voter is left out of the round: no score, not in N, its state unchanged
};

//! "strict" (the library's null), "empty", "ignore".
constexpr auto enum_names(AbsenceMode /*tag*/) {
  using enum AbsenceMode;
  return NameTable{"absence mode",
                   std::to_array<EnumName<AbsenceMode>>({{kStrict, "strict"}, {kEmpty, "empty"}, {kIgnore, "ignore"}})};
}

//! One round's ballots: voter v approves approvals[v] (candidate indices below num_candidates);
//! present[v] false marks an absent voter (its approvals are ignored).
struct RoundBallots {
  std::uint32_t num_candidates{0};
  std::vector<std::vector<std::uint32_t>> approvals;
  std::vector<bool> present;
};

//! The per-voter state of a rule: one vector (indexed by voter) per quantity of quantity_names(rule).
struct PerpetualState {
  std::vector<std::vector<Rational>> quantities;

  bool operator==(const PerpetualState&) const = default;
};

//! The names of the quantities a rule keeps, in the order of PerpetualState::quantities: {} for av,
//! {"weight"} (per_pav, per_reset, per_unitcost, per_consensus), {"satisfaction"} (per_nash), {"load"}
//! (per_phragmen), {"quota", "satisfaction"} (per_quota, per_quota_new).
[[nodiscard]] std::vector<std::string_view> quantity_names(PerpetualRule rule);

//! The state before the first round (the library's init_weights): weights 1, everything else 0.
[[nodiscard]] PerpetualState initial_state(PerpetualRule rule, std::size_t num_voters);

//! One round decided: the winner (the first of `tied`), every candidate with the best score, and the
//! state after the round.
struct RoundDecision {
  std::uint32_t winner{0};
  std::vector<std::uint32_t> tied;
  PerpetualState state;
};

//! Decides one round from the state before it. kInvalidInput (naming the voter or candidate) for a
//! candidate out of range, a state of the wrong shape, no voter taking part, or, under kStrict, an
//! absent voter or an empty ballot.
[[nodiscard]] Result<RoundDecision> decide_round(PerpetualRule rule, AbsenceMode absence, const RoundBallots& ballots,
                                                 const PerpetualState& before);

//! A whole history decided round after round from initial_state.
struct HistoryDecision {
  std::vector<std::uint32_t> winners;            //!< per round
  std::vector<std::vector<std::uint32_t>> tied;  //!< per round
  std::vector<PerpetualState> states;            //!< per round, after it
};

//! Decides every round of a history (all rounds with the same number of voters); the error's `where`
//! names the round ("round 3: ...").
[[nodiscard]] Result<HistoryDecision> decide_history(PerpetualRule rule, AbsenceMode absence,
                                                     const std::vector<RoundBallots>& rounds);

}  // namespace covalue::core::perpetual
