// The reads that need more than one part: ballots as the actor may see them, the reports, the scorecard.
#include <algorithm>

#include "../use_case.hpp"
#include "covalue/program/queries.hpp"

namespace covalue::program {

core::Result<std::vector<net::PartnerBallot>> Queries::ballots(net::CycleNumber number) {
  std::vector<net::PartnerBallot> visible;
  core::Status status = store_.read([&](StoreSession& session) -> core::Status {
    core::Result<Snapshot> read = read_snapshot(session, {});
    if (!read) {
      return read.error();
    }
    if (core::Result<const net::Cycle*> cycle = read->require_cycle(number); !cycle) {
      return cycle.error();
    }
    core::Result<std::vector<net::PartnerBallot>> stored = session.ballots(number);
    if (!stored) {
      return stored.error();
    }
    const bool open = detail::still_secret(*read, number);
    const net::BallotDisclosure disclosure = read->charter.disclosure;
    for (net::PartnerBallot& ballot : *stored) {
      const bool own = actor_.role == Role::kOperator || actor_.partner == ballot.partner;
      // A proxy sees the ballots it cast for the partners that delegated to it (a delegation) while it may re-cast.
      const bool cast_as_proxy =
          open && actor_.role == Role::kRepresentative && ballot.cast_by != 0 && actor_.partner == ballot.cast_by;
      if (own || cast_as_proxy || (!open && disclosure == net::BallotDisclosure::kPublic)) {
        visible.push_back(std::move(ballot));
      } else if (!open && disclosure == net::BallotDisclosure::kAnonymous) {
        ballot.partner = 0;
        ballot.cast_by = 0;
        visible.push_back(std::move(ballot));
      }
    }
    return {};
  });
  if (!status) {
    return status.error();
  }
  return visible;
}

namespace {

//! A report of what the actor may see (`read`), or the read's error.
template <typename MakeReport>
core::Result<Report> report_over(const core::Result<Snapshot>& read, MakeReport make) {
  return read ? make(*read) : read.error();
}

}  // namespace

core::Result<Report> Queries::network_report() {
  return report_over(visible(SnapshotParts::all()), program::network_report);
}

core::Result<Report> Queries::fairness_report() {
  return report_over(visible(SnapshotParts::all()), program::fairness_report);
}

core::Result<Report> Queries::engagement_report() {
  return report_over(visible(SnapshotParts::all()), program::engagement_report);
}

core::Result<Report> Queries::kpi_report() { return report_over(visible(SnapshotParts::all()), program::kpi_report); }

core::Result<Report> Queries::scorecard_report() {
  return report_over(visible(SnapshotParts::all()), program::scorecard_report);
}

core::Result<Report> Queries::partner_report(std::optional<net::PartnerId> partner) {
  return report_over(visible(SnapshotParts::all()),
                     [&](const Snapshot& snapshot) { return program::partner_report(snapshot, partner); });
}

core::Result<Report> Queries::cycle_report(std::optional<net::CycleNumber> number) {
  return report_over(visible(SnapshotParts::all()), [&](const Snapshot& snapshot) {
    const net::Cycle* current = snapshot.current_cycle();
    return program::cycle_report(snapshot, number ? *number : (current == nullptr ? 0 : current->number));
  });
}

core::Result<ScorecardView> scorecard_view(const Snapshot& snapshot) {
  if (!*snapshot.scorecard) {
    return detail::not_found(std::string(kNoScorecardMessage), "scorecard");
  }
  std::vector<net::InitiativeId> undecided;
  for (const net::Initiative& initiative : snapshot.initiatives) {
    if (initiative.undecided()) {
      undecided.push_back(initiative.id);
    }
  }
  const net::Scorecard& card = **snapshot.scorecard;
  return ScorecardView{card, net::rank_by_scorecard(card, undecided, *snapshot.scores)};
}

}  // namespace covalue::program
