// Delegation (issue 14 item 5): a partner hands its ballot for a cycle to a proxy, takes it back, and who has
// delegated to whom; the turnout a close is checked against (issue 13 item 6).
#include <string>

#include "covalue/adapters/json/program_json.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"
#include "json_body.hpp"

namespace covalue::server {

namespace {

using nlohmann::json;

json delegation_to_json(const program::Delegation& delegation) {
  return {{"cycle", delegation.cycle},
          {"partner", delegation.partner},
          {"proxy", delegation.proxy},
          {"created_at", delegation.created_at}};
}

//! An error of the program naming "cycle" or "partner" named as the path's, "proxy" as the body's.
core::Error located(core::Error error) {
  if (error.where == "cycle" || (error.where == "partner" && error.kind != core::ErrorKind::kForbidden)) {
    error.where = "path." + error.where;
  } else if (error.where == "proxy") {
    error.where = "body.proxy";
  }
  return error;
}

}  // namespace

core::Result<Reply> handle_delegation_list(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  if (!number) {
    return number.error();
  }
  core::Result<std::vector<program::Delegation>> delegations = call.program.delegations(*number);
  if (!delegations) {
    return located(delegations.error());
  }
  return json_reply(json_list(*delegations, delegation_to_json));
}

core::Result<Reply> handle_delegation_add(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  core::Result<std::int64_t> partner = call.id("partner");
  if (!number || !partner) {
    return number ? partner.error() : number.error();
  }
  core::Result<std::int64_t> proxy = proxy_from_body(call.body);
  if (!proxy) {
    return proxy.error();
  }
  core::Result<program::Delegation> delegation = call.program.delegate(*number, *partner, *proxy);
  if (!delegation) {
    return located(delegation.error());
  }
  return json_reply(delegation_to_json(*delegation), 201);
}

core::Result<Reply> handle_delegation_revoke(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  core::Result<std::int64_t> partner = call.id("partner");
  if (!number || !partner) {
    return number ? partner.error() : number.error();
  }
  core::Result<program::Delegation> revoked = call.program.revoke_delegation(*number, *partner);
  if (!revoked) {
    return located(revoked.error());
  }
  return json_reply(delegation_to_json(*revoked));
}

core::Result<Reply> handle_cycle_turnout(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  if (!number) {
    return number.error();
  }
  core::Result<program::CycleTurnout> turnout = call.program.turnout(*number);
  if (!turnout) {
    return located(turnout.error());
  }
  return json_reply({{"cycle", turnout->cycle},
                     {"members", turnout->members},
                     {"voted", turnout->voted},
                     {"delegated", turnout->delegated},
                     {"close_turnout_warning", turnout->warning},
                     {"below", turnout->below},
                     {"summary", turnout->describe()}});
}

}  // namespace covalue::server
