// The outbox's use cases besides the worker: the scheduler's reminders, the inbox, webhooks and dead letters.
#include <algorithm>

#include "covalue/program/program.hpp"
#include "covalue/program/utc_time.hpp"
#include "program_events.hpp"
#include "use_case.hpp"

namespace covalue::program {
namespace {

using nlohmann::json;

//! Now, by `clock`, in seconds.
UtcSeconds seconds_now(Clock& clock) {
  core::Result<UtcSeconds> now = parse_utc(clock.now(), "clock");
  return now ? *now : 0;
}

//! kInvalidInput naming "url" unless `url` is http:// or https:// with a host, without spaces or control characters.
core::Status check_webhook_url(const std::string& url) {
  const auto refuse = [&](const std::string& why) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            why + ", got \"" + url.substr(0, 60) + (url.size() > 60 ? "...\"" : "\""), "url");
  };
  if (url.size() > 2000) {
    return refuse("must be at most 2000 characters");
  }
  const std::string_view scheme = url.starts_with("https://") ? "https://" : "http://";
  if (!url.starts_with(scheme)) {
    return refuse("must be an http:// or https:// URL");
  }
  if (std::any_of(url.begin(), url.end(), [](unsigned char ch) { return ch <= ' ' || ch == 0x7f; })) {
    return refuse("must not hold spaces or control characters");
  }
  const std::string rest = url.substr(scheme.size());
  const std::string host = rest.substr(0, rest.find_first_of("/?#"));
  const std::string bare = host.substr(host.find('@') == std::string::npos ? 0 : host.find('@') + 1);
  if (bare.empty() || bare.front() == ':') {
    return refuse("must name a host");
  }
  return {};
}

//! A webhook as shown: without its secret.
Webhook shown_webhook(Webhook webhook) {
  webhook.secret.clear();
  return webhook;
}

json webhook_detail(const Webhook& webhook) {
  json kinds = json::array();
  for (const EventKind kind : webhook.events) {
    kinds.push_back(name_of(kind));
  }
  return {{"webhook", webhook.id}, {"url", webhook.url}, {"format", name_of(webhook.format)}, {"events", kinds}};
}

}  // namespace

core::Status Program::remind_voters() {
  return store_.transact([&](StoreSession& session) -> core::Status {
    SnapshotParts parts = SnapshotParts::minimal();
    parts.ballots = true;
    core::Result<Snapshot> snapshot = read_snapshot(session, parts);
    if (!snapshot) {
      return snapshot.error();
    }
    const net::Cycle* open = detail::open_cycle_of(*snapshot);
    if (open == nullptr || open->state != net::CycleState::kVoting || open->voting_closes_at.empty()) {
      return {};
    }
    core::Result<std::vector<std::int64_t>> hours = net::parse_reminder_hours(snapshot->charter.reminder_hours);
    if (!hours || hours->empty()) {
      return {};
    }
    detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
    core::Result<std::int64_t> recorded =
        detail::record_reminders(outbox, *snapshot, *open, *hours, seconds_now(*clock_));
    if (!recorded) {
      return recorded.error();
    }
    if (*recorded == 0) {
      return {};
    }
    return detail::append_audit(session, {store_, actor_, *clock_}, "remind_voters",
                                {{"cycle", open->number}, {"partners", *recorded}});
  });
}

core::Status Program::note_deadline_due(const DeadlineStep& step) {
  return store_.transact([&](StoreSession& session) -> core::Status {
    core::Result<std::vector<net::Cycle>> cycles = session.cycles();
    if (!cycles) {
      return cycles.error();
    }
    const auto cycle =
        std::find_if(cycles->begin(), cycles->end(), [&](const auto& c) { return c.number == step.cycle; });
    if (cycle == cycles->end()) {
      return {};
    }
    detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
    core::Result<bool> recorded = detail::record_deadline_due(outbox, *cycle, step.deadline, step.at);
    if (!recorded) {
      return recorded.error();
    }
    if (!*recorded) {
      return {};
    }
    return detail::append_audit(session, {store_, actor_, *clock_}, "deadline_due",
                                {{"cycle", step.cycle}, {"deadline", step.deadline}});
  });
}

core::Result<InboxPage> Program::inbox(std::int64_t before, std::int64_t limit) {
  if (!actor_.person) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "the inbox belongs to a person: sign in, or use a token issued to a person "
                            "(covalue token issue --person ID); this token is a " +
                                std::string(name_of(actor_.role)) + "'s without one",
                            "token");
  }
  const PersonId person = *actor_.person;
  return detail::read_in<InboxPage>(store_, [&](StoreSession& session) -> core::Result<InboxPage> {
    core::Result<InboxPage> page = session.inbox(person, before, limit);
    core::Result<std::vector<Person>> people =
        page ? session.people() : core::Result<std::vector<Person>>(std::vector<Person>());
    if (!page || !people) {
      return !page ? page.error() : people.error();
    }
    if (const Person* found = detail::find_person(*people, person); found != nullptr) {
      page->time_zone = found->time_zone;
    }
    return page;
  });
}

core::Result<std::int64_t> Program::mark_read(std::optional<std::int64_t> delivery) {
  if (core::Result<InboxPage> allowed = inbox(0, 0); !allowed) {
    return allowed.error();
  }
  const PersonId person = *actor_.person;
  std::int64_t changed = 0;
  core::Status status = store_.transact([&](StoreSession& session) -> core::Status {
    if (delivery) {
      core::Result<std::optional<Delivery>> found = session.delivery(*delivery);
      if (!found) {
        return found.error();
      }
      if (!*found || (*found)->person != person || (*found)->channel != DeliveryChannel::kInbox) {
        return detail::not_found("no inbox entry with id " + std::to_string(*delivery) + " for this person", "id");
      }
    }
    core::Result<std::int64_t> marked = session.mark_read(person, delivery, format_utc(seconds_now(*clock_)));
    if (!marked) {
      return marked.error();
    }
    changed = *marked;
    return {};
  });
  if (!status) {
    return status.error();
  }
  return changed;
}

core::Result<Webhook> Program::add_webhook(const Webhook& webhook) {
  if (core::Status allowed = detail::require_coordinator(actor_, "add webhooks"); !allowed) {
    return allowed.error();
  }
  if (core::Status url = check_webhook_url(webhook.url); !url) {
    return url.error();
  }
  if (webhook.secret.empty() || webhook.secret.size() > kMaxWebhookSecret) {
    return detail::invalid("the secret must be 1 to " + std::to_string(kMaxWebhookSecret) + " bytes, got " +
                               std::to_string(webhook.secret.size()),
                           "secret");
  }
  return detail::run_change_to<Webhook>(
      {store_, actor_, *clock_}, "add_webhook", SnapshotParts::minimal(), webhook,
      [&](StoreSession& session, Snapshot& /*snapshot*/, json& detail, Webhook& stored) -> core::Status {
        stored.created_at = format_utc(seconds_now(*clock_));
        stored.removed = false;
        core::Result<WebhookId> id = session.insert_webhook(stored);
        if (!id) {
          return id.error();
        }
        stored.id = *id;
        detail = webhook_detail(stored);
        stored = shown_webhook(stored);
        return {};
      });
}

core::Result<Webhook> Program::remove_webhook(WebhookId id) {
  if (core::Status allowed = detail::require_coordinator(actor_, "remove webhooks"); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<Webhook>(
      {store_, actor_, *clock_}, "remove_webhook", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& /*snapshot*/, json& detail, Webhook& removed) -> core::Status {
        core::Result<std::vector<Webhook>> all = session.webhooks();
        if (!all) {
          return all.error();
        }
        const auto found = std::find_if(all->begin(), all->end(), [&](const Webhook& w) { return w.id == id; });
        if (found == all->end() || found->removed) {
          return detail::not_found("no webhook with id " + std::to_string(id), "webhook");
        }
        removed = shown_webhook(*found);
        removed.removed = true;
        detail = webhook_detail(removed);
        return session.remove_webhook(id);
      });
}

core::Result<std::vector<Webhook>> Program::webhooks() {
  if (core::Status allowed = detail::require_coordinator(actor_, "list webhooks"); !allowed) {
    return allowed.error();
  }
  core::Result<std::vector<Webhook>> all =
      detail::read_in<std::vector<Webhook>>(store_, [](StoreSession& session) { return session.webhooks(); });
  if (!all) {
    return all;
  }
  std::erase_if(*all, [](const Webhook& w) { return w.removed; });
  std::transform(all->begin(), all->end(), all->begin(), shown_webhook);
  return all;
}

core::Result<std::vector<Delivery>> Program::deliveries(std::optional<DeliveryState> state, std::int64_t after,
                                                        std::int64_t limit) {
  if (core::Status allowed = detail::require_coordinator(actor_, "list deliveries"); !allowed) {
    return allowed.error();
  }
  return detail::read_in<std::vector<Delivery>>(
      store_, [&](StoreSession& session) { return session.deliveries(state, after, limit); });
}

core::Result<Delivery> Program::retry_delivery(std::int64_t id) {
  if (core::Status allowed = detail::require_coordinator(actor_, "retry deliveries"); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<Delivery>(
      {store_, actor_, *clock_}, "retry_delivery", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& /*snapshot*/, json& detail, Delivery& retried) -> core::Status {
        core::Result<std::optional<Delivery>> found = session.delivery(id);
        if (!found) {
          return found.error();
        }
        if (!*found) {
          return detail::not_found("no delivery with id " + std::to_string(id), "delivery");
        }
        if ((*found)->state != DeliveryState::kDead) {
          return detail::conflict("delivery " + std::to_string(id) + " is " + std::string(name_of((*found)->state)) +
                                      "; only a dead one can be retried",
                                  "delivery");
        }
        retried = **found;
        retried.state = DeliveryState::kPending;
        retried.attempts = 0;
        retried.next_attempt_at = format_utc(seconds_now(*clock_));
        detail = {{"delivery", id}, {"key", retried.key}};
        return session.update_delivery(retried);
      });
}

}  // namespace covalue::program
