// `covalue rank` run as a real process on files written to a temporary folder.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "cli_test_support.hpp"

namespace {

using ProcessResult = covalue::testing::CommandResult;

// Each test writes its files to its own temporary folder and runs the real binary on them.
class RankCli : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& text) const { return dir_.write(name, text); }
  static ProcessResult run(const std::string& arguments) { return covalue::testing::run_covalue(arguments); }

  covalue::testing::TempDir dir_;
};

// A > B > C (4), B > C > A (3), C > A > B (2): a majority cycle; alternative 4 comes last everywhere.
const char* const kCycle =
    "# TITLE: cycle\n# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 4\n# NUMBER VOTERS: 9\n# NUMBER UNIQUE ORDERS: 3\n"
    "# ALTERNATIVE NAME 1: Shared forecasting\n# ALTERNATIVE NAME 2: Returns hub\n"
    "4: 1,2,3,4\n3: 2,3,1,4\n2: 3,1,2,4\n";

TEST_F(RankCli, JsonHasWinnersRankingMarginsAndAgreement) {
  const std::string file = write("cycle.soc", kCycle);
  const ProcessResult result = run("rank '" + file + "' --rule schulze --format json");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json.at("winners"), nlohmann::json::array({1}));
  EXPECT_EQ(json.at("ranking"), nlohmann::json::parse("[[1],[2],[3],[4]]"));
  EXPECT_EQ(json.at("margins").at(0), nlohmann::json::parse("[0,3,-1,9]"));
  EXPECT_TRUE(json.at("condorcet_winner").is_null());
  EXPECT_EQ(json.at("majority_cycle").size(), 3U);
  EXPECT_EQ(json.at("agreement_index").at("exact"), "2/3");
  EXPECT_EQ(json.at("ballots").size(), 3U);
}

TEST_F(RankCli, EveryRuleRuns) {
  const std::string file = write("cycle.soc", kCycle);
  for (const char* rule : {"borda", "plurality", "copeland", "minimax", "schulze", "ranked_pairs", "irv", "kemeny"}) {
    const ProcessResult result = run("rank '" + file + "' --rule " + rule + " --format json");
    ASSERT_EQ(result.exit_code, 0) << rule << ": " << result.err;
    EXPECT_EQ(nlohmann::json::parse(result.out).at("rule"), rule);
  }
  // The spelling before issue 11 is still accepted, and answered with the name of today.
  const ProcessResult old = run("rank '" + file + "' --rule ranked-pairs --format json");
  ASSERT_EQ(old.exit_code, 0) << old.err;
  EXPECT_EQ(nlohmann::json::parse(old.out).at("rule"), "ranked_pairs");
  const ProcessResult kemeny = run("rank '" + file + "' --rule kemeny --format json");
  EXPECT_EQ(nlohmann::json::parse(kemeny.out).at("kemeny").at("distance").at("exact"), "10");
}

TEST_F(RankCli, TiedWinnersAreAllListedOnlyWhenAsked) {
  const std::string file = write("tie.soc",
                                 "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 2\n"
                                 "# NUMBER UNIQUE ORDERS: 2\n1: 2,1,3\n1: 1,2,3\n");
  const ProcessResult one = run("rank '" + file + "' --rule borda --format json");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(nlohmann::json::parse(one.out).at("winners"), nlohmann::json::array({1}));
  const ProcessResult all = run("rank '" + file + "' --rule borda --all-winners --format json");
  EXPECT_EQ(nlohmann::json::parse(all.out).at("winners"), nlohmann::json::array({1, 2}));
  const ProcessResult table = run("rank '" + file + "' --rule borda");
  EXPECT_NE(table.out.find("tied winners: 1, 2"), std::string::npos) << table.out;
}

TEST_F(RankCli, TableShowsTheConsensusAndItsStrength) {
  const std::string file = write("cycle.soc", kCycle);
  const ProcessResult result = run("rank '" + file + "' --rule kemeny");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("winner: 1 Shared forecasting"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Kemeny distance: 10 (1 optimal ranking)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("majority cycle"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("agreement index: 0.6667"), std::string::npos) << result.out;
}

TEST_F(RankCli, PartialRankingsWithTies) {
  const std::string file = write("votes.toi",
                                 "# DATA TYPE: toi\n# NUMBER ALTERNATIVES: 4\n# NUMBER VOTERS: 6\n"
                                 "# NUMBER UNIQUE ORDERS: 3\n3: {1,2},3\n2: 4\n1: 3,{4,1}\n");
  const ProcessResult result = run("rank '" + file + "' --rule copeland --all-winners --format json");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json.at("data_type"), "toi");
  EXPECT_EQ(json.at("voters"), 6);
}

TEST_F(RankCli, BadInputSaysFileLineColumnAndExitsOne) {
  struct Case {
    const char* name;
    const char* body;
    const char* where_what;
  };
  const std::string header =
      "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 3\n# NUMBER UNIQUE ORDERS: 2\n";
  const Case cases[] = {
      {"unknown.soc", "2: 1,2,3\n1: 3,7,1\n", "unknown.soc:6:6: alternative 7 is not in 1..3"},
      {"twice.soc", "2: 1,2,1\n1: 3,2,1\n", "twice.soc:5:8: alternative 1 appears twice in this ranking"},
      {"count.soc", "2: 1,2,3\n2: 3,2,1\n", "count.soc:3:18: NUMBER VOTERS is 3 but the orders count 4 voters"},
      {"short.soc", "2: 1,2,3\n", "short.soc:6:1: the file ends after 1 of the 2 orders"},
      {"cut.soc", "2: 1,2,3\n1: 3,", "cut.soc:6:6: expected an alternative, found the end of the line"},
  };
  for (const Case& c : cases) {
    const std::string file = write(c.name, header + c.body);
    const ProcessResult result = run("rank '" + file + "' --rule borda");
    EXPECT_EQ(result.exit_code, 1) << c.name;
    EXPECT_NE(result.err.find(c.where_what), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
  }
  const ProcessResult missing = run("rank '" + dir_.file("absent.soc") + "' --rule borda");
  EXPECT_EQ(missing.exit_code, 1);
}

TEST_F(RankCli, UsageErrorsExitTwo) {
  const std::string file = write("cycle.soc", kCycle);
  EXPECT_EQ(run("rank '" + file + "' --rule condorcet").exit_code, 2);
  EXPECT_EQ(run("rank '" + file + "'").exit_code, 2);
  EXPECT_EQ(run("rank '" + file + "' --rule borda --format xml").exit_code, 2);
  EXPECT_EQ(run("rank --rule borda").exit_code, 2);
}

}  // namespace
