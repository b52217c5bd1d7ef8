// The reads of delivery by the lead (issue 14 items 3 and 6): an initiative's delivery, a cycle's delivery
// progress and what a partner leads.
#include <algorithm>
#include <map>
#include <tuple>

#include "../progress_rules.hpp"
#include "../use_case.hpp"
#include "covalue/program/queries.hpp"

// Drafts name only the members they set (the others keep their defaults), which GCC's -Wextra reports.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
namespace covalue::program {
namespace {

//! What the delivery reads need, read in one transaction.
struct ProgressRead {
  Snapshot snapshot;
  std::vector<Milestone> milestones;
  std::vector<InitiativeUpdate> updates;
  std::vector<LeadRealisedValue> lead_values;
};

//! Reads the snapshot (with its ledger) and the delivery rows of `initiative` (every initiative's when none);
//! the updates only when `updates` is set.
core::Result<ProgressRead> read_progress(Store& store, std::optional<net::InitiativeId> initiative, bool updates) {
  return detail::read_in<ProgressRead>(store, [&](StoreSession& session) -> core::Result<ProgressRead> {
    SnapshotParts parts{};
    parts.ledger = true;
    core::Result<Snapshot> snapshot = read_snapshot(session, parts);
    core::Result<std::vector<Milestone>> milestones = session.milestones(initiative);
    core::Result<std::vector<LeadRealisedValue>> lead_values = session.lead_realised_values(initiative);
    core::Result<std::vector<InitiativeUpdate>> posted =
        updates ? session.initiative_updates(initiative)
                : core::Result<std::vector<InitiativeUpdate>>(std::vector<InitiativeUpdate>());
    if (!snapshot || !milestones || !lead_values || !posted) {
      return !snapshot      ? snapshot.error()
             : !milestones  ? milestones.error()
             : !lead_values ? lead_values.error()
                            : posted.error();
    }
    return ProgressRead{std::move(*snapshot), std::move(*milestones), std::move(*posted), std::move(*lead_values)};
  });
}

std::string optional_partner_name(const Snapshot& snapshot, std::optional<net::PartnerId> id) {
  const net::Partner* partner = id ? snapshot.find_partner(*id) : nullptr;
  return partner != nullptr ? partner->name : std::string();
}

//! The per-partner lines of an initiative: its estimates, the lead's records and the confirmed actuals.
std::vector<PartnerValueLine> value_lines(const ProgressRead& read, const net::Initiative& initiative) {
  std::map<net::PartnerId, PartnerValueLine> lines;
  const auto line = [&](net::PartnerId partner) -> PartnerValueLine& {
    PartnerValueLine& entry = lines[partner];
    entry.partner = partner;
    entry.partner_name = optional_partner_name(read.snapshot, partner);
    return entry;
  };
  for (const net::Impact& impact : initiative.impacts) {
    line(impact.partner).estimate = impact.estimate;
  }
  for (const LeadRealisedValue& value : read.lead_values) {
    if (value.initiative != initiative.id || value.cycle != initiative.cycle) {
      continue;
    }
    PartnerValueLine& entry = line(value.partner);
    entry.target = value.target;
    entry.forecast = value.forecast;
    if (!value.confirmed && value.actual) {
      entry.unconfirmed = value.actual;
    }
  }
  for (const net::RealisedValue& value : read.snapshot.realised) {
    if (value.initiative != initiative.id || value.cycle != initiative.cycle) {
      continue;
    }
    PartnerValueLine& entry = line(value.partner);
    entry.actual = value.actual;
    entry.target = entry.target ? entry.target : value.target;
    entry.forecast = entry.forecast ? entry.forecast : value.forecast;
  }
  std::vector<PartnerValueLine> out;
  out.reserve(lines.size());
  for (auto& [id, entry] : lines) {
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

core::Result<InitiativeProgress> Queries::initiative_progress(net::InitiativeId id) {
  core::Result<ProgressRead> read = read_progress(store_, id, true);
  if (!read) {
    return read.error();
  }
  const net::Initiative* initiative = read->snapshot.find_initiative(id);
  if (initiative == nullptr) {
    return detail::not_found("no initiative with id " + std::to_string(id), "initiative");
  }
  InitiativeProgress progress;
  progress.initiative = *initiative;
  progress.lead_name = optional_partner_name(read->snapshot, initiative->lead);
  progress.milestones = std::move(read->milestones);
  progress.updates = read->updates;
  std::reverse(progress.updates.begin(), progress.updates.end());
  if (initiative->status == net::InitiativeStatus::kBlocked) {
    const auto blocked = std::find_if(progress.updates.begin(), progress.updates.end(), [](const InitiativeUpdate& u) {
      return u.status == net::InitiativeStatus::kBlocked;
    });
    progress.blocked_reason = blocked != progress.updates.end() ? blocked->text : std::string();
  }
  progress.values = value_lines(*read, *initiative);
  progress.actuals_due =
      detail::actuals_due(read->snapshot, *initiative, detail::with_actuals(read->snapshot, read->lead_values));
  const bool open = initiative->delivering() || initiative->status == net::InitiativeStatus::kDelivered;
  progress.may_report = open && detail::may_report(actor_, *initiative);
  progress.may_confirm = open && actor_.coordinates() &&
                         std::any_of(progress.values.begin(), progress.values.end(),
                                     [](const PartnerValueLine& line) { return line.unconfirmed.has_value(); });
  return progress;
}

core::Result<CycleProgress> Queries::cycle_progress(net::CycleNumber number) {
  core::Result<ProgressRead> read = read_progress(store_, std::nullopt, false);
  if (!read) {
    return read.error();
  }
  if (core::Result<const net::Cycle*> cycle = read->snapshot.require_cycle(number); !cycle) {
    return cycle.error();
  }
  std::map<net::InitiativeId, std::pair<std::int64_t, std::int64_t>> milestones;  // done, total
  for (const Milestone& milestone : read->milestones) {
    auto& [done, total] = milestones[milestone.initiative];
    done += milestone.done ? 1 : 0;
    ++total;
  }
  const std::set<net::InitiativeId> recorded = detail::with_actuals(read->snapshot, read->lead_values);
  CycleProgress progress{.cycle = number};
  for (const net::Initiative& initiative : read->snapshot.initiatives) {
    if (initiative.cycle != number || !detail::was_selected(initiative)) {
      continue;
    }
    DeliveryRow row{.initiative = initiative.id,
                    .title = initiative.title,
                    .lead = initiative.lead,
                    .lead_name = optional_partner_name(read->snapshot, initiative.lead),
                    .status = initiative.status};
    std::tie(row.milestones_done, row.milestones_total) = milestones[initiative.id];
    row.actuals_recorded = recorded.contains(initiative.id);
    row.actuals_due = detail::actuals_due(read->snapshot, initiative, recorded);
    ++progress.selected;
    const bool delivered =
        initiative.status == net::InitiativeStatus::kDelivered || initiative.status == net::InitiativeStatus::kReviewed;
    progress.delivered += delivered ? 1 : 0;
    progress.blocked += initiative.status == net::InitiativeStatus::kBlocked ? 1 : 0;
    progress.in_progress += !delivered && initiative.status != net::InitiativeStatus::kBlocked ? 1 : 0;
    progress.milestones_done += row.milestones_done;
    progress.milestones_total += row.milestones_total;
    progress.actuals_due += row.actuals_due ? 1 : 0;
    progress.initiatives.push_back(std::move(row));
  }
  return progress;
}

core::Result<std::vector<LeadRecord>> Queries::partner_leads(net::PartnerId partner) {
  core::Result<Snapshot> read = visible(SnapshotParts{.ledger = true});
  if (!read) {
    return read.error();
  }
  if (read->find_partner(partner) == nullptr) {
    return detail::not_found("no partner with id " + std::to_string(partner), "partner");
  }
  std::vector<LeadRecord> records;
  for (const net::Initiative& initiative : read->initiatives) {
    if (initiative.lead != partner || !detail::was_selected(initiative)) {
      continue;
    }
    LeadRecord record{.initiative = initiative.id,
                      .title = initiative.title,
                      .cycle = initiative.cycle,
                      .status = initiative.status,
                      .estimated = initiative.network_value()};
    for (const net::RealisedValue& value : read->realised) {
      if (value.initiative == initiative.id && value.cycle == initiative.cycle) {
        record.realised += value.actual;
      }
    }
    records.push_back(std::move(record));
  }
  std::sort(records.begin(), records.end(), [](const LeadRecord& a, const LeadRecord& b) {
    return a.cycle != b.cycle ? a.cycle > b.cycle : a.initiative < b.initiative;
  });
  return records;
}

}  // namespace covalue::program
