// Delivery by the lead (issue 14 items 3, 6, 7): a selected initiative's lead posts updates, keeps milestones,
// moves its status and records realised value that a coordinator confirms; nobody else may, bad input names its
// field and stores nothing, and the scheduler tells the lead once when actuals are due.
#include <gtest/gtest.h>

#include <string>

#include "roles_fixture.hpp"

// Drafts name only the members they set (the others keep their defaults), which GCC's -Wextra reports.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace covalue::program::testing {
namespace {

class DeliveryByLead : public RolesFixture {
 protected:
  void SetUp() override {
    RolesFixture::SetUp();
    ASSERT_TRUE(at(coordinator_).open_cycle().ok());
    net::Initiative led = initiative("Shared forecast", ids_[0]);
    led.volunteers = {ids_[0]};
    ASSERT_TRUE(at(retail_).propose(led).ok());
    net::Initiative unwanted = initiative("Gold-plated portal", ids_[1]);
    unwanted.cost = 20;
    ASSERT_TRUE(at(courier_).propose(unwanted).ok());
    ASSERT_TRUE(at(coordinator_).start_voting(1).ok());
    vote(retail_, ids_[0]);
    vote(courier_, ids_[1]);
    auto closed = at(coordinator_).close_cycle(1);
    ASSERT_TRUE(closed.ok()) << closed.error().to_string();
    auto shown = at(observer_).queries().initiative(kLed);
    ASSERT_TRUE(shown.ok());
    ASSERT_EQ(shown->status, net::InitiativeStatus::kSelected);
    ASSERT_EQ(shown->lead, ids_[0]);
    auto other = at(observer_).queries().initiative(kUnwanted);
    ASSERT_TRUE(other.ok());
    ASSERT_NE(other->status, net::InitiativeStatus::kSelected);
  }
  Program at(const Actor& actor) { return Program(*store_, {}, actor, &time_); }
  void vote(const Actor& actor, net::PartnerId partner) {
    net::PartnerBallot ballot;
    ballot.cycle = 1;
    ballot.partner = partner;
    ballot.entries = {{kLed, core::Rational(1)}};
    auto cast = at(actor).cast_ballot(ballot);
    ASSERT_TRUE(cast.ok()) << cast.error().to_string();
  }
  InitiativeProgress progress(net::InitiativeId id = kLed) {
    auto read = at(observer_).queries().initiative_progress(id);
    EXPECT_TRUE(read.ok()) << read.error().to_string();
    return read.ok() ? *read : InitiativeProgress{};
  }
  //! What nothing-stored means here: the same audit log, updates, milestones and lead values.
  std::string stored_state() {
    const InitiativeProgress now = progress();
    return std::to_string(audit_size()) + "/" + std::to_string(now.updates.size()) + "/" +
           std::to_string(now.milestones.size()) + "/" + std::to_string(now.values.size()) + "/" +
           std::string(net::name_of(now.initiative.status));
  }

  static constexpr net::InitiativeId kLed = 1;
  static constexpr net::InitiativeId kUnwanted = 2;
  SetClock time_;
};

void expect_error(const core::Status& status, core::ErrorKind kind, const std::string& where) {
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, kind) << status.error().to_string();
  EXPECT_EQ(status.error().where, where) << status.error().to_string();
}

template <typename T>
void expect_error(const core::Result<T>& result, core::ErrorKind kind, const std::string& where) {
  expect_error(result ? core::Status() : core::Status(result.error()), kind, where);
}

TEST_F(DeliveryByLead, TheLeadPostsUpdatesKeepsMilestonesAndMovesTheStatus) {
  const std::int64_t before = audit_size();
  auto update = at(retail_).post_update(kLed, "The pilot runs in two warehouses.");
  ASSERT_TRUE(update.ok()) << update.error().to_string();
  EXPECT_EQ(update->partner, ids_[0]);
  auto milestone = at(retail_).add_milestone(kLed, "Pilot live", "2027-03-31");
  ASSERT_TRUE(milestone.ok()) << milestone.error().to_string();
  auto second = at(retail_).add_milestone(kLed, "Roll-out", "2027-06-30");
  ASSERT_TRUE(second.ok());
  auto done = at(retail_).change_milestone(kLed, milestone->id, {.done = true});
  ASSERT_TRUE(done.ok()) << done.error().to_string();
  EXPECT_TRUE(done->done);
  EXPECT_EQ(done->done_at, "2026-12-01T09:00:00Z");
  auto renamed = at(retail_).change_milestone(kLed, second->id, {.title = "Roll-out to all sites"});
  ASSERT_TRUE(renamed.ok());
  EXPECT_FALSE(renamed->done);
  auto blocked = at(retail_).set_delivery_status(kLed, net::InitiativeStatus::kBlocked, "waiting for the carrier");
  ASSERT_TRUE(blocked.ok()) << blocked.error().to_string();

  InitiativeProgress shown = progress();
  EXPECT_EQ(shown.initiative.status, net::InitiativeStatus::kBlocked);
  EXPECT_EQ(shown.blocked_reason, "waiting for the carrier");
  EXPECT_EQ(shown.lead_name, "Retail");
  ASSERT_EQ(shown.updates.size(), 2U);  // newest first: the move to blocked, then the text
  EXPECT_EQ(shown.updates[0].status, net::InitiativeStatus::kBlocked);
  EXPECT_EQ(shown.updates[1].text, "The pilot runs in two warehouses.");
  ASSERT_EQ(shown.milestones.size(), 2U);
  EXPECT_EQ(shown.milestones[1].title, "Roll-out to all sites");
  EXPECT_FALSE(shown.may_report);  // the observer reads; it may not report
  EXPECT_EQ(audit_size(), before + 6);

  auto cycle = at(observer_).queries().cycle_progress(1);
  ASSERT_TRUE(cycle.ok()) << cycle.error().to_string();
  EXPECT_EQ(cycle->selected, 1);
  EXPECT_EQ(cycle->blocked, 1);
  EXPECT_EQ(cycle->delivered, 0);
  EXPECT_EQ(cycle->milestones_done, 1);
  EXPECT_EQ(cycle->milestones_total, 2);

  ASSERT_TRUE(at(retail_).remove_milestone(kLed, second->id).ok());
  ASSERT_TRUE(at(coordinator_).set_delivery_status(kLed, net::InitiativeStatus::kDelivered).ok());
  cycle = at(observer_).queries().cycle_progress(1);
  ASSERT_TRUE(cycle.ok());
  EXPECT_EQ(cycle->delivered, 1);
  EXPECT_EQ(cycle->blocked, 0);
  EXPECT_EQ(cycle->milestones_total, 1);
  EXPECT_TRUE(progress().blocked_reason.empty());
}

TEST_F(DeliveryByLead, OnlyTheLeadsRepresentativeOrACoordinatorReports) {
  const std::string before = stored_state();
  for (const Actor* other : {&courier_, &observer_}) {
    expect_error(at(*other).post_update(kLed, "not mine"), core::ErrorKind::kForbidden, "initiative");
    expect_error(at(*other).add_milestone(kLed, "Pilot", "2027-01-31"), core::ErrorKind::kForbidden, "initiative");
    expect_error(at(*other).set_delivery_status(kLed, net::InitiativeStatus::kDelivered), core::ErrorKind::kForbidden,
                 "initiative");
    expect_error(at(*other).record_lead_value({.initiative = kLed, .partner = ids_[1], .actual = core::Rational(9)}),
                 core::ErrorKind::kForbidden, "initiative");
  }
  auto refused = at(courier_).post_update(kLed, "not mine");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("initiative 1"), std::string::npos) << refused.error().message;
  expect_error(at(retail_).confirm_lead_values(kLed), core::ErrorKind::kForbidden, "role");
  EXPECT_EQ(stored_state(), before);
  EXPECT_TRUE(at(coordinator_).post_update(kLed, "The coordinator may report too.").ok());
}

TEST_F(DeliveryByLead, AnInitiativeThatWasNotSelectedHasNoDelivery) {
  const std::string before = stored_state();
  expect_error(at(coordinator_).add_milestone(kUnwanted, "Pilot", "2027-01-31"), core::ErrorKind::kConflict,
               "initiative");
  expect_error(at(coordinator_).post_update(kUnwanted, "news"), core::ErrorKind::kConflict, "initiative");
  expect_error(at(coordinator_).set_delivery_status(kUnwanted, net::InitiativeStatus::kInProgress),
               core::ErrorKind::kConflict, "initiative");
  expect_error(at(courier_).add_milestone(kUnwanted, "Pilot", "2027-01-31"), core::ErrorKind::kForbidden,
               "initiative");  // its proposer does not lead it either
  expect_error(at(coordinator_).add_milestone(99, "Pilot", "2027-01-31"), core::ErrorKind::kNotFound, "initiative");
  expect_error(at(retail_).change_milestone(kLed, 42, {.done = true}), core::ErrorKind::kNotFound, "milestone");
  EXPECT_EQ(stored_state(), before);
}

TEST_F(DeliveryByLead, BadInputNamesItsFieldAndStoresNothing) {
  const std::string before = stored_state();
  for (const char* date : {"2027-02-30", "31/03/2027", "2027-3-31", "", "1999-12-31", "2027-03-31T00:00Z"}) {
    expect_error(at(retail_).add_milestone(kLed, "Pilot", date), core::ErrorKind::kInvalidInput, "due_date");
  }
  expect_error(at(retail_).add_milestone(kLed, "", "2027-03-31"), core::ErrorKind::kInvalidInput, "title");
  expect_error(at(retail_).add_milestone(kLed, "Pilot\x01", "2027-03-31"), core::ErrorKind::kInvalidInput, "title");
  expect_error(at(retail_).add_milestone(kLed, std::string(201, 'x'), "2027-03-31"), core::ErrorKind::kInvalidInput,
               "title");
  expect_error(at(retail_).post_update(kLed, std::string(5001, 'x')), core::ErrorKind::kInvalidInput, "text");
  expect_error(at(retail_).post_update(kLed, ""), core::ErrorKind::kInvalidInput, "text");
  expect_error(at(retail_).set_delivery_status(kLed, net::InitiativeStatus::kBlocked), core::ErrorKind::kInvalidInput,
               "reason");
  expect_error(at(retail_).set_delivery_status(kLed, net::InitiativeStatus::kReviewed), core::ErrorKind::kInvalidInput,
               "status");
  expect_error(at(retail_).record_lead_value({.initiative = kLed, .partner = ids_[0]}), core::ErrorKind::kInvalidInput,
               "actual");
  expect_error(
      at(retail_).record_lead_value({.initiative = kLed, .partner = ids_[0], .actual = core::Rational("10000000000")}),
      core::ErrorKind::kInvalidInput, "actual");
  expect_error(
      at(retail_).record_lead_value({.initiative = kLed, .partner = ids_[0], .forecast = core::Rational("1/3000000")}),
      core::ErrorKind::kInvalidInput, "forecast");
  expect_error(at(retail_).record_lead_value({.initiative = kLed, .partner = 77, .target = core::Rational(1)}),
               core::ErrorKind::kNotFound, "partner");
  EXPECT_EQ(stored_state(), before);
}

TEST_F(DeliveryByLead, ALeadsActualCountsOnlyOnceACoordinatorConfirmsIt) {
  auto recorded = at(retail_).record_lead_value(
      {.initiative = kLed, .partner = ids_[0], .target = core::Rational(5), .forecast = core::Rational(4)});
  ASSERT_TRUE(recorded.ok()) << recorded.error().to_string();
  recorded = at(retail_).record_lead_value({.initiative = kLed, .partner = ids_[0], .actual = core::Rational(7, 2)});
  ASSERT_TRUE(recorded.ok());
  EXPECT_EQ(recorded->target, core::Rational(5));  // kept from the first record
  EXPECT_FALSE(recorded->confirmed);
  EXPECT_EQ(recorded->cycle, 1);
  auto ledger = at(observer_).queries().actuals();
  ASSERT_TRUE(ledger.ok());
  EXPECT_TRUE(ledger->empty());  // not counted yet

  InitiativeProgress shown = progress();
  ASSERT_EQ(shown.values.size(), 2U);  // Retail and Courier have estimates
  EXPECT_EQ(shown.values[0].estimate, core::Rational(3));
  EXPECT_EQ(shown.values[0].unconfirmed, core::Rational(7, 2));
  EXPECT_FALSE(shown.values[0].actual);
  auto for_coordinator = at(coordinator_).queries().initiative_progress(kLed);
  ASSERT_TRUE(for_coordinator.ok());
  EXPECT_TRUE(for_coordinator->may_confirm);

  auto confirmed = at(coordinator_).confirm_lead_values(kLed);
  ASSERT_TRUE(confirmed.ok()) << confirmed.error().to_string();
  ASSERT_EQ(confirmed->size(), 1U);
  ledger = at(observer_).queries().actuals();
  ASSERT_TRUE(ledger.ok());
  ASSERT_EQ(ledger->size(), 1U);
  EXPECT_EQ((*ledger)[0].actual, core::Rational(7, 2));
  EXPECT_EQ((*ledger)[0].target, core::Rational(5));
  shown = progress();
  EXPECT_EQ(shown.values[0].actual, core::Rational(7, 2));
  EXPECT_FALSE(shown.values[0].unconfirmed);
  expect_error(at(coordinator_).confirm_lead_values(kLed), core::ErrorKind::kConflict, "initiative");

  // A coordinator's own record is confirmed at once.
  auto direct =
      at(coordinator_).record_lead_value({.initiative = kLed, .partner = ids_[1], .actual = core::Rational(2)});
  ASSERT_TRUE(direct.ok());
  EXPECT_TRUE(direct->confirmed);
  ledger = at(observer_).queries().actuals();
  ASSERT_TRUE(ledger.ok());
  EXPECT_EQ(ledger->size(), 2U);

  auto leads = at(observer_).queries().partner_leads(ids_[0]);
  ASSERT_TRUE(leads.ok());
  ASSERT_EQ(leads->size(), 1U);
  EXPECT_EQ((*leads)[0].realised, core::Rational(11, 2));
  EXPECT_EQ((*leads)[0].estimated, core::Rational(5));
  auto none = at(observer_).queries().partner_leads(ids_[1]);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(DeliveryByLead, ActualsDueOnceTheNextCycleClosedAreFlaggedAndNotifiedOnce) {
  Person ana;
  ana.name = "Ana";
  ana.partner = ids_[0];
  ana.email = "ana@retail.example";
  ana.role = Role::kRepresentative;
  ASSERT_TRUE(at(coordinator_).add_person(ana).ok());
  auto flagged = at(coordinator_).flag_actuals_due();
  ASSERT_TRUE(flagged.ok());
  EXPECT_EQ(*flagged, 0);  // cycle 1 just closed: not due yet
  auto cycle = at(observer_).queries().cycle_progress(1);
  ASSERT_TRUE(cycle.ok());
  EXPECT_EQ(cycle->actuals_due, 0);

  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  ASSERT_TRUE(at(retail_).propose(initiative("Next step", ids_[0])).ok());
  ASSERT_TRUE(at(coordinator_).start_voting(2).ok());
  ASSERT_TRUE(at(coordinator_).close_cycle(2).ok());
  cycle = at(observer_).queries().cycle_progress(1);
  ASSERT_TRUE(cycle.ok());
  EXPECT_EQ(cycle->actuals_due, 1);
  ASSERT_EQ(cycle->initiatives.size(), 1U);
  EXPECT_TRUE(cycle->initiatives[0].actuals_due);
  EXPECT_TRUE(progress().actuals_due);

  const std::int64_t before = audit_size();
  auto steps = at(Actor::scheduler()).run_deadlines();
  ASSERT_TRUE(steps.ok()) << steps.error().to_string();
  EXPECT_EQ(audit_size(), before + 1);
  auto deliveries = at(coordinator_).deliveries(std::nullopt, 0, 1000);
  ASSERT_TRUE(deliveries.ok());
  std::int64_t due_events = 0;
  for (const Delivery& delivery : *deliveries) {
    auto event = store_->transact([&](StoreSession& session) -> core::Status {
      auto found = session.event(delivery.event);
      if (found.ok() && *found && (*found)->kind == EventKind::kActualsDue) {
        ++due_events;
        EXPECT_EQ((*found)->partner, ids_[0]);
        const Notification shown = render_notification(**found, "Audit");
        EXPECT_EQ(shown.subject, "Actuals due for Shared forecast");
        EXPECT_EQ(shown.link, "/initiatives/1");
      }
      return {};
    });
    ASSERT_TRUE(event.ok());
  }
  EXPECT_EQ(due_events, 2);  // Ana's inbox and her e-mail
  flagged = at(coordinator_).flag_actuals_due();
  ASSERT_TRUE(flagged.ok());
  EXPECT_EQ(*flagged, 0);  // once

  ASSERT_TRUE(
      at(retail_).record_lead_value({.initiative = kLed, .partner = ids_[0], .actual = core::Rational(1)}).ok());
  cycle = at(observer_).queries().cycle_progress(1);
  ASSERT_TRUE(cycle.ok());
  EXPECT_EQ(cycle->actuals_due, 0);
  EXPECT_TRUE(cycle->initiatives[0].actuals_recorded);
  expect_error(at(retail_).flag_actuals_due(), core::ErrorKind::kForbidden, "role");
}

}  // namespace
}  // namespace covalue::program::testing
