// The settings table seen from the covalue binary: docs/settings.md is what the table generates; flags
// take their defaults from it; commands that change something print --format json|csv; `cycle close`
// prints the report of the outcome it decided, the same as `cycle show` afterwards.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

using nlohmann::json;

TEST(SettingsCli, DocsSettingsMdIsWhatTheTableGenerates) {
  const CommandResult generated = run_covalue("settings --format markdown");
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  EXPECT_EQ(read_file(std::string(COVALUE_SOURCE_DIR) + "/docs/settings.md"), generated.out)
      << "regenerate: covalue settings --format markdown > docs/settings.md";
}

TEST(SettingsCli, TheServerTomlTemplateIsAValidConfig) {
  const CommandResult toml = run_covalue("settings --format toml");
  ASSERT_EQ(toml.exit_code, 0) << toml.err;
  EXPECT_NE(toml.out.find("[server]\n"), std::string::npos) << toml.out;
  EXPECT_NE(toml.out.find("listen = \"127.0.0.1:8080\"\n"), std::string::npos) << toml.out;
  EXPECT_NE(toml.out.find("[solver]\n"), std::string::npos) << toml.out;
  EXPECT_NE(toml.out.find("time_limit_seconds = 20\n"), std::string::npos) << toml.out;
}

TEST(SettingsCli, FlagsShowTheTablesDefaultAndRange) {
  const CommandResult help = run_covalue("serve --help");
  ASSERT_EQ(help.exit_code, 0) << help.err;
  EXPECT_NE(help.out.find("--max-connections INT=512"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("(>= 1 and <= 1000000)"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("--solver-time-limit FLOAT=20"), std::string::npos) << help.out;
  const CommandResult bad = run_covalue("audit list --db /nonexistent/x.db --format yaml");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("must be one of: table, json, csv, got 'yaml'"), std::string::npos) << bad.err;
}

//! The command table registers every command (a child after its parent, whatever the order of files) and
//! hides the docs tool from --help.
TEST(CommandTable, EveryCommandIsRegisteredOnceInTheTablesOrder) {
  const CommandResult help = run_covalue("--help");
  ASSERT_EQ(help.exit_code, 0) << help.err;
  std::size_t at = 0;
  for (const char* command : {"pb", "rank", "network", "partner", "objective", "scorecard", "initiative", "cycle",
                              "ballot", "actuals", "report", "demo", "serve", "token", "audit"}) {
    const std::size_t found = help.out.find(std::string("\n  ") + command + " ", at);
    ASSERT_NE(found, std::string::npos) << command << " in order in:\n" << help.out;
    at = found + 1;
  }
  EXPECT_EQ(help.out.find("\n  settings"), std::string::npos) << "hidden";
  const CommandResult demo = run_covalue("pb demo --help");
  EXPECT_EQ(demo.exit_code, 0) << demo.err;
  EXPECT_NE(demo.out.find("Solve a bundled improvement cycle"), std::string::npos) << demo.out;
  for (const char* verb : {"open", "vote", "close", "review", "shortlist", "show"}) {
    const CommandResult cycle = run_covalue(std::string("cycle ") + verb + " --help");
    EXPECT_EQ(cycle.exit_code, 0) << verb << cycle.err;
  }
}

class ChangeCli : public DatabaseCli {
 protected:
  json ok_json(const std::string& args) { return json::parse(ok(args + " --format json"), nullptr, false); }

  //! A network voting on three initiatives under the consensus rule, with a scorecard.
  void voting_network() {
    ok("network init --name Chain --capacity 10 --rule consensus");
    for (const char* partner : {"Retail", "Courier", "Maker"}) {
      ok(std::string("partner add ") + partner + " --tier retailer");
    }
    ok("scorecard define --formula weighted --criterion value:value");
    ok("cycle open");
    ok("initiative propose --title Lockers --proposer Retail --cost 6 --impact Retail=4 --impact Maker=2");
    ok("initiative propose --title Pooling --proposer Courier --cost 5 --impact Courier=3 --volunteer Courier");
    ok("initiative propose --title Labels --proposer Maker --cost 3 --impact Maker=1 --impact Retail=1");
    ok("scorecard score --partner Retail --initiative 1 value=7");
    ok("cycle vote");
    ok("ballot cast --partner Retail --rank 1,3,2");
    ok("ballot cast --partner Courier --rank 2,1=3");
    ok("ballot cast --partner Maker --approve 3 --approve 1");
  }
};

TEST_F(ChangeCli, ChangingCommandsPrintWhatChangedAsJson) {
  const json network = ok_json("network init --name Chain --capacity 10");
  EXPECT_EQ(network["summary"]["name"], "Chain");
  EXPECT_EQ(network["summary"]["capacity"], "10");
  const json partner = ok_json("partner add Retail --tier retailer");
  EXPECT_EQ(partner["summary"]["id"], 1);
  EXPECT_EQ(partner["summary"]["name"], "Retail");
  const json cycle = ok_json("cycle open");
  EXPECT_EQ(cycle["summary"]["cycle"], 1);
  EXPECT_EQ(cycle["summary"]["state"], "proposing");
  const json first = ok_json("initiative propose --title Lockers --proposer Retail --cost 6 --impact Retail=4");
  const json second = ok_json("initiative propose --title Labels --proposer Retail --cost 2 --impact Retail=1");
  EXPECT_EQ(first["summary"]["id"], 1) << first.dump();
  EXPECT_EQ(second["summary"]["id"], 2) << "a script reads the new id";
  EXPECT_EQ(second["summary"]["status"], "proposed");
  EXPECT_EQ(second["summary"]["network_value"], "1");
  EXPECT_EQ(ok("initiative withdraw 2 --format csv"),
            "id,title,status,cycle,cost,network_value\n2,Labels,withdrawn,1,2,1\n");
}

TEST_F(ChangeCli, TheTableFormatIsTheSentenceItAlwaysWas) {
  EXPECT_EQ(ok("network init --name Chain --capacity 10"),
            "network 'Chain' created in " + db_ + ": capacity 10 per cycle, rule mes, sharing shapley, k = 3\n");
  EXPECT_EQ(ok("partner add Retail --tier retailer --format table"),
            "partner 1 'Retail' (retailer) joins from cycle 1\n");
  ok("cycle open");
  EXPECT_EQ(ok("initiative propose --title Lockers --proposer Retail --cost 6 --impact Retail=4"),
            "initiative 1 'Lockers' proposed; network value 4; up for decision in cycle 1\n");
}

TEST_F(ChangeCli, CycleClosePrintsTheReportCycleShowPrintsAfterwards) {
  voting_network();
  const std::string closed = ok("cycle close --confirm-low-turnout");  // no number: the newest cycle
  EXPECT_EQ(closed, ok("cycle show 1"));
  EXPECT_NE(closed.find("consensus"), std::string::npos) << closed;
  EXPECT_NE(closed.find("closed"), std::string::npos) << closed;
  EXPECT_EQ(ok("cycle show 1 --format json"), ok("cycle show --format json"));
  const CommandResult again = run("cycle close --confirm-low-turnout 1");
  EXPECT_EQ(again.exit_code, 1) << "a closed cycle does not close twice";
  EXPECT_EQ(again.out, "");
}

TEST_F(ChangeCli, CycleCloseAsJsonIsTheStoredReport) {
  voting_network();
  const std::string closed = ok("cycle close --confirm-low-turnout 1 --format json");
  EXPECT_EQ(closed, ok("cycle show 1 --format json"));
  const json report = json::parse(closed, nullptr, false);
  EXPECT_EQ(report["summary"]["state"], "closed");
  EXPECT_TRUE(report.contains("decisions") && report.contains("consensus")) << closed;
}

TEST_F(ChangeCli, ClosingWithoutACycleSaysSo) {
  ok("network init --name Chain");
  const CommandResult result = run("cycle close --confirm-low-turnout");
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("cycle"), std::string::npos) << result.err;
}

//! A token's secret alone on stdout (a script reads it) and the notice beside it on stderr.
TEST_F(ChangeCli, ATokensSecretIsAloneOnStdoutAndTheNoticeOnStderr) {
  ok("network init --name Chain");
  const CommandResult issued = run("token issue --role observer --label ops");
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  EXPECT_EQ(issued.err, "token 1 (observer) issued; its secret is shown once:\n");
  ASSERT_FALSE(issued.out.empty());
  EXPECT_EQ(issued.out.find('\n'), issued.out.size() - 1) << issued.out;
  EXPECT_EQ(issued.out.find(' '), std::string::npos) << issued.out;
}

//! A command that fails part-way keeps what it printed before the error, and exits with the error's code.
TEST_F(ChangeCli, TheDemoKeepsItsReportsUpToTheOneThatCannotBePrinted) {
  const CommandResult demo = run("demo --format csv --table cycles");  // fairness has no table "cycles"
  EXPECT_EQ(demo.exit_code, 2);
  EXPECT_EQ(demo.out.rfind("Demo network built in " + db_ +
                               ": 14 partners, 8 closed cycles.\n\n"
                               "=== report network ===\ncycle,",
                           0),
            0U)
      << demo.out;
  EXPECT_TRUE(demo.out.ends_with("=== report fairness ===\n")) << demo.out;
  EXPECT_NE(demo.err.find("--table: no table 'cycles' in this report"), std::string::npos) << demo.err;
}

}  // namespace
}  // namespace covalue::testing
