#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/network/ids.hpp"
#include "covalue/core/network/vocabulary.hpp"
#include "covalue/core/outcome.hpp"
#include "covalue/core/perpetual/cycle_weights.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core::network {

//! Why an initiative was or was not selected.
enum class DecisionReason {
  kSelected,              //!< chosen by the rule
  kSelectedObjectionMet,  //!< chosen although objected to: transfers make every objector whole
  kNotChosen,             //!< the rule did not choose it within the capacity (carried over)
  kNegativeNetworkValue,  //!< its estimated network value is negative: network benefit first
  kObjection,             //!< an objector would not be made whole
  kExceedsCapacity,       //!< costs more than the cycle's capacity
};

//! The names of decision reason values.
constexpr auto enum_names(DecisionReason /*tag*/) {
  using enum DecisionReason;
  return core::NameTable{"decision reason", std::to_array<core::EnumName<DecisionReason>>(
                                                {{kSelected, "selected"},
                                                 {kSelectedObjectionMet, "selected_objection_met"},
                                                 {kNotChosen, "not_chosen"},
                                                 {kNegativeNetworkValue, "negative_network_value"},
                                                 {kObjection, "objection"},
                                                 {kExceedsCapacity, "exceeds_capacity"}})};
}

//! The decision on one initiative, with its reason in words.
struct InitiativeDecision {
  InitiativeId initiative{0};
  bool selected{false};
  DecisionReason reason{DecisionReason::kNotChosen};
  std::string explanation;
  //! Not chosen: the constraints that keep it out, by stable keys. Under network-fair, the rules that adding
  //! it to the selection would break: "capacity", "deopt_share:ID" (partner ID's share of the
  //! de-optimisation), "protected_net_value:ID" (protected partner ID would end below zero); under the other
  //! rules "capacity" (it did not fit what was left), "support" (nobody supported it) or "rule" (the rule's
  //! own stopping point). The explanation says the same in words.
  std::vector<std::string> binding;
  //! Network-fair: how much less the best selection that includes it is worth (computed for the
  //! DecisionTools::forgone_solves rejected initiatives of highest network value per unit of cost; an upper
  //! bound when that solve stopped on its limit, which the explanation says).
  std::optional<Rational> value_forgone;

  bool operator==(const InitiativeDecision&) const = default;
};

//! One partner's position after the cycle's decision.
struct PartnerResult {
  PartnerId partner{0};
  Rational weight{1};         //!< voting weight this cycle (perpetual weighting)
  Rational estimated_value;   //!< sum of its impacts over the selected initiatives
  Rational deoptimisation;    //!< sum of its negative impacts over the selected initiatives, as a positive number
  Rational transfer;          //!< side payment received (negative: paid)
  Rational net_value;         //!< estimated_value + transfer
  Rational allocation;        //!< its share under the sharing policy (Shapley value, proportional share)
  std::int64_t supported{0};  //!< initiatives its ballot supported
  std::int64_t supported_selected{0};  //!< ... of which were selected
  bool voted{false};
  bool dry{false};                //!< this cycle counts towards its dry spell
  std::int64_t dry_spell{0};      //!< consecutive dry cycles up to and including this one
  bool protected_partner{false};  //!< its dry spell had reached k when the cycle closed
  //! Its weight policy's quantities after this cycle (perpetual::quantity_names of the policy's library
  //! rule); empty under reset and none.
  std::vector<Rational> perpetual_state;

  bool operator==(const PartnerResult&) const = default;
};

//! Who leads a selected initiative.
struct LeadAssignment {
  InitiativeId initiative{0};
  std::optional<PartnerId> lead;  //!< empty when no partner had a free lead slot
  bool volunteer{false};

  bool operator==(const LeadAssignment&) const = default;
};

//! How the sharing was computed and whether it is stable.
struct SharingReport {
  SharingPolicy policy{SharingPolicy::kNone};
  std::string method;    //!< "exact", "sampled", "proportional", "none"
  Rational error_bound;  //!< sampled: half-width of the 99% confidence interval, relative (0 when exact)
  std::uint64_t samples{0};
  std::string in_core;                        //!< "yes", "no", "unknown"
  std::vector<PartnerId> blocking_coalition;  //!< a coalition that would do better alone, when in_core == "no"

  bool operator==(const SharingReport&) const = default;
};

//! Proof data of a network-fair selection: who solved it, the claim and its exact re-check.
struct NetworkFairCertificate {
  std::string status;     //!< "optimal" (proven) or "feasible" (a limit stopped the search; see gap)
  Rational objective;     //!< exact network value of the selection (the penalties of unmet support included)
  Rational solver_bound;  //!< the solver's own bound on the best objective (a double solver's, read exactly)
  Rational proven_bound;  //!< a bound proven exactly by covalue: the capacity relaxation, or the exact search's
  Rational gap;           //!< max(0, min(solver_bound, proven_bound) - objective): how far from optimal at most
  std::uint64_t nodes{0};
  bool rechecked{false};  //!< every constraint was re-checked exactly on the answer
  std::string solver;     //!< "CBC 2.10.8", or "covalue exact search"
  std::string note;       //!< why the exact search solved it instead of the solver (empty otherwise)

  bool operator==(const NetworkFairCertificate&) const = default;
};

//! How much the partners agree: their consensus ranking of the candidates and its strength.
//! Every ballot is read as a ranking: ranks as given, scores and points highest first, approvals
//! above the rest; candidates a ballot leaves out are tied last. Ballots weigh as the partners vote.
struct ConsensusSummary {
  ranking::RankingRule rule{ranking::RankingRule::kSchulze};
  std::vector<std::vector<InitiativeId>> ranking;  //!< tiers of equally ranked initiatives, best first
  std::optional<InitiativeId> condorcet_winner;
  std::vector<InitiativeId> majority_cycle;               //!< without a Condorcet winner: a cycle that prevents one
  Rational agreement_index;                               //!< mean |margin| / total weight over pairs, in [0, 1]
  std::vector<std::pair<PartnerId, Rational>> distances;  //!< Kendall-tau distance of each voter to the ranking

  bool operator==(const ConsensusSummary&) const = default;
};

//! The outcome record of a closed cycle.
struct CycleOutcome {
  CycleNumber cycle{0};
  SelectionRule rule{SelectionRule::kEqualShares};
  Rational capacity;
  Rational spent;
  Rational network_value;  //!< estimated network value of the selection
  std::vector<InitiativeDecision> decisions;
  std::vector<PartnerResult> partners;
  std::vector<LeadAssignment> leads;
  SharingReport sharing;
  std::optional<Outcome> rule_outcome;   //!< certificate of MES / Phragmén / greedy (indices into `candidates`)
  std::vector<InitiativeId> candidates;  //!< the initiatives the rule saw, in the order the certificate indexes
  std::optional<NetworkFairCertificate> network_fair;
  std::optional<ConsensusSummary> consensus;  //!< the partners' consensus ranking (when anyone voted)
  std::vector<std::string> notes;             //!< the explanation, step by step
  //! The weight policy whose state PartnerResult::perpetual_state holds (absent under reset and none).
  std::optional<perpetual::WeightPolicy> weight_policy;

  bool operator==(const CycleOutcome&) const = default;
};

}  // namespace covalue::core::network
