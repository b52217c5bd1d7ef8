// The charter's ballot limits from the command line (issue 15 item 6): the score scale and the points budget are set
// by `network init|update` (and proposed by `charter propose`), shown by `network show`, kept in the archive, and
// enforced by `ballot cast`; a database made before them keeps the old limit, so none of its ballots is refused.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

using nlohmann::json;
using BallotLimitsCli = DatabaseCli;

TEST_F(BallotLimitsCli, TheLimitsAreSetShownArchivedAndRefusedInWords) {
  ok("network init --name Chain --capacity 40");
  json shown = json::parse(ok("network show --format json"));
  EXPECT_EQ(shown.at("summary").at("score_max"), "10");
  EXPECT_EQ(shown.at("summary").at("points_budget"), "0");
  ok("network update --score-max 7/2 --points-budget 20");
  shown = json::parse(ok("network show --format json"));
  EXPECT_EQ(shown.at("summary").at("score_max"), "3.5");
  EXPECT_EQ(shown.at("summary").at("points_budget"), "20");
  const json charter = json::parse(ok("network export --output -")).at("charter");
  EXPECT_EQ(charter.at("score_max"), "7/2");
  EXPECT_EQ(charter.at("points_budget"), "20");
  for (const std::string& bad : {std::string("--score-max 0"), std::string("--score-max 1000000001"),
                                 std::string("--points-budget -1"), std::string("--points-budget lots")}) {
    const CommandResult result = run("network update " + bad);
    EXPECT_NE(result.exit_code, 0) << bad << "\n" << result.err;
    EXPECT_NE(result.err.find(bad.find("score") != std::string::npos ? "score" : "points"), std::string::npos)
        << result.err;
  }
}

TEST_F(BallotLimitsCli, BallotCastRefusesAScoreAboveTheScaleAndPointsOverTheBudget) {
  ok("network init --name Chain --capacity 40 --score-max 10 --points-budget 12");
  ok("partner add Retail --tier retailer");
  ok("partner add Courier --tier last_mile");
  ok("cycle open");
  ok("initiative propose --title Lockers --proposer Retail --cost 6 --impact Retail=4");
  ok("initiative propose --title Pooling --proposer Courier --cost 5 --impact Courier=3");
  ok("cycle vote");
  CommandResult refused = run("ballot cast --partner Retail --score 1=10 --score 2=21/2");
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("initiative 2"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("up to 10"), std::string::npos) << refused.err;
  refused = run("ballot cast --partner Courier --points 1=8 --points 2=4.5");
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("budget of 12"), std::string::npos) << refused.err;
  ok("ballot cast --partner Retail --score 1=10 --score 2=19/2");
  ok("ballot cast --partner Courier --points 1=7.5 --points 2=4.5");
  const json outcome = json::parse(ok("cycle close --format json"), nullptr, false);
  ASSERT_TRUE(outcome.contains("decisions")) << outcome.dump();
}

// A database as schema step 15 left it: step 17 gives its charter the limit its ballots had (1000000000) and no
// budget, so a ballot cast before the step, or cast again after it, is not refused for its scale.
TEST_F(BallotLimitsCli, ADatabaseMadeBeforeTheLimitsKeepsTheOldScale) {
  ok("network init --name Chain");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  const int status = sqlite3_exec(db,
                                  "DROP TABLE coordinator_votes; DROP TABLE coordinator_elections; "
                                  "ALTER TABLE charter DROP COLUMN score_max; "
                                  "ALTER TABLE charter DROP COLUMN points_budget; "
                                  "DELETE FROM schema_migrations WHERE version >= 16;",
                                  nullptr, nullptr, &message);
  EXPECT_EQ(status, SQLITE_OK) << (message == nullptr ? "" : message);
  sqlite3_free(message);
  sqlite3_close(db);
  const json shown = json::parse(ok("network show --format json"));
  EXPECT_EQ(shown.at("summary").at("score_max"), "1000000000");
  EXPECT_EQ(shown.at("summary").at("points_budget"), "0");
  EXPECT_TRUE(std::filesystem::exists(db_ + ".bak-v15"));
}

// An archive written before the limits has no score_max: it imports with the old limit, as the schema step keeps it.
TEST_F(BallotLimitsCli, AnArchiveWrittenBeforeTheLimitsImportsWithTheOldScale) {
  ok("network init --name Chain --score-max 4 --points-budget 9");
  json archive = json::parse(ok("network export --output -"));
  EXPECT_EQ(archive.at("charter").at("score_max"), "4");
  const std::string kept = dir_.file("kept.json");
  std::ofstream(kept) << archive.dump();
  archive["charter"].erase("score_max");
  archive["charter"].erase("points_budget");
  const std::string older = dir_.file("older.json");
  std::ofstream(older) << archive.dump();
  const std::string moved = dir_.file("moved.db");
  ASSERT_EQ(run_covalue("network import " + older + " --db " + moved).exit_code, 0);
  const json shown = json::parse(run_covalue("network show --format json --db " + moved).out);
  EXPECT_EQ(shown.at("summary").at("score_max"), "1000000000");
  EXPECT_EQ(shown.at("summary").at("points_budget"), "0");
  const std::string again = dir_.file("again.db");
  ASSERT_EQ(run_covalue("network import " + kept + " --db " + again).exit_code, 0);
  const json same = json::parse(run_covalue("network show --format json --db " + again).out);
  EXPECT_EQ(same.at("summary").at("score_max"), "4");
  EXPECT_EQ(same.at("summary").at("points_budget"), "9");
}

}  // namespace
}  // namespace covalue::testing
