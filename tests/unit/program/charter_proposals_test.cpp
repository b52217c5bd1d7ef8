// Charter proposals and the coordination rotation (issue 14 item 4): the partners decide the charter's changes under
// its amendment rule (consent or a qualified majority), positions until the window ends, the scheduler deciding, bad
// input refused naming the field with nothing stored, and the coordinator role passing between willing partners.
#include <gtest/gtest.h>

#include "roles_fixture.hpp"

namespace covalue::program::testing {
namespace {

class CharterProposals : public RolesFixture {
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
  //! Switches the amendment rule (directly: the rule is coordinator until then).
  void rule(net::AmendmentRule amendment) {
    net::Charter changed = charter();
    changed.amendment_rule = amendment;
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
  CharterProposal proposal(ProposalId id) {
    auto all = at(observer_).charter_proposals();
    EXPECT_TRUE(all.ok());
    for (const CharterProposal& p : *all) {
      if (p.id == id) {
        return p;
      }
    }
    ADD_FAILURE() << "no proposal " << id;
    return {};
  }

  SetClock time_;
  Actor maker_;
};

TEST_F(CharterProposals, UnderTheCoordinatorRuleTheCoordinatorChangesTheCharterDirectly) {
  EXPECT_EQ(charter().amendment_rule, net::AmendmentRule::kCoordinator);
  refused(propose_capacity(retail_, 30), core::ErrorKind::kConflict, "amendment_rule");
  net::Charter changed = charter();
  changed.capacity = 30;
  ASSERT_TRUE(at(coordinator_).update_charter(changed).ok());
  EXPECT_EQ(charter().capacity, 30);
}

TEST_F(CharterProposals, ConsentAdoptsARevisedChangeOnceTheWindowPassesWithoutObjection) {
  rule(net::AmendmentRule::kConsent);
  net::Charter direct = charter();
  direct.capacity = 99;
  refused(at(coordinator_).update_charter(direct), core::ErrorKind::kConflict, "amendment_rule");

  auto opened = propose_capacity(retail_, 30);
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  EXPECT_EQ(opened->fields, std::vector<std::string>{"capacity"});
  EXPECT_EQ(opened->proposer, ids_[0]);
  EXPECT_EQ(opened->window_ends_at, "2026-12-04T09:00:00Z");  // 72 hours, the default window

  refused(at(courier_).take_position(opened->id, ids_[1], Position::kObject, ""), core::ErrorKind::kInvalidInput,
          "reason");
  ASSERT_TRUE(at(courier_).take_position(opened->id, ids_[1], Position::kObject, "Our drivers are booked").ok());
  refused(at(courier_).take_position(opened->id, ids_[0], Position::kAgree, ""), core::ErrorKind::kForbidden,
          "partner");
  refused(at(observer_).take_position(opened->id, ids_[0], Position::kAgree, ""), core::ErrorKind::kForbidden,
          "partner");
  refused(at(courier_).revise_charter_proposal(opened->id, charter(), "x"), core::ErrorKind::kForbidden, "proposal");

  time_.set("2026-12-02T09:00:00.000Z");
  net::Charter smaller = charter();
  smaller.capacity = 25;
  auto revised = at(retail_).revise_charter_proposal(opened->id, smaller, "A smaller step, after Courier's objection.");
  ASSERT_TRUE(revised.ok()) << revised.error().to_string();
  EXPECT_EQ(revised->revision, 2);
  EXPECT_TRUE(revised->positions.empty());
  EXPECT_EQ(revised->window_ends_at, "2026-12-05T09:00:00Z");
  ASSERT_TRUE(at(courier_).take_position(opened->id, ids_[1], Position::kAgree, "").ok());
  ASSERT_TRUE(at(maker_).take_position(opened->id, ids_[2], Position::kAbstain, "").ok());
  EXPECT_EQ(proposal(opened->id).positions.size(), 2U);

  refused(at(coordinator_).decide_charter_proposal(opened->id), core::ErrorKind::kConflict, "proposal");
  time_.set("2026-12-05T09:00:01.000Z");
  refused(at(retail_).take_position(opened->id, ids_[0], Position::kAgree, ""), core::ErrorKind::kConflict, "proposal");
  Actor scheduler = Actor::scheduler();
  auto steps = at(scheduler).run_deadlines();
  ASSERT_TRUE(steps.ok()) << steps.error().to_string();
  const CharterProposal decided = proposal(opened->id);
  EXPECT_EQ(decided.state, ProposalState::kAdopted);
  EXPECT_NE(decided.result.find("no partner objected"), std::string::npos) << decided.result;
  EXPECT_EQ(charter().capacity, 25);
  // From the next cycle opened.
  auto cycle = at(coordinator_).open_cycle();
  ASSERT_TRUE(cycle.ok());
  EXPECT_EQ(cycle->capacity, 25);
  // The audit log shows the proposal, each position and the result.
  auto log = at(coordinator_).audit_log(0, 1000);
  ASSERT_TRUE(log.ok());
  std::string actions;
  std::string decision;
  for (const AuditEntry& entry : *log) {
    actions += entry.action + " ";
    if (entry.action == "decide_charter_proposal") {
      decision = entry.detail;
    }
  }
  for (const char* action : {"propose_charter_change", "take_charter_position", "revise_charter_proposal"}) {
    EXPECT_NE(actions.find(action), std::string::npos) << actions;
  }
  EXPECT_NE(decision.find("\"partner_name\":\"Courier\",\"position\":\"agree\""), std::string::npos) << decision;
  EXPECT_NE(decision.find("\"partner_name\":\"Maker\",\"position\":\"abstain\""), std::string::npos) << decision;
  EXPECT_NE(decision.find("\"state\":\"adopted\""), std::string::npos) << decision;
  refused(at(coordinator_).decide_charter_proposal(opened->id), core::ErrorKind::kConflict, "proposal");
}

TEST_F(CharterProposals, AStandingObjectionRejectsUnderConsent) {
  rule(net::AmendmentRule::kConsent);
  auto opened = propose_capacity(coordinator_, 40);
  ASSERT_TRUE(opened.ok());
  EXPECT_FALSE(opened->proposer.has_value());
  ASSERT_TRUE(at(maker_).take_position(opened->id, ids_[2], Position::kObject, "We cannot staff more").ok());
  ASSERT_TRUE(at(retail_).take_position(opened->id, ids_[0], Position::kAgree, "").ok());
  time_.set("2026-12-04T09:00:00.000Z");
  auto decided = at(coordinator_).decide_charter_proposal(opened->id);
  ASSERT_TRUE(decided.ok()) << decided.error().to_string();
  EXPECT_EQ(decided->state, ProposalState::kRejected);
  EXPECT_NE(decided->result.find("Maker (We cannot staff more)"), std::string::npos) << decided->result;
  EXPECT_EQ(charter().capacity, 20);
}

TEST_F(CharterProposals, AQualifiedMajorityOfThePartnersDecides) {
  net::Charter majority = charter();
  majority.amendment_rule = net::AmendmentRule::kMajority;
  majority.amendment_majority = core::Rational(2, 3);
  majority.amendment_window_hours = 24;
  ASSERT_TRUE(at(coordinator_).update_charter(majority).ok());
  auto first = propose_capacity(retail_, 30);
  ASSERT_TRUE(first.ok());
  net::Charter rules = charter();
  rules.rule = net::SelectionRule::kGreedy;
  auto second = at(courier_).propose_charter_change(rules, "Simpler to explain.");
  ASSERT_TRUE(second.ok()) << second.error().to_string();
  for (const auto& [actor, partner] : {std::pair{retail_, ids_[0]}, std::pair{courier_, ids_[1]}}) {
    ASSERT_TRUE(at(actor).take_position(first->id, partner, Position::kAgree, "").ok());
  }
  ASSERT_TRUE(at(courier_).take_position(second->id, ids_[1], Position::kAgree, "").ok());
  ASSERT_TRUE(at(retail_).take_position(second->id, ids_[0], Position::kAbstain, "").ok());
  time_.set("2026-12-02T09:00:00.000Z");
  ASSERT_TRUE(at(Actor::scheduler()).run_deadlines().ok());
  EXPECT_EQ(proposal(first->id).state, ProposalState::kAdopted);  // 2 of 3 agree: 2/3 needed
  EXPECT_EQ(proposal(second->id).state, ProposalState::kRejected);
  EXPECT_NE(proposal(second->id).result.find("1 of 3 partners agreed, 2/3 needed"), std::string::npos)
      << proposal(second->id).result;
  EXPECT_EQ(charter().capacity, 30);
  EXPECT_EQ(charter().rule, net::SelectionRule::kEqualShares);
}

TEST_F(CharterProposals, BadInputIsRefusedNamingTheFieldAndNothingIsStored) {
  rule(net::AmendmentRule::kConsent);
  auto opened = propose_capacity(retail_, 30);
  ASSERT_TRUE(opened.ok());
  const std::int64_t before = audit_size();
  refused(propose_capacity(courier_, 35), core::ErrorKind::kConflict, "capacity");
  refused(propose_capacity(courier_, 0), core::ErrorKind::kInvalidInput, "capacity");
  net::Charter share = charter();
  share.fairness.max_deopt_share = 2;
  refused(at(courier_).propose_charter_change(share, "Why not."), core::ErrorKind::kInvalidInput,
          "fairness.max_deopt_share");
  net::Charter window = charter();
  window.amendment_window_hours = 0;
  refused(at(courier_).propose_charter_change(window, "Faster."), core::ErrorKind::kInvalidInput,
          "amendment_window_hours");
  refused(at(courier_).propose_charter_change(charter(), "Nothing."), core::ErrorKind::kInvalidInput, "changes");
  net::Charter unit = charter();
  unit.unit = "EUR";
  refused(at(courier_).propose_charter_change(unit, ""), core::ErrorKind::kInvalidInput, "rationale");
  refused(at(courier_).propose_charter_change(unit, std::string("bad\x01text")), core::ErrorKind::kInvalidInput,
          "rationale");
  refused(at(observer_).propose_charter_change(unit, "Observers read."), core::ErrorKind::kForbidden, "role");
  refused(at(retail_).take_position(99, ids_[0], Position::kAgree, ""), core::ErrorKind::kNotFound, "proposal");
  refused(at(retail_).take_position(opened->id, ids_[0], Position::kObject, std::string(2001, 'x')),
          core::ErrorKind::kInvalidInput, "reason");
  EXPECT_EQ(audit_size(), before);
  // A partner that left is no member: its position is refused.
  ASSERT_TRUE(at(coordinator_).leave_partner(ids_[2]).ok());
  refused(at(maker_).take_position(opened->id, ids_[2], Position::kAgree, ""), core::ErrorKind::kConflict, "partner");
  refused(at(Actor::local_operator()).take_position(opened->id, 77, Position::kAgree, ""), core::ErrorKind::kNotFound,
          "partner");
  // Another field is free.
  EXPECT_TRUE(at(courier_).propose_charter_change(unit, "Count in euros.").ok());
}

TEST_F(CharterProposals, EveryPartnersPeopleHearOfAProposalAndItsDecision) {
  rule(net::AmendmentRule::kConsent);
  Person ana;
  ana.name = "Ana";
  ana.partner = ids_[1];
  ana.email = "ana@courier.example";
  ana.role = Role::kRepresentative;
  auto added = at(Actor::local_operator()).add_person(ana);
  ASSERT_TRUE(added.ok());
  auto issued = at(Actor::local_operator()).issue_person_token(added->id, "inbox");
  ASSERT_TRUE(issued.ok());
  auto person = Program::authenticate(*store_, issued->secret);
  ASSERT_TRUE(person.ok());
  auto opened = propose_capacity(retail_, 30);
  ASSERT_TRUE(opened.ok());
  time_.set("2026-12-04T09:00:00.000Z");
  ASSERT_TRUE(at(coordinator_).decide_charter_proposal(opened->id).ok());
  auto inbox = at(*person).inbox(0, 10);
  ASSERT_TRUE(inbox.ok());
  ASSERT_EQ(inbox->items.size(), 2U);
  EXPECT_EQ(inbox->items[0].event.kind, EventKind::kCharterDecided);
  EXPECT_EQ(inbox->items[1].event.kind, EventKind::kCharterProposed);
  const Notification proposed = render_notification(inbox->items[1].event, "Audit");
  EXPECT_EQ(proposed.subject, "Charter proposal 1: capacity 20 to 30");
  const Notification decided = render_notification(inbox->items[0].event, "Audit");
  EXPECT_EQ(decided.subject, "Charter proposal 1 adopted: capacity 20 to 30");
}

TEST_F(CharterProposals, TheCoordinatorRoleRotatesAmongWillingPartnersTermByTerm) {
  net::Charter rotation = charter();
  rotation.coordination = net::Coordination::kRotation;
  ASSERT_TRUE(at(coordinator_).update_charter(rotation).ok());
  refused(at(courier_).set_willing_to_coordinate(ids_[0], true), core::ErrorKind::kForbidden, "partner");
  ASSERT_TRUE(at(retail_).set_willing_to_coordinate(ids_[0], true).ok());
  ASSERT_TRUE(at(courier_).set_willing_to_coordinate(ids_[1], true).ok());
  EXPECT_FALSE(at(observer_).coordination()->current.has_value());
  EXPECT_FALSE(retail_.coordinates());
  refused(at(retail_).open_cycle(), core::ErrorKind::kForbidden, "role");

  const auto next_cycle = [&](net::CycleNumber number) {
    ASSERT_TRUE(at(coordinator_).open_cycle().ok());
    ASSERT_TRUE(at(coordinator_).start_voting(number).ok());
    ASSERT_TRUE(at(coordinator_).close_cycle(number).ok());
  };
  next_cycle(1);
  auto now = at(observer_).coordination();
  ASSERT_TRUE(now.ok() && now->current.has_value());
  EXPECT_EQ(now->current->partner, ids_[0]);
  EXPECT_EQ(now->partner_name, "Retail");
  // Retail's representative, authenticated now, coordinates: it opens the next cycle.
  const Actor retail_now = token(Role::kRepresentative, ids_[0]);
  EXPECT_TRUE(retail_now.coordinates());
  EXPECT_FALSE(token(Role::kRepresentative, ids_[1]).coordinates());
  ASSERT_TRUE(at(retail_now).open_cycle().ok()) << "the coordinating partner runs the cycle";
  EXPECT_EQ(at(observer_).coordination()->current->partner, ids_[1]);  // cycle 2: Courier's term
  EXPECT_FALSE(token(Role::kRepresentative, ids_[0]).coordinates());
  EXPECT_TRUE(token(Role::kRepresentative, ids_[1]).coordinates());
  ASSERT_TRUE(at(courier_).set_willing_to_coordinate(ids_[1], false).ok());
  ASSERT_TRUE(at(coordinator_).start_voting(2).ok());
  ASSERT_TRUE(at(coordinator_).close_cycle(2).ok());
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  EXPECT_EQ(at(observer_).coordination()->current->partner, ids_[0]);  // Courier opted out: Retail again
  EXPECT_EQ(at(observer_).coordination()->willing, std::vector<net::PartnerId>{ids_[0]});
}

}  // namespace
}  // namespace covalue::program::testing
