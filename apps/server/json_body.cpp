#include "json_body.hpp"

#include "covalue/adapters/json/program_json.hpp"
#include "handler_support.hpp"

namespace covalue::server {

namespace net = core::network;
using nlohmann::json;

namespace {

core::Result<core::Rational> exact(const json& node, const std::string& where) {
  if (node.is_number_integer()) {
    return core::Rational(node.dump());
  }
  if (!node.is_string()) {
    return invalid("expected an exact number like \"7/2\"", where);
  }
  core::Result<core::Rational> value = core::parse_exact_number(node.get<std::string>());
  if (!value) {
    return invalid(value.error().message, where);
  }
  return value;
}

core::Result<net::InitiativeScore> score_from_json(const json& item, const std::string& at) {
  if (!item.is_object()) {
    return invalid("expected an object", at);
  }
  if (core::Status known = adapters::json::reject_unknown_members(item, at, {"criterion", "value"}); !known) {
    return known.error();
  }
  if (!item.contains("criterion") || !item["criterion"].is_string()) {
    return invalid("expected the criterion's name as a string", at + ".criterion");
  }
  core::Result<core::Rational> value = exact(item.contains("value") ? item["value"] : json(), at + ".value");
  if (!value) {
    return value.error();
  }
  return net::InitiativeScore{0, 0, item["criterion"].get<std::string>(), *value};
}

}  // namespace

core::Result<std::vector<net::InitiativeScore>> scores_from_body(const json& body, net::InitiativeId initiative,
                                                                 net::PartnerId partner) {
  if (core::Status shape = expect_object(body, {"scores"}); !shape) {
    return shape.error();
  }
  if (!body.contains("scores") || !body["scores"].is_array()) {
    return invalid("expected an array of {criterion, value}", "body.scores");
  }
  std::vector<net::InitiativeScore> scores;
  for (std::size_t i = 0; i < body["scores"].size(); ++i) {
    core::Result<net::InitiativeScore> score =
        score_from_json(body["scores"][i], "body.scores[" + std::to_string(i) + "]");
    if (!score) {
      return score.error();
    }
    score->initiative = initiative;
    score->partner = partner;
    scores.push_back(std::move(*score));
  }
  return scores;
}

core::Result<std::int64_t> shortlist_size_from_body(const json& body) {
  if (core::Status shape = expect_object(body, {"size"}); !shape) {
    return shape.error();
  }
  if (!body.contains("size")) {
    return 0;
  }
  if (!body["size"].is_number_integer() || body["size"].get<std::int64_t>() < 0) {
    return invalid("expected a non-negative integer", "body.size");
  }
  return body["size"].get<std::int64_t>();
}

core::Result<program::DeadlineChange> deadlines_from_body(const json& body, bool voting_only) {
  const std::vector<std::string> keys = voting_only
                                            ? std::vector<std::string>{"closes_at"}
                                            : std::vector<std::string>{"proposals_close_at", "voting_closes_at"};
  if (core::Status shape = expect_object(body, keys); !shape) {
    return shape.error();
  }
  std::optional<std::string> times[2];
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!body.contains(keys[i])) {
      continue;
    }
    const json& given = body[keys[i]];
    if (given.is_null()) {
      times[i] = std::string();
    } else if (given.is_string() && !given.get<std::string>().empty()) {
      times[i] = given.get<std::string>();
    } else {
      return invalid("expected a UTC time such as \"2026-12-10T17:00Z\", or null for none", "body." + keys[i]);
    }
  }
  if (voting_only) {
    return program::DeadlineChange{.proposals_close_at = std::nullopt, .voting_closes_at = times[0]};
  }
  return program::DeadlineChange{.proposals_close_at = times[0], .voting_closes_at = times[1]};
}

core::Result<TokenRequest> token_request_from_body(const json& body) {
  if (core::Status shape = expect_object(body, {"role", "partner", "person", "label"}); !shape) {
    return shape.error();
  }
  TokenRequest request;
  if (body.contains("person")) {
    if (!body["person"].is_number_integer()) {
      return invalid("expected a person id", "body.person");
    }
    if (body.contains("role") || body.contains("partner")) {
      return invalid("a token for a person takes the person's role and partner: leave role and partner out",
                     "body.person");
    }
    request.person = body["person"].get<std::int64_t>();
  } else if (!body.contains("role") || !body["role"].is_string()) {
    return invalid("expected the role's name as a string", "body.role");
  }
  if (!request.person) {
    core::Result<program::Role> role = core::parse_name<program::Role>(body["role"].get<std::string>());
    if (!role) {
      return invalid(role.error().message, "body.role");
    }
    request.role = *role;
  }
  if (body.contains("partner") && !body["partner"].is_null()) {
    if (!body["partner"].is_number_integer()) {
      return invalid("expected a partner id", "body.partner");
    }
    request.partner = body["partner"].get<std::int64_t>();
  }
  if (body.contains("label")) {
    if (!body["label"].is_string()) {
      return invalid("expected a string", "body.label");
    }
    request.label = body["label"].get<std::string>();
  }
  return request;
}

namespace {

//! An optional string member into `out`; kInvalidInput naming "body.KEY" when it is not a string.
core::Status optional_string(const json& body, const char* key, std::string& out) {
  if (!body.contains(key)) {
    return {};
  }
  if (!body[key].is_string()) {
    return invalid("expected a string", std::string("body.") + key);
  }
  out = body[key].get<std::string>();
  return {};
}

//! An optional enum member (its name) into `out`.
template <typename E>
core::Status optional_name(const json& body, const char* key, E& out) {
  std::string text;
  if (core::Status read = optional_string(body, key, text); !read || text.empty()) {
    return read;
  }
  core::Result<E> value = core::parse_name<E>(text);
  if (!value) {
    return invalid(value.error().message, std::string("body.") + key);
  }
  out = *value;
  return {};
}

}  // namespace

core::Result<program::Person> person_from_body(const json& body) {
  if (core::Status shape = expect_object(body, {"name", "email", "partner", "role", "time_zone", "language"}); !shape) {
    return shape.error();
  }
  program::Person person;
  for (const auto& [key, out] : {std::pair<const char*, std::string*>{"name", &person.name},
                                 std::pair<const char*, std::string*>{"email", &person.email},
                                 std::pair<const char*, std::string*>{"time_zone", &person.time_zone}}) {
    if (core::Status read = optional_string(body, key, *out); !read) {
      return read.error();
    }
  }
  if (core::Status role = optional_name(body, "role", person.role); !role) {
    return role.error();
  }
  if (core::Status language = optional_name(body, "language", person.language); !language) {
    return language.error();
  }
  if (body.contains("partner") && !body["partner"].is_null()) {
    if (!body["partner"].is_number_integer()) {
      return invalid("expected a partner id", "body.partner");
    }
    person.partner = body["partner"].get<std::int64_t>();
  }
  return person;
}

core::Result<std::string> reason_from_body(const json& body) {
  if (core::Status shape = expect_object(body, {"reason"}); !shape) {
    return shape.error();
  }
  if (!body.contains("reason")) {
    return std::string();
  }
  if (!body["reason"].is_string()) {
    return invalid("expected the reason as a string", "body.reason");
  }
  return body["reason"].get<std::string>();
}

core::Result<std::pair<std::string, net::Tier>> new_partner_from_body(const json& body) {
  if (core::Status shape = expect_object(body, {"name", "tier"}); !shape) {
    return shape.error();
  }
  if (!body.contains("name") || !body["name"].is_string()) {
    return invalid("expected the partner's name as a string", "body.name");
  }
  net::Tier tier = net::Tier::kOther;
  if (body.contains("tier")) {
    if (!body["tier"].is_string()) {
      return invalid("expected a tier name", "body.tier");
    }
    core::Result<net::Tier> parsed = core::parse_name<net::Tier>(body["tier"].get<std::string>());
    if (!parsed) {
      return invalid(parsed.error().message, "body.tier");
    }
    tier = *parsed;
  }
  return std::make_pair(body["name"].get<std::string>(), tier);
}

core::Result<net::PartnerId> proxy_from_body(const json& body) {
  if (core::Status shape = expect_object(body, {"proxy"}); !shape) {
    return shape.error();
  }
  if (!body.contains("proxy") || !body["proxy"].is_number_integer() || body["proxy"].get<std::int64_t>() < 1) {
    return invalid("expected the id of the partner to delegate to (a positive integer)", "body.proxy");
  }
  return body["proxy"].get<std::int64_t>();
}

core::Result<bool> close_confirmation_from_body(const json& body) {
  if (core::Status shape = expect_object(body, {"confirm_low_turnout"}); !shape) {
    return shape.error();
  }
  if (!body.contains("confirm_low_turnout")) {
    return false;
  }
  if (!body["confirm_low_turnout"].is_boolean()) {
    return invalid("expected true or false", "body.confirm_low_turnout");
  }
  return body["confirm_low_turnout"].get<bool>();
}

}  // namespace covalue::server
