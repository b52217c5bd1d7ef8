// The storage contract, part 8: delegation (issue 14 item 5): one delegation per partner and cycle, removed by
// partner; a ballot records the proxy that cast it and can be removed; the charter's close turnout warning.
#include <string>
#include <vector>

#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::Delegation;
using program::StoreSession;

TEST_P(StoreContract, DelegationsRoundTripOncePerPartnerAndCycle) {
  Filled filled = fill();  // cycle 2 votes
  const Delegation first{2, filled.partners[0], filled.partners[1], "2026-12-04T10:00:00.000Z"};
  const Delegation second{2, filled.partners[2], filled.partners[1], "2026-12-04T10:00:01.000Z"};
  write([&](StoreSession& s) { return s.insert_delegation(second); });
  write([&](StoreSession& s) { return s.insert_delegation(first); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.delegations(2); }),
            (std::vector<Delegation>{first, second}));  // by partner
  EXPECT_TRUE(read_in(store(), [](StoreSession& s) { return s.delegations(1); }).empty());
  Delegation again = first;
  again.proxy = filled.partners[2];
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.insert_delegation(again); }),
                         ErrorKind::kConflict, "already"));
  Delegation unknown_proxy = first;
  unknown_proxy.cycle = 1;
  unknown_proxy.proxy = 999;
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.insert_delegation(unknown_proxy); }),
                         ErrorKind::kNotFound, "999"));
  Delegation unknown_cycle = first;
  unknown_cycle.cycle = 9;
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.insert_delegation(unknown_cycle); }),
                         ErrorKind::kNotFound));
  write([&](StoreSession& s) { return s.remove_delegation(2, filled.partners[0]); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.delegations(2); }), (std::vector<Delegation>{second}));
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.remove_delegation(2, filled.partners[0]); }),
                         ErrorKind::kNotFound, "delegation"));
}

TEST_P(StoreContract, ABallotRecordsItsProxyAndCanBeRemoved) {
  Filled filled = fill();
  net::PartnerBallot by_proxy{2, filled.partners[0], net::BallotFormat::kApprovals, {{filled.initiatives[0], 1}}, {}};
  by_proxy.cast_by = filled.partners[2];
  write([&](StoreSession& s) { return s.put_ballot(by_proxy); });
  std::vector<net::PartnerBallot> ballots = read_in(store(), [](StoreSession& s) { return s.ballots(2); });
  ASSERT_EQ(ballots.size(), 2U);
  EXPECT_EQ(ballots[0], by_proxy);
  EXPECT_EQ(ballots[1].cast_by, 0);  // cast by its own partner
  write([&](StoreSession& s) { return s.remove_ballot(2, filled.partners[0]); });
  ballots = read_in(store(), [](StoreSession& s) { return s.ballots(2); });
  ASSERT_EQ(ballots.size(), 1U);
  EXPECT_EQ(ballots[0].partner, filled.partners[1]);
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.remove_ballot(2, filled.partners[0]); }),
                         ErrorKind::kNotFound, "ballot"));
}

TEST_P(StoreContract, TheCharterKeepsItsCloseTurnoutWarning) {
  fill();
  std::optional<net::Charter> charter = read_in(store(), [](StoreSession& s) { return s.charter(); });
  ASSERT_TRUE(charter.has_value());
  EXPECT_EQ(charter->close_turnout_warning, 50);
  charter->close_turnout_warning = 0;
  write([&](StoreSession& s) { return s.save_charter(*charter); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.charter(); })->close_turnout_warning, 0);
  charter->close_turnout_warning = 75;
  write([&](StoreSession& s) { return s.save_charter(*charter); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.charter(); })->close_turnout_warning, 75);
}

}  // namespace
}  // namespace covalue::testing
