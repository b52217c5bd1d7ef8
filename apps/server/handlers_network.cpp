// Handlers of the network, its partners and their objectives.
#include "covalue/adapters/json/program_json.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"
#include "json_body.hpp"

namespace covalue::server {

namespace codec = adapters::json;
namespace net = core::network;
using nlohmann::json;

core::Result<Reply> handle_network_init(RouteCall& call) {
  core::Result<net::Charter> charter = decode_body(call, [](const json& node, const std::string& path) {
    return codec::charter_from_json(node, path, net::Charter{});
  });
  if (!charter) {
    return charter.error();
  }
  if (core::Status status = charter->validate(); !status) {
    const std::string& where = status.error().where;
    return core::make_error(status.error().kind, status.error().message, where.empty() ? "body" : "body." + where);
  }
  if (core::Status status = call.program.init_network(*charter); !status) {
    return status.error();
  }
  return json_reply(codec::charter_to_json(*charter), 201);
}

core::Result<Reply> handle_network_show(RouteCall& call) {
  return cached_json(call, "network",
                     [&] { return encoded(call.program.queries().network(), codec::charter_to_json); });
}

core::Result<Reply> handle_charter_update(RouteCall& call) {
  core::Result<net::Charter> current = call.program.queries().network();
  if (!current) {
    return current.error();
  }
  core::Result<net::Charter> charter = codec::charter_from_json(call.body, "body", *current);
  if (!charter) {
    return charter.error();
  }
  if (core::Status status = call.program.update_charter(*charter); !status) {
    return status.error();
  }
  return json_reply(codec::charter_to_json(*charter));
}

core::Result<Reply> handle_partner_list(RouteCall& call) {
  return cached_json(call, "partners", [&] {
    return encoded(call.program.queries().partners(),
                   [](const auto& partners) { return json_list(partners, codec::partner_to_json); });
  });
}

core::Result<Reply> handle_partner_add(RouteCall& call) {
  core::Result<std::pair<std::string, net::Tier>> request = new_partner_from_body(call.body);
  if (!request) {
    return request.error();
  }
  core::Result<net::Partner> partner = call.program.add_partner(request->first, request->second);
  if (!partner) {
    return partner.error();
  }
  return json_reply(codec::partner_to_json(*partner), 201);
}

core::Result<Reply> handle_partner_show(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("partner");
  if (!id) {
    return id.error();
  }
  return cached_json(call, "partner " + std::to_string(*id), [&] {
    return encoded(
        call.program.queries().partner(*id),
        [](const program::PartnerView& view) {
          json out = codec::partner_to_json(view.partner);
          out["objectives"] = json_list(view.objectives, codec::objective_to_json);
          return out;
        },
        "partner");
  });
}

core::Result<Reply> handle_partner_leave(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("partner");
  if (!id) {
    return id.error();
  }
  core::Result<net::Partner> partner = call.program.leave_partner(*id);
  if (!partner) {
    return partner.error();
  }
  return json_reply(codec::partner_to_json(*partner));
}

core::Result<Reply> handle_objective_list(RouteCall& call) {
  return cached_json(call, "objectives", [&] {
    return encoded(call.program.queries().objectives(),
                   [](const auto& objectives) { return json_list(objectives, codec::objective_to_json); });
  });
}

core::Result<Reply> handle_objective_add(RouteCall& call) {
  core::Result<net::Objective> objective = decode_body(call, codec::objective_from_json);
  if (!objective) {
    return objective.error();
  }
  core::Result<net::Objective> stored = call.program.add_objective(*objective);
  if (!stored) {
    return stored.error();
  }
  return json_reply(codec::objective_to_json(*stored), 201);
}

}  // namespace covalue::server
