// `covalue charter propose|revise|position|decide|proposals|willing|coordination` on a real database file (issue 14
// item 4): a network switched to consent decides a capacity change; the objection needs a reason; the window passes
// on the real clock (2 seconds) and `scheduler run-once` decides it; bad input exits 1 naming the field.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

using CharterProposalsCli = DatabaseCli;
using nlohmann::json;

TEST_F(CharterProposalsCli, ThePartnersDecideACapacityChangeByConsent) {
  ok("network init --name Chain --capacity 40");
  ok("partner add Mill");
  ok("partner add Farm");
  CommandResult refused = run("charter propose --capacity 50 --rationale More");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("amendment_rule"), std::string::npos) << refused.err;

  ok("network update --amendment-rule consent --amendment-window-hours 1/1800");  // 2 seconds
  EXPECT_EQ(json::parse(ok("network show --format json"))["summary"]["amendment_rule"], "consent");
  refused = run("network update --capacity 60");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("propose"), std::string::npos) << refused.err;

  EXPECT_NE(ok("charter propose --capacity 50 --rationale 'Two partners joined'").find("charter proposal 1 opened"),
            std::string::npos);
  refused = run("charter propose --capacity 55 --rationale Again");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("capacity"), std::string::npos) << refused.err;
  refused = run("charter position 1 --partner Mill --position object");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("reason"), std::string::npos) << refused.err;
  refused = run("charter position 1 --partner Nobody --position agree");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("--partner"), std::string::npos) << refused.err;
  ok("charter position 1 --partner Mill --position object --reason 'Too much work'");
  EXPECT_NE(ok("charter revise 1 --capacity 45 --rationale 'A smaller step'").find("revision 2"), std::string::npos);
  ok("charter position 1 --partner Mill --position agree");
  ok("charter position 1 --partner Farm --position abstain");
  EXPECT_NE(ok("charter proposals --format csv").find("1,open,2,capacity,\"agree 1, abstain 1, object 0\""),
            std::string::npos)
      << ok("charter proposals --format csv");
  refused = run("charter decide 1");
  EXPECT_EQ(refused.exit_code, 1) << "the window is still open";

  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  ok("scheduler run-once");
  const std::string listed = ok("charter proposals --format csv");
  EXPECT_NE(listed.find("1,adopted,2,capacity"), std::string::npos) << listed;
  EXPECT_EQ(json::parse(ok("network show --format json"))["summary"]["capacity"], "45");
  EXPECT_NE(ok("audit list --format csv").find("decide_charter_proposal"), std::string::npos);
}

TEST_F(CharterProposalsCli, WillingPartnersAndWhoCoordinates) {
  ok("network init --name Chain --coordination rotation --coordination-term 2");
  ok("partner add Mill");
  EXPECT_NE(ok("charter willing --partner Mill").find("now willing"), std::string::npos);
  ok("cycle open");
  const json now = json::parse(ok("charter coordination --format json"));
  EXPECT_EQ(now["summary"]["coordinator"], "Mill") << now;
  EXPECT_EQ(now["summary"]["term_cycles"], 2) << now;
  EXPECT_NE(ok("charter willing --partner Mill --off").find("no longer"), std::string::npos);
}

}  // namespace
}  // namespace covalue::testing
