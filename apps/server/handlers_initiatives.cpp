// Handlers of initiatives, the scorecard and initiative scores.
#include "covalue/adapters/json/program_json.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"
#include "json_body.hpp"

namespace covalue::server {

namespace codec = adapters::json;
namespace net = core::network;
using nlohmann::json;

namespace {

//! An array of initiatives.
json initiatives_json(const std::vector<net::Initiative>& initiatives) {
  return json_list(initiatives, codec::initiative_to_json);
}

}  // namespace

core::Result<Reply> handle_initiative_list(RouteCall& call) {
  program::InitiativeFilter filter;
  const auto status = call.query.find("status");
  const std::string wanted = status == call.query.end() ? std::string() : status->second;
  if (!wanted.empty()) {
    core::Result<net::InitiativeStatus> parsed = core::parse_name<net::InitiativeStatus>(wanted);
    if (!parsed) {
      return core::make_error(core::ErrorKind::kInvalidInput, parsed.error().message, "query.status");
    }
    filter.status = *parsed;
  }
  core::Result<std::int64_t> cycle = call.query_integer("cycle", -1);
  if (!cycle) {
    return cycle.error();
  }
  if (*cycle >= 0) {
    filter.cycle = *cycle;
  }
  return cached_json(call, "initiatives " + wanted + " " + std::to_string(*cycle),
                     [&] { return encoded(call.program.queries().initiatives(filter), initiatives_json); });
}

core::Result<Reply> handle_initiative_propose(RouteCall& call) {
  core::Result<net::Initiative> initiative = decode_body(call, codec::initiative_from_json);
  if (!initiative) {
    return initiative.error();
  }
  core::Result<net::Initiative> stored = call.program.propose(*initiative);
  if (!stored) {
    return stored.error();
  }
  return json_reply(codec::initiative_to_json(*stored), 201);
}

core::Result<Reply> handle_initiative_show(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("initiative");
  if (!id) {
    return id.error();
  }
  return cached_json(call, "initiative " + std::to_string(*id), [&] {
    return encoded(call.program.queries().initiative(*id), codec::initiative_to_json, "initiative");
  });
}

core::Result<Reply> handle_initiative_withdraw(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("initiative");
  if (!id) {
    return id.error();
  }
  core::Result<std::string> reason = reason_from_body(call.body);
  if (!reason) {
    return reason.error();
  }
  core::Result<net::Initiative> changed = call.program.withdraw(*id, *reason);
  if (!changed) {
    return changed.error();
  }
  return json_reply(codec::initiative_to_json(*changed));
}

core::Result<Reply> handle_volunteer(RouteCall& call) {
  core::Result<std::int64_t> initiative = call.id("initiative");
  core::Result<std::int64_t> partner = call.id("partner");
  if (!initiative || !partner) {
    return initiative ? partner.error() : initiative.error();
  }
  core::Result<net::Initiative> changed = call.program.volunteer(*initiative, *partner);
  if (!changed) {
    return changed.error();
  }
  return json_reply(codec::initiative_to_json(*changed));
}

core::Result<Reply> handle_stand_down(RouteCall& call) {
  core::Result<std::int64_t> initiative = call.id("initiative");
  core::Result<std::int64_t> partner = call.id("partner");
  if (!initiative || !partner) {
    return initiative ? partner.error() : initiative.error();
  }
  core::Result<net::Initiative> changed = call.program.stand_down(*initiative, *partner);
  if (!changed) {
    return changed.error();
  }
  return json_reply(codec::initiative_to_json(*changed));
}

core::Result<Reply> handle_scorecard_show(RouteCall& call) {
  return cached_json(call, "scorecard", [&]() -> core::Result<json> {
    core::Result<program::ScorecardView> view = call.program.queries().scorecard();
    // A network without a scorecard is an answer, not a missing resource: a page that asks on every
    // load gets 200 and `"scorecard": null` instead of a 404 logged in the browser's console.
    if (!view && view.error().kind == core::ErrorKind::kNotFound && view.error().where == "scorecard") {
      return json{{"scorecard", nullptr}, {"ranking", json::array()}};
    }
    return encoded(std::move(view), [](const program::ScorecardView& found) {
      return json{{"scorecard", codec::scorecard_to_json(found.scorecard)},
                  {"ranking", json_list(found.ranking, codec::scorecard_entry_to_json)}};
    });
  });
}

core::Result<Reply> handle_scorecard_define(RouteCall& call) {
  core::Result<net::Scorecard> scorecard = decode_body(call, codec::scorecard_from_json);
  if (!scorecard) {
    return scorecard.error();
  }
  if (core::Status status = call.program.define_scorecard(*scorecard); !status) {
    return status.error();
  }
  return json_reply(codec::scorecard_to_json(*scorecard));
}

core::Result<Reply> handle_score_list(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("initiative");
  if (!id) {
    return id.error();
  }
  return cached_json(call, "scores " + std::to_string(*id), [&] {
    return encoded(
        call.program.queries().scores(*id),
        [](const auto& scores) { return json_list(scores, codec::initiative_score_to_json); }, "initiative");
  });
}

core::Result<Reply> handle_score_put(RouteCall& call) {
  core::Result<std::int64_t> initiative = call.id("initiative");
  core::Result<std::int64_t> partner = call.id("partner");
  if (!initiative || !partner) {
    return initiative ? partner.error() : initiative.error();
  }
  core::Result<std::vector<net::InitiativeScore>> scores = scores_from_body(call.body, *initiative, *partner);
  if (!scores) {
    return scores.error();
  }
  if (core::Status status = call.program.score_initiative(*scores); !status) {
    return status.error();
  }
  return json_reply(json_list(*scores, codec::initiative_score_to_json));
}

}  // namespace covalue::server
