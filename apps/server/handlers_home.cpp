// GET /api/home: the caller's home (program::Queries::home), what is asked of its partner now or what needs
// the coordinator's attention, with the open cycle's turnout.
#include "covalue/adapters/json/program_json.hpp"
#include "covalue/core/text.hpp"
#include "covalue/program/audit.hpp"
#include "covalue/program/home.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"

namespace covalue::server {

namespace codec = adapters::json;
namespace net = core::network;
using nlohmann::json;

namespace {

json task_json(const program::HomeTask& task) {
  return {{"kind", core::name_of(task.kind)},
          {"cycle", task.cycle},
          {"initiative", or_null(task.initiative)},
          {"due", text_or_null(task.due)},
          {"done", task.done}};
}

json attention_json(const program::Attention& item) {
  return {{"kind", core::name_of(item.kind)},
          {"cycle", item.cycle == 0 ? json() : json(item.cycle)},
          {"partner", or_null(item.partner)},
          {"due", text_or_null(item.due)},
          {"count", item.count},
          {"detail", item.detail}};
}

json standing_json(const program::HomeStanding& standing) {
  return {{"partner", standing.partner},
          {"net_value", core::to_string(standing.net_value)},
          {"transfers", core::to_string(standing.transfers)},
          {"current_dry_spell", standing.current_dry_spell},
          {"max_dry_spell", standing.max_dry_spell},
          {"protected", standing.protected_partner},
          {"leads", standing.leads},
          {"risk_score", or_null(standing.risk_score)},
          {"risk_band", or_null(standing.risk_band)},
          {"risk_reasons", standing.risk_reasons}};
}

json home_json(const program::Home& home) {
  json body{{"open_cycle", home.open_cycle ? codec::cycle_to_json(*home.open_cycle) : json()},
            {"members", home.members},
            {"voted", home.voted},
            {"turnout", json()},
            {"standing", home.standing ? standing_json(*home.standing) : json()},
            {"tasks", json::array()},
            {"transfers_cycle", or_null(home.transfers_cycle)},
            {"transfers", json::array()},
            {"attention", json::array()}};
  if (home.turnout) {
    body["turnout"] = json::array();
    for (const program::TurnoutEntry& entry : *home.turnout) {
      json row = {{"partner", entry.partner}, {"voted", entry.voted}};
      if (entry.cast_by != 0) {
        row["cast_by"] = entry.cast_by;  // a delegation: its proxy cast it
      }
      body["turnout"].push_back(std::move(row));
    }
  }
  for (const program::HomeTask& task : home.tasks) {
    body["tasks"].push_back(task_json(task));
  }
  for (const net::TransferPayment& payment : home.transfers) {
    body["transfers"].push_back(
        {{"from", payment.from}, {"to", payment.to}, {"amount", core::to_string(payment.amount)}});
  }
  for (const program::Attention& item : home.attention) {
    body["attention"].push_back(attention_json(item));
  }
  return body;
}

}  // namespace

core::Result<Reply> handle_home(RouteCall& call) {
  core::Result<program::UtcSeconds> now = program::parse_utc(program::SystemClock().now(), "now");
  if (!now) {
    return now.error();
  }
  core::Result<program::Home> home = call.program.queries().home(*now);
  if (!home) {
    return home.error();
  }
  return json_reply(home_json(*home));
}

}  // namespace covalue::server
