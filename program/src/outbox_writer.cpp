#include "outbox_writer.hpp"

#include <algorithm>

#include "covalue/program/utc_time.hpp"
#include "discussion_activity.hpp"

namespace covalue::program::detail {

std::string delivery_key(std::int64_t network, std::int64_t event, DeliveryChannel channel,
                         std::optional<PersonId> person, std::optional<WebhookId> webhook) {
  std::string key = "n" + std::to_string(network) + ".e" + std::to_string(event) + "." + std::string(name_of(channel));
  if (person) {
    key += ".p" + std::to_string(*person);
  }
  if (webhook) {
    key += ".w" + std::to_string(*webhook);
  }
  return key;
}

OutboxWriter outbox_of(StoreSession& session, const Store& store, Clock& clock) {
  std::string now = clock.now();
  core::Result<UtcSeconds> moment = parse_utc(now, "clock");
  return {session, store.network(), now, moment ? format_utc(*moment) : now};
}

OutboxWriter::OutboxWriter(StoreSession& session, std::int64_t network, std::string occurred_at, std::string due_at)
    : session_(session), network_(network), occurred_at_(std::move(occurred_at)), due_at_(std::move(due_at)) {}

core::Status OutboxWriter::load() {
  if (loaded_) {
    return {};
  }
  core::Result<std::vector<Person>> people = session_.people();
  if (!people) {
    return people.error();
  }
  core::Result<std::vector<Webhook>> webhooks = session_.webhooks();
  if (!webhooks) {
    return webhooks.error();
  }
  core::Result<std::vector<Preference>> preferences = session_.preferences();
  if (!preferences) {
    return preferences.error();
  }
  preferences_ = std::move(*preferences);
  std::erase_if(*people, [](const Person& p) { return p.removed; });
  std::erase_if(*webhooks, [](const Webhook& w) { return w.removed; });
  people_ = std::move(*people);
  webhooks_ = std::move(*webhooks);
  loaded_ = true;
  return {};
}

namespace {

//! A delivery of `event` on `channel` to a person or a webhook, due (or, for the inbox, delivered) at `at`.
Delivery draft_delivery(std::int64_t network, std::int64_t event, DeliveryChannel channel,
                        std::optional<PersonId> person, std::optional<WebhookId> webhook, const std::string& at) {
  Delivery delivery;
  delivery.event = event;
  delivery.person = person;
  delivery.webhook = webhook;
  delivery.channel = channel;
  delivery.key = delivery_key(network, event, channel, person, webhook);
  delivery.state = channel == DeliveryChannel::kInbox ? DeliveryState::kDelivered : DeliveryState::kPending;
  delivery.next_attempt_at = at;
  delivery.delivered_at = channel == DeliveryChannel::kInbox ? at : std::string();
  return delivery;
}

}  // namespace

void OutboxWriter::add_person(std::vector<Delivery>& out, std::vector<DigestWait>& waits, std::int64_t event,
                              EventKind kind, const Person& person) const {
  out.push_back(draft_delivery(network_, event, DeliveryChannel::kInbox, person.id, std::nullopt, due_at_));
  if (person.email.empty()) {
    return;
  }
  const Cadence cadence = cadence_of(preferences_, person.id, kind);
  if (cadence == Cadence::kImmediately) {
    out.push_back(draft_delivery(network_, event, DeliveryChannel::kEmail, person.id, std::nullopt, due_at_));
  } else if (cadence == Cadence::kDaily || cadence == Cadence::kWeekly) {
    waits.push_back({.person = person.id, .event = event, .cadence = cadence, .occurred_at = due_at_});
  }
}

core::Result<bool> OutboxWriter::record(const EventDraft& draft) {
  NotificationEvent event;
  event.kind = draft.kind;
  event.occurred_at = occurred_at_;
  event.cycle = draft.cycle;
  event.partner = draft.partner;
  event.payload = draft.payload.dump();
  event.key = draft.key;
  core::Result<std::int64_t> id = session_.insert_event(event);
  if (!id) {
    if (!draft.key.empty() && id.error().kind == core::ErrorKind::kConflict) {
      return false;
    }
    return id.error();
  }
  if (core::Status loaded = load(); !loaded) {  // once the event is known to be new
    return loaded.error();
  }
  std::vector<Delivery> deliveries;
  std::vector<DigestWait> waits;
  for (const Person& person : people_) {
    const bool hears = draft.audience == Audience::kEveryone ||
                       (draft.audience == Audience::kPartner && person.partner && person.partner == draft.partner) ||
                       (draft.audience == Audience::kCoordinators && person.role == Role::kCoordinator) ||
                       (draft.audience == Audience::kPerson && person.id == draft.person);
    if (hears) {
      add_person(deliveries, waits, *id, draft.kind, person);
    }
  }
  if (core::Status noted = record_activity_of(session_, draft, occurred_at_); !noted) {
    return noted.error();
  }
  if (draft.audience != Audience::kPartner && draft.audience != Audience::kPerson) {
    for (const Webhook& webhook : webhooks_) {
      if (webhook.events.empty() ||
          std::find(webhook.events.begin(), webhook.events.end(), draft.kind) != webhook.events.end()) {
        deliveries.push_back(
            draft_delivery(network_, *id, DeliveryChannel::kWebhook, std::nullopt, webhook.id, due_at_));
      }
    }
  }
  if (!waits.empty()) {
    if (core::Status stored = session_.insert_digest_waits(waits); !stored) {
      return stored.error();
    }
  }
  if (deliveries.empty()) {
    return true;
  }
  if (core::Status stored = session_.insert_deliveries(deliveries); !stored) {
    return stored.error();
  }
  return true;
}

}  // namespace covalue::program::detail
