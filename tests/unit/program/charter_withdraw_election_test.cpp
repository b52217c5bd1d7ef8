// What remained of issue 14 items 4 and 8 for the charter: a proposal withdrawn by its proposer (or a coordinator),
// and the coordinator elected by the partners when a term ends (charter coordination = election).
#include <gtest/gtest.h>

#include <algorithm>

#include "roles_fixture.hpp"

namespace covalue::program::testing {
namespace {

class CharterWithdrawElection : public RolesFixture {
 protected:
  void SetUp() override {
    RolesFixture::SetUp();
    maker_ = token(Role::kRepresentative, ids_[2]);
  }
  Program at(const Actor& actor) { return Program(*store_, {}, actor, &time_); }
  net::Charter charter() {
    auto current = at(observer_).queries().network();
    EXPECT_TRUE(current.ok());
    return *current;
  }
  void consent() {
    net::Charter changed = charter();
    changed.amendment_rule = net::AmendmentRule::kConsent;
    auto updated = at(coordinator_).update_charter(changed);
    ASSERT_TRUE(updated.ok()) << updated.error().to_string();
  }
  core::Result<CharterProposal> propose_capacity(const Actor& actor, std::int64_t capacity) {
    net::Charter proposed = charter();
    proposed.capacity = capacity;
    return at(actor).propose_charter_change(proposed, "Two partners joined: the network can do more.");
  }
  static void refused(const auto& result, core::ErrorKind kind, const std::string& where) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, kind) << result.error().to_string();
    EXPECT_EQ(result.error().where, where) << result.error().to_string();
  }
  Actor person_of(net::PartnerId partner, const std::string& name) {
    Person p;
    p.name = name;
    p.partner = partner;
    p.email = name + "@partner.example";
    p.role = Role::kRepresentative;
    auto added = at(Actor::local_operator()).add_person(p);
    EXPECT_TRUE(added.ok());
    auto issued = at(Actor::local_operator()).issue_person_token(added->id, "inbox");
    EXPECT_TRUE(issued.ok());
    auto actor = Program::authenticate(*store_, issued->secret);
    EXPECT_TRUE(actor.ok());
    return *actor;
  }

  SetClock time_;
  Actor maker_;
};

TEST_F(CharterWithdrawElection, ItsProposerWithdrawsAnOpenProposalAndFreesItsFields) {
  consent();
  const Actor bo = person_of(ids_[1], "Bo");
  auto opened = propose_capacity(retail_, 30);
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  ASSERT_TRUE(at(courier_).take_position(opened->id, ids_[1], Position::kObject, "Too much at once").ok());
  const std::int64_t before = audit_size();
  refused(at(courier_).withdraw_charter_proposal(opened->id), core::ErrorKind::kForbidden, "proposal");
  refused(at(observer_).withdraw_charter_proposal(opened->id), core::ErrorKind::kForbidden, "role");
  refused(at(retail_).withdraw_charter_proposal(opened->id + 7), core::ErrorKind::kNotFound, "proposal");
  refused(propose_capacity(courier_, 25), core::ErrorKind::kConflict, "capacity");
  EXPECT_EQ(audit_size(), before);

  time_.set("2026-12-01T10:00:00.000Z");
  auto withdrawn = at(retail_).withdraw_charter_proposal(opened->id);
  ASSERT_TRUE(withdrawn.ok()) << withdrawn.error().to_string();
  EXPECT_EQ(withdrawn->state, ProposalState::kWithdrawn);
  EXPECT_EQ(withdrawn->decided_at, "2026-12-01T10:00:00Z");
  EXPECT_EQ(withdrawn->result, "withdrawn by its proposer, Retail, before the decision");
  EXPECT_EQ(audit_size(), before + 1);
  EXPECT_EQ(charter().capacity, 20);  // nothing of it applies

  // Not open any more: neither withdrawn again, nor decided, nor positions.
  refused(at(retail_).withdraw_charter_proposal(opened->id), core::ErrorKind::kConflict, "proposal");
  time_.set("2026-12-05T10:00:00.000Z");
  refused(at(coordinator_).decide_charter_proposal(opened->id), core::ErrorKind::kConflict, "proposal");
  refused(at(maker_).take_position(opened->id, ids_[2], Position::kAgree, ""), core::ErrorKind::kConflict, "proposal");
  ASSERT_TRUE(at(Actor::scheduler()).run_deadlines().ok());
  EXPECT_EQ(charter().capacity, 20);

  // Courier's people hear of it as of a decision.
  auto inbox = at(bo).inbox(0, 10);
  ASSERT_TRUE(inbox.ok());
  ASSERT_FALSE(inbox->items.empty());
  EXPECT_EQ(inbox->items[0].event.kind, EventKind::kCharterDecided);
  EXPECT_EQ(render_notification(inbox->items[0].event, "Audit").subject,
            "Charter proposal 1 withdrawn: capacity 20 to 30");

  // The field is free: Courier proposes its own change, and a coordinator may withdraw that one.
  auto second = propose_capacity(courier_, 25);
  ASSERT_TRUE(second.ok()) << second.error().to_string();
  auto pulled = at(coordinator_).withdraw_charter_proposal(second->id);
  ASSERT_TRUE(pulled.ok()) << pulled.error().to_string();
  EXPECT_EQ(pulled->result, "withdrawn by a coordinator before the decision");
  auto log = at(coordinator_).audit_log(0, 1000);
  ASSERT_TRUE(log.ok());
  const auto count = std::count_if(log->begin(), log->end(),
                                   [](const AuditEntry& e) { return e.action == "withdraw_charter_proposal"; });
  EXPECT_EQ(count, 2);
}

TEST_F(CharterWithdrawElection, ThePartnersElectTheCoordinatorWhenATermEnds) {
  // Switching to election goes through a charter proposal, as every field does once the partners decide.
  consent();
  net::Charter election = charter();
  election.coordination = net::Coordination::kElection;
  auto proposed = at(retail_).propose_charter_change(election, "Let the partners choose who coordinates.");
  ASSERT_TRUE(proposed.ok()) << proposed.error().to_string();
  EXPECT_EQ(proposed->fields, std::vector<std::string>{"coordination"});
  time_.set("2026-12-04T09:00:00.000Z");
  ASSERT_TRUE(at(Actor::scheduler()).run_deadlines().ok());
  ASSERT_EQ(charter().coordination, net::Coordination::kElection);

  const Actor bo = person_of(ids_[1], "Bo");
  ASSERT_TRUE(at(retail_).set_willing_to_coordinate(ids_[0], true).ok());
  ASSERT_TRUE(at(courier_).set_willing_to_coordinate(ids_[1], true).ok());
  refused(at(retail_).vote_for_coordinator(ids_[0], ids_[1]), core::ErrorKind::kNotFound, "election");

  // Cycle 1 opens: no term yet, so the election of its coordinator opens for the amendment window (72 hours).
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  auto now = at(observer_).coordination();
  ASSERT_TRUE(now.ok() && now->election.has_value());
  EXPECT_EQ(now->mode, net::Coordination::kElection);
  EXPECT_FALSE(now->current.has_value());
  EXPECT_EQ(now->election->state, ElectionState::kOpen);
  EXPECT_EQ(now->election->term_cycle, 1);
  EXPECT_EQ(now->election->window_ends_at, "2026-12-07T09:00:00Z");
  const ElectionId first = now->election->id;

  const std::int64_t before = audit_size();
  refused(at(maker_).vote_for_coordinator(ids_[2], ids_[2]), core::ErrorKind::kInvalidInput, "candidate");
  refused(at(maker_).vote_for_coordinator(ids_[2], 99), core::ErrorKind::kInvalidInput, "candidate");
  refused(at(courier_).vote_for_coordinator(ids_[0], ids_[1]), core::ErrorKind::kForbidden, "partner");
  refused(at(observer_).vote_for_coordinator(ids_[0], ids_[1]), core::ErrorKind::kForbidden, "partner");
  refused(at(coordinator_).vote_for_coordinator(ids_[0], ids_[1]), core::ErrorKind::kForbidden, "partner");
  EXPECT_EQ(audit_size(), before);

  ASSERT_TRUE(at(retail_).vote_for_coordinator(ids_[0], ids_[0]).ok());
  ASSERT_TRUE(at(retail_).vote_for_coordinator(ids_[0], ids_[1]).ok());  // changed: one vote per partner
  ASSERT_TRUE(at(courier_).vote_for_coordinator(ids_[1], ids_[1]).ok());
  auto voted = at(maker_).vote_for_coordinator(ids_[2], ids_[0]);
  ASSERT_TRUE(voted.ok()) << voted.error().to_string();
  ASSERT_EQ(voted->election->votes.size(), 3U);
  EXPECT_EQ(voted->election->votes[0].candidate, ids_[1]);

  refused(at(coordinator_).decide_coordinator_election(first), core::ErrorKind::kConflict, "election");
  EXPECT_FALSE(token(Role::kRepresentative, ids_[1]).coordinates());  // not before the decision
  time_.set("2026-12-07T09:00:00.000Z");
  refused(at(maker_).vote_for_coordinator(ids_[2], ids_[1]), core::ErrorKind::kConflict, "election");
  ASSERT_TRUE(at(Actor::scheduler()).run_deadlines().ok());
  now = at(observer_).coordination();
  ASSERT_TRUE(now.ok() && now->current.has_value());
  EXPECT_EQ(now->current->partner, ids_[1]);
  EXPECT_EQ(now->current->first_cycle, 1);
  EXPECT_EQ(now->election->state, ElectionState::kDecided);
  EXPECT_EQ(now->election->elected, ids_[1]);
  EXPECT_EQ(now->election->result, "Courier elected with 2 of 3 member partners' votes (next: Retail with 1 vote)");
  EXPECT_TRUE(token(Role::kRepresentative, ids_[1]).coordinates());
  EXPECT_FALSE(token(Role::kRepresentative, ids_[0]).coordinates());
  refused(at(coordinator_).decide_coordinator_election(first), core::ErrorKind::kConflict, "election");
  refused(at(retail_).vote_for_coordinator(ids_[0], ids_[0]), core::ErrorKind::kNotFound, "election");

  // Cycle 2 opens (by the elected coordinator): Courier's one-cycle term is over, a new election opens and Courier
  // coordinates until it is decided. Nobody votes: the tie goes to the fewest past terms (Retail 0, Courier 1).
  const Actor courier_now = token(Role::kRepresentative, ids_[1]);
  ASSERT_TRUE(at(courier_now).start_voting(1).ok());
  ASSERT_TRUE(at(courier_now).close_cycle(1).ok());
  ASSERT_TRUE(at(courier_now).open_cycle().ok());
  now = at(observer_).coordination();
  ASSERT_TRUE(now.ok() && now->election.has_value());
  EXPECT_EQ(now->election->state, ElectionState::kOpen);
  EXPECT_EQ(now->election->term_cycle, 2);
  EXPECT_EQ(now->current->partner, ids_[1]);
  EXPECT_TRUE(token(Role::kRepresentative, ids_[1]).coordinates());
  time_.set("2026-12-10T09:00:00.000Z");
  auto decided = at(courier_now).decide_coordinator_election(now->election->id);
  ASSERT_TRUE(decided.ok()) << decided.error().to_string();
  EXPECT_EQ(decided->elected, ids_[0]);
  EXPECT_NE(decided->result.find("no vote counted"), std::string::npos) << decided->result;
  EXPECT_TRUE(token(Role::kRepresentative, ids_[0]).coordinates());
  EXPECT_FALSE(token(Role::kRepresentative, ids_[1]).coordinates());

  // Everyone hears of each election and its result; the audit log holds every vote and the tally.
  std::vector<EventKind> kinds;
  auto inbox = at(bo).inbox(0, 50);
  ASSERT_TRUE(inbox.ok());
  for (const InboxItem& item : inbox->items) {
    kinds.push_back(item.event.kind);
    const Notification told = render_notification(item.event, "Audit");
    if (item.event.kind == EventKind::kElectionOpened && item.event.cycle == 1) {
      EXPECT_EQ(told.subject, "Elect the coordinating partner for the term from cycle 1");
      EXPECT_NE(told.paragraphs[0].find("(Retail, Courier)"), std::string::npos) << told.paragraphs[0];
      EXPECT_NE(told.paragraphs[0].find("Until it is decided, the coordination stays with the network's coordinators."),
                std::string::npos)
          << told.paragraphs[0];
    }
    if (item.event.kind == EventKind::kCoordinatorElected && item.event.cycle == 1) {
      EXPECT_EQ(
          told.subject,
          "Coordinator election 1: Courier elected with 2 of 3 member partners' votes (next: Retail with 1 vote)");
    }
  }
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), EventKind::kElectionOpened), 2);
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), EventKind::kCoordinatorElected), 2);
  auto log = at(coordinator_).audit_log(0, 1000);
  ASSERT_TRUE(log.ok());
  std::string decision;
  for (const AuditEntry& entry : *log) {
    if (entry.action == "decide_coordinator_election") {
      decision += entry.detail;
    }
  }
  EXPECT_NE(decision.find("\"voter_name\":\"Maker\""), std::string::npos) << decision;
  EXPECT_NE(decision.find("\"tally\""), std::string::npos) << decision;
}

TEST_F(CharterWithdrawElection, ATieOfVotesGoesToTheFewestPastTermsThenTheLowestId) {
  net::Charter election = charter();
  election.coordination = net::Coordination::kElection;
  election.amendment_window_hours = 1;
  ASSERT_TRUE(at(coordinator_).update_charter(election).ok());
  for (const auto& [actor, partner] : {std::pair{retail_, ids_[0]}, std::pair{courier_, ids_[1]}}) {
    ASSERT_TRUE(at(actor).set_willing_to_coordinate(partner, true).ok());
  }
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  ASSERT_TRUE(at(retail_).vote_for_coordinator(ids_[0], ids_[1]).ok());
  ASSERT_TRUE(at(courier_).vote_for_coordinator(ids_[1], ids_[0]).ok());
  time_.set("2026-12-01T10:00:00.000Z");
  auto first = at(coordinator_).decide_coordinator_election(1);
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_EQ(first->elected, ids_[0]);  // 1 vote each, no past terms: the lowest id
  EXPECT_EQ(first->result,
            "Retail elected with 1 of 3 member partners' votes; tied with Courier at 1 vote, the fewest past terms tie "
            "too, so the lowest partner id");
  // Retail leaves the willing partners during the next election: its votes no longer count, and Courier is elected.
  ASSERT_TRUE(at(coordinator_).start_voting(1).ok());
  ASSERT_TRUE(at(coordinator_).close_cycle(1).ok());
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  ASSERT_TRUE(at(courier_).vote_for_coordinator(ids_[1], ids_[0]).ok());
  ASSERT_TRUE(at(retail_).vote_for_coordinator(ids_[0], ids_[0]).ok());
  ASSERT_TRUE(at(retail_).set_willing_to_coordinate(ids_[0], false).ok());
  time_.set("2026-12-01T11:00:00.000Z");
  auto second = at(coordinator_).decide_coordinator_election(2);
  ASSERT_TRUE(second.ok()) << second.error().to_string();
  EXPECT_EQ(second->elected, ids_[1]);
  EXPECT_EQ(second->result,
            "Courier elected: no vote counted for a willing partner, so the tie rule chose among every willing partner "
            "(fewest past terms, then the lowest partner id)");
  refused(at(coordinator_).decide_coordinator_election(9), core::ErrorKind::kNotFound, "election");
  refused(at(retail_).decide_coordinator_election(2), core::ErrorKind::kForbidden, "role");
}

}  // namespace
}  // namespace covalue::program::testing
