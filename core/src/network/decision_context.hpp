#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "covalue/core/games/benefit_sharing.hpp"
#include "covalue/core/games/portfolio_game.hpp"
#include "covalue/core/network/cycle_decision.hpp"
#include "covalue/core/network/cycle_outcome.hpp"
#include "covalue/core/outcome.hpp"

namespace covalue::core::network::detail {

//! One candidate's impact on one member, by member index.
struct MemberImpact {
  std::uint32_t member{0};
  Rational value;
};

//! One member's objection, by candidate index.
struct MemberObjection {
  std::uint32_t candidate{0};
  std::string reason;
};

//! The cycle's input in index form: members 0..n-1, candidates 0..m-1.
struct DecisionContext {
  const CycleInput* input{nullptr};
  std::unordered_map<PartnerId, std::uint32_t> member_index;
  std::unordered_map<InitiativeId, std::uint32_t> candidate_index;
  std::vector<std::vector<MemberImpact>> impacts;        //!< per candidate, non-zero, members only
  std::vector<Rational> network_value;                   //!< per candidate
  std::vector<Rational> objective_value;                 //!< per candidate: network-fair's, weighted when perpetual
  std::vector<Rational> weight;                          //!< per member
  std::vector<std::int64_t> previous_dry_spell;          //!< per member
  std::vector<bool> is_protected;                        //!< per member: dry spell reached k
  std::vector<bool> voted;                               //!< per member
  std::vector<std::vector<std::uint32_t>> supported;     //!< per member, candidate indices
  std::vector<std::vector<MemberObjection>> objections;  //!< per member
  std::vector<const PartnerBallot*> ballot_of;           //!< per member, nullptr when it did not vote
  //! Under a weight policy other than reset and none: its state before the cycle (quantities per member).
  std::optional<perpetual::PerpetualState> perpetual_before;

  [[nodiscard]] std::size_t num_members() const { return input->members.size(); }
  [[nodiscard]] std::size_t num_candidates() const { return input->candidates.size(); }
  //! The impact of candidate c on member p (0 when none).
  [[nodiscard]] Rational impact(std::uint32_t candidate, std::uint32_t member) const;
};

//! Builds the index form, validating ballots against members and candidates.
[[nodiscard]] Result<DecisionContext> make_context(const CycleInput& input);

//! What a row of the network-fair model stands for.
struct FairRow {
  enum class Kind {
    kCapacity,    //!< the cycle's capacity
    kDeoptShare,  //!< `member` carries at most the charter's share of the de-optimisation
    kProtection,  //!< protected `member` ends the cycle with a net value >= 0
    kSupport      //!< protected `member` gets something it asked for (or the objective pays a penalty)
  };
  Kind kind{Kind::kCapacity};
  std::uint32_t member{0};
};

//! The network-fair ILP, how its variables and rows map back to the cycle, and the point selected.
struct FairModel {
  ilp::BinaryProgram program;
  std::vector<std::uint32_t> candidate_of;  //!< variable -> candidate, for the first candidate_of.size() variables
  std::vector<FairRow> rows;                //!< one per constraint of the program
  std::vector<bool> point;                  //!< the solution the selection was made from
};

//! What a row of the fair model guards, as a stable key for InitiativeDecision::binding: "capacity",
//! "deopt_share:ID", "protected_net_value:ID" or "protected_support:ID" (ID: the partner's id).
[[nodiscard]] std::string binding_key(const DecisionContext& context, const FairRow& row);

//! The network-fair ILP over the allowed candidates: maximise the network value under the capacity, each
//! member's de-optimisation share, protected members' net value (without transfers) and, for protected
//! members, a penalty for getting nothing they asked for. `point` is left empty.
[[nodiscard]] FairModel build_fair_model(const DecisionContext& context, const std::vector<bool>& allowed);

//! A network-fair program solved, the point re-checked exactly, and what is known of its optimality.
struct FairSolution {
  std::vector<bool> x;
  NetworkFairCertificate certificate;    //!< status, nodes, solver and note; the rest is filled by the caller
  std::optional<Rational> solver_bound;  //!< the solver's bound, when it gave a finite one
  std::optional<Rational> exact_bound;   //!< the exact search's bound, when it solved the program
};

//! Solves a network-fair program with tools.solver; when that answer cannot be believed (no solver,
//! numbers out of its range, a failure, no point, or a point that fails the exact re-check), with
//! covalue's exact search, saying why in the certificate's note. kInfeasible when the program provably
//! has no point; kTimeLimit when neither found one within its limits.
[[nodiscard]] Result<FairSolution> solve_fair(const ilp::BinaryProgram& program, const DecisionTools& tools);

//! A selection with the certificate of the rule that made it.
struct Selection {
  std::vector<std::uint32_t> chosen;  //!< candidate indices, sorted
  std::optional<Outcome> rule_outcome;
  std::vector<InitiativeId> rule_candidates;  //!< what rule_outcome's project indices refer to
  std::optional<NetworkFairCertificate> network_fair;
  std::optional<ConsensusSummary> consensus;
  std::optional<FairModel> fair;  //!< network-fair: the model solved and its point
};

//! Runs the charter's rule over the allowed candidates.
[[nodiscard]] Result<Selection> select(const DecisionContext& context, const std::vector<bool>& allowed,
                                       const DecisionTools& tools);

//! The network-fair rule: the ILP, solved by tools.solver and re-checked exactly.
[[nodiscard]] Result<Selection> select_network_fair(const DecisionContext& context, const std::vector<bool>& allowed,
                                                    const DecisionTools& tools);

//! The consensus rule: initiatives in the order of the charter's ranking rule, taken while they fit.
[[nodiscard]] Result<Selection> select_by_consensus(const DecisionContext& context, const std::vector<bool>& allowed);

//! The partners' consensus over the allowed candidates by `rule`; nothing when nobody voted or fewer
//! than two candidates are allowed.
[[nodiscard]] Result<std::optional<ConsensusSummary>> summarise_consensus(const DecisionContext& context,
                                                                          const std::vector<bool>& allowed,
                                                                          ranking::RankingRule rule);

//! For each allowed candidate the selection left out (reason kNotChosen): the constraints that keep it out
//! (InitiativeDecision::binding), in words, and under network-fair the value including it would forgo (one
//! more solve of the model per such candidate, with it forced in).
void explain_rejections(const DecisionContext& context, const std::vector<bool>& allowed, const Selection& selection,
                        const DecisionTools& tools, std::vector<InitiativeDecision>& decisions);

//! The portfolio game of a selection, over the members.
[[nodiscard]] Result<games::PortfolioGame> portfolio_game(const DecisionContext& context,
                                                          const std::vector<std::uint32_t>& chosen);

//! Every member's values, transfer and dry-spell state after the selection.
void fill_partner_results(const DecisionContext& context, const std::vector<std::uint32_t>& chosen,
                          const games::SharedValue& shared, CycleOutcome& outcome);

//! Leads for the chosen candidates (assign_leads over the members).
[[nodiscard]] Result<std::vector<LeadAssignment>> assign_cycle_leads(const DecisionContext& context,
                                                                     const std::vector<std::uint32_t>& chosen);

}  // namespace covalue::core::network::detail
