// The outbox: notification events, their deliveries (the inbox among them) and webhooks.
#include <limits>
#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

using core::ErrorKind;
using core::make_error;
namespace sq = statements;

namespace {

//! The event of columns `at`, `at` + 1, ... of `row`.
program::NotificationEvent read_event(RowReader& row, int at = 0) {
  program::NotificationEvent event;
  event.id = row.integer(at);
  event.kind = row.name(at + 1, core::parse_name<program::EventKind>);
  event.occurred_at = row.text(at + 2);
  event.cycle = row.integer(at + 3);
  event.partner = row.optional_integer(at + 4);
  event.payload = row.text(at + 5);
  event.key = row.text(at + 6);
  return event;
}

program::Delivery read_delivery(RowReader& row) {
  program::Delivery delivery;
  delivery.id = row.integer(0);
  delivery.event = row.integer(1);
  delivery.person = row.optional_integer(2);
  delivery.webhook = row.optional_integer(3);
  delivery.channel = row.name(4, core::parse_name<program::DeliveryChannel>);
  delivery.key = row.text(5);
  delivery.state = row.name(6, core::parse_name<program::DeliveryState>);
  delivery.attempts = row.integer(7);
  delivery.next_attempt_at = row.text(8);
  delivery.last_error = row.text(9);
  delivery.delivered_at = row.text(10);
  delivery.read_at = row.text(11);
  return delivery;
}

//! "cycle_closed,lead_named": the kinds a webhook receives ("" for every kind).
std::string kinds_text(const std::vector<program::EventKind>& kinds) {
  std::string out;
  for (const program::EventKind kind : kinds) {
    out += (out.empty() ? "" : ",") + std::string(program::name_of(kind));
  }
  return out;
}

std::vector<program::EventKind> kinds_of(RowReader& row, int column) {
  std::vector<program::EventKind> kinds;
  const std::string text = row.text(column);
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(',', at);
    end = end == std::string::npos ? text.size() : end;
    core::Result<program::EventKind> kind = core::parse_name<program::EventKind>(text.substr(at, end - at));
    if (kind) {
      kinds.push_back(*kind);
    }
    at = end + 1;
  }
  return kinds;
}

program::Webhook read_webhook(RowReader& row) {
  program::Webhook webhook;
  webhook.id = row.integer(0);
  webhook.url = row.text(1);
  webhook.secret = row.text(2);
  webhook.format = row.name(3, core::parse_name<program::WebhookFormat>);
  webhook.events = kinds_of(row, 4);
  webhook.created_at = row.text(5);
  webhook.removed = row.boolean(6);
  return webhook;
}

}  // namespace

core::Result<std::int64_t> Session::insert_event(const program::NotificationEvent& event) {
  auto inserted = atomically([&]() -> core::Result<std::int64_t> {
    Statement query = in_network(sq::kInsertEvent);
    query.bind_int(network_)
        .bind_text(program::name_of(event.kind))
        .bind_text(event.occurred_at)
        .bind_int(event.cycle)
        .bind(event.partner)
        .bind_text(event.payload)
        .bind_text(event.key);
    return query.single_int();
  });
  if (!inserted.ok()) {
    return on_conflict(inserted.error(), "an event with the key '" + event.key + "' was recorded already");
  }
  return inserted;
}

core::Result<std::optional<program::NotificationEvent>> Session::event(std::int64_t id) {
  Statement query = in_network(sq::kEventById);
  query.bind_int(id);
  auto rows = read_rows(query, "notification_events", [](RowReader& row) { return read_event(row); });
  if (!rows.ok()) {
    return rows.error();
  }
  return rows->empty() ? std::optional<program::NotificationEvent>() : std::optional(std::move(rows->front()));
}

core::Status Session::insert_deliveries(const std::vector<program::Delivery>& deliveries) {
  return atomically([&]() -> core::Status {
    for (const program::Delivery& delivery : deliveries) {
      core::Status done = in_network(sq::kInsertDelivery)
                              .bind_int(network_)
                              .bind_int(delivery.event)
                              .bind(delivery.person)
                              .bind(delivery.webhook)
                              .bind_text(program::name_of(delivery.channel))
                              .bind_text(delivery.key)
                              .bind_text(program::name_of(delivery.state))
                              .bind_int(delivery.attempts)
                              .bind_text(delivery.next_attempt_at)
                              .bind_text(delivery.last_error)
                              .bind_text(delivery.delivered_at)
                              .bind_text(delivery.read_at)
                              .run();
      if (!done.ok()) {
        return done;
      }
    }
    return {};
  });
}

core::Result<std::vector<program::Delivery>> Session::claim_deliveries(
    const std::vector<program::DeliveryChannel>& channels, const std::string& now, const std::string& until,
    std::int64_t limit) {
  if (channels.empty() || limit <= 0) {
    return std::vector<program::Delivery>();
  }
  Statement query = in_network(sq::kDueDeliveries);
  query.bind_text(now);
  for (std::size_t i = 0; i < 3; ++i) {
    query.bind_text(program::name_of(channels[std::min(i, channels.size() - 1)]));
  }
  query.bind_int(limit);
  auto due = read_rows(query, "deliveries", read_delivery);
  if (!due.ok()) {
    return due.error();
  }
  for (program::Delivery& delivery : *due) {
    delivery.state = program::DeliveryState::kSending;
    delivery.next_attempt_at = until;
    if (core::Status claimed = update_delivery(delivery); !claimed.ok()) {
      return claimed.error();
    }
  }
  return due;
}

core::Status Session::update_delivery(const program::Delivery& delivery) {
  auto changed = atomically([&]() -> core::Result<std::int64_t> {
    return db_.prepare(sq::kUpdateDelivery)
        .bind_text(program::name_of(delivery.state))
        .bind_int(delivery.attempts)
        .bind_text(delivery.next_attempt_at)
        .bind_text(delivery.last_error)
        .bind_text(delivery.delivered_at)
        .bind_int(network_)
        .bind_int(delivery.id)
        .changed();
  });
  if (!changed.ok()) {
    return changed.error();
  }
  if (*changed == 0) {
    return make_error(ErrorKind::kNotFound, "no delivery with id " + std::to_string(delivery.id), "delivery");
  }
  return {};
}

core::Result<std::optional<program::Delivery>> Session::delivery(std::int64_t id) {
  Statement query = in_network(sq::kDeliveryById);
  query.bind_int(id);
  auto rows = read_rows(query, "deliveries", read_delivery);
  if (!rows.ok()) {
    return rows.error();
  }
  return rows->empty() ? std::optional<program::Delivery>() : std::optional(std::move(rows->front()));
}

core::Result<std::vector<program::Delivery>> Session::deliveries(std::optional<program::DeliveryState> state,
                                                                 std::int64_t after, std::int64_t limit) {
  const std::string name = state ? std::string(program::name_of(*state)) : std::string();
  Statement query = in_network(sq::kDeliveries);
  query.bind_text(name).bind_text(name).bind_int(after).bind_int(limit);
  return read_rows(query, "deliveries", read_delivery);
}

core::Result<program::InboxPage> Session::inbox(program::PersonId person, std::int64_t before, std::int64_t limit) {
  program::InboxPage page;
  Statement query = in_network(sq::kInbox);
  query.bind_int(person).bind_int(before > 0 ? before : std::numeric_limits<std::int64_t>::max()).bind_int(limit);
  auto items = read_rows(query, "deliveries", [](RowReader& row) {
    return program::InboxItem{.delivery = read_delivery(row), .event = read_event(row, 12)};
  });
  if (!items.ok()) {
    return items.error();
  }
  page.items = std::move(*items);
  Statement unread = in_network(sq::kUnread);
  unread.bind_int(person);
  auto count = unread.single_int();
  if (!count.ok()) {
    return count.error();
  }
  page.unread = *count;
  return page;
}

core::Result<std::int64_t> Session::mark_read(program::PersonId person, std::optional<std::int64_t> delivery,
                                              const std::string& at) {
  return atomically([&]() -> core::Result<std::int64_t> {
    Statement update = db_.prepare(delivery ? sq::kMarkRead : sq::kMarkAllRead);
    update.bind_text(at).bind_int(network_).bind_int(person);
    if (delivery) {
      update.bind_int(*delivery);
    }
    return update.changed();
  });
}

core::Result<program::WebhookId> Session::insert_webhook(const program::Webhook& webhook) {
  return atomically([&]() -> core::Result<program::WebhookId> {
    return in_network(sq::kInsertWebhook)
        .bind_int(network_)
        .bind_text(webhook.url)
        .bind_text(webhook.secret)
        .bind_text(program::name_of(webhook.format))
        .bind_text(kinds_text(webhook.events))
        .bind_text(webhook.created_at)
        .bind_bool(webhook.removed)
        .single_int();
  });
}

core::Status Session::remove_webhook(program::WebhookId id) {
  return atomically([&]() -> core::Status {
    auto changed = db_.prepare(sq::kRemoveWebhook).bind_bool(true).bind_int(network_).bind_int(id).changed();
    if (!changed.ok()) {
      return changed.error();
    }
    if (*changed == 0) {
      return make_error(ErrorKind::kNotFound, "no webhook with id " + std::to_string(id), "webhook");
    }
    return db_.prepare(sq::kKillWebhookDeliveries)
        .bind_text("the webhook was removed")
        .bind_int(network_)
        .bind_int(id)
        .run();
  });
}

core::Result<std::vector<program::Webhook>> Session::webhooks() {
  Statement query = in_network(sq::kWebhooks);
  return read_rows(query, "webhooks", read_webhook);
}

}  // namespace covalue::adapters::sql
