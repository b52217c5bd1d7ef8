// The coordinator election (issue 14 item 4, election): elections of the coordinating partner and the votes.
#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using CE = program::CoordinatorElection;
using CV = program::CoordinatorVote;

//! `elected_id`: the partner elected, 0 for none.
struct Elected {
  void read(RowReader& row, int column, CE& election) const {
    const std::int64_t elected = row.integer(column);
    election.elected = elected == 0 ? std::nullopt : std::optional<net::PartnerId>(elected);
  }
  void bind(Statement& statement, const CE& election) const { statement.bind_int(election.elected.value_or(0)); }
};

constexpr Columns<&CE::id, &CE::term_cycle, &CE::opened_at, &CE::window_ends_at, &CE::state, &CE::decided_at, Elected{},
                  &CE::result>
    kElection{};
//! What an update changes.
constexpr Columns<&CE::window_ends_at, &CE::state, &CE::decided_at, Elected{}, &CE::result> kDecision{};
//! A vote, after its election's id (column 0 of a row of coordinator_votes).
constexpr Columns<&CV::voter, &CV::candidate, &CV::at, &CV::actor> kVote{};

}  // namespace

core::Result<program::ElectionId> Session::insert_coordinator_election(const program::CoordinatorElection& election) {
  auto inserted = insert_numbered(sq::kInsertCoordinatorElection, kElection, election);
  if (!inserted.ok()) {
    return on_conflict(inserted.error(),
                       "an election for the term of cycle " + std::to_string(election.term_cycle) + " exists already");
  }
  return inserted;
}

core::Status Session::update_coordinator_election(const program::CoordinatorElection& election) {
  auto changed =
      atomically([&] { return update_row(sq::kUpdateCoordinatorElection, kDecision, election, election.id, 0); });
  return one_changed(changed, make_error(ErrorKind::kNotFound,
                                         "no coordinator election with id " + std::to_string(election.id), "election"));
}

core::Result<std::vector<program::CoordinatorElection>> Session::coordinator_elections() {
  return with_children<&CE::votes>(rows(sq::kCoordinatorElections, "coordinator_elections", kElection),
                                   sq::kCoordinatorVotes, "coordinator_votes", kVote);
}

core::Status Session::put_coordinator_vote(program::ElectionId election, const program::CoordinatorVote& vote) {
  auto stored = write_row(sq::kPutCoordinatorVote, kVote, vote, election);
  return stored.ok() ? stored
                     : core::Status(explain(stored.error(), {partner_ref(vote.voter), partner_ref(vote.candidate)}));
}

}  // namespace covalue::adapters::sql
