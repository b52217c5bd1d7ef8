// Handlers of signing in as a person: the browser session (sign in, sign out), set-password links and
// setting a password with one, and ending a person's sessions.
#include "cookies.hpp"
#include "covalue/adapters/json/access_json.hpp"
#include "covalue/adapters/json/program_json.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"
#include "network_stores.hpp"
#include "read_cache.hpp"

namespace covalue::server {

namespace codec = adapters::json;
using nlohmann::json;

namespace {

//! The string member `key` of the body (kInvalidInput naming "body.KEY" when absent or not a string).
core::Result<std::string> required_string(const json& body, const char* key) {
  if (!body.contains(key) || !body[key].is_string()) {
    return invalid(std::string("expected ") + key + " as a string", std::string("body.") + key);
  }
  return body[key].get<std::string>();
}

//! The body's object shape with only `known` members.
core::Status expect_members(const json& body, const std::vector<std::string>& known) {
  if (!body.is_object()) {
    return invalid("expected an object", "body");
  }
  return codec::reject_unknown_members(body, "body", known);
}

//! The networks where signing in with `email` may succeed: those email_networks() names, or only `network`
//! when the body names one.
core::Result<std::vector<std::int64_t>> candidate_networks(RouteCall& call, const std::string& email) {
  core::Result<std::vector<std::int64_t>> networks = call.networks->home().store.email_networks(email);
  if (!networks || !call.body.contains("network")) {
    return networks;
  }
  if (!call.body["network"].is_number_integer()) {
    return invalid("expected the network's id", "body.network");
  }
  const auto wanted = call.body["network"].get<std::int64_t>();
  std::erase_if(*networks, [&](std::int64_t id) { return id != wanted; });
  return networks;
}

//! What a signed-in browser is told: who it is, in which network, until when.
json session_json(const program::OpenedSession& opened, std::int64_t network) {
  json person = codec::person_to_json(opened.person);
  return {{"role", program::name_of(opened.person.role)},
          {"partner", opened.person.partner ? json(*opened.person.partner) : json()},
          {"name", opened.person.name},
          {"person", person},
          {"network", network},
          {"expires_at", opened.session.expires_at}};
}

}  // namespace

core::Result<Reply> handle_sign_in(RouteCall& call) {
  const SignInContext& context = *call.sign_in;
  if (core::Status origin = check_origin(context.request, context.cookie_secure, false); !origin) {
    return origin.error();
  }
  if (core::Status shape = expect_members(call.body, {"email", "password", "network"}); !shape) {
    return shape.error();
  }
  core::Result<std::string> email = required_string(call.body, "email");
  core::Result<std::string> password = required_string(call.body, "password");
  if (!email || !password) {
    return email ? password.error() : email.error();
  }
  core::Result<std::vector<std::int64_t>> networks = candidate_networks(call, *email);
  if (!networks) {
    return networks.error();
  }
  std::vector<std::pair<std::int64_t, program::Person>> matched;
  for (const std::int64_t id : *networks) {
    core::Result<NetworkStores::Served> served = call.networks->of(id);
    if (!served) {
      return served.error();
    }
    core::Result<program::Person> person = program::Program::check_sign_in(served->store, *email, *password);
    if (person) {
      matched.emplace_back(id, *person);
    } else if (person.error().kind != core::ErrorKind::kUnauthenticated) {
      return person.error();
    }
  }
  if (networks->empty()) {
    program::verify_no_password(*password);  // as slow as a wrong password
  }
  if (matched.empty()) {
    return core::make_error(core::ErrorKind::kUnauthenticated, "unknown e-mail address or wrong password", "email");
  }
  if (matched.size() > 1) {
    return invalid("this e-mail address and password sign in to several networks: name one (its id) in network",
                   "body.network");
  }
  core::Result<NetworkStores::Served> served = call.networks->of(matched.front().first);
  if (!served) {
    return served.error();
  }
  core::Result<program::OpenedSession> opened =
      program::Program::open_session(served->store, matched.front().second, context.settings, context.clock);
  if (!opened) {
    return opened.error();
  }
  Reply reply = json_reply(session_json(*opened, matched.front().first), 201);
  reply.headers.emplace_back(
      "Set-Cookie", set_session_cookie(opened->secret, context.settings.lifetime_seconds, context.cookie_secure));
  return reply;
}

core::Result<Reply> handle_sign_out(RouteCall& call) {
  if (!call.program.actor().session) {  // a token: nothing to end here (DELETE /api/tokens/{id} revokes it)
    return json_reply(json{{"signed_out", false}});
  }
  if (core::Status ended = call.program.sign_out(); !ended) {
    return ended.error();
  }
  call.cache.forget_actors();  // the session stops working here at once
  Reply reply = json_reply(json{{"signed_out", true}});
  reply.headers.emplace_back("Set-Cookie", clear_session_cookie(call.sign_in->cookie_secure));
  return reply;
}

core::Result<Reply> handle_set_password(RouteCall& call) {
  const SignInContext& context = *call.sign_in;
  if (core::Status origin = check_origin(context.request, context.cookie_secure, false); !origin) {
    return origin.error();
  }
  if (core::Status shape = expect_members(call.body, {"link", "password"}); !shape) {
    return shape.error();
  }
  core::Result<std::string> link = required_string(call.body, "link");
  core::Result<std::string> password = required_string(call.body, "password");
  if (!link || !password) {
    return link ? password.error() : link.error();
  }
  if (core::Status valid = program::check_password(*password, "body.password"); !valid) {
    return valid.error();
  }
  if (!program::is_password_link_secret(*link)) {
    return invalid("expected the secret of a set-password link: cvp_ and 64 hex digits", "body.link");
  }
  const auto unusable = [] {
    return core::make_error(core::ErrorKind::kUnauthenticated,
                            "this set-password link is unknown, used or expired: ask for a new one", "body.link");
  };
  core::Result<std::optional<std::int64_t>> network =
      call.networks->home().store.sign_in_network(program::hash_token_secret(*link), true);
  if (!network) {
    return network.error();
  }
  if (!network->has_value()) {
    return unusable();
  }
  core::Result<NetworkStores::Served> served = call.networks->of(**network);
  if (!served) {
    return served.error();
  }
  core::Result<program::Person> person = program::Program::set_password(served->store, *link, *password, context.clock);
  if (!person) {
    core::Error error = person.error();
    if (error.where == "link" || error.where == "password") {
      error.where = "body." + error.where;
    }
    return error;
  }
  served->cache.forget_actors();  // the person's sessions ended
  return json_reply(
      json{{"person", person->id}, {"name", person->name}, {"email", person->email}, {"network", **network}});
}

core::Result<Reply> handle_password_link(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("person");
  if (!id) {
    return id.error();
  }
  core::Result<program::IssuedPasswordLink> issued = call.program.create_password_link(*id, call.sign_in->settings);
  if (!issued) {
    return issued.error();
  }
  return json_reply(json{{"person", *id}, {"link", issued->path()}, {"expires_at", issued->link.expires_at}}, 201);
}

core::Result<Reply> handle_revoke_sessions(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("person");
  if (!id) {
    return id.error();
  }
  core::Result<std::int64_t> revoked = call.program.revoke_sessions(*id);
  if (!revoked) {
    return revoked.error();
  }
  call.cache.forget_actors();  // the sessions stop working here at once
  return json_reply(json{{"person", *id}, {"revoked_sessions", *revoked}});
}

}  // namespace covalue::server
