// Notification preferences over HTTP (issue 13 item 5): the signed-in person's own, a person's for coordinators,
// and the public one-click unsubscribe link (RFC 8058) that e-mails carry.
#include "covalue/adapters/json/program_json.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"
#include "network_stores.hpp"

namespace covalue::server {
namespace {

using nlohmann::json;

json preferences_to_json(const program::PersonPreferences& preferences) {
  json kinds = json::array();
  for (const program::KindPreference& kind : preferences.kinds) {
    kinds.push_back({{"kind", program::name_of(kind.kind)},
                     {"cadence", program::name_of(kind.cadence)},
                     {"chosen", kind.chosen},
                     {"default", program::name_of(program::default_cadence(kind.kind))}});
  }
  return {{"person", preferences.person}, {"preferences", kinds}};
}

//! {"preferences": [{"kind", "cadence"}, ...]}: the changes; errors name "body.preferences[1].kind", ...
core::Result<std::vector<program::KindPreference>> changes_from_body(const json& body) {
  if (!body.is_object()) {
    return invalid("expected an object", "body");
  }
  if (core::Status known = adapters::json::reject_unknown_members(body, "body", {"preferences"}); !known) {
    return known.error();
  }
  if (!body.contains("preferences") || !body["preferences"].is_array()) {
    return invalid("expected an array of {\"kind\", \"cadence\"}", "body.preferences");
  }
  const json& list = body["preferences"];
  if (list.size() > 100) {
    return invalid("at most 100 changes at once, got " + std::to_string(list.size()), "body.preferences");
  }
  std::vector<program::KindPreference> changes;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string where = "body.preferences[" + std::to_string(i) + "]";
    const json& item = list[i];
    if (!item.is_object()) {
      return invalid("expected an object", where);
    }
    if (core::Status known = adapters::json::reject_unknown_members(item, where, {"kind", "cadence"}); !known) {
      return known.error();
    }
    for (const char* key : {"kind", "cadence"}) {
      if (!item.contains(key) || !item[key].is_string()) {
        return invalid("expected a string", where + "." + key);
      }
    }
    core::Result<program::EventKind> kind = core::parse_name<program::EventKind>(item["kind"].get<std::string>());
    core::Result<program::Cadence> cadence = core::parse_name<program::Cadence>(item["cadence"].get<std::string>());
    if (!kind || !cadence) {
      core::Error error = kind ? cadence.error() : kind.error();
      error.where = where + (kind ? ".cadence" : ".kind");
      return error;
    }
    changes.push_back({.kind = *kind, .cadence = *cadence, .chosen = true});
  }
  return changes;
}

//! What an unsubscribe token does, in words and as data.
json unsubscribe_to_json(const program::UnsubscribeTarget& target, bool done) {
  const bool digest = target.kind == program::EventKind::kDigest;
  const std::string what = digest ? "digest e-mails (every kind you get daily or weekly)"
                                  : std::string("e-mails about ") + program::name_of(target.kind);
  return {{"person", target.person},
          {"person_name", target.person_name},
          {"network", target.network_name},
          {"kind", program::name_of(target.kind)},
          {"unsubscribed", done},
          {"message", done ? target.person_name + " gets no more " + what + " from " + target.network_name +
                                 ". The inbox keeps them; choose again on the preferences page."
                           : "Confirm with a POST to this same address: " + target.person_name + " will get no more " +
                                 what + " from " + target.network_name + ". Nothing has changed yet."}};
}

//! The store of the network a token's `token` query parameter names; kInvalidInput naming "token" otherwise.
core::Result<NetworkStores::Served> unsubscribe_store(RouteCall& call, std::string& token) {
  const auto found = call.query.find("token");
  token = found == call.query.end() ? std::string() : found->second;
  core::Result<std::int64_t> network = program::unsubscribe_token_network(token);
  if (!network) {
    core::Error error = network.error();
    error.where = "query.token";
    return error;
  }
  core::Result<NetworkStores::Served> served = call.networks->of(*network);
  if (!served) {
    return invalid("the unsubscribe token names no network of this server", "query.token");
  }
  return served;
}

core::Result<Reply> unsubscribe_reply(RouteCall& call, bool change) {
  std::string token;
  core::Result<NetworkStores::Served> served = unsubscribe_store(call, token);
  if (!served) {
    return served.error();
  }
  core::Result<program::UnsubscribeTarget> target =
      change ? program::Program::unsubscribe(served->store, token, call.sign_in->clock)
             : program::Program::check_unsubscribe(served->store, token);
  if (!target) {
    core::Error error = target.error();
    error.where = error.where == "token" ? "query.token" : error.where;
    return error;
  }
  return json_reply(unsubscribe_to_json(*target, change));
}

}  // namespace

core::Result<Reply> handle_preferences(RouteCall& call) {
  core::Result<json> body = encoded(call.program.preferences(), preferences_to_json);
  return body ? core::Result<Reply>(json_reply(std::move(*body))) : core::Result<Reply>(body.error());
}

core::Result<Reply> handle_preferences_set(RouteCall& call) {
  core::Result<std::vector<program::KindPreference>> changes = changes_from_body(call.body);
  if (!changes) {
    return changes.error();
  }
  core::Result<program::PersonPreferences> set = call.program.set_preferences(std::nullopt, *changes);
  if (!set) {
    core::Error error = set.error();
    if (error.where.starts_with("preferences[")) {
      error.where = "body." + error.where;
    }
    return error;
  }
  return json_reply(preferences_to_json(*set));
}

core::Result<Reply> handle_person_preferences(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("person");
  if (!id) {
    return id.error();
  }
  core::Result<json> body = encoded(call.program.preferences(*id), preferences_to_json, "person");
  return body ? core::Result<Reply>(json_reply(std::move(*body))) : core::Result<Reply>(body.error());
}

core::Result<Reply> handle_unsubscribe_check(RouteCall& call) { return unsubscribe_reply(call, false); }

core::Result<Reply> handle_unsubscribe(RouteCall& call) { return unsubscribe_reply(call, true); }

}  // namespace covalue::server
