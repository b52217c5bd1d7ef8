#include "decision_context.hpp"

#include <algorithm>

namespace covalue::core::network::detail {
namespace {

Status index_members(const CycleInput& input, DecisionContext& context) {
  for (std::uint32_t p = 0; p < input.members.size(); ++p) {
    context.member_index.emplace(input.members[p].id, p);
  }
  const std::size_t n = input.members.size();
  context.weight.assign(n, Rational(1));
  context.previous_dry_spell.assign(n, 0);
  context.is_protected.assign(n, false);
  context.voted.assign(n, false);
  context.supported.assign(n, {});
  context.objections.assign(n, {});
  context.ballot_of.assign(n, nullptr);
  for (const PartnerStanding& standing : input.standing) {
    auto it = context.member_index.find(standing.partner);
    if (it == context.member_index.end()) {
      continue;  // history of a partner who is no longer a member
    }
    context.previous_dry_spell[it->second] = standing.dry_spell;
  }
  for (std::size_t p = 0; p < n; ++p) {
    const std::int64_t spell = context.previous_dry_spell[p];
    context.is_protected[p] = spell >= input.charter.fairness.max_dry_spell;
    if (input.charter.fairness.weight_policy == perpetual::WeightPolicy::kReset) {
      context.weight[p] = Rational(1 + spell);
    }
  }
  return {};
}

bool perpetual_policy(const Charter& charter) {
  return charter.fairness.weight_policy != perpetual::WeightPolicy::kReset &&
         charter.fairness.weight_policy != perpetual::WeightPolicy::kNone;
}

// The state each member brings (its standing's, when it has the policy's shape; else the policy's start).
perpetual::PerpetualState state_before(const CycleInput& input, const DecisionContext& context) {
  const perpetual::PerpetualRule rule = perpetual::library_rule(input.charter.fairness.weight_policy);
  perpetual::PerpetualState state = perpetual::initial_state(rule, context.num_members());
  for (const PartnerStanding& standing : input.standing) {
    auto it = context.member_index.find(standing.partner);
    if (it == context.member_index.end() || standing.perpetual_state.size() != state.quantities.size()) {
      continue;
    }
    for (std::size_t q = 0; q < state.quantities.size(); ++q) {
      state.quantities[q][it->second] = standing.perpetual_state[q];
    }
  }
  return state;
}

// Under a perpetual policy: the voting weights from the state (quota: with this cycle's support among those
// taking part), and network-fair's objective weighted by them.
void assign_perpetual_weights(const CycleInput& input, DecisionContext& context) {
  const std::size_t n = context.num_members();
  context.objective_value = context.network_value;
  if (!perpetual_policy(input.charter)) {
    return;
  }
  context.perpetual_before = state_before(input, context);
  std::vector<std::int64_t> backers(context.num_candidates(), 0);
  std::int64_t taking_part = 0;
  for (std::size_t p = 0; p < n; ++p) {
    taking_part +=
        context.voted[p] || input.charter.fairness.weight_absence == perpetual::WeightAbsence::kEmpty ? 1 : 0;
    for (std::uint32_t c : context.supported[p]) {
      ++backers[c];
    }
  }
  std::vector<std::int64_t> support(n, 0);
  for (std::size_t p = 0; p < n; ++p) {
    for (std::uint32_t c : context.supported[p]) {
      support[p] = std::max(support[p], backers[c]);
    }
  }
  context.weight =
      perpetual::voting_weights(input.charter.fairness.weight_policy, *context.perpetual_before, support, taking_part);
  for (std::uint32_t c = 0; c < context.num_candidates(); ++c) {
    context.objective_value[c] = 0;
    for (const MemberImpact& impact : context.impacts[c]) {
      context.objective_value[c] += context.weight[impact.member] * impact.value;
    }
  }
}

void index_candidates(const CycleInput& input, DecisionContext& context) {
  const std::size_t m = input.candidates.size();
  context.impacts.assign(m, {});
  context.network_value.assign(m, Rational(0));
  for (std::uint32_t c = 0; c < m; ++c) {
    const Initiative& initiative = input.candidates[c];
    context.candidate_index.emplace(initiative.id, c);
    for (const Impact& impact : initiative.impacts) {
      auto it = context.member_index.find(impact.partner);
      if (it == context.member_index.end() || impact.estimate == 0) {
        continue;  // impacts on former members do not count in this cycle
      }
      context.impacts[c].push_back({it->second, impact.estimate});
      context.network_value[c] += impact.estimate;
    }
    std::sort(context.impacts[c].begin(), context.impacts[c].end(),
              [](const MemberImpact& a, const MemberImpact& b) { return a.member < b.member; });
  }
}

Status index_ballot(const PartnerBallot& ballot, DecisionContext& context) {
  const std::string where = "ballot of partner " + std::to_string(ballot.partner);
  auto member = context.member_index.find(ballot.partner);
  if (member == context.member_index.end()) {
    return make_error(ErrorKind::kInvalidInput, "the partner is not a member in this cycle", where);
  }
  const std::uint32_t p = member->second;
  if (context.voted[p]) {
    return make_error(ErrorKind::kInvalidInput, "a second ballot of the same partner", where);
  }
  context.voted[p] = true;
  context.ballot_of[p] = &ballot;
  for (InitiativeId id : ballot.supported()) {
    auto it = context.candidate_index.find(id);
    if (it == context.candidate_index.end()) {
      return make_error(ErrorKind::kInvalidInput, "initiative " + std::to_string(id) + " is not up for decision",
                        where);
    }
    context.supported[p].push_back(it->second);
  }
  std::sort(context.supported[p].begin(), context.supported[p].end());
  context.supported[p].erase(std::unique(context.supported[p].begin(), context.supported[p].end()),
                             context.supported[p].end());
  for (const Objection& objection : ballot.objections) {
    auto it = context.candidate_index.find(objection.initiative);
    if (it == context.candidate_index.end()) {
      return make_error(
          ErrorKind::kInvalidInput,
          "objection to initiative " + std::to_string(objection.initiative) + ", which is not up for decision", where);
    }
    context.objections[p].push_back({it->second, objection.reason});
  }
  return {};
}

}  // namespace

Rational DecisionContext::impact(std::uint32_t candidate, std::uint32_t member) const {
  for (const MemberImpact& impact : impacts[candidate]) {
    if (impact.member == member) {
      return impact.value;
    }
  }
  return 0;
}

Result<DecisionContext> make_context(const CycleInput& input) {
  DecisionContext context;
  context.input = &input;
  if (Status status = index_members(input, context); !status) {
    return status.error();
  }
  index_candidates(input, context);
  for (const PartnerBallot& ballot : input.ballots) {
    if (Status status = index_ballot(ballot, context); !status) {
      return status.error();
    }
  }
  assign_perpetual_weights(input, context);
  return context;
}

Result<games::PortfolioGame> portfolio_game(const DecisionContext& context, const std::vector<std::uint32_t>& chosen) {
  std::vector<std::vector<games::PlayerImpact>> impacts;
  impacts.reserve(chosen.size());
  for (std::uint32_t c : chosen) {
    std::vector<games::PlayerImpact> row;
    row.reserve(context.impacts[c].size());
    for (const MemberImpact& impact : context.impacts[c]) {
      row.push_back({impact.member, impact.value});
    }
    impacts.push_back(std::move(row));
  }
  return games::PortfolioGame::create(context.num_members(), std::move(impacts));
}

}  // namespace covalue::core::network::detail
