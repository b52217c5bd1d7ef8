// Handlers of cycles, ballots, outcomes and the ledger (actuals and KPI measurements).
#include "covalue/adapters/json/cycle_outcome_json.hpp"
#include "covalue/adapters/json/program_json.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"
#include "json_body.hpp"

namespace covalue::server {

namespace codec = adapters::json;
namespace net = core::network;
using nlohmann::json;

namespace {

//! Runs a cycle transition on the cycle of the path and answers the changed cycle.
core::Result<Reply> transition(RouteCall& call, core::Result<net::Cycle> (program::Program::*step)(net::CycleNumber)) {
  core::Result<std::int64_t> number = call.id("cycle");
  if (!number) {
    return number.error();
  }
  core::Result<net::Cycle> cycle = (call.program.*step)(*number);
  if (!cycle) {
    return cycle.error();
  }
  return json_reply(codec::cycle_to_json(*cycle));
}

}  // namespace

core::Result<Reply> handle_cycle_list(RouteCall& call) {
  return cached_json(call, "cycles", [&] {
    return encoded(call.program.queries().cycles(),
                   [](const auto& cycles) { return json_list(cycles, codec::cycle_to_json); });
  });
}

core::Result<Reply> handle_cycle_open(RouteCall& call) {
  core::Result<program::DeadlineChange> deadlines = deadlines_from_body(call.body, false);
  if (!deadlines) {
    return deadlines.error();
  }
  core::Result<net::Cycle> cycle = call.program.open_cycle(*deadlines);
  if (!cycle) {
    return cycle.error();
  }
  return json_reply(codec::cycle_to_json(*cycle), 201);
}

core::Result<Reply> handle_cycle_show(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  if (!number) {
    return number.error();
  }
  return cached_json(call, "cycle " + std::to_string(*number),
                     [&] { return encoded(call.program.queries().cycle(*number), codec::cycle_to_json, "cycle"); });
}

core::Result<Reply> handle_cycle_voting(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  if (!number) {
    return number.error();
  }
  core::Result<program::DeadlineChange> closes = deadlines_from_body(call.body, true);
  if (!closes) {
    return closes.error();
  }
  core::Result<net::Cycle> cycle = call.program.start_voting(*number, closes->voting_closes_at);
  if (!cycle) {
    return cycle.error();
  }
  return json_reply(codec::cycle_to_json(*cycle));
}

core::Result<Reply> handle_cycle_deadlines(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  if (!number) {
    return number.error();
  }
  core::Result<program::DeadlineChange> change = deadlines_from_body(call.body, false);
  if (!change) {
    return change.error();
  }
  core::Result<net::Cycle> cycle = call.program.set_deadlines(*number, *change);
  if (!cycle) {
    return cycle.error();
  }
  return json_reply(codec::cycle_to_json(*cycle));
}

core::Result<Reply> handle_cycle_review(RouteCall& call) { return transition(call, &program::Program::review_cycle); }

core::Result<Reply> handle_cycle_close(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  if (!number) {
    return number.error();
  }
  core::Result<bool> confirmed = close_confirmation_from_body(call.body);
  if (!confirmed) {
    return confirmed.error();
  }
  core::Result<program::ClosedCycle> closed = call.program.close_cycle_confirming(*number, *confirmed, false);
  if (!closed) {
    core::Error error = closed.error();
    error.where = error.where == "confirm_low_turnout" ? "body.confirm_low_turnout" : error.where;
    return error;
  }
  return json_reply(codec::cycle_outcome_to_json(closed->outcome));
}

core::Result<Reply> handle_cycle_shortlist(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  if (!number) {
    return number.error();
  }
  core::Result<std::int64_t> size = shortlist_size_from_body(call.body);
  if (!size) {
    return size.error();
  }
  core::Result<net::Cycle> cycle = call.program.shortlist(*number, *size);
  if (!cycle) {
    return cycle.error();
  }
  return json_reply(codec::cycle_to_json(*cycle));
}

core::Result<Reply> handle_ballot_list(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  if (!number) {
    return number.error();
  }
  core::Result<std::vector<net::PartnerBallot>> ballots = call.program.queries().ballots(*number);
  if (!ballots) {
    return ballots.error();
  }
  return json_reply(json_list(*ballots, codec::ballot_to_json));
}

core::Result<Reply> handle_ballot_cast(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  core::Result<std::int64_t> partner = call.id("partner");
  if (!number || !partner) {
    return number ? partner.error() : number.error();
  }
  core::Result<net::PartnerBallot> ballot = decode_body(call, codec::ballot_from_json);
  if (!ballot) {
    return ballot.error();
  }
  ballot->cycle = *number;
  ballot->partner = *partner;
  core::Result<net::PartnerBallot> stored = call.program.cast_ballot(*ballot);
  if (!stored) {
    return stored.error();
  }
  return json_reply(codec::ballot_to_json(*stored));
}

core::Result<Reply> handle_outcome(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  if (!number) {
    return number.error();
  }
  return cached_json(call, "outcome " + std::to_string(*number), [&] {
    return encoded(call.program.queries().outcome(*number), codec::cycle_outcome_to_json, "cycle");
  });
}

core::Result<Reply> handle_actual_list(RouteCall& call) {
  return cached_json(call, "actuals", [&] {
    return encoded(call.program.queries().actuals(),
                   [](const auto& actuals) { return json_list(actuals, codec::realised_value_to_json); });
  });
}

core::Result<Reply> handle_actual_record(RouteCall& call) {
  core::Result<net::RealisedValue> value = decode_body(call, codec::realised_value_from_json);
  if (!value) {
    return value.error();
  }
  if (core::Status status = call.program.record_realised_value(*value); !status) {
    return status.error();
  }
  return json_reply(codec::realised_value_to_json(*value), 201);
}

core::Result<Reply> handle_kpi_list(RouteCall& call) {
  return cached_json(call, "kpis", [&] {
    return encoded(call.program.queries().kpis(),
                   [](const auto& kpis) { return json_list(kpis, codec::kpi_measurement_to_json); });
  });
}

core::Result<Reply> handle_kpi_record(RouteCall& call) {
  core::Result<net::KpiMeasurement> measurement = decode_body(call, codec::kpi_measurement_from_json);
  if (!measurement) {
    return measurement.error();
  }
  if (core::Status status = call.program.record_kpi(*measurement); !status) {
    return status.error();
  }
  return json_reply(codec::kpi_measurement_to_json(*measurement), 201);
}

}  // namespace covalue::server
