#include "program_events.hpp"

#include <algorithm>

#include "covalue/program/utc_time.hpp"
#include "reports/report_support.hpp"

// Drafts name only the members they set (the others keep their defaults), which GCC's -Wextra reports.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace covalue::program::detail {
namespace {

using nlohmann::json;

core::Status status_of(const core::Result<bool>& recorded) {
  return recorded ? core::Status() : core::Status(recorded.error());
}

std::string title_of(const Snapshot& snapshot, net::InitiativeId id) {
  const net::Initiative* initiative = snapshot.find_initiative(id);
  return initiative != nullptr ? initiative->title : "initiative " + std::to_string(id);
}

//! One partner's own result of a close.
json own_result(const Snapshot& snapshot, const net::CycleOutcome& outcome, const net::PartnerResult& result) {
  json leads = json::array();
  for (const net::LeadAssignment& lead : outcome.leads) {
    if (lead.lead == result.partner) {
      leads.push_back({{"initiative", lead.initiative}, {"title", title_of(snapshot, lead.initiative)}});
    }
  }
  return {{"partner_name", partner_name(snapshot, result.partner)},
          {"unit", snapshot.charter.unit},
          {"estimated_value", core::to_string(result.estimated_value)},
          {"transfer", core::to_string(result.transfer)},
          {"net_value", core::to_string(result.net_value)},
          {"voted", result.voted},
          {"dry_spell", result.dry_spell},
          {"leads", leads}};
}

}  // namespace

core::Status record_cycle_opened(OutboxWriter& outbox, const net::Cycle& cycle) {
  return status_of(outbox.record({.kind = EventKind::kCycleOpened,
                                  .cycle = cycle.number,
                                  .payload = {{"proposals_close_at", cycle.proposals_close_at},
                                              {"voting_closes_at", cycle.voting_closes_at},
                                              {"capacity", core::to_string(cycle.capacity)}}}));
}

core::Status record_voting_opened(OutboxWriter& outbox, const Snapshot& snapshot, const net::Cycle& cycle) {
  const auto candidates = std::count_if(snapshot.initiatives.begin(), snapshot.initiatives.end(), [&](const auto& i) {
    return i.cycle == cycle.number && i.status == net::InitiativeStatus::kProposed;
  });
  return status_of(
      outbox.record({.kind = EventKind::kVotingOpened,
                     .cycle = cycle.number,
                     .payload = {{"voting_closes_at", cycle.voting_closes_at}, {"candidates", candidates}}}));
}

core::Status record_cycle_closed(OutboxWriter& outbox, const Snapshot& snapshot, const net::Cycle& cycle,
                                 const net::CycleOutcome& outcome) {
  json selected = json::array();
  for (const net::InitiativeDecision& decision : outcome.decisions) {
    if (decision.selected) {
      selected.push_back({{"initiative", decision.initiative}, {"title", title_of(snapshot, decision.initiative)}});
    }
  }
  core::Rational network_value;
  for (const net::PartnerResult& result : outcome.partners) {
    network_value += result.estimated_value;
    const auto own = [&](EventKind kind, json payload) {
      return outbox.record({.kind = kind,
                            .cycle = cycle.number,
                            .partner = result.partner,
                            .payload = std::move(payload),
                            .audience = Audience::kPartner});
    };
    json payload = own_result(snapshot, outcome, result);
    if (core::Status done = status_of(own(EventKind::kCycleClosed, payload)); !done) {
      return done;
    }
    for (const json& lead : payload["leads"]) {
      if (core::Status done = status_of(own(EventKind::kLeadNamed, lead)); !done) {
        return done;
      }
    }
    if (result.dry_spell == snapshot.charter.fairness.max_dry_spell) {
      json spell = {{"dry_spell", result.dry_spell}, {"partner_name", payload["partner_name"]}};
      if (core::Status done = status_of(own(EventKind::kDrySpellLimit, spell)); !done) {
        return done;
      }
    }
  }
  return status_of(outbox.record({.kind = EventKind::kCycleClosed,
                                  .cycle = cycle.number,
                                  .payload = {{"selected", selected},
                                              {"network_value", core::to_string(network_value)},
                                              {"unit", snapshot.charter.unit},
                                              {"partners", outcome.partners.size()}},
                                  .audience = Audience::kCoordinators}));
}

core::Status record_retention_risks(OutboxWriter& outbox, Snapshot& snapshot, const net::Cycle& cycle,
                                    const net::CycleOutcome& outcome) {
  const auto high_risk = [&snapshot] {
    std::vector<std::pair<net::PartnerId, RetentionRisk>> out;
    const NetworkTotals totals = network_totals(snapshot);
    for (const net::Partner* partner : partners_in_order(snapshot)) {
      RetentionRisk risk = retention_risk(snapshot, *partner, totals.of(partner->id));
      if (risk.band == "high") {
        out.emplace_back(partner->id, std::move(risk));
      }
    }
    return out;
  };
  const auto before = high_risk();
  snapshot.outcomes.get().push_back(outcome);
  for (net::Cycle& stored : snapshot.cycles) {
    if (stored.number == cycle.number) {
      stored = cycle;
    }
  }
  for (auto& [partner, risk] : high_risk()) {
    const net::PartnerId id = partner;
    if (std::any_of(before.begin(), before.end(), [id](const auto& b) { return b.first == id; })) {
      continue;  // it was high before this close already
    }
    json payload = {{"partner_name", partner_name(snapshot, partner)},
                    {"score", risk.score.value_or(0)},
                    {"reasons", risk.reasons}};
    if (core::Status done = status_of(
            outbox.record({.kind = EventKind::kRetentionRisk,
                           .cycle = cycle.number,
                           .partner = partner,
                           .payload = std::move(payload),
                           .key = "retention_risk.c" + std::to_string(cycle.number) + ".p" + std::to_string(partner),
                           .audience = Audience::kCoordinators}));
        !done) {
      return done;
    }
  }
  return {};
}

core::Status record_withdrawn(OutboxWriter& outbox, const Snapshot& snapshot, const net::Initiative& initiative,
                              const std::string& reason, bool pulled) {
  return status_of(outbox.record({.kind = EventKind::kProposalWithdrawn,
                                  .cycle = initiative.cycle,
                                  .partner = initiative.proposer,
                                  .payload = {{"initiative", initiative.id},
                                              {"title", initiative.title},
                                              {"proposer_name", partner_name(snapshot, initiative.proposer)},
                                              {"reason", reason},
                                              {"pulled", pulled}}}));
}

core::Status record_delegated(OutboxWriter& outbox, const Snapshot& snapshot, const Delegation& delegation) {
  return status_of(outbox.record({.kind = EventKind::kDelegated,
                                  .cycle = delegation.cycle,
                                  .partner = delegation.proxy,
                                  .payload = {{"partner", delegation.partner},
                                              {"partner_name", partner_name(snapshot, delegation.partner)},
                                              {"proxy_name", partner_name(snapshot, delegation.proxy)}},
                                  .audience = Audience::kPartner}));
}

core::Result<std::int64_t> record_reminders(OutboxWriter& outbox, const Snapshot& snapshot, const net::Cycle& cycle,
                                            const std::vector<std::int64_t>& lead_hours, std::int64_t now) {
  core::Result<UtcSeconds> closes = parse_utc(cycle.voting_closes_at, "voting_closes_at");
  if (cycle.state != net::CycleState::kVoting || cycle.voting_closes_at.empty() || !closes || now >= *closes) {
    return std::int64_t{0};
  }
  std::optional<std::int64_t> lead;  // the smallest lead time whose moment has come
  for (const std::int64_t hours : lead_hours) {
    if (now >= *closes - hours * 3600 && (!lead || hours < *lead)) {
      lead = hours;
    }
  }
  if (!lead) {
    return std::int64_t{0};
  }
  std::int64_t recorded = 0;
  for (const net::Partner& partner : snapshot.partners) {
    const bool voted = std::any_of(snapshot.ballots.begin(), snapshot.ballots.end(),
                                   [&](const auto& b) { return b.cycle == cycle.number && b.partner == partner.id; });
    if (voted || !partner.member_in(cycle.number)) {
      continue;
    }
    core::Result<bool> done = outbox.record(
        {.kind = EventKind::kVotingClosesSoon,
         .cycle = cycle.number,
         .partner = partner.id,
         .payload = {{"voting_closes_at", cycle.voting_closes_at}, {"hours", *lead}, {"partner_name", partner.name}},
         .key = "voting_closes_soon.c" + std::to_string(cycle.number) + ".h" + std::to_string(*lead) + ".p" +
                std::to_string(partner.id),
         .audience = Audience::kPartner});
    if (!done) {
      return done.error();
    }
    recorded += *done ? 1 : 0;
  }
  return recorded;
}

core::Result<bool> record_deadline_due(OutboxWriter& outbox, const net::Cycle& cycle, const std::string& deadline,
                                       const std::string& at) {
  return outbox.record({.kind = EventKind::kDeadlineDue,
                        .cycle = cycle.number,
                        .payload = {{"deadline", deadline}, {"at", at}, {"state", net::name_of(cycle.state)}},
                        .key = "deadline_due.c" + std::to_string(cycle.number) + "." + deadline,
                        .audience = Audience::kCoordinators});
}

}  // namespace covalue::program::detail
