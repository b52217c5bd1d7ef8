#include <algorithm>

#include "coordination.hpp"
#include "covalue/program/program.hpp"
#include "covalue/program/utc_time.hpp"
#include "discussion_activity.hpp"
#include "program_events.hpp"
#include "use_case.hpp"

namespace covalue::program {
namespace {

using nlohmann::json;

core::Result<const net::Cycle*> cycle_in_state(const Snapshot& snapshot, net::CycleNumber number,
                                               net::CycleState wanted, const std::string& action) {
  core::Result<const net::Cycle*> required = snapshot.require_cycle(number);
  if (!required) {
    return required;
  }
  const net::Cycle* cycle = *required;
  if (cycle->state != wanted) {
    return detail::conflict("cycle " + std::to_string(number) + " is " + net::name_of(cycle->state) + "; only a " +
                                net::name_of(wanted) + " cycle can be " + action,
                            "cycle");
  }
  return cycle;
}

//! Moves initiatives into the new cycle: waiting and carried-over ones become candidates, the last
//! cycle's selected ones start.
core::Status advance_initiatives(StoreSession& session, const Snapshot& snapshot, net::CycleNumber number) {
  for (net::Initiative initiative : snapshot.initiatives) {
    const bool waiting = initiative.status == net::InitiativeStatus::kProposed && initiative.cycle == 0;
    const bool carried = initiative.status == net::InitiativeStatus::kCarriedOver;
    const bool starting = initiative.status == net::InitiativeStatus::kSelected;
    if (waiting || carried) {
      initiative.status = net::InitiativeStatus::kProposed;
      initiative.cycle = number;
    } else if (starting) {
      initiative.status = net::InitiativeStatus::kInProgress;
    } else {
      continue;
    }
    if (core::Status status = session.update_initiative(initiative); !status) {
      return status;
    }
  }
  return {};
}

//! A ballot without its entries and objections for initiatives a coordinator took off the ballot while
//! the cycle voted: what it says of the others still counts.
net::PartnerBallot without_withdrawn(net::PartnerBallot ballot, const std::vector<net::Initiative>& candidates) {
  const auto gone = [&](net::InitiativeId id) {
    return std::none_of(candidates.begin(), candidates.end(), [&](const net::Initiative& i) { return i.id == id; });
  };
  std::erase_if(ballot.entries, [&](const net::BallotEntry& entry) { return gone(entry.initiative); });
  std::erase_if(ballot.objections, [&](const net::Objection& objection) { return gone(objection.initiative); });
  return ballot;
}

net::CycleInput cycle_input(const Snapshot& snapshot, const net::Cycle& cycle) {
  net::CycleInput input;
  input.charter = snapshot.charter;
  input.cycle = cycle;
  for (const net::Partner& partner : snapshot.partners) {
    if (partner.member_in(cycle.number)) {
      input.members.push_back(partner);
    }
  }
  for (const net::Initiative& initiative : snapshot.initiatives) {
    if (initiative.cycle == cycle.number && initiative.status == net::InitiativeStatus::kProposed) {
      input.candidates.push_back(initiative);
    }
  }
  for (const net::PartnerBallot& ballot : snapshot.ballots) {
    const net::Partner* partner = snapshot.find_partner(ballot.partner);
    // A partner who left after voting no longer counts.
    if (ballot.cycle == cycle.number && partner != nullptr && partner->member_in(cycle.number)) {
      input.ballots.push_back(without_withdrawn(ballot, input.candidates));
    }
  }
  input.standing = snapshot.standing_before(cycle.number);
  return input;
}

net::InitiativeStatus status_after(const net::InitiativeDecision& decision) {
  if (decision.selected) {
    return net::InitiativeStatus::kSelected;
  }
  return decision.reason == net::DecisionReason::kNotChosen ? net::InitiativeStatus::kCarriedOver
                                                            : net::InitiativeStatus::kRejected;
}

core::Status apply_outcome(StoreSession& session, const net::CycleInput& input, const net::CycleOutcome& outcome) {
  for (std::size_t c = 0; c < input.candidates.size(); ++c) {
    net::Initiative initiative = input.candidates[c];
    initiative.status = status_after(outcome.decisions[c]);
    auto lead = std::find_if(outcome.leads.begin(), outcome.leads.end(),
                             [&](const net::LeadAssignment& l) { return l.initiative == initiative.id; });
    if (lead != outcome.leads.end()) {
      initiative.lead = lead->lead;
    }
    if (core::Status status = session.update_initiative(initiative); !status) {
      return status;
    }
  }
  return session.save_outcome(outcome);
}

//! For a ballot cast by a proxy, kForbidden naming "partner" unless its partner delegated it to that proxy in the
//! cycle; for a partner's own ballot, the proxy it had delegated to (the delegation ends), if any.
core::Result<std::optional<net::PartnerId>> check_delegation(StoreSession& session, const net::PartnerBallot& ballot) {
  core::Result<std::vector<Delegation>> delegations = session.delegations(ballot.cycle);
  if (!delegations) {
    return delegations.error();
  }
  auto found = std::find_if(delegations->begin(), delegations->end(),
                            [&](const Delegation& d) { return d.partner == ballot.partner; });
  const std::optional<net::PartnerId> proxy =
      found == delegations->end() ? std::nullopt : std::optional<net::PartnerId>(found->proxy);
  if (ballot.cast_by != 0 && proxy != ballot.cast_by) {
    return core::make_error(core::ErrorKind::kForbidden,
                            "partner " + std::to_string(ballot.partner) + " has not delegated its ballot in cycle " +
                                std::to_string(ballot.cycle) + " to partner " + std::to_string(ballot.cast_by),
                            "partner");
  }
  return proxy;
}

//! What the audit log keeps of a close: the selection and the transfers.
json closing_detail(const net::CycleOutcome& outcome) {
  json selected = json::array();
  for (const net::InitiativeDecision& decision : outcome.decisions) {
    if (decision.selected) {
      selected.push_back(decision.initiative);
    }
  }
  json transfers = json::object();
  for (const net::PartnerResult& result : outcome.partners) {
    if (result.transfer != 0) {
      transfers[std::to_string(result.partner)] = core::to_string(result.transfer);
    }
  }
  return {{"cycle", outcome.cycle}, {"selected", selected}, {"transfers", transfers}};
}

//! The canonical form of a deadline people give ("" stays "": none), refused when it is not a time or,
//! being new (not `kept`), not after `now`.
core::Result<std::string> new_deadline(const std::string& given, const std::string& kept, UtcSeconds now,
                                       const std::string& where) {
  if (given.empty()) {
    return std::string();
  }
  core::Result<UtcSeconds> moment = parse_utc(given, where);
  if (!moment) {
    return moment.error();
  }
  std::string canonical = format_utc(*moment);
  if (canonical != kept && *moment <= now) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "the deadline " + canonical + " has passed already (it is " + format_utc(now) + ")", where);
  }
  return canonical;
}

//! Now, by `clock`, in seconds (its text is always one parse_utc reads).
UtcSeconds now_of(Clock& clock) {
  core::Result<UtcSeconds> now = parse_utc(clock.now(), "clock");
  return now ? *now : 0;
}

//! Applies `change` to `cycle`'s deadlines: proposals' only while it takes proposals, neither once it is
//! closed; voting must close after proposals do.
core::Status apply_deadlines(net::Cycle& cycle, const DeadlineChange& change, UtcSeconds now) {
  if (cycle.state == net::CycleState::kClosed || cycle.state == net::CycleState::kReviewed) {
    return detail::conflict("cycle " + std::to_string(cycle.number) + " is " + net::name_of(cycle.state) +
                                "; its deadlines can no longer change",
                            "cycle");
  }
  if (change.proposals_close_at) {
    if (cycle.state != net::CycleState::kProposing) {
      return detail::conflict("cycle " + std::to_string(cycle.number) + " is voting; its proposals have closed",
                              "proposals_close_at");
    }
    core::Result<std::string> at =
        new_deadline(*change.proposals_close_at, cycle.proposals_close_at, now, "proposals_close_at");
    if (!at) {
      return at.error();
    }
    cycle.proposals_close_at = *at;
  }
  if (change.voting_closes_at) {
    core::Result<std::string> at =
        new_deadline(*change.voting_closes_at, cycle.voting_closes_at, now, "voting_closes_at");
    if (!at) {
      return at.error();
    }
    cycle.voting_closes_at = *at;
  }
  // Both canonical: the text order is the time order.
  if (cycle.state == net::CycleState::kProposing && !cycle.proposals_close_at.empty() &&
      !cycle.voting_closes_at.empty() && cycle.voting_closes_at <= cycle.proposals_close_at) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "voting must close after proposals close (" + cycle.proposals_close_at + ")",
                            "voting_closes_at");
  }
  return {};
}

//! The deadlines of `cycle` as the audit log keeps them.
json deadlines_detail(const net::Cycle& cycle) {
  const auto moment = [](const std::string& at) { return at.empty() ? json() : json(at); };
  return {{"cycle", cycle.number},
          {"proposals_close_at", moment(cycle.proposals_close_at)},
          {"voting_closes_at", moment(cycle.voting_closes_at)}};
}

}  // namespace

core::Result<net::Cycle> Program::open_cycle(const DeadlineChange& deadlines) {
  if (core::Status allowed = detail::require_coordinator(actor_, "open a cycle"); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<net::Cycle>(
      {store_, actor_, *clock_}, "open_cycle", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::Cycle& cycle) -> core::Status {
        if (const net::Cycle* open = detail::open_cycle_of(snapshot); open != nullptr) {
          return detail::conflict(
              "cycle " + std::to_string(open->number) + " is still " + net::name_of(open->state) + "; close it first",
              "cycle");
        }
        cycle.number = snapshot.cycles.empty() ? 1 : snapshot.cycles.back().number + 1;
        cycle.state = net::CycleState::kProposing;
        cycle.capacity = snapshot.charter.capacity;
        cycle.rule = snapshot.charter.rule;
        if (core::Status timed = apply_deadlines(cycle, deadlines, now_of(*clock_)); !timed) {
          return timed;
        }
        detail = {
            {"cycle", cycle.number}, {"rule", net::name_of(cycle.rule)}, {"capacity", core::to_string(cycle.capacity)}};
        if (!cycle.proposals_close_at.empty() || !cycle.voting_closes_at.empty()) {
          detail.update(deadlines_detail(cycle));
        }
        if (core::Status inserted = session.insert_cycle(cycle); !inserted) {
          return inserted;
        }
        if (core::Status advanced = advance_initiatives(session, snapshot, cycle.number); !advanced) {
          return advanced;
        }
        if (core::Status rotated =
                detail::rotate_coordination(session, store_, *clock_, snapshot, cycle.number, detail);
            !rotated) {
          return rotated;
        }
        detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
        return detail::record_cycle_opened(outbox, cycle);
      });
}

core::Result<net::Cycle> Program::start_voting(net::CycleNumber number, const std::optional<std::string>& closes_at) {
  if (core::Status allowed = detail::require_coordinator(actor_, "start the vote"); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<net::Cycle>(
      {store_, actor_, *clock_}, "start_voting", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::Cycle& cycle) -> core::Status {
        core::Result<const net::Cycle*> found =
            cycle_in_state(snapshot, number, net::CycleState::kProposing, "voted on");
        if (!found) {
          return found.error();
        }
        cycle = **found;
        cycle.state = net::CycleState::kVoting;
        if (core::Status timed = apply_deadlines(
                cycle, {.proposals_close_at = std::nullopt, .voting_closes_at = closes_at}, now_of(*clock_));
            !timed) {
          return timed;
        }
        detail = {{"cycle", number}};
        if (closes_at) {
          detail["voting_closes_at"] = cycle.voting_closes_at.empty() ? json() : json(cycle.voting_closes_at);
        }
        if (core::Status updated = session.update_cycle(cycle); !updated) {
          return updated;
        }
        detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
        return detail::record_voting_opened(outbox, snapshot, cycle);
      });
}

core::Result<net::PartnerBallot> Program::cast_ballot(const net::PartnerBallot& given) {
  net::PartnerBallot ballot = given;
  // A representative casting another partner's ballot casts it as that partner's proxy (a delegation).
  if (ballot.cast_by == 0 && actor_.role == Role::kRepresentative && actor_.partner &&
      *actor_.partner != ballot.partner) {
    ballot.cast_by = *actor_.partner;
  }
  if (ballot.cast_by == ballot.partner) {
    ballot.cast_by = 0;
  }
  // Only the partner itself (or its proxy) votes: a coordinator cannot cast a ballot for a partner.
  const net::PartnerId caster = ballot.cast_by != 0 ? ballot.cast_by : ballot.partner;
  if (core::Status allowed = detail::require_acts_for(actor_, caster, false, "partner"); !allowed) {
    return allowed.error();
  }
  SnapshotParts parts = SnapshotParts::minimal();
  parts.initiatives_of = ballot.cycle;  // a ballot names only the cycle's candidates
  parts.objectives = false;
  return detail::run_change_to<net::PartnerBallot>(
      {store_, actor_, *clock_}, "cast_ballot", parts, {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::PartnerBallot& stored) -> core::Status {
        core::Result<std::optional<net::PartnerId>> proxy = check_delegation(session, ballot);
        if (!proxy) {
          return proxy.error();
        }
        core::Result<net::PartnerBallot> valid = detail::validate_ballot(snapshot, ballot);
        if (!valid) {
          return valid.error();
        }
        stored = *valid;
        // The audit log says that a ballot was cast, never what it says (ballots are
        // secret).
        detail = {{"cycle", ballot.cycle},
                  {"partner", ballot.partner},
                  {"format", net::name_of(ballot.format)},
                  {"entries", valid->entries.size()},
                  {"objections", valid->objections.size()}};
        if (ballot.cast_by != 0) {
          detail["cast_by"] = ballot.cast_by;
        } else if (*proxy) {
          // The partner votes for itself: its delegation ends (docs/delegation.md).
          detail["revoked_delegation"] = **proxy;
          if (core::Status revoked = session.remove_delegation(ballot.cycle, ballot.partner); !revoked) {
            return revoked;
          }
        }
        if (core::Status put = session.put_ballot(*valid); !put) {
          return put;
        }
        return detail::record_objection_anchors(session, snapshot, *valid, clock_->now());
      });
}

core::Result<net::CycleOutcome> Program::close_cycle(net::CycleNumber number) {
  core::Result<ClosedCycle> closed = decide_and_close(number, false, false);
  if (!closed) {
    return closed.error();
  }
  return std::move(closed->outcome);
}

core::Result<ClosedCycle> Program::close_cycle_reported(net::CycleNumber number) {
  return decide_and_close(number, true, true);
}

core::Result<ClosedCycle> Program::decide_and_close(net::CycleNumber number, bool newest_when_zero, bool report,
                                                    bool confirm_low_turnout) {
  if (core::Status allowed = detail::require_coordinator(actor_, "close a cycle"); !allowed) {
    return allowed.error();
  }
  SnapshotParts parts = SnapshotParts::minimal();
  parts.ballots = true;
  parts.outcomes = true;
  parts.scorecard = report;  // the report shows the scorecard beside the consensus
  return detail::run_change_to<ClosedCycle>(
      {store_, actor_, *clock_}, "close_cycle", parts, {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, ClosedCycle& closed) -> core::Status {
        if (number == 0 && newest_when_zero && snapshot.current_cycle() != nullptr) {
          number = snapshot.current_cycle()->number;
        }
        core::Result<const net::Cycle*> found = cycle_in_state(snapshot, number, net::CycleState::kVoting, "closed");
        if (!found) {
          return found.error();
        }
        net::Cycle cycle = **found;
        if (const CycleTurnout turnout = detail::turnout_of(snapshot, cycle); turnout.below && !confirm_low_turnout) {
          return detail::conflict(
              turnout.describe() + "; confirm_low_turnout to close cycle " + std::to_string(cycle.number) + " anyway",
              "confirm_low_turnout");
        }
        const net::CycleInput input = cycle_input(snapshot, cycle);
        core::Result<net::CycleOutcome> decided = net::decide_cycle(input, tools_);
        if (!decided) {
          return decided.error();
        }
        closed.outcome = std::move(*decided);
        if (core::Status applied = apply_outcome(session, input, closed.outcome); !applied) {
          return applied;
        }
        cycle.state = net::CycleState::kClosed;
        detail = closing_detail(closed.outcome);
        if (report) {
          closed.report = closed_cycle_report(snapshot, cycle, closed.outcome);
        }
        if (core::Status updated = session.update_cycle(cycle); !updated) {
          return updated;
        }
        if (core::Status noted = detail::record_decisions(session, snapshot, closed.outcome, clock_->now()); !noted) {
          return noted;
        }
        detail::OutboxWriter outbox = detail::outbox_of(session, store_, *clock_);
        if (core::Status recorded = detail::record_cycle_closed(outbox, snapshot, cycle, closed.outcome); !recorded) {
          return recorded;
        }
        return detail::record_retention_risks(outbox, snapshot, cycle, closed.outcome);
      });
}

core::Result<net::Cycle> Program::review_cycle(net::CycleNumber number) {
  if (core::Status allowed = detail::require_coordinator(actor_, "review a cycle"); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<net::Cycle>(
      {store_, actor_, *clock_}, "review_cycle", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::Cycle& cycle) -> core::Status {
        core::Result<const net::Cycle*> found = cycle_in_state(snapshot, number, net::CycleState::kClosed, "reviewed");
        if (!found) {
          return found.error();
        }
        cycle = **found;
        cycle.state = net::CycleState::kReviewed;
        detail = {{"cycle", number}};
        for (net::Initiative initiative : snapshot.initiatives) {
          if (initiative.cycle == number && initiative.status == net::InitiativeStatus::kDelivered) {
            initiative.status = net::InitiativeStatus::kReviewed;
            if (core::Status updated = session.update_initiative(initiative); !updated) {
              return updated;
            }
          }
        }
        return session.update_cycle(cycle);
      });
}

core::Result<net::Cycle> Program::set_deadlines(net::CycleNumber number, const DeadlineChange& change) {
  if (core::Status allowed = detail::require_coordinator(actor_, "set a cycle's deadlines"); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<net::Cycle>(
      {store_, actor_, *clock_}, "set_deadlines", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::Cycle& cycle) -> core::Status {
        core::Result<const net::Cycle*> found = snapshot.require_cycle(number);
        if (!found) {
          return found.error();
        }
        cycle = **found;
        if (core::Status timed = apply_deadlines(cycle, change, now_of(*clock_)); !timed) {
          return timed;
        }
        detail = deadlines_detail(cycle);
        return session.update_cycle(cycle);
      });
}

core::Result<std::vector<DeadlineStep>> Program::run_deadlines() {
  if (core::Status allowed = detail::require_coordinator(actor_, "run the scheduler"); !allowed) {
    return allowed.error();
  }
  if (core::Status reminded = remind_voters(); !reminded) {
    return reminded.error();
  }
  if (core::Status decided = decide_due_charter_proposals(); !decided) {
    return decided.error();
  }
  if (core::Status elected = decide_due_coordinator_elections(); !elected) {
    return elected.error();
  }
  if (core::Result<std::int64_t> due = flag_actuals_due(); !due) {
    return due.error();
  }
  std::vector<DeadlineStep> steps;
  // At most two steps: proposals close, then voting (when the scheduler was away past both deadlines).
  for (int round = 0; round < 2; ++round) {
    core::Result<Snapshot> snapshot = detail::read_in<Snapshot>(
        store_, [](StoreSession& session) { return read_snapshot(session, SnapshotParts::minimal()); });
    if (!snapshot) {
      return snapshot.error();
    }
    const net::Cycle* open = detail::open_cycle_of(*snapshot);
    if (open == nullptr) {
      break;
    }
    const bool proposing = open->state == net::CycleState::kProposing;
    const std::string& at = proposing ? open->proposals_close_at : open->voting_closes_at;
    core::Result<UtcSeconds> deadline = parse_utc(at, "deadline");
    if (at.empty() || !deadline || *deadline > now_of(*clock_)) {
      break;
    }
    DeadlineStep step{.cycle = open->number,
                      .deadline = proposing ? "proposals_close_at" : "voting_closes_at",
                      .at = at,
                      .moved = false,
                      .state = open->state};
    if (snapshot->charter.deadline_action == net::DeadlineAction::kAuto) {
      const auto status_of = [](const auto& result) { return result ? core::Status() : core::Status(result.error()); };
      const core::Status moved =
          proposing ? status_of(start_voting(open->number)) : status_of(decide_and_close(open->number, false, false));
      // Someone moved the cycle meanwhile: the next round sees where it is.
      if (!moved && moved.error().kind != core::ErrorKind::kConflict) {
        return moved.error();
      }
      step.moved = moved.ok();
      step.state = moved.ok() ? (proposing ? net::CycleState::kVoting : net::CycleState::kClosed) : open->state;
    } else if (core::Status noted = note_deadline_due(step); !noted) {
      return noted.error();
    }
    steps.push_back(step);
    if (!step.moved) {
      break;
    }
  }
  return steps;
}

}  // namespace covalue::program
