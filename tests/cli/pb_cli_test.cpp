// `covalue pb ...` as a user meets it: the real binary on real files.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

const std::string kData = COVALUE_DATA_DIR;
const std::string kDemo = std::string(COVALUE_SOURCE_DIR) + "/apps/demo/network_cycle.pb";

// A small election with a tie: p1 and p2 are each bought by two voters at the same price.
const char* kTied = R"(META
key;value
budget;20
vote_type;approval
PROJECTS
project_id;cost
p1;10
p2;10
VOTES
voter_id;vote
1;p1
2;p1
3;p2
4;p2
)";

TEST(PbCli, SolveJsonHasSelectedIdsCertificateAndTrace) {
  const auto r = run_covalue("pb solve " + kDemo + " --rule mes --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j["selected"].is_array());
  ASSERT_FALSE(j["selected"].empty());
  EXPECT_TRUE(j["selected"][0].is_string());
  EXPECT_EQ(j["certificate"]["kind"], "mes");
  EXPECT_FALSE(j["trace"].empty());
  EXPECT_EQ(j["rule"], "mes");
}

TEST(PbCli, SolveMatchesTheReferenceOnARealElection) {
  // Poland_Warszawa_2019_Zacisze, mes_cost_add1+greedy, as listed in pabulib-expected.jsonl.
  const std::string file = kData + "/pabulib/Poland_Warszawa_2019_Zacisze.pb";
  const auto r = run_covalue("pb solve " + file + " --rule mes --completion add1+greedy --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto got = nlohmann::json::parse(r.out)["selected"].get<std::vector<std::string>>();
  std::ifstream expected(kData + "/pabulib-expected.jsonl");
  std::string line;
  bool found = false;
  while (std::getline(expected, line)) {
    const auto row = nlohmann::json::parse(line);
    if (row["instance"] == "Poland_Warszawa_2019_Zacisze.pb" && row["rule"] == "mes_cost_add1+greedy") {
      auto want = row["selected"].get<std::vector<std::string>>();
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      EXPECT_EQ(got, want);
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(PbCli, TableFormatListsTheSelection) {
  const auto r = run_covalue("pb solve " + kDemo + " --rule greedy --sat card");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("selected"), std::string::npos);
  EXPECT_NE(r.out.find("total cost"), std::string::npos);
}

TEST(PbCli, VerifyAcceptsWhatSolveWroteAndRejectsATamperedCertificate) {
  const TempDir dir;
  for (const char* flags : {"--rule mes", "--rule mes --sat card --completion add1+greedy", "--rule greedy",
                            "--rule phragmen", "--rule maxwelfare"}) {
    const auto solved = run_covalue("pb solve " + kDemo + " " + flags + " --format json");
    ASSERT_EQ(solved.exit_code, 0) << flags << solved.err;
    const std::string outcome = dir.write("outcome.json", solved.out);
    const auto verified = run_covalue("pb verify " + kDemo + " " + outcome);
    EXPECT_EQ(verified.exit_code, 0) << flags << verified.out << verified.err;
    EXPECT_NE(verified.out.find("verified"), std::string::npos) << flags;
  }
  auto j = nlohmann::json::parse(run_covalue("pb solve " + kDemo + " --rule mes --format json").out);
  auto& cap = j["certificate"]["purchases"][0]["cap"];
  cap = cap.get<std::string>() + "+1";  // not even a number
  auto r = run_covalue("pb verify " + kDemo + " " + dir.write("bad.json", j.dump()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("$.certificate.purchases[0].cap"), std::string::npos) << r.err;

  j = nlohmann::json::parse(run_covalue("pb solve " + kDemo + " --rule mes --format json").out);
  j["certificate"]["purchases"][0]["cap"] = "1/3";
  r = run_covalue("pb verify " + kDemo + " " + dir.write("bad2.json", j.dump()));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("REJECTED"), std::string::npos) << r.out;

  j = nlohmann::json::parse(run_covalue("pb solve " + kDemo + " --rule mes --format json").out);
  j["certificate"]["purchases"][0]["pay_cap"].push_back(99);
  r = run_covalue("pb verify " + kDemo + " " + dir.write("bad3.json", j.dump()));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("purchase 1: budget class 99 pays but only classes 0 to 0 exist by then"), std::string::npos)
      << r.out;
}

// A solution written before budget classes (one payment per voter group, with the groups table) still
// verifies, and its certificate still names each payer by its approvals.
TEST(PbCli, VerifyAcceptsACertificateWithPaymentsPerVoterGroup) {
  const std::string old = std::string(COVALUE_SOURCE_DIR) + "/tests/data/mes_per_group_solution.json";
  const auto j = nlohmann::json::parse(std::ifstream(old));
  ASSERT_FALSE(j["certificate"]["purchases"][0]["payments"].empty());
  ASSERT_FALSE(j["certificate"]["groups"].empty());
  const auto verified = run_covalue("pb verify " + kDemo + " " + old);
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  EXPECT_NE(verified.out.find("verified"), std::string::npos) << verified.out;
}

// The certificate names each paying budget class once: far smaller than one payment per voter group.
TEST(PbCli, SolveJsonCertificateHasClassPaymentsAndNoGroupsTable) {
  const auto r = run_covalue("pb solve " + kDemo + " --rule mes --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_FALSE(j["certificate"].contains("groups"));
  for (const auto& purchase : j["certificate"]["purchases"]) {
    EXPECT_FALSE(purchase.contains("payments"));
    EXPECT_TRUE(purchase["cap"].is_string());
    EXPECT_FALSE(purchase["pay_cap"].empty() && purchase["pay_all"].empty());
  }
}

// Found by tests/fuzz/json_fuzzer.cpp: an option of the wrong JSON type escaped the reader as an
// exception (exit 4), and a solution with no outcome at all was "verified" (exit 0).
TEST(PbCli, VerifyRefusesAWronglyTypedOptionAndASolutionWithoutOutcomes) {
  const TempDir dir;
  auto r = run_covalue("pb verify " + kDemo + " " +
                       dir.write("typed.json", R"({"rule":5,"selected":[],"total_cost":"0","trace":[]})"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("$.rule"), std::string::npos) << r.err;
  r = run_covalue("pb verify " + kDemo + " " + dir.write("empty.json", R"({"rule":"mes","outcomes":[]})"));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("$.outcomes"), std::string::npos) << r.err;
}

TEST(PbCli, IrresoluteReturnsEveryTiedOutcome) {
  const TempDir dir;
  const std::string file = dir.write("tied.pb", kTied);
  const auto r = run_covalue("pb solve " + file + " --rule greedy --irresolute --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j["outcomes"].is_array());
  EXPECT_EQ(j["outcomes"].size(), 1U);  // both fit: one outcome, no choice needed
  const auto mes =
      nlohmann::json::parse(run_covalue("pb solve " + file + " --rule mes --irresolute --format json").out);
  EXPECT_EQ(mes["outcomes"].size(), 1U);  // MES buys both, in either order
  std::string tight = kTied;
  tight.replace(tight.find("budget;20"), 9, "budget;10");
  const auto both =
      run_covalue("pb solve " + dir.write("tight.pb", tight) + " --rule greedy --irresolute --format json");
  ASSERT_EQ(both.exit_code, 0) << both.err;
  const auto k = nlohmann::json::parse(both.out);
  ASSERT_EQ(k["outcomes"].size(), 2U);  // only one fits: either may be taken
  EXPECT_EQ(k["outcomes"][0]["selected"][0], "p1");
  EXPECT_EQ(k["outcomes"][1]["selected"][0], "p2");
}

TEST(PbCli, RefusedTieExitsWithThree) {
  const TempDir dir;
  std::string tight = kTied;
  tight.replace(tight.find("budget;20"), 9, "budget;10");
  const std::string file = dir.write("tied.pb", tight);
  const auto r = run_covalue("pb solve " + file + " --rule greedy --tie refuse");
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.err.find("tied"), std::string::npos) << r.err;
  EXPECT_EQ(run_covalue("pb solve " + file + " --rule greedy --tie lex").exit_code, 0);
}

TEST(PbCli, BadInputNamesFileLineAndColumn) {
  const TempDir dir;
  const std::string file = dir.write("bad.pb", "META\nkey;value\nbudget;abc\nvote_type;approval\n");
  const auto r = run_covalue("pb solve " + file);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(file + ":3:"), std::string::npos) << r.err;
  const auto missing = run_covalue("pb check " + dir.file("nope.pb"));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("nope.pb"), std::string::npos) << missing.err;
}

TEST(PbCli, CheckReportsConsistency) {
  const auto r = run_covalue("pb check " + kDemo);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ok"), std::string::npos);
  const TempDir dir;
  std::string text = read_file(kDemo);
  text.replace(text.find("num_votes;"), 10, "num_votes;1");  // now claims more votes than it has
  const auto bad = run_covalue("pb check " + dir.write("inconsistent.pb", text));
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
}

TEST(PbCli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run_covalue("pb solve " + kDemo + " --rule nonsense").exit_code, 2);
  EXPECT_EQ(run_covalue("pb solve " + kDemo + " --sat nonsense").exit_code, 2);
  EXPECT_EQ(run_covalue("pb solve " + kDemo + " --rule greedy --completion add1").exit_code, 2);
  EXPECT_EQ(run_covalue("pb solve").exit_code, 2);
  EXPECT_EQ(run_covalue("frobnicate").exit_code, 2);
}

TEST(PbCli, HelpDescribesEverySubcommand) {
  for (const char* command : {"pb solve --help", "pb check --help", "pb verify --help", "pb demo --help", "--help"}) {
    const auto r = run_covalue(command);
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << command << r.out;
  }
  EXPECT_NE(run_covalue("pb solve --help").out.find("--completion"), std::string::npos);
}

TEST(PbCli, DemoPrintsEveryRuleSideBySide) {
  const auto r = run_covalue("pb demo");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* label : {"greedy", "mes", "mes+greedy", "mes+add1", "phragmen", "maxwelfare"}) {
    EXPECT_NE(r.out.find(label), std::string::npos) << label;
  }
}

}  // namespace
}  // namespace covalue::testing
