#include <algorithm>
#include <cstdio>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/rules/rule.hpp"
#include "decision_context.hpp"

namespace covalue::core::network::detail {
namespace {

//! Project ids that sort like the initiative ids, so lexicographic tie-breaking favours older initiatives.
std::string project_id(InitiativeId id) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%020lld", static_cast<long long>(id));
  return buffer;
}

//! The rule's view of the cycle: allowed candidates as projects, members' supports as approvals.
struct RuleElection {
  Instance instance;
  Profile profile;
  std::vector<std::uint32_t> candidate_of;  // project index -> candidate index
};

Result<RuleElection> make_election(const DecisionContext& context, const std::vector<bool>& allowed) {
  RuleElection election;
  std::vector<std::int64_t> project_of(context.num_candidates(), -1);
  for (std::uint32_t c = 0; c < context.num_candidates(); ++c) {
    if (!allowed[c]) {
      continue;
    }
    const Initiative& initiative = context.input->candidates[c];
    if (Status status = election.instance.add_project({project_id(initiative.id), initiative.cost, {}, {}, {}});
        !status) {
      return status.error();
    }
    project_of[c] = static_cast<std::int64_t>(election.candidate_of.size());
    election.candidate_of.push_back(c);
  }
  election.instance.set_budget(context.input->cycle.capacity);
  election.profile.set_kind(BallotKind::kApproval);
  for (std::uint32_t p = 0; p < context.num_members(); ++p) {
    if (!context.voted[p] || context.weight[p] == 0) {
      continue;  // weight 0 (a perpetual policy's partner who is ahead): its ballot counts for nothing
    }
    election.profile.add_ballot(std::to_string(context.input->members[p].id), context.weight[p]);
    for (std::uint32_t c : context.supported[p]) {
      if (project_of[c] >= 0) {
        election.profile.add_project(static_cast<ProjectIndex>(project_of[c]));
      }
    }
  }
  return election;
}

rules::RuleOptions rule_options(SelectionRule rule) {
  rules::RuleOptions options;
  options.tie = TieRule::kLexicographic;
  switch (rule) {
    case SelectionRule::kEqualShares:
      options.rule = rules::RuleKind::kEqualShares;
      options.sat = Satisfaction::kCost;
      options.completion = rules::Completion::kGreedy;
      break;
    case SelectionRule::kPhragmen:
      options.rule = rules::RuleKind::kPhragmen;
      break;
    case SelectionRule::kGreedy:
    case SelectionRule::kNetworkFair:
    case SelectionRule::kConsensus:
      options.rule = rules::RuleKind::kGreedy;
      break;
  }
  return options;
}

}  // namespace

Result<Selection> select(const DecisionContext& context, const std::vector<bool>& allowed, const DecisionTools& tools) {
  const SelectionRule rule = context.input->cycle.rule;
  if (rule == SelectionRule::kNetworkFair) {
    return select_network_fair(context, allowed, tools);
  }
  if (rule == SelectionRule::kConsensus) {
    return select_by_consensus(context, allowed);
  }
  Result<RuleElection> election = make_election(context, allowed);
  if (!election) {
    return election.error();
  }
  if (election->profile.empty() || election->instance.size() == 0) {
    return Selection{};  // nobody voted, or nothing is eligible: nothing is selected
  }
  const ApprovalProfile approvals = ApprovalProfile::from_profile(election->profile, election->instance.size());
  Result<std::vector<Outcome>> outcomes = rules::solve(election->instance, approvals, rule_options(rule));
  if (!outcomes) {
    return outcomes.error();
  }
  Selection selection;
  Outcome& outcome = outcomes->front();
  for (ProjectIndex project : outcome.selected) {
    selection.chosen.push_back(election->candidate_of[project]);
  }
  std::sort(selection.chosen.begin(), selection.chosen.end());
  for (std::uint32_t c : election->candidate_of) {
    selection.rule_candidates.push_back(context.input->candidates[c].id);
  }
  selection.rule_outcome = std::move(outcome);
  return selection;
}

}  // namespace covalue::core::network::detail
