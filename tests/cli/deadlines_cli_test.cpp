// A cycle's deadlines from the command line and `covalue scheduler run-once` on a real database file, with
// the real clock (issue 13 item 2): deadlines a couple of seconds ahead, then a pass after they passed.
#include <chrono>
#include <ctime>
#include <string>
#include <thread>

#include "../support/utc_clock.hpp"
#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

//! Waits until the deadlines set `seconds` ahead have passed (with a margin for whole seconds).
void wait_past(int seconds) { std::this_thread::sleep_for(std::chrono::milliseconds(seconds * 1000 + 1200)); }

class DeadlinesCli : public DatabaseCli {
 protected:
  void SetUp() override {
    DatabaseCli::SetUp();
    ok("network init --name North");
    ok("partner add Mill");
    ok("partner add Farm");
  }
  //! What `cycle show` says of cycle 1 (its summary: state, deadlines, ...), as JSON.
  std::string cycle_one() { return ok("cycle show 1 --format json"); }
};

TEST_F(DeadlinesCli, WithTheDefaultRemindTheSchedulerReportsADueCycleAndMovesNothing) {
  const std::string at = utc_in(2);
  EXPECT_NE(ok("cycle open --proposals-close-at " + at).find("proposals close " + at), std::string::npos);
  EXPECT_EQ(ok("scheduler run-once --format csv --table steps"), "network,cycle,deadline,at,action,state\n")
      << "nothing is due before the deadline";
  wait_past(2);
  const std::string due = ok("scheduler run-once --format csv --table steps");
  EXPECT_NE(due.find("North,1,proposals_close_at," + at + ",due: the coordinator moves it"), std::string::npos) << due;
  EXPECT_NE(cycle_one().find("\"state\": \"proposing\""), std::string::npos) << cycle_one();
  EXPECT_EQ(ok("audit list --format csv").find("start_voting"), std::string::npos);
}

TEST_F(DeadlinesCli, WithAutoOnePassStartsTheVoteAndClosesTheCycleAsTheScheduler) {
  ok("network update --deadline-action auto");
  const std::string proposals = utc_in(2);
  const std::string voting = utc_in(3);
  ok("cycle open");
  EXPECT_EQ(ok("cycle deadlines --proposals-close-at " + proposals + " --voting-closes-at " + voting),
            "cycle 1: proposals close " + proposals + "; voting closes " + voting + "\n");
  wait_past(3);
  const std::string steps = ok("scheduler run-once --format csv --table steps");
  EXPECT_NE(steps.find("North,1,proposals_close_at," + proposals + ",moved to voting,voting"), std::string::npos)
      << steps;
  EXPECT_NE(steps.find("North,1,voting_closes_at," + voting + ",closed,closed"), std::string::npos) << steps;
  EXPECT_NE(cycle_one().find("\"state\": \"closed\""), std::string::npos) << cycle_one();
  const std::string audit = ok("audit list --format csv");
  EXPECT_NE(audit.find(",scheduler,start_voting,"), std::string::npos) << audit;
  EXPECT_NE(audit.find(",scheduler,close_cycle,"), std::string::npos) << audit;
  ok("audit verify");
  EXPECT_EQ(ok("scheduler run-once --format csv --table steps"), "network,cycle,deadline,at,action,state\n")
      << "a closed cycle is never acted on again";
}

TEST_F(DeadlinesCli, BadDeadlinesGetAClearErrorAndChangeNothing) {
  ok("cycle open --proposals-close-at 2099-01-02T00:00Z");
  const struct {
    std::string args;
    const char* says;
  } cases[] = {
      {"cycle deadlines --proposals-close-at 2020-01-01T00:00Z", "proposals_close_at: the deadline 2020-01-01"},
      {"cycle deadlines --voting-closes-at tomorrow", "voting_closes_at: not a time"},
      {"cycle deadlines --voting-closes-at 2099-01-01T00:00Z", "voting must close after proposals close"},
      {"cycle deadlines --proposals-close-at 2099-01-02T00:00", "proposals_close_at: a time without its offset"},
      {"cycle deadlines", "give --proposals-close-at or --voting-closes-at"},
      {"cycle vote --closes-at 1999-12-31T23:00Z", "closes_at"},
  };
  for (const auto& [args, says] : cases) {
    const CommandResult result = run(args);
    EXPECT_NE(result.exit_code, 0) << args;
    EXPECT_NE(result.err.find(says), std::string::npos) << args << "\n" << result.err;
  }
  const std::string shown = cycle_one();
  EXPECT_NE(shown.find("\"state\": \"proposing\""), std::string::npos) << "the failed vote changed nothing";
  EXPECT_NE(shown.find("\"proposals_close_at\": \"2099-01-02T00:00:00Z\""), std::string::npos) << shown;
  ok("cycle deadlines --proposals-close-at none");
  EXPECT_EQ(cycle_one().find("proposals_close_at"), std::string::npos) << "none removes a deadline";
}

}  // namespace
}  // namespace covalue::testing
