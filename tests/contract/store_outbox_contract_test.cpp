// The storage contract, part 7: the outbox (issue 13 item 3): events, deliveries, the inbox and webhooks.
#include <optional>
#include <string>
#include <vector>

#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::Delivery;
using program::DeliveryChannel;
using program::DeliveryState;
using program::NotificationEvent;
using program::StoreSession;

//! A stored partner's representative, for deliveries to point at.
program::PersonId person_of(program::Store& store, net::PartnerId partner, const std::string& email) {
  program::Person person;
  person.partner = partner;
  person.name = "Ana";
  person.email = email;
  return read_in(store, [&](StoreSession& s) { return s.insert_person(person); });
}

NotificationEvent sample_event(std::optional<net::PartnerId> partner, std::string key = "") {
  NotificationEvent event;
  event.kind = program::EventKind::kCycleClosed;
  event.occurred_at = "2026-12-04T10:00:00Z";
  event.cycle = 2;
  event.partner = partner;
  event.payload = R"({"gain":"7/2"})";
  event.key = std::move(key);
  return event;
}

Delivery sample_delivery(std::int64_t event, program::PersonId person, DeliveryChannel channel) {
  Delivery delivery;
  delivery.event = event;
  delivery.person = person;
  delivery.channel = channel;
  delivery.key =
      "n1.e" + std::to_string(event) + "." + std::string(program::name_of(channel)) + ".p" + std::to_string(person);
  delivery.state = channel == DeliveryChannel::kInbox ? DeliveryState::kDelivered : DeliveryState::kPending;
  delivery.next_attempt_at = "2026-12-04T10:00:00Z";
  delivery.delivered_at = channel == DeliveryChannel::kInbox ? "2026-12-04T10:00:00Z" : "";
  return delivery;
}

TEST_P(StoreContract, EventsRoundTripAndAKeyRecordsAnEventOnce) {
  Filled filled = fill();
  NotificationEvent event = sample_event(filled.partners[0], "reminder:c2:h48:p1");
  event.id = read_in(store(), [&](StoreSession& s) { return s.insert_event(event); });
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.event(event.id); }), std::optional(event));
  NotificationEvent plain = sample_event(std::nullopt);
  // A store may run the work more than once (store.hpp): what each write gave is checked on the last run.
  std::optional<core::Result<std::int64_t>> again;
  std::optional<core::Result<std::int64_t>> fresh;
  write([&](StoreSession& s) -> core::Status {
    again = s.insert_event(event);  // refused, and the transaction goes on
    fresh = s.insert_event(plain);
    return fresh->ok() ? core::Status() : core::Status(fresh->error());
  });
  EXPECT_TRUE(fails_with(*again, ErrorKind::kConflict, "reminder:c2:h48:p1"));
  plain.id = must(*fresh);
  EXPECT_EQ(plain.id, event.id + 1);
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.event(plain.id); }), std::optional(plain));
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.event(99); }), std::nullopt);
}

TEST_P(StoreContract, ADeliveryIsStoredOncePerKeyAndClaimedWhenDue) {
  Filled filled = fill();
  const program::PersonId ana = person_of(store(), filled.partners[0], "ana@acme.example");
  const std::int64_t event = read_in(store(), [&](StoreSession& s) { return s.insert_event(sample_event({})); });
  const Delivery inbox = sample_delivery(event, ana, DeliveryChannel::kInbox);
  const Delivery mail = sample_delivery(event, ana, DeliveryChannel::kEmail);
  write([&](StoreSession& s) { return s.insert_deliveries({inbox, mail, mail}); });  // the second mail is ignored
  std::vector<Delivery> all = read_in(store(), [](StoreSession& s) { return s.deliveries(std::nullopt, 0, 10); });
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[1].key, mail.key);
  EXPECT_EQ(all[1].state, DeliveryState::kPending);
  // Not due yet: nothing claimed; due: claimed once, until the lease expires.
  const std::vector<DeliveryChannel> email{DeliveryChannel::kEmail};
  EXPECT_TRUE(read_in(store(), [&](StoreSession& s) {
                return s.claim_deliveries(email, "2026-12-04T09:59:59Z", "2026-12-04T10:05:00Z", 10);
              }).empty());
  std::vector<Delivery> claimed = read_in(store(), [&](StoreSession& s) {
    return s.claim_deliveries(email, "2026-12-04T10:00:00Z", "2026-12-04T10:05:00Z", 10);
  });
  ASSERT_EQ(claimed.size(), 1U);
  EXPECT_EQ(claimed[0].id, all[1].id);
  EXPECT_EQ(claimed[0].state, DeliveryState::kSending);
  EXPECT_TRUE(read_in(store(), [&](StoreSession& s) {
                return s.claim_deliveries(email, "2026-12-04T10:01:00Z", "2026-12-04T10:06:00Z", 10);
              }).empty());
  // A worker killed while sending: the claim expires and the delivery is claimed again.
  EXPECT_EQ(read_in(store(),
                    [&](StoreSession& s) {
                      return s.claim_deliveries(email, "2026-12-04T10:05:00Z", "2026-12-04T10:10:00Z", 10);
                    })
                .size(),
            1U);
  Delivery done = claimed[0];
  done.state = DeliveryState::kDelivered;
  done.attempts = 1;
  done.delivered_at = "2026-12-04T10:05:01Z";
  write([&](StoreSession& s) { return s.update_delivery(done); });
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.delivery(done.id); }), std::optional(done));
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.deliveries(DeliveryState::kPending, 0, 10); }).size(), 0U);
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.deliveries(DeliveryState::kDelivered, 0, 10); }).size(),
            2U);
  done.id = 404;
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.update_delivery(done); }),
                         ErrorKind::kNotFound, "404"));
}

TEST_P(StoreContract, TheInboxIsAPersonsOwnNewestFirstWithItsUnreadCount) {
  Filled filled = fill();
  const program::PersonId ana = person_of(store(), filled.partners[0], "ana@acme.example");
  const program::PersonId bo = person_of(store(), filled.partners[1], "bo@beta.example");
  std::vector<std::int64_t> events;
  for (int i = 0; i < 3; ++i) {
    events.push_back(read_in(store(), [&](StoreSession& s) { return s.insert_event(sample_event({})); }));
    write([&](StoreSession& s) {
      return s.insert_deliveries({sample_delivery(events.back(), ana, DeliveryChannel::kInbox),
                                  sample_delivery(events.back(), ana, DeliveryChannel::kEmail),
                                  sample_delivery(events.back(), bo, DeliveryChannel::kInbox)});
    });
  }
  program::InboxPage page = read_in(store(), [&](StoreSession& s) { return s.inbox(ana, 0, 2); });
  ASSERT_EQ(page.items.size(), 2U);
  EXPECT_EQ(page.unread, 3);
  EXPECT_EQ(page.items[0].event.id, events[2]);
  EXPECT_EQ(page.items[1].event.id, events[1]);
  EXPECT_EQ(page.items[0].event.payload, R"({"gain":"7/2"})");
  program::InboxPage older =
      read_in(store(), [&](StoreSession& s) { return s.inbox(ana, page.items[1].delivery.id, 2); });
  ASSERT_EQ(older.items.size(), 1U);
  EXPECT_EQ(older.items[0].event.id, events[0]);
  // Reading one, then the rest; another person's entry cannot be marked.
  const std::int64_t first = page.items[0].delivery.id;
  const std::int64_t bos = read_in(store(), [&](StoreSession& s) { return s.inbox(bo, 0, 1); }).items[0].delivery.id;
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.mark_read(ana, bos, "2026-12-04T11:00:00Z"); }), 0);
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.mark_read(ana, first, "2026-12-04T11:00:00Z"); }), 1);
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.mark_read(ana, first, "2026-12-04T12:00:00Z"); }), 0);
  page = read_in(store(), [&](StoreSession& s) { return s.inbox(ana, 0, 10); });
  EXPECT_EQ(page.unread, 2);
  EXPECT_EQ(page.items[0].delivery.read_at, "2026-12-04T11:00:00Z");
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.mark_read(ana, std::nullopt, "2026-12-04T12:00:00Z"); }),
            2);
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.inbox(ana, 0, 10); }).unread, 0);
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.inbox(bo, 0, 10); }).unread, 3);
}

TEST_P(StoreContract, WebhooksRoundTripAndARemovedOnesPendingDeliveriesDie) {
  fill();
  program::Webhook hook;
  hook.url = "https://chat.example/hooks/1";
  hook.secret = "s3cret";
  hook.format = program::WebhookFormat::kSlack;
  hook.events = {program::EventKind::kCycleClosed, program::EventKind::kVotingClosesSoon};
  hook.created_at = "2026-12-04T10:00:00Z";
  hook.id = read_in(store(), [&](StoreSession& s) { return s.insert_webhook(hook); });
  program::Webhook every = hook;
  every.events.clear();
  every.format = program::WebhookFormat::kTeams;
  every.id = read_in(store(), [&](StoreSession& s) { return s.insert_webhook(every); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.webhooks(); }),
            (std::vector<program::Webhook>{hook, every}));
  const std::int64_t event = read_in(store(), [&](StoreSession& s) { return s.insert_event(sample_event({})); });
  Delivery post;
  post.event = event;
  post.webhook = hook.id;
  post.channel = DeliveryChannel::kWebhook;
  post.key = "n1.e1.webhook.w1";
  post.next_attempt_at = "2026-12-04T10:00:00Z";
  write([&](StoreSession& s) { return s.insert_deliveries({post}); });
  write([&](StoreSession& s) { return s.remove_webhook(hook.id); });
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.remove_webhook(hook.id); }),
                         ErrorKind::kNotFound, std::to_string(hook.id)));
  const std::vector<Delivery> dead =
      read_in(store(), [](StoreSession& s) { return s.deliveries(DeliveryState::kDead, 0, 10); });
  ASSERT_EQ(dead.size(), 1U);
  EXPECT_EQ(dead[0].last_error, "the webhook was removed");
  EXPECT_TRUE(read_in(store(), [](StoreSession& s) { return s.webhooks(); })[0].removed);
}

}  // namespace
}  // namespace covalue::testing
