// Charter proposals and the coordination rotation over HTTP (issue 14 item 4).
#include <algorithm>

#include "covalue/adapters/json/program_json.hpp"
#include "covalue/core/network/charter_fields.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"

namespace covalue::server {

namespace net = core::network;

namespace {

using nlohmann::json;

//! A proposal as the API shows it; `current` gives the fields' values now (shown as `from` while it is open).
json proposal_to_json(const program::CharterProposal& p, const net::Charter& current) {
  json changes = json::array();
  for (const std::string& field : p.fields) {
    changes.push_back(
        {{"field", field},
         {"from", p.state == program::ProposalState::kOpen ? json(net::charter_field_text(current, field)) : json()},
         {"to", net::charter_field_text(p.proposed, field)}});
  }
  json positions = json::array();
  for (const program::PartnerPosition& position : p.positions) {
    positions.push_back({{"partner", position.partner},
                         {"position", program::name_of(position.position)},
                         {"reason", position.reason},
                         {"at", position.at}});
  }
  return {{"id", p.id},
          {"state", program::name_of(p.state)},
          {"revision", p.revision},
          {"changes", changes},
          {"rationale", p.rationale},
          {"proposer", p.proposer ? json(*p.proposer) : json()},
          {"proposed_by", p.proposed_by},
          {"opened_at", p.opened_at},
          {"window_ends_at", p.window_ends_at},
          {"decided_at", text_or_null(p.decided_at)},
          {"result", p.result},
          {"positions", positions},
          {"amendment_rule", net::name_of(current.amendment_rule)}};
}

json election_to_json(const program::CoordinatorElection& e) {
  json votes = json::array();
  for (const program::CoordinatorVote& vote : e.votes) {
    votes.push_back({{"voter", vote.voter}, {"candidate", vote.candidate}, {"at", vote.at}});
  }
  return {{"id", e.id},
          {"term_cycle", e.term_cycle},
          {"state", program::name_of(e.state)},
          {"opened_at", e.opened_at},
          {"window_ends_at", e.window_ends_at},
          {"decided_at", text_or_null(e.decided_at)},
          {"elected", e.elected ? json(*e.elected) : json()},
          {"result", e.result},
          {"votes", votes}};
}

json coordination_to_json(const program::Coordination& c) {
  json current;
  if (c.current) {
    current = {{"first_cycle", c.current->first_cycle}, {"partner", c.current->partner}, {"name", c.partner_name}};
  }
  return {{"mode", net::name_of(c.mode)},
          {"term_cycles", c.term_cycles},
          {"current", current},
          {"next_turn", c.next_turn ? json(*c.next_turn) : json()},
          {"willing", c.willing},
          {"past_terms", c.past_terms},
          {"election", c.election ? election_to_json(*c.election) : json()}};
}

//! An error of the program named as the request names it: a body member ("body.rationale", "body.changes.capacity")
//! or a path parameter ("path.proposal").
core::Error in_request(core::Error error) {
  const std::string& where = error.where;
  const auto& fields = net::charter_field_names();
  if (where == "proposal" || where == "partner") {
    error.where = "path." + where;
  } else if (where == "rationale" || where == "reason" || where == "position") {
    error.where = "body." + where;
  } else if (where == "changes") {
    error.where = "body.changes";
  } else if ((error.kind == core::ErrorKind::kInvalidInput ||
              (error.kind == core::ErrorKind::kConflict && error.message.find(" is open on ") != std::string::npos)) &&
             (std::find(fields.begin(), fields.end(), where) != fields.end() || where == "unit" || where == "name")) {
    error.where = "body.changes." + where;
  }
  return error;
}

//! {"changes": {charter members}, "rationale"}: the charter as the proposal would make it, and its rationale.
core::Result<std::pair<net::Charter, std::string>> proposal_from_body(RouteCall& call) {
  const json& body = call.body;
  if (!body.is_object()) {
    return invalid("expected an object", "body");
  }
  if (core::Status known = adapters::json::reject_unknown_members(body, "body", {"changes", "rationale"}); !known) {
    return known.error();
  }
  if (!body.contains("changes") || !body["changes"].is_object()) {
    return invalid("expected an object of the charter's members to change", "body.changes");
  }
  if (!body.contains("rationale") || !body["rationale"].is_string()) {
    return invalid("expected a string: why the charter should change", "body.rationale");
  }
  core::Result<net::Charter> current = call.program.queries().network();
  if (!current) {
    return current.error();
  }
  core::Result<net::Charter> proposed = adapters::json::charter_from_json(body["changes"], "body.changes", *current);
  if (!proposed) {
    return proposed.error();
  }
  return std::pair{std::move(*proposed), body["rationale"].get<std::string>()};
}

//! Replies with the proposal and the charter now (`status` on success).
core::Result<Reply> proposal_reply(RouteCall& call, const core::Result<program::CharterProposal>& proposal,
                                   unsigned status = 200) {
  if (!proposal) {
    return in_request(proposal.error());
  }
  core::Result<net::Charter> current = call.program.queries().network();
  if (!current) {
    return current.error();
  }
  return json_reply(proposal_to_json(*proposal, *current), status);
}

}  // namespace

core::Result<Reply> handle_charter_proposal_list(RouteCall& call) {
  core::Result<std::vector<program::CharterProposal>> proposals = call.program.charter_proposals();
  if (!proposals) {
    return proposals.error();
  }
  core::Result<net::Charter> current = call.program.queries().network();
  if (!current) {
    return current.error();
  }
  return json_reply(
      json_list(*proposals, [&](const program::CharterProposal& p) { return proposal_to_json(p, *current); }));
}

core::Result<Reply> handle_charter_propose(RouteCall& call) {
  auto request = proposal_from_body(call);
  if (!request) {
    return request.error();
  }
  return proposal_reply(call, call.program.propose_charter_change(request->first, request->second), 201);
}

core::Result<Reply> handle_charter_proposal_show(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("proposal");
  if (!id) {
    return id.error();
  }
  core::Result<std::vector<program::CharterProposal>> proposals = call.program.charter_proposals();
  if (!proposals) {
    return proposals.error();
  }
  const auto found = std::find_if(proposals->begin(), proposals->end(),
                                  [&](const program::CharterProposal& p) { return p.id == *id; });
  if (found == proposals->end()) {
    return core::make_error(core::ErrorKind::kNotFound, "no charter proposal with id " + std::to_string(*id),
                            "path.proposal");
  }
  return proposal_reply(call, *found);
}

core::Result<Reply> handle_charter_revise(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("proposal");
  if (!id) {
    return id.error();
  }
  auto request = proposal_from_body(call);
  if (!request) {
    return request.error();
  }
  return proposal_reply(call, call.program.revise_charter_proposal(*id, request->first, request->second));
}

core::Result<Reply> handle_charter_position(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("proposal");
  core::Result<std::int64_t> partner = call.id("partner");
  if (!id || !partner) {
    return id ? partner.error() : id.error();
  }
  const json& body = call.body;
  if (!body.is_object()) {
    return invalid("expected an object", "body");
  }
  if (core::Status known = adapters::json::reject_unknown_members(body, "body", {"position", "reason"}); !known) {
    return known.error();
  }
  if (!body.contains("position") || !body["position"].is_string()) {
    return invalid("expected one of agree, abstain, object", "body.position");
  }
  core::Result<program::Position> position = core::parse_name<program::Position>(body["position"].get<std::string>());
  if (!position) {
    return invalid(position.error().message, "body.position");
  }
  if (body.contains("reason") && !body["reason"].is_string()) {
    return invalid("expected a string", "body.reason");
  }
  const std::string reason = body.value("reason", std::string());
  return proposal_reply(call, call.program.take_position(*id, *partner, *position, reason));
}

core::Result<Reply> handle_charter_decide(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("proposal");
  if (!id) {
    return id.error();
  }
  return proposal_reply(call, call.program.decide_charter_proposal(*id));
}

core::Result<Reply> handle_charter_withdraw(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("proposal");
  if (!id) {
    return id.error();
  }
  return proposal_reply(call, call.program.withdraw_charter_proposal(*id));
}

core::Result<Reply> handle_election_vote(RouteCall& call) {
  core::Result<std::int64_t> partner = call.id("partner");
  if (!partner) {
    return partner.error();
  }
  const json& body = call.body;
  if (!body.is_object()) {
    return invalid("expected an object", "body");
  }
  if (core::Status known = adapters::json::reject_unknown_members(body, "body", {"candidate"}); !known) {
    return known.error();
  }
  if (!body.contains("candidate") || !body["candidate"].is_number_integer() ||
      body["candidate"].get<std::int64_t>() < 1) {
    return invalid("expected the id of a member partner willing to coordinate", "body.candidate");
  }
  core::Result<program::Coordination> coordination =
      call.program.vote_for_coordinator(*partner, body["candidate"].get<std::int64_t>());
  if (!coordination) {
    core::Error error = coordination.error();
    if (error.where == "candidate") {
      error.where = "body.candidate";
    } else if (error.where == "partner") {
      error.where = "path.partner";
    }
    return error;
  }
  return json_reply(coordination_to_json(*coordination));
}

core::Result<Reply> handle_election_decide(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("election");
  if (!id) {
    return id.error();
  }
  core::Result<program::CoordinatorElection> decided = call.program.decide_coordinator_election(*id);
  if (!decided) {
    core::Error error = decided.error();
    if (error.where == "election") {
      error.where = "path.election";
    }
    return error;
  }
  return json_reply(election_to_json(*decided));
}

core::Result<Reply> handle_election_list(RouteCall& call) {
  core::Result<std::vector<program::CoordinatorElection>> elections = call.program.coordinator_elections();
  if (!elections) {
    return elections.error();
  }
  return json_reply(json_list(*elections, election_to_json));
}

core::Result<Reply> handle_coordination_show(RouteCall& call) {
  core::Result<program::Coordination> coordination = call.program.coordination();
  if (!coordination) {
    return coordination.error();
  }
  return json_reply(coordination_to_json(*coordination));
}

core::Result<Reply> handle_coordination_willing(RouteCall& call) {
  core::Result<std::int64_t> partner = call.id("partner");
  if (!partner) {
    return partner.error();
  }
  const json& body = call.body;
  if (!body.is_object() || !body.contains("willing") || !body["willing"].is_boolean()) {
    return invalid("expected true or false", "body.willing");
  }
  if (core::Status known = adapters::json::reject_unknown_members(body, "body", {"willing"}); !known) {
    return known.error();
  }
  core::Result<program::Coordination> coordination =
      call.program.set_willing_to_coordinate(*partner, body["willing"].get<bool>());
  if (!coordination) {
    return in_request(coordination.error());
  }
  return json_reply(coordination_to_json(*coordination));
}

}  // namespace covalue::server
