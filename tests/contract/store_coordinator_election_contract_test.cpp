// The storage contract: coordinator elections and the partners' votes (issue 14 item 4, election).
#include <string>
#include <vector>

#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::CoordinatorElection;
using program::StoreSession;

TEST_P(StoreContract, TheCharterKeepsElectionAsItsCoordination) {
  fill();
  net::Charter charter = read_in(store(), [](StoreSession& s) { return s.charter(); }).value();
  charter.coordination = net::Coordination::kElection;
  charter.coordination_term = 2;
  write([&](StoreSession& s) { return s.save_charter(charter); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.charter(); }), charter);
}

TEST_P(StoreContract, CoordinatorElectionsAndVotesRoundTrip) {
  const Filled filled = fill();
  CoordinatorElection first;
  first.term_cycle = 2;
  first.opened_at = "2026-12-01T09:00:00Z";
  first.window_ends_at = "2026-12-04T09:00:00Z";
  first.id = read_in(store(), [&](StoreSession& s) { return s.insert_coordinator_election(first); });
  CoordinatorElection second = first;
  second.term_cycle = 4;
  second.id = read_in(store(), [&](StoreSession& s) { return s.insert_coordinator_election(second); });
  EXPECT_EQ(second.id, first.id + 1);
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) -> core::Status {
    core::Result<program::ElectionId> again = s.insert_coordinator_election(first);
    return again ? core::Status() : core::Status(again.error());
  }),
                         ErrorKind::kConflict, "cycle 2"));

  program::CoordinatorVote mine{filled.partners[0], filled.partners[1], "2026-12-02T09:00:00Z", "token 2"};
  const program::CoordinatorVote theirs{filled.partners[1], filled.partners[1], "2026-12-02T09:30:00Z",
                                        "token 3 ünïcode"};
  write([&](StoreSession& s) { return s.put_coordinator_vote(first.id, theirs); });
  write([&](StoreSession& s) { return s.put_coordinator_vote(first.id, mine); });
  mine.candidate = filled.partners[0];  // a changed vote replaces the earlier one
  mine.at = "2026-12-03T09:00:00Z";
  write([&](StoreSession& s) { return s.put_coordinator_vote(first.id, mine); });
  first.votes = {mine, theirs};
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.coordinator_elections(); }),
            (std::vector<CoordinatorElection>{first, second}));

  first.state = program::ElectionState::kDecided;
  first.decided_at = "2026-12-04T09:00:01Z";
  first.elected = filled.partners[0];
  first.result = "elected with 1 of 2 member partners' votes";
  write([&](StoreSession& s) { return s.update_coordinator_election(first); });
  second.state = program::ElectionState::kDecided;
  second.result = "nobody elected";
  write([&](StoreSession& s) { return s.update_coordinator_election(second); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.coordinator_elections(); }),
            (std::vector<CoordinatorElection>{first, second}));

  CoordinatorElection unknown = first;
  unknown.id = 99;
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.update_coordinator_election(unknown); }),
                         ErrorKind::kNotFound, "99"));
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) {
    return s.put_coordinator_vote(first.id, {77, filled.partners[0], "t", "a"});
  }),
                         ErrorKind::kNotFound));
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) {
    return s.put_coordinator_vote(first.id, {filled.partners[0], 78, "t", "a"});
  }),
                         ErrorKind::kNotFound));
}

}  // namespace
}  // namespace covalue::testing
