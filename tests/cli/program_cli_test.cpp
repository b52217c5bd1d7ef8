// The program driven end to end through the covalue binary on a real SQLite file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

using nlohmann::json;

class ProgramCli : public DatabaseCli {
 protected:
  json report(const std::string& args) {
    const std::string out = ok("report " + args + " --format json");
    return json::parse(out, nullptr, false);
  }

  void create_network() {
    ok("network init --name 'Test Chain' --capacity 12 --rule network-fair --sharing shapley --max-dry-spell 2 "
       "--max-deopt-share 0.7");
    ok("partner add Retail --tier retailer");
    ok("partner add Courier --tier last_mile");
    ok("partner add Maker --tier manufacturer");
    ok("partner add Hauler --tier logistics");
    ok("objective add --partner Retail --kpi consumer_satisfaction --baseline 30 --target 50 --unit NPS");
  }

  //! One cycle through the CLI: two proposals, four ballots (approvals, an objection, a ranking,
  //! scores), close, actuals for every selected initiative, review.
  void run_cycle(int cycle) {
    const std::string a = std::to_string(2 * cycle - 1);
    const std::string b = std::to_string(2 * cycle);
    ok("cycle open");
    ok("initiative propose --title 'Lockers " + std::to_string(cycle) +
       "' --proposer Retail --cost 6 --channel consumer_experience --impact Retail=4 --impact Courier=-1 "
       "--impact Maker=2 --volunteer Retail --objective 1");
    ok("initiative propose --title 'Pooling " + std::to_string(cycle) +
       "' --proposer Hauler --cost 5 --impact Courier=3 --impact Hauler=2 --impact Maker=-1/2");
    ok("cycle vote");
    ok("ballot cast --partner Retail --approve " + a);
    ok("ballot cast --partner Courier --approve " + b + " --object " + a + ":'takes our volume'");
    ok("ballot cast --partner Maker --rank " + a + "," + b);
    ok("ballot cast --partner Hauler --score " + b + "=5");
    const json outcome = json::parse(
        ok("cycle close --confirm-low-turnout " + std::to_string(cycle) + " --format json"), nullptr, false);
    ASSERT_TRUE(outcome.contains("decisions")) << outcome.dump();
    for (const json& decision : outcome["decisions"]) {
      if (decision["selected"] == "yes") {
        ok("actuals record --cycle " + std::to_string(cycle) + " --initiative " +
           std::to_string(decision["initiative"].get<int>()) + " --partner Retail --actual 3");
      }
    }
    ok("actuals kpi --cycle " + std::to_string(cycle) + " --objective 1 --value " + std::to_string(30 + 2 * cycle));
    ok("cycle review " + std::to_string(cycle));
  }
};

TEST_F(ProgramCli, EightCyclesEndToEnd) {
  create_network();
  for (int cycle = 1; cycle <= 8; ++cycle) {
    run_cycle(cycle);
  }
  const json network = report("network");
  ASSERT_EQ(network["cycles"].size(), 8U) << network.dump();
  for (const json& row : network["cycles"]) {
    EXPECT_EQ(row["state"], "reviewed");
  }
  const json fairness = report("fairness");
  EXPECT_TRUE(fairness["summary"].contains("gini_net_value")) << fairness.dump();
  EXPECT_LE(fairness["summary"]["largest_dry_spell"].get<int>(), 2);
  const json engagement = report("engagement");
  ASSERT_EQ(engagement["partners"].size(), 4U) << engagement.dump();
  for (const json& row : engagement["partners"]) {
    EXPECT_EQ(row["ballots_cast"], 8);
    EXPECT_EQ(row["ballots_missed"], 0);
  }
  const json partner = report("partner Courier");
  EXPECT_FALSE(partner["partners"].empty());
  const std::string csv = ok("report partner --format csv");
  EXPECT_EQ(csv.rfind("partner", 0), 0U) << csv;
  const json kpi = report("kpi");
  EXPECT_EQ(kpi["objectives"].size(), 1U) << kpi.dump();
}

TEST_F(ProgramCli, BadInputNamesTheFieldAndChangesNothing) {
  create_network();
  ok("cycle open");
  const std::string before = ok("partner list --format json");
  CommandResult result = run("partner add Retail --tier retailer");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("name"), std::string::npos) << result.err;
  result = run("initiative propose --title X --proposer Nobody --cost 3");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("--proposer"), std::string::npos) << result.err;
  result = run("initiative propose --title X --proposer Retail --cost 13");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("cost"), std::string::npos) << result.err;
  result = run("initiative propose --title X --proposer Retail --cost abc");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("--cost"), std::string::npos) << result.err;
  result = run("partner add Other --tier wholesaler");
  EXPECT_EQ(result.exit_code, 2);  // an unknown name in a flag is a command-line error, as for every enum flag
  EXPECT_NE(result.err.find("--tier"), std::string::npos) << result.err;
  result = run("ballot cast --partner Retail --approve 1");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("cycle 1 is still proposing; voting starts with `covalue cycle vote`"), std::string::npos)
      << result.err;  // the program's error, and the CLI's hint
  EXPECT_EQ(ok("partner list --format json"), before);
  EXPECT_EQ(run("report cycle 7").exit_code, 1);
  EXPECT_EQ(run("initiative list").exit_code, 0);
}

TEST_F(ProgramCli, CommandsWithoutANetworkSayWhatToDo) {
  CommandResult result = run("partner list");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("network init"), std::string::npos) << result.err;
}

TEST_F(ProgramCli, DemoBuildsEightCyclesAndShowsItsReports) {
  CommandResult result = run_covalue("demo --replace --db " + db_);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("report fairness"), std::string::npos);
  EXPECT_NE(result.out.find("report engagement"), std::string::npos);
  const json network = report("network");
  EXPECT_EQ(network["cycles"].size(), 8U);
  const json engagement = report("engagement");
  EXPECT_GE(engagement["partners"].size(), 12U);
  EXPECT_EQ(run_covalue("demo --db " + db_).exit_code, 1);  // refuses to build over an existing network
}

}  // namespace
}  // namespace covalue::testing
