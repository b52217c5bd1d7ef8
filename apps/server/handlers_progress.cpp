// Handlers of delivery by the lead (issue 14 items 3 to 6): progress updates, milestones, the delivery status,
// the lead's realised value and its confirmation, and the reads of an initiative's, a cycle's and a partner's
// delivery.
#include "covalue/adapters/json/program_json.hpp"
#include "covalue/core/rational.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"

// Drafts name only the members they set (the others keep their defaults), which GCC's -Wextra reports.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
namespace covalue::server {

namespace codec = adapters::json;
namespace net = core::network;
using nlohmann::json;

namespace {

//! The body's string member `name` (`required`: kInvalidInput naming it when absent), or nothing.
core::Result<std::optional<std::string>> text_member(const json& body, const char* name, bool required) {
  if (!body.contains(name)) {
    if (required) {
      return invalid(std::string("expected the ") + name + " as a string", std::string("body.") + name);
    }
    return std::optional<std::string>();
  }
  if (!body[name].is_string()) {
    return invalid(std::string("expected the ") + name + " as a string", std::string("body.") + name);
  }
  return std::optional<std::string>(body[name].get<std::string>());
}

//! The body's exact-number member `name`, or nothing when absent or null.
core::Result<std::optional<core::Rational>> amount_member(const json& body, const char* name) {
  const std::string where = std::string("body.") + name;
  if (!body.contains(name) || body[name].is_null()) {
    return std::optional<core::Rational>();
  }
  const json& node = body[name];
  if (node.is_number_integer()) {
    return std::optional<core::Rational>(core::Rational(node.dump()));
  }
  if (!node.is_string()) {
    return invalid("expected an exact number like \"7/2\"", where);
  }
  core::Result<core::Rational> value = core::parse_exact_number(node.get<std::string>());
  if (!value) {
    return invalid(value.error().message, where);
  }
  return std::optional<core::Rational>(*value);
}

json optional_amount(const std::optional<core::Rational>& value) {
  return value ? json(core::to_string(*value)) : json();
}

json update_json(const program::InitiativeUpdate& update) {
  return {{"id", update.id},
          {"initiative", update.initiative},
          {"text", update.text},
          {"posted_at", update.posted_at},
          {"partner", update.partner ? json(*update.partner) : json()},
          {"person", update.person ? json(*update.person) : json()},
          {"author", update.author},
          {"status", update.status ? json(core::name_of(*update.status)) : json()}};
}

json milestone_json(const program::Milestone& milestone) {
  return {{"id", milestone.id},       {"initiative", milestone.initiative},
          {"title", milestone.title}, {"due_date", milestone.due_date},
          {"done", milestone.done},   {"done_at", text_or_null(milestone.done_at)}};
}

json lead_value_json(const program::LeadRealisedValue& value) {
  return {{"cycle", value.cycle},
          {"initiative", value.initiative},
          {"partner", value.partner},
          {"target", optional_amount(value.target)},
          {"forecast", optional_amount(value.forecast)},
          {"actual", optional_amount(value.actual)},
          {"recorded_at", value.recorded_at},
          {"recorded_by", value.recorded_by},
          {"confirmed", value.confirmed},
          {"confirmed_at", text_or_null(value.confirmed_at)}};
}

json value_line_json(const program::PartnerValueLine& line) {
  return {{"partner", line.partner},
          {"partner_name", line.partner_name},
          {"estimate", core::to_string(line.estimate)},
          {"target", optional_amount(line.target)},
          {"forecast", optional_amount(line.forecast)},
          {"actual", optional_amount(line.actual)},
          {"unconfirmed", optional_amount(line.unconfirmed)}};
}

json progress_json(const program::InitiativeProgress& progress, const std::string& unit) {
  return {{"initiative", codec::initiative_to_json(progress.initiative)},
          {"lead_name", progress.lead_name},
          {"blocked_reason", progress.blocked_reason},
          {"milestones", json_list(progress.milestones, milestone_json)},
          {"updates", json_list(progress.updates, update_json)},
          {"values", json_list(progress.values, value_line_json)},
          {"actuals_due", progress.actuals_due},
          {"may_report", progress.may_report},
          {"may_confirm", progress.may_confirm},
          {"unit", unit}};
}

json delivery_row_json(const program::DeliveryRow& row) {
  return {{"initiative", row.initiative},
          {"title", row.title},
          {"lead", row.lead ? json(*row.lead) : json()},
          {"lead_name", row.lead_name},
          {"status", core::name_of(row.status)},
          {"milestones_done", row.milestones_done},
          {"milestones_total", row.milestones_total},
          {"actuals_recorded", row.actuals_recorded},
          {"actuals_due", row.actuals_due}};
}

json cycle_progress_json(const program::CycleProgress& progress) {
  return {{"cycle", progress.cycle},
          {"selected", progress.selected},
          {"delivered", progress.delivered},
          {"blocked", progress.blocked},
          {"in_progress", progress.in_progress},
          {"milestones_done", progress.milestones_done},
          {"milestones_total", progress.milestones_total},
          {"actuals_due", progress.actuals_due},
          {"actuals_due_cycles", program::kActualsDueCycles},
          {"initiatives", json_list(progress.initiatives, delivery_row_json)}};
}

json lead_record_json(const program::LeadRecord& record) {
  return {{"initiative", record.initiative},
          {"title", record.title},
          {"cycle", record.cycle},
          {"status", core::name_of(record.status)},
          {"estimated", core::to_string(record.estimated)},
          {"realised", core::to_string(record.realised)}};
}

//! The path's initiative and milestone ids.
core::Result<std::pair<std::int64_t, std::int64_t>> milestone_ids(const RouteCall& call) {
  core::Result<std::int64_t> initiative = call.id("initiative");
  core::Result<std::int64_t> milestone = call.id("milestone");
  if (!initiative || !milestone) {
    return initiative ? milestone.error() : initiative.error();
  }
  return std::pair{*initiative, *milestone};
}

}  // namespace

core::Result<Reply> handle_initiative_delivery(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("initiative");
  if (!id) {
    return id.error();
  }
  return cached_json(call, "delivery of initiative " + std::to_string(*id), [&]() -> core::Result<json> {
    core::Result<net::Charter> charter = call.program.queries().network();
    if (!charter) {
      return charter.error();
    }
    return encoded(
        call.program.queries().initiative_progress(*id),
        [&](const program::InitiativeProgress& progress) { return progress_json(progress, charter->unit); },
        "initiative");
  });
}

core::Result<Reply> handle_update_post(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("initiative");
  if (!id) {
    return id.error();
  }
  if (core::Status shape = expect_object(call.body, {"text"}); !shape) {
    return shape.error();
  }
  core::Result<std::optional<std::string>> text = text_member(call.body, "text", true);
  if (!text) {
    return text.error();
  }
  core::Result<program::InitiativeUpdate> posted = call.program.post_update(*id, **text);
  if (!posted) {
    return posted.error();
  }
  return json_reply(update_json(*posted), 201);
}

core::Result<Reply> handle_milestone_add(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("initiative");
  if (!id) {
    return id.error();
  }
  if (core::Status shape = expect_object(call.body, {"title", "due_date"}); !shape) {
    return shape.error();
  }
  core::Result<std::optional<std::string>> title = text_member(call.body, "title", true);
  core::Result<std::optional<std::string>> due = text_member(call.body, "due_date", true);
  if (!title || !due) {
    return !title ? title.error() : due.error();
  }
  core::Result<program::Milestone> added = call.program.add_milestone(*id, **title, **due);
  if (!added) {
    return added.error();
  }
  return json_reply(milestone_json(*added), 201);
}

core::Result<Reply> handle_milestone_change(RouteCall& call) {
  core::Result<std::pair<std::int64_t, std::int64_t>> ids = milestone_ids(call);
  if (!ids) {
    return ids.error();
  }
  if (core::Status shape = expect_object(call.body, {"title", "due_date", "done"}); !shape) {
    return shape.error();
  }
  program::MilestoneChange change;
  core::Result<std::optional<std::string>> title = text_member(call.body, "title", false);
  core::Result<std::optional<std::string>> due = text_member(call.body, "due_date", false);
  if (!title || !due) {
    return !title ? title.error() : due.error();
  }
  change.title = *title;
  change.due_date = *due;
  if (call.body.contains("done")) {
    if (!call.body["done"].is_boolean()) {
      return invalid("expected done as true or false", "body.done");
    }
    change.done = call.body["done"].get<bool>();
  }
  core::Result<program::Milestone> changed = call.program.change_milestone(ids->first, ids->second, change);
  if (!changed) {
    return changed.error();
  }
  return json_reply(milestone_json(*changed));
}

core::Result<Reply> handle_milestone_remove(RouteCall& call) {
  core::Result<std::pair<std::int64_t, std::int64_t>> ids = milestone_ids(call);
  if (!ids) {
    return ids.error();
  }
  core::Result<program::Milestone> removed = call.program.remove_milestone(ids->first, ids->second);
  if (!removed) {
    return removed.error();
  }
  return json_reply(milestone_json(*removed));
}

core::Result<Reply> handle_delivery_status(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("initiative");
  if (!id) {
    return id.error();
  }
  if (core::Status shape = expect_object(call.body, {"status", "reason"}); !shape) {
    return shape.error();
  }
  core::Result<std::optional<std::string>> status = text_member(call.body, "status", true);
  core::Result<std::optional<std::string>> reason = text_member(call.body, "reason", false);
  if (!status || !reason) {
    return !status ? status.error() : reason.error();
  }
  core::Result<net::InitiativeStatus> parsed = core::parse_name<net::InitiativeStatus>(**status);
  if (!parsed) {
    return invalid(parsed.error().message, "body.status");
  }
  core::Result<net::Initiative> moved = call.program.set_delivery_status(*id, *parsed, reason->value_or(""));
  if (!moved) {
    return moved.error();
  }
  return json_reply(codec::initiative_to_json(*moved));
}

core::Result<Reply> handle_lead_value(RouteCall& call) {
  core::Result<std::int64_t> initiative = call.id("initiative");
  core::Result<std::int64_t> partner = call.id("partner");
  if (!initiative || !partner) {
    return initiative ? partner.error() : initiative.error();
  }
  if (core::Status shape = expect_object(call.body, {"target", "forecast", "actual"}); !shape) {
    return shape.error();
  }
  program::LeadRealisedValue value{.initiative = *initiative, .partner = *partner};
  for (const auto& [member, name] : {std::pair{&value.target, "target"}, std::pair{&value.forecast, "forecast"},
                                     std::pair{&value.actual, "actual"}}) {
    core::Result<std::optional<core::Rational>> amount = amount_member(call.body, name);
    if (!amount) {
      return amount.error();
    }
    *member = *amount;
  }
  core::Result<program::LeadRealisedValue> recorded = call.program.record_lead_value(value);
  if (!recorded) {
    return recorded.error();
  }
  return json_reply(lead_value_json(*recorded));
}

core::Result<Reply> handle_lead_value_confirm(RouteCall& call) {
  core::Result<std::int64_t> initiative = call.id("initiative");
  if (!initiative) {
    return initiative.error();
  }
  std::optional<net::PartnerId> partner;
  if (!call.body.is_null()) {
    if (core::Status shape = expect_object(call.body, {"partner"}); !shape) {
      return shape.error();
    }
    if (call.body.contains("partner")) {
      if (!call.body["partner"].is_number_integer() || call.body["partner"].get<std::int64_t>() < 1) {
        return invalid("expected the partner's id as a positive integer", "body.partner");
      }
      partner = call.body["partner"].get<std::int64_t>();
    }
  }
  core::Result<std::vector<program::LeadRealisedValue>> confirmed =
      call.program.confirm_lead_values(*initiative, partner);
  if (!confirmed) {
    return confirmed.error();
  }
  return json_reply(json_list(*confirmed, lead_value_json));
}

core::Result<Reply> handle_cycle_delivery(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("cycle");
  if (!id) {
    return id.error();
  }
  return cached_json(call, "delivery of cycle " + std::to_string(*id),
                     [&] { return encoded(call.program.queries().cycle_progress(*id), cycle_progress_json, "cycle"); });
}

core::Result<Reply> handle_partner_leads(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("partner");
  if (!id) {
    return id.error();
  }
  return cached_json(call, "leads of partner " + std::to_string(*id), [&] {
    return encoded(
        call.program.queries().partner_leads(*id),
        [](const std::vector<program::LeadRecord>& records) { return json_list(records, lead_record_json); },
        "partner");
  });
}

}  // namespace covalue::server
