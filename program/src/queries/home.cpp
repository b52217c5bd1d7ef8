// The home of each role: what is asked of a representative's partner now and how it stands, and what
// needs a coordinator's attention, with the open cycle's turnout (who has voted, never how).
#include "covalue/program/home.hpp"

#include <algorithm>

#include "../progress_rules.hpp"
#include "../reports/report_support.hpp"
#include "../use_case.hpp"
#include "covalue/program/queries.hpp"

namespace covalue::program {
namespace {

//! The newest cycle while it takes proposals or votes; null otherwise.
const net::Cycle* open_cycle(const Snapshot& snapshot) {
  const net::Cycle* current = snapshot.current_cycle();
  const bool open = current != nullptr &&
                    (current->state == net::CycleState::kProposing || current->state == net::CycleState::kVoting);
  return open ? current : nullptr;
}

//! The deadline of the open cycle's current stage (proposals or voting), empty for none.
std::string stage_deadline(const net::Cycle& cycle) {
  return cycle.state == net::CycleState::kProposing ? cycle.proposals_close_at : cycle.voting_closes_at;
}

//! True when `deadline` is set and not after `now`.
bool passed(const std::string& deadline, UtcSeconds now) {
  if (deadline.empty()) {
    return false;
  }
  const core::Result<UtcSeconds> moment = parse_utc(deadline, "deadline");
  return moment && *moment <= now;
}

//! Members of `cycle`, and who of them has a ballot in it.
void count_turnout(const Snapshot& snapshot, const net::Cycle& cycle, Home& home, bool list) {
  std::vector<TurnoutEntry> turnout;
  for (const net::Partner* partner : detail::partners_in_order(snapshot)) {
    if (!partner->member_in(cycle.number)) {
      continue;
    }
    const bool voted =
        cycle.state == net::CycleState::kVoting && detail::has_ballot(snapshot, cycle.number, partner->id);
    ++home.members;
    home.voted += voted ? 1 : 0;
    net::PartnerId cast_by = 0;
    for (const net::PartnerBallot& ballot : snapshot.ballots) {
      cast_by = voted && ballot.cycle == cycle.number && ballot.partner == partner->id ? ballot.cast_by : cast_by;
    }
    turnout.push_back({partner->id, voted, cast_by});
  }
  if (list && cycle.state == net::CycleState::kVoting) {
    home.turnout = std::move(turnout);
  }
}

//! Selected initiatives of the closed (not reviewed) cycle `number` without any actual recorded for
//! `partner` (every partner when none), that touch `partner` (by an impact or as its lead).
std::vector<net::InitiativeId> missing_actuals(const Snapshot& snapshot, const net::CycleOutcome& outcome,
                                               std::optional<net::PartnerId> partner) {
  std::vector<net::InitiativeId> missing;
  for (const net::InitiativeDecision& decision : outcome.decisions) {
    const net::Initiative* initiative = snapshot.find_initiative(decision.initiative);
    if (!decision.selected || initiative == nullptr) {
      continue;
    }
    const bool touches = !partner || initiative->lead == partner || initiative->impact_on(*partner) != 0;
    const bool recorded =
        std::any_of(snapshot.realised.begin(), snapshot.realised.end(), [&](const net::RealisedValue& value) {
          return value.cycle == outcome.cycle && value.initiative == initiative->id &&
                 (!partner || value.partner == *partner);
        });
    if (touches && !recorded) {
      missing.push_back(initiative->id);
    }
  }
  return missing;
}

//! The closed cycles not yet reviewed, oldest first, with their outcomes.
std::vector<const net::CycleOutcome*> unreviewed(const Snapshot& snapshot) {
  std::vector<const net::CycleOutcome*> found;
  for (const net::Cycle* cycle : detail::cycles_in_order(snapshot)) {
    const net::CycleOutcome* outcome = snapshot.find_outcome(cycle->number);
    if (cycle->state == net::CycleState::kClosed && outcome != nullptr) {
      found.push_back(outcome);
    }
  }
  return found;
}

void add_partner_tasks(const Snapshot& snapshot, net::PartnerId partner, Home& home) {
  if (home.open_cycle) {
    const net::Cycle& cycle = *home.open_cycle;
    const bool voting = cycle.state == net::CycleState::kVoting;
    home.tasks.push_back({voting ? HomeTaskKind::kVote : HomeTaskKind::kPropose, cycle.number, std::nullopt,
                          stage_deadline(cycle), voting && detail::has_ballot(snapshot, cycle.number, partner)});
  }
  for (const net::Initiative& initiative : snapshot.initiatives) {
    const bool named =
        std::find(initiative.nominees.begin(), initiative.nominees.end(), partner) != initiative.nominees.end();
    if (named && initiative.undecided()) {
      home.tasks.push_back({HomeTaskKind::kLeadNomination, initiative.cycle, initiative.id, {}, false});
    }
  }
  for (const net::CycleOutcome* outcome : unreviewed(snapshot)) {
    for (const net::InitiativeId id : missing_actuals(snapshot, *outcome, partner)) {
      home.tasks.push_back({HomeTaskKind::kActuals, outcome->cycle, id, {}, false});
    }
  }
  const std::vector<const net::CycleOutcome*> outcomes = detail::outcomes_in_order(snapshot);
  if (outcomes.empty()) {
    return;
  }
  for (const net::InitiativeDecision& decision : outcomes.back()->decisions) {
    const net::Initiative* initiative = snapshot.find_initiative(decision.initiative);
    const bool objected = decision.reason == net::DecisionReason::kObjection ||
                          decision.reason == net::DecisionReason::kSelectedObjectionMet;
    if (objected && initiative != nullptr && initiative->proposer == partner) {
      home.tasks.push_back({HomeTaskKind::kObjection, outcomes.back()->cycle, initiative->id, {}, false});
    }
  }
}

HomeStanding standing_of(const Snapshot& snapshot, const net::Partner& partner) {
  const detail::NetworkTotals totals = detail::network_totals(snapshot);
  const detail::PartnerTotals& own = totals.of(partner.id);
  HomeStanding standing;
  standing.partner = partner.id;
  standing.net_value = own.net_value;
  standing.transfers = own.transfers;
  standing.current_dry_spell = own.current_dry_spell;
  standing.max_dry_spell = snapshot.charter.fairness.max_dry_spell;
  standing.protected_partner = own.current_dry_spell >= standing.max_dry_spell;
  for (const net::Initiative& initiative : snapshot.initiatives) {
    const bool leading = initiative.delivering();
    if (leading && initiative.lead == partner.id) {
      standing.leads.push_back(initiative.id);
    }
  }
  detail::RetentionRisk risk = detail::retention_risk(snapshot, partner, own);
  standing.risk_score = risk.score;
  standing.risk_band = std::move(risk.band);
  standing.risk_reasons = std::move(risk.reasons);
  return standing;
}

void add_transfers(const Snapshot& snapshot, net::PartnerId partner, Home& home) {
  const std::vector<const net::CycleOutcome*> outcomes = detail::outcomes_in_order(snapshot);
  if (outcomes.empty()) {
    return;
  }
  home.transfers_cycle = outcomes.back()->cycle;
  for (net::TransferPayment& payment : net::transfer_payments(outcomes.back()->partners)) {
    if (payment.from == partner || payment.to == partner) {
      home.transfers.push_back(std::move(payment));
    }
  }
}

void add_attention(const Snapshot& snapshot, UtcSeconds now, Home& home) {
  if (home.open_cycle) {
    const net::Cycle& cycle = *home.open_cycle;
    const std::string due = stage_deadline(cycle);
    if (passed(due, now)) {
      home.attention.push_back({AttentionKind::kDeadlinePassed, cycle.number, std::nullopt, due, 0, {}});
    } else if (cycle.state == net::CycleState::kVoting) {
      home.attention.push_back({AttentionKind::kVotingOpen, cycle.number, std::nullopt, due, home.voted, {}});
    }
  }
  for (const net::CycleOutcome* outcome : unreviewed(snapshot)) {
    const auto missing = static_cast<std::int64_t>(missing_actuals(snapshot, *outcome, std::nullopt).size());
    home.attention.push_back({AttentionKind::kActualsMissing, outcome->cycle, std::nullopt, {}, missing, {}});
  }
  const detail::NetworkTotals totals = detail::network_totals(snapshot);
  for (const net::Partner* partner : detail::partners_in_order(snapshot)) {
    detail::RetentionRisk risk = detail::retention_risk(snapshot, *partner, totals.of(partner->id));
    if (risk.band == "high") {
      home.attention.push_back(
          {AttentionKind::kPartnerAtRisk, 0, partner->id, {}, risk.score.value_or(0), std::move(risk.reasons)});
    }
  }
}

}  // namespace

Home home_of(const Snapshot& snapshot, const Actor& actor, UtcSeconds now) {
  Home home;
  const net::Cycle* cycle = open_cycle(snapshot);
  if (cycle != nullptr) {
    home.open_cycle = *cycle;
    count_turnout(snapshot, *cycle, home, actor.coordinates());
  }
  const net::Partner* partner =
      actor.role == Role::kRepresentative && actor.partner ? snapshot.find_partner(*actor.partner) : nullptr;
  if (partner != nullptr) {
    home.standing = standing_of(snapshot, *partner);
    add_partner_tasks(snapshot, partner->id, home);
    add_transfers(snapshot, partner->id, home);
  }
  if (actor.coordinates()) {
    add_attention(snapshot, now, home);
  }
  return home;
}

core::Result<Home> Queries::home(UtcSeconds now) {
  core::Result<Snapshot> read =
      visible(SnapshotParts{.objectives = true, .ballots = true, .outcomes = true, .ledger = true});
  if (!read) {
    return read.error();
  }
  Home home = home_of(*read, actor_, now);
  if (actor_.coordinates()) {  // actuals due and missing: what the leads recorded counts as recorded
    core::Result<std::vector<LeadRealisedValue>> lead_values = detail::read_in<std::vector<LeadRealisedValue>>(
        store_, [](StoreSession& session) { return session.lead_realised_values(std::nullopt); });
    if (!lead_values) {
      return lead_values.error();
    }
    for (Attention& item : detail::actuals_due_attention(*read, *lead_values)) {
      home.attention.push_back(std::move(item));
    }
  }
  return home;
}

}  // namespace covalue::program
