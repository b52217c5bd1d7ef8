// A cycle's deadlines and the scheduler's pass: times read in every accepted form, deadlines checked
// against the program's clock, and the pass moving the cycle (auto) or reporting it due (remind).
#include <gtest/gtest.h>

#include "covalue/program/utc_time.hpp"
#include "roles_fixture.hpp"

namespace covalue::program::testing {
namespace {

TEST(UtcTime, ReadsEveryAcceptedFormAndWritesOneCanonicalForm) {
  const auto read = [](const char* text) {
    auto moment = parse_utc(text, "at");
    EXPECT_TRUE(moment.ok()) << text << ": " << moment.error().to_string();
    return moment.ok() ? format_utc(*moment) : std::string();
  };
  EXPECT_EQ(read("2026-12-10T17:00Z"), "2026-12-10T17:00:00Z");
  EXPECT_EQ(read("2026-12-10T17:00:05Z"), "2026-12-10T17:00:05Z");
  EXPECT_EQ(read("2026-12-10T17:00:05.123Z"), "2026-12-10T17:00:05Z");
  EXPECT_EQ(read("2026-12-10t17:00z"), "2026-12-10T17:00:00Z");
  EXPECT_EQ(read("2026-12-10T18:30+01:30"), "2026-12-10T17:00:00Z");
  EXPECT_EQ(read("2026-12-10T01:00-05:00"), "2026-12-10T06:00:00Z");
  EXPECT_EQ(read("2028-02-29T00:00Z"), "2028-02-29T00:00:00Z");
  EXPECT_EQ(read("2027-01-01T00:30+01:00"), "2026-12-31T23:30:00Z");  // across a year
  EXPECT_FALSE(parse_utc("1970-01-01T00:00Z", "at").ok());            // outside the years 2000 to 9999
}

TEST(UtcTime, RefusesWhatIsNotAMomentNamingWhere) {
  for (const char* bad :
       {"", "tomorrow", "2026-12-10", "2026-12-10T17:00", "2026-12-10T17:00+1", "2026-12-10T24:00Z",
        "2026-02-29T10:00Z", "2026-13-01T10:00Z", "2026-12-10T17:00Zjunk", "2026-12-10T17:60Z", "2026-12-10T17:00:00.Z",
        "1999-12-31T23:59Z", "2026-12-10T17:00+24:00", "2026-12-10\x01T17:00Z", "2026-12-10T17:00:00.1234567890Z"}) {
    auto moment = parse_utc(bad, "voting_closes_at");
    ASSERT_FALSE(moment.ok()) << bad;
    EXPECT_EQ(moment.error().kind, core::ErrorKind::kInvalidInput) << bad;
    EXPECT_EQ(moment.error().where, "voting_closes_at") << bad;
    EXPECT_NE(moment.error().message.find("2026-12-10T17:00Z"), std::string::npos) << moment.error().message;
  }
  EXPECT_FALSE(parse_utc(std::string(100, '2'), "at").ok());
}

class Deadlines : public RolesFixture {
 protected:
  Program coordinator() { return Program(*store_, {}, coordinator_, &time_); }
  Program scheduler() {
    Actor actor;
    actor.name = "scheduler";  // the operator's role
    return Program(*store_, {}, actor, &time_);
  }
  void set_action(net::DeadlineAction action) {
    auto charter = as(Actor::local_operator()).queries().network();
    ASSERT_TRUE(charter.ok());
    charter->deadline_action = action;
    ASSERT_TRUE(as(Actor::local_operator()).update_charter(*charter).ok());
  }
  net::Cycle current() {
    auto cycles = as(observer_).queries().cycles();
    EXPECT_TRUE(cycles.ok() && !cycles->empty());
    return cycles.ok() && !cycles->empty() ? cycles->back() : net::Cycle{};
  }

  SetClock time_;
};

TEST_F(Deadlines, AnOpenedCycleKeepsItsDeadlinesInCanonicalForm) {
  auto opened = coordinator().open_cycle(
      {.proposals_close_at = "2026-12-05T17:00+01:00", .voting_closes_at = "2026-12-10T17:00Z"});
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  EXPECT_EQ(current().proposals_close_at, "2026-12-05T16:00:00Z");
  EXPECT_EQ(current().voting_closes_at, "2026-12-10T17:00:00Z");
  auto log = as(Actor::local_operator()).audit_log(0, 1000);
  ASSERT_TRUE(log.ok());
  EXPECT_NE(log->back().detail.find("\"voting_closes_at\":\"2026-12-10T17:00:00Z\""), std::string::npos)
      << log->back().detail;
}

TEST_F(Deadlines, BadDeadlinesAreRefusedAndChangeNothing) {
  const auto refused = [](const core::Result<net::Cycle>& result, core::ErrorKind kind, const std::string& where,
                          const std::string& words) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, kind);
    EXPECT_EQ(result.error().where, where);
    EXPECT_NE(result.error().message.find(words), std::string::npos) << result.error().message;
  };
  const std::int64_t before = audit_size();
  refused(coordinator().open_cycle({.proposals_close_at = "2026-12-01T08:59Z", .voting_closes_at = std::nullopt}),
          core::ErrorKind::kInvalidInput, "proposals_close_at", "has passed already");
  refused(
      coordinator().open_cycle({.proposals_close_at = "2026-12-05T00:00Z", .voting_closes_at = "2026-12-04T00:00Z"}),
      core::ErrorKind::kInvalidInput, "voting_closes_at", "after proposals close");
  refused(coordinator().open_cycle({.proposals_close_at = std::nullopt, .voting_closes_at = "next week"}),
          core::ErrorKind::kInvalidInput, "voting_closes_at", "expected a UTC time");
  EXPECT_EQ(audit_size(), before);
  auto forbidden = Program(*store_, {}, retail_, &time_).open_cycle({});
  ASSERT_FALSE(forbidden.ok());
  EXPECT_EQ(forbidden.error().kind, core::ErrorKind::kForbidden);

  ASSERT_TRUE(coordinator().open_cycle({}).ok());
  ASSERT_TRUE(coordinator().start_voting(1, "2026-12-10T17:00Z").ok());
  refused(coordinator().set_deadlines(1, {.proposals_close_at = "2026-12-09T00:00Z", .voting_closes_at = std::nullopt}),
          core::ErrorKind::kConflict, "proposals_close_at", "proposals have closed");
  refused(Program(*store_, {}, retail_, &time_).set_deadlines(1, {}), core::ErrorKind::kForbidden, "role", "");
  ASSERT_TRUE(coordinator().close_cycle(1).ok());
  refused(coordinator().set_deadlines(1, {.proposals_close_at = std::nullopt, .voting_closes_at = "2026-12-11T00:00Z"}),
          core::ErrorKind::kConflict, "cycle", "can no longer change");
  EXPECT_EQ(current().voting_closes_at, "2026-12-10T17:00:00Z");
}

TEST_F(Deadlines, ADeadlineIsMovedRemovedOrKeptAfterItPassed) {
  ASSERT_TRUE(
      coordinator().open_cycle({.proposals_close_at = "2026-12-02T00:00Z", .voting_closes_at = std::nullopt}).ok());
  time_.set("2026-12-03T00:00:00.000Z");  // proposals' deadline passed: the coordinator may still set voting's
  auto kept =
      coordinator().set_deadlines(1, {.proposals_close_at = std::nullopt, .voting_closes_at = "2026-12-09T00:00Z"});
  ASSERT_TRUE(kept.ok()) << kept.error().to_string();
  EXPECT_EQ(kept->proposals_close_at, "2026-12-02T00:00:00Z");
  auto moved = coordinator().set_deadlines(1, {.proposals_close_at = "2026-12-04T00:00Z", .voting_closes_at = ""});
  ASSERT_TRUE(moved.ok()) << moved.error().to_string();
  EXPECT_EQ(current().proposals_close_at, "2026-12-04T00:00:00Z");
  EXPECT_EQ(current().voting_closes_at, "");
}

TEST_F(Deadlines, TheSchedulerRemindsByDefaultAndLeavesTheCycleAlone) {
  ASSERT_TRUE(
      coordinator().open_cycle({.proposals_close_at = "2026-12-02T00:00Z", .voting_closes_at = std::nullopt}).ok());
  auto early = scheduler().run_deadlines();
  ASSERT_TRUE(early.ok());
  EXPECT_TRUE(early->empty());  // not yet
  time_.set("2026-12-02T00:00:00.000Z");
  auto due = scheduler().run_deadlines();
  ASSERT_TRUE(due.ok()) << due.error().to_string();
  ASSERT_EQ(due->size(), 1U);
  EXPECT_EQ((*due)[0].deadline, "proposals_close_at");
  EXPECT_FALSE((*due)[0].moved);
  EXPECT_EQ(current().state, net::CycleState::kProposing);
  auto refused = Program(*store_, {}, observer_, &time_).run_deadlines();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kForbidden);
}

TEST_F(Deadlines, OnAutoTheSchedulerStartsTheVoteThenClosesTheCycle) {
  set_action(net::DeadlineAction::kAuto);
  ASSERT_TRUE(coordinator()
                  .open_cycle({.proposals_close_at = "2026-12-02T00:00Z", .voting_closes_at = "2026-12-03T00:00Z"})
                  .ok());
  ASSERT_TRUE(coordinator().propose(initiative("Shared forecast", ids_[0])).ok());
  time_.set("2026-12-02T12:00:00.000Z");
  auto voted = scheduler().run_deadlines();
  ASSERT_TRUE(voted.ok()) << voted.error().to_string();
  ASSERT_EQ(voted->size(), 1U);
  EXPECT_TRUE((*voted)[0].moved);
  EXPECT_EQ(current().state, net::CycleState::kVoting);
  EXPECT_TRUE(scheduler().run_deadlines()->empty());  // voting's deadline has not passed
  net::PartnerBallot ballot;
  ballot.cycle = 1;
  ballot.partner = ids_[0];
  ballot.entries = {{1, core::Rational(1)}};
  ASSERT_TRUE(Program(*store_, {}, retail_, &time_).cast_ballot(ballot).ok());
  time_.set("2026-12-03T00:00:00.000Z");
  auto closed = scheduler().run_deadlines();
  ASSERT_TRUE(closed.ok()) << closed.error().to_string();
  ASSERT_EQ(closed->size(), 1U);
  EXPECT_EQ((*closed)[0].state, net::CycleState::kClosed);
  EXPECT_EQ(current().state, net::CycleState::kClosed);
  auto outcome = as(observer_).queries().outcome(1);
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  auto log = as(Actor::local_operator()).audit_log(0, 1000);
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log->back().action, "close_cycle");
  EXPECT_EQ(log->back().actor, "scheduler");
}

TEST_F(Deadlines, ASchedulerAwayPastBothDeadlinesCatchesUpInOnePass) {
  set_action(net::DeadlineAction::kAuto);
  ASSERT_TRUE(coordinator()
                  .open_cycle({.proposals_close_at = "2026-12-02T00:00Z", .voting_closes_at = "2026-12-03T00:00Z"})
                  .ok());
  time_.set("2026-12-20T00:00:00.000Z");
  auto steps = scheduler().run_deadlines();
  ASSERT_TRUE(steps.ok()) << steps.error().to_string();
  ASSERT_EQ(steps->size(), 2U);
  EXPECT_EQ((*steps)[0].state, net::CycleState::kVoting);
  EXPECT_EQ((*steps)[1].state, net::CycleState::kClosed);
  EXPECT_TRUE(scheduler().run_deadlines()->empty());  // a closed cycle has nothing due
}

}  // namespace
}  // namespace covalue::program::testing
