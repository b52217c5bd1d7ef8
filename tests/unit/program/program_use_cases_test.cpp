#include <gtest/gtest.h>

#include <memory>

#include "covalue/adapters/cbc/cbc_solver.hpp"
#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/program/program.hpp"

namespace covalue::program {
namespace {

namespace net = core::network;

bool same_state(const Snapshot& a, const Snapshot& b) {
  return a.charter == b.charter && a.partners == b.partners && a.objectives == b.objectives &&
         a.initiatives == b.initiatives && a.cycles == b.cycles && a.ballots == b.ballots && a.outcomes == b.outcomes &&
         a.realised == b.realised && a.kpis == b.kpis;
}

class ProgramUseCases : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = adapters::sqlite::open_sqlite_store(":memory:");
    ASSERT_TRUE(store.ok()) << store.error().to_string();
    store_ = std::move(*store);
    net::DecisionTools tools;
    tools.solver = &solver_;
    program_ = std::make_unique<Program>(*store_, tools);
    net::Charter charter;
    charter.name = "Test Network";
    charter.capacity = 20;
    ASSERT_TRUE(program_->init_network(charter).ok());
    for (const char* name : {"Retail", "Courier", "Maker"}) {
      auto partner = program_->add_partner(name, net::Tier::kRetailer);
      ASSERT_TRUE(partner.ok());
      ids_.push_back(partner->id);
    }
  }

  net::Initiative initiative(const std::string& title, int cost) const {
    net::Initiative i;
    i.title = title;
    i.proposer = ids_[0];
    i.cost = cost;
    i.impacts = {{ids_[0], 5}, {ids_[1], -1}, {ids_[2], 2}};
    return i;
  }

  //! Opens cycle 1 with two initiatives and starts voting.
  void open_and_vote() {
    ASSERT_TRUE(program_->open_cycle().ok());
    auto a = program_->propose(initiative("Lockers", 8));
    auto b = program_->propose(initiative("Tracking", 6));
    ASSERT_TRUE(a.ok() && b.ok());
    first_ = a->id;
    ASSERT_TRUE(program_->start_voting(1).ok());
  }

  //! Runs `change`, expects it to fail with `kind` naming `field`, and the store to be unchanged.
  void expect_rejected(const std::function<core::Error()>& change, core::ErrorKind kind, const std::string& field) {
    auto before = program_->snapshot();
    ASSERT_TRUE(before.ok());
    const core::Error error = change();
    EXPECT_EQ(error.kind, kind) << error.to_string();
    EXPECT_NE(error.to_string().find(field), std::string::npos) << error.to_string();
    auto after = program_->snapshot();
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(same_state(*before, *after)) << "the store changed after: " << error.to_string();
  }

  adapters::cbc::CbcSolver solver_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Program> program_;
  std::vector<net::PartnerId> ids_;
  net::InitiativeId first_{0};
};

template <typename T>
core::Error error_of(const core::Result<T>& result) {
  return result.ok() ? core::Error{core::ErrorKind::kInternal, "unexpectedly succeeded", ""} : result.error();
}
core::Error error_of(const core::Status& status) {
  return status.ok() ? core::Error{core::ErrorKind::kInternal, "unexpectedly succeeded", ""} : status.error();
}

TEST_F(ProgramUseCases, UnknownPartnerAndInitiative) {
  open_and_vote();
  expect_rejected([&] { return error_of(program_->leave_partner(999)); }, core::ErrorKind::kNotFound, "partner");
  expect_rejected([&] { return error_of(program_->withdraw(999)); }, core::ErrorKind::kNotFound, "initiative");
  expect_rejected(
      [&] {
        return error_of(program_->cast_ballot({1, 999, net::BallotFormat::kApprovals, {}, {}}));
      },
      core::ErrorKind::kNotFound, "partner");
  expect_rejected(
      [&] {
        return error_of(program_->cast_ballot({1, ids_[0], net::BallotFormat::kApprovals, {{999, 1}}, {}}));
      },
      core::ErrorKind::kNotFound, "entries[0]");
}

TEST_F(ProgramUseCases, BallotAfterCloseIsRefused) {
  open_and_vote();
  ASSERT_TRUE(program_->cast_ballot({1, ids_[0], net::BallotFormat::kApprovals, {{first_, 1}}, {}}).ok());
  ASSERT_TRUE(program_->close_cycle(1).ok());
  expect_rejected(
      [&] {
        return error_of(program_->cast_ballot({1, ids_[1], net::BallotFormat::kApprovals, {{first_, 1}}, {}}));
      },
      core::ErrorKind::kConflict, "cycle");
}

TEST_F(ProgramUseCases, BallotFromAPartnerWhoLeftIsRefused) {
  open_and_vote();
  ASSERT_TRUE(program_->leave_partner(ids_[1]).ok());
  expect_rejected(
      [&] {
        return error_of(program_->cast_ballot({1, ids_[1], net::BallotFormat::kApprovals, {{first_, 1}}, {}}));
      },
      core::ErrorKind::kConflict, "left the network");
}

TEST_F(ProgramUseCases, ImpactForANonMemberIsRefused) {
  ASSERT_TRUE(program_->leave_partner(ids_[2]).ok());
  net::Initiative i = initiative("Cross-dock", 5);
  expect_rejected([&] { return error_of(program_->propose(i)); }, core::ErrorKind::kConflict, "impacts[2].partner");
  i.impacts.push_back({4242, 1});
  i.impacts.erase(i.impacts.begin() + 2);
  expect_rejected([&] { return error_of(program_->propose(i)); }, core::ErrorKind::kNotFound, "impacts[2].partner");
}

TEST_F(ProgramUseCases, CapacityMustBePositive) {
  net::Charter charter;
  charter.name = "Other";
  charter.capacity = 0;
  expect_rejected([&] { return error_of(program_->update_charter(charter)); }, core::ErrorKind::kInvalidInput,
                  "capacity");
  charter.capacity = -3;
  expect_rejected([&] { return error_of(program_->update_charter(charter)); }, core::ErrorKind::kInvalidInput,
                  "capacity");
}

TEST_F(ProgramUseCases, DuplicateNamesAreRefused) {
  expect_rejected([&] { return error_of(program_->add_partner("Retail", net::Tier::kOther)); },
                  core::ErrorKind::kConflict, "name");
  ASSERT_TRUE(program_->propose(initiative("Lockers", 8)).ok());
  expect_rejected([&] { return error_of(program_->propose(initiative("Lockers", 3))); }, core::ErrorKind::kConflict,
                  "title");
  net::Charter charter;
  charter.name = "Again";
  expect_rejected([&] { return error_of(program_->init_network(charter)); }, core::ErrorKind::kConflict, "network");
}

TEST_F(ProgramUseCases, InitiativeCostingMoreThanTheCapacityIsRefused) {
  expect_rejected([&] { return error_of(program_->propose(initiative("Huge", 21))); }, core::ErrorKind::kInvalidInput,
                  "cost");
  expect_rejected([&] { return error_of(program_->propose(initiative("Free", 0))); }, core::ErrorKind::kInvalidInput,
                  "cost");
}

TEST_F(ProgramUseCases, ReCastReplacesTheBallotAndCloseRecordsTheOutcome) {
  open_and_vote();
  ASSERT_TRUE(program_->cast_ballot({1, ids_[0], net::BallotFormat::kApprovals, {{first_, 1}}, {}}).ok());
  ASSERT_TRUE(program_->cast_ballot({1, ids_[0], net::BallotFormat::kApprovals, {{first_ + 1, 1}}, {}}).ok());
  auto snapshot = program_->snapshot();
  ASSERT_TRUE(snapshot.ok());
  ASSERT_EQ(snapshot->ballots.size(), 1U);
  EXPECT_EQ(snapshot->ballots[0].entries[0].initiative, first_ + 1);
  auto outcome = program_->close_cycle(1);
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  snapshot = program_->snapshot();
  ASSERT_TRUE(snapshot.ok());
  EXPECT_EQ(snapshot->cycles[0].state, net::CycleState::kClosed);
  ASSERT_EQ(snapshot->outcomes.size(), 1U);
  EXPECT_EQ(snapshot->outcomes[0], *outcome);
  const net::Initiative* chosen = snapshot->find_initiative(first_ + 1);
  EXPECT_EQ(chosen->status, net::InitiativeStatus::kSelected);
  EXPECT_TRUE(chosen->lead.has_value());
}

TEST_F(ProgramUseCases, CycleStateMachineIsEnforced) {
  expect_rejected([&] { return error_of(program_->start_voting(1)); }, core::ErrorKind::kNotFound, "cycle");
  ASSERT_TRUE(program_->open_cycle().ok());
  expect_rejected([&] { return error_of(program_->open_cycle()); }, core::ErrorKind::kConflict, "cycle");
  expect_rejected([&] { return error_of(program_->close_cycle(1)); }, core::ErrorKind::kConflict, "cycle");
  expect_rejected(
      [&] {
        return error_of(program_->cast_ballot({1, ids_[0], net::BallotFormat::kApprovals, {}, {}}));
      },
      core::ErrorKind::kConflict, "cycle");
  expect_rejected([&] { return error_of(program_->record_kpi({1, 1, 3})); }, core::ErrorKind::kConflict, "cycle");
}

}  // namespace
}  // namespace covalue::program
