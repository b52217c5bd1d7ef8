// Delegation (issue 14 item 5): a partner hands its ballot for one cycle to a proxy, who casts it; the ballot stays
// the partner's (turnout, reminders and the engagement report count it) and records who cast it. No chains, one
// delegation per partner and cycle, revocable until the close; and the close's turnout warning (issue 13 item 6).
#include <gtest/gtest.h>

#include <algorithm>

#include "covalue/program/notification.hpp"
#include "roles_fixture.hpp"

namespace covalue::program::testing {
namespace {

class Delegations : public RolesFixture {
 protected:
  void SetUp() override {
    RolesFixture::SetUp();
    maker_ = token(Role::kRepresentative, ids_[2]);
  }
  Program at(const Actor& actor) { return Program(*store_, {}, actor, &time_); }
  Program op() { return at(Actor::local_operator()); }
  //! Opens cycle 1 with one proposal and starts the vote closing at `closes_at`.
  void voting(const std::string& closes_at = "2026-12-10T17:00Z") {
    ASSERT_TRUE(at(coordinator_).open_cycle().ok());
    ASSERT_TRUE(op().propose(initiative("Shared forecast", ids_[0])).ok());
    auto started = at(coordinator_).start_voting(1, closes_at);
    ASSERT_TRUE(started.ok()) << started.error().to_string();
  }
  static net::PartnerBallot ballot(net::PartnerId partner) {
    net::PartnerBallot out;
    out.cycle = 1;
    out.partner = partner;
    out.entries = {{1, core::Rational(1)}};
    return out;
  }
  std::vector<net::PartnerBallot> stored_ballots() {
    auto ballots = op().ballots(1);
    EXPECT_TRUE(ballots.ok());
    return ballots.ok() ? *ballots : std::vector<net::PartnerBallot>{};
  }
  //! Expects `result` to fail with `kind` naming `where`, and the audit log not to have grown.
  template <typename R>
  void refused(const R& result, core::ErrorKind kind, const std::string& where, std::int64_t audited) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, kind) << result.error().to_string();
    EXPECT_EQ(result.error().where, where) << result.error().to_string();
    EXPECT_EQ(audit_size(), audited);
  }

  SetClock time_;
  Actor maker_;
};

TEST_F(Delegations, AProxyCastsTheRepresentedPartnersBallotWhichRecordsWhoCastIt) {
  voting();
  auto made = at(retail_).delegate(1, ids_[0], ids_[1]);
  ASSERT_TRUE(made.ok()) << made.error().to_string();
  EXPECT_EQ(made->proxy, ids_[1]);
  EXPECT_EQ(made->created_at, "2026-12-01T09:00:00.000Z");
  auto cast = at(courier_).cast_ballot(ballot(ids_[0]));
  ASSERT_TRUE(cast.ok()) << cast.error().to_string();
  EXPECT_EQ(cast->partner, ids_[0]);
  EXPECT_EQ(cast->cast_by, ids_[1]);
  const std::vector<net::PartnerBallot> ballots = stored_ballots();
  ASSERT_EQ(ballots.size(), 1U);
  EXPECT_EQ(ballots[0].partner, ids_[0]);
  EXPECT_EQ(ballots[0].cast_by, ids_[1]);
  // The turnout counts it as Retail's vote.
  auto turnout = at(coordinator_).turnout(1);
  ASSERT_TRUE(turnout.ok());
  EXPECT_EQ(turnout->members, 3);
  EXPECT_EQ(turnout->voted, 1);
  EXPECT_EQ(turnout->delegated, 1);
  EXPECT_TRUE(turnout->below);
  EXPECT_EQ(turnout->describe(),
            "1 of 3 partners have voted (33.3%), 1 ballot cast by a proxy, below the charter's 50%");
  // The audit log says who cast it, never what it says.
  auto log = op().audit_log(0, 1000);
  ASSERT_TRUE(log.ok());
  const AuditEntry& last = log->back();
  EXPECT_EQ(last.action, "cast_ballot");
  EXPECT_NE(last.detail.find("\"cast_by\":" + std::to_string(ids_[1])), std::string::npos) << last.detail;
  EXPECT_EQ((log->end() - 2)->action, "delegate");
}

TEST_F(Delegations, AProxyCannotCastForAPartnerThatDidNotDelegateToIt) {
  voting();
  ASSERT_TRUE(at(retail_).delegate(1, ids_[0], ids_[1]).ok());
  const std::int64_t audited = audit_size();
  // Maker delegated nothing; Retail delegated to Courier, not to Maker.
  refused(at(courier_).cast_ballot(ballot(ids_[2])), core::ErrorKind::kForbidden, "partner", audited);
  refused(at(maker_).cast_ballot(ballot(ids_[0])), core::ErrorKind::kForbidden, "partner", audited);
  // A coordinator casts no one's ballot.
  net::PartnerBallot by_coordinator = ballot(ids_[0]);
  by_coordinator.cast_by = ids_[1];
  refused(at(coordinator_).cast_ballot(by_coordinator), core::ErrorKind::kForbidden, "partner", audited);
  EXPECT_TRUE(stored_ballots().empty());
}

TEST_F(Delegations, BadDelegationsAreRefusedNamingTheFieldAndNothingIsStored) {
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());  // proposing: delegating is open already
  ASSERT_TRUE(op().leave_partner(ids_[2]).ok());
  const std::int64_t audited = audit_size();
  refused(at(retail_).delegate(1, ids_[0], ids_[0]), core::ErrorKind::kInvalidInput, "proxy", audited);
  refused(at(retail_).delegate(1, ids_[0], 99), core::ErrorKind::kNotFound, "proxy", audited);
  refused(at(retail_).delegate(1, ids_[0], ids_[2]), core::ErrorKind::kConflict, "proxy", audited);  // left
  refused(at(retail_).delegate(7, ids_[0], ids_[1]), core::ErrorKind::kNotFound, "cycle", audited);
  refused(at(courier_).delegate(1, ids_[0], ids_[1]), core::ErrorKind::kForbidden, "partner", audited);
  refused(at(coordinator_).delegate(1, ids_[0], ids_[1]), core::ErrorKind::kForbidden, "partner", audited);
  refused(at(retail_).revoke_delegation(1, ids_[0]), core::ErrorKind::kNotFound, "delegation", audited);
  ASSERT_TRUE(at(retail_).delegate(1, ids_[0], ids_[1]).ok());
  // A second delegation of the same partner and cycle, and chains either way.
  refused(at(retail_).delegate(1, ids_[0], ids_[1]), core::ErrorKind::kConflict, "delegation", audited + 1);
  refused(at(courier_).delegate(1, ids_[1], ids_[0]), core::ErrorKind::kConflict, "delegation", audited + 1);
  auto listed = at(coordinator_).delegations(1);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 1U);
}

TEST_F(Delegations, NoChainsAProxyThatDelegatedCannotTakeBallots) {
  voting();
  ASSERT_TRUE(at(courier_).delegate(1, ids_[1], ids_[2]).ok());
  const std::int64_t audited = audit_size();
  // Courier delegated its own ballot to Maker: it cannot become Retail's proxy (no chains).
  refused(at(retail_).delegate(1, ids_[0], ids_[1]), core::ErrorKind::kConflict, "proxy", audited);
  // Maker holds Courier's ballot: it cannot pass its own on.
  refused(at(maker_).delegate(1, ids_[2], ids_[0]), core::ErrorKind::kConflict, "delegation", audited);
}

TEST_F(Delegations, RevokingRemovesTheProxysBallotAndOwnBallotEndsTheDelegation) {
  voting();
  ASSERT_TRUE(at(retail_).delegate(1, ids_[0], ids_[1]).ok());
  ASSERT_TRUE(at(courier_).cast_ballot(ballot(ids_[0])).ok());
  auto revoked = at(retail_).revoke_delegation(1, ids_[0]);
  ASSERT_TRUE(revoked.ok()) << revoked.error().to_string();
  EXPECT_EQ(revoked->proxy, ids_[1]);
  EXPECT_TRUE(stored_ballots().empty());  // the proxy's ballot went with the delegation
  // Delegated again, then Retail votes itself: its own ballot counts and the delegation ends.
  ASSERT_TRUE(at(retail_).delegate(1, ids_[0], ids_[1]).ok());
  auto own = at(retail_).cast_ballot(ballot(ids_[0]));
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->cast_by, 0);
  auto listed = at(coordinator_).delegations(1);
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty());
  EXPECT_EQ(at(courier_).cast_ballot(ballot(ids_[0])).error().kind, core::ErrorKind::kForbidden);
  // Closed: a delegation can no longer be made or taken back.
  ASSERT_TRUE(at(coordinator_).close_cycle(1).ok());
  EXPECT_EQ(at(retail_).delegate(1, ids_[0], ids_[1]).error().where, "cycle");
  EXPECT_EQ(at(retail_).revoke_delegation(1, ids_[0]).error().where, "cycle");
}

TEST_F(Delegations, RepresentativesSeeTheirOwnDelegationsCoordinatorsAndObserversAll) {
  voting();
  ASSERT_TRUE(at(retail_).delegate(1, ids_[0], ids_[1]).ok());
  EXPECT_EQ(at(coordinator_).delegations(1)->size(), 1U);
  EXPECT_EQ(at(observer_).delegations(1)->size(), 1U);
  EXPECT_EQ(at(retail_).delegations(1)->size(), 1U);   // given
  EXPECT_EQ(at(courier_).delegations(1)->size(), 1U);  // received
  EXPECT_TRUE(at(maker_).delegations(1)->empty());
  EXPECT_EQ(at(coordinator_).delegations(5).error().kind, core::ErrorKind::kNotFound);
}

TEST_F(Delegations, TheProxysPeopleAreToldAndTheRemindersCountTheProxysVote) {
  Person ana;
  ana.name = "Ana";
  ana.partner = ids_[1];
  ana.email = "ana@courier.example";
  ana.role = Role::kRepresentative;
  auto added = op().add_person(ana);
  ASSERT_TRUE(added.ok());
  auto issued = op().issue_person_token(added->id, "inbox");
  ASSERT_TRUE(issued.ok());
  const Actor ana_actor = *Program::authenticate(*store_, issued->secret);
  Person bo = ana;
  bo.name = "Bo";
  bo.partner = ids_[0];
  bo.email = "bo@retail.example";
  auto bo_added = op().add_person(bo);
  ASSERT_TRUE(bo_added.ok());
  const Actor bo_actor = *Program::authenticate(*store_, op().issue_person_token(bo_added->id, "inbox")->secret);
  voting();
  ASSERT_TRUE(at(retail_).delegate(1, ids_[0], ids_[1]).ok());
  auto page = at(ana_actor).inbox(0, 1);
  ASSERT_TRUE(page.ok());
  ASSERT_FALSE(page->items.empty());
  EXPECT_EQ(page->items[0].event.kind, EventKind::kDelegated);
  const Notification told = render_notification(page->items[0].event, "Audit");
  EXPECT_EQ(told.subject, "Retail delegated its ballot to you");
  EXPECT_EQ(told.link, "/ballot");
  ASSERT_TRUE(at(courier_).cast_ballot(ballot(ids_[0])).ok());
  time_.set("2026-12-08T17:00:00.000Z");  // 48 h before voting closes
  ASSERT_TRUE(op().run_deadlines().ok());
  // Courier has not voted for itself: reminded. Retail's proxy voted for it: not reminded.
  EXPECT_EQ(at(ana_actor).inbox(0, 1)->items[0].event.kind, EventKind::kVotingClosesSoon);
  EXPECT_EQ(at(bo_actor).inbox(0, 1)->items[0].event.kind, EventKind::kVotingOpened);
}

TEST_F(Delegations, TheCloseAsksToConfirmATurnoutBelowTheCharters) {
  voting();
  ASSERT_TRUE(at(retail_).delegate(1, ids_[0], ids_[1]).ok());
  ASSERT_TRUE(at(courier_).cast_ballot(ballot(ids_[0])).ok());
  const std::int64_t audited = audit_size();
  auto low = at(coordinator_).close_cycle_confirming(1, false, false);
  refused(low, core::ErrorKind::kConflict, "confirm_low_turnout", audited);
  EXPECT_NE(low.error().message.find("1 of 3 partners have voted (33.3%)"), std::string::npos) << low.error().message;
  EXPECT_NE(low.error().message.find("below the charter's 50%"), std::string::npos) << low.error().message;
  // The delegated ballot counts: with Courier's own, 2 of 3 (66.7%) is not below 50%.
  ASSERT_TRUE(at(courier_).cast_ballot(ballot(ids_[1])).ok());
  auto closed = at(coordinator_).close_cycle_confirming(1, false, true);
  ASSERT_TRUE(closed.ok()) << closed.error().to_string();
}

TEST_F(Delegations, AConfirmedCloseGoesAheadAndZeroNeverAsks) {
  voting();
  auto confirmed = at(coordinator_).close_cycle_confirming(1, true, false);
  ASSERT_TRUE(confirmed.ok()) << confirmed.error().to_string();
  auto charter = op().queries().network();
  ASSERT_TRUE(charter.ok());
  for (const std::int64_t bad : {-1, 101}) {
    charter->close_turnout_warning = bad;
    auto refused_charter = op().update_charter(*charter);
    ASSERT_FALSE(refused_charter.ok());
    EXPECT_EQ(refused_charter.error().where, "close_turnout_warning");
  }
  charter->close_turnout_warning = 0;
  ASSERT_TRUE(op().update_charter(*charter).ok());
  EXPECT_EQ(op().queries().network()->close_turnout_warning, 0);
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  ASSERT_TRUE(at(coordinator_).start_voting(2).ok());
  EXPECT_TRUE(at(coordinator_).close_cycle_confirming(2, false, false).ok());  // 0 of 3, and 0 never asks
}

}  // namespace
}  // namespace covalue::program::testing
