// Delivery by the lead (issue 14 item 3): progress updates, milestones, the delivery status, the lead's realised
// value and its confirmation, and the scheduler's actuals_due events (issue 13 item 3).
#include <algorithm>
#include <utility>

#include "covalue/program/limits.hpp"
#include "covalue/program/program.hpp"
#include "covalue/program/utc_time.hpp"
#include "outbox_writer.hpp"
#include "progress_rules.hpp"
#include "use_case.hpp"

// Drafts name only the members they set (the others keep their defaults), which GCC's -Wextra reports.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
namespace covalue::program {
namespace {

using detail::run_change_to;
using nlohmann::json;

//! Now, by `clock`, in the canonical form.
std::string now_text(Clock& clock) {
  core::Result<UtcSeconds> now = parse_utc(clock.now(), "clock");
  return now ? format_utc(*now) : clock.now();
}

//! The milestone `id` of `initiative`, which `actor` may report on (kNotFound naming "milestone" for one of
//! another initiative).
core::Result<Milestone> reported_milestone(StoreSession& session, const Snapshot& snapshot, const Actor& actor,
                                           net::InitiativeId initiative, MilestoneId id) {
  if (auto allowed = detail::reported_initiative(snapshot, actor, initiative, "keep its milestones"); !allowed) {
    return allowed.error();
  }
  core::Result<std::vector<Milestone>> all = session.milestones(initiative);
  if (!all) {
    return all.error();
  }
  const auto found = std::find_if(all->begin(), all->end(), [&](const Milestone& m) { return m.id == id; });
  if (found == all->end()) {
    return detail::not_found(
        "initiative " + std::to_string(initiative) + " has no milestone with id " + std::to_string(id), "milestone");
  }
  return *found;
}

json milestone_detail(const Milestone& milestone) {
  return {{"milestone", milestone.id},
          {"initiative", milestone.initiative},
          {"title", milestone.title},
          {"due_date", milestone.due_date},
          {"done", milestone.done}};
}

//! Checks the amounts of a lead's record: at least one, each within the limits.
core::Status check_lead_amounts(const LeadRealisedValue& value) {
  if (!value.target && !value.forecast && !value.actual) {
    return detail::invalid("give a target, a forecast or an actual (or several)", "actual");
  }
  for (const auto& [amount, where] : {std::pair{&value.target, "target"}, std::pair{&value.forecast, "forecast"},
                                      std::pair{&value.actual, "actual"}}) {
    if (*amount) {
      if (core::Status checked = check_amount(**amount, AmountSign::kAny, where); !checked) {
        return checked;
      }
    }
  }
  return {};
}

json lead_value_detail(const LeadRealisedValue& value) {
  json detail = {{"cycle", value.cycle},
                 {"initiative", value.initiative},
                 {"partner", value.partner},
                 {"confirmed", value.confirmed}};
  for (const auto& [amount, name] : {std::pair{&value.target, "target"}, std::pair{&value.forecast, "forecast"},
                                     std::pair{&value.actual, "actual"}}) {
    if (*amount) {
      detail[name] = core::to_string(**amount);
    }
  }
  return detail;
}

//! Puts a confirmed record's actual into the ledger (what the reports read).
core::Status enter_ledger(StoreSession& session, const LeadRealisedValue& value) {
  if (!value.actual) {
    return {};
  }
  return session.put_realised_value(net::RealisedValue{.cycle = value.cycle,
                                                       .initiative = value.initiative,
                                                       .partner = value.partner,
                                                       .target = value.target,
                                                       .forecast = value.forecast,
                                                       .actual = *value.actual});
}

}  // namespace

core::Result<InitiativeUpdate> Program::post_update(net::InitiativeId initiative, const std::string& text) {
  if (core::Status checked = check_text_field(text, kUpdateField, "text", true); !checked) {
    return checked.error();
  }
  return run_change_to<InitiativeUpdate>(
      {store_, actor_, *clock_}, "post_update", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, InitiativeUpdate& update) -> core::Status {
        if (auto found = detail::reported_initiative(snapshot, actor_, initiative, "post updates on it"); !found) {
          return found.error();
        }
        update = InitiativeUpdate{.initiative = initiative,
                                  .text = text,
                                  .posted_at = now_text(*clock_),
                                  .partner = actor_.partner,
                                  .person = actor_.person,
                                  .author = actor_.name};
        core::Result<std::int64_t> id = session.insert_initiative_update(update);
        if (!id) {
          return id.error();
        }
        update.id = *id;
        detail = {{"initiative", initiative}, {"update", *id}};
        return {};
      });
}

core::Result<Milestone> Program::add_milestone(net::InitiativeId initiative, const std::string& title,
                                               const std::string& due_date) {
  if (core::Status checked = check_text_field(title, kTitleField, "title", true); !checked) {
    return checked.error();
  }
  if (core::Status date = detail::check_date(due_date, "due_date"); !date) {
    return date.error();
  }
  return run_change_to<Milestone>(
      {store_, actor_, *clock_}, "add_milestone", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, Milestone& milestone) -> core::Status {
        if (auto found = detail::reported_initiative(snapshot, actor_, initiative, "keep its milestones"); !found) {
          return found.error();
        }
        milestone = Milestone{.initiative = initiative, .title = title, .due_date = due_date};
        core::Result<MilestoneId> id = session.insert_milestone(milestone);
        if (!id) {
          return id.error();
        }
        milestone.id = *id;
        detail = milestone_detail(milestone);
        return {};
      });
}

core::Result<Milestone> Program::change_milestone(net::InitiativeId initiative, MilestoneId id,
                                                  const MilestoneChange& change) {
  if (change.title) {
    if (core::Status checked = check_text_field(*change.title, kTitleField, "title", true); !checked) {
      return checked.error();
    }
  }
  if (change.due_date) {
    if (core::Status date = detail::check_date(*change.due_date, "due_date"); !date) {
      return date.error();
    }
  }
  return run_change_to<Milestone>(
      {store_, actor_, *clock_}, "change_milestone", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, Milestone& milestone) -> core::Status {
        core::Result<Milestone> found = reported_milestone(session, snapshot, actor_, initiative, id);
        if (!found) {
          return found.error();
        }
        milestone = *found;
        milestone.title = change.title.value_or(milestone.title);
        milestone.due_date = change.due_date.value_or(milestone.due_date);
        if (change.done && *change.done != milestone.done) {
          milestone.done = *change.done;
          milestone.done_at = milestone.done ? now_text(*clock_) : std::string();
        }
        detail = milestone_detail(milestone);
        return session.update_milestone(milestone);
      });
}

core::Result<Milestone> Program::remove_milestone(net::InitiativeId initiative, MilestoneId id) {
  return run_change_to<Milestone>(
      {store_, actor_, *clock_}, "remove_milestone", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, Milestone& milestone) -> core::Status {
        core::Result<Milestone> found = reported_milestone(session, snapshot, actor_, initiative, id);
        if (!found) {
          return found.error();
        }
        milestone = *found;
        detail = milestone_detail(milestone);
        return session.remove_milestone(id);
      });
}

core::Result<net::Initiative> Program::set_delivery_status(net::InitiativeId initiative, net::InitiativeStatus status,
                                                           const std::string& reason) {
  using enum net::InitiativeStatus;
  if (status != kInProgress && status != kBlocked && status != kDelivered) {
    return detail::invalid(
        "a lead moves an initiative to in_progress, blocked or delivered, not " + std::string(net::name_of(status)),
        "status");
  }
  if (core::Status checked = check_text_field(reason, kReasonField, "reason", status == kBlocked); !checked) {
    return checked.error();
  }
  return run_change_to<net::Initiative>(
      {store_, actor_, *clock_}, "set_delivery_status", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::Initiative& moved) -> core::Status {
        auto found = detail::reported_initiative(snapshot, actor_, initiative, "move its delivery status");
        if (!found) {
          return found.error();
        }
        moved = **found;
        detail = {{"initiative", initiative}, {"from", net::name_of(moved.status)}, {"to", net::name_of(status)}};
        if (!reason.empty()) {
          detail["reason"] = reason;
        }
        moved.status = status;
        if (core::Status updated = session.update_initiative(moved); !updated) {
          return updated;
        }
        const InitiativeUpdate update{.initiative = initiative,
                                      .text = reason,
                                      .posted_at = now_text(*clock_),
                                      .partner = actor_.partner,
                                      .person = actor_.person,
                                      .author = actor_.name,
                                      .status = status};
        core::Result<std::int64_t> id = session.insert_initiative_update(update);
        return id ? core::Status() : core::Status(id.error());
      });
}

core::Result<LeadRealisedValue> Program::record_lead_value(const LeadRealisedValue& value) {
  if (core::Status checked = check_lead_amounts(value); !checked) {
    return checked.error();
  }
  SnapshotParts parts = SnapshotParts::minimal();
  parts.ledger = true;
  return run_change_to<LeadRealisedValue>(
      {store_, actor_, *clock_}, "record_lead_value", parts, {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, LeadRealisedValue& stored) -> core::Status {
        auto found = detail::reported_initiative(snapshot, actor_, value.initiative, "record its realised value");
        if (!found) {
          return found.error();
        }
        if (snapshot.find_partner(value.partner) == nullptr) {
          return detail::not_found("no partner with id " + std::to_string(value.partner), "partner");
        }
        core::Result<std::vector<LeadRealisedValue>> earlier = session.lead_realised_values(value.initiative);
        if (!earlier) {
          return earlier.error();
        }
        const net::CycleNumber cycle = (*found)->cycle;
        stored = LeadRealisedValue{.cycle = cycle, .initiative = value.initiative, .partner = value.partner};
        for (const LeadRealisedValue& before : *earlier) {
          if (before.cycle == cycle && before.partner == value.partner) {
            stored = before;  // absent amounts keep what was recorded before
          }
        }
        stored.target = value.target ? value.target : stored.target;
        stored.forecast = value.forecast ? value.forecast : stored.forecast;
        stored.actual = value.actual ? value.actual : stored.actual;
        stored.recorded_at = now_text(*clock_);
        stored.recorded_by = actor_.name;
        stored.confirmed = actor_.coordinates();
        stored.confirmed_at = stored.confirmed ? stored.recorded_at : std::string();
        detail = lead_value_detail(stored);
        if (core::Status put = session.put_lead_realised_value(stored); !put) {
          return put;
        }
        return stored.confirmed ? enter_ledger(session, stored) : core::Status();
      });
}

core::Result<std::vector<LeadRealisedValue>> Program::confirm_lead_values(net::InitiativeId initiative,
                                                                          std::optional<net::PartnerId> partner) {
  if (core::Status allowed = detail::require_coordinator(actor_, "confirm a lead's realised value"); !allowed) {
    return allowed.error();
  }
  return run_change_to<std::vector<LeadRealisedValue>>(
      {store_, actor_, *clock_}, "confirm_lead_values", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail,
          std::vector<LeadRealisedValue>& confirmed) -> core::Status {
        auto found = detail::reported_initiative(snapshot, actor_, initiative, "confirm its realised value");
        if (!found) {
          return found.error();
        }
        core::Result<std::vector<LeadRealisedValue>> records = session.lead_realised_values(initiative);
        if (!records) {
          return records.error();
        }
        const std::string now = now_text(*clock_);
        for (LeadRealisedValue record : *records) {
          if (record.confirmed || !record.actual || (partner && record.partner != *partner)) {
            continue;
          }
          record.confirmed = true;
          record.confirmed_at = now;
          if (core::Status put = session.put_lead_realised_value(record); !put) {
            return put;
          }
          if (core::Status entered = enter_ledger(session, record); !entered) {
            return entered;
          }
          confirmed.push_back(record);
        }
        if (confirmed.empty()) {
          return detail::conflict("no actual recorded by the lead of initiative " + std::to_string(initiative) +
                                      (partner ? " for partner " + std::to_string(*partner) : std::string()) +
                                      " awaits confirmation",
                                  partner ? "partner" : "initiative");
        }
        detail = {{"initiative", initiative}, {"values", json::array()}};
        for (const LeadRealisedValue& record : confirmed) {
          detail["values"].push_back(lead_value_detail(record));
        }
        return {};
      });
}

core::Result<std::int64_t> Program::flag_actuals_due() {
  if (core::Status allowed = detail::require_coordinator(actor_, "run the scheduler"); !allowed) {
    return allowed.error();
  }
  std::int64_t recorded = 0;
  SnapshotParts parts = SnapshotParts::minimal();
  parts.ledger = true;
  core::Status status = store_.transact([&](StoreSession& session) -> core::Status {
    recorded = 0;
    core::Result<Snapshot> snapshot = read_snapshot(session, parts);
    core::Result<std::vector<LeadRealisedValue>> lead_values = session.lead_realised_values(std::nullopt);
    if (!snapshot || !lead_values) {
      return !snapshot ? snapshot.error() : lead_values.error();
    }
    const std::set<net::InitiativeId> actuals = detail::with_actuals(*snapshot, *lead_values);
    detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
    json flagged = json::array();
    for (const net::Initiative& initiative : snapshot->initiatives) {
      if (!initiative.lead || !detail::actuals_due(*snapshot, initiative, actuals)) {
        continue;
      }
      const net::Partner* lead = snapshot->find_partner(*initiative.lead);
      core::Result<bool> added =
          outbox.record({.kind = EventKind::kActualsDue,
                         .cycle = initiative.cycle,
                         .partner = initiative.lead,
                         .payload = {{"initiative", initiative.id},
                                     {"title", initiative.title},
                                     {"partner_name", lead != nullptr ? lead->name : std::string()}},
                         .key = "actuals_due.i" + std::to_string(initiative.id),
                         .audience = detail::Audience::kPartner});
      if (!added) {
        return added.error();
      }
      if (*added) {
        ++recorded;
        flagged.push_back(initiative.id);
      }
    }
    if (recorded == 0) {
      return {};
    }
    return detail::append_audit(session, {store_, actor_, *clock_}, "actuals_due", {{"initiatives", flagged}});
  });
  if (!status) {
    return status.error();
  }
  return recorded;
}

}  // namespace covalue::program
