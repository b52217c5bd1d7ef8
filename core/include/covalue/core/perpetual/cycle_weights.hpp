#pragma once

// The perpetual rules generalised to covalue's cycles (docs/perpetual.md, "Several winners and value"):
// several initiatives selected per cycle, and dissatisfaction by value (a member the cycle left below zero
// counts as satisfied by nothing). In the library's setting (one initiative selected, nobody below zero)
// each policy's state after a cycle is exactly its library rule's state after the round, and for the
// additive policies (reset, unitcost, pav, consensus, quota) the member weights make a weighted approval
// count pick the library's winner.

#include <cstdint>
#include <optional>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/perpetual/perpetual_rule.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core::perpetual {

//! A charter's weight policy: which perpetual rule's state sets the members' voting weights.
enum class WeightPolicy { kNone, kReset, kPav, kUnitCost, kConsensus, kQuota, kPhragmen, kNash };

//! "none", "reset", "pav", "unitcost", "consensus", "quota", "phragmen", "nash".
constexpr auto enum_names(WeightPolicy /*tag*/) {
  using enum WeightPolicy;
  return NameTable{"weight policy", std::to_array<EnumName<WeightPolicy>>({{kNone, "none"},
                                                                           {kReset, "reset"},
                                                                           {kPav, "pav"},
                                                                           {kUnitCost, "unitcost"},
                                                                           {kConsensus, "consensus"},
                                                                           {kQuota, "quota"},
                                                                           {kPhragmen, "phragmen"},
                                                                           {kNash, "nash"}})};
}

//! What a member that cast no ballot is to its weight policy (the library's `missing_rule`).
enum class WeightAbsence {
  kIgnore,  //!< left out of the cycle: its state does not change, it does not count in N
  kEmpty,   //!< an empty ballot: counts in N, gets the update of a member satisfied by nothing
};

//! "ignore", "empty".
constexpr auto enum_names(WeightAbsence /*tag*/) {
  using enum WeightAbsence;
  return NameTable{"weight absence", std::to_array<EnumName<WeightAbsence>>({{kIgnore, "ignore"}, {kEmpty, "empty"}})};
}

//! The policy the older boolean `perpetual_weighting` asks for, given the current one: off is none; on keeps
//! a weighting policy, or is reset after none.
[[nodiscard]] constexpr WeightPolicy older_form(bool perpetual_weighting, WeightPolicy current) {
  if (!perpetual_weighting) {
    return WeightPolicy::kNone;
  }
  return current == WeightPolicy::kNone ? WeightPolicy::kReset : current;
}

//! The library rule a policy generalises (none: av, which keeps no state).
[[nodiscard]] PerpetualRule library_rule(WeightPolicy policy);

//! One decided cycle as the weight policies see it; members and candidates by index.
struct CycleRecord {
  std::vector<bool> voted;                            //!< per member: cast a ballot
  std::vector<std::vector<std::uint32_t>> supported;  //!< per member: the candidates it supported
  std::vector<bool> harmed;                           //!< per member: its net value is below zero
  std::vector<std::uint32_t> selected;                //!< the selected candidates, in selection order
};

//! A member's wins in a cycle: how many selected candidates it supported, 0 when the cycle harmed it.
[[nodiscard]] std::int64_t cycle_wins(const CycleRecord& cycle, std::uint32_t member);

//! The state after one cycle (`before` as initial_state(library_rule(policy), members) makes it).
//! P: the members who voted (then, under kEmpty, the others); N = |P|; u: cycle_wins; W: the selected.
//!  - reset: u > 0 -> 1, else +1; unitcost: u > 0 keeps, else +1; pav: x -> x / (1 + u x);
//!  - consensus: each selected c takes N / (|W| k_c) from each of its k_c unharmed supporters of weight
//!    > 0 (weights before the cycle), then every member of P +1;
//!  - nash: s += u; phragmen: the selected, in order, each as a library round among its unharmed
//!    supporters; quota: quota += support / N (support: the most members of P supporting one of the
//!    member's candidates), satisfaction += u.
//! kInvalidInput for a state or record of the wrong shape or a candidate index out of range.
[[nodiscard]] Result<PerpetualState> weights_state_after(WeightPolicy policy, WeightAbsence absence,
                                                         const PerpetualState& before, const CycleRecord& cycle,
                                                         std::uint32_t num_candidates);

//! The members' voting weights (>= 0) from the state before a cycle: none: empty (every weight 1); reset, unitcost, pav
//! the weight; consensus max(0, weight); quota max(0, quota + support/N - satisfaction) with the cycle's `support` and
//! N when given (else quota - satisfaction); nash 1/(1 + s); phragmen 1/(1 + load) (these two are the policies'
//! first-order proxies: their library scores are not sums of weights).
[[nodiscard]] std::vector<Rational> voting_weights(WeightPolicy policy, const PerpetualState& state,
                                                   const std::optional<std::vector<std::int64_t>>& support = {},
                                                   std::int64_t participants = 0);

}  // namespace covalue::core::perpetual
