// The command families that became leaf rows of the command table (pb, rank, initiative, cycle,
// ballot): what they print, on which stream, and their exit codes, through the covalue binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

using nlohmann::json;

TEST(LeafRowsCli, AGroupWithoutItsCommandIsAUsageErrorThatSaysSo) {
  for (const char* group : {"pb", "initiative", "cycle", "ballot"}) {
    const CommandResult result = run_covalue(group);
    EXPECT_EQ(result.exit_code, 2) << group;
    EXPECT_NE(result.err.find("A subcommand is required"), std::string::npos) << group << ": " << result.err;
  }
}

TEST(LeafRowsCli, PbCheckPrintsItsSummaryOnStdoutAndEachProblemOnStderr) {
  const TempDir dir;
  const std::string file = dir.write("short.pb",
                                     "META\nkey;value\nnum_projects;2\nbudget;10\nvote_type;approval\nnum_votes;1\n"
                                     "PROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n1;1\n");
  const CommandResult result = run_covalue("pb check " + file);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, file + ": 1 projects, 1 votes (approval), budget 10\n1 problem(s) found\n");
  EXPECT_EQ(result.err, file + ":3:14: num_projects is 2 but PROJECTS has 1 rows\n");
}

constexpr const char* kProposeLockers =
    "initiative propose --title Lockers --proposer Retail --cost 6 --channel sales --impact Retail=4 "
    "--impact Courier=-1 --volunteer Retail --description 'pick-up points'";

//! A network with three partners and cycle 1 proposing: Lockers (1) and Labels (2), Labels withdrawn.
class InitiativeRowsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* args :
         {"network init --name Chain --capacity 20", "partner add Retail --tier retailer",
          "partner add Courier --tier last_mile", "partner add Maker --tier manufacturer", "cycle open",
          kProposeLockers, "initiative propose --title Labels --proposer 3 --cost 3 --impact Maker=1",
          "initiative withdraw 2"}) {
      const CommandResult result = run(args);
      ASSERT_EQ(result.exit_code, 0) << args << "\n" << result.err;
    }
  }
  CommandResult run(const std::string& args) { return run_covalue(args + " --db " + db_); }

  TempDir dir_;
  std::string db_{dir_.file("network.db")};
};

TEST_F(InitiativeRowsCli, ListFiltersByStatusAndCycleWithItsColumns) {
  const CommandResult all = run("initiative list --format csv");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(all.out,
            "id,title,channel,proposer,cost,network_value,status,cycle,lead\n"
            "1,Lockers,sales,Retail,6,3,proposed,1,\n"
            "2,Labels,supply_chain,Maker,3,1,withdrawn,1,\n");
  const json withdrawn = json::parse(run("initiative list --status withdrawn --format json").out);
  ASSERT_EQ(withdrawn.at("initiatives").size(), 1U) << withdrawn.dump();
  EXPECT_EQ(withdrawn.at("initiatives")[0].at("id"), 2);
  EXPECT_EQ(json::parse(run("initiative list --cycle 2 --format json").out).at("initiatives").size(), 0U);
  const CommandResult unknown = run("initiative list --status moon");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("--status: unknown initiative status 'moon' (expected one of: proposed, selected,"),
            std::string::npos)
      << unknown.err;
}

//! `initiative show 1` in InitiativeRowsCli: the summary is a row of the listing, its description after the title.
constexpr const char* kLockersShown =
    "id             1\n"
    "title          Lockers\n"
    "description    pick-up points\n"
    "channel        sales\n"
    "proposer       Retail\n"
    "cost           6.00\n"
    "network_value  3.00\n"
    "status         proposed\n"
    "cycle          1\n"
    "lead           -\n"
    "\n"
    "Estimated impact per partner\n"
    "partner  estimate  volunteer\n"
    "Retail       4.00  yes      \n"
    "Courier     -1.00           \n"
    "\n";

TEST_F(InitiativeRowsCli, ShowPrintsTheListRowWithItsDescriptionAndTheImpacts) {
  const CommandResult shown = run("initiative show 1");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out, kLockersShown);
  const CommandResult missing = run("initiative show 007");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "covalue: error: ID: no initiative with id 007\n");
}

TEST_F(InitiativeRowsCli, CycleVerbsAndBallotsTakeTheNewestCycleUnlessGivenOne) {
  EXPECT_EQ(run("cycle vote 2").err, "covalue: error: cycle: no cycle 2\n");
  const json voting = json::parse(run("cycle vote --format json").out);
  EXPECT_EQ(voting.at("summary").at("state"), "voting") << voting.dump();
  const CommandResult ballot = run("ballot cast --partner Courier --approve 1");
  EXPECT_EQ(ballot.out,
            "ballot of Courier in cycle 1 recorded (1 entries, 0 objections); re-cast until the cycle closes\n")
      << ballot.err;
  EXPECT_EQ(run("ballot cast --partner Nobody --approve 1").err,
            "covalue: error: --partner: no partner named or numbered 'Nobody'\n");
  const json shown = json::parse(run("cycle show --format json").out);
  EXPECT_EQ(shown.at("summary").at("cycle"), 1) << shown.dump();
}

TEST(LeafRowsCli, CycleVerbsWithoutAnyCycleNameCycleZero) {
  const TempDir dir;
  const std::string db = " --db " + dir.file("network.db");
  ASSERT_EQ(run_covalue("network init --name Chain" + db).exit_code, 0);
  for (const char* verb : {"vote", "review", "shortlist", "show", "close"}) {
    const CommandResult result = run_covalue(std::string("cycle ") + verb + db);
    EXPECT_EQ(result.exit_code, 1) << verb;
    EXPECT_NE(result.err.find("no cycle 0"), std::string::npos) << verb << ": " << result.err;
  }
}

}  // namespace
}  // namespace covalue::testing
