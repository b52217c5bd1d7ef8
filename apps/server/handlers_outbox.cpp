// The outbox over HTTP: the signed-in person's inbox, the deliveries coordinators watch (the dead letters) and
// the webhooks they register (issue 13 items 3 and 4).
#include "covalue/adapters/json/program_json.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"

namespace covalue::server {
namespace {

using nlohmann::json;

json inbox_item_to_json(const program::InboxItem& item, const program::TimeZone& zone) {
  const program::Notification message = program::render_notification(item.event, "", zone);
  json facts = json::array();
  for (const auto& [label, value] : message.facts) {
    facts.push_back({{"label", label}, {"value", value}});
  }
  return {{"id", item.delivery.id},
          {"kind", program::name_of(item.event.kind)},
          {"cycle", item.event.cycle > 0 ? json(item.event.cycle) : json()},
          {"partner", item.event.partner ? json(*item.event.partner) : json()},
          {"occurred_at", item.event.occurred_at},
          {"read_at", item.delivery.read_at.empty() ? json() : json(item.delivery.read_at)},
          {"subject", message.subject},
          {"paragraphs", message.paragraphs},
          {"facts", facts},
          {"link", message.link}};
}

json delivery_to_json(const program::Delivery& d) {
  const auto text_or_null = [](const std::string& text) { return text.empty() ? json() : json(text); };
  return {{"id", d.id},
          {"event", d.event},
          {"person", d.person ? json(*d.person) : json()},
          {"webhook", d.webhook ? json(*d.webhook) : json()},
          {"channel", program::name_of(d.channel)},
          {"key", d.key},
          {"state", program::name_of(d.state)},
          {"attempts", d.attempts},
          {"next_attempt_at", d.next_attempt_at},
          {"last_error", d.last_error},
          {"delivered_at", text_or_null(d.delivered_at)}};
}

json webhook_to_json(const program::Webhook& w) {
  json kinds = json::array();
  for (const program::EventKind kind : w.events) {
    kinds.push_back(program::name_of(kind));
  }
  return {{"id", w.id},
          {"url", w.url},
          {"format", program::name_of(w.format)},
          {"events", kinds},
          {"created_at", w.created_at},
          {"removed", w.removed}};
}

//! {"url", "secret", "format"?, "events"?}: a webhook to add; errors name "body.url", "body.events[1]", ...
core::Result<program::Webhook> webhook_from_body(const json& body) {
  if (!body.is_object()) {
    return invalid("expected an object", "body");
  }
  if (core::Status known = adapters::json::reject_unknown_members(body, "body", {"url", "secret", "format", "events"});
      !known) {
    return known.error();
  }
  program::Webhook webhook;
  for (const char* key : {"url", "secret"}) {
    if (!body.contains(key) || !body[key].is_string()) {
      return invalid("expected a string", std::string("body.") + key);
    }
  }
  webhook.url = body["url"].get<std::string>();
  webhook.secret = body["secret"].get<std::string>();
  if (body.contains("format")) {
    core::Result<program::WebhookFormat> format =
        body["format"].is_string() ? core::parse_name<program::WebhookFormat>(body["format"].get<std::string>())
                                   : core::Result<program::WebhookFormat>(invalid("expected a string", ""));
    if (!format) {
      return invalid(format.error().message, "body.format");
    }
    webhook.format = *format;
  }
  if (body.contains("events")) {
    if (!body["events"].is_array()) {
      return invalid("expected an array of event kinds", "body.events");
    }
    for (std::size_t i = 0; i < body["events"].size(); ++i) {
      const json& item = body["events"][i];
      const std::string where = "body.events[" + std::to_string(i) + "]";
      core::Result<program::EventKind> kind = item.is_string()
                                                  ? core::parse_name<program::EventKind>(item.get<std::string>())
                                                  : core::Result<program::EventKind>(invalid("expected a string", ""));
      if (!kind || *kind == program::EventKind::kDigest) {
        return invalid(kind ? "a digest is a message, never an event" : kind.error().message, where);
      }
      webhook.events.push_back(*kind);
    }
  }
  return webhook;
}

//! An error of the program naming a body member ("url") named as the body's ("body.url").
core::Error webhook_in_body(core::Error error) {
  if (error.kind == core::ErrorKind::kInvalidInput && (error.where == "url" || error.where == "secret")) {
    error.where = "body." + error.where;
  }
  return error;
}

}  // namespace

core::Result<Reply> handle_inbox(RouteCall& call) {
  core::Result<std::int64_t> before = call.query_integer("before", 0);
  core::Result<std::int64_t> limit = call.query_integer("limit", 50);
  if (!before || !limit) {
    return before ? limit.error() : before.error();
  }
  if (*limit < 1 || *limit > 500) {
    return invalid("must be 1 to 500, got " + std::to_string(*limit), "query.limit");
  }
  core::Result<program::InboxPage> page = call.program.inbox(*before, *limit);
  if (!page) {
    return page.error();
  }
  const bool more = std::ssize(page->items) == *limit;
  return json_reply(
      {{"unread", page->unread},
       {"items", json_list(page->items, [zone = program::find_time_zone(page->time_zone)](
                                            const auto& item) { return inbox_item_to_json(item, *zone); })},
       {"next_before", more ? json(page->items.back().delivery.id) : json()}});
}

core::Result<Reply> handle_inbox_read(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("entry");
  if (!id) {
    return id.error();
  }
  core::Result<std::int64_t> marked = call.program.mark_read(*id);
  if (!marked) {
    core::Error error = marked.error();
    if (error.where == "id") {
      error.where = "path.entry";
    }
    return error;
  }
  return json_reply({{"id", *id}, {"marked", *marked}});
}

core::Result<Reply> handle_inbox_read_all(RouteCall& call) {
  core::Result<std::int64_t> marked = call.program.mark_read(std::nullopt);
  if (!marked) {
    return marked.error();
  }
  return json_reply({{"marked", *marked}});
}

core::Result<Reply> handle_delivery_list(RouteCall& call) {
  std::optional<program::DeliveryState> state;
  if (const auto given = call.query.find("state"); given != call.query.end()) {
    core::Result<program::DeliveryState> parsed = core::parse_name<program::DeliveryState>(given->second);
    if (!parsed) {
      return invalid(parsed.error().message, "query.state");
    }
    state = *parsed;
  }
  core::Result<std::int64_t> after = call.query_integer("after", 0);
  core::Result<std::int64_t> limit = call.query_integer("limit", 100);
  if (!after || !limit) {
    return after ? limit.error() : after.error();
  }
  core::Result<std::vector<program::Delivery>> rows = call.program.deliveries(state, *after, *limit);
  if (!rows) {
    return rows.error();
  }
  return json_reply(json_list(*rows, delivery_to_json));
}

core::Result<Reply> handle_delivery_retry(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("delivery");
  if (!id) {
    return id.error();
  }
  core::Result<program::Delivery> retried = call.program.retry_delivery(*id);
  if (!retried) {
    core::Error error = retried.error();
    error.where = error.where == "delivery" ? "path.delivery" : error.where;
    return error;
  }
  return json_reply(delivery_to_json(*retried));
}

core::Result<Reply> handle_webhook_list(RouteCall& call) {
  core::Result<std::vector<program::Webhook>> hooks = call.program.webhooks();
  if (!hooks) {
    return hooks.error();
  }
  return json_reply(json_list(*hooks, webhook_to_json));
}

core::Result<Reply> handle_webhook_add(RouteCall& call) {
  core::Result<program::Webhook> webhook = webhook_from_body(call.body);
  if (!webhook) {
    return webhook.error();
  }
  core::Result<program::Webhook> added = call.program.add_webhook(*webhook);
  if (!added) {
    return webhook_in_body(added.error());
  }
  return json_reply(webhook_to_json(*added), 201);
}

core::Result<Reply> handle_webhook_remove(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("webhook");
  if (!id) {
    return id.error();
  }
  core::Result<program::Webhook> removed = call.program.remove_webhook(*id);
  if (!removed) {
    core::Error error = removed.error();
    error.where = error.where == "webhook" ? "path.webhook" : error.where;
    return error;
  }
  return json_reply(webhook_to_json(*removed));
}

}  // namespace covalue::server
