// The outbox: notification events, their deliveries (the inbox among them) and webhooks.
#include <algorithm>
#include <limits>
#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using NE = program::NotificationEvent;
using ND = program::Delivery;
using NW = program::Webhook;
constexpr Columns<&NE::id, &NE::kind, &NE::occurred_at, &NE::cycle, &NE::partner, &NE::payload, &NE::key> kEvent{};
constexpr Columns<&ND::id, &ND::event, &ND::person, &ND::webhook, &ND::channel, &ND::key, &ND::state, &ND::attempts,
                  &ND::next_attempt_at, &ND::last_error, &ND::delivered_at, &ND::read_at>
    kDelivery{};
//! What an attempt changes of a delivery.
constexpr Columns<&ND::state, &ND::attempts, &ND::next_attempt_at, &ND::last_error, &ND::delivered_at> kAttempt{};
constexpr Columns<&NW::id, &NW::url, &NW::secret, &NW::format, CommaList<&NW::events>{}, &NW::created_at, &NW::removed>
    kWebhook{};

}  // namespace

core::Result<std::int64_t> Session::insert_event(const program::NotificationEvent& event) {
  auto inserted = insert_numbered(sq::kInsertEvent, kEvent, event);
  if (!inserted.ok()) {
    return on_conflict(inserted.error(), "an event with the key '" + event.key + "' was recorded already");
  }
  return inserted;
}

core::Result<std::optional<program::NotificationEvent>> Session::event(std::int64_t id) {
  return first_of(rows(sq::kEventById, "notification_events", kEvent, id));
}

core::Status Session::insert_deliveries(const std::vector<program::Delivery>& deliveries) {
  return atomically([&]() -> core::Status {
    for (const program::Delivery& delivery : deliveries) {
      core::Status done = in_network(sq::kInsertDelivery).bind_int(network_).bind_columns(kDelivery, delivery, 1).run();
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
  // The statement names three channels: the last one given fills the places left.
  const auto channel = [&](std::size_t i) { return channels[std::min(i, channels.size() - 1)]; };
  auto due = rows(sq::kDueDeliveries, "deliveries", kDelivery, now, channel(0), channel(1), channel(2), limit);
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
  auto changed = atomically([&] { return update_row(sq::kUpdateDelivery, kAttempt, delivery, delivery.id, 0); });
  return one_changed(
      changed, make_error(ErrorKind::kNotFound, "no delivery with id " + std::to_string(delivery.id), "delivery"));
}

core::Result<std::optional<program::Delivery>> Session::delivery(std::int64_t id) {
  return first_of(rows(sq::kDeliveryById, "deliveries", kDelivery, id));
}

core::Result<std::vector<program::Delivery>> Session::deliveries(std::optional<program::DeliveryState> state,
                                                                 std::int64_t after, std::int64_t limit) {
  const std::string name = state ? std::string(program::name_of(*state)) : std::string();
  return rows(sq::kDeliveries, "deliveries", kDelivery, name, name, after, limit);
}

core::Result<program::InboxPage> Session::inbox(program::PersonId person, std::int64_t before, std::int64_t limit) {
  program::InboxPage page;
  auto items = rows(
      sq::kInbox, "deliveries",
      [](RowReader& row) { return program::InboxItem{.delivery = kDelivery(row), .event = kEvent(row, 12)}; }, person,
      before > 0 ? before : std::numeric_limits<std::int64_t>::max(), limit);
  if (!items.ok()) {
    return items.error();
  }
  page.items = std::move(*items);
  auto unread = in_network(sq::kUnread).bind_int(person).single_int();
  if (!unread.ok()) {
    return unread.error();
  }
  page.unread = *unread;
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
  return insert_numbered(sq::kInsertWebhook, kWebhook, webhook);
}

core::Status Session::remove_webhook(program::WebhookId id) {
  return atomically([&]() -> core::Status {
    auto removed =
        one_changed(db_.prepare(sq::kRemoveWebhook).bind_bool(true).bind_int(network_).bind_int(id).changed(),
                    make_error(ErrorKind::kNotFound, "no webhook with id " + std::to_string(id), "webhook"));
    if (!removed.ok()) {
      return removed;
    }
    return db_.prepare(sq::kKillWebhookDeliveries)
        .bind_text("the webhook was removed")
        .bind_int(network_)
        .bind_int(id)
        .run();
  });
}

core::Result<std::vector<program::Webhook>> Session::webhooks() { return rows(sq::kWebhooks, "webhooks", kWebhook); }

}  // namespace covalue::adapters::sql
