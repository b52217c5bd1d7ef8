// `covalue charter withdraw|vote|elections|elect` on a real database file (what remained of issue 14): a proposal
// withdrawn by the operator frees its field; under coordination election, opening a cycle opens the election, the
// partners vote, the window passes on the real clock (2 seconds) and `scheduler run-once` decides it; bad input exits
// 1 naming the flag.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

using ElectionCli = DatabaseCli;
using nlohmann::json;

TEST_F(ElectionCli, AWithdrawnProposalFreesItsField) {
  ok("network init --name Chain --capacity 40 --amendment-rule consent");
  ok("partner add Mill");
  ok("charter propose --capacity 50 --rationale 'Two partners joined'");
  EXPECT_NE(ok("charter withdraw 1").find("charter proposal 1 withdrawn by a coordinator before the decision"),
            std::string::npos);
  CommandResult refused = run("charter withdraw 1");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("withdrawn already"), std::string::npos) << refused.err;
  refused = run("charter withdraw 9");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("no charter proposal with id 9"), std::string::npos) << refused.err;
  EXPECT_NE(ok("charter proposals --format csv").find("1,withdrawn,1,capacity"), std::string::npos);
  ok("charter propose --capacity 45 --rationale 'A smaller step'");
}

TEST_F(ElectionCli, ThePartnersElectTheCoordinatorAndTheSchedulerDecides) {
  ok("network init --name Chain --coordination election --amendment-window-hours 1/1800");  // 2 seconds
  ok("partner add Mill");
  ok("partner add Farm");
  ok("partner add Port");
  ok("charter willing --partner Mill");
  ok("charter willing --partner Farm");
  CommandResult refused = run("charter vote --partner Port --for Mill");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("no coordinator election is open"), std::string::npos) << refused.err;
  ok("cycle open");
  refused = run("charter vote --partner Port --for Port");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("--for"), std::string::npos) << refused.err;
  refused = run("charter vote --partner Nobody --for Mill");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("--partner"), std::string::npos) << refused.err;
  EXPECT_NE(ok("charter vote --partner Port --for Farm").find("votes for partner 2 in coordinator election 1"),
            std::string::npos);
  ok("charter vote --partner Mill --for Farm");
  refused = run("charter elect 1");
  EXPECT_EQ(refused.exit_code, 1) << "the window is still open";

  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  ok("scheduler run-once");
  const std::string listed = ok("charter elections --format csv");
  EXPECT_NE(listed.find("1,1,decided"), std::string::npos) << listed;
  EXPECT_NE(listed.find("Farm elected with 2 of 3 member partners' votes"), std::string::npos) << listed;
  const json now = json::parse(ok("charter coordination --format json"));
  EXPECT_EQ(now["summary"]["coordinator"], "Farm") << now;
  EXPECT_EQ(now["summary"]["mode"], "election") << now;
  EXPECT_NE(ok("audit list --format csv").find("decide_coordinator_election"), std::string::npos);
}

}  // namespace
}  // namespace covalue::testing
