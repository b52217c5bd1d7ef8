#pragma once

// The writing half of the transactional outbox: a use case records an event, in its own transaction, and the
// event fans out at once into one delivery per recipient and channel (issue 13 item 3).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "covalue/program/outbox.hpp"
#include "covalue/program/store.hpp"

namespace covalue::program::detail {

//! Who hears of an event.
enum class Audience {
  kEveryone,      //!< every present person of the network, and the webhooks
  kPartner,       //!< the present people of the event's partner (never a webhook: it is that partner's own)
  kCoordinators,  //!< the network's coordinators, and the webhooks
  kPerson,        //!< one present person (never a webhook)
};

//! An event as a use case describes it.
struct EventDraft {
  EventKind kind{EventKind::kCycleOpened};
  net::CycleNumber cycle{0};
  std::optional<net::PartnerId> partner;
  nlohmann::json payload = nlohmann::json::object();
  std::string key;  //!< not empty: the event is recorded once (a later draft with the same key is skipped)
  Audience audience{Audience::kEveryone};
  std::optional<PersonId> person;  //!< kPerson: whom it is for
};

//! Records the events of one transaction: reads the people and webhooks once, then stores each event and its
//! deliveries: an inbox entry for each recipient person (delivered at once: the store is the inbox), an e-mail
//! for each that has an address and wants the kind at once (pending: the worker sends it, when the deployment has
//! a mailer) or a wait for the person's digest when it wants the kind daily or weekly (none for never), and a
//! POST for each webhook that takes the kind. Each event also becomes an activity of the people's feeds
//! (record_activity_of, discussion_activity.hpp), but mentions and replies, which are the comment's own.
class OutboxWriter {
 public:
  //! `occurred_at` is the clock's now; `due_at` the same moment in the canonical form deliveries are due by.
  OutboxWriter(StoreSession& session, std::int64_t network, std::string occurred_at, std::string due_at);

  //! Stores the event and its deliveries; false (and nothing stored) when its key was recorded before.
  [[nodiscard]] core::Result<bool> record(const EventDraft& draft);

 private:
  [[nodiscard]] core::Status load();
  void add_person(std::vector<Delivery>& out, std::vector<DigestWait>& waits, std::int64_t event, EventKind kind,
                  const Person& person) const;

  StoreSession& session_;
  std::int64_t network_;
  std::string occurred_at_;
  std::string due_at_;
  bool loaded_{false};
  std::vector<Person> people_;
  std::vector<Webhook> webhooks_;
  std::vector<Preference> preferences_;  //!< the people's choices: an e-mail at once, in a digest, or none
};

//! A writer for a use case's transaction on `store`'s network, stamped by `clock`.
[[nodiscard]] OutboxWriter outbox_of(StoreSession& session, const Store& store, Clock& clock);

//! The idempotency key of a delivery: "n1.e7.email.p3", "n1.e7.webhook.w2" (stable: the Message-ID's left part).
[[nodiscard]] std::string delivery_key(std::int64_t network, std::int64_t event, DeliveryChannel channel,
                                       std::optional<PersonId> person, std::optional<WebhookId> webhook);

}  // namespace covalue::program::detail
