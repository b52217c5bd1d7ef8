#include <algorithm>

#include "covalue/core/network/lead_assignment.hpp"
#include "decision_context.hpp"

namespace covalue::core::network::detail {
namespace {

std::int64_t count_selected(const std::vector<std::uint32_t>& supported, const std::vector<std::uint32_t>& chosen) {
  std::int64_t count = 0;
  for (std::uint32_t c : supported) {
    count += std::binary_search(chosen.begin(), chosen.end(), c) ? 1 : 0;
  }
  return count;
}

bool objects_to(const DecisionContext& context, std::uint32_t member, std::uint32_t candidate) {
  const auto& objections = context.objections[member];
  return std::any_of(objections.begin(), objections.end(),
                     [&](const MemberObjection& objection) { return objection.candidate == candidate; });
}

// Under a perpetual weight policy: each member's state after the cycle (cycle_weights.hpp), a member the
// cycle left below zero counting as satisfied by nothing.
void fill_perpetual_state(const DecisionContext& context, const std::vector<std::uint32_t>& chosen,
                          CycleOutcome& outcome) {
  if (!context.perpetual_before) {
    return;
  }
  const FairnessPolicy& fairness = context.input->charter.fairness;
  perpetual::CycleRecord record;
  record.voted = context.voted;
  record.supported = context.supported;
  record.selected = chosen;
  for (const PartnerResult& result : outcome.partners) {
    record.harmed.push_back(result.net_value < 0);
  }
  auto after =
      perpetual::weights_state_after(fairness.weight_policy, fairness.weight_absence, *context.perpetual_before, record,
                                     static_cast<std::uint32_t>(context.num_candidates()));
  if (!after) {
    return;  // shapes come from the context itself: cannot fail
  }
  outcome.weight_policy = fairness.weight_policy;
  for (std::size_t p = 0; p < outcome.partners.size(); ++p) {
    for (const auto& quantity : after->quantities) {
      outcome.partners[p].perpetual_state.push_back(quantity[p]);
    }
  }
}

}  // namespace

void fill_partner_results(const DecisionContext& context, const std::vector<std::uint32_t>& chosen,
                          const games::SharedValue& shared, CycleOutcome& outcome) {
  const std::size_t n = context.num_members();
  outcome.partners.assign(n, PartnerResult{});
  for (std::uint32_t p = 0; p < n; ++p) {
    PartnerResult& result = outcome.partners[p];
    result.partner = context.input->members[p].id;
    result.weight = context.weight[p];
    result.voted = context.voted[p];
    result.protected_partner = context.is_protected[p];
    result.transfer = shared.transfers[p];
    result.allocation = shared.allocation[p];
    result.supported = static_cast<std::int64_t>(context.supported[p].size());
    result.supported_selected = count_selected(context.supported[p], chosen);
  }
  for (std::uint32_t c : chosen) {
    for (const MemberImpact& impact : context.impacts[c]) {
      PartnerResult& result = outcome.partners[impact.member];
      result.estimated_value += impact.value;
      if (impact.value < 0) {
        result.deoptimisation -= impact.value;
      }
    }
  }
  for (std::uint32_t p = 0; p < n; ++p) {
    PartnerResult& result = outcome.partners[p];
    result.net_value = result.estimated_value + result.transfer;
    const bool empty_handed = result.supported > 0 && result.supported_selected == 0;
    result.dry = result.net_value < 0 || empty_handed;
    result.dry_spell = result.dry ? context.previous_dry_spell[p] + 1 : 0;
  }
  fill_perpetual_state(context, chosen, outcome);
}

Result<std::vector<LeadAssignment>> assign_cycle_leads(const DecisionContext& context,
                                                       const std::vector<std::uint32_t>& chosen) {
  const CycleInput& input = *context.input;
  const std::size_t n = context.num_members();
  LeadProblem problem;
  problem.free_slots.assign(n, input.charter.leadership.max_concurrent_leads);
  problem.past_leads.assign(n, 0);
  for (const PartnerStanding& standing : input.standing) {
    auto it = context.member_index.find(standing.partner);
    if (it != context.member_index.end()) {
      problem.free_slots[it->second] =
          std::max<std::int64_t>(0, problem.free_slots[it->second] - standing.current_leads);
      problem.past_leads[it->second] = standing.past_leads;
    }
  }
  for (std::uint32_t c : chosen) {
    std::vector<std::uint32_t> volunteers;
    for (PartnerId id : input.candidates[c].volunteers) {
      auto it = context.member_index.find(id);
      if (it != context.member_index.end()) {
        volunteers.push_back(it->second);
      }
    }
    std::sort(volunteers.begin(), volunteers.end());
    volunteers.erase(std::unique(volunteers.begin(), volunteers.end()), volunteers.end());
    // Anyone neither harmed by the initiative nor objecting to it may be asked to lead it.
    std::vector<std::uint32_t> eligible;
    for (std::uint32_t p = 0; p < n; ++p) {
      const bool volunteer = std::binary_search(volunteers.begin(), volunteers.end(), p);
      if (volunteer || (context.impact(c, p) >= 0 && !objects_to(context, p, c))) {
        eligible.push_back(p);
      }
    }
    problem.volunteers.push_back(std::move(volunteers));
    problem.eligible.push_back(std::move(eligible));
  }
  Result<LeadAssignmentResult> solved = assign_leads(problem);
  if (!solved) {
    return solved.error();
  }
  std::vector<LeadAssignment> leads;
  for (std::size_t j = 0; j < chosen.size(); ++j) {
    LeadAssignment lead;
    lead.initiative = input.candidates[chosen[j]].id;
    if (solved->lead[j]) {
      lead.lead = input.members[*solved->lead[j]].id;
    }
    lead.volunteer = solved->by_volunteer[j];
    leads.push_back(lead);
  }
  return leads;
}

}  // namespace covalue::core::network::detail
