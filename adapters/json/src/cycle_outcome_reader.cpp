#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "covalue/adapters/json/cycle_outcome_json.hpp"
#include "json_fields.hpp"
#include "outcome_codec.hpp"

namespace covalue::adapters::json {
namespace {

using core::ErrorKind;
using core::make_error;
using core::Result;
using nlohmann::json;
namespace net = core::network;

// Reads an array member whose items are decoded by `read(item, path)`.
template <typename T>
void read_result_list(FieldReader& fields, const char* key, Result<T> (*read)(const json&, const std::string&),
                      std::vector<T>& out) {
  fields.each(key, [&](const json& item, const std::string& at) {
    auto value = read(item, at);
    return value.ok() ? (out.push_back(std::move(value).value()), true) : fields.fail(value.error());
  });
}

Result<net::InitiativeDecision> decision_from_json(const json& node, const std::string& path) {
  FieldReader fields(node, path);
  net::InitiativeDecision out;
  out.initiative = fields.integer("initiative");
  out.selected = fields.boolean("selected");
  out.reason = fields.name("reason", core::parse_name<net::DecisionReason>);
  out.explanation = fields.optional_text("explanation", "");
  fields.each("binding", [&](const json& item, const std::string& at) {
    auto name = text_from_json(item, at);
    return name.ok() ? (out.binding.push_back(std::move(name).value()), true) : fields.fail(name.error());
  });
  out.value_forgone = fields.optional_rational("value_forgone");
  return fields.finish(std::move(out));
}

Result<net::PartnerResult> partner_result_from_json(const json& node, const std::string& path) {
  FieldReader fields(node, path);
  net::PartnerResult out;
  out.partner = fields.integer("partner");
  out.weight = fields.rational("weight");
  out.estimated_value = fields.rational("estimated_value");
  out.deoptimisation = fields.rational("deoptimisation");
  out.transfer = fields.rational("transfer");
  out.net_value = fields.rational("net_value");
  out.allocation = fields.rational("allocation");
  out.supported = fields.integer("supported");
  out.supported_selected = fields.integer("supported_selected");
  out.voted = fields.boolean("voted");
  out.dry = fields.boolean("dry");
  out.dry_spell = fields.integer("dry_spell");
  out.protected_partner = fields.boolean("protected_partner");
  if (node.is_object() && node.contains("perpetual_state")) {
    fields.each("perpetual_state", [&](const json& item, const std::string& at) {
      auto value = rational_from_json(item, at);
      return value.ok() ? (out.perpetual_state.push_back(std::move(value).value()), true) : fields.fail(value.error());
    });
  }
  return fields.finish(std::move(out));
}

Result<net::LeadAssignment> lead_from_json(const json& node, const std::string& path) {
  FieldReader fields(node, path);
  net::LeadAssignment out;
  out.initiative = fields.integer("initiative");
  out.lead = fields.optional_integer("lead");
  out.volunteer = fields.boolean("volunteer");
  return fields.finish(out);
}

Result<net::SharingReport> sharing_from_json(const json& node, const std::string& path) {
  FieldReader fields(node, path);
  net::SharingReport out;
  out.policy = fields.name("policy", core::parse_name<net::SharingPolicy>);
  out.method = fields.text("method");
  out.error_bound = fields.rational("error_bound");
  out.samples = fields.optional_unsigned<std::uint64_t>("samples", 0);
  out.in_core = fields.text("in_core");
  out.blocking_coalition = fields.ids("blocking_coalition");
  return fields.finish(std::move(out));
}

Result<net::NetworkFairCertificate> network_fair_from_json(const json& node, const std::string& path) {
  FieldReader fields(node, path);
  net::NetworkFairCertificate out;
  out.status = fields.text("status");
  out.objective = fields.rational("objective");
  out.solver_bound = fields.rational("solver_bound");
  out.proven_bound = fields.rational("proven_bound");
  out.gap = fields.rational("gap");
  out.nodes = fields.optional_unsigned<std::uint64_t>("nodes", 0);
  out.rechecked = fields.boolean("rechecked");
  out.solver = fields.optional_text("solver", "");
  out.note = fields.optional_text("note", "");
  return fields.finish(std::move(out));
}

Result<std::pair<net::PartnerId, core::Rational>> distance_from_json(const json& node, const std::string& path) {
  FieldReader fields(node, path);
  std::pair<net::PartnerId, core::Rational> out;
  out.first = fields.integer("partner");
  out.second = fields.rational("distance");
  return fields.finish(std::move(out));
}

Result<net::ConsensusSummary> consensus_from_json(const json& node, const std::string& path) {
  FieldReader fields(node, path);
  net::ConsensusSummary out;
  out.rule = fields.name("rule", core::parse_name<core::ranking::RankingRule>);
  fields.each("ranking", [&](const json& tier, const std::string& at) {
    if (!tier.is_array()) {
      return fields.fail(make_error(ErrorKind::kInvalidInput, "expected an array of ids", at));
    }
    const json wrapper = {{"tier", tier}};
    FieldReader tier_fields(wrapper, at);
    std::vector<net::InitiativeId> ids = tier_fields.ids("tier");
    out.ranking.push_back(std::move(ids));
    return tier_fields.ok() || fields.fail(tier_fields.error());
  });
  out.condorcet_winner = fields.optional_integer("condorcet_winner");
  out.majority_cycle = fields.ids("majority_cycle");
  out.agreement_index = fields.rational("agreement_index");
  read_result_list(fields, "distances", distance_from_json, out.distances);
  return fields.finish(std::move(out));
}

// Reads an optional object member (absent or null: nothing) with `read`.
template <typename T>
std::optional<T> read_optional(FieldReader& fields, const json& document, const char* key,
                               Result<T> (*read)(const json&, const std::string&)) {
  if (!fields.ok() || !document.contains(key) || document[key].is_null()) {
    return std::nullopt;
  }
  auto value = read(document[key], fields.at(key));
  if (!value.ok()) {
    fields.fail(value.error());
    return std::nullopt;
  }
  return std::move(value).value();
}

Result<core::Outcome> rule_outcome_from_json(const json& node, const std::string& path) {
  const IndexCodec indices;
  return outcome_from_json(indices, indices, node, path);
}

}  // namespace

Result<net::CycleOutcome> cycle_outcome_from_json(const json& document) {
  FieldReader fields(document, "$");
  net::CycleOutcome out;
  out.cycle = fields.integer("cycle");
  out.rule = fields.name("rule", core::parse_name<net::SelectionRule>);
  out.capacity = fields.rational("capacity");
  out.spent = fields.rational("spent");
  out.network_value = fields.rational("network_value");
  read_result_list(fields, "decisions", decision_from_json, out.decisions);
  read_result_list(fields, "partners", partner_result_from_json, out.partners);
  read_result_list(fields, "leads", lead_from_json, out.leads);
  if (auto sharing = read_optional(fields, document, "sharing", sharing_from_json)) {
    out.sharing = std::move(*sharing);
  }
  out.rule_outcome = read_optional(fields, document, "rule_outcome", rule_outcome_from_json);
  out.candidates = fields.ids("candidates");
  out.network_fair = read_optional(fields, document, "network_fair", network_fair_from_json);
  out.consensus = read_optional(fields, document, "consensus", consensus_from_json);
  fields.each("notes", [&](const json& item, const std::string& at) {
    auto note = text_from_json(item, at);
    return note.ok() ? (out.notes.push_back(std::move(note).value()), true) : fields.fail(note.error());
  });
  if (document.is_object() && document.contains("weight_policy")) {
    out.weight_policy = fields.name("weight_policy", core::parse_name<core::perpetual::WeightPolicy>);
  }
  return fields.finish(std::move(out));
}

}  // namespace covalue::adapters::json
