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

core::Result<json> initiatives_json(const program::Snapshot& snapshot, const std::string& status,
                                    std::optional<std::int64_t> cycle) {
  json out = json::array();
  for (const net::Initiative& initiative : snapshot.initiatives) {
    if ((status.empty() || status == net::name_of(initiative.status)) && (!cycle || *cycle == initiative.cycle)) {
      out.push_back(codec::initiative_to_json(initiative));
    }
  }
  return out;
}

//! The initiatives still to be decided: the scorecard ranks these.
std::vector<net::InitiativeId> undecided(const program::Snapshot& snapshot) {
  std::vector<net::InitiativeId> ids;
  for (const net::Initiative& initiative : snapshot.initiatives) {
    if (initiative.status == net::InitiativeStatus::kProposed ||
        initiative.status == net::InitiativeStatus::kCarriedOver) {
      ids.push_back(initiative.id);
    }
  }
  return ids;
}

}  // namespace

core::Result<Reply> handle_initiative_list(RouteCall& call) {
  const auto status = call.query.find("status");
  const std::string wanted = status == call.query.end() ? std::string() : status->second;
  if (!wanted.empty()) {
    if (core::Result<net::InitiativeStatus> parsed = core::parse_name<net::InitiativeStatus>(wanted); !parsed) {
      return core::make_error(core::ErrorKind::kInvalidInput, parsed.error().message, "query.status");
    }
  }
  core::Result<std::int64_t> cycle = call.query_integer("cycle", -1);
  if (!cycle) {
    return cycle.error();
  }
  const std::optional<std::int64_t> only = *cycle >= 0 ? std::optional<std::int64_t>(*cycle) : std::nullopt;
  return cached_json(call, "initiatives " + wanted + " " + std::to_string(*cycle),
                     [&](const program::Snapshot& snapshot) { return initiatives_json(snapshot, wanted, only); });
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
  return cached_json(call, "initiative " + std::to_string(*id),
                     [&](const program::Snapshot& snapshot) -> core::Result<json> {
                       const net::Initiative* initiative = snapshot.find_initiative(*id);
                       if (initiative == nullptr) {
                         return core::make_error(core::ErrorKind::kNotFound,
                                                 "no initiative with id " + std::to_string(*id), "path.initiative");
                       }
                       return codec::initiative_to_json(*initiative);
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
  return cached_json(call, "scorecard", [](const program::Snapshot& snapshot) -> core::Result<json> {
    if (!snapshot.scorecard) {
      return core::make_error(core::ErrorKind::kNotFound, "the network has no scorecard", "scorecard");
    }
    const std::vector<net::ScorecardEntry> ranking =
        net::rank_by_scorecard(*snapshot.scorecard, undecided(snapshot), snapshot.scores);
    return json{{"scorecard", codec::scorecard_to_json(*snapshot.scorecard)},
                {"ranking", json_list(ranking, codec::scorecard_entry_to_json)}};
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
  return cached_json(call, "scores " + std::to_string(*id),
                     [&](const program::Snapshot& snapshot) -> core::Result<json> {
                       if (snapshot.find_initiative(*id) == nullptr) {
                         return core::make_error(core::ErrorKind::kNotFound,
                                                 "no initiative with id " + std::to_string(*id), "path.initiative");
                       }
                       json out = json::array();
                       for (const net::InitiativeScore& score : snapshot.scores) {
                         if (score.initiative == *id) {
                           out.push_back(codec::initiative_score_to_json(score));
                         }
                       }
                       return out;
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
