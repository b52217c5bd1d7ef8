// The delivery worker: claims due deliveries, sends them through the Mailer and WebhookPoster ports outside any
// transaction, and records how each attempt ended (issue 13 item 3).
#include <algorithm>
#include <map>
#include <memory>

#include "covalue/program/program.hpp"
#include "covalue/program/utc_time.hpp"
#include "unsubscribe_token.hpp"
#include "use_case.hpp"

// Drafts name only the members they set (the others keep their defaults), which GCC's -Wextra reports.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace covalue::program {
namespace {

//! One claimed delivery with what sending it needs.
struct Job {
  Delivery delivery;
  Notification message;
  std::optional<MailEnvelope> envelope;  //!< e-mail
  std::optional<WebhookTarget> target;   //!< webhook
  std::string unsendable;                //!< why it cannot be sent at all (a removed person or webhook)
};

//! The wait before the next attempt after `attempts` failures: base x 2^(attempts - 1), at most the cap.
std::int64_t backoff(const DeliverySettings& settings, std::int64_t attempts) {
  std::int64_t delay = std::max<std::int64_t>(settings.retry_base_seconds, 1);
  for (std::int64_t i = 1; i < attempts && delay < settings.retry_max_seconds; ++i) {
    delay *= 2;
  }
  return std::min(delay, settings.retry_max_seconds);
}

//! `link` made absolute under `public_url` when it is a path and there is one.
std::string absolute(const std::string& link, const std::string& public_url) {
  return !public_url.empty() && link.starts_with("/") ? public_url + link : link;
}

//! What an e-mail needs beyond the message: the network's id, its unsubscribe secret (empty: no unsubscribe URL).
struct MailContext {
  std::int64_t network{0};
  std::string secret;
};

//! The recipient's side of a job: its envelope or target, or why there is none.
void address(Job& job, const std::vector<Person>& people, const std::vector<Webhook>& webhooks,
             const DeliverySettings& settings, const MailContext& mail) {
  if (job.delivery.channel == DeliveryChannel::kWebhook) {
    const auto hook = std::find_if(webhooks.begin(), webhooks.end(),
                                   [&](const Webhook& w) { return job.delivery.webhook == w.id && !w.removed; });
    if (hook == webhooks.end()) {
      job.unsendable = "the webhook was removed";
      return;
    }
    job.target = WebhookTarget{.url = hook->url, .secret = hook->secret, .format = hook->format};
    return;
  }
  const auto person = std::find_if(people.begin(), people.end(),
                                   [&](const Person& p) { return job.delivery.person == p.id && !p.removed; });
  if (person == people.end() || person->email.empty()) {
    job.unsendable = "the person was removed or has no e-mail address";
    return;
  }
  std::string unsubscribe;
  if (!mail.secret.empty()) {
    unsubscribe = settings.public_url + "/api/unsubscribe?token=" +
                  detail::sign_unsubscribe(mail.secret, mail.network, person->id, job.message.kind);
  }
  job.envelope = MailEnvelope{.from = settings.mail_from,
                              .to = person->email,
                              .to_name = person->name,
                              .message_id = "<" + job.delivery.key + "@covalue>",
                              .unsubscribe_url = unsubscribe,
                              .preferences_url = absolute("/preferences", settings.public_url)};
}

//! The time zone of the delivery's person (UTC for a webhook or an unknown person).
std::shared_ptr<const TimeZone> zone_of(const Delivery& delivery, const std::vector<Person>& people) {
  const auto person =
      std::find_if(people.begin(), people.end(), [&](const Person& p) { return delivery.person == p.id; });
  return find_time_zone(person == people.end() || delivery.channel == DeliveryChannel::kWebhook ? "UTC"
                                                                                                : person->time_zone);
}

//! Claims the due deliveries of `channels` and prepares each for sending, in one transaction.
core::Result<std::vector<Job>> claim(Store& store, const std::vector<DeliveryChannel>& channels, UtcSeconds now,
                                     const DeliverySettings& settings) {
  std::vector<Job> jobs;
  core::Status status = store.transact([&](StoreSession& session) -> core::Status {
    jobs.clear();
    core::Result<std::vector<Delivery>> claimed =
        session.claim_deliveries(channels, format_utc(now), format_utc(now + settings.lease_seconds), settings.batch);
    if (!claimed || claimed->empty()) {
      return claimed ? core::Status() : core::Status(claimed.error());
    }
    core::Result<std::optional<net::Charter>> charter = session.charter();
    core::Result<std::vector<Person>> people = session.people();
    core::Result<std::vector<Webhook>> webhooks = session.webhooks();
    if (!charter || !people || !webhooks) {
      return !charter ? charter.error() : !people ? people.error() : webhooks.error();
    }
    MailContext mail{.network = store.network(), .secret = ""};
    if (!settings.public_url.empty()) {
      core::Result<std::string> secret =
          session.network_secret(detail::kUnsubscribeSecret, detail::new_network_secret());
      if (!secret) {
        return secret.error();
      }
      mail.secret = *secret;
    }
    const std::string network = *charter ? (*charter)->name : std::string();
    std::map<std::pair<std::int64_t, std::string>, Notification> messages;  // by event and time zone
    for (Delivery& delivery : *claimed) {
      const std::int64_t id = delivery.event;
      const std::shared_ptr<const TimeZone> zone = zone_of(delivery, *people);
      const std::pair<std::int64_t, std::string> key{id, zone->name()};
      if (!messages.contains(key)) {
        core::Result<std::optional<NotificationEvent>> event = session.event(id);
        if (!event) {
          return event.error();
        }
        Notification message = *event ? render_notification(**event, network, *zone) : Notification{};
        message.link = absolute(message.link, settings.public_url);
        messages[key] = std::move(message);
      }
      Job job{.delivery = std::move(delivery), .message = messages[key]};
      address(job, *people, *webhooks, settings, mail);
      jobs.push_back(std::move(job));
    }
    return {};
  });
  if (!status) {
    return status.error();
  }
  return jobs;
}

//! Sends one job through its port; a missing port or recipient is a permanent failure.
DeliveryReport send(Job& job, Mailer* mailer, WebhookPoster* poster) {
  if (!job.unsendable.empty()) {
    return {DeliveryOutcome::kPermanent, job.unsendable};
  }
  if (job.envelope && mailer != nullptr) {
    return mailer->send(*job.envelope, job.message);
  }
  if (job.target && poster != nullptr) {
    return poster->post(*job.target, job.delivery.key, job.message);
  }
  return {DeliveryOutcome::kRetry, "no port for the " + std::string(name_of(job.delivery.channel)) + " channel"};
}

//! The delivery after an attempt that ended as `report` said at `now`.
Delivery after_attempt(Delivery delivery, const DeliveryReport& report, UtcSeconds now,
                       const DeliverySettings& settings) {
  delivery.attempts += 1;
  delivery.last_error = report.detail.substr(0, 2000);
  if (report.outcome == DeliveryOutcome::kDelivered) {
    delivery.state = DeliveryState::kDelivered;
    delivery.delivered_at = format_utc(now);
    delivery.last_error.clear();
  } else if (report.outcome == DeliveryOutcome::kPermanent || delivery.attempts >= settings.max_attempts) {
    delivery.state = DeliveryState::kDead;
  } else {
    delivery.state = DeliveryState::kPending;
    delivery.next_attempt_at = format_utc(now + backoff(settings, delivery.attempts));
  }
  return delivery;
}

}  // namespace

core::Result<DeliveryPass> Program::deliver_due(Mailer* mailer, WebhookPoster* poster,
                                                const DeliverySettings& settings) {
  if (core::Status allowed = detail::require_coordinator(actor_, "run the delivery worker"); !allowed) {
    return allowed.error();
  }
  std::vector<DeliveryChannel> channels;
  if (mailer != nullptr) {
    channels.push_back(DeliveryChannel::kEmail);
  }
  if (poster != nullptr) {
    channels.push_back(DeliveryChannel::kWebhook);
  }
  DeliveryPass pass;
  if (channels.empty()) {
    return pass;  // the inbox needs no sending: its entries are delivered when recorded
  }
  core::Result<UtcSeconds> now = parse_utc(clock_->now(), "clock");
  if (!now) {
    return now.error();
  }
  core::Result<std::vector<Job>> jobs = claim(store_, channels, *now, settings);
  if (!jobs) {
    return jobs.error();
  }
  pass.claimed = static_cast<std::int64_t>(jobs->size());
  for (Job& job : *jobs) {
    const DeliveryReport report = send(job, mailer, poster);
    core::Result<UtcSeconds> then = parse_utc(clock_->now(), "clock");
    const Delivery done = after_attempt(job.delivery, report, then ? *then : *now, settings);
    // Each result in its own transaction: a crash loses at most the one being sent (resent under its key).
    if (core::Status recorded = store_.transact([&](StoreSession& session) { return session.update_delivery(done); });
        !recorded) {
      return recorded.error();
    }
    pass.delivered += done.state == DeliveryState::kDelivered ? 1 : 0;
    pass.retried += done.state == DeliveryState::kPending ? 1 : 0;
    pass.dead += done.state == DeliveryState::kDead ? 1 : 0;
  }
  return pass;
}

}  // namespace covalue::program
