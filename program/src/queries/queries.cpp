#include "covalue/program/queries.hpp"

#include <algorithm>

#include "../use_case.hpp"
#include "covalue/core/text.hpp"

namespace covalue::program {
namespace {

//! Hides what this actor may not see in a snapshot: the operator sees everything; anyone else sees
//! that another partner voted in an open cycle, but not what (its entries and objections are emptied).
void redact_open_ballots(Snapshot& snapshot, const Actor& actor) {
  if (actor.role == Role::kOperator || !snapshot.ballots.loaded()) {
    return;
  }
  for (net::PartnerBallot& ballot : snapshot.ballots) {
    if (detail::still_secret(snapshot, ballot.cycle) && actor.partner != ballot.partner) {
      ballot.entries.clear();
      ballot.objections.clear();
    }
  }
}

}  // namespace

bool InitiativeFilter::keeps(const net::Initiative& initiative) const {
  return (!status || initiative.status == *status) && (!cycle || initiative.cycle == *cycle) &&
         (!proposer || initiative.proposer == *proposer) && (!undecided_only || initiative.undecided());
}

Queries::Queries(Store& store, Actor actor) : store_(store), actor_(std::move(actor)) {}

core::Result<Snapshot> Queries::visible(SnapshotParts parts) {
  core::Result<Snapshot> read =
      detail::read_in<Snapshot>(store_, [&](StoreSession& session) { return read_snapshot(session, parts); });
  if (read) {
    redact_open_ballots(*read, actor_);
  }
  return read;
}

core::Result<Snapshot> Queries::snapshot() { return visible(SnapshotParts::all()); }

core::Result<net::Charter> Queries::network() {
  core::Result<Snapshot> read = visible({});
  return read ? core::Result<net::Charter>(read->charter) : read.error();
}

core::Result<std::vector<net::Partner>> Queries::partners() {
  core::Result<Snapshot> read = visible({});
  return read ? core::Result<std::vector<net::Partner>>(std::move(read->partners)) : read.error();
}

core::Result<PartnerView> Queries::partner(net::PartnerId id) {
  core::Result<Snapshot> read = visible(SnapshotParts{.objectives = true});
  if (!read) {
    return read.error();
  }
  const net::Partner* found = read->find_partner(id);
  if (found == nullptr) {
    return detail::not_found("no partner with id " + std::to_string(id), "partner");
  }
  PartnerView view{*found, {}};
  std::copy_if(read->objectives.begin(), read->objectives.end(), std::back_inserter(view.objectives),
               [&](const net::Objective& objective) { return objective.partner == id; });
  return view;
}

core::Result<net::Partner> Queries::find_partner(const std::string& reference, const std::string& where) {
  core::Result<Snapshot> read = visible({});
  if (!read) {
    return read.error();
  }
  const net::Partner* found = read->find_partner(std::string_view(reference));
  if (found == nullptr) {
    return detail::not_found("no partner named or numbered " + core::quote_excerpt(reference), where);
  }
  return *found;
}

core::Result<std::vector<net::Objective>> Queries::objectives() {
  core::Result<Snapshot> read = visible(SnapshotParts{.objectives = true});
  return read ? core::Result<std::vector<net::Objective>>(std::move(*read->objectives)) : read.error();
}

core::Result<std::vector<net::Initiative>> Queries::initiatives(const InitiativeFilter& filter) {
  core::Result<Snapshot> read = visible({});
  if (!read) {
    return read.error();
  }
  std::vector<net::Initiative> kept;
  std::copy_if(read->initiatives.begin(), read->initiatives.end(), std::back_inserter(kept),
               [&](const net::Initiative& initiative) { return filter.keeps(initiative); });
  return kept;
}

core::Result<net::Initiative> Queries::initiative(net::InitiativeId id) {
  core::Result<Snapshot> read = visible({});
  if (!read) {
    return read.error();
  }
  const net::Initiative* found = read->find_initiative(id);
  if (found == nullptr) {
    return detail::not_found("no initiative with id " + std::to_string(id), "initiative");
  }
  return *found;
}

core::Result<std::vector<net::InitiativeScore>> Queries::scores(net::InitiativeId initiative) {
  core::Result<Snapshot> read = visible(SnapshotParts{.scorecard = true});
  if (!read) {
    return read.error();
  }
  if (read->find_initiative(initiative) == nullptr) {
    return detail::not_found("no initiative with id " + std::to_string(initiative), "initiative");
  }
  std::vector<net::InitiativeScore> kept;
  std::copy_if(read->scores.begin(), read->scores.end(), std::back_inserter(kept),
               [&](const net::InitiativeScore& score) { return score.initiative == initiative; });
  return kept;
}

core::Result<ScorecardView> Queries::scorecard() {
  core::Result<Snapshot> read = visible(SnapshotParts{.scorecard = true});
  if (!read) {
    return read.error();
  }
  return scorecard_view(*read);
}

core::Result<std::vector<net::Cycle>> Queries::cycles() {
  core::Result<Snapshot> read = visible({});
  return read ? core::Result<std::vector<net::Cycle>>(std::move(read->cycles)) : read.error();
}

core::Result<net::Cycle> Queries::cycle(net::CycleNumber number) {
  core::Result<Snapshot> read = visible({});
  if (!read) {
    return read.error();
  }
  core::Result<const net::Cycle*> found = read->require_cycle(number);
  return found ? core::Result<net::Cycle>(**found) : found.error();
}

core::Result<net::Cycle> Queries::current_cycle() {
  core::Result<Snapshot> read = visible({});
  if (!read) {
    return read.error();
  }
  const net::Cycle* current = read->current_cycle();
  if (current == nullptr) {
    return detail::not_found("no cycle opened yet", "cycle");
  }
  return *current;
}

core::Result<net::CycleOutcome> Queries::outcome(net::CycleNumber number) {
  core::Result<Snapshot> read = visible(SnapshotParts{.outcomes = true});
  if (!read) {
    return read.error();
  }
  const net::CycleOutcome* found = read->find_outcome(number);
  if (found == nullptr) {
    return detail::not_found("cycle " + std::to_string(number) + " has no outcome (not closed)", "cycle");
  }
  return *found;
}

core::Result<std::vector<net::RealisedValue>> Queries::actuals() {
  core::Result<Snapshot> read = visible(SnapshotParts{.ledger = true});
  return read ? core::Result<std::vector<net::RealisedValue>>(std::move(*read->realised)) : read.error();
}

core::Result<std::vector<net::KpiMeasurement>> Queries::kpis() {
  core::Result<Snapshot> read = visible(SnapshotParts{.ledger = true});
  return read ? core::Result<std::vector<net::KpiMeasurement>>(std::move(*read->kpis)) : read.error();
}

core::Result<Dashboard> Queries::dashboard() {
  core::Result<Snapshot> read =
      visible(SnapshotParts{.objectives = true, .ballots = true, .outcomes = true, .ledger = true});
  return read ? dashboard_of(*read) : read.error();
}

}  // namespace covalue::program
