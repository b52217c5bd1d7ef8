// Handlers of the deployment's administrators: the networks of the database (admin tokens only; the Api
// refuses every other token, and the program checks the role again).
#include <algorithm>
#include <memory>

#include "covalue/adapters/json/access_json.hpp"
#include "covalue/adapters/json/archive_json.hpp"
#include "covalue/adapters/json/program_json.hpp"
#include "covalue/program/archive.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"
#include "network_stores.hpp"

namespace covalue::server {

namespace codec = adapters::json;
namespace net = core::network;
using nlohmann::json;

namespace {

json network_to_json(const program::NetworkInfo& network) { return {{"id", network.id}, {"name", network.name}}; }

//! An error about a member of the body, named as the body's ("name" becomes "body.name").
core::Error in_body(core::Error error) {
  if (error.where.rfind("body", 0) != 0) {
    error.where = error.where.empty() ? "body" : "body." + error.where;
  }
  return error;
}

}  // namespace

core::Result<Reply> handle_networks_list(RouteCall& call) {
  core::Result<std::vector<program::NetworkInfo>> networks = call.program.networks();
  if (!networks) {
    return networks.error();
  }
  return json_reply(json_list(*networks, network_to_json));
}

core::Result<Reply> handle_networks_create(RouteCall& call) {
  core::Result<net::Charter> charter = decode_body(call, [](const json& node, const std::string& path) {
    return codec::charter_from_json(node, path, net::Charter{});
  });
  if (!charter) {
    return in_body(charter.error());
  }
  core::Result<program::CreatedNetwork> created = call.networks->create(call.program, *charter);
  if (!created) {
    return in_body(created.error());
  }
  json body = network_to_json(created->network);
  body["coordinator"] = codec::issued_token_to_json(created->coordinator);
  return json_reply(std::move(body), 201);
}

core::Result<Reply> handle_network_export(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("network");
  if (!id) {
    return id.error();
  }
  core::Result<std::vector<program::NetworkInfo>> networks = call.program.networks();  // administrators only
  if (!networks) {
    return networks.error();
  }
  if (std::none_of(networks->begin(), networks->end(), [&](const auto& network) { return network.id == *id; })) {
    return core::make_error(core::ErrorKind::kNotFound, "no network with id " + std::to_string(*id), "path.network");
  }
  core::Result<NetworkStores::Served> served = call.networks->of(*id);
  if (!served) {
    return served.error();
  }
  core::Result<program::NetworkArchive> archive = program::export_network(served->store);
  if (!archive) {
    return archive.error();
  }
  core::Result<std::string> text = codec::archive_to_text(*archive);
  if (!text) {
    return text.error();
  }
  Reply reply;
  reply.text = std::make_shared<const std::string>(std::move(*text));
  return reply;
}

}  // namespace covalue::server
