// The coordinator election (issue 14 item 4, election): elections of the coordinating partner and the votes.
#include <algorithm>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

core::Result<program::CoordinatorElection> read_election(RowReader& row) {
  program::CoordinatorElection e;
  e.id = row.integer(0);
  e.term_cycle = row.integer(1);
  e.opened_at = row.text(2);
  e.window_ends_at = row.text(3);
  e.state = row.name(4, core::parse_name<program::ElectionState>);
  e.decided_at = row.text(5);
  const std::int64_t elected = row.integer(6);
  e.elected = elected == 0 ? std::nullopt : std::optional<net::PartnerId>(elected);
  e.result = row.text(7);
  if (!row.ok()) {
    return row.error();
  }
  return e;
}

//! A row of coordinator_votes after its owner's id (column 0).
program::CoordinatorVote read_vote(RowReader& row) {
  program::CoordinatorVote vote;
  vote.voter = row.integer(1);
  vote.candidate = row.integer(2);
  vote.at = row.text(3);
  vote.actor = row.text(4);
  return vote;
}

}  // namespace

core::Result<program::ElectionId> Session::insert_coordinator_election(const program::CoordinatorElection& election) {
  auto inserted = atomically([&]() -> core::Result<std::int64_t> {
    return in_network(sq::kInsertCoordinatorElection)
        .bind_int(network_)
        .bind_int(election.term_cycle)
        .bind_text(election.opened_at)
        .bind_text(election.window_ends_at)
        .bind_text(program::name_of(election.state))
        .bind_text(election.decided_at)
        .bind_int(election.elected.value_or(0))
        .bind_text(election.result)
        .single_int();
  });
  if (!inserted.ok()) {
    return on_conflict(inserted.error(),
                       "an election for the term of cycle " + std::to_string(election.term_cycle) + " exists already");
  }
  return inserted;
}

core::Status Session::update_coordinator_election(const program::CoordinatorElection& election) {
  return atomically([&]() -> core::Status {
    Statement query = db_.prepare(sq::kUpdateCoordinatorElection);
    query.bind_text(election.window_ends_at)
        .bind_text(program::name_of(election.state))
        .bind_text(election.decided_at)
        .bind_int(election.elected.value_or(0))
        .bind_text(election.result)
        .bind_int(network_)
        .bind_int(election.id);
    auto changed = query.changed();
    if (!changed.ok()) {
      return changed.error();
    }
    if (*changed == 0) {
      return make_error(ErrorKind::kNotFound, "no coordinator election with id " + std::to_string(election.id),
                        "election");
    }
    return {};
  });
}

core::Result<std::vector<program::CoordinatorElection>> Session::coordinator_elections() {
  Statement query = in_network(sq::kCoordinatorElections);
  std::vector<program::CoordinatorElection> out;
  for (;;) {
    auto row = query.step();
    if (!row.ok()) {
      return row.error();
    }
    if (!*row) {
      break;
    }
    RowReader reader(query, "coordinator_elections");
    core::Result<program::CoordinatorElection> election = read_election(reader);
    if (!election) {
      return election.error();
    }
    out.push_back(std::move(*election));
  }
  Statement votes = in_network(sq::kCoordinatorVotes);
  const auto id_of = [](const program::CoordinatorElection& election) { return election.id; };
  core::Status attached = attach_rows(
      votes, "coordinator_votes", out, id_of,
      [](program::CoordinatorElection& election, RowReader& row) { election.votes.push_back(read_vote(row)); });
  if (!attached) {
    return attached.error();
  }
  return out;
}

core::Status Session::put_coordinator_vote(program::ElectionId election, const program::CoordinatorVote& vote) {
  auto stored = atomically([&]() -> core::Status {
    return in_network(sq::kPutCoordinatorVote)
        .bind_int(election)
        .bind_int(vote.voter)
        .bind_int(vote.candidate)
        .bind_text(vote.at)
        .bind_text(vote.actor)
        .run();
  });
  if (!stored.ok()) {
    return explain(stored.error(), {partner_ref(vote.voter), partner_ref(vote.candidate)});
  }
  return {};
}

}  // namespace covalue::adapters::sql
