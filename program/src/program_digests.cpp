// Digests (issue 13 item 5): once per person and period, one e-mail summarising the events the person chose to
// hear of daily or weekly, made by the scheduler at a fixed hour of the person's own day (weekly ones on Mondays).
#include <algorithm>
#include <map>

#include "covalue/program/program.hpp"
#include "covalue/program/utc_time.hpp"
#include "outbox_writer.hpp"
#include "use_case.hpp"

namespace covalue::program {

using nlohmann::json;

namespace {

constexpr UtcSeconds kDay = 86400;

//! The days since 1970-01-01 (a Thursday) of a count of seconds, rounded down.
std::int64_t day_of(UtcSeconds seconds) { return seconds >= 0 ? seconds / kDay : (seconds - kDay + 1) / kDay; }

//! The latest moment at or before `now` that is `hour` o'clock in `zone` (on a Monday when `weekly`), and that
//! local day's date ("2026-12-07"): where a digest period ends.
std::pair<UtcSeconds, std::string> period_end(UtcSeconds now, const TimeZone& zone, std::int64_t hour, bool weekly) {
  const UtcSeconds local_now = now + zone.at(now).seconds;
  std::int64_t day = day_of(local_now);
  if (local_now < day * kDay + hour * 3600) {
    day -= 1;
  }
  if (weekly) {
    day -= (day + 3) % 7;  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays
  }
  const UtcSeconds local = day * kDay + hour * 3600;
  const UtcSeconds utc = local - zone.at(local - zone.at(now).seconds).seconds;
  return {utc, format_utc(day * kDay).substr(0, 10)};
}

//! What the digest says beyond its events: open cycles and their deadlines, what the person's partner is asked
//! to do, and the network's value.
json context_of(const Snapshot& snapshot, const Person& person) {
  json open = json::array();
  json asked = json::array();
  for (const net::Cycle& cycle : snapshot.cycles) {
    if (cycle.state != net::CycleState::kProposing && cycle.state != net::CycleState::kVoting) {
      continue;
    }
    open.push_back({{"cycle", cycle.number},
                    {"state", net::name_of(cycle.state)},
                    {"proposals_close_at", cycle.proposals_close_at},
                    {"voting_closes_at", cycle.voting_closes_at}});
    if (cycle.state != net::CycleState::kVoting || !person.partner || person.role != Role::kRepresentative) {
      continue;
    }
    const bool voted = std::any_of(snapshot.ballots->begin(), snapshot.ballots->end(), [&](const auto& ballot) {
      return ballot.cycle == cycle.number && ballot.partner == *person.partner;
    });
    const net::Partner* partner = snapshot.find_partner(*person.partner);
    if (!voted && partner != nullptr) {
      asked.push_back({{"what", "cast " + partner->name + "'s ballot on cycle " + std::to_string(cycle.number)},
                       {"by", cycle.voting_closes_at}});
    }
  }
  core::Rational total;
  json out = {{"open_cycles", open}, {"asked", asked}, {"unit", snapshot.charter.unit}};
  for (const net::CycleOutcome& outcome : *snapshot.outcomes) {
    total += outcome.network_value;
  }
  if (!snapshot.outcomes->empty()) {
    out["network_value"] = core::to_string(total);
    out["last_cycle"] = snapshot.outcomes->back().cycle;
    out["last_value"] = core::to_string(snapshot.outcomes->back().network_value);
  }
  return out;
}

//! Reads the events of the waits once each.
class EventCache {
 public:
  explicit EventCache(StoreSession& session) : session_(session) {}
  core::Result<const NotificationEvent*> get(std::int64_t id) {
    if (const auto found = events_.find(id); found != events_.end()) {
      return &found->second;
    }
    core::Result<std::optional<NotificationEvent>> event = session_.event(id);
    if (!event) {
      return event.error();
    }
    if (!*event) {
      return detail::not_found("no event with id " + std::to_string(id), "event");
    }
    return &events_.emplace(id, **event).first->second;
  }

 private:
  StoreSession& session_;
  std::map<std::int64_t, NotificationEvent> events_;
};

//! Everything one digest pass needs, read once.
struct DigestPass {
  StoreSession& session;
  const Snapshot& snapshot;
  std::int64_t network{0};
  std::string now;
  EventCache events;
  std::int64_t recorded{0};
};

//! Records one person's digest of `cadence` when events wait for it from before the period's end.
core::Status digest_one(DigestPass& pass, const Person& person, const std::vector<DigestWait>& waits, Cadence cadence,
                        UtcSeconds now, std::int64_t hour) {
  const std::shared_ptr<const TimeZone> zone = find_time_zone(person.time_zone);
  const auto [end, date] = period_end(now, *zone, hour, cadence == Cadence::kWeekly);
  const std::string until = format_utc(end);
  json listed = json::array();
  std::vector<std::int64_t> ids;
  for (const DigestWait& wait : waits) {
    if (wait.cadence != cadence || wait.occurred_at >= until) {
      continue;
    }
    core::Result<const NotificationEvent*> event = pass.events.get(wait.event);
    if (!event) {
      return event.error();
    }
    const Notification message = render_notification(**event, pass.snapshot.charter.name, *zone);
    listed.push_back({{"kind", name_of((*event)->kind)}, {"cycle", (*event)->cycle}, {"subject", message.subject}});
    ids.push_back(wait.event);
  }
  if (ids.empty()) {
    return {};  // nothing to say: no digest
  }
  json payload = context_of(pass.snapshot, person);
  payload["cadence"] = name_of(cadence);
  payload["until"] = until;
  payload["events"] = listed;
  NotificationEvent digest{
      .id = 0,
      .kind = EventKind::kDigest,
      .occurred_at = pass.now,
      .cycle = 0,
      .partner = person.partner,
      .payload = payload.dump(),
      .key = "digest:" + std::string(name_of(cadence)) + ":p" + std::to_string(person.id) + ":" + date};
  core::Result<std::int64_t> id = pass.session.insert_event(digest);
  if (!id) {
    // Recorded already for this period (by another scheduler): what still waits goes in the next one.
    return id.error().kind == core::ErrorKind::kConflict ? core::Status() : core::Status(id.error());
  }
  Delivery mail{.id = 0,
                .event = *id,
                .person = person.id,
                .webhook = std::nullopt,
                .channel = DeliveryChannel::kEmail,
                .key = detail::delivery_key(pass.network, *id, DeliveryChannel::kEmail, person.id, std::nullopt),
                .state = DeliveryState::kPending,
                .attempts = 0,
                .next_attempt_at = format_utc(now),
                .last_error = "",
                .delivered_at = "",
                .read_at = ""};
  if (core::Status stored = pass.session.insert_deliveries({mail}); !stored) {
    return stored;
  }
  pass.recorded += 1;
  return pass.session.remove_digest_waits(person.id, ids);
}

}  // namespace

core::Result<std::int64_t> Program::record_digests(const DigestSettings& settings) {
  if (core::Status allowed = detail::require_coordinator(actor_, "make digests"); !allowed) {
    return allowed.error();
  }
  if (settings.hour < 0 || settings.hour > 23) {
    return detail::invalid("the digest hour must be 0 to 23, got " + std::to_string(settings.hour), "digest.hour");
  }
  const std::string clock_now = clock_->now();
  core::Result<UtcSeconds> now = parse_utc(clock_now, "clock");
  if (!now) {
    return now.error();
  }
  std::int64_t recorded = 0;
  core::Status status = store_.transact([&](StoreSession& session) -> core::Status {
    recorded = 0;
    core::Result<std::vector<DigestWait>> waits = session.digest_waits();
    if (!waits || waits->empty()) {
      return waits ? core::Status() : core::Status(waits.error());
    }
    SnapshotParts parts{.ballots = true, .outcomes = true};
    core::Result<Snapshot> snapshot = read_snapshot(session, parts);
    core::Result<std::vector<Person>> people = session.people();
    if (!snapshot || !people) {
      return !snapshot ? snapshot.error() : people.error();
    }
    DigestPass pass{session, *snapshot, store_.network(), format_utc(*now), EventCache(session), 0};
    std::map<PersonId, std::vector<DigestWait>> by_person;
    for (DigestWait& wait : *waits) {
      by_person[wait.person].push_back(std::move(wait));
    }
    for (const auto& [id, mine] : by_person) {
      const Person* person = detail::find_person(*people, id);
      if (person == nullptr || person->removed || person->email.empty()) {
        std::vector<std::int64_t> events;
        std::transform(mine.begin(), mine.end(), std::back_inserter(events), [](const auto& w) { return w.event; });
        if (core::Status dropped = session.remove_digest_waits(id, events); !dropped) {
          return dropped;
        }
        continue;
      }
      for (const Cadence cadence : {Cadence::kDaily, Cadence::kWeekly}) {
        if (core::Status made = digest_one(pass, *person, mine, cadence, *now, settings.hour); !made) {
          return made;
        }
      }
    }
    recorded = pass.recorded;
    if (recorded == 0) {
      return {};
    }
    return detail::append_audit(session, {store_, actor_, *clock_}, "record_digests", {{"digests", recorded}});
  });
  if (!status) {
    return status.error();
  }
  return recorded;
}

}  // namespace covalue::program
