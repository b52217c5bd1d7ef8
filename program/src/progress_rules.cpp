#include "progress_rules.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "covalue/program/utc_time.hpp"
#include "use_case.hpp"

namespace covalue::program::detail {

bool was_selected(const net::Initiative& initiative) {
  return initiative.delivering() || initiative.status == net::InitiativeStatus::kDelivered ||
         initiative.status == net::InitiativeStatus::kReviewed;
}

bool may_report(const Actor& actor, const net::Initiative& initiative) {
  if (actor.coordinates()) {
    return true;
  }
  return actor.role == Role::kRepresentative && initiative.lead && actor.partner == initiative.lead;
}

core::Result<const net::Initiative*> reported_initiative(const Snapshot& snapshot, const Actor& actor,
                                                         net::InitiativeId id, const std::string& what) {
  const net::Initiative* initiative = snapshot.find_initiative(id);
  if (initiative == nullptr) {
    return not_found("no initiative with id " + std::to_string(id), "initiative");
  }
  const std::string named = "initiative " + std::to_string(id) + " (\"" + initiative->title + "\")";
  if (!may_report(actor, *initiative)) {
    const std::string who = actor.partner ? "partner " + std::to_string(*actor.partner) : std::string("this token");
    return core::make_error(
        core::ErrorKind::kForbidden,
        who + " does not lead " + named + ": only its lead's representatives or a coordinator can " + what,
        "initiative");
  }
  if (!initiative->delivering() && initiative->status != net::InitiativeStatus::kDelivered) {
    return conflict(named + " is " + std::string(net::name_of(initiative->status)) +
                        "; only an initiative its cycle selected, and not yet reviewed, has a delivery to report on",
                    "initiative");
  }
  return initiative;
}

std::set<net::InitiativeId> with_actuals(const Snapshot& snapshot, const std::vector<LeadRealisedValue>& lead_values) {
  std::set<net::InitiativeId> recorded;
  for (const net::RealisedValue& value : snapshot.realised) {
    recorded.insert(value.initiative);
  }
  for (const LeadRealisedValue& value : lead_values) {
    if (value.actual) {
      recorded.insert(value.initiative);
    }
  }
  return recorded;
}

bool actuals_due(const Snapshot& snapshot, const net::Initiative& initiative,
                 const std::set<net::InitiativeId>& recorded) {
  if (!was_selected(initiative) || recorded.contains(initiative.id)) {
    return false;
  }
  net::CycleNumber closed = 0;
  for (const net::Cycle& cycle : snapshot.cycles) {
    if (cycle.state == net::CycleState::kClosed || cycle.state == net::CycleState::kReviewed) {
      closed = std::max(closed, cycle.number);
    }
  }
  return closed >= initiative.cycle + kActualsDueCycles;
}

std::vector<Attention> actuals_due_attention(const Snapshot& snapshot,
                                             const std::vector<LeadRealisedValue>& lead_values) {
  const std::set<net::InitiativeId> recorded = with_actuals(snapshot, lead_values);
  std::map<net::CycleNumber, std::int64_t> due;
  for (const net::Initiative& initiative : snapshot.initiatives) {
    if (actuals_due(snapshot, initiative, recorded)) {
      ++due[initiative.cycle];
    }
  }
  std::vector<Attention> items;
  for (const auto& [cycle, count] : due) {
    items.push_back({AttentionKind::kActualsDue, cycle, std::nullopt, {}, count, {}});
  }
  return items;
}

core::Status check_date(const std::string& date, const std::string& where) {
  const auto refuse = [&] {
    return invalid("a date is written YYYY-MM-DD (2027-03-31), got \"" + date.substr(0, 40) + "\"", where);
  };
  const bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                      std::all_of(date.begin(), date.end(), [](char c) { return c == '-' || std::isdigit(c) != 0; });
  if (!shaped) {
    return refuse();
  }
  core::Result<UtcSeconds> moment = parse_utc(date + "T00:00Z", where);
  if (!moment || format_utc(*moment).substr(0, 10) != date) {
    return refuse();
  }
  return {};
}

}  // namespace covalue::program::detail
