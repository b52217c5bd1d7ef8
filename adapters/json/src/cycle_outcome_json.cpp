#include "covalue/adapters/json/cycle_outcome_json.hpp"

#include <cstdint>
#include <vector>

#include "outcome_codec.hpp"

namespace covalue::adapters::json {
namespace {

using core::to_string;
using nlohmann::json;
namespace net = core::network;

json id_list(const std::vector<std::int64_t>& ids) {
  json out = json::array();
  for (const std::int64_t id : ids) {
    out.push_back(id);
  }
  return out;
}

json decision_to_json(const net::InitiativeDecision& decision) {
  return {{"initiative", decision.initiative},
          {"selected", decision.selected},
          {"reason", net::name_of(decision.reason)},
          {"explanation", decision.explanation},
          {"binding", decision.binding},
          {"value_forgone", decision.value_forgone ? json(to_string(*decision.value_forgone)) : json()}};
}

json partner_result_to_json(const net::PartnerResult& partner) {
  json out = {{"partner", partner.partner},
              {"weight", to_string(partner.weight)},
              {"estimated_value", to_string(partner.estimated_value)},
              {"deoptimisation", to_string(partner.deoptimisation)},
              {"transfer", to_string(partner.transfer)},
              {"net_value", to_string(partner.net_value)},
              {"allocation", to_string(partner.allocation)},
              {"supported", partner.supported},
              {"supported_selected", partner.supported_selected},
              {"voted", partner.voted},
              {"dry", partner.dry},
              {"dry_spell", partner.dry_spell},
              {"protected_partner", partner.protected_partner}};
  if (!partner.perpetual_state.empty()) {  // only under a perpetual weight policy: older records stay as they were
    json state = json::array();
    for (const core::Rational& value : partner.perpetual_state) {
      state.push_back(to_string(value));
    }
    out["perpetual_state"] = std::move(state);
  }
  return out;
}

json lead_to_json(const net::LeadAssignment& lead) {
  return {
      {"initiative", lead.initiative}, {"lead", lead.lead ? json(*lead.lead) : json()}, {"volunteer", lead.volunteer}};
}

json sharing_to_json(const net::SharingReport& sharing) {
  return {{"policy", net::name_of(sharing.policy)},
          {"method", sharing.method},
          {"error_bound", to_string(sharing.error_bound)},
          {"samples", sharing.samples},
          {"in_core", sharing.in_core},
          {"blocking_coalition", id_list(sharing.blocking_coalition)}};
}

json network_fair_to_json(const net::NetworkFairCertificate& certificate) {
  return {{"status", certificate.status},
          {"objective", to_string(certificate.objective)},
          {"solver_bound", to_string(certificate.solver_bound)},
          {"proven_bound", to_string(certificate.proven_bound)},
          {"gap", to_string(certificate.gap)},
          {"nodes", certificate.nodes},
          {"rechecked", certificate.rechecked},
          {"solver", certificate.solver},
          {"note", certificate.note}};
}

json consensus_to_json(const net::ConsensusSummary& consensus) {
  json tiers = json::array();
  for (const std::vector<net::InitiativeId>& tier : consensus.ranking) {
    tiers.push_back(id_list(tier));
  }
  json distances = json::array();
  for (const auto& [partner, distance] : consensus.distances) {
    distances.push_back({{"partner", partner}, {"distance", to_string(distance)}});
  }
  return {{"rule", core::name_of(consensus.rule)},
          {"ranking", tiers},
          {"condorcet_winner", consensus.condorcet_winner ? json(*consensus.condorcet_winner) : json()},
          {"majority_cycle", id_list(consensus.majority_cycle)},
          {"agreement_index", to_string(consensus.agreement_index)},
          {"distances", distances}};
}

template <typename T, typename Encode>
json list_to_json(const std::vector<T>& items, Encode encode) {
  json out = json::array();
  for (const T& item : items) {
    out.push_back(encode(item));
  }
  return out;
}

}  // namespace

json cycle_outcome_to_json(const net::CycleOutcome& outcome) {
  IndexCodec indices;
  json out = {
      {"cycle", outcome.cycle},
      {"rule", net::name_of(outcome.rule)},
      {"capacity", to_string(outcome.capacity)},
      {"spent", to_string(outcome.spent)},
      {"network_value", to_string(outcome.network_value)},
      {"decisions", list_to_json(outcome.decisions, decision_to_json)},
      {"partners", list_to_json(outcome.partners, partner_result_to_json)},
      {"leads", list_to_json(outcome.leads, lead_to_json)},
      {"sharing", sharing_to_json(outcome.sharing)},
      {"rule_outcome", outcome.rule_outcome ? outcome_to_json(indices, indices, *outcome.rule_outcome) : json()},
      {"candidates", id_list(outcome.candidates)},
      {"network_fair", outcome.network_fair ? network_fair_to_json(*outcome.network_fair) : json()},
      {"consensus", outcome.consensus ? consensus_to_json(*outcome.consensus) : json()},
      {"notes", outcome.notes}};
  if (outcome.weight_policy) {  // only under a perpetual weight policy: older records stay as they were
    out["weight_policy"] = core::name_of(*outcome.weight_policy);
  }
  return out;
}

}  // namespace covalue::adapters::json
