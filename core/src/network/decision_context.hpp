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
  std::vector<Rational> weight;                          //!< per member
  std::vector<std::int64_t> previous_dry_spell;          //!< per member
  std::vector<bool> is_protected;                        //!< per member: dry spell reached k
  std::vector<bool> voted;                               //!< per member
  std::vector<std::vector<std::uint32_t>> supported;     //!< per member, candidate indices
  std::vector<std::vector<MemberObjection>> objections;  //!< per member
  std::vector<const PartnerBallot*> ballot_of;           //!< per member, nullptr when it did not vote

  [[nodiscard]] std::size_t num_members() const { return input->members.size(); }
  [[nodiscard]] std::size_t num_candidates() const { return input->candidates.size(); }
  //! The impact of candidate c on member p (0 when none).
  [[nodiscard]] Rational impact(std::uint32_t candidate, std::uint32_t member) const;
};

//! Builds the index form, validating ballots against members and candidates.
[[nodiscard]] Result<DecisionContext> make_context(const CycleInput& input);

//! A selection with the certificate of the rule that made it.
struct Selection {
  std::vector<std::uint32_t> chosen;  //!< candidate indices, sorted
  std::optional<Outcome> rule_outcome;
  std::vector<InitiativeId> rule_candidates;  //!< what rule_outcome's project indices refer to
  std::optional<NetworkFairCertificate> network_fair;
  std::optional<ConsensusSummary> consensus;
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
