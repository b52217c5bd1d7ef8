// Handlers of access tokens and the audit log (coordinators only; the program checks it).
#include "covalue/adapters/json/access_json.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"
#include "json_body.hpp"
#include "read_cache.hpp"

namespace covalue::server {

namespace codec = adapters::json;
using nlohmann::json;

core::Result<Reply> handle_person_list(RouteCall& call) {
  core::Result<std::vector<program::Person>> people = call.program.people();
  if (!people) {
    return people.error();
  }
  return json_reply(json_list(*people, codec::person_to_json));
}

core::Result<Reply> handle_person_add(RouteCall& call) {
  core::Result<program::Person> person = person_from_body(call.body);
  if (!person) {
    return person.error();
  }
  core::Result<program::Person> added = call.program.add_person(*person);
  if (!added) {
    return added.error();
  }
  return json_reply(codec::person_to_json(*added), 201);
}

core::Result<Reply> handle_person_remove(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("person");
  if (!id) {
    return id.error();
  }
  core::Result<program::Person> removed = call.program.remove_person(*id);
  if (!removed) {
    return removed.error();
  }
  call.cache.forget_actors();  // the person's revoked tokens stop working here at once
  return json_reply(codec::person_to_json(*removed));
}

core::Result<Reply> handle_token_list(RouteCall& call) {
  core::Result<std::vector<program::AccessToken>> tokens = call.program.tokens();
  if (!tokens) {
    return tokens.error();
  }
  return json_reply(json_list(*tokens, codec::access_token_to_json));
}

core::Result<Reply> handle_token_issue(RouteCall& call) {
  core::Result<TokenRequest> request = token_request_from_body(call.body);
  if (!request) {
    return request.error();
  }
  core::Result<program::IssuedToken> issued =
      request->person ? call.program.issue_person_token(*request->person, request->label)
                      : call.program.issue_token(request->role, request->partner, request->label);
  if (!issued) {
    return issued.error();
  }
  return json_reply(codec::issued_token_to_json(*issued), 201);
}

core::Result<Reply> handle_token_revoke(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("token");
  if (!id) {
    return id.error();
  }
  if (core::Status status = call.program.revoke_token(*id); !status) {
    return status.error();
  }
  call.cache.forget_actors();  // the revoked token stops working here at once
  core::Result<std::vector<program::AccessToken>> tokens = call.program.tokens();
  if (!tokens) {
    return tokens.error();
  }
  for (const program::AccessToken& token : *tokens) {
    if (token.id == *id) {
      return json_reply(codec::access_token_to_json(token));
    }
  }
  return json_reply(json{{"id", *id}, {"revoked", true}});
}

core::Result<Reply> handle_audit_list(RouteCall& call) {
  core::Result<std::int64_t> after = call.query_integer("after", 0);
  core::Result<std::int64_t> limit = call.query_integer("limit", 100);
  if (!after || !limit) {
    return after ? limit.error() : after.error();
  }
  core::Result<std::vector<program::AuditEntry>> entries = call.program.audit_log(*after, *limit);
  if (!entries) {
    return entries.error();
  }
  return json_reply(json_list(*entries, codec::audit_entry_to_json));
}

core::Result<Reply> handle_audit_verify(RouteCall& call) {
  core::Result<program::AuditVerification> verification = call.program.verify_audit();
  if (!verification) {
    return verification.error();
  }
  return json_reply(codec::audit_verification_to_json(*verification));
}

}  // namespace covalue::server
