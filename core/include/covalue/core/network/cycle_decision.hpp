#pragma once

#include <cstdint>
#include <vector>

#include "covalue/core/games/shapley.hpp"
#include "covalue/core/ilp/binary_program.hpp"
#include "covalue/core/ilp/exact_search.hpp"
#include "covalue/core/network/charter.hpp"
#include "covalue/core/network/cycle.hpp"
#include "covalue/core/network/cycle_outcome.hpp"
#include "covalue/core/network/initiative.hpp"
#include "covalue/core/network/partner.hpp"
#include "covalue/core/network/partner_ballot.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::network {

//! What a partner brings into a cycle from the cycles before it.
struct PartnerStanding {
  PartnerId partner{0};
  std::int64_t dry_spell{0};      //!< consecutive dry cycles just before this one
  std::int64_t current_leads{0};  //!< initiatives it leads that are selected or in progress
  std::int64_t past_leads{0};     //!< initiatives it has led in all earlier cycles
  //! Its weight policy's quantities after the last cycle decided under the charter's policy (empty: the
  //! policy's start; unused by reset and none).
  std::vector<Rational> perpetual_state;

  bool operator==(const PartnerStanding&) const = default;
};

//! Everything the decision of one cycle depends on.
struct CycleInput {
  Charter charter;
  Cycle cycle;
  std::vector<Partner> members;           //!< partners that are members during the cycle
  std::vector<Initiative> candidates;     //!< initiatives up for decision
  std::vector<PartnerBallot> ballots;     //!< at most one per member
  std::vector<PartnerStanding> standing;  //!< per member; a member without one starts from zero
};

//! The outside help a decision may need, handed in by the caller.
struct DecisionTools {
  ilp::BinarySolver* solver{nullptr};  //!< the network-fair rule's solver (without one, the exact search solves)
  ilp::SolverOptions solver_options;
  ilp::ExactSearchOptions exact_search;  //!< for the network-fair models the solver cannot be trusted with
  //! Network-fair: for how many rejected initiatives (highest network value per unit of cost first) the
  //! value their inclusion would forgo is computed, at one more solve each: at most this many, and at
  //! most 1000 / (the model's variables), at least 1, so large cycles stay fast. Each solve is limited
  //! to 2 s of the solver and 200,000 nodes of the exact search; beyond, the value found is an upper
  //! bound, said so.
  std::size_t forgone_solves{5};
  games::ShapleyOptions shapley;
};

//! Closes a cycle: one deterministic, explained decision.
//!
//!  1. Weights (Perpetual Reset, Lackner 2020, "Perpetual Voting: Fairness in Long-Term Decision
//!     Making", AAAI): with perpetual weighting on, a member's voting weight is 1 + its dry spell, so
//!     each consecutive cycle in which it was de-optimised or got nothing it asked for adds one unit of
//!     weight, and a satisfying cycle resets it to 1. Under MES the weight is the member's share of the
//!     cycle's budget.
//!  2. Eligibility: an initiative costing more than the capacity, or whose estimated network value
//!     (over members) is negative, is never selected: network benefit first.
//!  3. Selection under capacity by the charter's rule: MES (cost utilities, greedy completion),
//!     sequential Phragmén, greedy approval, or network-fair (an ILP maximising the network value
//!     under the fairness policy, solved by `tools.solver` and re-checked exactly; when the solver
//!     cannot be trusted with the numbers, fails, or its answer fails the re-check, covalue's exact
//!     search solves it instead, so a close never depends on floating-point luck).
//!  4. Sharing: transfers by the sharing policy (games::share_value); they sum to exactly zero.
//!  5. Objections: an objected initiative stays selected only if the objector's transfer covers
//!     what the initiative costs it (transfer >= sum of its losses from its objected selections),
//!     i.e. the objector ends at least as well off as without them. Otherwise the objector's most
//!     harmful objected initiative is excluded and steps 3-5 run again.
//!  6. Leads: volunteers first, then rotation towards partners who led least, within the
//!     concurrent-lead limit (an optimal assignment).
//!  7. Dry spells: a cycle is dry for a member whose net value is negative, or who supported
//!     initiatives and got none of them.
//! Errors: kInvalidInput (a ballot from a non-member, an entry for a non-candidate), kTimeLimit (the
//! network-fair model unsolved by both the solver and the exact search within their limits).
[[nodiscard]] Result<CycleOutcome> decide_cycle(const CycleInput& input, const DecisionTools& tools);

}  // namespace covalue::core::network
