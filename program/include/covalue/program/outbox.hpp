#pragma once

// The transactional outbox (issue 13 item 3): notification events recorded in the same transaction as the
// change that causes them, one delivery per recipient and channel (an inbox entry, an e-mail, a webhook POST),
// and the webhooks coordinators register. The delivery worker (Program::deliver_due) sends what is due.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/network/ids.hpp"
#include "covalue/program/access.hpp"
#include "covalue/program/notification.hpp"
#include "covalue/program/time_zone.hpp"

namespace covalue::program {

namespace net = core::network;

//! The id of a registered webhook, per network.
using WebhookId = std::int64_t;

//! How a delivery reaches its recipient.
enum class DeliveryChannel { kInbox, kEmail, kWebhook };

//! The names of delivery channels.
constexpr auto enum_names(DeliveryChannel /*tag*/) {
  using enum DeliveryChannel;
  return core::NameTable{"delivery channel", std::to_array<core::EnumName<DeliveryChannel>>(
                                                 {{kInbox, "inbox"}, {kEmail, "email"}, {kWebhook, "webhook"}})};
}

//! Where a delivery stands: pending (due at next_attempt_at), sending (claimed by a worker until
//! next_attempt_at: a worker killed meanwhile leaves it to be claimed again then), delivered, or dead (given up).
enum class DeliveryState { kPending, kSending, kDelivered, kDead };

//! The names of delivery states.
constexpr auto enum_names(DeliveryState /*tag*/) {
  using enum DeliveryState;
  return core::NameTable{
      "delivery state",
      std::to_array<core::EnumName<DeliveryState>>(
          {{kPending, "pending"}, {kSending, "sending"}, {kDelivered, "delivered"}, {kDead, "dead"}})};
}

//! Something people should hear about, as recorded with the change that caused it.
struct NotificationEvent {
  std::int64_t id{0};
  EventKind kind{EventKind::kCycleOpened};
  std::string occurred_at;                //!< UTC, as the program's clock says
  net::CycleNumber cycle{0};              //!< the cycle it is about (0: none)
  std::optional<net::PartnerId> partner;  //!< the partner it is about, if any
  std::string payload;                    //!< a JSON object: what the message says (the renderer's input)
  std::string key;  //!< unique in the network when not empty: an event recorded once ("reminder for cycle 3 at 48 h")

  bool operator==(const NotificationEvent&) const = default;
};

//! One event to one recipient on one channel.
struct Delivery {
  std::int64_t id{0};
  std::int64_t event{0};
  std::optional<PersonId> person;    //!< the recipient for inbox and e-mail
  std::optional<WebhookId> webhook;  //!< the recipient for a webhook
  DeliveryChannel channel{DeliveryChannel::kInbox};
  std::string key;  //!< the idempotency key, unique in the database: the e-mail's Message-ID, X-Covalue-Delivery
  DeliveryState state{DeliveryState::kPending};
  std::int64_t attempts{0};
  std::string next_attempt_at;  //!< pending: when it is due; sending: when the claim expires
  std::string last_error;       //!< why the last attempt failed ("" after none)
  std::string delivered_at;     //!< "" until delivered
  std::string read_at;          //!< inbox: "" until its person read it

  bool operator==(const Delivery&) const = default;
};

//! An inbox entry: the delivery and its event.
struct InboxItem {
  Delivery delivery;
  NotificationEvent event;
};

//! A page of a person's inbox, newest first, and how many of all its entries are unread.
struct InboxPage {
  std::vector<InboxItem> items;
  std::int64_t unread{0};
  std::string time_zone{"UTC"};  //!< the person's: the entries' text shows times there
};

//! A URL a network's events are POSTed to.
struct Webhook {
  WebhookId id{0};
  std::string url;
  std::string secret;  //!< never shown back
  WebhookFormat format{WebhookFormat::kJson};
  std::vector<EventKind> events;  //!< the kinds it receives; empty: every kind
  std::string created_at;
  bool removed{false};

  bool operator==(const Webhook&) const = default;
};

//! A channel's message for one event: subject, paragraphs, facts and a link to the page (`network` is its name);
//! times in `zone` (the recipient's; UTC by default).
[[nodiscard]] Notification render_notification(const NotificationEvent& event, const std::string& network,
                                               const TimeZone& zone = TimeZone());

//! How the delivery worker retries (the settings table's delivery.* rows).
struct DeliverySettings {
  std::int64_t retry_base_seconds{60};  //!< the first retry's delay, doubled after each further failure
  std::int64_t retry_max_seconds{21600};
  std::int64_t max_attempts{10};    //!< attempts before a delivery is dead
  std::int64_t lease_seconds{300};  //!< how long a claim lasts: a worker killed meanwhile leaves it to another then
  std::int64_t batch{100};          //!< deliveries claimed per pass
  std::string mail_from;            //!< the envelope's From (`serve --mail-from`)
  //! The address people open covalue at ("https://covalue.example.org", no trailing slash): links become absolute
  //! and each e-mail carries a one-click unsubscribe URL under it; empty: paths, and no unsubscribe URL.
  std::string public_url;
};

//! What one pass of the delivery worker did.
struct DeliveryPass {
  std::int64_t claimed{0};
  std::int64_t delivered{0};
  std::int64_t retried{0};  //!< failed, to be tried again later
  std::int64_t dead{0};     //!< failed for good
};

//! The longest webhook secret accepted, in bytes.
inline constexpr std::size_t kMaxWebhookSecret = 1024;

}  // namespace covalue::program
